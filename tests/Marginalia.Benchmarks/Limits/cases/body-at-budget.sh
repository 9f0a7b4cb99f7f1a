#!/usr/bin/env bash
# A note of 20,000 characters (the character budget) of 'a*' on 1,000 lines: intraword emphasis, Markdig's costliest text found within the budget.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
line = "a*" * 9 + "a\n"   # 20 characters
body = line * 1000
assert len(body) == 20000 and body.count("\n") == 1000
with open(f"{dir}/annotations/body-at-budget.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
