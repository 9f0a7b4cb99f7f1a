#!/usr/bin/env bash
# Cold wall time of `marginalia build` against `hugo` building an equivalent site from the same Markdown, on this
# machine, in one run. "Cold" means a fresh process each time (start-up included, and JIT for a JIT build), not a
# cold disk cache: one untimed run of each first checks that it works and warms the cache, so both tools are measured
# under the same conditions. The two tools run alternately, so a change in the machine's load hits both alike.
#
# Usage: bash tests/Marginalia.Benchmarks/compare-hugo.sh
#   RUNS=n           timed runs of each tool (default 10)
#   CORPUS=real|Nx   the site both tools build: the repository's input/ (default, `real`), or the generated corpus of
#                    that size (`1x`: 50,000 words, 2,000 notes, 500 terms, 200 initiatives), written into a temporary
#                    folder by the benchmarks project's `--corpus`
#   MARGINALIA_CLI=DIR  a folder with a published Marginalia.Cli to time instead of publishing one
#   PUBLISH_ARGS=…   extra `dotnet publish` arguments. The CLI project publishes Native AOT by default;
#                    PUBLISH_ARGS="-p:PublishAot=false" times the framework-dependent JIT build instead,
#                    PUBLISH_ARGS="-p:PublishAot=false -r linux-x64 -p:PublishReadyToRun=true" per-assembly ReadyToRun,
#                    and PUBLISH_ARGS="-p:PublishAot=false -r linux-x64 --self-contained true -p:PublishReadyToRun=true
#                    -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true -p:ReadyToRunThisMachine=true" what
#                    ./marginalia publishes.
#   CACHE=1          let marginalia use its disk cache (.marginalia/cache/, warm after the untimed run); by default
#                    it runs with --no-cache, so both tools do all their work every time.
set -euo pipefail

runs="${RUNS:-10}"
corpus="${CORPUS:-real}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ ! -f "$repo/Site.sln" ]]; then
  echo "compare-hugo: no Site.sln in $repo; the script must stay in tests/Marginalia.Benchmarks/" >&2
  exit 2
fi
cd "$repo"
# shellcheck source=stats.sh
source tests/Marginalia.Benchmarks/stats.sh
runs_or_stop compare-hugo "$runs"
corpus_or_stop compare-hugo "$corpus"

ensure_hugo() {
  command -v hugo >/dev/null 2>&1 && return 0
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || return 1
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "compare-hugo: hugo is missing; installing it with apt-get" >&2
  # A fresh machine may have no package lists yet, so update only when the plain install fails.
  "${sudo[@]}" apt-get install -y -qq hugo >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 && "${sudo[@]}" apt-get install -y -qq hugo >/dev/null 2>&1; } \
    || return 1
  command -v hugo >/dev/null 2>&1
}

if ! ensure_hugo; then
  echo "compare-hugo: hugo is not installed and could not be installed (apt-get install -y hugo); nothing to compare against" >&2
  exit 1
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-vs-hugo.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# --- Marginalia: publish the CLI -------------------------------------------------------------------------------------

publish_warnings=""
if [[ -n "${MARGINALIA_CLI:-}" ]]; then
  # A CLI published already (by speed.sh, which times several rows with one publish of each kind).
  if [[ ! -x "$MARGINALIA_CLI/Marginalia.Cli" ]]; then
    echo "compare-hugo: MARGINALIA_CLI=$MARGINALIA_CLI holds no executable Marginalia.Cli" >&2
    exit 2
  fi
  cli_dir="$MARGINALIA_CLI"
else
  read -r -a publish_args <<<"${PUBLISH_ARGS:-}"
  publish_cli compare-hugo "$tmp/marginalia" "${publish_args[@]}"
  # Warnings are reported, not fatal: the project lets some through on purpose (see Marginalia.Cli.csproj). Each is
  # printed once, with the assembly or package it names, so a new one shows up here.
  publish_warnings="$(grep -o 'warning [A-Z]*[0-9]*:.*' "$tmp/marginalia.log" | sed 's/ \[[^]]*\]$//' | sort -u || true)"
  cli_dir="$tmp/marginalia"
