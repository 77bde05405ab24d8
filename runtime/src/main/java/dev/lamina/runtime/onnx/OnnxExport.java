package dev.lamina.runtime.onnx;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.LayerDefinition;
import dev.lamina.runtime.checkpoint.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * Writes a network as an ONNX model for inference: input {@code "input"} (batch, input shape...) and
 * output {@code "output"} (batch, units), float32, what {@code predict} returns. Layer by layer
 * ({@link LayerExport}); the weights as initializers.
 *
 * <p>The protobuf messages are the ONNX classes nd4j-api already ships (package {@code onnx}, on
 * ND4J's shaded protobuf): no new dependency, and no second protobuf-java on users' class paths.
 */
public final class OnnxExport {
    /** Opset 13: Softmax over one axis, ReduceMean/ReduceMax with an axes attribute. */
    public static final long OPSET = 13;
    /** The IR version that came with opset 13 (ONNX 1.8). */
    public static final long IR_VERSION = 7;
    /** The symbolic batch dimension of the input and the output. */
    public static final String BATCH = "batch";

    private OnnxExport() {
    }

    /** Writes {@code network}'s ONNX model to {@code file}, atomically (a temporary file, then a rename). */
    public static void write(AbstractNetwork network, Path file) throws IOException {
        AtomicFile.write(file, ByteBuffer.wrap(model(network).toByteArray()));
    }

    /** The model: one graph, its layers' nodes in the network's order. */
    public static ModelProto model(AbstractNetwork network) {
        OnnxGraph graph = new OnnxGraph(network.modelName());
        String input = graph.fresh(LayerDefinition.INPUT);
        String output = graph.fresh("output");
        Weights weights = new Weights(network.parameters());

        Map<String, String> values = new HashMap<>();
        values.put(LayerDefinition.INPUT, input);
        List<LayerDefinition> layers = network.layers();
        for (LayerDefinition layer : layers) {
            List<String> from = new ArrayList<>();
            for (String source : layer.from()) {
                from.add(values.get(source));
            }
            values.put(layer.name(), new LayerExport(graph, layer, from, weights).export());
        }
        List<String> unread = weights.unread();
        if (!unread.isEmpty()) {
            throw new IllegalStateException("ONNX export of " + network.modelName() + " left out the parameters "
                    + unread + ": a layer's export rule does not compute what the network does");
        }

        // predict returns (samples, units): a last layer that is not flat is flattened, as predict's copy does.
        LayerDefinition last = layers.get(layers.size() - 1);
        String result = values.get(last.name());
        if (last.output().rank() != 1) {
            result = graph.node("Reshape", "output/flat", List.of(result, graph.longs("output/shape", -1, network.units())));
        }
        graph.proto().addNode(onnx.Onnx.NodeProto.newBuilder().setOpType("Identity").setName(output)
                .addInput(result).addOutput(output));

        GraphProto.Builder proto = graph.proto()
                .addInput(floatValue(input, network.inputShape()))
                .addOutput(floatValue(output, Shape.of(network.units())));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("Lamina")
                .setDocString(network.modelName() + ", exported for inference")
                .setGraph(proto)
                .build();
    }

    /** A float32 value of (batch, sample...), the batch symbolic. */
    private static ValueInfoProto floatValue(String name, Shape sample) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : sample.dims()) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }
}
