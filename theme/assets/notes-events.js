/*
  Marginalia — what a reader does with the notes, where JavaScript runs.

  notes.js has moved the notes beside or under their paragraphs and set
  Marginalia.notes; this script answers the reader there:

  - a marker opens its note (under the paragraph in a narrow window, in full
    beside it in a wide one), and a note's number leads back to its marker;
  - a mouse resting on a compact sidenote opens it in place, and leaving it
    folds it again (hover intent; a click keeps it open);
  - Escape closes or folds the note in hand, after any tooltip, toggletip or
    card (popover.js ranks the closers: one Escape closes one thing);
  - focus reaching a folded note's hidden lines unfolds it;
  - pointing at or focusing a passage, its marker or its note lights up the
    others;
  - an address naming a note goes to where the note is now.
*/
(function () {
  'use strict';

  var M = window.Marginalia;

  function start() {
    var notes = M.notes;
    if (!notes) {
      return;
    }

    var essay = notes.essay;
    var list = notes.list;
    var byId = notes.byId;
    var noteOf = notes.noteOf;
    var fold = notes.fold;
    var layout = notes.layout;

    function reveal(element) {
      var box = element.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight - 40) {
        element.scrollIntoView({ block: 'center' });
      }
    }

    essay.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var marker = target && target.closest('a.note-ref');
      var note = marker && byId.get(M.noteId(marker));
      if (note && !M.notesHidden()) {
        if (notes.mode() === 'inline') {
          event.preventDefault();
          if (notes.openInline().indexOf(note) >= 0) {
            notes.closeInline(note, true);
          } else {
            notes.openNote(note);
          }
        } else if (notes.mode() === 'side') {
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

    // Ranked after the popovers: they float over the text, nearer than any
    // note, so an Escape goes to them first.
    M.onEscape(90, function () {
      if (M.notesHidden()) {
        return false;
      }

      var active = document.activeElement;
      var focused = noteOf(active) ||
        (active && active.matches('a.note-ref') ? byId.get(M.noteId(active)) : null);
      var open = notes.openInline();

      if (notes.mode() === 'inline' && open.length > 0) {
        notes.closeInline(focused && open.indexOf(focused) >= 0 ? focused : open[open.length - 1], true);
        return true;
      }

      if (notes.mode() === 'side' && focused && !focused.li.classList.contains('note--folded')) {
        fold(focused, true);
        layout();
        focused.marker.focus({ preventScroll: true });
        reveal(focused.marker);
        return true;
      }

      return false;
    });

    // A link or control hidden in a folded note's cut-off lines must not take
    // focus unseen: reaching it unfolds the note.
    essay.addEventListener('focusin', function (event) {
      var note = notes.mode() === 'side' ? noteOf(event.target) : null;
      if (note && note.li.classList.contains('note--folded') &&
          event.target !== note.li && !event.target.closest('.note-head')) {
        fold(note, false);
        layout();
      }
    });

    // Hover intent: a mouse that rests on a compact sidenote (not one passing
    // over it on the way elsewhere) opens it; leaving it, for long enough to
    // not be a slip, folds it again, unless a click or a key made it stay.
    // The open note covers the place the pointer rests on, so it can be read
    // and its links followed (WCAG 1.4.13), and Escape folds it.
    var OPEN_AFTER = 350;
    var CLOSE_AFTER = 300;
    var hovered = null;
    var hoverTimer = 0;

    function sidenoteUnder(event) {
      if (notes.mode() !== 'side' || event.pointerType !== 'mouse' || M.notesHidden()) {
        return null;
      }

      var target = event.target instanceof Element ? event.target : null;
      var li = target && target.closest('.sidenotes > li.note');
      return li ? noteOf(li) : null;
    }

    // Folds the note hover opened, if any; it stays the note under the pointer.
    function foldHoverOpened() {
      if (hovered && hovered.hoverOpened) {
        hovered.hoverOpened = false;
        fold(hovered, true);
        layout();
      }
    }

    function foldHovered() {
      foldHoverOpened();
      hovered = null;
    }

    essay.addEventListener('pointerover', function (event) {
      var note = sidenoteUnder(event);
      if (!note || note === hovered) {
        return;
      }

      window.clearTimeout(hoverTimer);
      foldHovered();
      hovered = note;
      if (note.li.classList.contains('note--folded')) {
        hoverTimer = window.setTimeout(function () {
          if (hovered === note && note.li.classList.contains('note--folded')) {
            fold(note, false);
            note.hoverOpened = true;
            layout();
          }
        }, OPEN_AFTER);
      }
    });

    essay.addEventListener('pointerout', function (event) {
      var note = sidenoteUnder(event);
      var into = event.relatedTarget instanceof Element ? event.relatedTarget.closest('li.note') : null;
      if (!note || note !== hovered || into === note.li) {
        return;
      }

      window.clearTimeout(hoverTimer);
      hoverTimer = window.setTimeout(foldHovered, note.hoverOpened ? CLOSE_AFTER : 0);
    });

    // A press in a note settles what hover had in mind: the reader's own
    // click opens or folds it, so a pending hover-open is dropped (or it
    // would reopen the note they just folded), and a note hover had opened
    // becomes theirs, open until they fold it.
    essay.addEventListener('pointerdown', function (event) {
      var note = sidenoteUnder(event);
      if (note && note === hovered) {
        window.clearTimeout(hoverTimer);
      }

      if (note && note.hoverOpened && !event.target.closest('.note-fold')) {
        note.hoverOpened = false;
      }
    });

    // Escape folds the note hover opened, and it stays the note under the
    // pointer: dismissed, it opens again only once the pointer has left it
    // and come back (WCAG 1.4.13). Forgetting it here let the very next
    // pointerover inside it (the fold button it now shows, under a pointer
    // that has not moved) start the timer that reopened it.
    M.onEscape(80, function () {
      if (hovered && hovered.hoverOpened) {
        window.clearTimeout(hoverTimer);
        foldHoverOpened();
        return true;
      }

      return false;
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
      var note = marker ? byId.get(M.noteId(marker)) : noteOf(target);
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

    // The browser may have scrolled to a note's old place among the endnotes
    // before it moved; go to where it is now.
    var target = null;
    try {
      target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch (error) {
      // A malformed %-escape in the address names nothing here.
    }

    var targeted = target ? noteOf(target) : null;
    if (targeted && notes.mode() === 'side') {
      fold(targeted, false);
      layout();
      targeted.li.scrollIntoView();
    }
  }

  M.ready(start);
})();
