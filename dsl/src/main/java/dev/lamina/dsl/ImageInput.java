package dev.lamina.dsl;

import java.util.Optional;

/**
 * The rule shared by every layer that slides a window over images: its input must be channels-last
 * (height, width, channels). The message proposes the @Reshape that most likely fixes it.
 */
final class ImageInput {
    private ImageInput() {
    }

    /** The problem with sliding {@code window} (a "kernel" or a "pool window") over {@code input}, if any. */
    static Optional<Problem> problem(Shape input, String kind, String name, Window2D window, String what) {
        Optional<Problem> notImage = problem(input, kind, name);
        return notImage.isPresent() ? notImage : window.fitProblem(input, kind, what).map(Problem::ofLayer);
    }

    static Optional<Problem> problem(Shape input, String kind, String name) {
        if (input.rank() == 3) {
            return Optional.empty();
        }
        String needs = kind + " needs input (height, width, channels) but receives " + input;
        if (input.rank() == 2) {
            return Optional.of(Problem.ofLayer(needs + ". Add @Reshape({" + input.dim(0) + ", " + input.dim(1)
                    + ", 1}) before " + name + " to give the images one channel."));
        }
        if (input.rank() == 1) {
            long side = Math.round(Math.sqrt((double) input.size()));
            if (side * side == input.size()) {
                return Optional.of(Problem.ofLayer(needs + ". Add @Reshape({" + side + ", " + side + ", 1}) before "
                        + name + " to make each sample a one-channel square image."));
            }
            return Optional.of(Problem.ofLayer(needs + ". Add @Reshape({height, width, channels}) before " + name
                    + ", with height x width x channels = " + input.size() + "."));
        }
        return Optional.of(Problem.ofLayer(needs + ", which has " + input.rank() + " dimensions. Add a @Reshape"
                + " to three dimensions before " + name + "."));
    }
}
