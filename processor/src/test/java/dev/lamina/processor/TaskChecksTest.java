package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * What {@code Task.declarationProblems} and the checks of the last layer say about a model's
 * classes, outputs, loss, fromLogits, metrics and topK: each problem by its message and on the line of
 * the value at fault. The models put each {@code @Model} attribute, and each metric, on a line of its own.
 */
class TaskChecksTest {
    private static final String HIDDEN = "    @Dense(units = 8, activation = RELU) Layer hidden;";

    /** A model of input (4) with the given attributes, one a line, and body. */
    private static ModelSource model(String name, String attributes, String... body) {
        return ModelSource.model(name, "input = {4},\n        " + attributes.replace(", ", ",\n        "), body);
    }

    private static ModelSource binary(String name, String extra, String... out) {
        String[] body = new String[out.length + 1];
        body[0] = HIDDEN;
        System.arraycopy(out, 0, body, 1, out.length);
        return model(name, "classes = 2, loss = Loss.BINARY_CROSSENTROPY" + extra, body);
    }

    /** Exactly one error, {@code message}, on the first line containing {@code lineText}. */
    private static void assertOnlyError(ModelSource source, String message, String lineText) {
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, message, lineText);
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    private static String generated(ModelSource source, String network) throws Exception {
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test." + network).orElseThrow().getCharContent(true).toString();
    }

    // classes and outputs

    @Test
    void classesAndOutputsBothSetIsAnErrorOnOutputs() {
        assertOnlyError(model("Both", "classes = 3, outputs = 2, loss = Loss.MEAN_SQUARED_ERROR",
                        HIDDEN, "    @Dense(units = 2) Layer out;"),
                "classes = 3 and outputs = 2 are both set, but a model predicts either classes or numbers. Keep classes"
                        + " for a classifier (one class per sample), or outputs for regression or several yes/no labels"
                        + " per sample.", "outputs = 2");
    }

    @Test
    void neitherClassesNorOutputsIsAnErrorOnTheLoss() {
        assertOnlyError(model("Neither", "loss = Loss.MEAN_SQUARED_ERROR", HIDDEN, "    @Dense(units = 1) Layer out;"),
                "The model declares neither classes nor outputs. Set classes = N for a classifier of N classes, or"
                        + " outputs = N for N numbers (regression) or N yes/no labels per sample.", "loss =");
    }

    @Test
    void oneOrANegativeNumberOfClassesIsAnErrorOnClasses() {
        assertOnlyError(model("OneClass", "classes = 1, loss = Loss.BINARY_CROSSENTROPY",
                        HIDDEN, "    @Dense(units = 1, activation = SIGMOID) Layer out;"),
                "classes is 1 but a classifier needs at least 2 classes. For a yes/no outcome set classes = 2 with"
                        + " loss = Loss.BINARY_CROSSENTROPY, or for one number set outputs = 1.", "classes = 1");
        assertOnlyError(model("NegativeClasses", "classes = -2, loss = Loss.CATEGORICAL_CROSSENTROPY",
                        HIDDEN, "    @Dense(units = 2, activation = SOFTMAX) Layer out;"),
                "classes is -2 but a classifier needs at least 2 classes.", "classes = -2");
    }

    @Test
    void negativeOutputsIsAnErrorOnOutputs() {
        assertOnlyError(model("NegativeOutputs", "outputs = -1, loss = Loss.MEAN_SQUARED_ERROR",
                        HIDDEN, "    @Dense(units = 1) Layer out;"),
                "outputs is -1 but must be at least 1.", "outputs = -1");
    }

    // The loss

    @Test
    void aRegressionLossWithClassesIsAnErrorOnTheLoss() {
        assertOnlyError(model("RegressionClasses", "classes = 3, loss = Loss.MEAN_ABSOLUTE_ERROR",
                        HIDDEN, "    @Dense(units = 3) Layer out;"),
                "The mean absolute error is a regression loss but the model declares classes = 3. For numbers to"
                        + " predict set outputs = N instead of classes; for a classifier use"
                        + " loss = Loss.CATEGORICAL_CROSSENTROPY.", "loss =");
    }

