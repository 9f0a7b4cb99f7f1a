// What each page given costs Chromium's main thread until 300 ms after its load event, on Lighthouse's phone
// (412 × 823, 1.75 device pixels, touch): the longest task (on the reader, its first style, layout and paint), all
// style, layout and paint, and how much went on setting up fonts. Loads alternate between the pages, each in a fresh
// browser context (no cache, no service worker).
//   node first-frame.mjs RUNS NAME=URL…   (first-frame.sh serves the pages and calls this)
// Puppeteer comes with Lighthouse (lighthouse.sh installs both); Chromium is CHROME_PATH, default /usr/bin/chromium.
import { createRequire } from 'node:module';

const require = createRequire(new URL('./.lighthouse/', import.meta.url));
const puppeteer = require('puppeteer-core');
const [runs, ...pages] = process.argv.slice(2);
const named = pages.map(p => ({ name: p.slice(0, p.indexOf('=')), url: p.slice(p.indexOf('=') + 1), rows: [] }));

// Font set-up shows as FontCache::GetFontPlatformData (a face looked up by family, weight, style and size; on Linux
// the sandboxed renderer asks the browser process, which asks fontconfig) and, on Linux, one
// GetWebFontRenderStyleForStrike call per face and size first drawn (hinting and antialiasing, asked the same way).
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'fonts', 'blink', 'renderer'];

function untilLoad(events) {
  const nav = events.find(e => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.startsWith('http'));
  const load = events.find(e => e.name === 'MarkLoad' && e.args?.data?.isOutermostMainFrame && e.pid === nav.pid && e.ts > nav.ts);
  // The main thread's tasks that end by 300 ms after the load event (a page without a stylesheet may first lay out
  // after it); the commit's task begins before navigationStart, so a task counts when it ends after it.
  const main = events.filter(e => e.ph === 'X' && e.pid === nav.pid && e.tid === nav.tid
    && e.ts + e.dur > nav.ts && e.ts + e.dur <= load.ts + 300_000);
  const tasks = main.filter(e => e.name === 'RunTask');
  const sum = names => main.filter(e => names.includes(e.name)).reduce((s, e) => s + e.dur, 0) / 1000;
  let fonts = 0, lookups = 0, end = 0; // lookups nest; count the outermost only
  for (const e of main.filter(e => e.name === 'FontCache::GetFontPlatformData').sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= end) { fonts += e.dur / 1000; lookups++; end = e.ts + e.dur; }
  }
  return {
    longest: Math.max(...tasks.map(t => t.dur)) / 1000,
    style: sum(['UpdateLayoutTree']), layout: sum(['Layout']), paint: sum(['PrePaint', 'Paint']),
    fonts, lookups, strikes: main.filter(e => e.name === 'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike').length,
  };
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (let i = 0; i < +runs; i++) {
    for (const page of named) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
      await tab.tracing.start({ categories });
      await tab.goto(page.url, { waitUntil: 'load' });
      await new Promise(r => setTimeout(r, 500));
      page.rows.push(untilLoad(JSON.parse(new TextDecoder().decode(await tab.tracing.stop())).traceEvents));
      await context.close();
    }
  }
} finally {
  await browser.close();
}

const median = values => { const v = [...values].sort((a, b) => a - b), h = v.length >> 1; return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2; };
const columns = ['longest', 'style', 'layout', 'paint', 'fonts', 'lookups', 'strikes'];
const first = Object.fromEntries(columns.map(c => [c, median(named[0].rows.map(r => r[c]))]));
console.log(`from navigation to 300 ms after the load event at 412 px, medians of ${runs} alternating loads: the longest `
  + 'main-thread task, and all style, layout, paint and font set-up (ms; lookups and strikes are counts)');
console.log('page'.padEnd(14) + columns.map(c => c.padStart(9)).join('') + '   longest against ' + named[0].name);
for (const page of named) {
  const m = Object.fromEntries(columns.map(c => [c, median(page.rows.map(r => r[c]))]));
  const cells = columns.map(c => (Number.isInteger(m[c]) ? String(m[c]) : m[c].toFixed(1)).padStart(9)).join('');
  console.log(page.name.padEnd(14) + cells + '   ' + (m.longest / first.longest).toFixed(2) + '×');
}
