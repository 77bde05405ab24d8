package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * {@link GlobalMaxPooling2D} and {@link GlobalAveragePooling2D}: (height, width, channels) becomes
 * (channels), each channel's maximum or mean over the image. No parameters.
 */
public record GlobalPool2DSpec(Pooling pooling) implements LayerSpec {

    @Override
    public String kind() {
        return pooling == Pooling.MAX ? "GlobalMaxPooling2D" : "GlobalAveragePooling2D";
    }

    @Override
    public List<Problem> settingProblems() {
        return List.of();
    }

    /**
     * Refuses anything but an image: after a Flatten or a Dense there are no positions left to pool
     * over, and the fix is to move the layer where the model still has images, not to reshape.
     */
    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        if (input.rank() == 3) {
            return Optional.empty();
        }
        String what = pooling == Pooling.MAX ? "the maximum" : "the mean";
        return Optional.of(Problem.ofLayer(kind() + " needs input (height, width, channels) but receives " + input
                + ": it takes " + what + " of each channel over an image's height and width. Move " + name
                + " before @Flatten and @Dense, onto the output of a @Conv2D or a pooling layer; its output"
                + " (channels) is flat, so no @Flatten is needed after it."));
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        return input.rank() == 3 ? Optional.of(Shape.of(input.dim(2))) : Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.globalPool2D(this);
    }
}
