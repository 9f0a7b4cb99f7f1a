#!/usr/bin/env bash
# YAML nesting (MG0108, 8 levels): a note whose front matter nests flow sequences 100,000 deep, just under 512 KB;
# the depth check must refuse it without the parser recursing that deep.
set -euo pipefail
python3 - "$1/annotations/deep-yaml.md" <<'PY'
import sys
depth = 100_000
open(sys.argv[1], "w", encoding="utf-8").write(
    '---\nquote: "India’s Bhashini project aims to develop AI in local languages"\nauthor: "someone"\ncreated: 2026-11-27\nextra: '
    + "[" * depth + "]" * depth + "\n---\nA note.\n")
PY
