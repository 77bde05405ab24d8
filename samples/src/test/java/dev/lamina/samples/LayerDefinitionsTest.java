package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.AddSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.ParameterSpec;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.LayerDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The layers a generated network hands over at run time: the specs, sources and shapes the processor checked. */
class LayerDefinitionsTest {
    /**
     * Each layer's spec, given its input shape, declares exactly the parameters the network holds, in
     * order and shape, and each layer takes what the one before gave it: so the definitions are the
     * network's, not a copy that could drift from it.
     */
    @ParameterizedTest
    @EnumSource(Sample.class)
    void theSpecsDeclareTheNetworksParametersAndTheShapesChain(Sample sample) {
        AbstractNetwork network = sample.network.apply(1);
        List<String> declared = new ArrayList<>();
        List<Shape> outputs = new ArrayList<>();
        for (LayerDefinition layer : network.layers()) {
            for (ParameterSpec parameter : layer.spec().parameters(layer.inputs().get(0))) {
                declared.add(layer.name() + "/" + parameter.role() + " " + parameter.shape());
            }
            for (int i = 0; i < layer.from().size(); i++) {
                String from = layer.from().get(i);
                Shape given = from.equals(LayerDefinition.INPUT) ? network.inputShape()
                        : outputs.get(names(network).indexOf(from));
                assertEquals(given, layer.inputs().get(i), layer.name() + "'s input " + i);
            }
            Shape output = layer.spec() instanceof MergeSpec merge ? merge.mergedShape(layer.inputs())
                    : layer.spec().outputShape(layer.inputs().get(0)).orElseThrow();
            assertEquals(output, layer.output(), layer.name());
            outputs.add(layer.output());
        }
        List<String> held = network.parameters().stream()
                .map(p -> p.name() + " " + Shape.of(Arrays.stream(p.value().shape()).mapToInt(d -> (int) d).toArray()))
                .toList();
        assertEquals(held, declared);
    }

    private static List<String> names(AbstractNetwork network) {
        return network.layers().stream().map(LayerDefinition::name).toList();
    }

    @Test
    void settingsAreTheAnnotations() {
        List<LayerDefinition> augmented = FashionCnnAugmentedNetwork.create(1).layers();
        assertEquals(List.of("image", "flipped", "shifted", "conv1", "pool1", "conv2", "pool2", "flat", "fc", "out"),
                augmented.stream().map(LayerDefinition::name).toList());
        assertEquals(new RandomTranslationSpec(0.1, 0.1, FillMode.REFLECT), augmented.get(2).spec());
        Conv2DSpec conv = (Conv2DSpec) augmented.get(3).spec();
        assertEquals(64, conv.filters());
        assertArrayEquals(new int[] {3, 3}, conv.kernel());
        assertEquals(Padding.VALID, conv.padding());
        assertEquals(Activation.RELU, conv.activation());
        assertEquals(List.of(LayerDefinition.INPUT), augmented.get(0).from());

        LayerDefinition add = ToyResNetNetwork.create(1).layers().stream()
                .filter(layer -> layer.spec() instanceof AddSpec).findFirst().orElseThrow();
        assertEquals(2, add.from().size());
        assertEquals(((AddSpec) add.spec()).inputs(), add.from());
    }
}
