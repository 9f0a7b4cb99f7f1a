#!/usr/bin/env bash
# A note of 20,000 characters of '&#x202E;' references (2,500 of them, each an MG0614 error to report): the most errors one body can produce.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
body = ("&#x202E;" * 10 + "\n") * (20000 // 81)
with open(f"{dir}/annotations/body-entities.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
