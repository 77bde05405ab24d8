"""PyTorch as the benchmark's third engine: the same models, data, settings and line protocol as
Lamina's and DL4J's engines (dev.lamina.bench.EngineServer), so that dev.lamina.bench.Benchmark
alternates it with them on the same machine.

Server:  torch_engine.py MODEL --threads N [--data DIR] [--quick]
    MODEL is MLP, CNN, FASHION_CNN or TOY_RESNET. It loads the data, prints "@ ready IMAGES", then reads one
    command a line from its standard input and answers each with one line that starts with "@ ":
      epoch SEED    one timed epoch of a fresh network: "@ epoch SECONDS ACCURACY GEMM_RATE 0"
                    (seconds of the epoch, test accuracy after it, the float32 2048^3 matmul rate in
                    FLOP/s measured just before it, and 0 for the JIT's milliseconds: there is no JIT);
      predict SEED  test images per second of a fresh network (median of three passes);
      latency SEED  a fresh network's batch-1 prediction time (torch.no_grad), median and 99th
                    percentile in microseconds: "@ MEDIAN P99", 3,000 calls after 2,000 untimed;
      gemm SEED     the float32 2048^3 matmul rate in FLOP/s.
    Anything else it prints is for the reader. It ends at the end of its input.
Other modes:
    torch_engine.py --count                    prints, a line for each model, its name, its number
                                               of trainable parameters and the multiply-adds of its
                                               convolutions and dense layers for one image, forward;
    torch_engine.py --info --threads N         prints torch's version, threads and BLAS, then the
                                               gemm rate in FLOP/s on a line of its own.

The models are Lamina's samples MnistMlp, MnistCnn, FashionCnn and ToyResNet: Glorot-uniform kernels and zero
biases (Keras' defaults, as Lamina's), Keras' RMSprop (rho 0.9, eps 1e-7, which torch's RMSprop with
alpha=0.9 computes alike) and Adam (0.9, 0.999, eps 1e-7; torch adds eps to the bias-corrected
sqrt(v), Keras to the uncorrected one: a difference of eps * sqrt(1 - 0.999^t), below 1e-7), the
same batch sizes (128, 64, 32, 64) and a fresh shuffle from the seed for each epoch. PyTorch computes in
NCHW, Lamina in NHWC: the CNNs' Flatten therefore orders the 3x3x64 (5x5x64) features differently,
which permutes the rows of the next Dense kernel. Its weights are drawn i.i.d., so the architecture, its
parameter count and its arithmetic are the same; only the exact numbers from a given seed differ
(they differ anyway: torch draws from its own generator).

Softmax outputs with (sparse) categorical crossentropy (MLP, CNN, FASHION_CNN) are computed as logits with
torch.nn.CrossEntropyLoss, which is the same function (softmax fused into the loss, as Keras and
Lamina do for the gradient); the logits are what prediction returns, as argmax is the same.

Environment, set before torch is imported: OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS
to --threads, and OPENBLAS_CORETYPE from the CPU's flags unless set (see openblas_core_type).
OMP_WAIT_POLICY is the benchmark's to set, for every engine alike. Run it with /usr/bin/python3,
whose Debian python3-torch it was written for (bench/install-pytorch.sh).
"""

import gc
import gzip
import math
import os
import sys
import time

THREADS_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def threads_from_arguments(arguments):
    """The --threads N of the command line, or None."""
    if "--threads" in arguments:
        return int(arguments[arguments.index("--threads") + 1])
    return None


def openblas_core_type():
    """OpenBLAS's kernels for this CPU's vector extensions, or None to let OpenBLAS detect them.

    Debian's OpenBLAS 0.3.21 does not know the CPU of virtual machines that report a bare "Intel(R)
    Xeon(R) Processor" and falls back to its Prescott (SSE3) kernels: a 2048^3 float32 matmul then ran
    at 35 GFLOP/s on this project's machine, against about 190 with the SkylakeX kernels that its
    AVX-512 allows. ND4J's own BLAS and oneDNN (which PyTorch's convolutions use) pick their kernels
    by the CPU's flags, so OpenBLAS is told them too, unless OPENBLAS_CORETYPE is set already.
    """
    if "OPENBLAS_CORETYPE" in os.environ:
        return None
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            flags = next((line.split(":", 1)[1].split() for line in cpuinfo if line.startswith("flags")), [])
    except OSError:
        return None
    if "avx512f" in flags:
        return "SkylakeX"
    if "avx2" in flags:
        return "Haswell"
    return None


