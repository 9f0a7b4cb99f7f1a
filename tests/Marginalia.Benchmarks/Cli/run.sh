#!/usr/bin/env bash
# The contributor's command, timed as a contributor runs it: `./marginalia check` of input/ and
# `./marginalia new annotation`, each N times from a cold process after the launcher's first build. Prints the first
# (building) run, the medians (wall, and CPU = user + sys, which other work on the machine disturbs less), the load
# average before and after, one `dotnet run` for comparison, and PASS/FAIL against the targets of issue 15:
# check ≤ 1.5 s wall, new ≤ 1 s wall. Exits 1 when a target is missed or a command fails.
#
# `new` writes into a temporary copy of input/ (never the real one), which is deleted at the end.
#
# Usage: bash tests/Marginalia.Benchmarks/Cli/run.sh [N]     (N = 9 by default)
#   KEEP_BUILD=1   keep .marginalia/ instead of deleting it first (the first run then measures no build)
#   DOTNET_RUN=0   skip the `dotnet run` comparison
set -euo pipefail

readonly CHECK_TARGET=1.5
readonly NEW_TARGET=1.0
readonly QUOTE="the AI ecosystem is new, open, and remarkably cooperative"

runs="${1:-9}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../stats.sh
source "$here/../stats.sh"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"
need_time cli
scratch cli
cp -R input "$tmp/input"


# Runs a command under /usr/bin/time; prints "wall cpu" in seconds. A command that fails stops the benchmark.
measure() {
  local name="$1"
  shift
  if ! /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >"$tmp/out" 2>&1; then
    echo "cli: '$name' failed:" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$tmp/time"
}


echo "machine: $(nproc) cores; load average before: $(load)"
if [[ -z "${KEEP_BUILD:-}" ]]; then
  rm -rf .marginalia
fi

read -r first_wall first_cpu < <(measure "first ./marginalia check" ./marginalia check)
echo "first run (builds the command, then checks): ${first_wall} s wall"

: >"$tmp/check"
: >"$tmp/new"
for ((i = 1; i <= runs; i++)); do
  measure "./marginalia check" ./marginalia check >>"$tmp/check"
  # From another folder, as the launcher must work from anywhere; --input is relative to that folder.
  (cd "$tmp" && measure "./marginalia new annotation" "$repo/marginalia" new annotation --quote "$QUOTE" --id "bench-$i" --author bench --input input) >>"$tmp/new"
  rm "$tmp/input/annotations/bench-$i.md"
done

check_wall="$(cut -d' ' -f1 "$tmp/check" | median)"
check_cpu="$(cut -d' ' -f2 "$tmp/check" | median)"
new_wall="$(cut -d' ' -f1 "$tmp/new" | median)"
new_cpu="$(cut -d' ' -f2 "$tmp/new" | median)"

dotnet_run="skipped"
if [[ "${DOTNET_RUN:-1}" != 0 ]]; then
  read -r dotnet_run _ < <(measure "dotnet run -- check" dotnet run --project src/Marginalia.Cli -- check)
  dotnet_run="${dotnet_run} s wall"
fi

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "PASS" : "FAIL" }'; }
check_verdict="$(verdict "$check_wall" "$CHECK_TARGET")"
new_verdict="$(verdict "$new_wall" "$NEW_TARGET")"

echo
echo "median of $runs cold runs           wall      cpu   target"
printf '%-34s %5.2f s  %5.2f s  ≤ %s s  %s\n' "./marginalia check" "$check_wall" "$check_cpu" "$CHECK_TARGET" "$check_verdict"
printf '%-34s %5.2f s  %5.2f s  ≤ %s s  %s\n' "./marginalia new annotation" "$new_wall" "$new_cpu" "$NEW_TARGET" "$new_verdict"
echo "each run, wall: check $(cut -d' ' -f1 "$tmp/check" | tr '\n' ' ')| new $(cut -d' ' -f1 "$tmp/new" | tr '\n' ' ')"
echo "dotnet run --project src/Marginalia.Cli -- check: $dotnet_run"
echo "load average after: $(load)"
[[ "$check_verdict" == PASS && "$new_verdict" == PASS ]]
