#!/usr/bin/env bash
# Lighthouse's performance audit of the reader page (mobile, its default form factor: a mid-range phone on a slow 4G
# connection, simulated), served compressed as Netlify serves it (serve.mjs: netlify.toml's headers, brotli or
# gzip). Not part of CI: it installs Lighthouse from npm into tests/Marginalia.Benchmarks/Reader/.lighthouse
# (ignored by git) when it is missing, and needs node and Chromium (CHROME_PATH, default /usr/bin/chromium).
# Prints the score, FCP, LCP, TBT, CLS, Speed Index and the bytes transferred, each a median of RUNS (default 3).
# With --against OLD (another built site) it alternates the runs between the two, so both meet the same moments of
# a shared machine, and prints OLD's medians too: the way to judge a change, since a run's score moves by several
# points with the machine's load alone.
#   bash tests/Marginalia.Benchmarks/Reader/lighthouse.sh [--site DIR] [--against OLD]   (else builds the working tree)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
source tests/Marginalia.Benchmarks/Reader/sites.sh
runs=${RUNS:-3}
port=${PORT:-8937}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

args="$*"
site=""
against=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --site) site=${2:?usage: lighthouse.sh [--site DIR] [--against OLD]}; shift 2 ;;
    --against) against=${2:?usage: lighthouse.sh [--site DIR] [--against OLD]}; shift 2 ;;
    *) echo "usage: lighthouse.sh [--site DIR] [--against OLD]" >&2; exit 2 ;;
  esac
done
[[ -n "$site" ]] || site=$(working_tree_site)

need_lighthouse
serve "$site" "$port"
[[ -n "$against" ]] && serve "$against" "$((port + 1))"

audit() { # port name figures-file
  "$lighthouse" "http://127.0.0.1:$1/" --only-categories=performance --output=json --output-path="$work/$2.json" \
    --chrome-flags="--headless=new --no-sandbox" --quiet
  node -e '
    const r = require(process.argv[1]), a = r.audits;
    const v = id => Math.round(a[id].numericValue * (id === "cumulative-layout-shift" ? 1000 : 1)) / (id === "cumulative-layout-shift" ? 1000 : 1);
    console.log([Math.round(r.categories.performance.score * 100), v("first-contentful-paint"), v("largest-contentful-paint"),
      v("total-blocking-time"), v("cumulative-layout-shift"), v("speed-index"), v("total-byte-weight")].join(" "));
  ' "$work/$2.json" >>"$3"
  echo "$2: $(tail -1 "$3")  (score FCP LCP TBT CLS SI bytes)" >&2
}

for i in $(seq "$runs"); do
  [[ -n "$against" ]] && audit "$((port + 1))" "against$i" "$work/against"
  audit "$port" "run$i" "$work/figures"
done

col() { cut -d' ' -f"$1" "$2" | median; }
medians() { echo "performance $(col 1 "$1"), FCP $(col 2 "$1") ms, LCP $(col 3 "$1") ms, TBT $(col 4 "$1") ms, CLS $(col 5 "$1"), Speed Index $(col 6 "$1") ms, transferred $(col 7 "$1") bytes"; }
echo "Lighthouse mobile, $runs runs, medians: $(medians "$work/figures")"
[[ -n "$against" ]] && echo "  against $against, alternating: $(medians "$work/against")"
node -e '
  const r = require(process.argv[1]);
  const failing = Object.values(r.audits).filter(a => a.score !== null && a.score < 0.9 && a.details && a.scoreDisplayMode !== "informative");
  for (const a of failing) console.log("  not passed (last run): " + a.id + ": " + (a.displayValue || a.title));
  const work = r.audits["mainthread-work-breakdown"].details.items.map(i => i.groupLabel + " " + Math.round(i.duration) + " ms").join(", ");
  console.log("  main thread (last run; Lighthouse gives the observed times 4 times over, as its slowed phone): " + work);
  // Which simulated tasks make the blocking time: the part of each past 50 ms between the simulated first paint and
  // interactive (Lantern counts a task 4 times its observed length, one that lays out 2 times).
  const m = r.audits.metrics.details.items[0];
  const counted = r.audits["long-tasks"].details.items.map(t => {
    const length = Math.min(t.startTime + t.duration, m.interactive) - Math.max(t.startTime, m.firstContentfulPaint);
    return { url: t.url.replace(/^https?:\/\/[^/]+\//, "/"), duration: Math.round(t.duration), counts: Math.round(length - 50) };
  }).filter(t => t.counts > 0).sort((a, b) => b.counts - a.counts);
  console.log("  blocking time (last run), by simulated task: " + (counted.map(t => t.url + " " + t.counts + " of " + t.duration + " ms").join(", ") || "none"));
  const lcp = r.audits["largest-contentful-paint-element"];
  if (lcp && lcp.details && lcp.details.items[0] && lcp.details.items[0].items) console.log("  LCP element: " + JSON.stringify(lcp.details.items[0].items[0].node && lcp.details.items[0].items[0].node.snippet));
' "$work/run$runs.json"
echo "load: $(load)   command: RUNS=$runs bash $here/lighthouse.sh $args"