# Before torch loads OpenMP and OpenBLAS, which read these once.
_THREADS = threads_from_arguments(sys.argv)
if _THREADS is not None:
    for _variable in THREADS_VARIABLES:
        os.environ[_variable] = str(_THREADS)
_CORE_TYPE = openblas_core_type()
if _CORE_TYPE is not None:
    os.environ["OPENBLAS_CORETYPE"] = _CORE_TYPE
# OMP_WAIT_POLICY is left as the environment has it: the benchmark gives every engine's process the
# same (OpenMP's default unless told otherwise; see EngineClient.waitPolicy).

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

ANSWER = "@ "
QUICK_IMAGES = 6000
DATASETS = {"MLP": "mnist", "CNN": "mnist", "FASHION_CNN": "fashion-mnist", "TOY_RESNET": "fashion-mnist"}
BATCH_SIZES = {"MLP": 128, "CNN": 64, "FASHION_CNN": 32, "TOY_RESNET": 64}
INFERENCE_BATCH = 256  # as Lamina's predict and evaluate
WARM_UP_CALLS = 2000  # batch-1 latency: untimed calls, then timed ones, as Engine.latency
TIMED_CALLS = 3000
LATENCY_IMAGES = 256
GEMM_SIZE = 2048


# ---------------------------------------------------------------------------------------------- data

def read_idx(path):
    """An IDX file (raw or gzipped) as a numpy array of its shape, unsigned bytes."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as file:
        content = file.read()
    if content[0] != 0 or content[1] != 0 or content[2] != 0x08:
        raise ValueError(path + ": not an IDX file of unsigned bytes")
    dimensions = content[3]
    shape = tuple(int.from_bytes(content[4 + 4 * i:8 + 4 * i], "big") for i in range(dimensions))
    return np.frombuffer(content, dtype=np.uint8, offset=4 + 4 * dimensions).reshape(shape)


def locate(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(name + "(.gz) is not in " + folder + ": run scripts/fetch-data.sh")


def load(data_directory, dataset, prefix):
    """Images as float32 N x 1 x 28 x 28 scaled to [0, 1] (as Lamina's pixel / 255f), labels as int64."""
    folder = os.path.join(data_directory, dataset)
    images = read_idx(locate(folder, prefix + "-images-idx3-ubyte"))
    labels = read_idx(locate(folder, prefix + "-labels-idx1-ubyte"))
    features = torch.from_numpy(images.astype(np.float32) / np.float32(255)).reshape(-1, 1, 28, 28)
    return features.contiguous(), torch.from_numpy(labels.astype(np.int64))


def data_directory(arguments):
    """--data DIR, else LAMINA_DATA, else ~/.lamina/datasets (as Lamina's DataDirectory)."""
    if "--data" in arguments:
        return arguments[arguments.index("--data") + 1]
    configured = os.environ.get("LAMINA_DATA", "")
    return configured if configured.strip() else os.path.join(os.path.expanduser("~"), ".lamina", "datasets")


# -------------------------------------------------------------------------------------------- models

class ResidualBlock(nn.Module):
    """Two SAME 3x3 ReLU convolutions of 64 filters, added to the block's input (no activation after)."""

    def __init__(self):
        super().__init__()
        self.first = nn.Conv2d(64, 64, 3, padding="same")
        self.second = nn.Conv2d(64, 64, 3, padding="same")

    def forward(self, x):
        return torch.relu(self.second(torch.relu(self.first(x)))) + x


def create(model):
    """The model's network, Glorot-uniform kernels and zero biases; it outputs logits."""
    if model == "MLP":
        network = nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 512), nn.ReLU(),
            nn.Linear(512, 10))
    elif model == "CNN":
        network = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),      # 26x26x32 -> 13x13
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),     # 11x11x64 -> 5x5
            nn.Conv2d(64, 64, 3), nn.ReLU(),                      # 3x3x64
            nn.Flatten(),                                         # NCHW order, Lamina's is NHWC (see above)
            nn.Linear(576, 64), nn.ReLU(),
            nn.Linear(64, 10))
    elif model == "FASHION_CNN":
        network = nn.Sequential(
            nn.Conv2d(1, 64, 3), nn.ReLU(), nn.MaxPool2d(2),      # 26x26x64 -> 13x13
            nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),     # 11x11x64 -> 5x5
            nn.Flatten(),                                         # NCHW order, Lamina's is NHWC (see above)
            nn.Linear(1600, 128), nn.ReLU(),
            nn.Linear(128, 10))
    elif model == "TOY_RESNET":
        network = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(),                       # 26x26x32
            nn.Conv2d(32, 64, 3), nn.ReLU(),                      # 24x24x64
            nn.MaxPool2d(3),                                      # 8x8x64 (Keras' stride = pool size)
            ResidualBlock(),
            ResidualBlock(),
            nn.Conv2d(64, 64, 3), nn.ReLU(),                      # 6x6x64
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),                # global average pooling: 64
            nn.Linear(64, 256), nn.ReLU(),
            nn.Dropout(0.5),
            nn.Linear(256, 10))
    else:
        raise ValueError("no model " + model + " (MLP, CNN, FASHION_CNN or TOY_RESNET)")
    for module in network.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            # fan_in = inputs x kernel area, fan_out = outputs x kernel area: Keras' glorot_uniform.
            nn.init.xavier_uniform_(module.weight)
            nn.init.zeros_(module.bias)
    return network


