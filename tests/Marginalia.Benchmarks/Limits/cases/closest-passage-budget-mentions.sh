#!/usr/bin/env bash
# Past one file: 40 initiatives of 20 unmatched 200-character mentions each (800 closest-passage searches asked for): the mentions stage's work budget (100 million cells) stops the searches once spent.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys, json
dir = sys.argv[1]
for f in range(40):
    mentions = [(f"unmatched {f} {i} " * 20)[:200].strip() for i in range(20)]
    with open(f"{dir}/initiatives/budget-{f}.md", "w", encoding="utf-8") as out:
        out.write("---\nname: \"Limit\"\nmentions: " + json.dumps(mentions, ensure_ascii=False) + "\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n")
PY
