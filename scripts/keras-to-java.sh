#!/usr/bin/env bash
# Writes a Lamina @Model class for a Keras model (a Keras 3 .keras or a legacy .h5 file), which javac's
# Lamina processor then checks and generates a network from; its network takes the file's weights
# with loadKerasWeights. Usage:
#   scripts/keras-to-java.sh <model.keras|model.h5> <qualified class name> [source root, default .]
# e.g. scripts/keras-to-java.sh mnist_cnn.h5 com.example.MnistCnn src/main/java
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -B -q install -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -pl runtime -am \
    && mvn -B -q -pl runtime dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
java -cp "$root/runtime/target/classes:$(cat "$root/runtime/target/classpath.txt")" \
    dev.lamina.runtime.keras.KerasTranslator "$@" 2> >(grep -v "^SLF4J" >&2)
