#!/usr/bin/env bash
# A note written against an older essay (stale essay-version) with a one-character quote and a prefix and suffix at their 200-character limit: re-anchoring's worst case.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
prefix = ("and the " * 30)[:200].strip() + "x" * (200 - len(("and the " * 30)[:200].strip()))
suffix = ("of the " * 40)[:200]
suffix = suffix.strip() + "y" * (200 - len(suffix.strip()))
assert len(prefix) == 200 and len(suffix) == 200
with open(f"{dir}/annotations/prefix-at-limit.md", "w", encoding="utf-8") as f:
    f.write(f'---\nquote: "a"\nprefix: "{prefix}"\nsuffix: "{suffix}"\nauthor: mallory\ncreated: 2026-11-27\nessay-version: "000000000000"\n---\nBody.\n')
PY
