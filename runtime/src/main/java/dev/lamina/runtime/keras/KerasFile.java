package dev.lamina.runtime.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a Keras model file into a {@link KerasModel}: the layers of its config with their weights.
 * Two layouts, told apart by the file's first bytes rather than its name:
 * <ul>
 * <li>Keras 3's {@code .keras}: a zip of {@code config.json} (the model's config), {@code metadata.json}
 * and {@code model.weights.h5}, in which layer {@code dense}'s weights are the datasets
 * {@code layers/dense/vars/0}, {@code 1}, ... (numbered, not named);</li>
 * <li>the legacy HDF5 file of {@code model.save("m.h5")} (Keras 2, and Keras 3's legacy saving): the config
 * is the root's {@code model_config} attribute, the weights are under {@code model_weights/<layer>},
 * whose {@code weight_names} attribute lists them in order. Keras 2 spells them {@code dense/kernel:0},
 * Keras 3 {@code sequential/dense/kernel}: each is read as the path it names, so both work.</li>
 * </ul>
 * Whatever the HDF5 reader throws on a damaged file becomes a {@link KerasFormatException}.
 */
final class KerasFile {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private KerasFile(Path file) {
        this.file = file;
    }

    static KerasModel read(Path file) throws IOException {
        return new KerasFile(file).read();
    }

    private KerasModel read() throws IOException {
        byte[] start = new byte[8];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(start, 0, start.length);
        }
        try {
            if (startsWith(start, length, ZIP_SIGNATURE)) {
                return readKeras3();
            }
            if (startsWith(start, length, HDF5_SIGNATURE)) {
                try (FileChannel channel = FileChannel.open(file)) {
                    requireComplete(Superblock.readSuperblock(channel, 0), channel.size(), "it");
                }
                try (HdfFile hdf = new HdfFile(file)) {
                    return readLegacy(hdf);
                }
            }
        } catch (KerasFormatException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            // jhdf reports a damaged file with unchecked exceptions of every kind (HdfException,
            // BufferUnderflowException, IllegalArgumentException...): all mean the same to a caller.
            throw new KerasFormatException(file, "cannot be read as a Keras model (" + describe(e)
                    + "); is it complete? Save the model again with model.save(...)", e);
        }
        throw new KerasFormatException(file, "is neither a Keras 3 .keras file (a zip) nor an HDF5 file (.h5): it begins with "
                + (length == 0 ? "nothing (it is empty)" : "the bytes " + hex(start, length))
                + ". Save the model with model.save(\"model.keras\") or model.save(\"model.h5\")");
    }

    /**
     * Refuses an HDF5 file shorter than its superblock says: jhdf reads what it needs, so a file cut
     * after the weights but before the optimizer's state would otherwise load as if whole.
     */
    private void requireComplete(Superblock superblock, long size, String what) throws KerasFormatException {
        long end = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
        if (end > size) {
            throw new KerasFormatException(file, "is truncated: " + what + " has " + size + " bytes where its HDF5"
                    + " header says " + end + ". Copy or download the file again, or save the model again");
        }
    }

    // Keras 3's .keras zip.

    private KerasModel readKeras3() throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode config = json(entry(zip, "config.json"), "config.json");
            JsonNode metadata = zip.getEntry("metadata.json") == null ? null
                    : json(entry(zip, "metadata.json"), "metadata.json");
            String version = metadata != null && metadata.hasNonNull("keras_version")
                    ? metadata.get("keras_version").asText() : "unknown";
            byte[] weights = entry(zip, "model.weights.h5");
            requireComplete(Superblock.readSuperblock(ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN)), weights.length, "its model.weights.h5");
            try (HdfFile hdf = HdfFile.fromBytes(weights)) {
                List<KerasLayer> layers = new ArrayList<>();
                for (JsonNode layer : layerConfigs(config, "config.json")) {
                    String name = layerName(layer);
                    String className = layer.path("class_name").asText();
                    layers.add(new KerasLayer(name, className, layer.path("config"), layer.path("inbound_nodes"),
                            numberedWeights(hdf, name, className, layer.path("config"))));
                }
                JsonNode compiled = config.path("compile_config");
                return new KerasModel("Keras 3 .keras", version, layers, compiled.isObject() ? compiled : null);
            }
        } catch (ZipException e) {
            throw new KerasFormatException(file, "is not a complete zip, so not a readable .keras file (" + e.getMessage()
                    + "); is it truncated? Save the model again with model.save(\"model.keras\")", e);
        }
    }

    private byte[] entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new KerasFormatException(file, "is a zip without " + name + ", so not a Keras 3 .keras file"
                    + " (which holds config.json, metadata.json and model.weights.h5)");
        }
        if (entry.getSize() > Integer.MAX_VALUE - 8) {
            throw new KerasFormatException(file, name + " holds " + entry.getSize() + " bytes, more than Lamina reads into one array");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /**
     * Layer {@code name}'s weights in a .keras file: {@code layers/<name>/vars/0, 1, ...}. A layer without
     * weights may have no group at all.
     */
    private List<KerasWeight> numberedWeights(HdfFile hdf, String name, String className, JsonNode config)
            throws KerasFormatException {
        Node vars = child(hdf, "layers/" + name + "/vars");
        if (vars == null) {
            vars = child(hdf, "_layer_checkpoint_dependencies/" + name + "/vars");
        }
        if (!(vars instanceof Group group)) {
            return List.of();
        }
        List<String> roles = KerasRoles.of(className, config);
        List<KerasWeight> weights = new ArrayList<>();
        for (int i = 0; group.getChild(String.valueOf(i)) != null; i++) {
            String role = i < roles.size() ? roles.get(i) : "vars/" + i;
            weights.add(weight(group.getChild(String.valueOf(i)), role));
        }
        return weights;
    }

    // The legacy HDF5 file.

    private KerasModel readLegacy(HdfFile hdf) throws KerasFormatException {
        String configText = stringAttribute(hdf, "model_config");
        Node weightsNode = child(hdf, "model_weights");
        if (configText == null || !(weightsNode instanceof Group weightsGroup)) {
            if (hdf.getAttribute("layer_names") != null) {
                throw new KerasFormatException(file, "holds a Keras model's weights only (model.save_weights), without"
                        + " its config, which Lamina needs to check the layers against the network: save the whole"
                        + " model with model.save(\"model.h5\") or model.save(\"model.keras\")");
            }
            throw new KerasFormatException(file, "is an HDF5 file but not a Keras model: it has no "
                    + (configText == null ? "model_config attribute" : "model_weights group")
                    + " (a model saved with model.save(\"model.h5\") has both)");
        }
        String version = stringAttribute(hdf, "keras_version");
        JsonNode config = json(configText, "the model_config attribute");
        List<KerasLayer> layers = new ArrayList<>();
        for (JsonNode layer : layerConfigs(config, "the model_config attribute")) {
            String name = layerName(layer);
            String className = layer.path("class_name").asText();
            layers.add(new KerasLayer(name, className, layer.path("config"), layer.path("inbound_nodes"),
                    namedWeights(weightsGroup, name)));
        }
        String training = stringAttribute(hdf, "training_config");
        return new KerasModel("legacy HDF5", version == null ? "unknown" : version, layers,
                training == null ? null : json(training, "the training_config attribute"));
    }

    /** Layer {@code name}'s weights in a legacy file, in the order of its weight_names attribute. */
    private List<KerasWeight> namedWeights(Group weights, String name) throws KerasFormatException {
        if (!(weights.getChild(name) instanceof Group layer)) {
            return List.of(); // Keras writes a group for every layer, but one without weights needs none
        }
        List<KerasWeight> result = new ArrayList<>();
        for (String weightName : strings(layer.getAttribute("weight_names"))) {
            Node node = child(layer, weightName);
            if (node == null) {
                throw new KerasFormatException(file, "lists weight " + weightName + " for layer " + name
                        + " but has no dataset model_weights/" + name + "/" + weightName);
            }
            String last = weightName.substring(weightName.lastIndexOf('/') + 1);
            int colon = last.indexOf(':');
            result.add(weight(node, colon < 0 ? last : last.substring(0, colon)));
        }
        return result;
    }

    // Both layouts.

    /** The layers of a Sequential or Functional model's config, in its order. */
    private List<JsonNode> layerConfigs(JsonNode config, String where) throws KerasFormatException {
        String className = config.path("class_name").asText();
        JsonNode inner = config.path("config");
        // Keras up to 2.2 wrote a Sequential's layers as its config itself, a list.
        JsonNode layers = inner.isArray() ? inner : inner.path("layers");
        if (!layers.isArray() || !List.of("Sequential", "Functional", "Model").contains(className)) {
            throw new KerasFormatException(file, where + " describes a " + (className.isEmpty() ? "model of no class" : className)
                    + ", not a Sequential or Functional model with a list of layers; Lamina reads those only");
        }
        List<JsonNode> result = new ArrayList<>();
        layers.forEach(result::add);
        return result;
    }

    private static String layerName(JsonNode layer) {
        JsonNode name = layer.path("config").path("name");
        return name.isMissingNode() || name.isNull() ? layer.path("name").asText() : name.asText();
    }

    private KerasWeight weight(Node node, String role) throws KerasFormatException {
        if (!(node instanceof Dataset dataset)) {
            throw new KerasFormatException(file, node.getPath() + " should be a weight array but is a group");
        }
        long[] shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
        Class<?> type = dataset.getJavaType();
        Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
        float[] values;
        if (data instanceof float[] floats) {
            values = floats;
        } else if (data instanceof double[] doubles) {
            values = new float[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                values[i] = (float) doubles[i];
            }
        } else if (data instanceof long[] longs) { // a Normalization's count is an int64
            values = new float[longs.length];
            for (int i = 0; i < longs.length; i++) {
                values[i] = longs[i];
            }
        } else if (data instanceof Number number) {
            values = new float[] {number.floatValue()};
        } else {
            throw new KerasFormatException(file, "weight " + node.getPath() + " holds " + type.getSimpleName()
                    + " values; Lamina reads float32 and float64 weights (a mixed-precision model's float16 ones are not read)");
        }
        return new KerasWeight(role, node.getPath(), shape, values);
    }

    private JsonNode json(byte[] bytes, String where) throws KerasFormatException {
        return json(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), where);
    }

    private JsonNode json(String text, String where) throws KerasFormatException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new KerasFormatException(file, where + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The node at {@code path} under {@code group}, or null; a weight name may contain '/' (a path). */
    private static Node child(Group group, String path) {
        Node node = group;
        for (String part : path.split("/")) {
            if (!(node instanceof Group current)) {
                return null;
            }
            node = current.getChild(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static String stringAttribute(Node node, String name) {
        Attribute attribute = node.getAttribute(name);
        if (attribute == null) {
            return null;
        }
        List<String> values = strings(attribute);
        return values.isEmpty() ? null : values.get(0);
    }

    /** An attribute's strings, whether it holds one or an array (h5py writes both, and bytes for old files). */
    private static List<String> strings(Attribute attribute) {
        if (attribute == null) {
            return List.of();
        }
        Object data = attribute.getData();
        if (data instanceof String text) {
            return List.of(text);
        }
        if (data instanceof String[] texts) {
            return Arrays.asList(texts);
        }
        if (data instanceof byte[] bytes) {
            return List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return List.of(); // an empty list is written as an empty float array
    }

    private static boolean startsWith(byte[] start, int length, byte[] signature) {
        return length >= signature.length && Arrays.equals(start, 0, signature.length, signature, 0, signature.length);
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(String.format("%02x ", bytes[i]));
        }
        return text.toString().trim();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