fi

# The site both tools build: the repository's, or a generated corpus with a copy of theme/ beside its input/.
site_root compare-hugo "$corpus" "$repo"
marginalia=("$cli_dir/Marginalia.Cli" build --input "$src/input" --theme "$src/theme" --output "$tmp/out-m")
if [[ "${CACHE:-0}" != 1 ]]; then
  marginalia+=(--no-cache)
fi

# --- Hugo: the same Markdown as an equivalent site -------------------------------------------------------------------
# Pages: the essay, every glossary entry and every initiative, each with its Markdown body unchanged and new front
# matter holding only a title (the essay's title, the entry's term, the initiative's name), so none of Marginalia's
# own fields reach Hugo. Layouts: baseof, single, list (home and the two sections) and 404. Outputs: every page,
# the home and section lists, RSS, the sitemap and robots.txt (Marginalia writes a feed, a sitemap and robots.txt
# too); taxonomies are disabled (Marginalia has none).

site="$tmp/hugo-site"
mkdir -p "$site/content" "$site/layouts/_default"
cat >"$site/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
languageCode = "en"
title = "Marginalia comparison"
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = true
TOML
cat >"$site/layouts/_default/baseof.html" <<'HTML'
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body>
</html>
HTML
cat >"$site/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<main><article><h1>{{ .Title }}</h1>{{ .Content }}</article></main>{{ end }}
HTML
cat >"$site/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<main><h1>{{ .Title }}</h1><ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main>{{ end }}
HTML
cat >"$site/layouts/404.html" <<'HTML'
{{ define "main" }}<main><h1>Not found</h1><p><a href="{{ "/" | relURL }}">Home</a></p></main>{{ end }}
HTML

# to_hugo FIELD SOURCE TARGET: writes TARGET with front matter `title: <SOURCE's FIELD value>` and SOURCE's body.
# The value is copied as written: it is a YAML scalar in SOURCE's front matter, so it stays one in TARGET's.
to_hugo() {
  local field="$1" source="$2" target="$3" value
  value="$(awk -v key="$field:" 'NR == 1 { next } /^---[[:space:]]*$/ { exit } index($0, key) == 1 { sub(/^[^:]*:[[:space:]]*/, ""); print; exit }' "$source")"
  if [[ -z "$value" ]]; then
    echo "compare-hugo: $source has no '$field:' in its front matter" >&2
    exit 1
  fi
  {
    echo "---"
    echo "title: $value"
    echo "---"
    awk 'fences >= 2 { print } fences < 2 && /^---[[:space:]]*$/ { fences++ }' "$source"
  } >"$target"
}

