#!/usr/bin/env bash
# Every row of README's Performance table that issue 20 set a target for, in one run: each measured by its own
# command (printed beside it, so a row can be run alone), with its figure, the ratio its target is stated in, whether
# the target is met, and the load average while it ran. Ends with the table in Markdown, ready for the README.
#
# Usage: bash tests/Marginalia.Benchmarks/speed.sh [ROW…]
#   ROW      aot, jit, 1x, warm, 10x, preview, first-load, lighthouse (default: all, in that order)
#   RUNS=n   timed runs per side for the Hugo comparisons and the scale rows (default 5)
#   EDITS=n  preview edits (default 20)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
source tests/Marginalia.Benchmarks/stats.sh

runs="${RUNS:-5}"
edits="${EDITS:-20}"
rows=("$@")
if [[ ${#rows[@]} -eq 0 ]]; then
  rows=(aot jit 1x warm 10x preview first-load lighthouse)
fi
for row in "${rows[@]}"; do
  case "$row" in
    aot | jit | 1x | warm | 10x | preview | first-load | lighthouse) ;;
    *) echo "speed: unknown row '$row' (rows: aot jit 1x warm 10x preview first-load lighthouse)" >&2; exit 2 ;;
  esac
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-speed.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
table="$tmp/table.md"
echo "| row | command | figure | ratio | target | met | load average |" >"$table"
echo "|---|---|---|---|---|---|---|" >>"$table"

# add_row ROW COMMAND FIGURE RATIO TARGET MET LOAD: one line of the final table, echoed as it is measured.
add_row() {
  printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$@" >>"$table"
  printf 'speed: %s: %s; ratio %s; target %s: %s (load %s)\n' "$1" "$3" "$4" "$5" "$6" "$7" >&2
}

# met VALUE LIMIT: "met" when VALUE ≤ LIMIT, "not met" otherwise.
met() { awk -v v="$1" -v l="$2" 'BEGIN { print (v + 0 <= l + 0) ? "met" : "not met" }'; }

# field LOG PATTERN: the first line of LOG matching PATTERN, with the matched part removed.
# The pattern is matched as fixed text (it may hold a "/", as "ratio marginalia/hugo: " does).
field() { grep -m1 -F "$2" "$1" | awk -v p="$2" '{ print substr($0, index($0, p) + length(p)) }'; }


# What `./marginalia` publishes and Netlify runs: self-contained, trimmed, composite ReadyToRun (the CLI, its libraries
# and the runtime precompiled as one image).
jit_args=(-p:PublishAot=false -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true -p:ReadyToRunThisMachine=true)

wants() { local r; for r in "${rows[@]}"; do [[ "$r" == "$1" ]] && return 0; done; return 1; }

if wants aot || wants 1x || wants warm; then
  publish_cli speed "$tmp/aot"
fi
if wants jit; then
  publish_cli speed "$tmp/jit" "${jit_args[@]}"
fi

# hugo_row ROW COMMAND LOG TARGET-RATIO TARGET-TEXT: a compare-hugo.sh run as one row.
hugo_row() {
  local row="$1" command="$2" log="$3" limit="$4" target="$5" m h ratio load
  m="$(field "$log" 'marginalia median: ' | cut -d' ' -f1)"
  h="$(field "$log" 'hugo median: ' | cut -d' ' -f1)"
  ratio="$(field "$log" 'ratio marginalia/hugo: ')"
  load="$(field "$log" 'load average: ')"
  add_row "$row" "$command" "Marginalia $m ms, Hugo $h ms" "${ratio}×" "$target" "$(met "$ratio" "$limit")" "$load"
}

compare() { # LOG ENV… : compare-hugo.sh with the given settings, its output kept in LOG
  local log="$1"
  shift
  if ! env RUNS="$runs" "$@" bash tests/Marginalia.Benchmarks/compare-hugo.sh >"$log" 2>&1; then
    cat "$log" >&2
    echo "speed: compare-hugo.sh failed (log above)" >&2
    exit 1
  fi
}

for row in "${rows[@]}"; do
  case "$row" in
    aot)
      compare "$tmp/aot.log" MARGINALIA_CLI="$tmp/aot"
      hugo_row "cold build of input/, Native AOT, against Hugo" "RUNS=$runs bash tests/Marginalia.Benchmarks/compare-hugo.sh" \
        "$tmp/aot.log" 1.0 "≤ 1.0×"
      ;;
    jit)
      compare "$tmp/jit.log" MARGINALIA_CLI="$tmp/jit"
      hugo_row "cold build of input/, composite ReadyToRun (./marginalia, Netlify), against Hugo" \
        "PUBLISH_ARGS=\"${jit_args[*]}\" bash tests/Marginalia.Benchmarks/compare-hugo.sh" "$tmp/jit.log" 3.0 "≤ 3×"
      ;;
    1x)
      compare "$tmp/1x.log" MARGINALIA_CLI="$tmp/aot" CORPUS=1x
      hugo_row "cold build of the 1× corpus (2,701 Markdown bodies), Native AOT, against Hugo" \
        "CORPUS=1x bash tests/Marginalia.Benchmarks/compare-hugo.sh" "$tmp/1x.log" 1.0 "≤ 1.0×"
      ;;
    warm)
      compare "$tmp/warm.log" MARGINALIA_CLI="$tmp/aot" CACHE=1
      hugo_row "build of input/ with a warm build cache, Native AOT, against Hugo (a separate row: Netlify and the rows above build with none)" \
        "CACHE=1 bash tests/Marginalia.Benchmarks/compare-hugo.sh" "$tmp/warm.log" 1.0 "≤ 1.0×"
      ;;
    10x)
      command="dotnet run -c Release --project tests/Marginalia.Benchmarks -- --scale $runs 0 1x 10x"
      load_before="$(load)"
      dotnet run -c Release --project tests/Marginalia.Benchmarks -- --scale "$runs" 0 1x 10x >"$tmp/scale.log" 2>&1 \
        || { cat "$tmp/scale.log" >&2; echo "speed: --scale failed (log above)" >&2; exit 1; }
      # The summary table's rows: corpus words inputs written wall-ms build-ms peak-MB.
      read -r _ _ _ _ wall1 _ peak1 < <(grep -E '^1x ' "$tmp/scale.log" | tail -1)
      read -r _ _ _ _ wall10 _ peak10 < <(grep -E '^10x ' "$tmp/scale.log" | tail -1)
      ratio="$(awk -v a="$wall10" -v b="$wall1" 'BEGIN { printf "%.2f", a / b }')"
      time_met="$(met "$ratio" 10)"
      memory_met="$(met "$peak10" 1024)"
      add_row "10× corpus (500,000 words, 20,000 notes), fresh process" "$command" \
        "10×: ${wall10} ms, peak ${peak10} MB; 1×: ${wall1} ms, peak ${peak1} MB" "time ${ratio}× the 1×" \
        "time ≤ 10×; peak ≤ 1,024 MB" "time: $time_met; memory: $memory_met" "$load_before → $(load)"
      ;;
    preview)
      command="dotnet run -c Release --project tests/Marginalia.Benchmarks -- --preview-latency $edits"
      dotnet run -c Release --project tests/Marginalia.Benchmarks -- --preview-latency "$edits" >"$tmp/preview.log" 2>&1 \
        || { cat "$tmp/preview.log" >&2; echo "speed: --preview-latency failed (log above)" >&2; exit 1; }
      median_ms="$(grep -m1 -oE 'median [0-9.]+ ms' "$tmp/preview.log" | grep -oE '[0-9.]+')"
      add_row "preview: save a note until the change is visible in Chromium" "$command" "median ${median_ms} ms" \
        "$(awk -v m="$median_ms" 'BEGIN { printf "%.2f", m / 100 }')× the target" "≤ 100 ms" "$(met "$median_ms" 100)" \
        "$(field "$tmp/preview.log" 'load average: ')"
      ;;
    first-load)
      command="bash tests/Marginalia.Benchmarks/Reader/first-load.sh"
      load_before="$(load)"
      bash tests/Marginalia.Benchmarks/Reader/first-load.sh >"$tmp/first-load.log" 2>&1 \
        || { cat "$tmp/first-load.log" >&2; echo "speed: first-load.sh failed (log above)" >&2; exit 1; }
      # Its total line: "first load (N files)  raw gzip brotli".
      read -r raw_bytes gzip_bytes brotli_bytes < <(grep -m1 '^first load (' "$tmp/first-load.log" | sed 's/^first load ([^)]*)//')
      add_row "reader first load (page, stylesheets, scripts), compressed as Netlify serves it" "$command" \
        "brotli ${brotli_bytes} bytes (gzip ${gzip_bytes}, raw ${raw_bytes})" "$(awk -v b="$brotli_bytes" 'BEGIN { printf "%.2f", b / 46080 }')× the target" \
        "≤ 45 KB (46,080 bytes)" "$(met "$brotli_bytes" 46080)" "$load_before"
      ;;
    lighthouse)
      command="bash tests/Marginalia.Benchmarks/Reader/lighthouse.sh"
      load_before="$(load)"
      bash tests/Marginalia.Benchmarks/Reader/lighthouse.sh >"$tmp/lighthouse.log" 2>&1 \
        || { cat "$tmp/lighthouse.log" >&2; echo "speed: lighthouse.sh failed (log above)" >&2; exit 1; }
      # Its summary line: "Lighthouse mobile, N runs, medians: performance S, FCP … ms, …".
      summary="$(grep -m1 '^Lighthouse mobile' "$tmp/lighthouse.log")"
      score="$(grep -oE 'performance [0-9]+' <<<"$summary" | grep -oE '[0-9]+')"
      add_row "Lighthouse mobile performance of the reader, served compressed" "$command" \
        "${summary#*medians: }" "$(awk -v s="$score" 'BEGIN { printf "%.2f", s / 100 }')× the target" \
        "100" "$(awk -v s="$score" 'BEGIN { print (s + 0 >= 100) ? "met" : "not met" }')" "$load_before"
      ;;
  esac
done

echo
echo "machine: $(nproc) cores, $(uname -sm); $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with changes)')"
cat "$table"
