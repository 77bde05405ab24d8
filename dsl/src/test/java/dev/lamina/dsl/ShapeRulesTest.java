package dev.lamina.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The layers' shape rules, as plain Java, against Keras' results for the same layers. */
class ShapeRulesTest {

    @Test
    void denseTakesFlatInputsAndCountsKerasParameters() {
        DenseSpec dense = new DenseSpec(512, Activation.RELU, true);
        assertEquals(Optional.of(Shape.of(512)), dense.outputShape(Shape.of(784)));
        assertEquals(401_920, dense.parameterCount(Shape.of(784)));
        assertEquals(401_408, new DenseSpec(512, Activation.RELU, false).parameterCount(Shape.of(784)));
        assertTrue(dense.inputProblem(Shape.of(784), "hidden").isEmpty());
        assertTrue(dense.inputProblem(Shape.of(28, 28), "hidden").orElseThrow().message().contains("Add @Flatten before hidden"));
    }

    @Test
    void reluKeepsAnyShapeAndHasNoParameters() {
        ReLUSpec relu = new ReLUSpec();
        assertEquals(Optional.of(Shape.of(26, 26, 32)), relu.outputShape(Shape.of(26, 26, 32)));
        assertEquals(Optional.of(Shape.of(10)), relu.outputShape(Shape.of(10)));
        assertEquals(0, relu.parameterCount(Shape.of(26, 26, 32)));
        assertEquals(Activation.RELU, relu.activation());
        assertTrue(relu.settingProblems().isEmpty());
    }

    @Test
    void globalPoolingKeepsOneValuePerChannelOfAnImage() {
        // Keras: (None, 5, 5, 64) through GlobalAveragePooling2D or GlobalMaxPooling2D is (None, 64), 0 parameters.
        for (Pooling pooling : Pooling.values()) {
            GlobalPool2DSpec pool = new GlobalPool2DSpec(pooling);
            assertEquals(Optional.of(Shape.of(64)), pool.outputShape(Shape.of(5, 5, 64)));
            assertEquals(Optional.of(Shape.of(1)), pool.outputShape(Shape.of(1, 1, 1)));
            assertTrue(pool.inputProblem(Shape.of(5, 5, 64), "pooled").isEmpty());
            assertEquals(0, pool.parameterCount(Shape.of(5, 5, 64)));
            assertEquals(Activation.LINEAR, pool.activation());
            assertTrue(pool.settingProblems().isEmpty());
        }
        assertEquals("GlobalAveragePooling2D", new GlobalPool2DSpec(Pooling.AVERAGE).kind());
        assertEquals("GlobalMaxPooling2D", new GlobalPool2DSpec(Pooling.MAX).kind());
    }

    @Test
    void globalPoolingRefusesWhatIsNoLongerAnImageAndSaysWhereItGoes() {
        GlobalPool2DSpec pool = new GlobalPool2DSpec(Pooling.AVERAGE);
        for (Shape notImage : new Shape[] {Shape.of(128), Shape.of(28, 28), Shape.of(2, 3, 4, 5)}) {
            Problem problem = pool.inputProblem(notImage, "pooled").orElseThrow();
            assertEquals(null, problem.attribute(), "the layer as a whole is at fault");
            assertTrue(problem.message().startsWith("GlobalAveragePooling2D needs input (height, width, channels) but receives "
                    + notImage + ": it takes the mean of each channel"), problem.message());
            assertTrue(problem.message().contains("Move pooled before @Flatten and @Dense, onto the output of a @Conv2D"
                    + " or a pooling layer"), problem.message());
            assertEquals(Optional.empty(), pool.outputShape(notImage));
        }
        assertTrue(new GlobalPool2DSpec(Pooling.MAX).inputProblem(Shape.of(10), "p").orElseThrow().message()
                .contains("it takes the maximum of each channel"));
    }