to_hugo title "$src/input/essay.md" "$site/content/essay.md"
pages=1
sections=0
for kind in glossary:term initiatives:name annotations:quote questions:question; do
  folder="${kind%%:*}"
  field="${kind#*:}"
  [[ -d "$src/input/$folder" ]] || continue
  mkdir -p "$site/content/$folder"
  sections=$((sections + 1))
  for source in "$src/input/$folder"/*.md; do
    [[ -e "$source" ]] || continue
    to_hugo "$field" "$source" "$site/content/$folder/$(basename "$source")"
    pages=$((pages + 1))
  done
  # A section's list page takes its title from _index.md.
  printf -- '---\ntitle: "%s"\n---\n' "$folder" >"$site/content/$folder/_index.md"
done
hugo_cmd=(hugo --quiet --noBuildLock -s "$site" -d "$tmp/out-h")

# --- Check both once (untimed), then time them alternately -----------------------------------------------------------

# A build that fails would be timed doing less than a real build, so stop instead.
if ! "${marginalia[@]}" >"$tmp/check-m.log" 2>&1 || [[ ! -f "$tmp/out-m/index.html" ]]; then
  cat "$tmp/check-m.log" >&2
  echo "compare-hugo: marginalia build failed; not timing it" >&2
  exit 1
fi
# The check runs without --quiet, so Hugo's warnings (a missing layout, say) are seen and stop the comparison.
if ! hugo --noBuildLock -s "$site" -d "$tmp/out-h" >"$tmp/check-h.log" 2>&1 || grep -qE 'WARN|ERROR' "$tmp/check-h.log"; then
  cat "$tmp/check-h.log" >&2
  echo "compare-hugo: hugo build failed or warned; not timing it" >&2
  exit 1
fi
# The essay's page, and each section's pages one folder down (a list's further pages, page/N/, are deeper).
hugo_pages="$(( $(find "$tmp/out-h" -mindepth 3 -maxdepth 3 -name index.html | wc -l) + $([[ -f "$tmp/out-h/essay/index.html" ]] && echo 1 || echo 0) ))"
if [[ "$hugo_pages" -ne "$pages" || ! -f "$tmp/out-h/sitemap.xml" || ! -f "$tmp/out-h/index.xml" || ! -f "$tmp/out-h/robots.txt" ]]; then
  echo "compare-hugo: hugo wrote $hugo_pages of $pages pages (or no sitemap.xml, index.xml or robots.txt); not timing it" >&2
  exit 1
fi
m_files="$(find "$tmp/out-m" -type f | wc -l)"
h_files="$(find "$tmp/out-h" -type f | wc -l)"

# Side A is Marginalia, side B Hugo: a_ms, b_ms, a_cpu, b_cpu, a_sys and b_sys are their medians.
time_alternately compare-hugo "$runs" "$tmp/out-m" marginalia "$tmp/m.us" "$tmp/out-h" hugo_cmd "$tmp/h.us"

echo "machine: $(nproc) cores, $(uname -sm)"
echo "hugo: $(hugo version | awk '{ print $2 }'); dotnet: $(dotnet --version)"
if [[ -n "${MARGINALIA_CLI:-}" ]]; then
  echo "marginalia: published before, in $MARGINALIA_CLI; executable $(du -h "$cli_dir/Marginalia.Cli" | cut -f1)"
else
  echo "marginalia publish: ${PUBLISH_ARGS:-default (Native AOT)}; executable $(du -h "$cli_dir/Marginalia.Cli" | cut -f1)"
fi
if [[ -n "$publish_warnings" ]]; then
  echo "publish warnings:"
  sed 's/^/  /' <<<"$publish_warnings"
else
  echo "publish warnings: none"
fi
echo "sites: marginalia writes $m_files files; hugo $h_files files ($pages pages, home, $sections sections, 404, RSS, sitemap, robots.txt)"
echo "corpus: $corpus ($(find "$src/input" -name '*.md' | wc -l) Markdown files)"
echo "runs: $runs of each, alternating, fresh process and empty output folder per run"
# Both tools write into $tmp. On a disk that has just seen thousands of files deleted (this machine's /tmp after a
# day of builds), ext4 spends long looking for a free inode for each new file, and Hugo, which writes a file per
# page, pays far more for it than Marginalia: run once with TMPDIR=/dev/shm (memory) to compare the tools' own work.
echo "output folders on: $(stat -f -c %T "$tmp") ($tmp)"
echo "load average: $load_before before, $load_after after"
echo "marginalia median: $a_ms ms (range $(wall_range "$tmp/m.us") ms)"
echo "hugo median: $b_ms ms (range $(wall_range "$tmp/h.us") ms)"
echo "ratio marginalia/hugo: $(awk -v m="$a_ms" -v h="$b_ms" 'BEGIN { printf "%.2f\n", m / h }')"
echo "CPU (user + system) medians: marginalia $a_cpu ms, hugo $b_cpu ms, ratio $(awk -v m="$a_cpu" -v h="$b_cpu" 'BEGIN { printf "%.2f\n", (h > 0 ? m / h : 0) }')"
echo "of which system (the kernel: page faults, files, exit): marginalia $a_sys ms, hugo $b_sys ms"
