package dev.lamina.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotation values from mirrors, defaults included. Mirrors rather than reflective proxies,
 * because a proxy throws on a value the source got wrong, and a compiler plugin must not throw.
 */
final class AnnotationValues {
    private final Elements elements;

    AnnotationValues(Elements elements) {
        this.elements = elements;
    }

    int intValue(AnnotationMirror mirror, String name) throws UnreadableValueException {
        Object value = raw(mirror, name);
        if (value instanceof Integer i) {
            return i;
        }
        throw new UnreadableValueException(name, value);
    }

    double doubleValue(AnnotationMirror mirror, String name) throws UnreadableValueException {
        Object value = raw(mirror, name);
        if (value instanceof Number n && !(value instanceof Long)) {
            return n.doubleValue();
        }
        throw new UnreadableValueException(name, value);
    }

    boolean booleanValue(AnnotationMirror mirror, String name) throws UnreadableValueException {
        Object value = raw(mirror, name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new UnreadableValueException(name, value);
    }

    String stringValue(AnnotationMirror mirror, String name) throws UnreadableValueException {
        Object value = raw(mirror, name);
        if (value instanceof String string) {
            return string;
        }
        throw new UnreadableValueException(name, value);
    }

    List<String> stringList(AnnotationMirror mirror, String name) throws UnreadableValueException {
        List<String> strings = new ArrayList<>();
        for (Object item : list(mirror, name)) {
            if (!(item instanceof String string)) {
                throw new UnreadableValueException(name, item);
            }
            strings.add(string);
        }
        return strings;
    }

    int[] intArray(AnnotationMirror mirror, String name) throws UnreadableValueException {
        List<Object> items = list(mirror, name);
        int[] values = new int[items.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(items.get(i) instanceof Integer value)) {
                throw new UnreadableValueException(name, items.get(i));
            }
            values[i] = value;
        }
        return values;
    }

    <E extends Enum<E>> E enumValue(AnnotationMirror mirror, String name, Class<E> type) throws UnreadableValueException {
        return toEnum(name, raw(mirror, name), type);
    }

    <E extends Enum<E>> List<E> enumList(AnnotationMirror mirror, String name, Class<E> type) throws UnreadableValueException {
        List<E> values = new ArrayList<>();
        for (Object item : list(mirror, name)) {
            values.add(toEnum(name, item, type));
        }
        return values;
    }

    AnnotationMirror annotationValue(AnnotationMirror mirror, String name) throws UnreadableValueException {
        Object value = raw(mirror, name);
        if (value instanceof AnnotationMirror nested) {
            return nested;
        }
        throw new UnreadableValueException(name, value);
    }

    private static <E extends Enum<E>> E toEnum(String name, Object value, Class<E> type) throws UnreadableValueException {
        if (value instanceof VariableElement constant) {
            try {
                return Enum.valueOf(type, constant.getSimpleName().toString());
            } catch (IllegalArgumentException e) {
                throw new UnreadableValueException(name, value);
            }
        }
        throw new UnreadableValueException(name, value);
    }

    private List<Object> list(AnnotationMirror mirror, String name) throws UnreadableValueException {
        Object value = raw(mirror, name);
        if (!(value instanceof List<?> items)) {
            // A single value where an array is declared is written without braces; compilers normally
            // hand it over as a one-element list, but accept the bare value too.
            if (value instanceof Integer || value instanceof VariableElement || value instanceof String) {
                return List.of(value);
            }
            throw new UnreadableValueException(name, value);
        }
        List<Object> values = new ArrayList<>();
        for (Object item : items) {
            values.add(item instanceof AnnotationValue v ? v.getValue() : item);
        }
        return values;
    }

    private Object raw(AnnotationMirror mirror, String name) throws UnreadableValueException {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                AnnotationValue value = entry.getValue();
                return value == null ? null : value.getValue();
            }
        }
        throw new UnreadableValueException(name, null);
    }
}
