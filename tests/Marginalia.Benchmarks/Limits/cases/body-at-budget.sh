#!/usr/bin/env bash
# A note at every size budget at once: 20,000 characters on 1,000 lines, its 1,000 emphasis marks as intraword 'a*' (Markdig's costliest emphasis), the rest links.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys
dir = sys.argv[1]
marks = ("a*" * 9 + "a\n") * 111 + "a*" * 1 + "a\n"          # 1,000 '*' on 112 lines
link = "[a](https://x.test)\n"                               # 20 characters
rest = 1000 - marks.count("\n")
body = marks + link * (rest - 1)
body += "b" * (20000 - len(body) - 1) + "\n"
assert len(body) == 20000 and body.count("\n") == 1000 and body.count("*") == 1000, (len(body), body.count("\n"), body.count("*"))
with open(f"{dir}/annotations/body-at-budget.md", "w", encoding="utf-8") as f:
    f.write("---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\n" + body)
PY
