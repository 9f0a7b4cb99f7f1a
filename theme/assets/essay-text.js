/*
  Marginalia — the essay's text as the build anchors notes on it, read from
  the reader's own DOM: M.essayText.

  The build (TextIndex.cs) reads the essay's leaf blocks (p, h2, li…) into
  one plain string, blocks joined by a blank line; that is essay.txt.
  The reader page holds more than those words: note markers and the commas
  between them, ¶ permalinks, Cite buttons, "Add a note" links, discussion prompts and,
  once notes.js has run, notes under paragraphs. All of them are skipped
  here, so the text read back equals essay.txt (a browser test holds it).

  Matching mirrors Folding.cs and QuoteOccurrences.cs line by line: where a
  quote occurs, and the shortest prefix or suffix that picks one place, are
  what `new annotation` and `check` would say. Keep them in step; the
  browser tests compare both with the C# on the whole essay.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  var BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, td, th, pre, figcaption, blockquote';

  // What the page adds to the essay's words (markers, links, prompts, notes
  // moved under paragraphs, the selection toolbar).
  var NOT_ESSAY = 'a.note-ref, li.note, .note-ref-sep, .permalink, .cite-button, .add-note, .question-prompt, .selection-toolbar';

  var MAX_PROPOSAL_WORDS = 12;
  var DASH = '\u2014';

  // char.IsWhiteSpace: the Unicode space separators, line and paragraph
  // separators, U+0009–U+000D and U+0085 (not JavaScript's \s, which adds U+FEFF).
  var WHITE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
  var WHITE_RUNS = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
  var MARK = /^\p{M}$/u;

  function isWhite(c) { return c !== undefined && c !== '' && WHITE.test(c); }

  // Zero-width spaces and joiners, word joiner, BOM, soft hyphen; by code,
  // since the minifier writes string escapes out as the characters themselves.
  var INVISIBLE = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD];

  function isInvisible(c) { return INVISIBLE.indexOf(c.charCodeAt(0)) >= 0; }

  // ---------- Folding (Folding.cs) ----------

  function nextVisible(s, i) { while (i < s.length && isInvisible(s[i])) { i++; } return i; }
  function previousVisible(s, i) { while (i >= 0 && isInvisible(s[i])) { i--; } return i; }

  function isCombining(s, i) {
    var cp = s.codePointAt(i);
    return MARK.test(String.fromCodePoint(cp));
  }

  // The folded text with, for every folded character, the source span it came from.
  function fold(source) {
    var out = [];
    var starts = [];
    var ends = [];
    var spaceAfterDash = false;

    function emit(c, start, end) { out.push(c); starts.push(start); ends.push(end); }

    function emitDash(start, end) {
      if (out.length > 0 && out[out.length - 1] === ' ') {
        start = starts[starts.length - 1];
        out.pop(); starts.pop(); ends.pop();
      }

      emit(DASH, start, end);
      spaceAfterDash = true;
    }

    var i = 0;
    while (i < source.length) {
      var c = source[i];
      if (isWhite(c)) {
        var j = i;
        while (j < source.length && isWhite(source[j])) { j++; }
        if (spaceAfterDash || (out.length > 0 && out[out.length - 1] === ' ')) {
          ends[ends.length - 1] = j;
        } else {
          emit(' ', i, j);
        }

        i = j;
        continue;
      }

      if (isInvisible(c)) { i++; continue; }
      spaceAfterDash = false;
      if ('\u201C\u201D\u201E\u201F\u2033"'.indexOf(c) >= 0) { emit('"', i, i + 1); i++; continue; }
      if ('\u2018\u2019\u201A\u201B\u2032\''.indexOf(c) >= 0) { emit('\'', i, i + 1); i++; continue; }
      if (c === '\u2013' || c === '\u2014' || c === '\u2015') { emitDash(i, i + 1); i++; continue; }
      if (c === '-') {
        var second = nextVisible(source, i + 1);
        if (second < source.length && source[second] === '-') { emitDash(i, second + 1); i = second + 1; continue; }
        var before = previousVisible(source, i - 1);
        var after = nextVisible(source, i + 1);
        if ((before < 0 || isWhite(source[before])) && (after === source.length || isWhite(source[after]))) {
          emitDash(i, i + 1); i++; continue;
        }
      }

      var end = i + 1;
      var code = c.charCodeAt(0);
      if (code >= 0xD800 && code <= 0xDBFF && end < source.length && source.charCodeAt(end) >= 0xDC00 && source.charCodeAt(end) <= 0xDFFF) { end++; }
      for (var mark = nextVisible(source, end); mark < source.length && isCombining(source, mark); mark = nextVisible(source, end)) { end = mark + 1; }
      if (end - i === 1) {
        emit(c, i, end);
      } else {
        var unit = '';
        for (var u = i; u < end; u++) { if (!isInvisible(source[u])) { unit += source[u]; } }
        var normal = unit.normalize('NFC');
        for (var n = 0; n < normal.length; n++) { emit(normal[n], i, end); }
      }

      i = end;
    }

    return { text: out.join(''), starts: starts, ends: ends };
  }

  function trimSpaces(s) { return s.replace(/^ +| +$/g, ''); }
  function foldPhrase(phrase) { return trimSpaces(fold(phrase).text); }

  // ---------- The essay's text (TextIndex.cs) ----------

  var cached = null;

  function nearestId(element) {
    for (var e = element; e; e = e.parentElement) { if (e.id) { return e.id; } }
    return '';
  }

  // Read once: the segments point at the essay's text nodes, which no script
  // replaces, and what the scripts add or move (notes, tips) is skipped.
  function read(root) {
    var blocks = [];
    var segments = [];
    var text = '';
    var all = root.querySelectorAll(BLOCKS);
    for (var b = 0; b < all.length; b++) {
      var element = all[b];
      if (element.closest(NOT_ESSAY) || element.querySelector(BLOCKS)) { continue; }
      if (blocks.length > 0) { text += '\n\n'; }
      var start = text.length;
      var walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          if (node.nodeType === 1) { return node.matches(NOT_ESSAY) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP; }
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      for (var t = walker.nextNode(); t; t = walker.nextNode()) {
        segments.push({ node: t, start: text.length });
        text += t.data;
      }

      blocks.push({ id: nearestId(element), element: element, start: start, end: text.length });
    }

    text += '\n';
    return { root: root, text: text, blocks: blocks, segments: segments, folded: null };
  }

  function index() {
    var root = document.querySelector('.essay-body');
    if (!root) { return null; }
    if (!cached || cached.root !== root) { cached = read(root); }
    return cached;
  }

  function foldedOf(ix) { return ix.folded || (ix.folded = fold(ix.text)); }

  function blockAt(ix, offset) {
    var lo = 0;
    var hi = ix.blocks.length - 1;
    var found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (ix.blocks[mid].start <= offset) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }

    return ix.blocks[found];
  }

  // The plain span [start, end) of the essay's text a DOM range covers, or
  // null when it holds none of it.
  function spanOf(ix, range) {
    var start = -1;
    var end = -1;
    for (var i = 0; i < ix.segments.length; i++) {
      var segment = ix.segments[i];
      if (!range.intersectsNode(segment.node)) { continue; }
      var from = segment.node === range.startContainer ? range.startOffset : 0;
      var to = segment.node === range.endContainer ? range.endOffset : segment.node.data.length;
      if (to <= from) { continue; }
      if (start < 0) { start = segment.start + from; }
      end = segment.start + to;
    }

    return start < 0 ? null : { start: start, end: end };
  }

  // ---------- Where a quote occurs (QuoteOccurrences.cs) ----------

  function words(text) { return text.split(WHITE_RUNS).filter(function (w) { return w.length > 0; }); }

  function lastWords(text, count) {
    var all = words(text);
    return all.length < count ? null : all.slice(all.length - count).join(' ');
  }

  function firstWords(text, count) {
    var all = words(text);
    return all.length < count ? null : all.slice(0, count).join(' ');
  }

  function fits(folded, occurrence, prefix, suffix) {
    var text = folded.text;
    if (prefix !== null) {
      var before = occurrence.foldedStart;
      while (before > 0 && text[before - 1] === ' ') { before--; }
      if (before < prefix.length || text.slice(before - prefix.length, before) !== prefix) { return false; }
    }

    if (suffix !== null) {
      var after = occurrence.foldedEnd;
      while (after < text.length && text[after] === ' ') { after++; }
      if (text.slice(after, after + suffix.length) !== suffix) { return false; }
    }

    return true;
  }

  function selector(ix, occurrences, which) {
    var own = occurrences[which];
    var others = occurrences.filter(function (_, i) { return i !== which; });
    var folded = foldedOf(ix);
    var best = null;
    for (var count = 1; count <= MAX_PROPOSAL_WORDS && best === null; count++) {
      var prefix = lastWords(ix.text.slice(own.block.start, own.start), count);
      if (prefix !== null && !others.some(function (o) { return fits(folded, o, foldPhrase(prefix), null); })) {
        best = { prefix: prefix, suffix: null };
      }

      var suffix = firstWords(ix.text.slice(own.end, own.block.end), count);
      if (suffix !== null && !others.some(function (o) { return fits(folded, o, null, foldPhrase(suffix)); })
        && (best === null || suffix.length < prefix.length)) {
        best = { prefix: null, suffix: suffix };
      }
    }

    return best;
  }

  // Every place the quote occurs within one block, in reading order, each
  // with the prefix or suffix that picks it (both null when it occurs once,
  // or when identical passages leave nothing to pick by).
  function locate(ix, quote) {
    var pattern = foldPhrase(quote);
    if (pattern.length === 0) { return []; }
    var folded = foldedOf(ix);
    var within = [];
    for (var at = folded.text.indexOf(pattern); at >= 0; at = folded.text.indexOf(pattern, at + 1)) {
      var start = folded.starts[at];
      var end = folded.ends[at + pattern.length - 1];
      while (start < end && isWhite(ix.text[start])) { start++; }
      while (end > start && isWhite(ix.text[end - 1])) { end--; }
      var block = blockAt(ix, start);
      if (end <= block.end) {
        within.push({ start: start, end: end, foldedStart: at, foldedEnd: at + pattern.length, block: block });
      }
    }

    return within.map(function (o, i) {
      var picked = within.length > 1 ? selector(ix, within, i) : null;
      return { start: o.start, end: o.end, blockId: o.block.id, prefix: picked ? picked.prefix : null, suffix: picked ? picked.suffix : null };
    });
  }

  M.essayText = {
    index: index,
    blockAt: blockAt,
    spanOf: spanOf,
    locate: locate,
    fold: fold,
    isWhite: isWhite,
    oneLine: function (text) { return text.replace(WHITE_RUNS, ' '); },
  };
})();
