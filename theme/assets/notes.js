/*
  Marginalia — the reader's notes, improved where JavaScript runs.

  The page already works without this file: every note is a numbered endnote,
  linked there and back. This script only moves those same <li class="note">
  elements (a note's content exists once in the page; layouts move it, never
  copy it):

  - wide windows (the stylesheet's margin column, 64em = 1024px and up): into
    an <ol class="sidenotes"> after the paragraph that holds the note's marker,
    placed in the margin beside it in a compact form (its number, kind and
    first words) that opens in place; notes-margin.js decides each note's
    form and place so that every one stays beside its line;
  - narrow windows: into an <ol class="note-inline"> under the paragraph, when
    its marker is activated, and back to the endnotes when it is closed;
  - print: back to the endnotes, where paper wants them.

  What a reader does with the notes (clicks, Escape, focus, hover, lighting
  up a note with its passage) is in notes-events.js, which works on the notes
  through Marginalia.notes, set here; whether notes show at all is a reader
  setting (settings.js). A classic deferred script, like the others (see
  marginalia.js).
*/
(function () {
  'use strict';

  var M = window.Marginalia;
  var root = document.documentElement;

  // Must match the stylesheet's @media (min-width: 64em): media-query ems are
  // the browser's initial 16px, so this is 1024px whatever the root size.
  var wide = window.matchMedia('(min-width: 64em)');

  function start() {
    var essay = document.getElementById('essay');
    var body = essay && essay.querySelector('.essay-body');
    var endnotes = essay && essay.querySelector('.endnotes');
    var list = endnotes && endnotes.querySelector('.note-list');

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
      var id = M.noteId(li);
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

    function noteOf(element) {
      var li = element && element.closest ? element.closest('li.note') : null;
      return li ? byId.get(M.noteId(li)) || null : null;
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
        var other = byId.get(M.noteId(list.children[i]));
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
        var other = byId.get(M.noteId(group.children[i]));
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

    // ---------- Wide: sidenotes (notes-side.js) ----------

    var side = M.sidenotes({
      notes: notes,
      body: body,
      endnotes: endnotes,
      list: list,
      active: function () { return mode === 'side'; },
      enter: function (note) { insertInOrder(groupAfter(note.block, 'sidenotes'), note); },
      leave: returnToEndnotes,
    });
    var enterSidenotes = side.enter;
    var leaveSidenotes = side.leave;
    var fold = side.fold;
    var layout = side.layout;
    var queueLayout = side.queueLayout;

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

    // What notes-events.js needs to act on the notes: the layout in force
    // and the moves, never a second copy of the notes' state.
    M.notes = {
      essay: essay,
      list: list,
      byId: byId,
      noteOf: noteOf,
      mode: function () { return mode; },
      openInline: function () { return openInline; },
      fold: fold,
      layout: layout,
      openNote: openNote,
      closeInline: closeInline,
    };

    // The essay's height changes with its width and fonts; a note's with its
    // folding. Watching the body catches resizes, zoom and late fonts alike.
    // (The overhang is set as a margin, outside the observed box, so writing
    // it does not wake the observer again.) The margin is laid out in the
    // observer's callback itself: the browser runs it after laying out the
    // frame and before drawing it, so the notes move in the frame the text
    // moved in. Queued for the next frame instead, a Cite button that pushed a
    // paragraph's last word onto a new line (cite-button.js starts after this)
    // left the notes below it 30px above their markers for a frame.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { layout(true); }).observe(body);
    } else {
      window.addEventListener('resize', queueLayout);
    }

    // Fonts that finish loading later can move markers without resizing the
    // body. Listened for, not awaited: asking for document.fonts.ready makes
    // the browser compute every element's style there and then, in the middle
    // of the page's start-up (12 ms of it at 412px on a first load, measured
    // on a 2-core machine).
    if (document.fonts && document.fonts.addEventListener) {
      document.fonts.addEventListener('loadingdone', queueLayout);
    }

    wide.addEventListener('change', applyMode);
    window.addEventListener('beforeprint', enterPrint);
    window.addEventListener('afterprint', applyMode);

    root.addEventListener('notes-visibility', function () {
      if (M.notesHidden()) {
        openInline.slice().forEach(function (note) { closeInline(note, false); });
      } else {
        layout(true);
      }
    });

    applyMode();
  }

  M.ready(start);
})();
