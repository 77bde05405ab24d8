package dev.lamina.runtime.checkpoint;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.Network;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A saved network: its identity, weights and optimizer state, in one file.
 *
 * <h2>File format, version 2</h2>
 * Big-endian, as {@link DataOutputStream} writes it:
 * <pre>
 * magic          8 bytes  "LAMINA\0\2"
 * length         long     the whole file's length in bytes, trailer included
 * model          UTF      the model class's name, e.g. "MnistCnn"
 * input rank     int, then that many int dimensions (the sample shape)
 * classes        int
 * data type      UTF      ND4J's name: "FLOAT" or "DOUBLE"
 * epochs         int      epochs completed when saved (for resuming)
 * class names    int count (0 for a network that names none), then a UTF each (version 2)
 * parameters     int count, then per parameter, trainable or not: UTF name, int rank, long dims...,
 *                the values
 * optimizer      UTF class name, long iterations, double learning rate (the rate of the next
 *                step, as ReduceLROnPlateau left it), int count, then per state array: int rank,
 *                long dims..., the values
 * checksum       long     CRC-32 of every byte before it
 * </pre>
 * Values are row-major, as floats or doubles per the data type. Version 1 ("LAMINA\0\1") is read
 * too: it is version 2 without the learning rate, which a network loaded from it keeps as its model
 * declares it.
 *
 * <p>Writing goes to a temporary file in the same folder, forced to disk, then renamed over the
 * target in one step, so a crash while saving leaves the previous file as it was.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = {'L', 'A', 'M', 'I', 'N', 'A', 0, 2};
    /** Version 1's: the same but the learning rate. */
    private static final byte[] MAGIC_1 = {'L', 'A', 'M', 'I', 'N', 'A', 0, 1};
    /** Bounds that a damaged header cannot pass, so it is refused before anything is allocated from it. */
    private static final int MAX_RANK = 8;

    private final Identity identity;
    private final int epochs;
    /** The classes' names, if the network named them; empty otherwise (and from a version 1 file). */
    private final List<String> classNames;
    private final List<INDArray> parameters;
    private final String optimizer;
    private final long iterations;
    /** The rate of the next step when saved; NaN from a version 1 file, which did not keep it. */
    private final double learningRate;
    private final List<INDArray> optimizerState;

    /** What makes a checkpoint fit a network: the model, its shapes and its parameters' names and shapes. */
    private record Identity(String model, int[] input, int classes, DataType dataType, List<String> names,
                            List<long[]> shapes) {
        static Identity of(Network network) {
            return new Identity(network.modelName(), network.inputShape().dims(), network.classes(), network.dataType(),
                    network.parameters().stream().map(Parameter::name).toList(),
                    network.parameters().stream().map(p -> p.value().shape()).toList());
        }

        /** How {@code other}, the network's, differs from this, the file's; null if it does not. */
        String difference(Identity other) {
            if (!model.equals(other.model)) {
                return "it was saved from model " + model + " but the network is " + other.model;
            }
            if (!Arrays.equals(input, other.input) || classes != other.classes) {
                return "it was saved for inputs " + Shape.format(input) + " and " + classes + " classes but " + model
                        + " now takes " + Shape.format(other.input) + " and " + other.classes;
            }
            if (!names.equals(other.names)) {
                return "it holds the parameters " + names + " but " + model + " now has " + other.names;
            }
            for (int i = 0; i < shapes.size(); i++) {
                if (!Arrays.equals(shapes.get(i), other.shapes.get(i))) {
                    return names.get(i) + " has the shape " + Arrays.toString(shapes.get(i)) + " in the file but "
                            + Arrays.toString(other.shapes.get(i)) + " in the network";
                }
            }
            return null;
        }
    }

    private Checkpoint(Identity identity, int epochs, List<String> classNames, List<INDArray> parameters,
                       String optimizer, long iterations, double learningRate, List<INDArray> optimizerState) {
        this.identity = identity;
        this.epochs = epochs;
        this.classNames = List.copyOf(classNames);
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.optimizerState = optimizerState;
    }

    /** Saves {@code network} to {@code file}, atomically. */
    public static void save(Network network, Path file) throws IOException {
        save(network, file, 0);
    }

    /** Saves {@code network} after {@code epochs} epochs of training to {@code file}, atomically. */
    public static void save(Network network, Path file, int epochs) throws IOException {
        Identity identity = Identity.of(network);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeLong(0); // the length, filled in below
        out.writeUTF(identity.model);
        writeInts(out, identity.input);
        out.writeInt(identity.classes);
        out.writeUTF(identity.dataType.name());
        out.writeInt(epochs);
        List<String> names = namedClasses(network);
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
        out.writeInt(network.parameters().size());
        for (Parameter parameter : network.parameters()) {
            out.writeUTF(parameter.name());
            writeArray(out, parameter.value());
        }
        out.writeUTF(network.optimizer().getClass().getSimpleName());
        out.writeLong(network.optimizer().iterations());
        out.writeDouble(network.optimizer().learningRate());
        List<INDArray> state = network.optimizer().state();
        out.writeInt(state.size());
        for (INDArray array : state) {
            writeArray(out, array);
        }
        out.flush();
        byte[] content = bytes.toByteArray();
        ByteBuffer.wrap(content, MAGIC.length, Long.BYTES).putLong(content.length + (long) Long.BYTES);
        CRC32 crc = new CRC32();
        crc.update(content);
        AtomicFile.write(file, ByteBuffer.wrap(content), ByteBuffer.allocate(Long.BYTES).putLong(0, crc.getValue()));
    }

    /**
     * Reads a checkpoint, checking that it is whole and undamaged.
     *
     * @throws CheckpointException if the file is not a checkpoint, is truncated or is corrupted
     */
    public static Checkpoint read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "no such file");
        }
        byte[] magic = Arrays.copyOf(bytes, MAGIC.length);
        boolean version1 = Arrays.equals(magic, MAGIC_1);
        if (bytes.length < MAGIC.length + 2 * Long.BYTES || !(Arrays.equals(magic, MAGIC) || version1)) {
            throw new CheckpointException(file, "not a Lamina checkpoint (it does not start with Lamina's magic number)");
        }
        long length = ByteBuffer.wrap(bytes, MAGIC.length, Long.BYTES).getLong();
        if (bytes.length < length) {
            throw new CheckpointException(file, "truncated: it has " + bytes.length + " of its " + length + " bytes");
        }
        if (bytes.length > length) {
            throw new CheckpointException(file, "corrupted: it has " + bytes.length + " bytes but its header says " + length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()) {
            throw new CheckpointException(file, "corrupted: its checksum does not match its content");
        }
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + Long.BYTES,
                    bytes.length - MAGIC.length - 2 * Long.BYTES)), version1);
        } catch (EOFException | IllegalArgumentException e) {
            throw new CheckpointException(file, "corrupted: " + e.getMessage());
        }
    }

    private static Checkpoint parse(DataInputStream in, boolean version1) throws IOException {
        String model = in.readUTF();
        int[] input = readInts(in);
        int classes = in.readInt();
        DataType dataType = DataType.valueOf(in.readUTF());
        int epochs = in.readInt();
        List<String> classNames = new ArrayList<>();
        int named = version1 ? 0 : in.readInt();
        if (named < 0 || named > classes) {
            throw new IllegalArgumentException(named + " class names for " + classes + " classes");
        }
        for (int i = 0; i < named; i++) {
            classNames.add(in.readUTF());
        }
        int count = in.readInt();
        List<String> names = new ArrayList<>();
        List<INDArray> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
            parameters.add(readArray(in, dataType));
        }
        String optimizer = in.readUTF();
        long iterations = in.readLong();
        double learningRate = version1 ? Double.NaN : in.readDouble();
        if (!version1 && !(learningRate > 0)) {
            throw new IllegalArgumentException("its learning rate is " + learningRate + ", not a positive number");
        }
        int states = in.readInt();
        List<INDArray> state = new ArrayList<>();
        for (int i = 0; i < states; i++) {
            state.add(readArray(in, dataType));
        }
        Identity identity = new Identity(model, input, classes, dataType, names,
                parameters.stream().map(INDArray::shape).toList());
        return new Checkpoint(identity, epochs, classNames, parameters, optimizer, iterations, learningRate, state);
    }

    /** The names a classifier gives its classes, if it was given any (numbers are not saved); else none. */
    private static List<String> namedClasses(Network network) {
        if (!network.task().classLabels()) {
            return List.of();
        }
        List<String> names = network.classNames();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(Integer.toString(i))) {
                return names;
            }
        }
        return List.of();
    }

    /** The data type the weights were saved in, to create a network to load them into. */
    public DataType dataType() {
        return identity.dataType;
    }

    /** The optimizer's learning rate for the next step when saved; NaN if the file is of version 1. */
    public double learningRate() {
        return learningRate;
    }

    /** The names the network gave its classes when saved; empty if it named none. */
    public List<String> classNames() {
        return classNames;
    }

    /** How many epochs the network had trained when saved. */
    public int epochs() {
        return epochs;
    }

    /**
     * Puts the saved weights and optimizer state into {@code network}, which must be of the model the
     * checkpoint was saved from.
     *
     * @param file the checkpoint's file, for the message if it does not fit
     * @throws CheckpointException if the checkpoint belongs to another model or other shapes
     */
    public void restore(Network network, Path file) throws CheckpointException {
        String difference = identity.difference(Identity.of(network));
        if (difference == null && !optimizer.equals(network.optimizer().getClass().getSimpleName())) {
            difference = "it was saved with the optimizer " + optimizer + " but the network uses "
                    + network.optimizer().getClass().getSimpleName();
        }
        List<INDArray> state = network.optimizer().state();
        if (difference == null && state.size() != optimizerState.size()) {
            difference = "its optimizer state has " + optimizerState.size() + " arrays but the network's has " + state.size();
        }
        if (difference != null) {
            throw new CheckpointException(file, "does not fit " + network.modelName() + ": " + difference);
        }
        for (int i = 0; i < parameters.size(); i++) {
            network.parameters().get(i).value().assign(parameters.get(i).castTo(network.dataType()));
        }
        for (int i = 0; i < state.size(); i++) {
            state.get(i).assign(optimizerState.get(i).castTo(network.dataType()));
        }
        network.optimizer().resumeAt(iterations);
        if (!Double.isNaN(learningRate)) {
            network.optimizer().learningRate(learningRate);
        }
        if (!classNames.isEmpty()) {
            network.classNames(classNames);
        }
    }

    /**
     * A network with the weights and optimizer state saved in {@code file}, made by {@code create} in
     * the data type they were saved in: what a generated network's {@code load} calls.
     *
     * @throws IOException if the file is missing, truncated, corrupted or from another model
     */
    public static <N extends Network> N load(Path file, Function<DataType, N> create) throws IOException {
        Checkpoint checkpoint = read(file);
        N network = create.apply(checkpoint.dataType());
        checkpoint.restore(network, file);
        return network;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_RANK) {
            throw new IllegalArgumentException("a shape of rank " + n);
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeArray(DataOutputStream out, INDArray array) throws IOException {
        long[] shape = array.shape();
        out.writeInt(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        if (array.dataType() == DataType.DOUBLE) {
            for (double v : array.dup('c').data().asDouble()) {
                out.writeDouble(v);
            }
        } else {
            for (float v : array.dup('c').data().asFloat()) {
                out.writeFloat(v);
            }
        }
    }

    private static INDArray readArray(DataInputStream in, DataType dataType) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > MAX_RANK) {
            throw new IllegalArgumentException("an array of rank " + rank);
        }
        long[] shape = new long[rank];
        long length = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readLong();
            length *= shape[i];
            if (shape[i] < 0 || length > in.available()) {
                throw new IllegalArgumentException("an array of shape " + Arrays.toString(Arrays.copyOf(shape, i + 1))
                        + " larger than the file");
            }
        }
        if (dataType == DataType.DOUBLE) {
            double[] values = new double[(int) length];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
            return Nd4j.create(values, shape, 'c');
        }
        float[] values = new float[(int) length];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return Nd4j.create(values, shape, 'c');
    }
}
