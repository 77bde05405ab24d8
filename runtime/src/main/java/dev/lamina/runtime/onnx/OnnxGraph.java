package dev.lamina.runtime.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.nd4j.shade.protobuf.ByteString;

/**
 * An ONNX graph as it is written: nodes in order, constant tensors (initializers), and value names
 * kept unique, so that a layer's name can never collide with another value (or with the graph's
 * {@code input} and {@code output}). The messages are the ONNX protobuf classes that nd4j-api ships
 * (package {@code onnx}, on ND4J's shaded protobuf).
 */
final class OnnxGraph {
    private final GraphProto.Builder graph;
    private final Set<String> names = new HashSet<>();

    OnnxGraph(String name) {
        graph = GraphProto.newBuilder().setName(name);
    }

    GraphProto.Builder proto() {
        return graph;
    }

    /** Reserves {@code wanted} as a value name, or {@code wanted_2}, {@code wanted_3}... if it is taken. */
    String fresh(String wanted) {
        String name = wanted;
        for (int i = 2; !names.add(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }

    /** Adds a node of {@code op} reading {@code inputs} and writing one new value named after {@code output}; returns its name. */
    String node(String op, String output, List<String> inputs, AttributeProto... attributes) {
        String name = fresh(output);
        graph.addNode(NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(name)
                .addAllAttribute(List.of(attributes)));
        return name;
    }

    /** A float32 constant of {@code shape}, values in row-major order. */
    String floats(String wanted, long[] shape, float[] values) {
        String name = fresh(wanted);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        graph.addInitializer(tensor(name, TensorProto.DataType.FLOAT, shape).setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /** An int64 vector constant: the shape operand of Reshape. */
    String longs(String wanted, long... values) {
        String name = fresh(wanted);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        graph.addInitializer(tensor(name, TensorProto.DataType.INT64, new long[] {values.length})
                .setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    private static TensorProto.Builder tensor(String name, TensorProto.DataType type, long[] shape) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : shape) {
            tensor.addDims(d);
        }
        return tensor;
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
