#!/usr/bin/env bash
# The essay grown to just under the 512 KB file limit (its text kept, paragraphs appended), with a stale note whose 190-character quote (190 × the essay is just under the 100 million cells of a stage's budget) is nowhere and an initiative with 20 unmatched 190-character mentions: every approximate search is essay-sized, so the work budgets decide.
set -euo pipefail
dir="$1"
python3 - "$dir" <<'PY'
import sys, random
dir = sys.argv[1]
random.seed(14)
words = "the of and to in a is that for it as with was on be by this are from at or an but not have which".split() + ["globalisation", "agenda", "unfinished", "intelligence", "artificial", "trade", "labour"]
path = f"{dir}/essay.md"
text = open(path, encoding="utf-8").read().rstrip("\n") + "\n"
budget = 512 * 1024 - 2048 - len(text.encode("utf-8"))
extra = []
size = 0
while size < budget:
    p = " ".join(random.choice(words) for _ in range(120)).capitalize() + ".\n\n"
    extra.append(p)
    size += len(p)
text += "\n" + "".join(extra)[:budget]
open(path, "w", encoding="utf-8").write(text.rstrip() + "\n")
quote = ("zqx unfinished agenda of globalisation " * 20)[:190]
ctx = ("the " * 60)[:200].strip()
open(f"{dir}/annotations/stale-long.md", "w", encoding="utf-8").write(
    f'---\nquote: "{quote}"\nprefix: "{ctx}"\nsuffix: "{ctx}"\nauthor: mallory\ncreated: 2026-11-27\nessay-version: "000000000000"\n---\nBody.\n')
import json
mentions = [(f"zqx unmatched {i} " * 20)[:190].strip() for i in range(20)]
open(f"{dir}/initiatives/unmatched.md", "w", encoding="utf-8").write(
    "---\nname: \"Limit\"\nmentions: " + json.dumps(mentions) + "\nsummary: \"A summary.\"\nauthor: mallory\n---\nBody.\n")
PY
