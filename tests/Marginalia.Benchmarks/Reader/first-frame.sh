#!/usr/bin/env bash
# What the reader's first screen on a phone costs Chromium's main thread, against three controls made from the same
# build, in one run:
#   reader         the reader page as built;
#   one-face       the same page with every text in one face at one size (a rule appended to each stylesheet it
#                  links): what the page's typography costs to set up;
#   one-paragraph  the same head, stylesheets, scripts, header and footer, with the main part cut to the essay's first
#                  paragraph: what the page costs without its content;
#   plain          the essay's words (essay.txt) as bare paragraphs, no stylesheet or script: a floor for the text.
# Each is served as Netlify serves it (serve.mjs) and loaded RUNS times (default 7), alternating, at Lighthouse's phone
# size. first-frame.mjs prints the medians of the longest main-thread task (on the reader, its first style, layout and
# paint, which Lighthouse counts at twice its length and which makes most of its blocking time), all style, layout and
# paint, and the font set-up, and each page's longest task against the reader's. --keep DIR keeps the controls
# (DIR/one-face, DIR/one-paragraph, DIR/plain) for lighthouse.sh --site … --against ….
# Needs node and Chromium (CHROME_PATH, default /usr/bin/chromium); installs Lighthouse, which brings Puppeteer, as
# lighthouse.sh does. Not part of CI.
#   bash tests/Marginalia.Benchmarks/Reader/first-frame.sh [--site DIR] [--keep DIR]   (else builds the working tree)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
source tests/Marginalia.Benchmarks/Reader/sites.sh
runs=${RUNS:-7}
port=${PORT:-8947}

args="$*"
site="" keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --site) site=${2:?usage: first-frame.sh [--site DIR] [--keep DIR]}; shift 2 ;;
    --keep) keep=${2:?usage: first-frame.sh [--site DIR] [--keep DIR]}; shift 2 ;;
    *) echo "usage: first-frame.sh [--site DIR] [--keep DIR]" >&2; exit 2 ;;
  esac
done
[[ -n "$site" ]] || site=$(working_tree_site)
need_lighthouse

controls=${keep:-$work/controls}
rm -rf "$controls/one-face" "$controls/one-paragraph" "$controls/plain"
mkdir -p "$controls/plain"
cp -r "$site" "$controls/one-face"
cp -r "$site" "$controls/one-paragraph"
for sheet in $(grep -oE '<link rel="stylesheet" href="[^"]+"' "$site/index.html" | sed -E 's/.*href="([^"]+)"/\1/'); do
  echo '*,::before,::after,::first-line{font:17px/1.5 serif!important;font-variant:normal!important}' >>"$controls/one-face/$sheet"
done
node -e '
  const fs = require("fs"), page = process.argv[1], html = fs.readFileSync(page, "utf8");
  const main = html.indexOf("<main"), end = html.indexOf("</main>"), section = html.indexOf("<section class=\"essay-section\"");
  if (main < 0 || end < 0 || section < 0) throw new Error(page + ": no <main> or no essay section to cut");
  const first = html.indexOf("<p", section), paragraph = html.slice(first, html.indexOf("</p>", first) + 4);
  const cut = "<main id=\"main\" class=\"reader\"><article id=\"essay\" class=\"essay\"><div class=\"essay-body\">"
    + "<section class=\"essay-section\">" + paragraph + "</section></div></article></main>";
  fs.writeFileSync(page, html.slice(0, main) + cut + html.slice(end + 7));
' "$controls/one-paragraph/index.html"
cp "$site/404.html" "$controls/plain/"
node -e '
  const fs = require("fs"), [text, out] = process.argv.slice(1);
  const escape = s => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const paragraphs = fs.readFileSync(text, "utf8").split(/\n\s*\n/).filter(p => p.trim()).map(p => "<p>" + escape(p.trim()) + "</p>");
  const head = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
    + "<meta name=viewport content=\"width=device-width, initial-scale=1\"><title>Plain</title></head>";
  fs.writeFileSync(out, head + "<body><main>" + paragraphs.join("\n") + "</main></body></html>");
' "$site/essay.txt" "$controls/plain/index.html"

serve "$site" "$port"
serve "$controls/one-face" "$((port + 1))"
serve "$controls/one-paragraph" "$((port + 2))"
serve "$controls/plain" "$((port + 3))"

node "$here/first-frame.mjs" "$runs" "reader=http://127.0.0.1:$port/" "one-face=http://127.0.0.1:$((port + 1))/" \
  "one-paragraph=http://127.0.0.1:$((port + 2))/" "plain=http://127.0.0.1:$((port + 3))/"
echo "load: $(load)   command: RUNS=$runs bash $here/first-frame.sh $args"
