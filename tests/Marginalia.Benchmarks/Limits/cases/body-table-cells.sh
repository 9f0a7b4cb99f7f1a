#!/usr/bin/env bash
# A note whose body is one pipe table of 500 columns at the table-cell budget (1,000 '|': header and delimiter rows), the widest table MG0618 accepts.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
body = "|a" * 499 + "|\n" + "|-" * 499 + "|\n"
assert body.count("|") == 1000
with open(f"{dir}/annotations/body-table-cells.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