    @Test
    void binaryCrossentropyWithThreeClassesIsAnErrorOnTheLoss() {
        assertOnlyError(model("BinaryOfThree", "classes = 3, loss = Loss.BINARY_CROSSENTROPY",
                        HIDDEN, "    @Dense(units = 3, activation = SIGMOID) Layer out;"),
                "Binary crossentropy is for two classes but the model has 3. Use loss = Loss.CATEGORICAL_CROSSENTROPY"
                        + " for one class of 3 per sample, or outputs = 3 for 3 yes/no labels per sample.", "loss =");
    }

    @Test
    void aCategoricalCrossentropyWithOutputsIsAnErrorOnTheLoss() {
        assertOnlyError(model("CategoricalOutputs", "outputs = 3, loss = Loss.CATEGORICAL_CROSSENTROPY",
                        HIDDEN, "    @Dense(units = 3, activation = SOFTMAX) Layer out;"),
                "The categorical crossentropy picks one class per sample but the model declares outputs rather than"
                        + " classes. Set classes = N for a classifier, or use loss = Loss.MEAN_SQUARED_ERROR for"
                        + " regression or loss = Loss.BINARY_CROSSENTROPY for yes/no labels.", "loss =");
        assertOnlyError(model("SparseOutputs", "outputs = 3, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY",
                        HIDDEN, "    @Dense(units = 3, activation = SOFTMAX) Layer out;"),
                "The sparse categorical crossentropy picks one class per sample", "loss =");
    }

    @Test
    void fromLogitsWithARegressionLossIsAnErrorOnFromLogits() {
        assertOnlyError(model("RegressionLogits", "outputs = 2, loss = Loss.HUBER, fromLogits = true",
                        HIDDEN, "    @Dense(units = 2) Layer out;"),
                "fromLogits = true but the Huber loss compares outputs with targets as they are: logits belong to a"
                        + " crossentropy. Remove fromLogits.", "fromLogits = true");
    }

    // Metrics

