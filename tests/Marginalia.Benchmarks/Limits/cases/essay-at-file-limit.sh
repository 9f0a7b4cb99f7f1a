#!/usr/bin/env bash
# The essay at the 512 KB file limit (MG0115): input/essay.md's own paragraphs repeated to just under 512 KB, so every
# contributed quote, term and mention now occurs dozens of times (ambiguity errors with prefix proposals everywhere).
set -euo pipefail
python3 - "$1/essay.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
end = text.index("\n---", 3) + 4
front, body = text[:end], text[end:]
limit = 512 * 1024 - 1
out = front
while len((out + body).encode("utf-8")) <= limit:
    out += body
open(path, "w", encoding="utf-8").write(out)
PY
