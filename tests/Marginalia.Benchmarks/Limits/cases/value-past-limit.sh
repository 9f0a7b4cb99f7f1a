#!/usr/bin/env bash
# A note whose prefix, and an unknown field's name (an explicit '? ' key), are each 250 KB: refused with MG0622 and MG0110, each echoed cut short.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
big = "word " * 50_000
with open(f"{dir}/annotations/value-past-limit.md", "w", encoding="utf-8") as f:
    f.write(f'---\nquote: "India’s Bhashini project"\nprefix: "{big}"\n? "{big.replace(" ", "x")}"\n: 1\nauthor: mallory\ncreated: 2026-11-27\nessay-version: "000000000000"\n---\nBody.\n')
PY
