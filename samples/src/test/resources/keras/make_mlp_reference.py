"""Writes kotlindl-mnist-mlp-reference.npz: the Keras MLP's softmax outputs for the first 100 MNIST
test images and its accuracy on all 10,000, computed with h5py and NumPy from the .h5 file, a reader
and an arithmetic independent of Lamina's, so that KerasImportTest compares against them.

Run with Debian's python3-h5py and python3-numpy: /usr/bin/python3 make_mlp_reference.py MNIST_DIR
(MNIST_DIR holds t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or gzipped).
"""
import gzip
import os
import sys

import h5py
import numpy as np


def idx(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.isfile(path):
            with (gzip.open if candidate.endswith(".gz") else open)(path, "rb") as file:
                content = file.read()
            dims = content[3]
            shape = tuple(int.from_bytes(content[4 + 4 * i:8 + 4 * i], "big") for i in range(dims))
            return np.frombuffer(content, np.uint8, offset=4 + 4 * dims).reshape(shape)
    raise FileNotFoundError(name)


def main(folder):
    images = idx(folder, "t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float64) / 255.0
    labels = idx(folder, "t10k-labels-idx1-ubyte").astype(np.int64)
    with h5py.File(os.path.join(os.path.dirname(os.path.abspath(__file__)), "kotlindl-mnist-mlp.h5"), "r") as model:
        weights = model["model_weights"]
        kernel1, bias1 = weights["dense_6/dense_6/kernel:0"][()], weights["dense_6/dense_6/bias:0"][()]
        kernel2, bias2 = weights["dense_7/dense_7/kernel:0"][()], weights["dense_7/dense_7/bias:0"][()]
    hidden = np.maximum(images @ kernel1 + bias1, 0)
    logits = hidden @ kernel2 + bias2
    outputs = np.exp(logits - logits.max(axis=1, keepdims=True))
    outputs /= outputs.sum(axis=1, keepdims=True)
    accuracy = (outputs.argmax(axis=1) == labels).mean()
    np.savez("kotlindl-mnist-mlp-reference.npz", outputs=outputs[:100], accuracy=np.array([accuracy]))
    print("accuracy %.4f" % accuracy)


if __name__ == "__main__":
    main(sys.argv[1])
