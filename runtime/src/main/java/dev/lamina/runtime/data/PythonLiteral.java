package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser of the Python literals a {@code .npy} header is written in: a dict of strings,
 * integers, {@code True}, {@code False}, {@code None}, tuples and lists. By hand because no Java
 * library reads Python literals, and the form is small and fixed. Strings with escapes, floats,
 * sets and expressions are refused; so is anything after the closing brace but whitespace.
 * Tuples and lists both become {@link List}s, integers {@link Long}s.
 */
final class PythonLiteral {
    private final String text;
    private int at;

    /** Something that is not a literal of this form; the message says what and where. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** The dict {@code text} holds. */
    static Map<String, Object> parseDict(String text) throws SyntaxError {
        PythonLiteral parser = new PythonLiteral(text);
        parser.skipSpace();
        if (!parser.peek('{')) {
            throw parser.error("expected a dict '{'");
        }
        Map<String, Object> dict = parser.dict();
        parser.skipSpace();
        if (parser.at < text.length()) {
            throw parser.error("unexpected text after the dict");
        }
        return dict;
    }

    private Object value() throws SyntaxError {
        skipSpace();
        if (at >= text.length()) {
            throw error("the text ends where a value should be");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return dict();
        } else if (c == '(') {
            return sequence('(', ')');
        } else if (c == '[') {
            return sequence('[', ']');
        } else if (c == '\'' || c == '"') {
            return string();
        } else if (c == '-' || Character.isDigit(c)) {
            return integer();
        } else if (text.startsWith("True", at)) {
            return word("True", Boolean.TRUE);
        } else if (text.startsWith("False", at)) {
            return word("False", Boolean.FALSE);
        } else if (text.startsWith("None", at)) {
            return word("None", null);
        }
        throw error("unexpected '" + c + "'");
    }

    private Map<String, Object> dict() throws SyntaxError {
        Map<String, Object> dict = new LinkedHashMap<>();
        at++;
        while (true) {
            skipSpace();
            if (peek('}')) {
                at++;
                return dict;
            }
            int keyAt = at;
            if (!(peek('\'') || peek('"'))) {
                throw error("expected a string key or '}'");
            }
            String key = string();
            skipSpace();
            expect(':');
            if (dict.put(key, value()) != null) {
                at = keyAt;
                throw error("the key '" + key + "' appears twice");
            }
            if (!separator('}')) {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char open, char close) throws SyntaxError {
        List<Object> items = new ArrayList<>();
        at++;
        while (true) {
            skipSpace();
            if (peek(close)) {
                at++;
                return items;
            }
            items.add(value());
            if (!separator(close)) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    /** After an item: true at a ',' (consumed) or at {@code close} (left for the caller). */
    private boolean separator(char close) {
        skipSpace();
        if (peek(',')) {
            at++;
            return true;
        }
        return peek(close);
    }

    private String string() throws SyntaxError {
        char quote = text.charAt(at);
        int end = text.indexOf(quote, at + 1);
        if (end < 0) {
            throw error("a string is never closed");
        }
        String value = text.substring(at + 1, end);
        if (value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
            throw error("strings with escapes or line breaks are not read");
        }
        at = end + 1;
        return value;
    }

    private Long integer() throws SyntaxError {
        int start = at;
        if (peek('-')) {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        int end = at;
        if (peek('L') && end > start && Character.isDigit(text.charAt(end - 1))) {
            at++; // Python 2's long, as NumPy under Python 2 wrote shapes: (3L, 4L)
        }
        if (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at = start;
            throw error("only whole numbers in decimal are read");
        }
        try {
            return Long.parseLong(text.substring(start, end));
        } catch (NumberFormatException e) {
            at = start;
            throw error("'" + text.substring(start, end) + "' is not a whole number that fits 64 bits");
        }
    }

    private Object word(String word, Object value) throws SyntaxError {
        at += word.length();
        if (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) {
            at -= word.length();
            throw error("unexpected name");
        }
        return value;
    }

    private void expect(char c) throws SyntaxError {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at character " + (at + 1) + " of " + text.strip());
    }
}
