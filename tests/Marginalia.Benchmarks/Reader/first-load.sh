#!/usr/bin/env bash
# What a reader's first load of the reader page weighs: the page and every stylesheet and script its <head> links
# (the search's code and index load on first use and are not in it), raw, gzip -9 and brotli (quality 11, as Netlify
# serves to browsers that accept it; brotli from the `brotli` CLI when installed, else node's zlib). Sizes are
# byte-exact and do not vary between runs, so there is no median; the load average is printed for the build's sake.
#   bash tests/Marginalia.Benchmarks/Reader/first-load.sh              (builds the working tree)
#   bash tests/Marginalia.Benchmarks/Reader/first-load.sh --site DIR   (weighs a site already built)
#   bash tests/Marginalia.Benchmarks/Reader/first-load.sh --commit REV (builds REV in a temporary worktree)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
source tests/Marginalia.Benchmarks/stats.sh
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

site=""
case "${1:-}" in
  --site) site=${2:?usage: first-load.sh --site DIR} ;;
  --commit)
    git worktree add -q --detach "$work/tree" "${2:?usage: first-load.sh --commit REV}"
    (cd "$work/tree" && dotnet run --project src/Marginalia.Cli -- build --output "$work/site" -q)
    site=$work/site ;;
  "") dotnet run --project src/Marginalia.Cli -- build --output "$work/site" -q; site=$work/site ;;
  *) echo "usage: first-load.sh [--site DIR | --commit REV]" >&2; exit 2 ;;
esac

brotli_size() { # file
  if command -v brotli >/dev/null 2>&1; then
    brotli -q 11 -c "$1" | wc -c
  else
    node -e 'const z=require("zlib");process.stdout.write(String(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$1"
  fi
}

files=(index.html $(grep -oE '<(link rel="stylesheet"|script) [^>]*(href|src)="[^"]+"' "$site/index.html" | grep -oE '(href|src)="[^"]+"' | sed -E 's/^(href|src)="(.*)"$/\2/'))
raw=0 gz=0 br=0
printf '%-32s %8s %8s %8s\n' file raw gzip brotli
for f in "${files[@]}"; do
  r=$(wc -c <"$site/$f") g=$(gzip -9c "$site/$f" | wc -c) b=$(brotli_size "$site/$f")
  printf '%-32s %8d %8d %8d\n' "$(sed -E 's/\.[0-9a-f]{8}\././' <<<"$f")" "$r" "$g" "$b"
  raw=$((raw + r)) gz=$((gz + g)) br=$((br + b))
done
printf '%-32s %8d %8d %8d\n' "first load (${#files[@]} files)" "$raw" "$gz" "$br"
echo "load: $(load)   command: bash tests/Marginalia.Benchmarks/Reader/first-load.sh ${*}"
