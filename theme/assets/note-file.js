/*
  Marginalia — "Suggest a note": a note file for a selected passage,
  written as `marginalia new annotation` writes one (AnnotationScaffold.cs):
  the quote as it reads in the essay, the prefix or suffix that picks its
  place when it repeats (essay-text.js), the essay's version, today's date,
  and placeholders for the author and the body that `check` refuses until
  they are filled in (Placeholders.cs).

  With a repository (site.yml), the repository's new-file page opens with
  the file in it; without, a dialog shows the file to copy.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  var MAX_QUOTE = 2000; // NoteParser.MaxQuoteLength
  var SLUG_WORDS = 5; // ScaffoldIds.SlugWords
  var AUTHOR = 'your-github-handle'; // Placeholders.Author
  var BODY = 'Write the note here: what the passage refers to, whether it holds, and a source.'; // Placeholders.NoteBody
  var KINDS = 'context | source | fact-check | counterpoint | translation';
  var WORD = /[\p{L}\p{N}\p{M}]/u;

  var dialog = null;

  // YamlText.Quote: double-quoted, with \ " and control characters escaped.
  function yaml(value) {
    var out = '"';
    for (var i = 0; i < value.length; i++) {
      var c = value[i];
      var code = c.charCodeAt(0);
      if (c === '"') { out += '\\"'; } else if (c === '\\') { out += '\\\\'; } else if (c === '\n') { out += '\\n'; } else if (c === '\r') { out += '\\r'; } else if (c === '\t') { out += '\\t'; } else if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) { out += '\\u' + code.toString(16).padStart(4, '0'); } else { out += c; }
    }

    return out + '"';
  }

  // Slug.FromWords: ASCII letters and digits, lower-cased, accents dropped,
  // apostrophes inside words kept out ("AI’s" is "ais").
  function slug(text, max) {
    var words = [];
    var word = '';
    var chars = text.normalize('NFD');
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (/^\p{Mn}$/u.test(c) || c === '\'' || c === '\u2019' || c === '\u2018') { continue; }
      if (/[A-Za-z0-9]/.test(c)) { word += c.toLowerCase(); } else if (word) { words.push(word); word = ''; }
    }

    if (word) { words.push(word); }
    return words.slice(0, max).join('-');
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }

  function times(n) { return n === 1 ? 'once' : n === 2 ? 'twice' : n + ' times'; }

  // A file name no note on the page has; a repeated quote's place is in it,
  // so notes on two places of one phrase do not take the same name.
  function idFor(quote, occurrence, count) {
    var base = slug(quote, SLUG_WORDS) || 'note';
    if (/^fn(-|$)/.test(base)) { base = 'note-' + base; } // "fn-" ids are the author's footnotes'
    if (count > 1) { base += '-' + (occurrence + 1); }
    var taken = new Set(Array.prototype.map.call(document.querySelectorAll('li.note, a.note-ref'), M.noteId));
    var id = base;
    for (var n = 2; taken.has(id); n++) { id = base + '-' + n; }
    return id;
  }

  // The note for a range, or { problem } saying why there is none.
  function make(range) {
    var T = M.essayText;
    var ix = T.index();
    var span = ix && T.spanOf(ix, range);
    if (!span) { return { problem: 'Select words of the essay to suggest a note on them.' }; }
    var block = T.blockAt(ix, span.start);
    if (span.end > block.end) { return { problem: 'A note quotes words within one paragraph: select within one.' }; }
    var start = span.start;
    var end = span.end;
    // Whole words: a selection that starts or ends inside a word takes all of it.
    while (start > block.start && WORD.test(ix.text[start - 1]) && WORD.test(ix.text[start])) { start--; }
    while (end < block.end && WORD.test(ix.text[end - 1] || '') && WORD.test(ix.text[end])) { end++; }
    while (start < end && T.isWhite(ix.text[start])) { start++; }
    while (end > start && T.isWhite(ix.text[end - 1])) { end--; }
    var quote = T.oneLine(ix.text.slice(start, end)).trim();
    if (!quote) { return { problem: 'Select words of the essay to suggest a note on them.' }; }
    if (quote.length > MAX_QUOTE) { return { problem: 'A note quotes at most ' + MAX_QUOTE + ' characters: select the words it is about.' }; }
    var places = T.locate(ix, quote);
    var which = -1;
    places.forEach(function (p, i) { if (which < 0 && p.start <= start && start < p.end) { which = i; } });
    if (which < 0) { return { problem: 'This passage cannot be quoted as it is: select fewer words.' }; }
    var place = places[which];
    if (places.length > 1 && place.prefix === null && place.suffix === null) {
      return { problem: 'These words occur ' + times(places.length) + ' in passages that read alike: select a longer passage.' };
    }

    var lines = ['---', 'quote: ' + yaml(quote)];
    if (places.length > 1) {
      var where = places.map(function (p) { return '¶ ' + p.blockId; }).join(', ');
      var reason = '   # the quote occurs ' + times(places.length) + ' (' + where + '); this picks the one in ¶ ' + place.blockId;
      lines.push(place.prefix !== null ? 'prefix: ' + yaml(place.prefix) + reason : 'suffix: ' + yaml(place.suffix) + reason);
    } else {
      lines.push('# prefix: "…"   # only when the quote occurs more than once: the words just before it');
      lines.push('# suffix: "…"   # or the words just after it');
    }

    var date = today();
    lines.push(
      'kind: "context"   # ' + KINDS,
      'author: ' + yaml(AUTHOR) + '   # your GitHub handle',
      'created: ' + date,
      '# updated: ' + date + '   # the date of your last revision, when you revise the note',
      '# lang: "en"   # the body\'s language (BCP 47), only when it is not the essay\'s',
      'essay-version: ' + yaml(ix.root.getAttribute('data-essay-version') || '') + '   # the essay text the quote was checked against',
      '# sources:   # required for kind source and fact-check: a title and a url (https:// or http://) for each',
      '#   - title: "The title of the page, article or paper"',
      '#     url: "https://…"',
      '---',
      BODY,
      '');
    var id = idFor(quote, which, places.length);
    return { id: id, fileName: id + '.md', text: lines.join('\n'), blockId: place.blockId, start: start, end: end };
  }

  // ---------- Without a repository: the file to copy ----------

  function buildDialog() {
    dialog = document.createElement('dialog');
    dialog.className = 'suggest-dialog';
    dialog.setAttribute('aria-labelledby', 'suggest-title');
    var title = document.createElement('h2');
    title.id = 'suggest-title';
    title.textContent = 'Suggest a note';
    var how = document.createElement('p');
    how.append('Save this as ');
    var path = document.createElement('code');
    path.className = 'suggest-path';
    how.append(path, ', write your GitHub handle in ', code('author'), ' and your note in place of the last line, and send it as a pull request.');
    var label = document.createElement('label');
    label.htmlFor = 'suggest-file';
    label.textContent = 'The note file';
    var area = document.createElement('textarea');
    area.id = 'suggest-file';
    area.className = 'suggest-file';
    area.readOnly = true;
    area.rows = 14;
    area.spellcheck = false;
    var actions = document.createElement('p');
    actions.className = 'suggest-actions';
    var copy = button('Copy', function () {
      area.focus();
      area.select();
      var done = function () { copied.textContent = 'Copied.'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, function () { copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.'; });
      } else {
        copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
      }
    });
    var close = button('Close', function () { dialog.close(); });
    var copied = document.createElement('span');
    copied.className = 'suggest-copied';
    copied.setAttribute('role', 'status');
    actions.append(copy, ' ', close, ' ', copied);
    dialog.append(title, how, label, area, actions);
    dialog.addEventListener('close', function () { copied.textContent = ''; });
    (document.getElementById('essay') || document.body).append(dialog);
  }

  function code(text) {
    var c = document.createElement('code');
    c.textContent = text;
    return c;
  }

  function button(text, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function showFile(note) {
    if (!dialog) { buildDialog(); }
    dialog.querySelector('.suggest-path').textContent = 'input/annotations/' + note.fileName;
    dialog.querySelector('.suggest-file').value = note.text;
    dialog.showModal();
    dialog.querySelector('.suggest-file').focus();
  }

  // ---------- The action ----------

  function suggest(range, say) {
    var note = make(range);
    if (note.problem) {
      say(note.problem);
      return;
    }

    var folder = M.essayText.index().root.getAttribute('data-new-note');
    if (folder) {
      window.open(folder + '?filename=' + encodeURIComponent(note.fileName) + '&value=' + encodeURIComponent(note.text), '_blank', 'noopener');
    } else {
      showFile(note);
    }
  }

  M.ready(function () {
    // The open dialog is the nearest thing Escape closes (a modal one would close itself, but
    // the shared handler answers first).
    M.onEscape(5, function () {
      if (!dialog || !dialog.open) { return false; }
      dialog.close();
      return true;
    });
  });

  M.noteFile = {
    make: make,
    suggest: suggest,
    isOpen: function () { return !!(dialog && dialog.open); },
  };
})();
