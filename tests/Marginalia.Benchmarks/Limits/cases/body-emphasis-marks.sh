#!/usr/bin/env bash
# A note of 1,000 intraword 'a*' (the emphasis-mark budget) then plain text to 20,000 characters: Markdig's emphasis matching at its bound.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
body = "a*" * 1000 + "a\n"
body += ("word " * 3999)[: 20000 - len(body) - 1] + "\n"
assert len(body) == 20000 and body.count("*") == 1000
with open(f"{dir}/annotations/body-emphasis-marks.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
