#!/usr/bin/env bash
# A note whose body is one pipe table of 998 rows (2 cells each) at the table-cell (1,000 '|') and line (1,000) budgets.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
body = "a|b\n-|-\n" + "a|b\n" * 998
assert body.count("|") == 1000 and body.count("\n") == 1000
with open(f"{dir}/annotations/body-table-rows.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
