#!/usr/bin/env bash
# README's main command: fetch the data if absent, build, train a reference model, print its test
# accuracy. Usage: scripts/train.sh [sample] [--epochs N] [--batch-size N] [--seed N] [--output DIR];
# scripts/train.sh --help describes the options and lists the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
# The sample may be left out: then the first argument is an option (or there is none).
if [[ $# -gt 0 && "$1" != -* ]]; then
    sample="$1"
    shift
else
    sample=mnist-cnn
fi
./scripts/fetch-data.sh
mvn -B -q install -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
mvn -B -q -pl samples exec:exec -Dsample="$sample" -Dsample.args="$*"
