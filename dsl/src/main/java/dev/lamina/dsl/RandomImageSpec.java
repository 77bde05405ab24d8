package dev.lamina.dsl;

import java.util.Optional;

/**
 * A layer that moves the pixels of each training image as it draws (RandomFlip, RandomTranslation,
 * RandomRotation, RandomZoom): it takes (height, width, channels), outputs its shape, draws anew on
 * every training step and passes its input through in evaluate and predict.
 */
public sealed interface RandomImageSpec extends ShapePreservingSpec
        permits RandomFlipSpec, RandomTranslationSpec, RandomRotationSpec, RandomZoomSpec {

    /** Refuses anything but an image: there is no height or width to move pixels along. */
    @Override
    default Optional<Problem> inputProblem(Shape input, String name) {
        return ImageInput.problem(input, kind(), name);
    }
}
