// Parses the reader's BibTeX, RIS and CSL-JSON with real parsers and prints what each read, as JSON, for
// ParsedByRealParsersTests. The parsers are installed in .ci/tools (see .ci/run); its path is the first argument.
// Input on stdin: {"bibtex": "...", "ris": "...", "csl": "..."}.
'use strict';
const path = require('path');
const { createRequire } = require('module');
const tools = createRequire(path.resolve(process.argv[2], 'package.json'));
const { pathToFileURL } = require('url');
// The parser's CommonJS build does not load under its own "type": "module", so its ES module build is imported.
const bibtexModule = pathToFileURL(path.resolve(process.argv[2], 'node_modules/@retorquere/bibtex-parser/dist/esm/index.js')).href;
const { Cite } = tools('@citation-js/core');
tools('@citation-js/plugin-ris');

let input = '';
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', async () => {
  const bibtex = await import(bibtexModule);
  const formats = JSON.parse(input);
  const bib = bibtex.parse(formats.bibtex, { sentenceCase: false });
  const entry = bib.entries[0];
  const ris = new Cite(formats.ris, { forceType: '@ris/file' }).data[0];
  const csl = new Cite(JSON.parse(formats.csl)).data[0];
  const author = a => a ? { family: a.family || a.lastName, given: a.given || a.firstName } : null;
  process.stdout.write(JSON.stringify({
    bibtex: {
      type: entry.type,
      errors: bib.errors.length,
      author: author(entry.fields.author && entry.fields.author[0]),
      title: entry.fields.title,
      url: entry.fields.url,
    },
    ris: { type: ris.type, author: author(ris.author && ris.author[0]), title: ris.title, url: ris.URL },
    csl: { type: csl.type, author: author(csl.author && csl.author[0]), title: csl.title, url: csl.URL },
  }));
});
