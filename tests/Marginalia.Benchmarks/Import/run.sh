#!/usr/bin/env bash
# `marginalia import` of 2,000 annotations with the built CLI (./marginalia, not `dotnet run`): the 1× scale corpus
# (50,000 words, 2,000 notes, 500 terms, 200 initiatives) is built once for its annotations.jsonld, then imported N
# times into a copy of its input/ whose annotations/ is empty. Prints the load average before and after, the median
# wall and CPU (user + sys) times, and PASS/FAIL against issue 19's target: ≤ 2 s wall. Exits 1 when it is missed
# or a command fails.
#
# Usage: bash tests/Marginalia.Benchmarks/Import/run.sh [N]     (N = 9 by default)
set -euo pipefail

readonly TARGET=2.0

runs="${1:-9}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../stats.sh
source "$here/../stats.sh"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"
need_time import
scratch import

echo "machine: $(nproc) cores"
dotnet run -c Release --project tests/Marginalia.Benchmarks -- --corpus 1x "$tmp/c1x" | head -1
./marginalia build --input "$tmp/c1x/input" --theme "$tmp/c1x/theme" --output "$tmp/c1x/output" -q
export_file="$tmp/c1x/output/annotations.jsonld"
echo "export: $(grep -c '"type": "Annotation"' "$export_file") annotations, $(wc -c <"$export_file") bytes"

echo "load average before: $(load)"
: >"$tmp/wall"
: >"$tmp/cpu"
for ((i = 1; i <= runs; i++)); do
  rm -rf "$tmp/imp"
  mkdir -p "$tmp/imp"
  cp "$tmp/c1x/input/essay.md" "$tmp/c1x/input/site.yml" "$tmp/imp/"
  mkdir "$tmp/imp/annotations"
  if ! /usr/bin/time -f '%e %U %S' -o "$tmp/time" ./marginalia import "$export_file" --input "$tmp/imp" -q >"$tmp/out" 2>&1; then
    echo "import: the import failed:" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  written=$(find "$tmp/imp/annotations" -name '*.md' | wc -l)
  if [[ $written -ne 2000 ]]; then
    echo "import: wrote $written note files, not 2000" >&2
    exit 1
  fi
  awk '{ print $1 }' "$tmp/time" >>"$tmp/wall"
  awk '{ printf "%.2f\n", $2 + $3 }' "$tmp/time" >>"$tmp/cpu"
done
echo "load average after: $(load)"

wall=$(median <"$tmp/wall")
cpu=$(median <"$tmp/cpu")
echo "import of 2,000 annotations, $runs runs: median ${wall} s wall, ${cpu} s CPU (runs: $(paste -sd' ' "$tmp/wall"))"
if awk -v w="$wall" -v t="$TARGET" 'BEGIN { exit !(w <= t) }'; then
  echo "PASS: ${wall} s ≤ ${TARGET} s"
else
  echo "FAIL: ${wall} s > ${TARGET} s"
  exit 1
fi
