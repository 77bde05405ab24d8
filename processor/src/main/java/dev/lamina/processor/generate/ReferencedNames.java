package dev.lamina.processor.generate;

import com.palantir.javapoet.ClassName;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The names a generated network refers to, which no identifier generated for a layer may take, read
 * from the code the writer emitted rather than kept in a list: a name the writer starts to use (a
 * type, a parameter, a method it calls) is reserved from then on by itself.
 */
public final class ReferencedNames {
    private static final Pattern COMMENT_OR_LITERAL = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'",
            Pattern.DOTALL);
    /** An import's last part, the simple name it brings in: {@code import a.b.Shape;}. */
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?[^;]*?(\\p{javaJavaIdentifierPart}+)\\s*;");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^(?:package|import)\\b[^;]*;");
    /** 784, 0.001, 1.0E-7, 10L: no name, though letters may be part of it. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\p{javaJavaIdentifierPart})\\d(?:[\\p{javaJavaIdentifierPart}.]|(?<=[eEpP])[+-])*");
    /** An identifier that is no member of what precedes it ({@code x.value}, {@code Foo::bar}). */
    private static final Pattern UNQUALIFIED_NAME = Pattern.compile(
            "(?<!(?:\\.|::)\\s{0,40})(?<!\\p{javaJavaIdentifierPart})\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    private ReferencedNames() {
    }

    /**
     * Every name {@code source} refers to unqualified, where a field of the class would hide it or be
     * hidden by it: the simple name of each import, and each identifier of the code that does not
     * follow a dot (a type of java.lang or an imported one, a parameter, a local, a method called on
     * the class itself, the class's own name). Comments, literals, numbers and keywords are not names.
     */
    public static Set<String> in(String source) {
        String code = COMMENT_OR_LITERAL.matcher(source).replaceAll(" ");
        Set<String> names = new HashSet<>();
        IMPORT.matcher(code).results().forEach(imported -> names.add(imported.group(1)));
        code = NUMBER.matcher(DECLARATION.matcher(code).replaceAll(" ")).replaceAll(" ");
        UNQUALIFIED_NAME.matcher(code).results().map(MatchResult::group)
                .filter(name -> !SourceVersion.isKeyword(name))
                .forEach(names::add);
        return names;
    }

    /**
     * The names of the public and protected members {@code superclass} gives the generated class, which
     * its code may call unqualified; none if the compiler does not know the class (then the generated
     * class does not compile, and the compiler says why).
     */
    static Set<String> inheritedFrom(Elements elements, ClassName superclass) {
        TypeElement type = elements.getTypeElement(superclass.canonicalName());
        if (type == null) {
            return Set.of();
        }
        return elements.getAllMembers(type).stream()
                .filter(member -> member.getKind() != ElementKind.CONSTRUCTOR)
                .filter(member -> member.getModifiers().contains(Modifier.PUBLIC)
                        || member.getModifiers().contains(Modifier.PROTECTED))
                .map(Element::getSimpleName)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
