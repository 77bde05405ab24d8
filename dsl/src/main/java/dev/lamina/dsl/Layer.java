package dev.lamina.dsl;

/**
 * The type of a layer field in a {@link Model} class. The field's annotation says what the layer
 * is; the field's name names it in messages, in {@code summary()} and in the generated code. The
 * field itself holds nothing and is never assigned.
 */
public interface Layer {
}
