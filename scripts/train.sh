#!/usr/bin/env bash
# README's main command: fetch the data if absent, build, train a reference model, print its test
# accuracy. Usage: scripts/train.sh [sample] [--epochs N] [--batch-size N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-mnist-cnn}"
shift || true
./scripts/fetch-data.sh
mvn -B -q install -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
mvn -B -q -pl samples exec:exec -Dsample="$sample" -Dsample.args="$*"
