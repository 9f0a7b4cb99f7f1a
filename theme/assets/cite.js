/*
  Marginalia — "Cite": a paragraph's Cite button, and Marginalia.cite for any
  script that has a selection (the selection toolbar calls forRange).

  Both open one dialog with a link to the exact words (the paragraph's anchor
  and a text fragment, #p-id:~:text=...), the citation in each style and the
  reference-manager formats, each to copy or download. The citations come
  from the build (the #cite-data block, written by Citations/CiteData.cs) with
  placeholders for the passage's URL and the reader's access date: the styles
  live in C#, this script only fills them in.

  The fragment must find the words the way the browser's find-in-page does:
  the rendered text of the whole page, note markers' numbers included, matched
  on word boundaries, first occurrence first. So the page's text is read once
  per citation as the browser sees it, the reader's own controls marked as
  such, and a prefix or suffix is added until the first match is this one.
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

  var data = null;
  var panel = null;
  var returnTo = null;

  function citeData() {
    if (data === null) {
      var block = document.getElementById('cite-data');
      try {
        data = block ? JSON.parse(block.textContent) : false;
      } catch (e) {
        data = false;
      }
    }
    return data || null;
  }

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

  // The essay element a passage belongs to: its paragraph, heading or section, whichever has an id.
  function anchorOf(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    var body = element && element.closest('.essay-body');
    var target = element && element.closest('.essay-body [id]');
    return body && target ? target : null;
  }

  function forSpan(range, anchor) {
    var page = pageText();
    var span = bounds(page, range);
    var info = citeData();
    if (!info || !anchor) {
      return;
    }
    var found = span ? directive(page, span) : null;
    open({
      url: info.url + '#' + encodeURIComponent(anchor.id) + (found ? ':~:' + found.directive : ''),
      quote: found ? found.quote : ''
    });
  }

  // ---------- The dialog ----------

  function today(format) {
    var now = new Date();
    return format.pattern
      .replace('{month}', format.months[now.getMonth()])
      .replace('{day}', String(now.getDate()))
      .replace('{year}', String(now.getFullYear()));
  }

  function fill(template, url, accessed) {
    var info = citeData();
    return template.split(info.urlToken).join(url).split(info.accessedToken).join(accessed || '');
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function say(message) {
    var status = panel.querySelector('.cite-status');
    status.textContent = '';
    // A fresh text node, so a second "Copied" of the same kind is announced again.
    window.setTimeout(function () { status.textContent = message; }, 30);
  }

  function copy(text, shown, what) {
    function selectShown() {
      var selection = window.getSelection();
      selection.removeAllRanges();
      var range = document.createRange();
      range.selectNodeContents(shown);
      selection.addRange(range);
      var done = false;
      try {
        done = document.execCommand('copy');
      } catch (e) {
        done = false;
      }
      say(done ? 'Copied ' + what + '.' : 'Selected ' + what + ': press Ctrl+C (or ⌘C) to copy it.');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say('Copied ' + what + '.'); }, selectShown);
    } else {
      selectShown();
    }
  }

  function download(text, file, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element('a');
    link.href = url;
    link.download = file;
    link.hidden = true;
    panel.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say('Downloaded ' + file + '.');
  }

  function button(label, name, action) {
    var b = element('button', 'cite-action', label);
    b.type = 'button';
    if (name) {
      b.setAttribute('aria-label', name);
    }
    b.addEventListener('click', action);
    return b;
  }

  function entry(list, id, title, shown, text) {
    var item = element('section', 'cite-entry');
    var heading = element('h3', 'cite-entry-title', title);
    heading.id = 'cite-' + id + '-title';
    item.setAttribute('aria-labelledby', heading.id);
    shown.id = 'cite-' + id;
    item.appendChild(heading);
    item.appendChild(shown);
    var actions = element('p', 'cite-actions');
    actions.appendChild(button('Copy', 'Copy ' + title, function () { copy(text, shown, title); }));
    item.appendChild(actions);
    list.appendChild(item);
    return actions;
  }

  function build() {
    panel = element('dialog', 'cite-panel');
    panel.setAttribute('aria-labelledby', 'cite-panel-title');
    var head = element('div', 'cite-head');
    var title = element('h2', 'cite-panel-title', 'Cite this passage');
    title.id = 'cite-panel-title';
    head.appendChild(title);
    head.appendChild(button('Close', null, function () { panel.close(); }));
    panel.appendChild(head);
    panel.appendChild(element('p', 'cite-quote'));
    panel.appendChild(element('div', 'cite-list'));
    var status = element('p', 'cite-status');
    status.setAttribute('role', 'status');
    panel.appendChild(status);
    panel.addEventListener('close', function () {
      var back = returnTo && returnTo.isConnected ? returnTo : document.getElementById('essay');
      returnTo = null;
      if (back) {
        back.focus();
      }
    });
    document.body.appendChild(panel);
  }

  function open(cited) {
    var info = citeData();
    if (!info) {
      return;
    }
    if (!panel) {
      build();
    }
    returnTo = document.activeElement;
    var quote = panel.querySelector('.cite-quote');
    quote.textContent = cited.quote ? '\u201C' + cited.quote + '\u201D' : '';
    quote.hidden = !cited.quote;
    var list = panel.querySelector('.cite-list');
    list.textContent = '';

    var link = element('a', 'cite-link', cited.url);
    link.href = cited.url;
    var linkText = element('p', 'cite-text');
    linkText.appendChild(link);
    entry(list, 'link', 'Link to the passage', linkText, cited.url);

    info.styles.forEach(function (style) {
      var accessed = style.accessed ? today(style.accessed) : '';
      var shown = element('p', 'cite-text');
      // Built from the front matter at build time, HTML-encoded there; only <i> marks the italics.
      shown.innerHTML = fill(style.html, cited.url, accessed);
      entry(list, style.id, style.name, shown, fill(style.text, cited.url, accessed));
    });

    info.exports.forEach(function (format) {
      var text = fill(format.text, cited.url, '');
      var shown = element('pre', 'cite-code', text);
      shown.tabIndex = 0; // a scrolling block the keyboard can reach
      var actions = entry(list, format.id, format.name, shown, text);
      var extension = format.file.slice(format.file.lastIndexOf('.'));
      actions.appendChild(button('Download ' + extension, 'Download ' + format.name + ' (' + format.file + ')', function () {
        download(text, format.file, format.type);
      }));
    });

    panel.querySelector('.cite-status').textContent = '';
    if (!panel.open) {
      panel.showModal();
    }
    panel.querySelector('.cite-head button').focus();
  }

  // ---------- The API and the paragraphs' buttons ----------

  function forParagraph(paragraph) {
    var range = document.createRange();
    range.selectNodeContents(paragraph);
    forSpan(range, paragraph);
  }

  function forRange(range) {
    forSpan(range, anchorOf(range.startContainer));
  }

  M.cite = { forParagraph: forParagraph, forRange: forRange };

  M.ready(function () {
    if (!citeData() || typeof HTMLDialogElement !== 'function') {
      return; // no data or no dialog: no buttons, rather than dead ones
    }
    M.onEscape(0, function () {
      if (panel && panel.open) {
        panel.close();
        return true;
      }
      return false;
    });
    var links = document.querySelectorAll('.essay-body p[id] > .permalink');
    Array.prototype.forEach.call(links, function (permalink) {
      var paragraph = permalink.parentElement;
      var cite = element('button', 'cite-button', 'Cite');
      cite.type = 'button';
      var label = permalink.getAttribute('aria-label') || '';
      cite.setAttribute('aria-label', 'Cite ' + label.replace(/^Link to /, ''));
      cite.addEventListener('click', function () { forParagraph(paragraph); });
      permalink.insertAdjacentElement('afterend', cite);
    });
  });
})();
