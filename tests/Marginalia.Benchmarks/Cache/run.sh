#!/usr/bin/env bash
# `marginalia build` in a fresh process with no disk cache (--no-cache) against a warm one (.marginalia/cache/ filled
# by an untimed build of the same, unchanged site), with the built CLI (./marginalia): the repository's input/ and the
# 1× scale corpus (50,000 words, 2,000 notes, 500 terms, 200 initiatives), each copied into a temporary folder with
# theme/ so the repository's own cache is not touched. The two kinds of run alternate, so a change in the machine's
# load hits both alike. Prints the load average before and after each site, and the median wall and CPU (user + sys)
# times of each kind.
#
# Usage: bash tests/Marginalia.Benchmarks/Cache/run.sh [N]     (N = 5 timed runs of each kind by default)
set -euo pipefail

runs="${1:-5}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../stats.sh
source "$here/../stats.sh"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"
need_time cache
scratch cache

echo "machine: $(nproc) cores"
./marginalia --version >/dev/null # builds the CLI now if it must, not inside a timed run
mkdir -p "$tmp/real"
cp -r input theme "$tmp/real/"
dotnet run -c Release --project tests/Marginalia.Benchmarks -- --corpus 1x "$tmp/c1x" | head -1

time_build() { # site, kind (none|warm), times file
  local extra=()
  [[ $2 == none ]] && extra=(--no-cache)
  if ! /usr/bin/time -f '%e %U %S' -o "$tmp/time" ./marginalia build --input "$1/input" --theme "$1/theme" --output "$1/output" -q "${extra[@]}" >"$tmp/out" 2>&1; then
    echo "cache: the build of $1 failed:" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  awk '{ print $1 }' "$tmp/time" >>"$3.wall"
  awk '{ printf "%.2f\n", $2 + $3 }' "$tmp/time" >>"$3.cpu"
}

for site in real c1x; do
  rm -rf "$tmp/$site/.marginalia"
  ./marginalia build --input "$tmp/$site/input" --theme "$tmp/$site/theme" --output "$tmp/$site/output" -q # fills the cache
  echo "$site: cache $(du -sh "$tmp/$site/.marginalia/cache" | cut -f1), $(find "$tmp/$site/.marginalia/cache" -type f | wc -l) entries; load average before: $(load)"
  : >"$tmp/$site-none.wall"; : >"$tmp/$site-none.cpu"; : >"$tmp/$site-warm.wall"; : >"$tmp/$site-warm.cpu"
  for ((i = 1; i <= runs; i++)); do
    time_build "$tmp/$site" none "$tmp/$site-none"
    time_build "$tmp/$site" warm "$tmp/$site-warm"
  done
  echo "$site: load average after: $(load)"
  for kind in none warm; do
    echo "$site, $kind: median $(median <"$tmp/$site-$kind.wall") s wall, $(median <"$tmp/$site-$kind.cpu") s CPU (runs: $(paste -sd' ' "$tmp/$site-$kind.wall"))"
  done
done
