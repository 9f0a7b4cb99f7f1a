#!/usr/bin/env bash
# Cold wall time of one `marginalia build` against one `hugo` build of the same essay, on this machine, in one run.
# "Cold" means a fresh process each time (start-up and JIT included), not a cold disk cache: one untimed run of each
# first checks that it works and warms the cache, so both tools are measured under the same conditions.
#
# Usage: bash tests/Marginalia.Benchmarks/compare-hugo.sh
#   RUNS=n           timed runs of each tool (default 5)
#   NO_HYPERFINE=1   time with `date` even when hyperfine is installed
#   PUBLISH_ARGS=…   extra `dotnet publish` arguments. The CLI project publishes Native AOT by default;
#                    PUBLISH_ARGS="-p:PublishAot=false" times the framework-dependent JIT build instead.
set -euo pipefail

runs="${RUNS:-5}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ ! -f "$repo/Site.sln" ]]; then
  echo "compare-hugo: no Site.sln in $repo; the script must stay in tests/Marginalia.Benchmarks/" >&2
  exit 2
fi
cd "$repo"

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

# Median of the numbers on standard input, one a line; the mean of the middle two when the count is even.
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_ms NAME OUTDIR COMMAND...: prints the median wall time of RUNS fresh runs, in milliseconds. The output folder is
# removed before each run (outside the timing), so every run writes a whole site rather than updating the last one.
time_ms() {
  local name="$1" out="$2"
  shift 2
  if [[ -z "${NO_HYPERFINE:-}" ]] && command -v hyperfine >/dev/null 2>&1; then
    # -N runs the command without a shell, so hyperfine does not add a shell's start-up to every sample.
    hyperfine -N --style basic --runs "$runs" --prepare "rm -rf $(printf '%q' "$out")" \
      --export-json "$tmp/$name.json" -- "$(printf '%q ' "$@")" >&2
    sed -n 's/^ *"median": *\([0-9.eE+-]*\),\{0,1\}$/\1/p' "$tmp/$name.json" | head -n 1 | awk '{ printf "%.1f\n", $1 * 1000 }'
  else
    local i start end
    for ((i = 0; i < runs; i++)); do
      rm -rf "$out"
      start=$(date +%s%N)
      "$@" >/dev/null
      end=$(date +%s%N)
      echo $(((end - start) / 1000))
    done | median | awk '{ printf "%.1f\n", $1 / 1000 }'
  fi
}

echo "compare-hugo: publishing the CLI (Release)" >&2
read -r -a publish_args <<<"${PUBLISH_ARGS:-}"
if ! dotnet publish src/Marginalia.Cli -c Release -o "$tmp/marginalia" "${publish_args[@]}" >"$tmp/publish.log" 2>&1; then
  cat "$tmp/publish.log" >&2
  exit 1
fi
marginalia=("$tmp/marginalia/Marginalia.Cli" build --input input --theme theme --output "$tmp/out-m")

# The Hugo site holds the same Markdown body, with the essay's title as Hugo front matter, and only the page kinds a
# one-page site needs, so Hugo does no taxonomy, feed or sitemap work that Marginalia does not do either.
site="$tmp/hugo-site"
mkdir -p "$site/content" "$site/layouts/_default"
cat >"$site/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
languageCode = "en"
title = "Marginalia comparison"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
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
cat >"$site/layouts/index.html" <<'HTML'
{{ define "main" }}<main><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main>{{ end }}
HTML
title_line="$(awk 'NR > 1 && /^---[[:space:]]*$/ { exit } NR > 1 && /^title:/ { print; exit }' input/essay.md)"
{
  echo "---"
  echo "${title_line:-title: \"Essay\"}"
  echo "---"
  awk 'fences >= 2 { print } fences < 2 && /^---[[:space:]]*$/ { fences++ }' input/essay.md
} >"$site/content/essay.md"
hugo_cmd=(hugo --quiet -s "$site" -d "$tmp/out-h")

# One untimed run of each: a build that fails would be timed doing less than a real build, so stop instead.
if ! "${marginalia[@]}" >"$tmp/check-m.log" 2>&1 || [[ ! -f "$tmp/out-m/index.html" ]]; then
  cat "$tmp/check-m.log" >&2
  echo "compare-hugo: marginalia build failed; not timing it" >&2
  exit 1
fi
if ! "${hugo_cmd[@]}" >"$tmp/check-h.log" 2>&1 || [[ ! -f "$tmp/out-h/essay/index.html" ]]; then
  cat "$tmp/check-h.log" >&2
  echo "compare-hugo: hugo build failed; not timing it" >&2
  exit 1
fi

# Other work on the machine shows up directly in wall times: print the load so a reader can judge the numbers.
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
m_ms="$(time_ms marginalia "$tmp/out-m" "${marginalia[@]}")"
h_ms="$(time_ms hugo "$tmp/out-h" "${hugo_cmd[@]}")"

echo "machine: $(nproc) cores, $(uname -sm)"
echo "hugo: $(hugo version | awk '{ print $2 }')"
echo "dotnet: $(dotnet --version)"
echo "runs: $runs each, fresh process per run; load average before: $load"
echo "marginalia publish: ${PUBLISH_ARGS:-default (Native AOT)}"
echo "marginalia median: $m_ms ms"
echo "hugo median: $h_ms ms"
echo "ratio marginalia/hugo: $(awk -v m="$m_ms" -v h="$h_ms" 'BEGIN { printf "%.2f\n", m / h }')"
