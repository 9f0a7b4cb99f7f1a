#!/usr/bin/env bash
# 4,000 files of 4 KB in input/media/ (16 MB, the folder limit), none an image: HTML in nested and hidden folders, named .png and without extension; each is an MG0118 error.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import os, sys
dir = sys.argv[1]
page = ("<!DOCTYPE html><script>window.__pwned=1</script>" + "x" * 4096)[:4096]
for i in range(4000):
    sub = f"{dir}/media/{'.hidden/' if i % 4 == 0 else ''}d{i % 40}"
    os.makedirs(sub, exist_ok=True)
    name = [f"p{i}.png", f"p{i}.html", f".p{i}", f"p{i}"][i % 4]
    with open(f"{sub}/{name}", "w") as f:
        f.write(page)
PY