    @Test
    void batchNormalizationKeepsAnyShapeAndCountsKerasParameters() {
        BatchNormalizationSpec bn = BatchNormalizationSpec.defaults();
        assertEquals(new BatchNormalizationSpec(-1, 0.99, 0.001, true, true), bn, "Keras' defaults");
        assertEquals(Optional.of(Shape.of(26, 26, 64)), bn.outputShape(Shape.of(26, 26, 64)));
        assertEquals(Optional.of(Shape.of(10)), bn.outputShape(Shape.of(10)));
        // Keras: BatchNormalization on 64 channels, 256 parameters of which 128 are not trainable.
        assertEquals(256, bn.parameterCount(Shape.of(26, 26, 64)));
        assertEquals(128, bn.trainableParameterCount(Shape.of(26, 26, 64)));
        assertEquals(256, bn.parameterCount(Shape.of(64)), "after a Dense of 64 units too");
        assertEquals(List.of(ParameterSpec.trainable("gamma", Initializer.ONES, 64),
                ParameterSpec.trainable("beta", Initializer.ZEROS, 64),
                ParameterSpec.nonTrainable("moving_mean", Initializer.ZEROS, 64),
                ParameterSpec.nonTrainable("moving_variance", Initializer.ONES, 64)), bn.parameters(Shape.of(5, 64)));
        BatchNormalizationSpec plain = new BatchNormalizationSpec(-1, 0.99, 0.001, false, false);
        assertEquals(128, plain.parameterCount(Shape.of(64)));
        assertEquals(0, plain.trainableParameterCount(Shape.of(64)));
        assertEquals(List.of("beta", "moving_mean", "moving_variance"), new BatchNormalizationSpec(-1, 0.99, 0.001, true, false)
                .parameters(Shape.of(3)).stream().map(ParameterSpec::role).toList());
        assertTrue(bn.settingProblems().isEmpty());
        assertTrue(bn.inputProblem(Shape.of(26, 26, 64), "bn").isEmpty());
        assertTrue(bn.sizeProblem(Shape.of(26, 26, 64)).isEmpty());
    }

    @Test
    void batchNormalizationNormalizesOnlyTheLastAxis() {
        // Keras counts the batch as axis 0: the last axis of (None, 26, 26, 64) is -1 or 3.
        assertTrue(axis(3).settingProblems().isEmpty());
        assertTrue(axis(3).inputProblem(Shape.of(26, 26, 64), "bn").isEmpty());
        assertTrue(axis(1).inputProblem(Shape.of(64), "bn").isEmpty(), "axis 1 is the last of (None, 64)");
        Problem channelsFirst = axis(1).inputProblem(Shape.of(26, 26, 64), "bn").orElseThrow();
        assertEquals("axis", channelsFirst.attribute());
        assertEquals("BatchNormalization normalizes only the last axis (channels-last) but has axis = 1 of its input"
                + " (None, 26, 26, 64), whose last axis is 3. Remove axis = 1 to normalize the last axis (its default, -1),"
                + " or reshape the input so that the axis to normalize comes last.", channelsFirst.message());
        for (int axis : new int[] {0, -2, Integer.MIN_VALUE}) {
            List<Problem> problems = axis(axis).settingProblems();
            assertEquals(1, problems.size(), "axis " + axis);
            assertEquals("axis", problems.get(0).attribute());
            assertTrue(problems.get(0).message().contains("Remove axis = " + axis), problems.get(0).message());
        }
        assertTrue(axis(0).settingProblems().get(0).message().contains("axis = 0, the batch's."));
    }

