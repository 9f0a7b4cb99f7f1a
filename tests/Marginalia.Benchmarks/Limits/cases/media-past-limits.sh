#!/usr/bin/env bash
# Past the media limits: a 200 MiB file and nine more of 2 MiB (folder 218 MiB), none a real image; refused by size (MG0120) before any is read.
set -euo pipefail
dir="$1"
mkdir -p "$dir/media/more"
head -c $((200 * 1024 * 1024)) /dev/zero > "$dir/media/huge.png"
for i in 1 2 3 4 5 6 7 8 9; do head -c $((2 * 1024 * 1024)) /dev/urandom > "$dir/media/more/part-$i.png"; done
