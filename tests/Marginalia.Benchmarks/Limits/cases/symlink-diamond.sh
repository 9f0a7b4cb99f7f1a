#!/usr/bin/env bash
# A "diamond" of symbolic links: 40 levels of folders, each with two links to the next (2^40 paths to the last), reached from media/: each folder is read once, each level's second link refused with MG0122.
set -euo pipefail
dir="$1"
levels=40
mkdir -p "$dir/media"
for ((i = 0; i < levels; i++)); do mkdir -p "$dir/lattice/l$i"; done
for ((i = 0; i < levels - 1; i++)); do
  ln -s "../l$((i + 1))" "$dir/lattice/l$i/a"
  ln -s "../l$((i + 1))" "$dir/lattice/l$i/b"
done
ln -s ../lattice/l0 "$dir/media/entry"
