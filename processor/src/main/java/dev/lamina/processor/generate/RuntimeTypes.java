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
    static final ClassName ND4J = ClassName.get("org.nd4j.linalg.factory", "Nd4j");
    static final ClassName SHAPE = ClassName.get("dev.lamina.dsl", "Shape");
    static final ClassName ACTIVATION = ClassName.get("dev.lamina.dsl", "Activation");
    static final ClassName LOSS = ClassName.get("dev.lamina.dsl", "Loss");
    static final ClassName WINDOW_2D = ClassName.get("dev.lamina.dsl", "Window2D");
    static final ClassName PADDING = ClassName.get("dev.lamina.dsl", "Padding");
    static final ClassName POOLING = ClassName.get("dev.lamina.dsl", "Pooling");
    static final ClassName RANDOM = ClassName.get("org.nd4j.linalg.api.rng", "Random");

    static final ClassName ACTIVATIONS = ClassName.get(RUNTIME + ".kernels", "Activations");
    static final ClassName BUFFERS = ClassName.get(RUNTIME + ".kernels", "Buffers");
    static final ClassName DENSE_KERNEL = ClassName.get(RUNTIME + ".kernels", "DenseKernel");
    static final ClassName CONV2D_KERNEL = ClassName.get(RUNTIME + ".kernels", "Conv2DKernel");
    static final ClassName PATCH_CONVOLUTION = ClassName.get(RUNTIME + ".kernels", "PatchConvolution");
    static final ClassName SMALL_MAP_GRADIENTS = ClassName.get(RUNTIME + ".kernels", "SmallMapGradients");
    static final ClassName POOL2D_KERNEL = ClassName.get(RUNTIME + ".kernels", "Pool2DKernel");
    static final ClassName DROPOUT_KERNEL = ClassName.get(RUNTIME + ".kernels", "DropoutKernel");
    static final ClassName INITIALIZERS = ClassName.get(RUNTIME + ".kernels", "Initializers");
    static final ClassName CROSS_ENTROPY = ClassName.get(RUNTIME + ".losses", "CrossEntropy");
    static final ClassName PARAMETER = ClassName.get(RUNTIME + ".optimizers", "Parameter");
    static final ClassName OPTIMIZER = ClassName.get(RUNTIME + ".optimizers", "Optimizer");
    static final ClassName SGD = ClassName.get(RUNTIME + ".optimizers", "Sgd");
    static final ClassName RMS_PROP = ClassName.get(RUNTIME + ".optimizers", "RmsProp");
    static final ClassName ADAM = ClassName.get(RUNTIME + ".optimizers", "Adam");
    static final ClassName CHECKPOINT = ClassName.get(RUNTIME + ".checkpoint", "Checkpoint");
    static final ClassName DATASET = ClassName.get(RUNTIME + ".data", "Dataset");
    static final ClassName NETWORK = ClassName.get(RUNTIME + ".training", "Network");
    static final ClassName TRAINING_LOOP = ClassName.get(RUNTIME + ".training", "TrainingLoop");
    static final ClassName FIT_OPTIONS = ClassName.get(RUNTIME + ".training", "FitOptions");
    static final ClassName HISTORY = ClassName.get(RUNTIME + ".training", "History");
    static final ClassName EVALUATION = ClassName.get(RUNTIME + ".training", "Evaluation");

    private RuntimeTypes() {
    }
}
