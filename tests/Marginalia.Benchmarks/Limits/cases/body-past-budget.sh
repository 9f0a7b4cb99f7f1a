#!/usr/bin/env bash
# A note just past every body budget at the 512 KB file limit (20,000 columns of pipe table, 40,000 '[' and '>'): refused by MG0618/MG0619 before Markdig.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
body = "|a" * 20000 + "\n" + "|-" * 20000 + "\n" + "[" * 40000 + "\n" + ">" * 40000 + "\n" + "a|b\n" * 40000
body = body[: 500 * 1024]
with open(f"{dir}/annotations/body-past-budget.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
