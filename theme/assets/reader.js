/*
  Marginalia — the reader's notes, improved where JavaScript runs.

  The page already works without this file: every note is a numbered endnote,
  linked there and back. This script only moves those same <li class="note">
  elements (a note's content exists once in the page; layouts move it, never
  copy it):

  - wide windows (the stylesheet's margin column, 72em = 1152px and up): into
    an <ol class="sidenotes"> after the paragraph that holds the note's marker,
    placed in the margin beside it; each note is folded to a few lines,
    since notes a paragraph long each would run far past the essay's end;
  - narrow windows: into an <ol class="note-inline"> under the paragraph, when
    its marker is activated, and back to the endnotes when it is closed;
  - print: back to the endnotes, where paper wants them.

  It also runs the "Hide notes" switch, whose choice is kept in localStorage,
  and shows glossary definitions beside their terms (see "Glossary terms"
  below): without it, a term is a plain link to its glossary entry.

  This is a classic deferred script, not a module: modules do not load from
  file://, and deferring keeps it from blocking the page's first render (a
  script in <head> that the parser must wait for delays the essay for every
  reader). It runs once the document is parsed, before DOMContentLoaded; a
  reader who hid the notes may see their markers for the first frame.
*/
(function () {
  'use strict';

  var root = document.documentElement;
  var STORAGE_KEY = 'marginalia:notes';
  var HIDDEN_CLASS = 'notes-hidden';

  // Storage can be missing or throw (privacy modes, file:// in some browsers,
  // a full quota); the switch then lasts for this page only, which is fine.
  function readHidden() {
    try {
      return window.localStorage.getItem(STORAGE_KEY) === 'hidden';
    } catch (error) {
      return false;
    }
  }

  function writeHidden(hidden) {
    try {
      if (hidden) {
        window.localStorage.setItem(STORAGE_KEY, 'hidden');
      } else {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // Not kept: see readHidden.
    }
  }

  if (readHidden()) {
    root.classList.add(HIDDEN_CLASS);
  }

  // Must match the stylesheet's @media (min-width: 72em): media-query ems are
  // the browser's initial 16px, so this is 1152px whatever the root size.
  var wide = window.matchMedia('(min-width: 72em)');

  function start() {
    var essay = document.getElementById('essay');
    var body = essay && essay.querySelector('.essay-body');
    var endnotes = essay && essay.querySelector('.endnotes');
    var list = endnotes && endnotes.querySelector('.note-list');
    var toggle = essay && essay.querySelector('.notes-toggle');

    if (toggle) {
      setUpToggle(toggle);
    }

    if (!body || !list) {
      return;
    }

    // Each note's passages, gathered in one pass over the marks.
    var marksOf = new Map();
    Array.prototype.forEach.call(body.querySelectorAll('mark.note-mark'), function (mark) {
      (mark.getAttribute('data-notes') || '').split(' ').forEach(function (id) {
        if (!marksOf.has(id)) {
          marksOf.set(id, []);
        }

        marksOf.get(id).push(mark);
      });
    });

    var notes = [];
    var byId = new Map();
    Array.prototype.forEach.call(list.children, function (li, index) {
      var id = li.getAttribute('data-note');
      var marker = id ? document.getElementById('ref-' + id) : null;

      // The paragraph (or list, quote, heading) the marker sits in: the child
      // of its section, which is where a note goes to stand beside or under it.
      var block = marker ? marker.closest('.essay-section > *') : null;
      if (!id || !block) {
        // A note with no marker in the text stays an endnote in every layout.
        return;
      }

      var note = {
        id: id,
        li: li,
        index: index,
        marker: marker,
        block: block,
        number: (li.querySelector('.note-number') || marker).textContent.trim(),
        marks: marksOf.get(id) || [],
        fold: null,
      };
      notes.push(note);
      byId.set(id, note);
    });

    if (notes.length === 0) {
      return;
    }

    var mode = 'endnotes';
    var openInline = [];
    var layoutQueued = false;

    function noteOf(element) {
      var li = element && element.closest ? element.closest('li.note') : null;
      return li ? byId.get(li.getAttribute('data-note')) || null : null;
    }

    function notesHidden() {
      return root.classList.contains(HIDDEN_CLASS);
    }

    // ---------- Moving notes between places ----------

    // Back into the endnotes list, before the first note that comes after it,
    // so the list keeps the reading order however notes come and go.
    function returnToEndnotes(note) {
      if (note.li.parentElement === list) {
        return;
      }

      var container = note.li.parentElement;
      var next = null;
      for (var i = 0; i < list.children.length; i++) {
        var other = byId.get(list.children[i].getAttribute('data-note'));
        if (!other || other.index > note.index) {
          next = list.children[i];
          break;
        }
      }

      list.insertBefore(note.li, next);
      if (container && container.children.length === 0 && container !== list) {
        container.remove();
      }

      endnotes.hidden = false;
    }

    // The <ol> of a given class right after a block, made when missing. Notes
    // inside it keep their number order.
    function groupAfter(block, className) {
      var next = block.nextElementSibling;
      if (next && next.localName === 'ol' && next.classList.contains(className)) {
        return next;
      }

      var group = document.createElement('ol');
      group.className = className;
      block.after(group);
      return group;
    }

    function insertInOrder(group, note) {
      var before = null;
      for (var i = 0; i < group.children.length; i++) {
        var other = byId.get(group.children[i].getAttribute('data-note'));
        if (other && other.index > note.index) {
          before = group.children[i];
          break;
        }
      }

      group.insertBefore(note.li, before);
    }

    // Moving an element out of the document and back drops focus to <body>;
    // put it back where it was if it is still in the page.
    function keepingFocus(action) {
      var focused = document.activeElement;
      action();
      if (focused && focused !== document.activeElement && focused.isConnected && document.body.contains(focused)) {
        focused.focus({ preventScroll: true });
      }
    }

    // ---------- Wide: sidenotes ----------

    function enterSidenotes() {
      notes.forEach(function (note) {
        insertInOrder(groupAfter(note.block, 'sidenotes'), note);

        // Focus target for a marker's link, so the note is read next.
        note.li.tabIndex = -1;
        fold(note, true);
      });

      endnotes.hidden = list.children.length === 0;
      root.classList.add('has-sidenotes');
      layout();
    }

    function leaveSidenotes() {
      notes.forEach(function (note) {
        returnToEndnotes(note);
        note.li.removeAttribute('tabindex');
        note.li.classList.remove('note--folded');
        note.li.style.top = '';
        if (note.fold) {
          note.fold.remove();
          note.fold = null;
        }
      });

      body.style.marginBlockEnd = '';
      root.classList.remove('has-sidenotes');
    }

    // A folded sidenote shows its head and first lines; the rest (and its
    // sources and credits) waits behind a disclosure button in its head.
    function fold(note, folded) {
      if (!note.fold) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'note-fold';
        button.setAttribute('aria-label', 'Note ' + note.number + ' in full');
        button.addEventListener('click', function () {
          fold(note, note.li.classList.contains('note--folded') === false);
          layout();
        });
        var head = note.li.querySelector('.note-head') || note.li;
        head.append(button);
        note.fold = button;
      }

      note.li.classList.toggle('note--folded', folded);
      note.fold.setAttribute('aria-expanded', folded ? 'false' : 'true');
    }

    /*
      Stacking: in reading order, each note wants to start level with its
      marker; if the note above still reaches that far, it starts a gap below
      that note instead. So no two notes overlap, and none starts above its
      marker. All positions are measured first and written after, so the
      page lays out once per pass. Each group is positioned from the top of
      its section, so a note may hang past its section's end into the next;
      only the last section's overhang needs room, added below the essay.
    */
    function layout() {
      if (mode !== 'side' || notesHidden()) {
        return;
      }

      var gap = parseFloat(getComputedStyle(root).fontSize) * 1.25;
      var measured = notes.map(function (note) {
        return {
          note: note,
          want: note.marker.getBoundingClientRect().top,
          height: note.li.offsetHeight,
          origin: note.li.parentElement.getBoundingClientRect().top,
        };
      });

      var floor = -Infinity;
      measured.forEach(function (entry) {
        entry.top = Math.max(entry.want, floor);
        floor = entry.top + entry.height + gap;
      });

      measured.forEach(function (entry) {
        entry.note.li.style.top = Math.ceil(entry.top - entry.origin) + 'px';
      });

      var overhang = floor - gap - body.getBoundingClientRect().bottom;
      body.style.marginBlockEnd = overhang > 0 ? Math.ceil(overhang) + 'px' : '';
    }

    function queueLayout() {
      if (layoutQueued) {
        return;
      }

      layoutQueued = true;
      window.requestAnimationFrame(function () {
        layoutQueued = false;
        layout();
      });
    }

    // ---------- Narrow: notes opened under their paragraph ----------

    function enterInline() {
      notes.forEach(function (note) {
        note.marker.setAttribute('aria-controls', note.li.id);
        note.marker.setAttribute('aria-expanded', 'false');
      });
    }

    function leaveInline() {
      openInline.slice().forEach(function (note) { closeInline(note, false); });
      notes.forEach(function (note) {
        note.marker.removeAttribute('aria-controls');
        note.marker.removeAttribute('aria-expanded');
      });
    }

    function openNote(note) {
      insertInOrder(groupAfter(note.block, 'note-inline'), note);
      note.marker.setAttribute('aria-expanded', 'true');
      openInline.push(note);

      // A note under a long paragraph can open below the window's edge, where
      // a tap seems to do nothing: bring its start into view.
      var top = note.li.getBoundingClientRect().top;
      if (top > window.innerHeight * 0.8) {
        window.scrollBy(0, top - window.innerHeight * 0.5);
      }
    }

    function closeInline(note, refocus) {
      var at = openInline.indexOf(note);
      if (at < 0) {
        return;
      }

      openInline.splice(at, 1);
      returnToEndnotes(note);
      note.marker.setAttribute('aria-expanded', 'false');
      if (refocus) {
        note.marker.focus();
      }
    }

    // ---------- Switching layouts ----------

    function applyMode() {
      var next = wide.matches ? 'side' : 'inline';
      if (next === mode) {
        return;
      }

      keepingFocus(function () {
        if (mode === 'side') {
          leaveSidenotes();
        } else if (mode === 'inline') {
          leaveInline();
        }

        mode = next;
        if (mode === 'side') {
          enterSidenotes();
        } else {
          enterInline();
        }
      });
    }

    // Paper gets endnotes whatever the window is; the screen layout comes
    // back when printing is done.
    function enterPrint() {
      keepingFocus(function () {
        if (mode === 'side') {
          leaveSidenotes();
        } else if (mode === 'inline') {
          leaveInline();
        }

        mode = 'print';
      });
    }

    // ---------- Events ----------

    essay.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var marker = target && target.closest('a.note-ref');
      var note = marker && byId.get(marker.getAttribute('data-note'));
      if (note && !notesHidden()) {
        if (mode === 'inline') {
          event.preventDefault();
          if (openInline.indexOf(note) >= 0) {
            closeInline(note, true);
          } else {
            openNote(note);
          }
        } else if (mode === 'side') {
          // The note is already beside the marker: open it in full and read
          // it next, without the jump a fragment link would make.
          event.preventDefault();
          fold(note, false);
          layout();
          note.li.focus({ preventScroll: true });
          reveal(note.li);
        }

        return;
      }

      // A pointer may open a folded sidenote by its cut-off lines too (the
      // button in its head is the way for the keyboard).
      var folded = target && target.closest('.note--folded .note-body');
      var foldedNote = folded && noteOf(folded);
      if (foldedNote) {
        fold(foldedNote, false);
        layout();
        return;
      }

      // A note's number leads back to its marker; beside or under the text
      // the marker is close, so go there without scrolling it to the top.
      var back = target && target.closest('a.note-number');
      var owner = back && noteOf(back);
      if (owner && owner.li.parentElement !== list) {
        event.preventDefault();
        owner.marker.focus({ preventScroll: true });
        reveal(owner.marker);
      }
    });

    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || event.defaultPrevented || notesHidden()) {
        return;
      }

      var focused = noteOf(document.activeElement) ||
        (document.activeElement && document.activeElement.matches('a.note-ref')
          ? byId.get(document.activeElement.getAttribute('data-note')) : null);

      if (mode === 'inline' && openInline.length > 0) {
        var closing = focused && openInline.indexOf(focused) >= 0 ? focused : openInline[openInline.length - 1];
        event.preventDefault();
        closeInline(closing, true);
      } else if (mode === 'side' && focused && !focused.li.classList.contains('note--folded')) {
        event.preventDefault();
        fold(focused, true);
        layout();
        focused.marker.focus({ preventScroll: true });
        reveal(focused.marker);
      }
    });

    // A link or control hidden in a folded note's cut-off lines must not take
    // focus unseen: reaching it unfolds the note.
    essay.addEventListener('focusin', function (event) {
      var note = mode === 'side' ? noteOf(event.target) : null;
      if (note && note.li.classList.contains('note--folded') &&
          event.target !== note.li && !event.target.closest('.note-head')) {
        fold(note, false);
        layout();
      }
    });

    // Pointing at or focusing a passage, its marker or its note lights up the
    // others, so a reader sees which note belongs to which words.
    function notesOfEvent(event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) {
        return [];
      }

      var mark = target.closest('mark.note-mark');
      if (mark) {
        return (mark.getAttribute('data-notes') || '').split(' ').map(function (id) { return byId.get(id); }).filter(Boolean);
      }

      var marker = target.closest('a.note-ref');
      var note = marker ? byId.get(marker.getAttribute('data-note')) : noteOf(target);
      return note ? [note] : [];
    }

    function light(lit, on) {
      lit.forEach(function (note) {
        note.li.classList.toggle('is-lit', on);
        note.marker.classList.toggle('is-lit', on);
        note.marks.forEach(function (mark) { mark.classList.toggle('is-lit', on); });
      });
    }

    essay.addEventListener('mouseover', function (event) { light(notesOfEvent(event), true); });
    essay.addEventListener('mouseout', function (event) { light(notesOfEvent(event), false); });
    essay.addEventListener('focusin', function (event) { light(notesOfEvent(event), true); });
    essay.addEventListener('focusout', function (event) { light(notesOfEvent(event), false); });

    function reveal(element) {
      var box = element.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight - 40) {
        element.scrollIntoView({ block: 'center' });
      }
    }

    // The essay's height changes with its width and fonts; a note's with its
    // folding. Watching the body catches resizes, zoom and late fonts alike.
    // (The overhang is set as a margin, outside the observed box, so writing
    // it does not wake the observer again.)
    if (window.ResizeObserver) {
      new ResizeObserver(queueLayout).observe(body);
    } else {
      window.addEventListener('resize', queueLayout);
    }

    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(queueLayout);
    }

    wide.addEventListener('change', applyMode);
    window.addEventListener('beforeprint', enterPrint);
    window.addEventListener('afterprint', applyMode);

    root.addEventListener('notes-visibility', function () {
      if (notesHidden()) {
        openInline.slice().forEach(function (note) { closeInline(note, false); });
      } else {
        layout();
      }
    });

    applyMode();

    // The browser may have scrolled to a note's old place among the endnotes
    // before it moved; go to where it is now.
    var target = null;
    try {
      target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch (error) {
      // A malformed %-escape in the address names nothing here.
    }

    var targeted = target ? noteOf(target) : null;
    if (targeted && mode === 'side') {
      fold(targeted, false);
      layout();
      targeted.li.scrollIntoView();
    }
  }

  // ---------- The "Hide notes" switch ----------

  // The button keeps its name and says its state with aria-pressed, as a
  // toggle button should: a name that flipped to "Show notes" while pressed
  // would read as "Show notes, pressed", the opposite of what is on screen.
  function setUpToggle(toggle) {
    function show() {
      toggle.setAttribute('aria-pressed', root.classList.contains(HIDDEN_CLASS) ? 'true' : 'false');
    }

    function set(hidden) {
      root.classList.toggle(HIDDEN_CLASS, hidden);
      show();
      root.dispatchEvent(new CustomEvent('notes-visibility'));
    }

    toggle.addEventListener('click', function () {
      var hidden = !root.classList.contains(HIDDEN_CLASS);
      writeHidden(hidden);
      set(hidden);
    });

    // Another tab of the site changed the switch: follow it.
    window.addEventListener('storage', function (event) {
      if (event.key === STORAGE_KEY || event.key === null) {
        set(readHidden());
      }
    });

    show();
    toggle.hidden = false;
  }

  // ---------- Glossary terms: tooltips and toggletips ----------

  /*
    A marked term is a link to its glossary entry whose aria-describedby
    names a <p role="tooltip"> holding its short definition; those
    paragraphs wait in a hidden layer at the end of the essay, inside its
    landmark and outside every link (inside one, a definition would become
    part of the link's name). Here the layer is shown and each paragraph is
    moved or placed beside its term, never copied:

    - a mouse or pen resting on a term shows its tooltip after HOVER_DELAY,
      so a pointer crossing the text does not set definitions flickering;
      once one is open, the next term shows its own at once;
    - keyboard focus shows it at once; Enter still follows the link;
    - the pointer may travel onto the tooltip (to read or select it) and it
      stays; it goes when pointer and focus have both left, after a short
      grace, or with Escape, which leaves focus where it was (WCAG 1.4.13);
    - a tap cannot hover, so it opens a toggletip instead of following the
      link: a small dialog with the definition, a link to the full entry
      and a close button; a tap elsewhere or Escape closes it.
  */
  var HOVER_DELAY = 300;

  // Long enough to cross the gap between a term and its tooltip, short
  // enough that a tooltip left behind does not seem to linger.
  var HIDE_GRACE = 200;

  // Kept between a tooltip and its term, and between it and the window's edges.
  var TIP_GAP = 6;
  var TIP_EDGE = 8;

  function startTerms() {
    var essay = document.getElementById('essay');
    var layer = essay && essay.querySelector('.term-tips');
    if (!layer) {
      return;
    }

    var tipOf = new Map();
    Array.prototype.forEach.call(essay.querySelectorAll('a.term[aria-describedby]'), function (term) {
      // aria-describedby is a list of ids; the term's tooltip is the one
      // that is a .term-tip in the layer.
      var tip = null;
      term.getAttribute('aria-describedby').split(/\s+/).some(function (id) {
        var candidate = id ? document.getElementById(id) : null;
        tip = candidate && layer.contains(candidate) && candidate.classList.contains('term-tip') ? candidate : null;
        return tip !== null;
      });
      if (tip) {
        tipOf.set(term, tip);
      }
    });

    if (tipOf.size === 0) {
      return;
    }

    // Each tooltip hidden on its own, the layer shown: a hidden element
    // still gives its text to aria-describedby, so the description is
    // there for a screen reader before any tooltip is on screen.
    Array.prototype.forEach.call(layer.querySelectorAll('.term-tip'), function (tip) {
      tip.hidden = true;
    });
    layer.hidden = false;

    var shown = null;         // { term, tip } of the tooltip on screen
    var pointerTerm = null;   // the term under a hovering pointer
    var focusTerm = null;     // the term with keyboard focus
    var overTip = false;      // the pointer is on the shown tooltip
    var dismissed = null;     // Escape hid this term's tooltip: not again until pointer and focus leave it
    var showTimer = 0;
    var hideTimer = 0;
    var lastPointer = '';     // the kind of pointer that pressed last, '' after a key
    var refocusing = false;   // focus put back on a term by this script, not by the reader
    var open = null;          // { term, tip, home } of the open toggletip
    var toggletip = null;     // made on the first tap
    var toggletipTitle = null;
    var toggletipLink = null;

    function termOf(target) {
      var term = target instanceof Element ? target.closest('a.term') : null;
      return term && tipOf.has(term) ? term : null;
    }

    // ---------- Placing ----------

    /*
      Below the term, or above it when the tooltip does not fit below and
      has more room above; left-aligned with the term but kept inside the
      window, so at 320 px it never makes the page scroll sideways. The
      layer is absolutely positioned at the page's origin, so a box placed
      in it scrolls with the text it belongs to. The notch points at the
      middle of the term's line next to the box.
    */
    function place(box, term) {
      var viewWidth = document.documentElement.clientWidth;
      var viewHeight = document.documentElement.clientHeight;
      box.style.setProperty('--tip-room', Math.max(0, viewWidth - 2 * TIP_EDGE) + 'px');
      box.style.left = '0px';
      box.style.top = '0px';

      var origin = layer.getBoundingClientRect();
      var size = box.getBoundingClientRect();
      var lines = term.getClientRects();
      var first = lines.length > 0 ? lines[0] : term.getBoundingClientRect();
      var last = lines.length > 0 ? lines[lines.length - 1] : first;

      var roomBelow = viewHeight - last.bottom - TIP_GAP;
      var roomAbove = first.top - TIP_GAP;
      var above = size.height > roomBelow && roomAbove > roomBelow;
      var anchor = above ? first : last;

      var left = Math.min(anchor.left, viewWidth - TIP_EDGE - size.width);
      left = Math.max(left, TIP_EDGE);
      var top = above ? anchor.top - TIP_GAP - size.height : anchor.bottom + TIP_GAP;
      var notch = Math.min(Math.max(anchor.left + anchor.width / 2 - left, 14), size.width - 14);

      box.style.left = Math.round(left - origin.left) + 'px';
      box.style.top = Math.round(top - origin.top) + 'px';
      box.style.setProperty('--notch', Math.round(notch) + 'px');
      box.classList.toggle('is-above', above);
    }

    function unplace(box) {
      box.style.left = '';
      box.style.top = '';
      box.style.removeProperty('--notch');
      box.style.removeProperty('--tip-room');
      box.classList.remove('is-above');
    }

    // ---------- Tooltips ----------

    function showTip(term) {
      window.clearTimeout(showTimer);
      window.clearTimeout(hideTimer);
      if (shown && shown.term === term) {
        return;
      }

      hideTip();
      if (open && open.term === term) {
        // Its definition is already on screen, in the toggletip.
        return;
      }

      var tip = tipOf.get(term);
      tip.hidden = false;
      place(tip, term);
      term.classList.add('is-tipped');
      shown = { term: term, tip: tip };

      // Focus fires before the browser scrolls a focused term into view, so
      // whether there was room below was judged on the old scroll: judge
      // again once it has moved.
      window.requestAnimationFrame(placeAgain);
    }

    function hideTip() {
      window.clearTimeout(hideTimer);
      if (!shown) {
        return;
      }

      shown.tip.hidden = true;
      unplace(shown.tip);
      shown.term.classList.remove('is-tipped');
      shown = null;
      overTip = false;
    }

    // Whether anything still holds the shown tooltip open.
    function held() {
      return shown !== null && (pointerTerm === shown.term || focusTerm === shown.term || overTip);
    }

    function hideSoon() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(function () {
        if (!held()) {
          hideTip();
        }
      }, HIDE_GRACE);
    }

    function forgetDismissal() {
      if (dismissed && dismissed !== pointerTerm && dismissed !== focusTerm) {
        dismissed = null;
      }
    }

    function hovers(event) {
      // Touch has no hover: its pointerenter comes with the tap, which opens
      // the toggletip instead.
      return event.pointerType !== 'touch';
    }

    tipOf.forEach(function (tip, term) {
      term.addEventListener('pointerenter', function (event) {
        if (!hovers(event)) {
          return;
        }

        pointerTerm = term;
        if (dismissed === term) {
          return;
        }

        if (shown) {
          // Already reading definitions: the next one comes without the wait.
          showTip(term);
          return;
        }

        window.clearTimeout(showTimer);
        showTimer = window.setTimeout(function () {
          if (pointerTerm === term && dismissed !== term) {
            showTip(term);
          }
        }, HOVER_DELAY);
      });

      term.addEventListener('pointerleave', function (event) {
        if (!hovers(event)) {
          return;
        }

        if (pointerTerm === term) {
          pointerTerm = null;
        }

        window.clearTimeout(showTimer);
        forgetDismissal();
        if (shown && shown.term === term) {
          hideSoon();
        }
      });

      term.addEventListener('focus', function () {
        // Only focus the reader can see: a click also focuses the link, and
        // a tap must not open a tooltip under its toggletip.
        if (refocusing || !focusVisible(term)) {
          return;
        }

        focusTerm = term;
        if (dismissed !== term) {
          showTip(term);
        }
      });

      term.addEventListener('blur', function () {
        if (focusTerm === term) {
          focusTerm = null;
        }

        forgetDismissal();
        if (shown && shown.term === term && !held()) {
          hideTip();
        }
      });

      tip.addEventListener('pointerenter', function () {
        if (shown && shown.tip === tip) {
          overTip = true;
          window.clearTimeout(hideTimer);
        }
      });

      tip.addEventListener('pointerleave', function () {
        if (shown && shown.tip === tip) {
          overTip = false;
          hideSoon();
        }
      });
    });

    function focusVisible(element) {
      try {
        return element.matches(':focus-visible');
      } catch (error) {
        // A browser without :focus-visible: any focus is worth a tooltip.
        return true;
      }
    }

    // ---------- Toggletip (touch) ----------

    // Made on the first tap, once, and kept: the tooltips' layer is inside
    // the essay, so it stands inside the page's landmarks.
    function makeToggletip() {
      toggletip = document.createElement('div');
      toggletip.className = 'term-toggletip';
      toggletip.setAttribute('role', 'dialog');
      toggletip.setAttribute('aria-labelledby', 'term-toggletip-title');
      toggletip.tabIndex = -1;
      toggletip.hidden = true;

      toggletipTitle = document.createElement('p');
      toggletipTitle.className = 'term-toggletip-title';
      toggletipTitle.id = 'term-toggletip-title';

      var actions = document.createElement('p');
      actions.className = 'term-toggletip-actions';
      toggletipLink = document.createElement('a');
      toggletipLink.className = 'term-toggletip-link';
      toggletipLink.textContent = 'Full entry';
      actions.append(toggletipLink);

      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'term-toggletip-close';
      close.setAttribute('aria-label', 'Close');
      close.addEventListener('click', function () {
        closeToggletip(true);
      });

      // Read and tabbed in this order; the close button is drawn in the
      // corner, but comes last, after what the dialog is for.
      toggletip.append(toggletipTitle, actions, close);

      // The dialog stands at the end of the essay in the document but beside
      // its term on screen, so Tab out of it, either way, goes through the
      // term: focus is put back on the term and the key's own move then goes
      // on from there, to the stop after it (or before it, with Shift).
      toggletip.addEventListener('keydown', function (event) {
        if (event.key !== 'Tab' || !open) {
          return;
        }

        var leaving = event.shiftKey
          ? document.activeElement === toggletip || document.activeElement === toggletipLink
          : document.activeElement === close;
        if (leaving) {
          closeToggletip(true);
        }
      });

      // Focus gone elsewhere (a click on another control) leaves the dialog
      // behind: close it, so no stale popup is left over the text. Its own
      // term is the exception: the tap that moved focus there closes it as
      // its click, and would otherwise open it again.
      toggletip.addEventListener('focusout', function (event) {
        var next = event.relatedTarget;
        if (open && next instanceof Node && !toggletip.contains(next) && !open.term.contains(next)) {
          closeToggletip(false);
        }
      });

      layer.append(toggletip);
    }

    function openToggletip(term) {
      closeToggletip(false);
      hideTip();
      if (!toggletip) {
        makeToggletip();
      }

      // The definition itself moves in, between the title and the link, and
      // goes home again when the toggletip closes.
      var tip = tipOf.get(term);
      open = { term: term, tip: tip, home: tip.nextSibling };
      toggletipTitle.textContent = term.textContent;
      toggletipLink.href = term.getAttribute('href');
      toggletip.insertBefore(tip, toggletipTitle.nextSibling);
      toggletip.setAttribute('aria-describedby', tip.id);

      // Inside the dialog it is the dialog's text, not a tooltip of its own.
      tip.removeAttribute('role');
      tip.hidden = false;
      toggletip.hidden = false;
      term.classList.add('is-tipped');
      place(toggletip, term);
      toggletip.focus({ preventScroll: true });
    }

    function closeToggletip(refocus) {
      if (!open) {
        return;
      }

      var closing = open;
      open = null;
      var hadFocus = toggletip.contains(document.activeElement);
      toggletip.hidden = true;
      unplace(toggletip);
      closing.tip.hidden = true;
      closing.tip.setAttribute('role', 'tooltip');
      layer.insertBefore(closing.tip, closing.home && closing.home.parentNode === layer ? closing.home : toggletip);
      toggletip.removeAttribute('aria-describedby');
      closing.term.classList.remove('is-tipped');

      // Back to the term, as from any dialog, without its tooltip popping up
      // over where the toggletip just was.
      if (refocus || hadFocus) {
        refocusing = true;
        closing.term.focus({ preventScroll: true });
        refocusing = false;
      }
    }

    // ---------- Events ----------

    // Recorded before the click it leads to: a click from Enter has no
    // pointer, and a keyboard press forgets the last tap.
    document.addEventListener('pointerdown', function (event) {
      lastPointer = event.pointerType || '';

      // A tap or click anywhere but the toggletip or its own term closes it.
      var target = event.target instanceof Node ? event.target : null;
      if (open && target && !toggletip.contains(target) && !open.term.contains(target)) {
        closeToggletip(false);
      }
    }, true);

    document.addEventListener('keydown', function (event) {
      lastPointer = '';
      if (event.key !== 'Escape' || event.defaultPrevented) {
        return;
      }

      // Captured before the notes' own Escape handler, which then sees it
      // handled: one Escape closes one thing, the nearest.
      if (open) {
        event.preventDefault();
        closeToggletip(true);
      } else if (shown) {
        event.preventDefault();
        dismissed = shown.term;
        window.clearTimeout(showTimer);
        hideTip();
      }
    }, true);

    essay.addEventListener('click', function (event) {
      var term = termOf(event.target);
      if (!term || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }

      var kind = typeof event.pointerType === 'string' && event.pointerType ? event.pointerType : lastPointer;
      if (kind !== 'touch') {
        // Mouse, pen and keyboard follow the link to the glossary.
        return;
      }

      event.preventDefault();
      if (open && open.term === term) {
        closeToggletip(true);
      } else {
        openToggletip(term);
      }
    });

    // The text reflows on resizing and when notes open under a paragraph:
    // a box on screen follows its term.
    function placeAgain() {
      if (shown) {
        place(shown.tip, shown.term);
      }

      if (open) {
        place(toggletip, open.term);
      }
    }

    window.addEventListener('resize', placeAgain);
    if (window.ResizeObserver) {
      new ResizeObserver(placeAgain).observe(essay);
    }

    // Paper has no hover: nothing stays open over the printed text.
    window.addEventListener('beforeprint', function () {
      closeToggletip(false);
      hideTip();
    });
  }

  // Notes and terms are independent: a page with one and not the other (or
  // an error in one) still gets the other.
  function startAll() {
    try {
      start();
    } finally {
      startTerms();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startAll);
  } else {
    startAll();
  }
})();
