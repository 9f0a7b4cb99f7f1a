#!/usr/bin/env bash
# Two builds of Marginalia against each other, on one site, in one run: what a change to the code does to a cold
# `build --no-cache`. The machine is shared, so timing one build now and the other later measures the load as much as
# the change; here the two run alternately (ABBA), fresh processes with an empty output folder each time, and the
# script prints both medians and their ratio with the load average. It also compares the two outputs (diff -r): a
# change meant only to be faster must leave the site byte for byte the same, and the script says whether it did.
#
# Usage: bash tests/Marginalia.Benchmarks/compare-builds.sh A B
#   A, B             each a git revision (a commit, branch or tag of this repository, published from a temporary
#                    worktree) or a folder that holds a published Marginalia.Cli
#   RUNS=n           timed runs of each (default 21)
#   CORPUS=real|Nx   the site both build: input/ (default) or a generated corpus of that size, as compare-hugo.sh
#   PUBLISH_ARGS=…   extra `dotnet publish` arguments for revisions (default: Native AOT; see compare-hugo.sh for what
#                    ./marginalia publishes)
#
# Example: bash tests/Marginalia.Benchmarks/compare-builds.sh HEAD~1 HEAD
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: compare-builds.sh A B   (each a git revision or a folder with a published Marginalia.Cli)" >&2
  exit 2
fi
runs="${RUNS:-21}"
corpus="${CORPUS:-real}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=stats.sh
source tests/Marginalia.Benchmarks/stats.sh
runs_or_stop compare-builds "$runs"
corpus_or_stop compare-builds "$corpus"
need_time compare-builds

tmp="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-builds.XXXXXX")"
# The revisions' worktrees live in $tmp: removing it and pruning leaves the repository as it was.
trap 'rm -rf "$tmp"; git worktree prune >/dev/null 2>&1 || true' EXIT

# cli SIDE WHAT: the folder of side SIDE's executable: WHAT itself when it holds one, else WHAT published as a revision.
cli() {
  local side="$1" what="$2"
  if [[ -d "$what" ]]; then
    if [[ ! -x "$what/Marginalia.Cli" ]]; then
      echo "compare-builds: $what holds no executable Marginalia.Cli" >&2
      exit 2
    fi
    (cd "$what" && pwd)
    return
  fi
  local commit
  if ! commit="$(git rev-parse --verify --quiet "$what^{commit}")"; then
    echo "compare-builds: '$what' is neither a folder nor a revision of this repository" >&2
    exit 2
  fi
  local worktree="$tmp/src-$side"
  git worktree add --detach --quiet "$worktree" "$commit"
  local publish_args=()
  read -r -a publish_args <<<"${PUBLISH_ARGS:-}"
  # Each side with its own artifacts folder, so neither publish reuses the other's objects.
  (cd "$worktree" && publish_cli compare-builds "$tmp/cli-$side" --artifacts-path "$tmp/artifacts-$side" "${publish_args[@]}")
  echo "$tmp/cli-$side"
}

a_dir="$(cli a "$1")"
b_dir="$(cli b "$2")"

site_root compare-builds "$corpus" "$repo"
build_a=("$a_dir/Marginalia.Cli" build --input "$src/input" --theme "$src/theme" --output "$tmp/out-a" --no-cache -q)
build_b=("$b_dir/Marginalia.Cli" build --input "$src/input" --theme "$src/theme" --output "$tmp/out-b" --no-cache -q)

# One untimed build of each: a build that fails would be timed doing less than a real one. Their outputs are compared.
for side in a b; do
  declare -n build="build_$side"
  if ! "${build[@]}" >"$tmp/check-$side.log" 2>&1; then
    cat "$tmp/check-$side.log" >&2
    echo "compare-builds: the build of $side failed; not timing it" >&2
    exit 1
  fi
done
if diff -r -q "$tmp/out-a" "$tmp/out-b" >"$tmp/diff.txt" 2>&1; then
  outputs="identical (diff -r)"
else
  outputs="DIFFERENT: $(wc -l <"$tmp/diff.txt") files differ or exist on one side only, the first: $(head -1 "$tmp/diff.txt")"
fi

time_alternately compare-builds "$runs" "$tmp/out-a" build_a "$tmp/a.us" "$tmp/out-b" build_b "$tmp/b.us"

echo "machine: $(nproc) cores, $(uname -sm); dotnet $(dotnet --version)"
echo "A: $1 ($a_dir, executable $(du -h "$a_dir/Marginalia.Cli" | cut -f1))"
echo "B: $2 ($b_dir, executable $(du -h "$b_dir/Marginalia.Cli" | cut -f1))"
echo "publish: ${PUBLISH_ARGS:-default (Native AOT)} for revisions"
echo "corpus: $corpus ($(find "$src/input" -name '*.md' | wc -l) Markdown files); output folders on $(stat -f -c %T "$tmp")"
echo "outputs: $outputs"
echo "runs: $runs of each, alternating (ABBA), fresh process and empty output folder per run, --no-cache"
echo "load average: $load_before before, $load_after after"
echo "A median: $a_ms ms (range $(wall_range "$tmp/a.us") ms), CPU $a_cpu ms (system $a_sys ms)"
echo "B median: $b_ms ms (range $(wall_range "$tmp/b.us") ms), CPU $b_cpu ms (system $b_sys ms)"
echo "ratio B/A: wall $(awk -v a="$a_ms" -v b="$b_ms" 'BEGIN { printf "%.3f\n", b / a }'), CPU $(awk -v a="$a_cpu" -v b="$b_cpu" 'BEGIN { printf "%.3f\n", (a > 0 ? b / a : 0) }')"
paired "$tmp/a.us" "$tmp/b.us"
