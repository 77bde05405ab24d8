package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PythonLiteral}, the strict parser of .npy headers' Python dicts. */
class NpyHeaderLiteralTest {
    @Test
    void readsTheFormsNumPyWrites() throws PythonLiteral.SyntaxError {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("descr", "<f4");
        expected.put("fortran_order", true);
        expected.put("shape", List.of(3L, 4L));
        expected.put("none", null);
        expected.put("nested", List.of(List.of("a", "<i4"), List.of(), -7L));
        assertEquals(expected, PythonLiteral.parseDict(
                "{'descr': \"<f4\", 'fortran_order': True, 'shape': (3L, 4,), 'none': None,"
                        + " 'nested': [('a', '<i4'), (), -7]}  \n"));
        assertEquals(List.of(), PythonLiteral.parseDict("{'shape': ()}").get("shape"));
    }

    @Test
    void refusesAnythingElseSayingWhere() {
        for (String[] bad : Arrays.asList(
                new String[] {"['a']", "expected a dict '{' at character 1"},
                new String[] {"{'a': 1.5}", "only whole numbers in decimal are read at character 7"},
                new String[] {"{'a': 0x10}", "only whole numbers"},
                new String[] {"{'a': 1 'b': 2}", "expected ',' or '}' at character 9"},
                new String[] {"{'a': (1, 2}", "expected ',' or ')'"},
                new String[] {"{'a': 'b}", "a string is never closed"},
                new String[] {"{'a': 'b\\n'}", "strings with escapes"},
                new String[] {"{1: 2}", "expected a string key or '}'"},
                new String[] {"{'a': Trueish}", "unexpected name"},
                new String[] {"{'a': 99999999999999999999}", "'99999999999999999999' is not a whole number that fits 64 bits"},
                new String[] {"{'a': 1", "expected ',' or '}'"},
                new String[] {"{'a': }", "unexpected '}'"},
                new String[] {"{'a': 1} {}", "unexpected text after the dict at character 10"})) {
            PythonLiteral.SyntaxError e = assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parseDict(bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + " says '" + bad[1] + "': " + e.getMessage());
        }
    }
}
