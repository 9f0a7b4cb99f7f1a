# Sourced by lighthouse.sh and first-frame.sh from the repository's root: a scratch folder removed on exit, built
# sites served as Netlify serves them, and the Lighthouse install both use (Lighthouse brings Puppeteer).
source tests/Marginalia.Benchmarks/stats.sh
here=tests/Marginalia.Benchmarks/Reader
work=$(mktemp -d)
servers=()
trap 'stop_servers; rm -rf "$work"' EXIT

# working_tree_site: builds the working tree into $work/site and prints that folder, for a script given no --site.
working_tree_site() {
  dotnet run --project src/Marginalia.Cli -- build --output "$work/site" -q >&2
  echo "$work/site"
}

# serve DIR PORT: serve.mjs on PORT, returning once it answers. serve.mjs holds what it has served in memory, so a site
# is served as it was when first asked for.
serve() {
  node "$here/serve.mjs" "$1" "$2" netlify.toml &
  servers+=("$!")
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$2/" && break; sleep 0.1; done
}

# stop_servers: for the caller's EXIT trap.
stop_servers() {
  if [[ ${#servers[@]} -gt 0 ]]; then kill "${servers[@]}" 2>/dev/null || true; fi
}

# need_lighthouse: installs Lighthouse from npm into .lighthouse/ (ignored by git) when it is missing.
lighthouse=$here/.lighthouse/node_modules/.bin/lighthouse
need_lighthouse() {
  if [[ ! -x "$lighthouse" ]]; then
    npm install --silent --no-audit --no-fund --prefix "$here/.lighthouse" lighthouse >&2
  fi
}
