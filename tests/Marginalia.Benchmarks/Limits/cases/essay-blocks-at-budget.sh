#!/usr/bin/env bash
# The essay grown to the 512 KB file limit with blocks each at the per-paragraph budgets (MG0618): alternately a
# paragraph of 1,000 intraword emphasis marks (Markdig's costliest accepted shape) and a table of 1,000 '|' cells,
# after the essay's own text so every note still anchors.
set -euo pipefail
python3 - "$1/essay.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read().rstrip("\n") + "\n\n## Appendix\n\n"
emphasis = "Words " + "a*" * 1000 + " end.\n\n"
table = "| a | b | c | d |\n|---|---|---|---|\n" + "| 1 | 2 | 3 | 4 |\n" * 198 + "\n"
blocks, i = [], 0
size = len(text.encode("utf-8"))
while True:
    block = emphasis if i % 2 == 0 else table
    if size + len(block.encode("utf-8")) >= 512 * 1024:
        break
    blocks.append(block)
    size += len(block.encode("utf-8"))
    i += 1
open(path, "w", encoding="utf-8").write(text + "".join(blocks))
PY
