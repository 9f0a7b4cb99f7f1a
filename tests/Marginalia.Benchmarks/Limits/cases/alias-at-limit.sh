#!/usr/bin/env bash
# A glossary term with 20 aliases (the most allowed), each 200 characters (the longest allowed) and used nowhere, plus a term of 200 characters.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys, json
dir = sys.argv[1]
aliases = [(f"unused alias {i} " * 20)[:200].strip() for i in range(20)]
term = ("unused term " * 20)[:200].strip()
with open(f"{dir}/glossary/alias-at-limit.md", "w", encoding="utf-8") as f:
    f.write(f"---\nterm: \"{term}\"\naliases: " + json.dumps(aliases, ensure_ascii=False) + "\nshort: \"A definition.\"\nauthor: mallory\n---\nBody.\n")
PY
