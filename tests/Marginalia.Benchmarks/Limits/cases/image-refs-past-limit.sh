#!/usr/bin/env bash
# The issue's case: one note showing a 2 MiB PNG 20,000 times (was 9 GB and OutOfMemoryException); refused at the body (MG0617).
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import random, struct, sys, zlib, os
dir = sys.argv[1]
rng = random.Random(20000)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
idat = chunk(b"IDAT", zlib.compress(bytes(6), 9))
end = chunk(b"IEND", b"")
os.makedirs(f"{dir}/media", exist_ok=True)
with open(f"{dir}/media/big.png", "wb") as f:
    f.write(head + idat + chunk(b"zzPd", rng.randbytes(2 * 1024 * 1024 - len(head) - len(idat) - len(end) - 12)) + end)
with open(f"{dir}/annotations/image-refs-past-limit.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + "![Big](media/big.png)" * 20000 + "\n")
PY
