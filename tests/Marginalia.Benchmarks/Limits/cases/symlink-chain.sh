#!/usr/bin/env bash
# 2,000 symbolic links in media/, each a chain of 39 links (the most resolved before a chain is called a cycle) ending at a file inside input/: resolving stays linear in the links there are.
set -euo pipefail
dir="$1"
mkdir -p "$dir/media" "$dir/chain"
printf 'x' > "$dir/chain/end.txt"
ln -s end.txt "$dir/chain/c0"
for ((i = 1; i < 39; i++)); do ln -s "c$((i - 1))" "$dir/chain/c$i"; done
for ((i = 0; i < 2000; i++)); do ln -s ../chain/c38 "$dir/media/l$i"; done
