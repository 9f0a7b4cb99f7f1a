#!/usr/bin/env bash
# A note at both nesting budgets on every line: 16 block containers (8 quotes, 8 list markers) then 16 open inline containers, paragraph after paragraph up to the character budget.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
line = "> " * 8 + "- " * 8 + "[" * 14 + "*a " * 2 + "x\n\n"  # a blank line closes the inline containers; 2 marks a paragraph stay within the 1,000-mark budget
body = line * min(20000 // len(line), 499)
assert body.count("*") <= 1000 and body.count("\n") <= 1000 and len(body) <= 20000
with open(f"{dir}/annotations/body-nesting.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
