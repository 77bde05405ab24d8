#!/usr/bin/env bash
# Checks that `mvn -Pcuda` resolves ND4J's CUDA backend instead of the CPU one, with no GPU and
# without downloading the native jars (nd4j-cuda-11.6's Linux jar is some 600 MB).
#
# maven-dependency-plugin 3.x's `tree` only collects the dependency graph: it fetches poms, never
# jars. The script runs it with -Pcuda on every module, prints each module's backend lines, and
# fails if a module that carries the backend (runtime, and through it processor's tests, samples
# and bench) lacks nd4j-cuda-11.6 with the classifier linux-x86_64, or still has a CPU artifact
# (nd4j-native, nd4j-native-preset; nd4j-native-api is shared by both backends).
#
# It checks resolution only: the CUDA build itself is untested, as no machine of the project has a
# GPU. Not part of .ci/run. Usage: scripts/check-cuda-profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."

plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
want='org.nd4j:nd4j-cuda-11.6:jar:linux-x86_64:'
cpu='org\.nd4j:nd4j-native(-preset)?:'
modules=(lamina-runtime lamina-processor lamina-samples lamina-bench)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/tree.txt"

echo "mvn -B -q -Pcuda $plugin:tree -Dincludes=org.nd4j"
if ! mvn -B -q -Pcuda "$plugin:tree" -Dincludes=org.nd4j \
        -DoutputFile="$tree" -DappendOutput=true >"$work/mvn.log" 2>&1; then
    cat "$work/mvn.log"
    echo "FAIL: mvn -Pcuda dependency:tree did not resolve" >&2
    exit 1
fi

# The tree file holds one block per module, each starting with the module's own coordinates.
awk -v dir="$work" '/^dev\.lamina:/ { split($0, c, ":"); file = dir "/" c[2] ".txt" } { print > file }' "$tree"

status=0
for module in "${modules[@]}"; do
    echo "$module:"
    lines="$work/$module.txt"
    if [ ! -s "$lines" ]; then
        echo "  FAIL: no org.nd4j dependency at all"
        status=1
        continue
    fi
    grep -E 'nd4j-cuda|nd4j-native' "$lines" | sed 's/^/  /' || true
    if ! grep -qF "$want" "$lines"; then
        echo "  FAIL: no ${want%:}"
        status=1
    fi
    if grep -qE "$cpu" "$lines"; then
        echo "  FAIL: a CPU backend artifact is still there"
        status=1
    fi
done

if [ "$status" -eq 0 ]; then
    echo "OK: -Pcuda resolves nd4j-cuda-11.6 (linux-x86_64) in ${modules[*]}, and no nd4j-native"
else
    echo "FAIL: -Pcuda does not resolve to the CUDA backend" >&2
fi
exit "$status"
