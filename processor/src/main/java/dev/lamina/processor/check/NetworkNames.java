package dev.lamina.processor.check;

import dev.lamina.processor.Diagnostic;
import dev.lamina.processor.read.ModelDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The networks the models of one compilation generate, by name, so that two models whose networks
 * would have one name (a nested A.B and a top-level A_B both make A_BNetwork) are each told so,
 * rather than the second failing to write its file. Gradle's incremental compilation hands the
 * processor only the models that changed, so there a clash with an unchanged model goes unseen until
 * a full build (when the second network's file cannot be written, which is reported too).
 */
public final class NetworkNames {
    /** The models of earlier rounds, by their network's qualified name. */
    private final Map<String, ModelDescription> earlier = new HashMap<>();

    /**
     * The models of a round whose networks no other model of the compilation would share; an error on
     * each of the others.
     */
    public List<ModelDescription> distinct(List<ModelDescription> models, List<Diagnostic> diagnostics) {
        Map<String, List<ModelDescription>> byNetwork = new LinkedHashMap<>();
        for (ModelDescription model : models) {
            byNetwork.computeIfAbsent(network(model), name -> new ArrayList<>()).add(model);
        }
        List<ModelDescription> distinct = new ArrayList<>();
        byNetwork.forEach((network, sharing) -> {
            List<ModelDescription> all = new ArrayList<>(sharing);
            if (earlier.containsKey(network)) {
                all.add(0, earlier.get(network));
            } else {
                earlier.put(network, sharing.get(0));
            }
            if (all.size() == 1) {
                distinct.add(sharing.get(0));
                return;
            }
            for (ModelDescription model : sharing) {
                String others = all.stream().filter(other -> other != model).map(ModelDescription::modelName)
                        .collect(Collectors.joining(", "));
                diagnostics.add(Diagnostic.error(model.type(), model.annotation(), null, model.modelName() + " and "
                        + others + " would " + (all.size() == 2 ? "both" : "all") + " have the network " + network
                        + ". Rename one of them."));
            }
        });
        return distinct;
    }

    /** The network's qualified name: test.A_BNetwork. */
    private static String network(ModelDescription model) {
        return model.packageName().isEmpty() ? model.networkName() : model.packageName() + "." + model.networkName();
    }
}
