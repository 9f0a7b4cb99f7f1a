#!/usr/bin/env bash
# Sources per file at the limit (50): every note, term and initiative file of input/ gets 50 sources, each link
# checked and rendered on every page that shows the file.
set -euo pipefail
python3 - "$1" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
for folder in ("annotations", "glossary", "initiatives"):
    for path in sorted((root / folder).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        front, rest = text[:end], text[end:]
        front = re.sub(r"\nsources:\n(?:  .*\n?)*", "\n", front + "\n").rstrip("\n")
        items = "".join(f'\n  - title: "Source {i} for {path.stem}"\n    url: "https://example.org/{path.stem}/{i}"' for i in range(50))
        path.write_text(front + "\nsources:" + items + rest, encoding="utf-8")
PY
