# Sourced by the benchmark scripts that time commands (Cli/run.sh, Import/run.sh): the two helpers they share.

# The load average over 1, 5 and 15 minutes, printed beside every figure (the machine is shared).
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //'; }

# The median of the numbers on standard input, one a line; the mean of the middle two when the count is even.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
