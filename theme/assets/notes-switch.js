/*
  Marginalia — the "Hide notes" switch, where JavaScript runs.

  Without this file the switch stays hidden and every note is shown. With it
  the switch puts the class notes-hidden on <html> (the stylesheet hides the
  notes' markers, marks and notes), keeps the choice in localStorage, and
  tells the notes' layout with a "notes-visibility" event on <html>. The
  class goes on as soon as this deferred script runs, before the page is
  interactive (a reader who hid the notes may see their markers for the
  first frame: the price of not blocking every reader's first render).
*/
(function () {
  'use strict';

  var M = window.Marginalia;
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

  // Whether the reader has hidden the notes, for the notes' own scripts.
  M.notesHidden = function () {
    return root.classList.contains(HIDDEN_CLASS);
  };

  M.ready(function () {
    var essay = document.getElementById('essay');
    var toggle = essay && essay.querySelector('.notes-toggle');
    if (toggle) {
      setUpToggle(toggle);
    }
  });
})();
