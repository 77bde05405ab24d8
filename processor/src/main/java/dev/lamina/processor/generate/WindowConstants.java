package dev.lamina.processor.generate;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Window2D;
import javax.lang.model.element.Modifier;

/** The static constant holding a layer's window geometry, written the same way for every window layer. */
final class WindowConstants {
    private WindowConstants() {
    }

    static void add(TypeSpec.Builder type, String name, String javadoc, Window2D window) {
        type.addField(FieldSpec.builder(RuntimeTypes.WINDOW_2D, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc + ": height, width, vertical and horizontal strides, padding.")
                .initializer("new $T($L, $L, $L, $L, $T.$L)", RuntimeTypes.WINDOW_2D, window.height(), window.width(),
                        window.strideHeight(), window.strideWidth(), RuntimeTypes.PADDING, window.padding().name())
                .build());
    }
}
