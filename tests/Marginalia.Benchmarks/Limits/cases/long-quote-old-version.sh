#!/usr/bin/env bash
# A note written against an older essay with a 2,000-character quote (its limit) that is nowhere near the essay and a prefix and suffix at their limit: the longest re-anchoring search plus its closest-passage hint.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
quote = ("globalisation agenda unfinished " * 100)[:2000]
prefix = ("the " * 60)[:200]
with open(f"{dir}/annotations/long-quote-old-version.md", "w", encoding="utf-8") as f:
    f.write(f'---\nquote: "{quote}"\nprefix: "{prefix.strip()}"\nsuffix: "{prefix.strip()}"\nauthor: mallory\ncreated: 2026-11-27\nessay-version: "000000000000"\n---\nBody.\n')
PY
