# Sourced by the benchmark scripts that time commands (Cli, Import, Cache, Limits, compare-hugo.sh, compare-builds.sh,
# speed.sh): the helpers they share.

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

# children_ms FILE FIRST: the shell's finished children's CPU time in ms, from what `times` wrote into FILE: its second
# line's fields FIRST to 2 summed (1 is user time, 2 system time). `times` itself must run in this shell (`times >FILE`),
# not in $(…), whose subshell has no children of its own.
children_ms() {
  awk -v first="$2" 'NR == 2 { n = 0; for (i = first; i <= 2; i++) { split($i, p, "m"); n += p[1] * 60000 + p[2] * 1000 } printf "%d\n", n }' "$1"
}

# cpu_ms FILE: user + system.
cpu_ms() { children_ms "$1" 1; }

# sys_ms FILE: the system (kernel) part alone. On this virtual machine a small build spends about half its CPU there,
# faulting in and freeing the memory it allocates (docs/performance-history.md, "What the sixth session found").
sys_ms() { children_ms "$1" 2; }

# time_run NAME OUTDIR COMMAND...: removes OUTDIR (untimed), runs COMMAND once and prints its wall time in
# microseconds, the CPU time (user + system, all threads) it used in milliseconds, and the system part of that in
# milliseconds; a run that fails stops the benchmark NAME. The CPU time is what the build costs the machine, and it
# moves less than the wall time when other work competes for the cores (though it rises too). Uses $tmp for its
# scratch files.
time_run() {
  local name="$1" out="$2" start end
  shift 2
  rm -rf "$out"
  start=$(date +%s%N)
  times >"$tmp/times0"
  if ! "$@" >/dev/null 2>"$tmp/run.err"; then
    cat "$tmp/run.err" >&2
    echo "$name: a timed run failed: $*" >&2
    return 1
  fi
  times >"$tmp/times1"
  end=$(date +%s%N)
  echo "$(((end - start) / 1000)) $(($(cpu_ms "$tmp/times1") - $(cpu_ms "$tmp/times0"))) $(($(sys_ms "$tmp/times1") - $(sys_ms "$tmp/times0")))"
}

# Of a file of time_run lines: the median wall time in ms, its range, the median CPU time in ms and its system part.
wall_ms() { cut -d' ' -f1 "$1" | median | awk '{ printf "%.1f\n", $1 / 1000 }'; }
wall_range() { cut -d' ' -f1 "$1" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f–%.1f", lo / 1000, hi / 1000 }'; }
cpu_median() { cut -d' ' -f2 "$1" | median; }
sys_median() { cut -d' ' -f3 "$1" | median; }

# time_alternately NAME RUNS A-OUT A-COMMAND A-FILE B-OUT B-COMMAND B-FILE: RUNS time_run pairs of the two commands
# (each given as the name of an array), alternating which goes first (ABBA) so neither always runs right after the
# other's disk writes; each side's lines go to its FILE. Sets load_before and load_after, and each side's medians:
# a_ms and b_ms (wall), a_cpu and b_cpu (user + system), a_sys and b_sys (system alone).
time_alternately() {
  local name="$1" runs="$2" a_out="$3" a_file="$5" b_out="$6" b_file="$8" i
  local -n a_command="$4" b_command="$7"
  load_before="$(load)"
  : >"$a_file"
  : >"$b_file"
  for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
      time_run "$name" "$a_out" "${a_command[@]}" >>"$a_file"
      time_run "$name" "$b_out" "${b_command[@]}" >>"$b_file"
    else
      time_run "$name" "$b_out" "${b_command[@]}" >>"$b_file"
      time_run "$name" "$a_out" "${a_command[@]}" >>"$a_file"
    fi
  done
  load_after="$(load)"
  a_ms="$(wall_ms "$a_file")"
  b_ms="$(wall_ms "$b_file")"
  a_cpu="$(cpu_median "$a_file")"
  b_cpu="$(cpu_median "$b_file")"
  a_sys="$(sys_median "$a_file")"
  b_sys="$(sys_median "$b_file")"
}

# paired A-FILE B-FILE: the runs of time_alternately taken as pairs (line i of each file ran back to back), so that a
# change in the machine's load between pairs cancels out: the median of the pairs' wall ratios B/A with the middle
# half of them, and in how many pairs B was faster, with the two-sided sign-test p-value for that count (the chance
# of a split at least as uneven if neither side were faster). On this shared machine two medians a few percent apart
# are often noise; a p-value over 0.05 says the runs do not show a difference.
paired() {
  paste -d' ' "$1" "$2" | awk '
    function at(p,   i) { i = int(p * (n - 1)) + 1; return r[i] }
    function choose(m, k,   i, c) { c = 1; for (i = 1; i <= k; i++) c = c * (m - k + i) / i; return c }
    { r[NR] = $4 / $1; if ($4 < $1) faster++; else if ($4 > $1) slower++ }
    END {
      n = NR
      for (i = 2; i <= n; i++) { v = r[i]; for (j = i - 1; j >= 1 && r[j] > v; j--) r[j + 1] = r[j]; r[j + 1] = v }
      median = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
      m = faster + slower; k = (faster < slower) ? faster : slower; tail = 0
      for (i = 0; i <= k; i++) tail += choose(m, i)
      p = (m > 0) ? 2 * tail / 2 ^ m : 1; if (p > 1) p = 1
      printf "paired: median B/A %.3f (middle half %.3f–%.3f), B faster in %d of %d pairs (sign test p = %.2g)\n", median, at(0.25), at(0.75), faster, n, p
    }'
}

# corpus_or_stop NAME CORPUS: stops the benchmark NAME unless CORPUS is `real` or a size such as `1x`.
corpus_or_stop() {
  if ! [[ "$2" == real || "$2" =~ ^[1-9][0-9]*x$ ]]; then
    echo "$1: CORPUS must be 'real' or a size such as '1x', not '$2'" >&2
    exit 2
  fi
}

# site_root NAME CORPUS REPO: sets src to the folder whose input/ and theme/ are built: REPO for `real`, else the
# generated corpus of that size with a copy of theme/ beside its input/, written into $tmp by the benchmarks project's
# `--corpus` (run from REPO); a corpus that cannot be written stops the benchmark NAME.
site_root() {
  if [[ "$2" == real ]]; then
    src="$3"
    return
  fi
  src="$tmp/corpus"
  echo "$1: writing the $2 corpus" >&2
  if ! (cd "$3" && dotnet run -c Release --project tests/Marginalia.Benchmarks -- --corpus "$2" "$src") >"$tmp/corpus.log" 2>&1; then
    cat "$tmp/corpus.log" >&2
    echo "$1: could not write the $2 corpus (log above)" >&2
    exit 1
  fi
}

# runs_or_stop NAME RUNS: stops the benchmark NAME unless RUNS is a positive whole number.
runs_or_stop() {
  if ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
    echo "$1: RUNS must be a positive whole number, not '$2'" >&2
    exit 2
  fi
}
