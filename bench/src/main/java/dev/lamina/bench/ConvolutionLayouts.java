package dev.lamina.bench;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import dev.lamina.runtime.kernels.Convolution2D;
import dev.lamina.runtime.kernels.PatchConvolution;
import dev.lamina.runtime.kernels.Pooling2D;
import dev.lamina.runtime.kernels.SmallMapGradients;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times libnd4j's conv2d and conv2d_bp on the reference CNN's three convolutions (batch 64) with the
 * activations channels-last (NHWC, Keras' layout, what Lamina uses) and channels-first (NCHW), to
 * decide which layout the generated code should use inside; for the first layer, what Lamina runs
 * instead through ND4J's ops ({@link PatchConvolution}): the forward pass as the input's patches and one gemm, and the
 * kernel and bias gradients as one more gemm over the patches the forward pass kept, against conv2d
 * and conv2d_bp (which also computes the input's gradient the first layer never needs); for the
 * third, whose output map is 3x3, its gradients as gemms over its input's patches
 * ({@link SmallMapGradients}) against conv2d_bp; and conv2
 * with oneDNN against libnd4j's own kernels, which shows that oneDNN is the code that runs. Last, each of
 * the CNN's convolutions and pools as a network runs it ({@link Convolution2D}, {@link Pooling2D}): on
 * oneDNN called directly, against ND4J's ops by the routes above ({@code lamina.oneDnn=false}), with
 * the caches evicted before each call as a training step leaves them. Run with
 * {@code mvn -q -pl bench exec:exec -Dbench.main=dev.lamina.bench.ConvolutionLayouts}.
 */
public final class ConvolutionLayouts {
    private static final int BATCH = 64;
    private static final int REPEATS = 30;

    private ConvolutionLayouts() {
    }

    public static void main(String[] args) {
        String info = Nd4j.getBackend().buildInfo();
        System.out.printf(Locale.ROOT, "Backend %s, oneDNN %s%n", Nd4j.getBackend().getClass().getSimpleName(),
                info.contains("HAVE_ONEDNN") ? "in its build (HAVE_ONEDNN)" : "absent");
        System.out.printf(Locale.ROOT, "%-6s %-18s %12s %12s %12s %12s%n", "layer", "input", "NHWC fwd ms", "NHWC bp ms",
                "NCHW fwd ms", "NCHW bp ms");
        int[][] layers = {{28, 1, 32}, {13, 32, 64}, {5, 64, 64}};
        for (int i = 0; i < layers.length; i++) {
            int size = layers[i][0];
            int in = layers[i][1];
            int out = layers[i][2];
            double[] nhwc = time(size, in, out, true);
            double[] nchw = time(size, in, out, false);
            System.out.printf(Locale.ROOT, "conv%-2d %-18s %12.2f %12.2f %12.2f %12.2f%n", i + 1,
                    "(64, " + size + ", " + size + ", " + in + ")", nhwc[0], nhwc[1], nchw[0], nchw[1]);
        }
        // oneDNN at work: the same ops with ND4J's platform helpers turned off run libnd4j's own kernels.
        Nd4j.getEnvironment().allowHelpers(false);
        double[] plain = time(13, 32, 64, true);
        Nd4j.getEnvironment().allowHelpers(true);
        double[] helped = time(13, 32, 64, true);
        System.out.printf(Locale.ROOT, "conv2 NHWC forward + backward: %.2f ms with oneDNN, %.2f ms with ND4J's platform"
                + " helpers turned off (libnd4j's own kernels)%n", helped[0] + helped[1], plain[0] + plain[1]);
        double[] patches = firstLayerFromPatchesMillis();
        System.out.printf(Locale.ROOT, "conv1 from its input's patches (ND4J's route for a first layer, where oneDNN cannot run): forward"
                + " (patches, then one gemm) %.2f ms, kernel and bias gradients (one gemm) %.2f ms%n", patches[0], patches[1]);
        System.out.printf(Locale.ROOT, "conv3's gradients from its input's patches (ND4J's route for a small output"
                + " map): %.2f ms (patches, two gemms, the input gradient scattered back)%n", smallMapGradientsMillis());
        System.out.printf(Locale.ROOT, "%nThe CNN's layers as a network runs them, caches evicted before each call:%n");
        System.out.printf(Locale.ROOT, "%-6s %14s %14s %14s %14s%n", "layer", "oneDNN fwd ms", "oneDNN bp ms",
                "ND4J fwd ms", "ND4J bp ms");
        layerRow("conv1", convolutionPasses(28, 1, 32, false));
        layerRow("pool1", poolingPasses(26, 32));
        layerRow("conv2", convolutionPasses(13, 32, 64, true));
        layerRow("pool2", poolingPasses(11, 64));
        layerRow("conv3", convolutionPasses(5, 64, 64, true));
    }

    /** A layer's forward and backward passes, timed with oneDNN called directly and without. */
    private record Passes(Runnable forward, Runnable backward) {
    }

    private static void layerRow(String layer, Passes passes) {
        double[] oneDnn = evictedMillis(passes, true);
        double[] nd4j = evictedMillis(passes, false);
        System.out.printf(Locale.ROOT, "%-6s %14.2f %14.2f %14.2f %14.2f%n", layer, oneDnn[0], oneDnn[1], nd4j[0], nd4j[1]);
    }

    /** A 3x3 valid Conv2D layer of the CNN on a batch of 64, its input's gradient computed if it needs one. */
    private static Passes convolutionPasses(int size, int in, int out, boolean inputNeedsGradient) {
        int o = size - 2;
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        Convolution2D layer = new Convolution2D(DataType.FLOAT, window, Shape.of(size, size, in), Shape.of(o, o, out),
                inputNeedsGradient);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, size, size, in);
        INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, in, out).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, out);
        INDArray y = Nd4j.create(DataType.FLOAT, BATCH, o, o, out);
        INDArray dz = y.like().assign(0.01);
        INDArray dw = w.ulike();
        INDArray db = b.ulike();
        INDArray dx = inputNeedsGradient ? x.ulike() : null;
        return new Passes(() -> layer.forward(x, w, b, Activation.RELU, y),
                () -> layer.backward(x, w, b, dz, dw, db, dx));
    }

    /** A 2x2 max pool of the CNN on a batch of 64. */
    private static Passes poolingPasses(int size, int channels) {
        int o = size / 2;
        Window2D window = new Window2D(2, 2, 2, 2, Padding.VALID);
        Pooling2D layer = new Pooling2D(Pooling.MAX, window, Shape.of(size, size, channels), Shape.of(o, o, channels));
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, size, size, channels);
        INDArray y = Nd4j.create(DataType.FLOAT, BATCH, o, o, channels);
        INDArray dy = y.like().assign(0.01);
        INDArray dx = x.ulike();
        return new Passes(() -> layer.forward(x, y, true), () -> layer.backward(x, dy, dx));
    }

    /**
     * Median milliseconds of the forward and of the backward pass (each backward after its forward, as a
     * step runs them), a 16 MB array written before each so that the layer's arrays are not in the caches.
     */
    private static double[] evictedMillis(Passes passes, boolean oneDnn) {
        System.setProperty("lamina.oneDnn", Boolean.toString(oneDnn));
        INDArray evict = Nd4j.create(DataType.FLOAT, 4 << 20);
        int calls = 200;
        double[] forward = new double[calls];
        double[] backward = new double[calls];
        for (int r = -30; r < calls; r++) {
            evict.addi(1f);
            long start = System.nanoTime();
            passes.forward().run();
            long middle = System.nanoTime();
            evict.addi(1f);
            long resumed = System.nanoTime();
            passes.backward().run();
            long end = System.nanoTime();
            if (r >= 0) {
                forward[r] = (middle - start) / 1e6;
                backward[r] = (end - resumed) / 1e6;
            }
        }
        System.clearProperty("lamina.oneDnn");
        Arrays.sort(forward);
        Arrays.sort(backward);
        return new double[] {forward[calls / 2], backward[calls / 2]};
    }

    /** Median milliseconds of SmallMapGradients' backward pass on conv3, input gradient included. */
    private static double smallMapGradientsMillis() {
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 5, 5, 64);
        INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, 64, 64);
        INDArray b = Nd4j.rand(DataType.FLOAT, 64);
        INDArray dz = Nd4j.create(DataType.FLOAT, BATCH, 3, 3, 64).assign(0.01);
        INDArray dw = w.ulike();
        INDArray db = b.ulike();
        INDArray dx = x.ulike();
        SmallMapGradients gradients = new SmallMapGradients(DataType.FLOAT, window, 5, 5, 64, BATCH);
        return medianMillis(() -> gradients.backward(x, w, b, dz, dw, db, dx));
    }

    /** Median milliseconds of PatchConvolution's forward and backward passes on conv1. */
    private static double[] firstLayerFromPatchesMillis() {
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 28, 28, 1);
        INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, 1, 32);
        INDArray b = Nd4j.rand(DataType.FLOAT, 32);
        INDArray y = Nd4j.create(DataType.FLOAT, BATCH, 26, 26, 32);
        INDArray dz = y.like().assign(0.01);
        INDArray dw = w.ulike();
        INDArray db = b.ulike();
        PatchConvolution convolution = new PatchConvolution(DataType.FLOAT, window, 1, 32, BATCH, 26, 26);
        double forward = medianMillis(() -> convolution.forward(x, w, b, Activation.LINEAR, y));
        return new double[] {forward, medianMillis(() -> convolution.backward(dz, dw, db))};
    }

    /** Median milliseconds of conv2d and of conv2d_bp, 3x3 valid, stride 1. */
    private static double[] time(int size, int in, int out, boolean channelsLast) {
        int o = size - 2;
        INDArray x = channelsLast ? Nd4j.rand(DataType.FLOAT, BATCH, size, size, in)
                : Nd4j.rand(DataType.FLOAT, BATCH, in, size, size);
        // Weights (kernel height, kernel width, in, out) with NHWC, as Keras; (out, in, kh, kw) with NCHW.
        INDArray w = channelsLast ? Nd4j.rand(DataType.FLOAT, 3, 3, in, out) : Nd4j.rand(DataType.FLOAT, out, in, 3, 3);
        INDArray b = Nd4j.rand(DataType.FLOAT, out);
        INDArray y = channelsLast ? Nd4j.create(DataType.FLOAT, BATCH, o, o, out) : Nd4j.create(DataType.FLOAT, BATCH, out, o, o);
        INDArray dy = y.like().assign(0.01);
        INDArray dx = x.ulike();
        INDArray dw = w.ulike();
        INDArray db = b.ulike();
        // ConvolutionOps' argument order (kH, kW, sH, sW, pH, pW, dH, dW, same mode, NHWC flag, weights
        // format), which fixes NHWC; here the layout flags vary, so the ops are built directly.
        int[] arguments = {3, 3, 1, 1, 0, 0, 1, 1, 0, channelsLast ? 1 : 0, channelsLast ? 0 : 1};
        DynamicCustomOp forward = DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(y)
                .addIntegerArguments(arguments).build();
        DynamicCustomOp backward = DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, dy)
                .addOutputs(dx, dw, db).addIntegerArguments(arguments).build();
        return new double[] {medianMillis(() -> Nd4j.exec(forward)), medianMillis(() -> Nd4j.exec(backward))};
    }

    private static double medianMillis(Runnable work) {
        // Enough warm-ups for the JIT to compile the Java around the ops: with 5, the first layer's
        // gradients measured twice their settled time.
        for (int r = 0; r < 30; r++) {
            work.run();
        }
        double[] millis = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long start = System.nanoTime();
            work.run();
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[REPEATS / 2];
    }
}
