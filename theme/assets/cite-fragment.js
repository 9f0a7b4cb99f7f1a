/*
  Marginalia — the text fragment (#:~:text=...) that leads a browser to the
  exact words of a range of the essay, for cite.js (loaded next).

  The fragment must find the words the way the browser's find-in-page does:
  the rendered text of the whole page, note markers' numbers included, matched
  on word boundaries, first occurrence first. So the page's text is read once
  per citation as the browser sees it, the reader's own controls marked as
  such, and a prefix or suffix is added until the first match is this one.
  Encoded per the URL Fragment Text Directives spec: - , & and the rest of
  what is special in a URL percent-encoded, so no citation format needs to
  escape the link again.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  // What the reader's interface adds to the text: never part of a quotation.
  var UI = '.note-ref, .permalink, .cite-button, .add-note, .question-prompt, button, .cite-panel';
  // Not rendered, so not searched by the browser either.
  var UNSEEN = 'script, style, template, noscript, [hidden], [aria-hidden="true"], dialog:not([open])';
  var WORDS_ALONE = 10; // a longer passage is named by its first and last words
  var EDGE_WORDS = 5;

  // ---------- The page's text, as find-in-page reads it ----------

  function isBlock(element) {
    var display = window.getComputedStyle(element).display;
    return display !== 'inline' && display !== 'contents' && display !== 'none';
  }

  // The page's text, whitespace collapsed, a '\n' at every block edge; for
  // each character whether it is interface; for each text node where its
  // characters went.
  function pageText() {
    var chars = [];
    var ui = [];
    var nodes = [];

    function push(c, isUi) {
      var last = chars.length ? chars[chars.length - 1] : '\n';
      if (c === ' ' || c === '\n') {
        if (last === '\n' || (last === ' ' && c === ' ')) {
          return;
        }
        if (last === ' ' && c === '\n') {
          chars[chars.length - 1] = '\n';
          return;
        }
      }
      chars.push(c);
      ui.push(isUi);
    }

    function walk(node, inUi) {
      if (node.nodeType === 3) {
        var map = new Array(node.data.length + 1);
        for (var i = 0; i < node.data.length; i++) {
          map[i] = chars.length;
          push(/\s/.test(node.data[i]) ? ' ' : node.data[i], inUi);
        }
        map[node.data.length] = chars.length;
        nodes.push({ node: node, map: map });
        return;
      }
      if (node.nodeType !== 1 || node.matches(UNSEEN)) {
        return;
      }
      var block = isBlock(node);
      if (block) {
        push('\n', inUi);
      }
      var childUi = inUi || node.matches(UI);
      for (var child = node.firstChild; child; child = child.nextSibling) {
        walk(child, childUi);
      }
      if (block) {
        push('\n', inUi);
      }
    }

    walk(document.body, false);
    var text = chars.join('');
    return { text: text, lower: text.toLowerCase(), ui: ui, nodes: nodes };
  }

  function isWordChar(c) {
    return c !== undefined && /[\p{L}\p{N}]/u.test(c);
  }

  // The first match of needle at or after from whose both ends fall on word
  // boundaries, as the browser requires of a text directive.
  function firstMatch(page, needle, from) {
    var lowered = needle.toLowerCase();
    var at = page.lower.indexOf(lowered, from);
    while (at >= 0) {
      var end = at + lowered.length;
      if (!(isWordChar(page.text[at - 1]) && isWordChar(page.text[at])) &&
          !(isWordChar(page.text[end - 1]) && isWordChar(page.text[end]))) {
        return at;
      }
      at = page.lower.indexOf(lowered, at + 1);
    }
    return -1;
  }

  // Where a range starts and ends in the page's text.
  function bounds(page, range) {
    var start = -1;
    var end = -1;
    page.nodes.forEach(function (entry) {
      if (!range.intersectsNode(entry.node)) {
        return;
      }
      var from = entry.node === range.startContainer ? entry.map[range.startOffset] : entry.map[0];
      var to = entry.node === range.endContainer ? entry.map[range.endOffset] : entry.map[entry.node.data.length];
      if (start < 0 || from < start) {
        start = from;
      }
      if (to > end) {
        end = to;
      }
    });
    return start < 0 ? null : { start: start, end: end };
  }

  // The passage's pieces of text between interface characters and block
  // edges, each trimmed to whole words the browser can match alone.
  function pieces(page, span) {
    var list = [];
    var i = span.start;
    while (i < span.end) {
      while (i < span.end && (page.ui[i] || page.text[i] === '\n')) {
        i++;
      }
      var from = i;
      while (i < span.end && !page.ui[i] && page.text[i] !== '\n') {
        i++;
      }
      var to = i;
      // A word glued to a marker's number ("stand-offs1") is no whole word.
      if (from < to && isWordChar(page.text[from]) && isWordChar(page.text[from - 1])) {
        while (from < to && page.text[from] !== ' ') {
          from++;
        }
      }
      if (from < to && isWordChar(page.text[to - 1]) && isWordChar(page.text[to])) {
        while (to > from && page.text[to - 1] !== ' ') {
          to--;
        }
      }
      while (from < to && /[\s]/.test(page.text[from])) {
        from++;
      }
      while (to > from && /[\s]/.test(page.text[to - 1])) {
        to--;
      }
      if (/[\p{L}\p{N}]/u.test(page.text.slice(from, to))) {
        list.push({ start: from, end: to });
      }
    }
    return list;
  }

  // Index in the text after the n-th word from `at`, going forward or back, within one block.
  function wordsFrom(page, at, n, forward) {
    var i = at;
    var found = 0;
    if (forward) {
      while (found < n && i < page.text.length && page.text[i] !== '\n') {
        while (i < page.text.length && page.text[i] === ' ') {
          i++;
        }
        while (i < page.text.length && page.text[i] !== ' ' && page.text[i] !== '\n') {
          i++;
        }
        found++;
      }
    } else {
      while (found < n && i > 0 && page.text[i - 1] !== '\n') {
        while (i > 0 && page.text[i - 1] === ' ') {
          i--;
        }
        while (i > 0 && page.text[i - 1] !== ' ' && page.text[i - 1] !== '\n') {
          i--;
        }
        found++;
      }
    }
    return i;
  }

  function encode(text) {
    // The directive's own delimiters (- , &) and everything else URL-special are percent-encoded.
    return encodeURIComponent(text).replace(/[-!'()*~]/g, function (c) {
      return '%' + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  // The text directive for a span of the page: textStart (and textEnd for a
  // long passage), with a prefix or suffix when the words occur earlier.
  function directive(page, span) {
    // A selection that starts or ends inside a word takes the whole word: the browser matches whole words only.
    var whole = { start: span.start, end: span.end };
    while (whole.start > 0 && !page.ui[whole.start - 1] && isWordChar(page.text[whole.start - 1]) && isWordChar(page.text[whole.start])) {
      whole.start--;
    }
    while (whole.end < page.text.length && !page.ui[whole.end] && isWordChar(page.text[whole.end]) && isWordChar(page.text[whole.end - 1])) {
      whole.end++;
    }
    var parts = pieces(page, whole);
    if (parts.length === 0) {
      return null;
    }
    var first = parts[0];
    var last = parts[parts.length - 1];
    var start = first;
    var end = null;
    var words = page.text.slice(first.start, last.end).split(/\s+/).length;
    if (parts.length > 1 || words > WORDS_ALONE) {
      start = { start: first.start, end: Math.min(first.end, wordsFrom(page, first.start, EDGE_WORDS, true)) };
      end = { start: Math.max(last.start, wordsFrom(page, last.end, EDGE_WORDS, false)), end: last.end };
      if (end.start < start.end) {
        start = first;
        end = null;
      }
    }
    var startText = page.text.slice(start.start, start.end);
    var endText = end ? page.text.slice(end.start, end.end) : null;
    var prefix = '';
    var suffix = '';
    var tail = end || start;

    function picksThis(p, s) {
      var from = p ? wordsFrom(page, start.start, p, false) : start.start;
      var at = firstMatch(page, page.text.slice(from, start.end), 0);
      if (at !== from) {
        return false;
      }
      if (!end && !s) {
        return true;
      }
      var endAt = end ? firstMatch(page, endText, start.end) : start.start;
      if (end && endAt !== end.start) {
        if (!s) {
          return false;
        }
      }
      if (s) {
        var to = wordsFrom(page, tail.end, s, true);
        var tailAt = firstMatch(page, page.text.slice(tail.start, to), end ? start.end : 0);
        return tailAt === tail.start;
      }
      return true;
    }

    var found = picksThis(0, 0);
    for (var n = 1; !found && n <= 6; n++) {
      if (picksThis(n, 0)) {
        prefix = page.text.slice(wordsFrom(page, start.start, n, false), start.start).trim();
        found = true;
      } else if (picksThis(0, n)) {
        suffix = page.text.slice(tail.end, wordsFrom(page, tail.end, n, true)).trim();
        found = true;
      } else if (picksThis(n, n)) {
        prefix = page.text.slice(wordsFrom(page, start.start, n, false), start.start).trim();
        suffix = page.text.slice(tail.end, wordsFrom(page, tail.end, n, true)).trim();
        found = true;
      }
    }

    var fields = [];
    if (prefix) {
      fields.push(encode(prefix) + '-');
    }
    fields.push(encode(startText));
    if (endText) {
      fields.push(encode(endText));
    }
    if (suffix) {
      fields.push('-' + encode(suffix));
    }
    var quote = parts.map(function (p) { return page.text.slice(p.start, p.end); }).join(' ');
    return { directive: 'text=' + fields.join(','), quote: quote };
  }

  // The text directive ("text=...") for a DOM range and the words it quotes
  // (interface left out), or null when the range holds no words.
  M.textFragment = {
    forRange: function (range) {
      var page = pageText();
      var span = bounds(page, range);
      return span ? directive(page, span) : null;
    }
  };
})();
