"""Writes affine.npz, what AffineSamplingTest checks RandomRotation's and RandomZoom's kernels against:
SciPy's map_coordinates (not Lamina's code, nor Keras') at the points Keras' rotation and zoom
matrices read.

Rerun from this directory with NumPy and SciPy (written with NumPy 2.4.6 and SciPy 1.17.1; Debian's python3-scipy would do):
    cd runtime/src/test/resources/augmentation && python3 make_fixtures.py

Keras' affine_transform reads output pixel (row y, column x) at column a0 x + a1 y + a2 and row
b0 x + b1 y + b2; its modes are SciPy's: reflect -> 'reflect', constant (fill 0) -> 'grid-constant',
wrap -> 'grid-wrap', nearest -> 'nearest'; bilinear is order 1, nearest order 0.
"""
import os

import numpy as np
from scipy import ndimage

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
images = rng.random((2, 7, 9, 2))
angles = np.array([[0.3], [-1.1]])          # radians, one per image
zooms = np.array([[0.83, 1.37], [1.21, 1.21]])  # (height, width) per image
MODES = {"reflect": "reflect", "constant": "grid-constant", "wrap": "grid-wrap", "nearest": "nearest"}
ORDERS = {"bilinear": 1, "nearest": 0}


def rotation(angle, height, width):
    cos, sin = np.cos(angle), np.sin(angle)
    w, h = width - 1, height - 1
    return (cos, -sin, (w - (cos * w - sin * h)) / 2, sin, cos, (h - (sin * w + cos * h)) / 2)


def zoom(height_zoom, width_zoom, height, width):
    return (width_zoom, 0, (width - 1) / 2 * (1 - width_zoom), 0, height_zoom, (height - 1) / 2 * (1 - height_zoom))


def transformed(transforms, mode, order):
    out = np.zeros_like(images)
    _, height, width, channels = images.shape
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    for n, (a0, a1, a2, b0, b1, b2) in enumerate(transforms):
        columns = a0 * x + a1 * y + a2
        rows = b0 * x + b1 * y + b2
        if order == 0:  # rounding a point halfway between pixels is a matter of convention: none here
            assert np.all(np.abs(np.abs(rows - np.floor(rows)) - 0.5) > 1e-6), "a row halfway"
            assert np.all(np.abs(np.abs(columns - np.floor(columns)) - 0.5) > 1e-6), "a column halfway"
        for c in range(channels):
            out[n, :, :, c] = ndimage.map_coordinates(images[n, :, :, c], [rows, columns], order=order,
                                                      mode=MODES[mode], cval=0.0)
    return out


_, height, width, _ = images.shape
arrays = {"images": images, "angles": angles, "zooms": zooms}
for mode in MODES:
    for interpolation, order in ORDERS.items():
        arrays[f"rotation_{mode}_{interpolation}"] = transformed(
            [rotation(a, height, width) for a in angles[:, 0]], mode, order)
        arrays[f"zoom_{mode}_{interpolation}"] = transformed(
            [zoom(h, w, height, width) for h, w in zooms], mode, order)
np.savez(os.path.join(HERE, "affine.npz"), **arrays)
print("wrote affine.npz:", ", ".join(sorted(arrays)))
