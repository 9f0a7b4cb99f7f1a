#!/usr/bin/env bash
# Every input limit at its worst case, measured from a cold process of the built CLI (never `dotnet run`).
# Each case in cases/*.sh adds to a fresh copy of input/ the file(s) at one limit's worst case (the largest input the
# build still accepts, or the cheapest refused one past it, whichever costs more); its first comment line says which.
# Every case is checked with `check` and `build`, each under /usr/bin/time -v; the table gives wall time, peak resident
# memory, the exit code and the diagnostic codes reported. The budget is 5 s and 1 GiB per command: a case over it
# fails the run.
#
# Usage: bash tests/Marginalia.Benchmarks/Limits/run.sh [CASE-NAME…]
#   PUBLISH_ARGS=…   extra `dotnet publish` arguments (the CLI publishes Native AOT by default;
#                    PUBLISH_ARGS="-p:PublishAot=false" measures the framework-dependent CLI instead)
#   CLI=path         measure this CLI binary instead of publishing one
set -euo pipefail

readonly BUDGET_SECONDS=5
readonly BUDGET_KIB=$((1024 * 1024))

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../stats.sh
source "$here/../stats.sh"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"
need_time limits
scratch limits

cli="${CLI:-}"
if [[ -z "$cli" ]]; then
  read -r -a publish_args <<<"${PUBLISH_ARGS:-}"
  publish_cli limits "$tmp/cli" "${publish_args[@]}"
  cli="$tmp/cli/Marginalia.Cli"
fi

cases=()
if (($#)); then
  for name in "$@"; do cases+=("$here/cases/${name%.sh}.sh"); done
else
  cases=("$here"/cases/*.sh)
fi

# One command under /usr/bin/time -v: prints "wall-seconds peak-KiB exit codes".
measure() {
  local log="$1"
  shift
  local status=0
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>&1 || status=$?
  local wall peak
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log.time")"
  peak="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")"
  # /usr/bin/time reports the command's own status on its last line when it is not 0.
  local codes
  codes="$(grep -o 'MG[0-9]\{4\}' "$log.out" | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep = " " }' || true)"
  echo "$wall $peak $status ${codes:--}"
}

printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %-6s %8s %9s %5s  %s\n' case command wall_s peak_MiB exit codes
over=0
run_case() {
  local name="$1" script="$2"
  local input="$tmp/$name/input"
  rm -rf "$tmp/$name"
  mkdir -p "$tmp/$name"
  cp -a input "$input"
  if [[ -n "$script" ]] && ! bash "$script" "$input" >"$tmp/$name/setup.log" 2>&1; then
    cat "$tmp/$name/setup.log" >&2
    echo "limits: case $name could not be set up (log above)" >&2
    over=1
    return
  fi
  local command
  for command in check build; do
    local args=("$command" --input "$input" --theme theme --quiet)
    [[ $command == build ]] && args+=(--output "$tmp/$name/output")
    local wall peak status codes
    read -r wall peak status codes < <(measure "$tmp/$name/$command" "$cli" "${args[@]}")
    local verdict=""
    if ! awk -v w="$wall" -v b="$BUDGET_SECONDS" 'BEGIN { exit !(w < b) }' || ((peak >= BUDGET_KIB)); then
      verdict="  OVER BUDGET"
      over=1
    fi
    if ((status > 2)); then
      verdict="$verdict  CRASHED (exit $status)"
      over=1
    fi
    printf '%-34s %-6s %8.2f %9.1f %5s  %s%s\n' "$name" "$command" "$wall" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" \
      "$status" "$codes" "$verdict"
  done
}

run_case "baseline-input" ""
for script in "${cases[@]}"; do
  if [[ ! -f "$script" ]]; then
    echo "limits: no case $script" >&2
    exit 2
  fi
  run_case "$(basename "$script" .sh)" "$script"
done
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
if ((over)); then
  echo "limits: at least one case is over the budget of ${BUDGET_SECONDS} s and 1 GiB, or failed (see above)" >&2
  exit 1
fi
echo "limits: every case within ${BUDGET_SECONDS} s and 1 GiB"
