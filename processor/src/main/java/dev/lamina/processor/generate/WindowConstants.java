package dev.lamina.processor.generate;

import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.Window2D;
import javax.lang.model.element.Modifier;

/** The static constant holding a layer's window geometry, written the same way for every window layer. */
final class WindowConstants {
    private WindowConstants() {
    }

    /** {@code CONV1_WINDOW = new Window2D(height, width, vertical stride, horizontal stride, padding)}. */
    static FieldSpec field(String name, Window2D window) {
        return FieldSpec.builder(RuntimeTypes.WINDOW_2D, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T($L, $L, $L, $L, $T.$L)", RuntimeTypes.WINDOW_2D, window.height(), window.width(),
                        window.strideHeight(), window.strideWidth(), RuntimeTypes.PADDING, window.padding().name())
                .build();
    }
}
