# Sourced by the benchmark scripts that time commands (Cli, Import, Cache, Limits, compare-hugo.sh, speed.sh): the
# helpers they share.

# The load average over 1, 5 and 15 minutes, printed beside every figure (the machine is shared).
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //'; }

# The median of the numbers on standard input, one a line; the mean of the middle two when the count is even.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# need_time NAME: stops the benchmark NAME when GNU time, which measures wall, CPU and peak memory, is missing.
need_time() {
  if ! [[ -x /usr/bin/time ]]; then
    echo "$1: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 1
  fi
}

# scratch NAME: a new temporary folder in $tmp, removed when the script exits.
scratch() {
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-$1.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
}

# publish_cli NAME FOLDER [ARG…]: publishes src/Marginalia.Cli in Release into FOLDER with the extra dotnet publish
# arguments, its log in FOLDER.log; a failed publish prints the log and stops the benchmark NAME.
publish_cli() {
  local name="$1" folder="$2"
  shift 2
  echo "$name: publishing the CLI (Release${*:+ $*})" >&2
  if ! dotnet publish src/Marginalia.Cli -c Release -o "$folder" "$@" >"$folder.log" 2>&1; then
    cat "$folder.log" >&2
    echo "$name: dotnet publish failed (log above)" >&2
    exit 1
  fi
}
