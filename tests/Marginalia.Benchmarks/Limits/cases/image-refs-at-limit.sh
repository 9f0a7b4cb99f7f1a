#!/usr/bin/env bash
# 200 image references (the single-file edition's limit; 20 notes at the body limit of 10) to one 120 KB PNG: the edition inlines it 200 times, just under its 32 MiB.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import random, struct, sys, zlib, os
dir = sys.argv[1]
rng = random.Random(617)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
def png(length):
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 400, 300, 8, 0, 0, 0, 0))
    idat = chunk(b"IDAT", zlib.compress(bytes(401 * 300), 9))
    end = chunk(b"IEND", b"")
    return head + idat + chunk(b"zzPd", rng.randbytes(length - len(head) - len(idat) - len(end) - 12)) + end
os.makedirs(f"{dir}/media", exist_ok=True)
with open(f"{dir}/media/chart.png", "wb") as f:
    f.write(png(120 * 1024))
body = "".join("![Chart](media/chart.png)\n\n" for _ in range(10))
for n in range(20):
    with open(f"{dir}/annotations/image-refs-{n:02}.md", "w", encoding="utf-8") as f:
        f.write(f"---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n{body}")
PY
