#!/usr/bin/env bash
# Symbolic links in input/ that lead back to a folder they are in (media/loop -> ., media/up -> .., annotations/a -> ../annotations) and two links pointing at each other: each refused with MG0121 at the link.
set -euo pipefail
dir="$1"
mkdir -p "$dir/media"
ln -s . "$dir/media/loop"
ln -s .. "$dir/media/up"
ln -s ../annotations "$dir/annotations/a"
ln -s y "$dir/media/x"
ln -s x "$dir/media/y"
