#!/usr/bin/env bash
# 500 KB of one initiative file listing as many 200-character unmatched mentions as fit: past the 20-mention limit, refused with MG0623 (no search runs).
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys, json
dir = sys.argv[1]
mentions = [(f"unmatched {i} " * 20)[:200].strip() for i in range(2400)]
with open(f"{dir}/initiatives/many-unmatched-mentions.md", "w", encoding="utf-8") as f:
    f.write("---\nname: \"Limit\"\nmentions: " + json.dumps(mentions, ensure_ascii=False) + "\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n")
PY
