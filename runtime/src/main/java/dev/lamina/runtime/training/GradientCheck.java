package dev.lamina.runtime.training;

import dev.lamina.runtime.optimizers.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks analytic gradients against central finite differences: each checked element is nudged by
 * +-{@link #EPSILON} and the loss's slope compared with the gradient. Meant for double precision, where
 * a correct backward pass agrees to a relative error well under {@link #TOLERANCE}.
 */
public final class GradientCheck {
    public static final double EPSILON = 1e-6;
    public static final double TOLERANCE = 1e-5;
    /** Below this absolute difference two slopes agree whatever their relative error (both near zero). */
    private static final double ABSOLUTE_TOLERANCE = 1e-9;

    private GradientCheck() {
    }

    /** An element whose analytic gradient and finite difference disagree. */
    public record Mismatch(String parameter, long index, double analytic, double numeric) {
        @Override
        public String toString() {
            return parameter + "[" + index + "]: analytic " + analytic + ", finite difference " + numeric;
        }
    }

    /**
     * Compares {@code analytic} with the slope of {@code loss} at the given elements of
     * {@code parameter}, which the loss reads each time it is called; returns the disagreements.
     */
    public static List<Mismatch> compare(String name, INDArray parameter, INDArray analytic, DoubleSupplier loss,
                                         long[] indices) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (long i : indices) {
            double original = parameter.getDouble(i);
            parameter.putScalar(i, original + EPSILON);
            double plus = loss.getAsDouble();
            parameter.putScalar(i, original - EPSILON);
            double minus = loss.getAsDouble();
            parameter.putScalar(i, original);
            double numeric = (plus - minus) / (2 * EPSILON);
            double exact = analytic.getDouble(i);
            double difference = Math.abs(numeric - exact);
            if (difference > ABSOLUTE_TOLERANCE
                    && difference / Math.max(Math.abs(numeric) + Math.abs(exact), ABSOLUTE_TOLERANCE) > TOLERANCE) {
                mismatches.add(new Mismatch(name, i, exact, numeric));
            }
        }
        return mismatches;
    }

    /** Every element index of {@code array}. */
    public static long[] all(INDArray array) {
        long[] indices = new long[(int) array.length()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /**
     * Checks a network's backward pass: the gradient {@link Network#computeGradients} gives each
     * parameter for the batch's mean loss, at up to {@code perParameter} elements of each (all of a
     * smaller parameter, else random ones) of each trainable one, against finite differences of {@link Network#loss}
     * of {@link Network#trainingOutput}: in training mode, as the gradients are.
     */
    public static List<Mismatch> check(Network network, INDArray features, INDArray labels, int perParameter,
                                       Random random) {
        network.computeGradients(features, labels);
        // The loss in training mode, as the gradients are (BatchNormalization normalizes with the batch's statistics).
        DoubleSupplier loss = () -> network.loss(network.trainingOutput(features), labels);
        List<Mismatch> mismatches = new ArrayList<>();
        for (Parameter parameter : network.parameters().stream().filter(Parameter::trainable).toList()) {
            INDArray value = parameter.value();
            long[] indices = all(value);
            if (indices.length > perParameter) {
                indices = random.longs(perParameter, 0, value.length()).toArray();
            }
            mismatches.addAll(compare(parameter.name(), value, parameter.gradient().dup(), loss, indices));
        }
        return mismatches;
    }
}
