/*
  Marginalia — the notes in the margin, on wide windows, where JavaScript runs.

  notes.js owns the notes and moves them between places; when the window is
  wide it hands them here (Marginalia.sidenotes): each goes into the
  <ol class="sidenotes"> after its paragraph, folded to its compact form,
  with a button that opens it in place. Here the page is measured and
  written; notes-margin.js decides the forms and places from the figures.
*/
(function () {
  'use strict';

  var M = window.Marginalia;
  var root = document.documentElement;

  // Must match the stylesheet's second margin, @media (min-width: 110em).
  var wideTwo = window.matchMedia('(min-width: 110em)');

  // context: the notes, the essay's body, the endnotes and their list, and
  // from notes.js whether the margin is the layout in force and how a note
  // enters the margin and leaves it.
  M.sidenotes = function (context) {
    var notes = context.notes;
    var body = context.body;
    var endnotes = context.endnotes;
    var list = context.list;
    var layoutQueued = false;

    // The groups of notes whose markers share a line, with each list's top,
    // as the last full layout measured them: opening or closing a note moves
    // neither the markers nor the lists, so it reuses them.
    var groups = [];
    var origins = new Map();
    var marginWidth = 0;

    function enterSidenotes() {
      notes.forEach(function (note) {
        context.enter(note);

        // The compact forms' heights and chips' widths (measureForms), and
        // what was last written, so a layout writes only what moved.
        note.heights = [0, 0, 0, 0];
        note.widths = [0, 0];
        note.written = {};

        // Focus target for a marker's link, so the note is read next.
        note.li.tabIndex = -1;
        fold(note, true);
      });

      endnotes.hidden = list.children.length === 0;
      root.classList.add('has-sidenotes');
      layout(true);
    }

    function leaveSidenotes() {
      notes.forEach(function (note) {
        context.leave(note);
        note.li.removeAttribute('tabindex');
        note.li.removeAttribute('data-fit');
        note.li.classList.remove('note--folded', 'note--before');
        note.li.style.top = '';
        note.li.style.removeProperty('--dx');
        if (note.fold) {
          note.fold.remove();
          note.fold = null;
        }
      });

      body.style.marginBlockEnd = '';
      groups = [];
      root.classList.remove('has-sidenotes');
    }

    // A folded sidenote shows its compact form; the whole note (its sources
    // and credits too) waits behind a disclosure button that covers it.
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

    function isShown(note) {
      return !note.li.classList.contains('note--filtered');
    }

    function isOpen(note) {
      return !note.li.classList.contains('note--folded');
    }

    // Every compact form's height, and a chip's width, one pass per form so
    // the page lays out four times, not once per note. An open note is
    // folded for the measure and opened again before anything is painted.
    function measureForms(shown) {
      var open = shown.filter(isOpen);
      open.forEach(function (note) { note.li.classList.add('note--folded'); });
      [3, 2, 1, 0].forEach(function (level) {
        shown.forEach(function (note) { note.li.setAttribute('data-fit', level); });
        shown.forEach(function (note) {
          note.heights[level] = note.li.offsetHeight;
          if (level <= 1) {
            note.widths[level] = note.li.offsetWidth;
          }
        });
      });

      marginWidth = measureMargin(shown[0]);
      open.forEach(function (note) { note.li.classList.remove('note--folded'); });
      shown.forEach(function (note) { note.written.fit = undefined; });
    }

    // The margin's width: a note with words is exactly as wide.
    function measureMargin(note) {
      note.li.setAttribute('data-fit', 3);
      return note.li.offsetWidth;
    }

    // The markers' lines, in reading order; notes whose markers share one
    // (within a few pixels: superscripts of one line sit alike) are a group.
    function groupByLine(shown) {
      var scroll = window.scrollY;
      var made = [];
      shown.forEach(function (note) {
        var top = note.marker.getBoundingClientRect().top + scroll;
        var last = made[made.length - 1];
        if (last && Math.abs(top - last.want) < 4) {
          last.notes.push({ note: note, heights: note.heights, widths: note.widths, open: 0 });
        } else {
          made.push({ want: top, notes: [{ note: note, heights: note.heights, widths: note.widths, open: 0 }], side: 0, level: 3 });
        }
      });

      origins = new Map();
      shown.forEach(function (note) {
        var listElement = note.li.parentElement;
        if (!origins.has(listElement)) {
          origins.set(listElement, listElement.getBoundingClientRect().top + scroll);
        }
      });

      return made;
    }

    /*
      refit (a first layout, a new width, new fonts): measure every form and
      every line, and let notes-margin.js choose forms and places. Otherwise
      (a note opened or closed): measure only the open notes and move what
      the change moves. Everything is measured before anything is written, so
      the page lays out once per pass.
    */
    function layout(refit) {
      if (!context.active() || M.notesHidden()) {
        return;
      }

      // Notes of a kind the reader filtered out (notes-filter.js) take no
      // room: only the notes shown are measured, grouped and placed.
      var shown = notes.filter(isShown);
      if (shown.length === 0) {
        groups = [];
        body.style.marginBlockEnd = '';
        return;
      }

      var font = parseFloat(getComputedStyle(root).fontSize);
      var fresh = refit || groups.length === 0;
      if (fresh) {
        measureForms(shown);
        groups = groupByLine(shown);
      }

      groups.forEach(function (group) {
        group.notes.forEach(function (entry) {
          entry.open = isOpen(entry.note) ? entry.note.li.offsetHeight : 0;
        });
      });

      var end = body.getBoundingClientRect().bottom + window.scrollY;
      M.marginLayout(groups, {
        gap: font * 0.3,
        inner: font * 0.2,
        limit: font * 1.1,
        end: end,
        width: marginWidth,
        sides: wideTwo.matches ? 2 : 1,
      }, fresh);

      var bottom = -Infinity;
      groups.forEach(function (group) {
        group.notes.forEach(function (entry) {
          write(entry.note, {
            top: Math.round(entry.top - origins.get(entry.note.li.parentElement)),
            dx: Math.round(entry.dx),
            fit: group.level,
            before: group.side === 1,
          });
          bottom = Math.max(bottom, entry.top + (entry.open || entry.heights[group.level]));
        });
      });

      var overhang = bottom - end;
      body.style.marginBlockEnd = overhang > 0 ? Math.ceil(overhang) + 'px' : '';
    }

    function write(note, place) {
      var was = note.written;
      if (was.top !== place.top) {
        note.li.style.top = place.top + 'px';
      }

      if (was.dx !== place.dx) {
        note.li.style.setProperty('--dx', place.dx + 'px');
      }

      if (was.fit !== place.fit) {
        note.li.setAttribute('data-fit', place.fit);
      }

      if (was.before !== place.before) {
        note.li.classList.toggle('note--before', place.before);
      }

      note.written = place;
    }

    function queueLayout() {
      if (layoutQueued) {
        return;
      }

      layoutQueued = true;
      window.requestAnimationFrame(function () {
        layoutQueued = false;
        layout(true);
      });
    }

    wideTwo.addEventListener('change', queueLayout);

    return {
      enter: enterSidenotes,
      leave: leaveSidenotes,
      fold: fold,
      layout: layout,
      queueLayout: queueLayout,
    };
  };
})();
