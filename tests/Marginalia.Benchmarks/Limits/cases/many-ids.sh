#!/usr/bin/env bash
# Many ids on one page: 1,000 notes (COUNT=N for more) (each gives the reader note-<id> and ref-<id>, the notes page, EPUB and single-file edition note-<id>) so reserved-id (MG0615) and duplicate-id (MG0506) checks run over every page at scale; accepted.
set -euo pipefail
input="${1:?usage: many-ids.sh INPUT_DIR}"
count="${COUNT:-1000}"
python3 - "$input" "$count" <<'PY'
import os, re, sys
root, count = sys.argv[1], int(sys.argv[2])
essay = open(os.path.join(root, "essay.md"), encoding="utf-8").read().split("\n---", 1)[1]
# Words that occur exactly once in the essay, so each quote anchors without a prefix or suffix.
words = re.findall(r"[A-Za-z]{6,}", essay)
once = [w for w in dict.fromkeys(words) if essay.count(w) == 1]
folder = os.path.join(root, "annotations")
for i in range(count):
    word = once[i % len(once)]
    with open(os.path.join(folder, f"many-ids-{i}.md"), "w", encoding="utf-8") as f:
        f.write(f'---\nquote: "{word}"\nauthor: "bench"\ncreated: 2026-11-27\n---\nNote {i} on {word}.\n')
PY