    @Test
    void classifierMetricsOnARegressionAreErrorsOnEachMetric() {
        ModelSource source = model("RegressionMetrics", "outputs = 2, loss = Loss.MEAN_SQUARED_ERROR, metrics = {"
                        + "Metric.MAE, Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.AUC,"
                        + " Metric.TOP_K_ACCURACY, Metric.RMSE}",
                HIDDEN, "    @Dense(units = 2) Layer out;");
        Compilation compilation = source.compile();
        for (String metric : new String[] {"ACCURACY", "PRECISION", "RECALL", "F1", "AUC", "TOP_K_ACCURACY"}) {
            source.assertErrorOnLine(compilation, "Metric." + metric + " counts classes but the model predicts numbers"
                    + " (regression). Use Metric.MAE or Metric.RMSE.", "Metric." + metric + ",");
        }
        assertEquals(6, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void distanceMetricsOnAClassifierAreErrorsOnEachMetric() {
        ModelSource source = model("ClassifierDistances", "classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,"
                        + " metrics = {Metric.ACCURACY, Metric.MAE, Metric.RMSE}",
                HIDDEN, "    @Dense(units = 3, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        String classifier = " measures the distance to numeric targets but the model is a classifier. Use"
                + " Metric.ACCURACY, Metric.PRECISION, Metric.RECALL or Metric.F1.";
        source.assertErrorOnLine(compilation, "Metric.MAE" + classifier, "Metric.MAE");
        source.assertErrorOnLine(compilation, "Metric.RMSE" + classifier, "Metric.RMSE");
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
        // Yes/no labels are not numbers to measure a distance to either.
        assertOnlyError(model("LabelDistances", "outputs = 3, loss = Loss.BINARY_CROSSENTROPY, metrics = Metric.RMSE",
                        HIDDEN, "    @Dense(units = 3, activation = SIGMOID) Layer out;"),
                "Metric.RMSE" + classifier, "Metric.RMSE");
    }

    @Test
    void topKAccuracyWithoutManyClassesIsAnErrorOnTheMetric() {
        assertOnlyError(binary("BinaryTopK", ", metrics = {Metric.ACCURACY, Metric.TOP_K_ACCURACY}",
                        "    @Dense(units = 1, activation = SIGMOID) Layer out;"),
                "Metric.TOP_K_ACCURACY ranks the scores of one class among many; with two classes it has no meaning."
                        + " Use Metric.ACCURACY.", "Metric.TOP_K_ACCURACY");
        assertOnlyError(model("LabelsTopK", "outputs = 3, loss = Loss.BINARY_CROSSENTROPY,"
                        + " metrics = Metric.TOP_K_ACCURACY", HIDDEN, "    @Dense(units = 3, activation = SIGMOID) Layer out;"),
                "Metric.TOP_K_ACCURACY ranks the scores of one class among many; with independent labels it has no"
                        + " meaning.", "Metric.TOP_K_ACCURACY");
    }

    @Test
    void topKOfAsManyClassesOrNoneIsAnError() {
        // The default topK of 5 among 5 classes: on the metric; a topK the model writes: on that value.
        assertOnlyError(model("TopKOfAll", "classes = 5, loss = Loss.CATEGORICAL_CROSSENTROPY,"
                        + " metrics = Metric.TOP_K_ACCURACY", HIDDEN, "    @Dense(units = 5, activation = SOFTMAX) Layer out;"),
                "Metric.TOP_K_ACCURACY with topK = 5 among 5 classes is always 1. Set topK between 1 and 4 in @Model.",
                "Metric.TOP_K_ACCURACY");
        assertOnlyError(model("TopKOfMore", "classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY, topK = 7,"
                        + " metrics = Metric.TOP_K_ACCURACY", HIDDEN, "    @Dense(units = 3, activation = SOFTMAX) Layer out;"),
                "Metric.TOP_K_ACCURACY with topK = 7 among 3 classes is always 1. Set topK between 1 and 2 in @Model.",
                "topK = 7");
        assertOnlyError(model("TopKOfNone", "classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY, topK = 0,"
                        + " metrics = Metric.TOP_K_ACCURACY", HIDDEN, "    @Dense(units = 3, activation = SOFTMAX) Layer out;"),
                "Metric.TOP_K_ACCURACY with topK = 0 among 3 classes counts nothing. Set topK between 1 and 2 in @Model.",
                "topK = 0");
    }

    @Test
    void aucWithThreeClassesIsAnErrorOnTheMetric() {
        assertOnlyError(model("ThreeClassAuc", "classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,"
                        + " metrics = {Metric.ACCURACY, Metric.AUC}", HIDDEN,
                        "    @Dense(units = 3, activation = SOFTMAX) Layer out;"),
                "Metric.AUC is the area under the ROC curve of a yes/no score, but the model has 3 classes. Use it with"
                        + " two classes or with outputs of yes/no labels.", "Metric.AUC");
    }

    @Test
    void aMetricListedTwiceIsAnErrorOnItsSecondElement() {
        ModelSource source = model("Twice", "classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,"
                        + " metrics = {Metric.ACCURACY, Metric.F1, Metric.ACCURACY /*second*/}", HIDDEN,
                "    @Dense(units = 3, activation = SOFTMAX) Layer out;");
        assertOnlyError(source, "Metric.ACCURACY is listed twice. Remove one.", "/*second*/");
    }

    // The last layer

    @Test
    void softmaxOnARegressionOutputIsAnErrorOnTheActivation() {
        assertOnlyError(model("SoftmaxRegression", "outputs = 3, loss = Loss.MEAN_SQUARED_ERROR", HIDDEN,
                        "    @Dense(units = 3,", "           activation = SOFTMAX) Layer out;"),
                "out applies softmax, which makes its outputs sum to 1, but the model predicts numbers with the mean"
                        + " squared error. Remove its activation = Activation.SOFTMAX (a linear output is the usual one"
                        + " for regression).", "activation = SOFTMAX");
        assertOnlyError(model("SoftmaxLayerRegression", "outputs = 3, loss = Loss.HUBER", HIDDEN,
                        "    @Dense(units = 3) Layer logits;", "    @ActivationLayer(SOFTMAX) Layer out;"),
                "out applies softmax, which makes its outputs sum to 1, but the model predicts numbers with the Huber"
                        + " loss. Remove it (a linear output is the usual one for regression).", "Layer out;");
    }

    @Test
    void binaryCrossentropyOfReluOrLinearOutputsIsAnError() {
        assertOnlyError(binary("ReluBinary", "", "    @Dense(units = 1,", "           activation = RELU) Layer out;"),
                "out outputs relu values but binary crossentropy expects probabilities from a sigmoid (fromLogits ="
                        + " false). Set activation = Activation.SIGMOID on it, or fromLogits = true in @Model.",
                "activation = RELU) Layer out;");
        assertOnlyError(binary("LinearBinary", "", "    @Dense(units = 1) Layer out;"),
                "out outputs logits (a linear activation) but binary crossentropy expects probabilities from a sigmoid"
                        + " (fromLogits = false).", "Layer out;");
        assertOnlyError(model("LinearLabels", "outputs = 3, loss = Loss.BINARY_CROSSENTROPY", HIDDEN,
                        "    @Dense(units = 3, activation = TANH) Layer out;"),
                "out outputs tanh values but binary crossentropy expects probabilities from a sigmoid", "Layer out;");
    }

    @Test
    void sigmoidWithFromLogitsIsAnError() {
        assertOnlyError(binary("SigmoidLogits", ", fromLogits = true",
                        "    @Dense(units = 1,", "           activation = SIGMOID) Layer out;"),
                "out applies sigmoid but the loss takes logits (fromLogits = true), so sigmoid would be applied twice."
                        + " Remove its activation = Activation.SIGMOID, or set fromLogits = false.", "activation = SIGMOID)");
        assertOnlyError(model("SigmoidLayerLogits", "outputs = 2, loss = Loss.BINARY_CROSSENTROPY, fromLogits = true",
                        HIDDEN, "    @Dense(units = 2) Layer logits;", "    @ActivationLayer(SIGMOID) Layer out;"),
                "out applies sigmoid but the loss takes logits (fromLogits = true), so sigmoid would be applied twice."
                        + " Remove it, or set fromLogits = false.", "Layer out;");
    }

    @Test
    void twoClassesWithBinaryCrossentropyTakeOneUnit() {
        assertOnlyError(binary("TwoUnits", "", "    @Dense(units = 2,", "           activation = SIGMOID) Layer out;"),
                "out is the last layer and outputs (2) but two classes with binary crossentropy take one probability,"
                        + " of class 1 (@Model(classes = 2, loss = Loss.BINARY_CROSSENTROPY)). Set units = 1.",
                "units = 2");
    }

    @Test
    void yesNoLabelsAndRegressionTakeOneUnitPerOutput() {
        assertOnlyError(model("FewLabels", "outputs = 3, loss = Loss.BINARY_CROSSENTROPY", HIDDEN,
                        "    @Dense(units = 2,", "           activation = SIGMOID) Layer out;"),
                "out is the last layer and outputs (2) but the model has 3 yes/no labels (@Model(outputs = 3))."
                        + " Set units = 3.", "units = 2");
        assertOnlyError(model("ManyNumbers", "outputs = 2, loss = Loss.MEAN_SQUARED_ERROR", HIDDEN,
                        "    @Dense(units = 3) Layer out;"),
                "out is the last layer and outputs (3) but the model predicts 2 numbers (@Model(outputs = 2))."
                        + " Set units = 2.", "units = 3");
        assertOnlyError(model("OneNumber", "outputs = 1, loss = Loss.MEAN_SQUARED_ERROR",
                        "    @Dense(units = 8, activation = RELU) Layer out;"),
                "out is the last layer and outputs (8) but the model predicts 1 number (@Model(outputs = 1)).", "Layer out;");
        assertOnlyError(model("Images", "outputs = 4, loss = Loss.MEAN_SQUARED_ERROR",
                        "    @Reshape({2, 2}) Layer out;"),
                "out is the last layer and outputs (2, 2) per sample, but the loss needs one value per output, (4)."
                        + " End the model with @Flatten and @Dense(units = 4).", "Layer out;");
    }

    // Valid models and their generated loss

    @Test
    void aBinaryClassifierCompilesWithTheFusedSigmoidGradient() throws Exception {
        String code = generated(binary("Binary", ", metrics = {Metric.ACCURACY, Metric.PRECISION, Metric.RECALL,"
                        + " Metric.F1, Metric.AUC}", "    @Dense(units = 1, activation = SIGMOID) Layer out;"),
                "BinaryNetwork");
        assertTrue(code.contains("BinaryCrossEntropy.sigmoidGradient(out.value(), labels, weights, out.gradient());"),
                code);
        assertTrue(code.contains("// classes, outputs, loss, fromLogits, metrics, topK: one of two classes per sample,"
                + " as one probability of class 1"), code);
        assertTrue(code.contains("2, 0, Loss.BINARY_CROSSENTROPY, false,"), code);
    }

    @Test
    void aBinaryClassifierOfLogitsCompilesWithTheLogitsGradient() throws Exception {
        String code = generated(binary("BinaryLogits", ", fromLogits = true", "    @Dense(units = 1) Layer out;"),
                "BinaryLogitsNetwork");
        assertTrue(code.contains("BinaryCrossEntropy.logitsGradient(out.value(), labels, weights, out.gradient());"),
                code);
        assertTrue(code.contains("2, 0, Loss.BINARY_CROSSENTROPY, true,"), code);
    }

    @Test
    void yesNoLabelsCompileWithSigmoidsOrLogits() throws Exception {
        String code = generated(model("Labels", "outputs = 3, loss = Loss.BINARY_CROSSENTROPY, metrics = {Metric.ACCURACY,"
                + " Metric.AUC}", HIDDEN, "    @Dense(units = 3, activation = SIGMOID) Layer out;"), "LabelsNetwork");
        assertTrue(code.contains("BinaryCrossEntropy.sigmoidGradient(out.value(), labels, weights, out.gradient());"),
                code);
        assertTrue(code.contains("3 yes/no labels per sample"), code);
        String logits = generated(model("LabelLogits", "outputs = 3, loss = Loss.BINARY_CROSSENTROPY, fromLogits = true",
                HIDDEN, "    @Dense(units = 3) Layer out;"), "LabelLogitsNetwork");
        assertTrue(logits.contains("BinaryCrossEntropy.logitsGradient(out.value(), labels, weights, out.gradient());"),
                logits);
    }

    @Test
    void regressionsCompileWithTheirLossesGradient() throws Exception {
        for (String loss : new String[] {"MEAN_SQUARED_ERROR", "MEAN_ABSOLUTE_ERROR", "HUBER"}) {
            String name = "Regression" + loss.substring(0, 4);
            String code = generated(model(name, "outputs = 2, loss = Loss." + loss + ", metrics = {Metric.MAE,"
                    + " Metric.RMSE}", HIDDEN, "    @Dense(units = 2) Layer out;"), name + "Network");
            assertTrue(code.contains("RegressionLoss.gradient(Loss." + loss + ", out.value(), labels, weights,"
                    + " out.gradient());"), code);
            assertTrue(code.contains("2 numbers per sample"), code);
            assertTrue(code.contains("0, 2, Loss." + loss + ", false,"), code);
        }
        // One number, through a ReLU: any activation but softmax will do for regression.
        String one = generated(model("OneNumberRegression", "outputs = 1, loss = Loss.HUBER", HIDDEN,
                "    @Dense(units = 1, activation = RELU) Layer out;"), "OneNumberRegressionNetwork");
        assertTrue(one.contains("RegressionLoss.gradient(Loss.HUBER,"), one);
        assertTrue(one.contains("1 number per sample"), one);
    }

    @Test
    void multiclassMetricsAndTopKBelowTheClassesCompile() throws Exception {
        String code = generated(model("Multiclass", "classes = 6, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, topK = 3,"
                        + " metrics = {Metric.ACCURACY, Metric.TOP_K_ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1}",
                HIDDEN, "    @Dense(units = 6, activation = SOFTMAX) Layer out;"), "MulticlassNetwork");
        assertTrue(code.contains("CrossEntropy.softmaxGradient(out.value(), labels, weights, out.gradient());"), code);
        assertTrue(code.contains("), 3,"), code);
        String twoClassAuc = generated(model("TwoClassAuc", "classes = 2, loss = Loss.CATEGORICAL_CROSSENTROPY,"
                + " metrics = Metric.AUC", HIDDEN, "    @Dense(units = 2, activation = SOFTMAX) Layer out;"),
                "TwoClassAucNetwork");
        assertTrue(twoClassAuc.contains("List.of(Metric.AUC)"), twoClassAuc);
    }

    // Fixes pasted back

    @Test
    void theFixesForAModelOfOneClassCompilePasted() {
        ModelSource source = ModelSource.modelImportingTypesOnly("OneClassFix",
                "input = {4},\n        /*fix*/classes = 1, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @Dense(units = 1, activation = Activation.SIGMOID) Layer out;");
        String message = onlyError(source.compile());
        String binaryFix = find("set (classes = 2 with loss = \\S+),", message).replace(" with ", ", ");
        String outputsFix = find("for one number set (outputs = 1)\\.", message);
        ModelSource binary = source.with("/*fix*/classes = 1, loss = Loss.CATEGORICAL_CROSSENTROPY", binaryFix);
        assertThat(binary.compile()).succeededWithoutWarnings();
        // One number: a regression, which binary crossentropy's sigmoid output fits no worse than any other.
        ModelSource regression = source.with("/*fix*/classes = 1, loss = Loss.CATEGORICAL_CROSSENTROPY",
                outputsFix + ", loss = Loss.MEAN_SQUARED_ERROR");
        assertThat(regression.compile()).succeededWithoutWarnings();
    }

    @Test
    void theFixesForBinaryCrossentropyOfThreeClassesCompilePasted() {
        ModelSource source = ModelSource.modelImportingTypesOnly("BinaryOfThreeFix",
                "input = {4},\n        classes = 3,\n        loss = Loss.BINARY_CROSSENTROPY",
                "    @Dense(units = 3, activation = Activation.SIGMOID/*fix*/) Layer out;");
        String message = onlyError(source.compile());
        String categorical = find("Use (loss = \\S+) for one class", message);
        assertThat(source.with("loss = Loss.BINARY_CROSSENTROPY", categorical)
                .with("Activation.SIGMOID/*fix*/", "Activation.SOFTMAX").compile()).succeededWithoutWarnings();
        String labels = find("or (outputs = 3) for 3 yes/no labels", message);
        assertThat(source.with("classes = 3", labels).compile()).succeededWithoutWarnings();
    }

    @Test
    void theFixesForTheLastLayerCompilePasted() {
        ModelSource relu = ModelSource.modelImportingTypesOnly("ReluFix",
                "input = {4},\n        classes = 2,\n        loss = Loss.BINARY_CROSSENTROPY",
                "    @Dense(units = 1/*fix*/) Layer out;");
        String message = onlyError(relu.compile());
        String sigmoid = find("Set (activation = \\S+) on it", message);
        assertThat(relu.with("/*fix*/", ", " + sigmoid).compile()).succeededWithoutWarnings();

        ModelSource width = ModelSource.modelImportingTypesOnly("WidthFix",
                "input = {4},\n        outputs = 2,\n        loss = Loss.MEAN_SQUARED_ERROR",
                "    @Dense(units = 5) Layer out;");
        String units = find("Set (units = \\d+)\\.", onlyError(width.compile()));
        assertThat(width.with("units = 5", units).compile()).succeededWithoutWarnings();

        ModelSource softmax = ModelSource.modelImportingTypesOnly("SoftmaxFix",
                "input = {4},\n        outputs = 2,\n        loss = Loss.MEAN_SQUARED_ERROR",
                "    @Dense(units = 2, activation = Activation.SOFTMAX) Layer out;");
        String remove = find("Remove its (activation = \\S+) ", onlyError(softmax.compile()));
        assertThat(softmax.with(", " + remove, "").compile()).succeededWithoutWarnings();
    }

    @Test
    void theFixForTopKCompilesPasted() {
        ModelSource source = ModelSource.modelImportingTypesOnly("TopKFix",
                "input = {4},\n        classes = 4,\n        loss = Loss.CATEGORICAL_CROSSENTROPY,"
                        + "\n        metrics = Metric.TOP_K_ACCURACY/*fix*/",
                "    @Dense(units = 4, activation = Activation.SOFTMAX) Layer out;");
        String message = onlyError(source.compile());
        String highest = find("Set topK between 1 and (\\d+) in @Model", message);
        assertThat(source.with("/*fix*/", ", topK = " + highest).compile()).succeededWithoutWarnings();
    }

    @Test
    void theLossFixesForAMismatchedLossCompilePasted() {
        ModelSource outputs = ModelSource.modelImportingTypesOnly("CategoricalOutputsFix",
                "input = {4},\n        outputs = 3,\n        loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @Dense(units = 3, activation = Activation.SIGMOID) Layer out;");
        String message = onlyError(outputs.compile());
        String regression = find("or use (loss = \\S+) for regression", message);
        assertThat(outputs.with("loss = Loss.CATEGORICAL_CROSSENTROPY", regression).compile()).succeededWithoutWarnings();
        String labels = find("or (loss = \\S+) for yes/no labels", message);
        assertThat(outputs.with("loss = Loss.CATEGORICAL_CROSSENTROPY", labels).compile()).succeededWithoutWarnings();

        ModelSource classes = ModelSource.modelImportingTypesOnly("RegressionClassesFix",
                "input = {4},\n        classes = 3,\n        loss = Loss.HUBER",
                "    @Dense(units = 3, activation = Activation.SOFTMAX) Layer out;");
        String categorical = find("for a classifier use (loss = \\S+)\\.", onlyError(classes.compile()));
        assertThat(classes.with("loss = Loss.HUBER", categorical).compile()).succeededWithoutWarnings();
    }

    @Test
    void theFixesForSigmoidWithLogitsCompilePasted() {
        ModelSource source = ModelSource.modelImportingTypesOnly("SigmoidLogitsFix",
                "input = {4},\n        outputs = 2,\n        loss = Loss.BINARY_CROSSENTROPY,\n        fromLogits = true",
                "    @Dense(units = 2, activation = Activation.SIGMOID) Layer out;");
        String message = onlyError(source.compile());
        String remove = find("Remove its (activation = \\S+),", message);
        assertThat(source.with(", " + remove, "").compile()).succeededWithoutWarnings();
        String probabilities = find("or set (fromLogits = false)\\.", message);
        assertThat(source.with("fromLogits = true", probabilities).compile()).succeededWithoutWarnings();
    }

    private static String onlyError(Compilation compilation) {
        var errors = compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0).getMessage(Locale.ROOT);
    }

    /** The first group of {@code regex} in {@code message}. */
    private static String find(String regex, String message) {
        Matcher matcher = Pattern.compile(regex).matcher(message);
        assertTrue(matcher.find(), "no " + regex + " in: " + message);
        return matcher.group(1);
    }
}
