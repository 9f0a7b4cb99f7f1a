#!/usr/bin/env bash
# One note file just under the 512 KB file limit (MG0115), its bytes spent on YAML front matter: a sources list far past
# its 50-item limit, each item with long strings, so the YAML parser and the field checks do the most work allowed.
set -euo pipefail
python3 - "$1/annotations/huge-front-matter.md" <<'PY'
import sys
path = sys.argv[1]
head = '---\nquote: "India’s Bhashini project aims to develop AI in local languages"\nkind: source\nauthor: "someone"\ncreated: 2026-11-27\nsources:\n'
tail = '---\nA note.\n'
item = '  - title: "' + "T" * 200 + '"\n    url: "https://example.org/' + "a" * 200 + '"\n'
out = head
while len((out + item + tail).encode("utf-8")) < 512 * 1024 - 1:
    out += item
open(path, "w", encoding="utf-8").write(out + tail)
PY
