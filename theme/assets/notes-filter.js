/*
  Marginalia — notes filtered by kind, on the reader and the notes page.

  The page writes one checkbox per kind it has, with its count, in a
  fieldset left hidden (partials/note-kinds.liquid): this script shows it
  and makes it work. The kinds a reader turns off are kept in localStorage
  under one key (marginalia:note-kinds, the hidden kinds' names separated by
  spaces, absent when every kind shows), through the settings' storage
  (settings.js, M.store), so the choice holds on both pages and across tabs.

  A note of a hidden kind takes the class note--filtered, and so do its
  marker and the comma before it; a passage whose every note is hidden
  loses its wash (note-mark--filtered). The stylesheet hides them on screen
  only: paper and the EPUB keep every note. Numbers stay as they are.

  On the reader this script runs before the notes' own (notes.js), so the
  first layout of the margin already leaves hidden notes out; a later
  change closes hidden notes opened under their paragraph and lays the
  margin out again (Marginalia.notes.layout), which measures only the notes
  still shown (notes-side.js). On the notes page a status line says how
  many notes show, and a section with none left is hidden with them.
*/
(function () {
  'use strict';

  var M = window.Marginalia;

  var KEY = 'marginalia:note-kinds';
  var FILTERED = 'note--filtered';
  var MARK_FILTERED = 'note-mark--filtered';

  // A note's kind is its class note--<kind> (note--context, note--fact-check).
  function ofHiddenKind(li, hidden) {
    return hidden.some(function (kind) { return li.classList.contains('note--' + kind); });
  }

  function hiddenKinds() {
    var value = M.store.read(KEY);
    return value ? value.split(' ').filter(Boolean) : [];
  }

  function each(root, selector, action) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), action);
  }

  // ---------- The reader ----------

  function applyToReader(essay, hidden) {
    var off = new Set();
    each(essay, 'li.note', function (li) {
      var filtered = ofHiddenKind(li, hidden);
      li.classList.toggle(FILTERED, filtered);
      if (filtered) {
        off.add(M.noteId(li));
      }
    });

    // Markers in reading order. The comma before a marker (NoteMarkers.cs
    // puts one between markers that touch) shows only when the marker shows
    // and an earlier marker of the same run does too, so "4,5,6" with 5
    // hidden reads "4,6", and with 4 hidden "5,6".
    var shownInRun = false;
    each(essay, 'a.note-ref', function (marker) {
      var filtered = off.has(M.noteId(marker));
      marker.classList.toggle(FILTERED, filtered);
      var comma = marker.previousElementSibling;
      var inRun = comma !== null && comma.classList.contains('note-ref-sep');
      if (inRun) {
        comma.classList.toggle(FILTERED, filtered || !shownInRun);
      } else {
        shownInRun = false;
      }

      shownInRun = shownInRun || !filtered;
    });

    each(essay, 'mark.note-mark[data-notes]', function (mark) {
      var ids = mark.getAttribute('data-notes').split(' ').filter(Boolean);
      mark.classList.toggle(MARK_FILTERED, ids.length > 0 && ids.every(function (id) { return off.has(id); }));
    });

    var endnotes = essay.querySelector('.endnotes');
    if (endnotes) {
      endnotes.classList.toggle('endnotes--filtered', endnotes.querySelector('li.note:not(.' + FILTERED + ')') === null);
    }

    var notes = M.notes;
    if (notes) {
      notes.openInline().slice().forEach(function (note) {
        if (note.li.classList.contains(FILTERED)) {
          notes.closeInline(note, false);
        }
      });
      notes.layout(true);
    }
  }

  // ---------- The notes page ----------

  function applyToNotesPage(page, status, hidden) {
    var shown = 0;
    var total = 0;
    each(page, '.notes-section:not(.notes-unanchored)', function (section) {
      var left = 0;
      each(section, 'li.note', function (li) {
        var filtered = ofHiddenKind(li, hidden);
        li.classList.toggle(FILTERED, filtered);
        total++;
        left += filtered ? 0 : 1;
      });
      section.classList.toggle('notes-section--filtered', left === 0);
      shown += left;
    });

    var text = shown === total
      ? 'Showing all ' + total + ' notes'
      : 'Showing ' + shown + ' of ' + total + (total === 1 ? ' note' : ' notes');
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  // ---------- The control ----------

  M.ready(function () {
    var fieldset = document.querySelector('fieldset.note-kinds');
    var essay = document.getElementById('essay');
    var page = document.querySelector('.notes-page');
    var status = page && page.querySelector('.notes-filter-status');

    function apply() {
      var hidden = hiddenKinds();
      if (essay) {
        applyToReader(essay, hidden);
      } else if (page && status) {
        applyToNotesPage(page, status, hidden);
      }
    }

    // A kind hidden on one page is hidden on the other, even where the
    // control is missing (a page with one kind): apply first.
    apply();
    if (!fieldset) {
      return;
    }

    var inputs = Array.prototype.slice.call(fieldset.querySelectorAll('input[name="note-kind"]'));

    function show() {
      var hidden = hiddenKinds();
      inputs.forEach(function (input) { input.checked = hidden.indexOf(input.value) < 0; });
    }

    fieldset.addEventListener('change', function (event) {
      var input = event.target;
      if (inputs.indexOf(input) < 0) {
        return;
      }

      // Kinds this page does not have keep their stored state.
      var hidden = hiddenKinds().filter(function (kind) { return kind !== input.value; });
      if (!input.checked) {
        hidden.push(input.value);
      }

      M.store.write(KEY, hidden.length > 0 ? hidden.sort().join(' ') : null);
      apply();
    });

    window.addEventListener('storage', function (event) {
      if (event.key === null || event.key === KEY) {
        show();
        apply();
      }
    });

    show();
    fieldset.hidden = false;
  });
})();
