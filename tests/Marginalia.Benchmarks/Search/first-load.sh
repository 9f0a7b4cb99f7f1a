#!/usr/bin/env bash
# What a reader's first load of the reader page weighs, gzip-compressed, at two commits side by side: the page and
# every stylesheet and script its <head> links (what loads before anything is used; the search's code and index load
# on first use and are not in it). Prints each file's size at both commits and the difference.
#   bash tests/Marginalia.Benchmarks/Search/first-load.sh BASE [HEAD]     (HEAD defaults to the working tree)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
base=${1:?usage: first-load.sh BASE [HEAD]}
head=${2:-}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; [[ -n "$head" ]] && git worktree remove --force "$work/head" >/dev/null 2>&1; rm -rf "$work"' EXIT

build() { # tree output
  (cd "$1" && dotnet run --project src/Marginalia.Cli -- build --output "$2" -q)
}

weigh() { # site
  local site=$1 total=0
  local files=(index.html $(grep -oE '<(link rel="stylesheet"|script) [^>]*(href|src)="[^"]+"' "$site/index.html" | grep -oE '(href|src)="[^"]+"' | sed -E 's/^(href|src)="(.*)"$/\2/'))
  for f in "${files[@]}"; do
    local size
    size=$(gzip -9c "$site/$f" | wc -c)
    printf '  %-40s %7d\n' "$(sed -E 's/\.[0-9a-f]{8}\././' <<<"$f")" "$size" >&2
    total=$((total + size))
  done
  echo "$total"
}

git worktree add -q --detach "$work/base" "$base"
build "$work/base" "$work/base-site"
if [[ -n "$head" ]]; then
  git worktree add -q --detach "$work/head" "$head"
  build "$work/head" "$work/head-site"
else
  build . "$work/head-site"
fi
echo "reader first load at $base (gzip -9, bytes):" >&2
before=$(weigh "$work/base-site")
echo "reader first load at ${head:-the working tree}:" >&2
after=$(weigh "$work/head-site")
echo "first load: $before bytes at $base, $after bytes now: $((after - before)) bytes more (gzip -9)"
