#!/usr/bin/env bash
# An initiative with 20 mentions (the most allowed), each 200 characters (the longest allowed) and found nowhere: each runs the closest-passage search over the essay.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys, json
dir = sys.argv[1]
mentions = [(f"unmatched mention {i} " * 20)[:200].strip() for i in range(20)]
with open(f"{dir}/initiatives/mention-at-limit.md", "w", encoding="utf-8") as f:
    f.write("---\nname: \"Limit\"\nmentions: " + json.dumps(mentions, ensure_ascii=False) + "\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n")
PY
