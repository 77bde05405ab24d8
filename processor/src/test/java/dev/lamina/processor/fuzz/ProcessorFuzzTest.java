package dev.lamina.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.lamina.dsl.Activation;
import dev.lamina.processor.ModelProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random model classes, valid and not: each compiles (and so does its generated
 * network), or fails with at least one error in its own file; the processor never crashes. Models
 * valid by construction compile, whatever their layers are named; models valid but for sizes up to
 * the integer limits compile exactly when every array fits, else fail on the value at fault. Set
 * -Dlamina.fuzz.seed to replay a run.
 */
class ProcessorFuzzTest {
    private static final int MODELS = 2_000;
    private static final int BATCH = 40;

    @Test
    void randomModelsCompileOrFailCleanly() {
        long seed = Long.getLong("lamina.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        int compiled = 0;
        int rejected = 0;
        int tooLarge = 0;
        for (int start = 0; start < MODELS; start += BATCH) {
            Map<String, String> sources = new HashMap<>();
            Set<String> mustCompile = new HashSet<>();
            // The models too large for the runtime, by the line where the processor must say so.
            Map<String, Integer> mustFailOnLine = new HashMap<>();
            for (int i = start; i < Math.min(MODELS, start + BATCH); i++) {
                String name = "M" + i;
                // Three in ten valid by construction, two valid but for sizes up to the integer limits,
                // the rest anything at all; layers named like what generated code refers to, or plainly.
                int kind = random.nextInt(10);
                if (kind < 3) {
                    sources.put(name, RandomModels.validModel(random, name, true).source());
                    mustCompile.add(name);
                } else if (kind < 5) {
                    RandomModels.SizedModel model = RandomModels.sizedModel(random, name);
                    sources.put(name, model.source());
                    if (model.errorLine() < 0) {
                        mustCompile.add(name);
                    } else {
                        mustFailOnLine.put(name, model.errorLine());
                        tooLarge++;
                    }
                } else {
                    sources.put(name, RandomModels.anyModel(random, name));
                }
            }
            // javac stops before annotation processing when some files have errors of its own, so a
            // model without errors in a failed batch is compiled again with the other such models,
            // until a compilation succeeds or every model left has an error of its own.
            Map<String, String> pending = sources;
            while (!pending.isEmpty()) {
                Map<String, List<String>> errors = compileAndCollectErrors(seed, pending);
                Map<String, String> clean = new HashMap<>();
                pending.forEach((name, source) -> {
                    if (errors.get(name).isEmpty()) {
                        clean.put(name, source);
                    }
                });
                rejected += pending.size() - clean.size();
                for (String name : pending.keySet()) {
                    List<String> found = errors.get(name);
                    if (found.isEmpty()) {
                        continue;
                    }
                    if (mustCompile.contains(name)) {
                        fail("seed " + seed + ": " + name + " is valid by the DSL's rules but was rejected: " + found
                                + "\n" + sources.get(name));
                    }
                    Integer line = mustFailOnLine.get(name);
                    if (line != null && found.stream().noneMatch(error -> error.startsWith(line + ": "))) {
                        fail("seed " + seed + ": " + name + " is too large at line " + line + " but its errors are "
                                + found + "\n" + sources.get(name));
                    }
                }
                if (clean.size() == pending.size()) {
                    for (String name : clean.keySet()) {
                        if (mustFailOnLine.containsKey(name)) {
                            fail("seed " + seed + ": " + name + " compiled, but its arrays are too large from line "
                                    + mustFailOnLine.get(name) + " on\n" + sources.get(name));
                        }
                    }
                    compiled += clean.size();
                    break;
                }
                pending = clean;
            }
        }
        System.out.printf("Processor fuzz, seed %d: %d models, %d compiled with their networks, %d rejected (%d of them"
                + " too large, each on its line), 0 crashes; layer names drawn from %d the generated code refers to%n",
                seed, MODELS, compiled, rejected, tooLarge, FuzzNames.generated().size());
        assertEquals(MODELS, compiled + rejected);
    }

    /**
     * Compiles the sources in one javac run and returns each model's errors. Fails on a crash: an
     * exception out of javac, an internal error of the processor, or an error in a generated file.
     */
    private static Map<String, List<String>> compileAndCollectErrors(long seed, Map<String, String> sources) {
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach((name, source) -> files.add(JavaFileObjects.forSourceString("fuzz." + name, source)));
        Compilation compilation;
        try {
            compilation = javac().withProcessors(new ModelProcessor()).compile(files);
        } catch (RuntimeException e) {
            fail("seed " + seed + ": javac crashed on " + sources.keySet() + "\n" + String.join("\n", sources.values()), e);
            return Map.of();
        }
        Map<String, List<String>> errors = new HashMap<>();
        sources.keySet().forEach(name -> errors.put(name, new ArrayList<>()));
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            String file = d.getSource() == null ? "" : d.getSource().getName();
            String model = file.replaceAll("^.*/", "").replace(".java", "");
            if (message.contains("internal error")) {
                fail("seed " + seed + ": the processor crashed on " + model + ": " + message + "\n" + sources.get(model));
            }
            assertWellWritten(seed, message, sources.get(model));
            if (!sources.containsKey(model)) {
                fail("seed " + seed + ": an error outside the models (" + file + "): " + message + "\n"
                        + sources.get(model.replace("Network", "")));
            }
            errors.get(model).add(d.getLineNumber() + ": " + message);
        }
        return errors;
    }

    /** "conv: conv's kernel": the prefix names the layer, the message need not again. */
    private static final Pattern STUTTER = Pattern.compile("^(\\w+): \\1's ");
    /** A constant after "=" that a model's file cannot resolve without a static import: "padding = SAME". */
    private static final Pattern UNQUALIFIED_CONSTANT = Pattern.compile("= (SAME|VALID|"
            + Arrays.stream(Activation.values()).map(Enum::name).collect(Collectors.joining("|")) + ")\\b");

    private static void assertWellWritten(long seed, String message, String source) {
        if (STUTTER.matcher(message).find() || UNQUALIFIED_CONSTANT.matcher(message).find()) {
            fail("seed " + seed + ": a message repeats its layer's name or names a constant unqualified: " + message
                    + "\n" + source);
        }
    }
}
