package dev.lamina.processor.generate;

import com.palantir.javapoet.ClassName;

/**
 * The runtime and ND4J types generated code uses. The processor does not depend on the runtime (it
 * runs inside javac, where ND4J has no business), so they are named here, once.
 */
final class RuntimeTypes {
    private static final String RUNTIME = "dev.lamina.runtime";

    static final ClassName INDARRAY = ClassName.get("org.nd4j.linalg.api.ndarray", "INDArray");
    static final ClassName DATA_TYPE = ClassName.get("org.nd4j.linalg.api.buffer", "DataType");
    static final ClassName SHAPE = ClassName.get("dev.lamina.dsl", "Shape");
    static final ClassName ACTIVATION = ClassName.get("dev.lamina.dsl", "Activation");
    static final ClassName INITIALIZER = ClassName.get("dev.lamina.dsl", "Initializer");
    static final ClassName LOSS = ClassName.get("dev.lamina.dsl", "Loss");
    static final ClassName METRIC = ClassName.get("dev.lamina.dsl", "Metric");
    static final ClassName WINDOW_2D = ClassName.get("dev.lamina.dsl", "Window2D");
    static final ClassName PADDING = ClassName.get("dev.lamina.dsl", "Padding");
    static final ClassName POOLING = ClassName.get("dev.lamina.dsl", "Pooling");
    static final ClassName FILL_MODE = ClassName.get("dev.lamina.dsl", "FillMode");
    static final ClassName INTERPOLATION = ClassName.get("dev.lamina.dsl", "Interpolation");

    static final ClassName ACTIVATIONS = ClassName.get(RUNTIME + ".kernels", "Activations");
    static final ClassName ACTIVATION_KERNEL = ClassName.get(RUNTIME + ".kernels", "ActivationKernel");
    static final ClassName DENSE_KERNEL = ClassName.get(RUNTIME + ".kernels", "DenseKernel");
    static final ClassName CONVOLUTION_2D = ClassName.get(RUNTIME + ".kernels", "Convolution2D");
    static final ClassName POOLING_2D = ClassName.get(RUNTIME + ".kernels", "Pooling2D");
    static final ClassName GLOBAL_POOL2D_KERNEL = ClassName.get(RUNTIME + ".kernels", "GlobalPool2DKernel");
    static final ClassName DROPOUT_KERNEL = ClassName.get(RUNTIME + ".kernels", "DropoutKernel");
    static final ClassName RESCALING_KERNEL = ClassName.get(RUNTIME + ".kernels", "RescalingKernel");
    static final ClassName RANDOM_FLIP_KERNEL = ClassName.get(RUNTIME + ".kernels", "RandomFlipKernel");
    static final ClassName RANDOM_TRANSLATION_KERNEL = ClassName.get(RUNTIME + ".kernels", "RandomTranslationKernel");
    static final ClassName RANDOM_ROTATION_KERNEL = ClassName.get(RUNTIME + ".kernels", "RandomRotationKernel");
    static final ClassName RANDOM_ZOOM_KERNEL = ClassName.get(RUNTIME + ".kernels", "RandomZoomKernel");
    static final ClassName BUFFERS = ClassName.get(RUNTIME + ".kernels", "Buffers");
    static final ClassName MERGE_KERNEL = ClassName.get(RUNTIME + ".kernels", "MergeKernel");
    static final ClassName BATCH_NORM_KERNEL = ClassName.get(RUNTIME + ".kernels", "BatchNormKernel");
    static final ClassName NORMALIZATION_KERNEL = ClassName.get(RUNTIME + ".kernels", "NormalizationKernel");
    static final ClassName BATCH_STATISTICS = ClassName.get(RUNTIME + ".kernels", "BatchStatistics");
    static final ClassName L2_REGULARIZATION = ClassName.get(RUNTIME + ".kernels", "L2Regularization");
    static final ClassName CROSS_ENTROPY = ClassName.get(RUNTIME + ".losses", "CrossEntropy");
    static final ClassName BINARY_CROSS_ENTROPY = ClassName.get(RUNTIME + ".losses", "BinaryCrossEntropy");
    static final ClassName REGRESSION_LOSS = ClassName.get(RUNTIME + ".losses", "RegressionLoss");
    static final ClassName PARAMETER = ClassName.get(RUNTIME + ".optimizers", "Parameter");
    static final ClassName SGD = ClassName.get(RUNTIME + ".optimizers", "Sgd");
    static final ClassName RMS_PROP = ClassName.get(RUNTIME + ".optimizers", "RmsProp");
    static final ClassName ADAM = ClassName.get(RUNTIME + ".optimizers", "Adam");
    static final ClassName ADAM_W = ClassName.get(RUNTIME + ".optimizers", "AdamW");
    static final ClassName GRADIENT_CLIPPING = ClassName.get(RUNTIME + ".optimizers", "GradientClipping");
    static final ClassName CHECKPOINT = ClassName.get(RUNTIME + ".checkpoint", "Checkpoint");
    static final ClassName ABSTRACT_NETWORK = ClassName.get(RUNTIME + ".training", "AbstractNetwork");
    static final ClassName MODEL_DEFINITION = ClassName.get(RUNTIME + ".training", "ModelDefinition");
    static final ClassName LAYER_OUTPUT = ClassName.get(RUNTIME + ".training", "LayerOutput");
    static final ClassName FEATURE_ROWS = ClassName.get(RUNTIME + ".data", "FeatureRows");
    static final ClassName LAYER_DEFINITION = ClassName.get(RUNTIME + ".training", "LayerDefinition");

    private RuntimeTypes() {
    }
}