def optimizer(model, parameters):
    """The model's optimizer with Keras' settings, as Lamina's @Optimizer."""
    if model in ("CNN", "FASHION_CNN"):
        return torch.optim.Adam(parameters, lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    # MLP: RMSprop at Keras' default rate; the toy ResNet: RMSprop(1e-3). Keras' RMSprop: v = rho v +
    # (1 - rho) g^2, w -= lr g / (sqrt(v) + eps), v starting at 0: torch's with alpha = rho.
    return torch.optim.RMSprop(parameters, lr=1e-3, alpha=0.9, eps=1e-7, momentum=0, centered=False)


def count_parameters(model):
    return sum(p.numel() for p in create(model).parameters() if p.requires_grad)


def count_multiply_adds(model):
    """Forward multiply-adds of one image in the Conv2d and Linear layers, from their output shapes:
    what TrainingFlops counts by hand, so that a padding or pooling that differs from Lamina's shows."""
    network = create(model).eval()
    total = [0]

    def count(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            kernel = module.kernel_size[0] * module.kernel_size[1]
            total[0] += output[0].numel() * kernel * module.in_channels
        else:
            total[0] += module.in_features * module.out_features

    for module in network.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            module.register_forward_hook(count)
    with torch.no_grad():
        network(torch.zeros(1, 1, 28, 28))
    return total[0]


# ------------------------------------------------------------------------------------------- timing

def settle():
    """As EpochTimer.settle: collect what the last epoch left and pause, so nothing runs alongside."""
    gc.collect()
    time.sleep(1)


def gemm_rate():
    """The best of 10 float32 2048^3 matmuls (2 * 2048^3 FLOPs each) after 3 warm-ups, in FLOP/s."""
    n = GEMM_SIZE
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    c = torch.empty(n, n)
    best = float("inf")
    for r in range(13):
        start = time.perf_counter()
        torch.mm(a, b, out=c)
        if r >= 3:
            best = min(best, time.perf_counter() - start)
    return 2.0 * n * n * n / best


class Engine:
    def __init__(self, model, train, test):
        self.model = model
        self.train_features, self.train_labels = train
        self.test_features, self.test_labels = test
        self.batch = BATCH_SIZES[model]

    def fresh(self, seed):
        torch.manual_seed(seed)
        return create(self.model)

    def epoch(self, seed):
        """One epoch of a fresh network from the seed, in batches shuffled from it, timed as EpochTimer."""
        network = self.fresh(seed)
        network.train()
        steps = optimizer(self.model, network.parameters())
        loss = nn.CrossEntropyLoss()
        order = torch.from_numpy(np.random.RandomState(seed % 2**32).permutation(len(self.train_labels)))
        settle()
        gemm = gemm_rate()
        start = time.perf_counter()
        for begin in range(0, len(order), self.batch):  # the last, partial batch too, as Lamina's
            indices = order[begin:begin + self.batch]
            features = self.train_features.index_select(0, indices)
            labels = self.train_labels.index_select(0, indices)
            steps.zero_grad(set_to_none=True)
            loss(network(features), labels).backward()
            steps.step()
        seconds = time.perf_counter() - start
        accuracy = self.accuracy(network)
        return "epoch %r %r %r %r" % (seconds, accuracy, gemm, 0.0)

    @torch.no_grad()
    def predict(self, network):
        return torch.cat([network(self.test_features[begin:begin + INFERENCE_BATCH])
                          for begin in range(0, len(self.test_features), INFERENCE_BATCH)])

    def accuracy(self, network):
        network.eval()
        predicted = self.predict(network).argmax(dim=1)
        return (predicted == self.test_labels).double().mean().item()

    def predict_rate(self, seed):
        network = self.fresh(seed)
        network.eval()
        seconds = []
        for _ in range(3):
            start = time.perf_counter()
            self.predict(network)
            seconds.append(time.perf_counter() - start)
        return "%r" % (len(self.test_features) / sorted(seconds)[1])

    @torch.no_grad()
    def latency(self, seed):
        """As Engine.latency: one image a call, each its own tensor, as requests arrive."""
        network = self.fresh(seed)
        network.eval()
        images = [self.test_features[i:i + 1].clone() for i in range(LATENCY_IMAGES)]
        nanos = []
        for call in range(-WARM_UP_CALLS, TIMED_CALLS):
            image = images[call % LATENCY_IMAGES]
            start = time.perf_counter_ns()
            network(image)
            if call >= 0:
                nanos.append(time.perf_counter_ns() - start)
        nanos.sort()
        return "%r %r" % (percentile(nanos, 0.5) / 1e3, percentile(nanos, 0.99) / 1e3)


def percentile(ordered, share):
    """The value below which share of the sorted values lie (nearest rank), as Engine.percentile."""
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


# ---------------------------------------------------------------------------------------- reporting

def blas_libraries():
    """The BLAS and LAPACK libraries this process has loaded (after one matmul, so they are loaded)."""
    torch.mm(torch.ones(2, 2), torch.ones(2, 2))
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return "unknown (no /proc/self/maps)"
    found = sorted(p for p in paths if any(k in os.path.basename(p).lower() for k in ("blas", "lapack", "mkl")))
    return ", ".join(found) if found else "none found"


def describe(threads):
    """Torch's version, threads, BLAS and parallel backend, for the reader."""
    parallel = [line.strip() for line in torch.__config__.parallel_info().splitlines()
                if any(k in line for k in ("get_num_threads", "omp_get_max_threads", "parallel backend",
                                           "MKL-DNN", "MKL not found", "MKL ", "OpenMP "))]
    core = os.environ.get("OPENBLAS_CORETYPE", "detected by OpenBLAS")
    return ("  PyTorch %s (%s), %s threads asked; %s; OMP_WAIT_POLICY %s; BLAS: %s (OPENBLAS_CORETYPE %s)"
            % (torch.__version__, sys.executable, threads, "; ".join(parallel),
               os.environ.get("OMP_WAIT_POLICY", "unset"),
               blas_libraries(), core))


def answer(engine, command):
    name, seed = command.split()
    seed = int(seed)
    if name == "epoch":
        result = engine.epoch(seed)
    elif name == "predict":
        result = engine.predict_rate(seed)
    elif name == "latency":
        result = engine.latency(seed)
    elif name == "gemm":
        result = "%r" % gemm_rate()
    else:
        raise ValueError("no command " + name)
    settle()  # as EngineServer: nothing of this command left to run during the other engine's epoch
    return result


def main(arguments):
    if "--count" in arguments:
        for model in DATASETS:
            print(model, count_parameters(model), count_multiply_adds(model), flush=True)
        return
    threads = _THREADS if _THREADS is not None else torch.get_num_threads()
    torch.set_num_threads(threads)
    if "--info" in arguments:
        print(describe(threads), flush=True)
        print("%r" % gemm_rate(), flush=True)
        return
    models = [a for a in arguments if a in DATASETS]
    if len(models) != 1:
        raise SystemExit("usage: torch_engine.py MLP|CNN|FASHION_CNN|TOY_RESNET --threads N [--data DIR] [--quick]")
    model = models[0]
    directory = data_directory(arguments)
    train = load(directory, DATASETS[model], "train")
    test = load(directory, DATASETS[model], "t10k")
    if "--quick" in arguments:
        train = (train[0][:QUICK_IMAGES].contiguous(), train[1][:QUICK_IMAGES].contiguous())
    engine = Engine(model, train, test)
    print(describe(threads), flush=True)
    print("  pytorch %s: %d parameters, %s %d training images" % (model, count_parameters(model), DATASETS[model],
                                                                   len(train[1])), flush=True)
    print(ANSWER + "ready %d" % len(train[1]), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(ANSWER + answer(engine, line.strip()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
