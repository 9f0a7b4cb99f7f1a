#!/usr/bin/env bash
# Past one file: 200 notes written against an older essay, each with a 2,000-character quote found nowhere and a 200-character prefix and suffix: the notes stage's work budget (100 million cells) stops re-anchoring and hints once spent.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
for n in range(200):
    quote = (f"globalisation agenda unfinished {n} " * 100)[:2000]
    ctx = ("the " * 60)[:200].strip()
    with open(f"{dir}/annotations/stale-{n}.md", "w", encoding="utf-8") as f:
        f.write(f'---\nquote: "{quote}"\nprefix: "{ctx}"\nsuffix: "{ctx}"\nauthor: mallory\ncreated: 2026-11-27\nessay-version: "000000000000"\n---\nBody.\n')
PY
