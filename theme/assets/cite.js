/*
  Marginalia — "Cite": Marginalia.cite, for a paragraph's Cite button
  (cite-button.js calls forParagraph) and for any script that has a
  selection (the selection toolbar calls forRange). One of the reader's
  tools, loaded on first use (Marginalia.tools).

  Both open one dialog with a link to the exact words (the paragraph's anchor
  and a text fragment, #p-id:~:text=...), the citation in each style and the
  reference-manager formats, each to copy or download. The citations come
  from the build (the #cite-data block, written by Citations/CiteData.cs) with
  placeholders for the passage's URL and the reader's access date: the styles
  live in C#, this script only fills them in.

  The text fragment itself is cite-fragment.js's (loaded just before).
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

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

  // The essay element a passage belongs to: its paragraph, heading or section, whichever has an id.
  function anchorOf(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    var body = element && element.closest('.essay-body');
    var target = element && element.closest('.essay-body [id]:not(.note-ref)');
    return body && target ? target : null;
  }

  function forSpan(range, anchor) {
    var info = citeData();
    if (!info || !anchor) {
      return;
    }
    var found = M.textFragment.forRange(range);
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
      entry(list, style.id, style.name, shown, shown.textContent);
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
      return;
    }
    M.onEscape(0, function () {
      if (panel && panel.open) {
        panel.close();
        return true;
      }
      return false;
    });
  });
})();
