#!/usr/bin/env bash
# The essay grown towards the 512 KB file limit with every structure budget of EssayBudget reached at once (MG0618 just
# not reported): 200 headings, 2,000 list items, 5,000 table cells, 10,000 emphasis marks, 10,000 backticks,
# 2,000 line breaks and 3,000 blocks in all,
# then plain prose to fill the file, after the essay's own text so every note still anchors.
set -euo pipefail
python3 - "$1/essay.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read().rstrip("\n") + "\n\n"
body = text.split("\n---", 1)[1]
headings = sum(1 for l in body.split("\n") if l.startswith("#"))
blocks = sum(1 for b in body.split("\n\n") if b.strip())
marks = sum(body.count(c) for c in "*_~")
out = [text]
add_headings = 200 - headings
for i in range(add_headings):
    out.append(f"## Appendix {i + 1}\n\n")
# Within the per-block budgets too (1,000 lines and 1,000 '|' a block): four lists of 500 items, five tables of 1,000 cells.
for _ in range(4):
    out.append("".join(f"- item {i}\n" for i in range(500)) + "\n")
for _ in range(5):
    out.append("| a | b | c | d |\n|---|---|---|---|\n" + "| 1 | 2 | 3 | 4 |\n" * 198 + "\n")
emphasis_blocks = 40
per = (10_000 - marks) // (2 * emphasis_blocks)
# 2,000 hard line breaks in blocks of 500 lines, 10,000 backticks (5,000 code spans) in 20 paragraphs.
for _ in range(4):
    out.append("a line  \n" * 500 + "\n")
for _ in range(20):
    out.append("Code " + "`c` " * 250 + "end.\n\n")
for _ in range(emphasis_blocks):
    out.append("Some " + "*a* " * per + "text.\n\n")
used = 2 * add_headings + 33 + emphasis_blocks + blocks
prose = "Plain words of prose that go on for a while and say nothing in particular at all, again and again. " * 4 + "\n\n"
size = sum(len(s.encode("utf-8")) for s in out)
while used < 3000 and size + len(prose.encode("utf-8")) < 512 * 1024 - 1:
    out.append(prose)
    size += len(prose.encode("utf-8"))
    used += 1
open(path, "w", encoding="utf-8").write("".join(out))
PY
