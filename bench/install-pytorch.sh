#!/usr/bin/env bash
# Installs PyTorch for the benchmark's third engine (bench/src/main/python/torch_engine.py): Debian's
# python3-torch for the system's /usr/bin/python3, and OpenBLAS's pthread build, which torch's matrix
# products then use. Then checks that torch imports and reports which BLAS it loaded. The benchmark's
# own script: CI never runs it. Needs root (or sudo) and Debian or Ubuntu's apt.
set -euo pipefail

PYTHON="${PYTHON:-/usr/bin/python3}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends python3-torch python3-numpy libopenblas0-pthread

"$PYTHON" - <<'EOF'
import os
import torch

print("torch", torch.__version__, "for", os.path.realpath(__import__("sys").executable))
torch.mm(torch.ones(2, 2), torch.ones(2, 2))  # loads the BLAS
with open("/proc/self/maps") as maps:
    paths = sorted({line.split()[-1] for line in maps if "/" in line})
blas = [p for p in paths if any(k in os.path.basename(p).lower() for k in ("blas", "lapack", "mkl"))]
print("BLAS:", ", ".join(blas) if blas else "none loaded")
print(torch.__config__.parallel_info())
EOF
