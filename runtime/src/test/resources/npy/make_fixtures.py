"""Writes the .npy and .npz fixtures NpyReaderTest reads, with NumPy itself (not Lamina's code).

Rerun from this directory with Debian's NumPy (1.24.2, package python3-numpy):
    cd runtime/src/test/resources/npy && /usr/bin/python3 make_fixtures.py
It rewrites every fixture and manifest.csv; only the .npz files' zip timestamps change between runs.

Every good array holds value(i) = i * step + offset at C-order position i, i = 0, 1, ...
(step and offset per file, in manifest.csv), cast to its dtype: the test computes the same.
"""
import os
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rows = ["file,dtype,order,shape,step,offset"]


def values(shape, dtype, step, offset):
    n = int(np.prod(shape)) if len(shape) else 1
    return (np.arange(n, dtype=np.float64) * step + offset).astype(dtype).reshape(shape)


def good(name, dtype, shape, order="C", step=1.0, offset=0.0):
    a = values(shape, dtype, step, offset)
    if order == "F":
        a = np.asfortranarray(a)  # (ascontiguousarray would make a 0-d array 1-d: arange's is C already)
    np.save(os.path.join(HERE, name), a)
    rows.append(f"{name},{np.dtype(dtype).str},{order},{'x'.join(map(str, shape))},{step},{offset}")
    return a


# Every dtype, both byte orders, a shape of rank 2; negative values for the signed ones.
for code, step, offset in [("f4", 0.25, -1.5), ("f8", 0.1, -2.0), ("i1", 3, -9), ("u1", 40, 3),
                           ("i2", 1000, -3000), ("u2", 9000, 7), ("i4", 100000, -300000),
                           ("u4", 700000000, 5), ("i8", 3000000000, -9000000000),
                           ("u8", 1000000000000000000, 1)]:
    for endian in ["<", ">"] if code[1] != "1" else ["|"]:
        good(f"{code}_{'le' if endian == '<' else 'be' if endian == '>' else 'na'}.npy",
             endian + code, (2, 3), step=step, offset=offset)
good("b1.npy", "|b1", (2, 3), step=1, offset=0)  # 0 is False, the rest True
good("b1_odd.npy", "|b1", (5,), step=-1, offset=2)  # 2, 1, 0, -1, -2: True, True, False, True, True

# Ranks 0 to 3, C and Fortran order, and a dimension of 0.
good("scalar.npy", "<f4", (), step=1, offset=42.5)
good("vector.npy", "<f4", (4,), step=0.5, offset=0)
good("empty.npy", "<f4", (0, 3))
for order in "CF":
    good(f"rank2_{order}.npy", "<f4", (3, 4), order=order)
    good(f"rank3_{order}.npy", "<f8", (2, 3, 4), order=order)
    good(f"rank3_i2_{order}.npy", ">i2", (2, 3, 4), order=order, offset=-10)

# Header versions 2.0 and 3.0 (3.0 is 2.0 with a UTF-8 header).
for version in [(2, 0), (3, 0)]:
    name = f"version{version[0]}.npy"
    a = values((2, 2), "<f4", 1, 0)
    with open(os.path.join(HERE, name), "wb") as f:
        np.lib.format.write_array(f, a, version=version)
    rows.append(f"{name},<f4,C,2x2,1,0")

# Archives: features and labels, stored and compressed.
x = values((4, 3), "<f4", 0.5, 0)
y = np.array([0, 2, 1, 2], dtype="<i8")
np.savez(os.path.join(HERE, "data.npz"), x=x, y=y)
np.savez_compressed(os.path.join(HERE, "data_compressed.npz"), x=x, y=y)
np.save(os.path.join(HERE, "labels_short.npy"), np.array([0, 1, 1], dtype="<i4"))
np.save(os.path.join(HERE, "y_of_two.npy"), np.array([1, 0], dtype=">i2"))
np.save(os.path.join(HERE, "float_labels.npy"), np.array([1, 0], dtype="<f4"))

# Refused: dtypes the reader does not read, and damaged files.
np.save(os.path.join(HERE, "bad_complex64.npy"), np.array([1 + 2j], dtype="<c8"))
np.save(os.path.join(HERE, "bad_complex128.npy"), np.array([1 + 2j], dtype="<c16"))
np.save(os.path.join(HERE, "bad_object.npy"), np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
np.save(os.path.join(HERE, "bad_unicode.npy"), np.array(["ab", "c"]))
np.save(os.path.join(HERE, "bad_bytes.npy"), np.array([b"ab", b"c"]))
np.save(os.path.join(HERE, "bad_structured.npy"), np.zeros(2, dtype=[("a", "<f4"), ("b", "<i4")]))
np.save(os.path.join(HERE, "bad_float16.npy"), np.zeros(2, dtype="<f2"))
np.save(os.path.join(HERE, "bad_u8_big.npy"), np.array([1, 2**63], dtype="<u8"))  # past Java's long

with open(os.path.join(HERE, "rank2_C.npy"), "rb") as f:
    whole = f.read()
with open(os.path.join(HERE, "bad_truncated.npy"), "wb") as f:
    f.write(whole[:-5])  # 48 bytes of data where 3x4 float32 need 48: 43 left
with open(os.path.join(HERE, "bad_magic.npy"), "wb") as f:
    f.write(b"\x93NUMPZ" + whole[6:])
with open(os.path.join(HERE, "bad_header_length.npy"), "wb") as f:
    f.write(whole[:8] + (60000).to_bytes(2, "little") + whole[10:])
with open(os.path.join(HERE, "bad_dict.npy"), "wb") as f:
    f.write(whole.replace(b"'shape': (3, 4)", b"'shape': (3; 4)"))
with open(os.path.join(HERE, "bad_missing_key.npy"), "wb") as f:
    f.write(whole.replace(b"'fortran_order': False, ", b"'fortran_order_': False,"))
with zipfile.ZipFile(os.path.join(HERE, "bad_inside.npz"), "w") as z:
    z.writestr("x.npy", whole[:-5])

with open(os.path.join(HERE, "manifest.csv"), "w") as f:
    f.write("\n".join(rows) + "\n")
