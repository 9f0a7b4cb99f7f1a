#!/usr/bin/env bash
# The essay at the 512 KB file limit (MG0115) with text the contributions do not quote: the essay's own words shuffled
# into new paragraphs, so every note's quote, every term and every mention is searched for its closest passage
# across half a megabyte.
set -euo pipefail
python3 - "$1/essay.md" <<'PY'
import random, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
end = text.index("\n---", 3) + 4
front, body = text[:end], text[end:]
words = [w for w in body.split() if not w.startswith("#")]
rng = random.Random(14)
out, size = [front, "\n"], len(front.encode("utf-8")) + 1
while True:
    paragraph = " ".join(rng.choice(words) for _ in range(120)) + "\n\n"
    if size + len(paragraph.encode("utf-8")) >= 512 * 1024:
        break
    out.append(paragraph)
    size += len(paragraph.encode("utf-8"))
open(path, "w", encoding="utf-8").write("".join(out))
PY
