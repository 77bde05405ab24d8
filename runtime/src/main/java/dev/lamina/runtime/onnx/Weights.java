package dev.lamina.runtime.onnx;

import dev.lamina.runtime.optimizers.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's parameters by name ({@code "layer/role"}), as the export reads them: float32 always
 * (ONNX consumers expect it; a float64 network's weights are rounded), and each one counted when read,
 * so that a layer rule which forgot one of its layer's parameters fails the export instead of
 * writing a model that computes something else.
 */
final class Weights {
    private final Map<String, INDArray> unread = new LinkedHashMap<>();
    private final Map<String, INDArray> all = new LinkedHashMap<>();

    Weights(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            all.put(parameter.name(), parameter.value());
            unread.put(parameter.name(), parameter.value());
        }
    }

    private INDArray read(String layer, String role) {
        String name = layer + "/" + role;
        INDArray value = all.get(name);
        if (value == null) {
            throw new IllegalStateException("ONNX export: the network has no parameter " + name);
        }
        unread.remove(name);
        return value;
    }

    void markUsed(String layer, String role) {
        read(layer, role);
    }

    long[] shape(String layer, String role) {
        return read(layer, role).shape();
    }

    /** The values in row-major order, as float32. */
    float[] floats(String layer, String role) {
        return rowMajorFloats(read(layer, role));
    }

    /** A vector's values, in double precision for constants computed from them. */
    double[] doubles(String layer, String role) {
        INDArray value = read(layer, role);
        return value.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** A Conv2D kernel's shape in ONNX's order: (out, in, kh, kw), from Lamina's (kh, kw, in, out). */
    long[] convolutionShape(String layer) {
        long[] s = read(layer, "kernel").shape();
        return new long[] {s[3], s[2], s[0], s[1]};
    }

    /** A Conv2D kernel's values transposed to ONNX's (out, in, kh, kw). */
    float[] convolutionKernel(String layer) {
        return rowMajorFloats(read(layer, "kernel").permute(3, 2, 0, 1));
    }

    /** The parameters no layer rule read, "layer/role": empty when every one is in the exported model. */
    List<String> unread() {
        return List.copyOf(unread.keySet());
    }

    private static float[] rowMajorFloats(INDArray value) {
        // dup('c') copies a view or a permutation into a buffer of its own, in row-major order.
        return value.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
