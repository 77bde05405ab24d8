package dev.lamina.dsl;

/**
 * Metrics that {@code fit} and {@code evaluate} report beside the loss, as {@code @Model(metrics)}
 * selects them; which ones suit which {@link Task} is checked at compile time.
 *
 * <p>For a model of two classes, precision, recall and F1 are those of class 1, the positive class
 * (scikit-learn's {@code average='binary'}); for more classes their unweighted mean over the classes
 * ({@code average='macro'}); for several labels per sample, over every (sample, label) pair, as Keras'
 * {@code Precision} and {@code Recall} count them. A probability above 0.5 is a yes. A class never
 * predicted has precision 0.
 */
public enum Metric {
    /** The fraction of samples whose predicted class is the true one; of labels right, for several labels. */
    ACCURACY("accuracy"),
    /** The fraction of samples whose true class is among the {@link Model#topK()} highest scores. */
    TOP_K_ACCURACY("top_k_accuracy"),
    /** Of the samples predicted in a class, the fraction that are in it. */
    PRECISION("precision"),
    /** Of the samples in a class, the fraction predicted in it. */
    RECALL("recall"),
    /** The harmonic mean of precision and recall. */
    F1("f1_score"),
    /** The area under the ROC curve of the positive class's score, exact (ties count half). */
    AUC("auc"),
    /** Mean absolute error over every output of every sample. */
    MAE("mae"),
    /** The square root of the mean squared error over every output of every sample. */
    RMSE("rmse");

    private final String logName;

    Metric(String logName) {
        this.logName = logName;
    }

    /** The metric's name in logs, History and CSV files, Keras' spelling where Keras has one: {@code "accuracy"}. */
    public String logName() {
        return logName;
    }
}
