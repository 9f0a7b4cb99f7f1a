#!/usr/bin/env bash
# Lighthouse's performance audit of the reader page (mobile, its default form factor: a mid-range phone on a slow 4G
# connection, simulated), served compressed as Netlify serves it (serve.mjs: netlify.toml's headers, brotli or
# gzip). Not part of CI: it installs Lighthouse from npm into tests/Marginalia.Benchmarks/Reader/.lighthouse
# (ignored by git) when it is missing, and needs node and Chromium (CHROME_PATH, default /usr/bin/chromium).
# Prints the score, FCP, LCP, TBT, CLS, Speed Index and the bytes transferred, each a median of RUNS (default 3).
#   bash tests/Marginalia.Benchmarks/Reader/lighthouse.sh [--site DIR]   (else builds the working tree)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
source tests/Marginalia.Benchmarks/stats.sh
here=tests/Marginalia.Benchmarks/Reader
runs=${RUNS:-3}
port=${PORT:-8937}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
work=$(mktemp -d)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

if [[ "${1:-}" == --site ]]; then
  site=${2:?usage: lighthouse.sh [--site DIR]}
else
  dotnet run --project src/Marginalia.Cli -- build --output "$work/site" -q
  site=$work/site
fi

lighthouse=$here/.lighthouse/node_modules/.bin/lighthouse
if [[ ! -x "$lighthouse" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$here/.lighthouse" lighthouse >&2
fi

node "$here/serve.mjs" "$site" "$port" netlify.toml &
server=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

for i in $(seq "$runs"); do
  "$lighthouse" "http://127.0.0.1:$port/" --only-categories=performance --output=json --output-path="$work/run$i.json" \
    --chrome-flags="--headless=new --no-sandbox" --quiet
  node -e '
    const r = require(process.argv[1]), a = r.audits;
    const v = id => Math.round(a[id].numericValue * (id === "cumulative-layout-shift" ? 1000 : 1)) / (id === "cumulative-layout-shift" ? 1000 : 1);
    console.log([Math.round(r.categories.performance.score * 100), v("first-contentful-paint"), v("largest-contentful-paint"),
      v("total-blocking-time"), v("cumulative-layout-shift"), v("speed-index"), v("total-byte-weight")].join(" "));
  ' "$work/run$i.json" >>"$work/figures"
  echo "run $i: $(tail -1 "$work/figures")  (score FCP LCP TBT CLS SI bytes)" >&2
done

col() { cut -d' ' -f"$1" "$work/figures" | median; }
echo "Lighthouse mobile, $runs runs, medians: performance $(col 1), FCP $(col 2) ms, LCP $(col 3) ms, TBT $(col 4) ms, CLS $(col 5), Speed Index $(col 6) ms, transferred $(col 7) bytes"
node -e '
  const r = require(process.argv[1]);
  const failing = Object.values(r.audits).filter(a => a.score !== null && a.score < 0.9 && a.details && a.scoreDisplayMode !== "informative");
  for (const a of failing) console.log("  not passed (last run): " + a.id + ": " + (a.displayValue || a.title));
  const work = r.audits["mainthread-work-breakdown"].details.items.map(i => i.groupLabel + " " + Math.round(i.duration) + " ms").join(", ");
  console.log("  main thread (last run, unthrottled): " + work);
  const lcp = r.audits["largest-contentful-paint-element"];
  if (lcp && lcp.details && lcp.details.items[0] && lcp.details.items[0].items) console.log("  LCP element: " + JSON.stringify(lcp.details.items[0].items[0].node && lcp.details.items[0].items[0].node.snippet));
' "$work/run$runs.json"
echo "load: $(load)   command: RUNS=$runs bash $here/lighthouse.sh ${*}"
