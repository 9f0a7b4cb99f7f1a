/*
  Marginalia — glossary terms: tooltips and toggletips, where JavaScript runs.

  Without this file a marked term is a plain link to its glossary entry. Its
  aria-describedby names a <p role="tooltip"> holding its short definition;
  those paragraphs wait in a hidden layer at the end of the essay, inside its
  landmark and outside every link (inside one, a definition would become
  part of the link's name). Here the layer is shown and each paragraph is
  moved or placed beside its term, never copied:

  - mouse, pen and keyboard get a tooltip, shown and hidden by the shared
    popover (popover.js: hover delay, hoverable, Escape, WCAG 1.4.13); once
    one is open, the next term shows its own at once; Enter still follows
    the link;
  - a tap cannot hover, so it opens a toggletip instead of following the
    link: a small dialog with the definition, a link to the full entry and
    a close button; a tap elsewhere or Escape closes it.
*/
(function () {
  'use strict';

  var M = window.Marginalia;

  var HOVER_DELAY = 300;

  // Long enough to cross the gap between a term and its tooltip, short
  // enough that a tooltip left behind does not seem to linger.
  var HIDE_GRACE = 200;

  // Kept between a box and its term, and between it and the window's edges.
  var SPACING = { gap: 6, edge: 8, notch: 14, room: '--tip-room' };

  function start() {
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

    // Recorded before the click it leads to: a click from Enter has no
    // pointer, and a keyboard press forgets the last tap. Registered before
    // the tooltips, so it also comes before the shared Escape handling.
    document.addEventListener('keydown', function () {
      lastPointer = '';
    }, true);

    // The toggletip is nearer than any tooltip: Escape closes it first.
    M.onEscape(10, function () {
      if (!open) {
        return false;
      }

      closeToggletip(true);
      return true;
    });

    var tooltips = M.hoverable({
      boxOf: tipOf,
      layer: layer,
      within: essay,
      spacing: SPACING,
      showDelay: HOVER_DELAY,
      switchDelay: 0,
      hideGrace: HIDE_GRACE,
      aimRest: HOVER_DELAY,
      shownClass: 'is-tipped',
      escapeRank: 20,
      // A tap must not open a tooltip under its toggletip, nor focus put
      // back by closing one bring its tooltip up where the toggletip was.
      ignoreFocus: function () { return refocusing; },
      // Its definition is already on screen, in the toggletip; and the
      // reader may have switched terms off (settings.js).
      mayShow: function (term) { return M.markShown('terms') && !(open && open.term === term); },
    });

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
      tooltips.hide();
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
      M.place(toggletip, term, layer, SPACING);
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
      M.unplace(toggletip, SPACING);
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

    document.addEventListener('pointerdown', function (event) {
      lastPointer = event.pointerType || '';

      // A tap or click anywhere but the toggletip or its own term closes it.
      var target = event.target instanceof Node ? event.target : null;
      if (open && target && !toggletip.contains(target) && !open.term.contains(target)) {
        closeToggletip(false);
      }
    }, true);

    essay.addEventListener('click', function (event) {
      var term = termOf(event.target);
      if (!term || !M.markShown('terms') || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
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
    // an open toggletip follows its term (a tooltip is followed by the
    // popover itself).
    function placeToggletip() {
      if (open) {
        M.place(toggletip, open.term, layer, SPACING);
      }
    }

    window.addEventListener('resize', placeToggletip);
    if (window.ResizeObserver) {
      new ResizeObserver(placeToggletip).observe(essay);
    }

    // Paper has no hover: nothing stays open over the printed text.
    window.addEventListener('beforeprint', function () {
      closeToggletip(false);
    });
  }

  M.ready(start);
})();
