#!/usr/bin/env bash
# Builds and runs examples/, a project of a user's own outside the reactor (README's "Use Lamina in your
# project"), against the Lamina artifacts that `mvn install` put in the local repository, first on
# JDK 17, then on JDK 25. On each it checks that:
#   - `mvn verify` compiles the model with the processor on the annotation processor path and passes
#     the example's test (the generated network is there and learns);
#   - the example's main, run with `java` as README shows, exits 0, prints its test accuracy, and
#     prints nothing else to stderr (no SLF4J or JVM warnings);
#   - with lamina-processor as a plain dependency instead, JDK 17 still compiles the example and
#     JDK 25 fails with Lamina's own message, not only "cannot find symbol" (docs/setup.md).
#
# Run `mvn install` first. Every mvn here is plain `mvn`, so MAVEN_OPTS=-Dmaven.repo.local=DIR, set
# for both, points them at the same local repository. JDK 17 is $JDK17_HOME, else
# /usr/lib/jvm/java-17-openjdk-amd64, else any /usr/lib/jvm/*17*; JDK 25 is $JDK25_HOME, else
# /usr/lib/jvm/temurin-25-jdk-amd64, else any /usr/lib/jvm/*25*. A JDK that is not found fails the run.
# Usage: scripts/check-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

# The major version of the JDK at $1 ("17", "25"), or nothing.
major() {
    [ -x "$1/bin/javac" ] && [ -x "$1/bin/java" ] || return 0
    "$1/bin/java" -version 2>&1 | sed -n '1s/.* version "\([0-9]*\).*/\1/p'
}

# The home of a JDK of major version $1: $2 if set, else $3, else the first /usr/lib/jvm/*$1*.
find_jdk() {
    local want="$1" candidate
    for candidate in "${2:-}" "$3" /usr/lib/jvm/*"$want"*; do
        if [ -n "$candidate" ] && [ "$(major "$candidate")" = "$want" ]; then
            echo "$candidate"
            return 0
        fi
    done
    echo "FAIL: no JDK $want found (tried \$JDK${want}_HOME, $3 and /usr/lib/jvm/*$want*)" >&2
    return 1
}

jdk17="$(find_jdk 17 "${JDK17_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64)"
jdk25="$(find_jdk 25 "${JDK25_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64)"

# The example must ask for the version the reactor builds, and the BOM must be that version too.
version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)"
bom_version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' bom/pom.xml | head -1)"
if [ "$bom_version" != "$version" ]; then
    echo "FAIL: bom/pom.xml is version $bom_version but the reactor is $version" >&2
    exit 1
fi
if ! grep -q "<lamina.version>$version</lamina.version>" examples/pom.xml; then
    echo "FAIL: examples/pom.xml's lamina.version is not the reactor's version $version" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# examples/ is README's snippet: every line of the section's Maven block, in order, is a line of
# examples/pom.xml (which adds JUnit and more properties), and its simplelogger.properties is README's.
awk '/^## Use Lamina in your project/ { section = 1 } section && /^```xml/ { block = 1; next }
     block && /^```/ { exit } block && NF { sub(/^ +/, ""); print }' README.md > "$work/snippet.txt"
if [ ! -s "$work/snippet.txt" ] || ! awk 'NR == FNR { want[n++] = $0; next }
        { sub(/^ +/, "") } i < n && $0 == want[i] { i++ } END { exit i < n ? 1 : 0 }' \
        "$work/snippet.txt" examples/pom.xml; then
    echo "FAIL: examples/pom.xml is not README's Maven snippet (section \"Use Lamina in your project\")" >&2
    exit 1
fi
if ! grep -qxF "$(cat examples/src/main/resources/simplelogger.properties)" README.md; then
    echo "FAIL: examples/src/main/resources/simplelogger.properties is not the line README shows" >&2
    exit 1
fi

# The same project with the processor as a plain dependency and no annotation processor path: the
# mistake README's troubleshooting describes.
plain="$work/plain"
mkdir -p "$plain"
cp -r examples/src "$plain/"
sed -e '/<annotationProcessorPaths>/,/<\/annotationProcessorPaths>/d' \
    -e 's|<artifactId>lamina-runtime</artifactId>|&</dependency><dependency><groupId>dev.lamina</groupId><artifactId>lamina-processor</artifactId>|' \
    examples/pom.xml > "$plain/pom.xml"
if grep -q annotationProcessorPaths "$plain/pom.xml" || ! grep -q '<dependency><groupId>dev.lamina</groupId><artifactId>lamina-processor</artifactId>' "$plain/pom.xml"; then
    echo "FAIL: could not turn examples/pom.xml into its plain-dependency variant" >&2
    exit 1
fi

missing_processor="Lamina's annotation processor did not run, so QuadrantsNetwork was not generated."
passed=0

# Runs the checks on the JDK at $1.
check() {
    local jdk="$1" name="JDK $(major "$1")"
    local -a flags=()
    if [ "$(major "$jdk")" -ge 24 ]; then
        # JavaCPP, which ND4J loads its native code with, calls System.load and sun.misc.Unsafe; from
        # JDK 24 the JVM warns about both unless told to allow them (README).
        flags=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
    fi
    export JAVA_HOME="$jdk"
    export PATH="$jdk/bin:$PATH"
    echo "== $name: $jdk"

    echo "-- mvn verify in examples/"
    if ! (cd examples && mvn -B -ntp clean verify); then
        echo "FAIL ($name): examples/ does not build or its test fails; was the reactor installed (mvn install) into the local repository this mvn uses?" >&2
        exit 1
    fi

    echo "-- java ${flags[*]:+${flags[*]} }-cp ... com.example.Main"
    (cd examples && mvn -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt >/dev/null)
    local status=0
    java "${flags[@]}" -cp "examples/target/classes:$(cat examples/target/classpath.txt)" com.example.Main \
        >"$work/out.txt" 2>"$work/err.txt" || status=$?
    cat "$work/out.txt"
    if [ "$status" -ne 0 ] || ! grep -q '^Test accuracy: ' "$work/out.txt"; then
        cat "$work/err.txt"
        echo "FAIL ($name): the example's main exited with $status" >&2
        exit 1
    fi
    if [ -s "$work/err.txt" ]; then
        cat "$work/err.txt"
        echo "FAIL ($name): the example's main printed the above to stderr; a first run should print nothing there" >&2
        exit 1
    fi

    echo "-- the processor as a plain dependency"
    status=0
    (cd "$plain" && mvn -B -ntp clean compile) >"$work/plain.txt" 2>&1 || status=$?
    if [ "$(major "$jdk")" -lt 23 ]; then
        if [ "$status" -ne 0 ]; then
            cat "$work/plain.txt"
            echo "FAIL ($name): javac before 23 runs a processor found on the class path, but this did not compile" >&2
            exit 1
        fi
        echo "compiles: javac $(major "$jdk") runs the processor from the class path"
    else
        if [ "$status" -eq 0 ] || ! grep -qF "$missing_processor" "$work/plain.txt"; then
            cat "$work/plain.txt"
            echo "FAIL ($name): expected the compile to fail with: $missing_processor" >&2
            exit 1
        fi
        grep -F -m1 "$missing_processor" "$work/plain.txt"
        echo "fails as expected, with Lamina's message"
    fi
    echo "OK: $name"
    passed=$((passed + 1))
}

check "$jdk17"
check "$jdk25"
echo "check-examples: $passed passed, 0 failed"
