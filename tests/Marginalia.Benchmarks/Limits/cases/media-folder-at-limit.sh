#!/usr/bin/env bash
# input/media/ at its limits: 8 PNGs of exactly 2 MiB (the file limit; 16 MiB, the folder limit), incompressible, shown 11 times in all by notes: the single-file edition just under its 32 MiB.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import random, struct, sys, zlib, os
dir = sys.argv[1]
rng = random.Random(118)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
def png(length):
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1600, 1200, 8, 0, 0, 0, 0))
    idat = chunk(b"IDAT", zlib.compress(bytes(1601 * 1200), 9))
    end = chunk(b"IEND", b"")
    pad = length - len(head) - len(idat) - len(end) - 12
    return head + idat + chunk(b"zzPd", rng.randbytes(pad)) + end
os.makedirs(f"{dir}/media", exist_ok=True)
shows = []
for i in range(8):
    with open(f"{dir}/media/photo-{i}.png", "wb") as f:
        f.write(png(2 * 1024 * 1024))
    shows.append(f"photo-{i}.png")
shows += ["photo-0.png", "photo-1.png", "photo-2.png"]
for n, start in enumerate(range(0, len(shows), 4)):
    body = "".join(f"![Photo](media/{s})\n\n" for s in shows[start:start + 4])
    with open(f"{dir}/annotations/media-limit-{n}.md", "w", encoding="utf-8") as f:
        f.write(f"---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n{body}")
PY