    @Test
    void batchNormalizationSettingsMustBeInRange() {
        assertTrue(new BatchNormalizationSpec(-1, 0, 1e-9, true, true).settingProblems().isEmpty(), "momentum 0: the last batch's");
        for (double momentum : new double[] {1, 1.5, -0.1, Double.NaN}) {
            List<Problem> problems = new BatchNormalizationSpec(-1, momentum, 1e-3, true, true).settingProblems();
            assertEquals(1, problems.size(), "momentum " + momentum);
            assertEquals("momentum", problems.get(0).attribute());
            assertTrue(problems.get(0).message().startsWith("BatchNormalization needs a momentum in [0, 1) but has momentum = "
                    + momentum + "."), problems.get(0).message());
            assertTrue(problems.get(0).message().contains("such as 0.99"));
        }
        for (double epsilon : new double[] {0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            List<Problem> problems = new BatchNormalizationSpec(-1, 0.99, epsilon, true, true).settingProblems();
            assertEquals(1, problems.size(), "epsilon " + epsilon);
            assertEquals("epsilon", problems.get(0).attribute());
            assertTrue(problems.get(0).message().contains("such as 0.001"), problems.get(0).message());
        }
        List<Problem> all = new BatchNormalizationSpec(-3, 1, 0, true, true).settingProblems();
        assertEquals(List.of("axis", "momentum", "epsilon"), all.stream().map(Problem::attribute).toList(),
                "each attribute at fault, once");
    }

    private static BatchNormalizationSpec axis(int axis) {
        return new BatchNormalizationSpec(axis, 0.99, 1e-3, true, true);
    }

    @Test
    void reshapeInfersOneDimensionAndKeepsTheElementCount() {
        assertEquals(Optional.of(Shape.of(28, 28, 1)), new ReshapeSpec(new int[] {28, -1, 1}).outputShape(Shape.of(784)));
        assertEquals(Optional.empty(), new ReshapeSpec(new int[] {30, -1}).outputShape(Shape.of(784)));
        assertEquals(1, new ReshapeSpec(new int[] {-1, -1}).settingProblems().size());
        assertEquals(1, new ReshapeSpec(new int[] {}).settingProblems().size());
        assertEquals(1, new ReshapeSpec(new int[] {0, 4}).settingProblems().size());
    }

    @Test
    void flattenRefusesMoreElementsThanAnIntHolds() {
        Shape huge = Shape.of(Integer.MAX_VALUE, 2);
        assertEquals(2L * Integer.MAX_VALUE, huge.size());
        assertTrue(new FlattenSpec().inputProblem(huge, "flat").isPresent());
        assertEquals(Optional.empty(), new FlattenSpec().outputShape(huge));
    }

    @Test
    void sizesAreExactAndLimitedToWhatOneArrayHolds() {
        Shape past = Shape.of(65536, 65536, 65536, 65536);
        assertThrows(ArithmeticException.class, past::size, "2^64 elements is no long, not 0");
        assertFalse(past.fitsInArray());
        assertTrue(Shape.of(Shape.MAX_ELEMENTS).fitsInArray());
        assertFalse(Shape.of(Shape.MAX_ELEMENTS + 1).fitsInArray());
        assertThrows(ArithmeticException.class, () -> Shape.total(java.util.stream.LongStream.of(Long.MAX_VALUE, 1)));
    }

    @Test
    void aReshapeTooLargeForAnyInputIsRefusedOnItsValue() {
        // 1268218531 x 3498256 x 41579 = 2^64 + 784, and -1 x 65536^4 has a known size of 2^64: both wrap around a long.
        for (int[] target : new int[][] {{1268218531, 3498256, 41579}, {-1, 65536, 65536, 65536, 65536}}) {
            ReshapeSpec reshape = new ReshapeSpec(target);
            Problem problem = reshape.inputProblem(Shape.of(28, 28), "r").orElseThrow();
            assertEquals("value", problem.attribute());
            assertTrue(problem.message().contains("needs more than 2,147,483,639 elements"), problem.message());
            assertEquals(Optional.empty(), reshape.outputShape(Shape.of(28, 28)));
        }
    }

    @Test
    void arraysPastTheLimitAreProblemsOnTheValueThatSetsThem() {
        DenseSpec wide = new DenseSpec(Integer.MAX_VALUE, Activation.RELU, true);
        assertEquals("units", wide.sizeProblem(Shape.of(1)).orElseThrow().attribute());
        assertEquals("units", new DenseSpec(3_000_000, Activation.RELU, true).sizeProblem(Shape.of(784)).orElseThrow()
                .attribute(), "its kernel (784, 3000000) is past the limit");
        assertTrue(new DenseSpec(Shape.MAX_ELEMENTS, Activation.RELU, true).sizeProblem(Shape.of(1)).isEmpty());
        Conv2DSpec filters = new Conv2DSpec(Integer.MAX_VALUE, new int[] {3}, new int[] {1}, Padding.VALID, Activation.RELU, true);
        assertEquals("filters", filters.sizeProblem(Shape.of(28, 28, 1)).orElseThrow().attribute());
        Conv2DSpec kernel = new Conv2DSpec(1, new int[] {65536}, new int[] {1}, Padding.SAME, Activation.RELU, true);
        assertEquals("kernel", kernel.sizeProblem(Shape.of(28, 28, 1)).orElseThrow().attribute());
        assertTrue(new FlattenSpec().sizeProblem(Shape.of(28, 28)).isEmpty());
    }

    @Test
    void convolutionsFollowKerasOutputLengths() {
        // Keras: 28x28x1 through Conv2D(32, 3x3) is 26x26x32 with 320 parameters.
        Conv2DSpec conv = new Conv2DSpec(32, new int[] {3, 3}, new int[] {1, 1}, Padding.VALID, Activation.RELU, true);
        assertEquals(Optional.of(Shape.of(26, 26, 32)), conv.outputShape(Shape.of(28, 28, 1)));
        assertEquals(320, conv.parameterCount(Shape.of(28, 28, 1)));
        // SAME: ceil(28 / 3) = 10; VALID with stride 3: (28 - 5) / 3 + 1 = 8.
        Conv2DSpec same = new Conv2DSpec(4, new int[] {5}, new int[] {3}, Padding.SAME, Activation.LINEAR, false);
        assertEquals(Optional.of(Shape.of(10, 10, 4)), same.outputShape(Shape.of(28, 28, 1)));
        Conv2DSpec valid = new Conv2DSpec(4, new int[] {5}, new int[] {3}, Padding.VALID, Activation.LINEAR, false);
        assertEquals(Optional.of(Shape.of(8, 8, 4)), valid.outputShape(Shape.of(28, 28, 1)));
    }

    @Test
    void poolingDefaultsItsStridesToItsSizeAndFloorsOddSizes() {
        Pool2DSpec pool = new Pool2DSpec(Pooling.MAX, new int[] {2, 2}, new int[] {}, Padding.VALID);
        assertEquals(Optional.of(Shape.of(13, 13, 32)), pool.outputShape(Shape.of(26, 26, 32)));
        assertEquals(Optional.of(Shape.of(5, 5, 64)), pool.outputShape(Shape.of(11, 11, 64)));
        assertTrue(pool.settingProblems().isEmpty());
        Pool2DSpec bad = new Pool2DSpec(Pooling.AVERAGE, new int[] {0, 2}, new int[] {}, Padding.VALID);
        assertEquals(1, bad.settingProblems().size(), "a bad size is reported once, not again as strides");
    }

    @Test
    void windowLayersProposeTheReshapeThatFits() {
        Conv2DSpec conv = new Conv2DSpec(8, new int[] {3, 3}, new int[] {1, 1}, Padding.VALID, Activation.RELU, true);
        assertTrue(conv.inputProblem(Shape.of(28, 28), "c").orElseThrow().message().contains("@Reshape({28, 28, 1})"));
        assertTrue(conv.inputProblem(Shape.of(784), "c").orElseThrow().message().contains("@Reshape({28, 28, 1})"));
        assertTrue(conv.inputProblem(Shape.of(10), "c").orElseThrow().message().contains("height x width x channels = 10"));
        assertFalse(conv.inputProblem(Shape.of(2, 2, 1), "c").isEmpty(), "a 3x3 kernel does not fit 2x2 with VALID");
    }

    @Test
    void dropoutRatesMustBeAFraction() {
        assertTrue(new DropoutSpec(0.5).settingProblems().isEmpty());
        assertTrue(new DropoutSpec(0).settingProblems().isEmpty());
        assertEquals(1, new DropoutSpec(1).settingProblems().size());
        assertEquals(1, new DropoutSpec(Double.NaN).settingProblems().size());
    }

    @Test
    void augmentationKeepsTheShapeWithoutParametersAndChecksItsSettings() {
        Shape image = Shape.of(32, 32, 3);
        List<LayerSpec> specs = List.of(new RescalingSpec(1.0 / 255, 0), new RandomFlipSpec(FlipMode.HORIZONTAL),
                new RandomTranslationSpec(0.1, 1, FillMode.CONSTANT), new RandomTranslationSpec(0, 0, FillMode.REFLECT),
                new RandomRotationSpec(0.5, FillMode.WRAP, Interpolation.NEAREST),
                new RandomZoomSpec(0.2, Double.NaN, FillMode.NEAREST, Interpolation.BILINEAR),
                new RandomZoomSpec(1, 0, FillMode.REFLECT, Interpolation.BILINEAR));
        for (LayerSpec spec : specs) {
            assertTrue(spec.settingProblems().isEmpty(), spec.toString());
            assertTrue(spec.inputProblem(image, "augmented").isEmpty(), spec.toString());
            assertEquals(Optional.of(image), spec.outputShape(image));
            assertEquals(0, spec.parameterCount(image));
        }
        assertTrue(new RescalingSpec(-2, 1).inputProblem(Shape.of(10), "scaled").isEmpty(), "any shape");
        assertEquals("scale", new RescalingSpec(Double.POSITIVE_INFINITY, 0).settingProblems().get(0).attribute());
        assertEquals("offset", new RescalingSpec(1, Double.NaN).settingProblems().get(0).attribute());
        List<Problem> both = new RandomTranslationSpec(-0.1, 1.5, FillMode.REFLECT).settingProblems();
        assertEquals(List.of("height", "width"), both.stream().map(Problem::attribute).toList());
        assertEquals(1, new RandomTranslationSpec(Double.NaN, 0.5, FillMode.REFLECT).settingProblems().size());
        assertEquals("value", new RandomRotationSpec(-0.1, FillMode.REFLECT, Interpolation.BILINEAR).settingProblems()
                .get(0).attribute());
        assertEquals(1, new RandomRotationSpec(Double.NaN, FillMode.REFLECT, Interpolation.BILINEAR).settingProblems().size());
        assertTrue(new RandomZoomSpec(0.2, Double.NaN, FillMode.REFLECT, Interpolation.BILINEAR).keepsAspectRatio());
        assertTrue(!new RandomZoomSpec(0.2, 0.2, FillMode.REFLECT, Interpolation.BILINEAR).keepsAspectRatio());
        assertEquals(List.of("height", "width"), new RandomZoomSpec(Double.NaN, 1.1, FillMode.REFLECT,
                Interpolation.BILINEAR).settingProblems().stream().map(Problem::attribute).toList());
        assertTrue(new RandomZoomSpec(0.2, 0.1, FillMode.REFLECT, Interpolation.BILINEAR)
                .inputProblem(Shape.of(64), "zoom").orElseThrow().message().startsWith("RandomZoom needs input"));
        Problem flat = new RandomFlipSpec(FlipMode.VERTICAL).inputProblem(Shape.of(784), "flip").orElseThrow();
        assertEquals(null, flat.attribute());
        assertTrue(flat.message().startsWith("RandomFlip needs input (height, width, channels) but receives (784)."
                + " Add @Reshape({28, 28, 1}) before flip"), flat.message());
        assertTrue(FlipMode.HORIZONTAL_AND_VERTICAL.horizontal() && FlipMode.HORIZONTAL_AND_VERTICAL.vertical());
        assertTrue(FlipMode.HORIZONTAL.horizontal() && !FlipMode.HORIZONTAL.vertical());
        assertTrue(!FlipMode.VERTICAL.horizontal() && FlipMode.VERTICAL.vertical());
    }

    @Test
    void addNeedsOneShapeAndProposesTheProjectionThatGivesIt() {
        AddSpec add = new AddSpec(List.of("c2", "block1"));
        assertEquals(Shape.of(8, 8, 64), add.mergedShape(List.of(Shape.of(8, 8, 64), Shape.of(8, 8, 64))));
        assertTrue(add.mergeProblem(List.of(Shape.of(8, 8, 64), Shape.of(8, 8, 64)), List.of("c2", "block1")).isEmpty());
        // A larger map: a strided 1x1 convolution, SAME so that 28 -> 14 and 27 -> 14 alike.
        assertEquals("Add sums outputs of one shape, but c2 outputs (14, 14, 64) and block1 outputs (27, 27, 32)."
                + " Project block1 to (14, 14, 64): declare @Conv2D(filters = 64, kernel = {1, 1}, strides = {2, 2},"
                + " padding = Padding.SAME, from = \"block1\") Layer block1Projection; before this layer and list"
                + " block1Projection instead of \"block1\".", add.mergeProblem(List.of(Shape.of(14, 14, 64),
                Shape.of(27, 27, 32)), List.of("c2", "block1")).orElseThrow().message());
        // Flat outputs: a Dense layer; the model's input by its constant.
        String fromInput = add.mergeProblem(List.of(Shape.of(10), Shape.of(784)), List.of("hidden", Model.INPUT))
                .orElseThrow().message();
        assertTrue(fromInput.contains("but hidden outputs (10) and the input outputs (784). Project the input to (10):"
                + " declare @Dense(units = 10, from = Model.INPUT) Layer inputProjection; before this layer and list"
                + " inputProjection instead of Model.INPUT."), fromInput);
        // No single layer fits: a feature map onto a flat output.
        assertTrue(add.mergeProblem(List.of(Shape.of(10), Shape.of(3, 3, 2)), List.of("a", "b")).orElseThrow()
                .message().endsWith("Make the two branches end in the same shape."));
        assertEquals(1, new AddSpec(List.of("alone")).settingProblems().size());
    }

    @Test
    void multiplyAndAverageNeedOneShapeAsAddDoesAndSayWhatTheyDo() {
        List<Shape> same = List.of(Shape.of(8, 8, 64), Shape.of(8, 8, 64), Shape.of(8, 8, 64));
        List<String> names = List.of("gate", "features", "gate");
        for (ElementwiseMergeSpec merge : List.of(new MultiplySpec(names), new AverageSpec(names))) {
            assertEquals(Shape.of(8, 8, 64), merge.mergedShape(same));
            assertTrue(merge.mergeProblem(same, names).isEmpty());
            assertEquals(1, (merge instanceof MultiplySpec ? new MultiplySpec(List.of("alone"))
                    : new AverageSpec(List.of("alone"))).settingProblems().size());
        }
        // The third name is at fault: the problem points at it, with the projection Add proposes.
        List<Shape> third = List.of(Shape.of(10), Shape.of(10), Shape.of(784));
        List<String> flat = List.of("hidden", "other", "pixels");
        Problem product = new MultiplySpec(flat).mergeProblem(third, flat).orElseThrow();
        assertEquals("value", product.attribute());
        assertEquals(2, product.element());
        assertEquals("Multiply multiplies outputs of one shape, but hidden outputs (10) and pixels outputs (784)."
                + " Project pixels to (10): declare @Dense(units = 10, from = \"pixels\") Layer pixelsProjection;"
                + " before this layer and list pixelsProjection instead of \"pixels\".", product.message());
        assertEquals(product.message().replace("Multiply multiplies", "Average averages"),
                new AverageSpec(flat).mergeProblem(third, flat).orElseThrow().message());
        assertEquals(product.message().replace("Multiply multiplies", "Add sums"),
                new AddSpec(flat).mergeProblem(third, flat).orElseThrow().message());
        assertEquals("@Multiply merges at least two layers' outputs but lists 1. List them: @Multiply({\"a\", \"b\"}).",
                new MultiplySpec(List.of("alone")).settingProblems().get(0).message());
        assertEquals("Average", new AverageSpec(names).kind());
    }

    @Test
    void concatenateJoinsAlongItsAxisAsKerasCountsIt() {
        ConcatenateSpec last = new ConcatenateSpec(List.of("a", "b"), -1);
        assertEquals(Shape.of(8, 8, 96), last.mergedShape(List.of(Shape.of(8, 8, 64), Shape.of(8, 8, 32))));
        ConcatenateSpec first = new ConcatenateSpec(List.of("a", "b"), 1);
        assertEquals(Shape.of(12, 8, 3), first.mergedShape(List.of(Shape.of(4, 8, 3), Shape.of(8, 8, 3))));
        assertTrue(last.mergeProblem(List.of(Shape.of(8, 8, 64), Shape.of(4, 4, 64)), List.of("a", "b")).orElseThrow()
                .message().contains("which differ on axis 1"));
        assertEquals("axis", new ConcatenateSpec(List.of("a", "b"), 4).mergeProblem(List.of(Shape.of(8, 8, 3),
                Shape.of(8, 8, 3)), List.of("a", "b")).orElseThrow().attribute());
        assertEquals("axis", new ConcatenateSpec(List.of("a", "b"), 0).settingProblems().get(0).attribute());
        // A joined axis longer than an int: refused, not wrapped around.
        assertTrue(last.mergeProblem(List.of(Shape.of(Integer.MAX_VALUE - 8), Shape.of(Integer.MAX_VALUE - 8)),
                List.of("a", "b")).orElseThrow().message().contains("more than one dimension holds"));
    }
}
