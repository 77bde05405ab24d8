package dev.lamina.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A layer spec as a Java expression that builds it again: {@code new Conv2DSpec(64, new int[] {3, 3},
 * ...)}. Specs are records of numbers, booleans, strings, enums, int arrays, lists of strings and
 * other such records, so one rule over their components writes every kind, and a component added
 * to a spec is carried to the generated network without a line here.
 */
final class SpecLiteral {
    private SpecLiteral() {
    }

    static CodeBlock of(Object value) {
        if (value instanceof Record record) {
            return record(record);
        }
        if (value instanceof Enum<?> constant) {
            return CodeBlock.of("$T.$L", constant.getDeclaringClass(), constant.name());
        }
        if (value instanceof String text) {
            return CodeBlock.of("$S", text);
        }
        if (value instanceof Double number) {
            return number.isNaN() ? CodeBlock.of("Double.NaN") : CodeBlock.of("$L", number);
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return CodeBlock.of("$L", value);
        }
        if (value instanceof int[] numbers) {
            return CodeBlock.of("new int[] {$L}", String.join(", ",
                    java.util.Arrays.stream(numbers).mapToObj(Integer::toString).toList()));
        }
        if (value instanceof List<?> list) {
            return CodeBlock.of("$T.of($L)", List.class, list.stream().map(SpecLiteral::of).collect(CodeBlock.joining(", ")));
        }
        throw new IllegalArgumentException("no literal for a spec's " + value.getClass().getName()
                + ": give SpecLiteral a rule for it");
    }

    private static CodeBlock record(Record record) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                arguments.add(i == 0 ? "$L" : ", $L", of(components[i].getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i].getName() + " of " + record, e);
            }
        }
        return CodeBlock.of("new $T($L)", ClassName.get(record.getClass()), arguments.build());
    }
}
