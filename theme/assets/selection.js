/*
  Marginalia — what a reader can do with a passage they select in the
  essay: a small toolbar of actions beside the selection.

  Actions are one line each in ACTIONS below: a label, when it is offered,
  and what it does with the selected DOM Range. "Suggest a note" makes a
  note file for the passage (note-file.js); "Cite selection" is offered
  when cite.js has put Marginalia.cite.forRange on the namespace.

  The toolbar follows the selection however it was made: mouse, Shift and
  the arrow keys (caret browsing), a long press on a touch screen
  (selectionchange, debounced). What the actions need (the essay's text,
  the dialogs) is among the reader's tools: the first selection in the
  essay loads them (Marginalia.tools), and the toolbar shows once they
  have run. A keyboard or screen reader user hears
  "Selection actions available, press Tab" and Tab goes into the toolbar;
  Escape closes it. The per-paragraph "Add a note" link stays for readers
  without JavaScript. The toolbar is not printed (site.css).
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  var DEBOUNCE_MS = 250;
  var GAP = 8;

  var ACTIONS = [
    { label: 'Suggest a note', offered: function () { return true; }, run: function (range) { M.noteFile.suggest(range, say); } },
    { label: 'Cite selection', offered: function () { return !!(M.cite && M.cite.forRange); }, run: function (range) { M.cite.forRange(range); } },
  ];

  var toolbar;
  var buttons = [];
  var status;
  var announcer;
  var range = null;
  var timer = 0;
  var tabTaken = false; // Tab is taken into the toolbar once per selection, never a trap

  function essayBody() { return document.querySelector('.essay-body'); }

  // The selection's range when it lies in the essay's text (not in a note,
  // a prompt, a tooltip or the toolbar), else null.
  function selectedRange() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
    var candidate = selection.getRangeAt(0);
    var body = essayBody();
    if (!body || !body.contains(candidate.startContainer) || !body.contains(candidate.endContainer)) { return null; }
    // Begun in a note, a prompt or the toolbar, it is about them; a triple
    // click may end in what follows the paragraph, which the text leaves out.
    var start = candidate.startContainer.nodeType === 1 ? candidate.startContainer : candidate.startContainer.parentElement;
    if (start.closest('li.note, .question-prompt, .selection-toolbar')) { return null; }
    if (!M.essayText) {
      M.tools(function () { if (M.essayText) { update(); } });
      return null;
    }
    var ix = M.essayText.index();
    return ix && M.essayText.spanOf(ix, candidate) ? candidate.cloneRange() : null;
  }

  function build() {
    toolbar = document.createElement('div');
    toolbar.className = 'selection-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Selection actions');
    toolbar.hidden = true;
    ACTIONS.forEach(function (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', function () {
        // The selection as it is now: a quick Tab may come before the debounced update.
        var current = selectedRange() || range;
        if (current) { action.run(current); }
      });
      toolbar.append(button);
      buttons.push({ action: action, button: button });
    });
    status = document.createElement('p');
    status.className = 'selection-message';
    status.setAttribute('role', 'status');
    toolbar.append(status);

    // Pressing a button must not take the selection away with it.
    toolbar.addEventListener('mousedown', function (event) { event.preventDefault(); });
    toolbar.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        var shown = buttons.filter(function (b) { return !b.button.hidden; }).map(function (b) { return b.button; });
        var at = shown.indexOf(document.activeElement);
        if (at >= 0) {
          shown[(at + (event.key === 'ArrowRight' ? 1 : shown.length - 1)) % shown.length].focus();
          event.preventDefault();
        }
      }
    });

    announcer = document.createElement('p');
    announcer.className = 'selection-announcer';
    announcer.setAttribute('aria-live', 'polite');

    // Inside the article, so the toolbar stands in the page's landmarks.
    var home = document.getElementById('essay') || essayBody().parentElement;
    home.append(announcer, toolbar);
  }

  function say(message) { status.textContent = message; }

  function moveNear(rect) {
    var parent = toolbar.offsetParent || document.documentElement;
    var origin = parent.getBoundingClientRect();
    var height = toolbar.offsetHeight;
    var below = window.matchMedia('(pointer: coarse)').matches || rect.top - height - GAP < 0;
    var top = below ? rect.bottom + GAP : rect.top - height - GAP;
    var room = document.documentElement.clientWidth - toolbar.offsetWidth - GAP;
    var left = Math.max(GAP, Math.min(rect.left, room));
    toolbar.style.top = Math.round(top - origin.top) + 'px';
    toolbar.style.left = Math.round(left - origin.left) + 'px';
  }

  function show(selected) {
    var fresh = toolbar.hidden;
    range = selected;
    tabTaken = false;
    buttons.forEach(function (b) { b.button.hidden = !b.action.offered(); });
    say('');
    toolbar.hidden = false;
    moveNear(selected.getBoundingClientRect());
    if (fresh) {
      announcer.textContent = 'Selection actions available: press Tab to reach them.';
    }
  }

  function hide() {
    if (toolbar.hidden) { return false; }
    toolbar.hidden = true;
    range = null;
    announcer.textContent = '';
    return true;
  }

  function update() {
    timer = 0;
    if (toolbar.contains(document.activeElement) || (M.noteFile && M.noteFile.isOpen())) { return; }
    var selected = selectedRange();
    if (selected) { show(selected); } else { hide(); }
  }

  M.ready(function () {
    if (!essayBody()) { return; }
    build();
    document.addEventListener('selectionchange', function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });

    // Tab from a new selection goes into its toolbar first; after that, Tab
    // goes on through the page as ever.
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Tab' && !event.shiftKey && !tabTaken && !toolbar.hidden && !toolbar.contains(document.activeElement)) {
        var first = buttons.filter(function (b) { return !b.button.hidden; })[0];
        if (first) {
          tabTaken = true;
          first.button.focus();
          event.preventDefault();
        }
      }
    });

    // Leaving the toolbar with Tab leaves it be until the selection changes;
    // a window resize moves the selection's words, so the toolbar follows.
    window.addEventListener('resize', function () {
      if (!toolbar.hidden && range) { moveNear(range.getBoundingClientRect()); }
    });

    // After the popovers and notes (their ranks are lower): the toolbar is the
    // last thing Escape closes, and it gives focus back to the page.
    M.onEscape(95, function () {
      var hadFocus = toolbar.contains(document.activeElement);
      if (!hide()) { return false; }
      if (hadFocus) { (document.getElementById('essay') || document.body).focus({ preventScroll: true }); }
      return true;
    });
  });

  M.selectionToolbar = { actions: ACTIONS, update: update };
})();
