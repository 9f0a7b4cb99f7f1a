// A static server for a built site that answers as Netlify does, for Lighthouse (lighthouse.sh): the headers of
// netlify.toml's [[headers]] rules (later rules replace an earlier rule's value for the same header), brotli for a
// browser that accepts it, else gzip, and 404.html for unknown paths.
//   node serve.mjs SITE PORT NETLIFY_TOML
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const [site, port, toml] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.epub': 'application/epub+zip', '.jsonld': 'application/ld+json' };
const compressible = /^(text\/|application\/(json|ld\+json|manifest\+json|xml|atom\+xml))|image\/svg/;

// netlify.toml's header rules: only what this file uses ([[headers]], for = "...", [headers.values], key = "value").
const rules = [];
for (const line of readFileSync(toml, 'utf8').split('\n')) {
  const t = line.trim();
  if (t === '[[headers]]') { rules.push({ for: '', values: {} }); continue; }
  if (t.startsWith('[') ) { if (t !== '[headers.values]') rules.push(null); continue; }
  const m = /^([\w-]+)\s*=\s*"(.*)"$/.exec(t);
  const rule = rules[rules.length - 1];
  if (!m || !rule) continue;
  if (m[1] === 'for') rule.for = m[2]; else rule.values[m[1]] = m[2];
}
const matches = (pattern, path) => new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(path);
const headersFor = (path) => Object.assign({}, ...rules.filter(r => r && r.for && matches(r.for, path)).map(r => r.values));

const cache = new Map();
function encoded(file, encoding) {
  const key = file + ' ' + encoding;
  if (!cache.has(key)) {
    const body = readFileSync(file);
    cache.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : encoding === 'gzip' ? gzipSync(body, { level: 9 }) : body);
  }
  return cache.get(key);
}

createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  let file = join(site, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  let status = 200;
  try { if (!statSync(file).isFile()) throw new Error(); } catch { file = join(site, '404.html'); status = 404; path = '/404.html'; }
  const type = types[extname(file)] || 'application/octet-stream';
  const accept = req.headers['accept-encoding'] || '';
  const encoding = !compressible.test(type) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  const body = encoded(file, encoding);
  res.writeHead(status, { 'Content-Type': type, ...headersFor(path), ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}), 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(Number(port), '127.0.0.1');
