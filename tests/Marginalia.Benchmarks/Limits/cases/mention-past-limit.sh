#!/usr/bin/env bash
# An initiative whose one mention is 500 KB (just under the file limit), past the 200-character limit: refused with MG0622 before any search.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
mention = ("x" * 9 + " ") * 50_000
with open(f"{dir}/initiatives/mention-past-limit.md", "w", encoding="utf-8") as f:
    f.write(f"---\nname: \"Limit\"\nmentions: [\"{mention}\"]\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n")
PY
