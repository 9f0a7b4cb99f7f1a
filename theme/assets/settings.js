/*
  Marginalia — the reader settings, where JavaScript runs: theme, text size
  and, on the reader, which marks show in the essay.

  Each setting is kept in localStorage and applied to <html>, where the
  stylesheets read it:

  - theme: data-theme="light" or "dark"; no attribute follows the system
    (key marginalia:theme);
  - text size: data-text-size="smaller", "larger" or "largest", a factor on
    the root size, which still steps up with the window; no attribute is the
    default (key marginalia:text-size);
  - marks: the classes notes-hidden, terms-hidden, mentions-hidden (keys
    marginalia:notes, marginalia:terms, marginalia:mentions, each "hidden"
    or absent). Notes keep the contract of the old "Hide notes" switch: the
    same key and class, M.notesHidden(), and a "notes-visibility" event on
    <html> for the notes' layout (notes.js).

  Without this file the control keeps its hidden attribute and the page
  follows the system's theme at the default size with every mark shown.
  Settings go on as soon as this deferred script runs, before the page is
  interactive: a reader who chose dark on a light system may see one light
  frame. A blocking script in the head would avoid that, at the price of
  holding up every reader's first render, and the site's policy allows no
  inline script.
*/
(function () {
  'use strict';

  var M = window.Marginalia;
  var root = document.documentElement;

  var THEME_KEY = 'marginalia:theme';
  var SIZE_KEY = 'marginalia:text-size';
  var THEMES = ['light', 'dark'];
  var SIZES = ['smaller', 'larger', 'largest'];

  // Marks the reader can switch off, by the checkbox value that names them.
  // links: what loses its link look and leaves the Tab order when hidden.
  var MARKS = {
    notes: { key: 'marginalia:notes', hiddenClass: 'notes-hidden' },
    terms: { key: 'marginalia:terms', hiddenClass: 'terms-hidden', links: 'a.term' },
    mentions: { key: 'marginalia:mentions', hiddenClass: 'mentions-hidden', links: 'a.mention' },
  };

  // Storage can be missing or throw (privacy modes, file:// in some browsers,
  // a full quota); a setting then lasts for this page only, which is fine:
  // it is kept here in memory instead.
  var memory = {};

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    }
  }

  function write(key, value) {
    memory[key] = value;
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (error) {
      // Not kept: see read.
    }
  }

  // The same storage for the reader's other kept choices (the filter by
  // kind, notes-filter.js; the reading position, resume.js), so they fail
  // as softly as these.
  M.store = { read: read, write: write };

  // A stored value the stylesheet does not know (an older or newer version
  // of the site) counts as the default.
  function stored(key, known) {
    var value = read(key);
    return known.indexOf(value) >= 0 ? value : null;
  }

  function applyAttribute(name, value) {
    if (value) {
      root.setAttribute(name, value);
    } else {
      root.removeAttribute(name);
    }
  }

  function markHidden(name) {
    return read(MARKS[name].key) === 'hidden';
  }

  // A hidden term or mention reads as plain text (the stylesheet takes its
  // underline, colour and pointer events) and leaves the Tab order here.
  // It is still a link in the accessibility tree: a screen reader may still
  // list it and follow it to its entry or page, which does no harm, and
  // taking its role away would mean rewriting the essay's markup.
  var savedTabIndex = new Map();

  function setLinksOut(selector, out) {
    var essay = document.getElementById('essay');
    if (!essay) {
      return;
    }

    Array.prototype.forEach.call(essay.querySelectorAll(selector), function (link) {
      if (out && !savedTabIndex.has(link)) {
        savedTabIndex.set(link, link.getAttribute('tabindex'));
        link.setAttribute('tabindex', '-1');
      } else if (!out && savedTabIndex.has(link)) {
        var before = savedTabIndex.get(link);
        savedTabIndex.delete(link);
        if (before === null) {
          link.removeAttribute('tabindex');
        } else {
          link.setAttribute('tabindex', before);
        }
      }
    });
  }

  function applyMark(name) {
    var mark = MARKS[name];
    var hidden = markHidden(name);
    var changed = root.classList.contains(mark.hiddenClass) !== hidden;
    root.classList.toggle(mark.hiddenClass, hidden);
    if (mark.links) {
      setLinksOut(mark.links, hidden);
    }

    if (changed && name === 'notes') {
      root.dispatchEvent(new CustomEvent('notes-visibility'));
    }
  }

  function applyAll() {
    applyAttribute('data-theme', stored(THEME_KEY, THEMES));
    applyAttribute('data-text-size', stored(SIZE_KEY, SIZES));
    Object.keys(MARKS).forEach(applyMark);
  }

  // Theme and size now: the page's own elements come later (M.ready), but
  // <html> is already there.
  applyAttribute('data-theme', stored(THEME_KEY, THEMES));
  applyAttribute('data-text-size', stored(SIZE_KEY, SIZES));
  if (markHidden('notes')) {
    root.classList.add(MARKS.notes.hiddenClass);
  }

  // Whether the reader has hidden the notes, for the notes' own scripts.
  M.notesHidden = function () {
    return root.classList.contains(MARKS.notes.hiddenClass);
  };

  // Whether a kind of mark shows: terms.js and cards.js open nothing for a
  // hidden one, even if something focuses it.
  M.markShown = function (name) {
    return !(MARKS[name] && root.classList.contains(MARKS[name].hiddenClass));
  };

  // ---------- The control ----------

  function setUpControl(control) {
    var button = control.querySelector('.settings-toggle');
    var panel = button && document.getElementById(button.getAttribute('aria-controls'));
    if (!panel) {
      return;
    }

    function inputs(name) {
      return Array.prototype.slice.call(panel.querySelectorAll('input[name="' + name + '"]'));
    }

    // The inputs say what is applied, including what another tab changed.
    function show() {
      var theme = stored(THEME_KEY, THEMES) || 'system';
      var size = stored(SIZE_KEY, SIZES) || 'default';
      inputs('settings-theme').forEach(function (input) { input.checked = input.value === theme; });
      inputs('settings-text-size').forEach(function (input) { input.checked = input.value === size; });
      inputs('settings-mark').forEach(function (input) {
        input.checked = MARKS[input.value] ? !markHidden(input.value) : true;
      });
    }

    function setOpen(open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      panel.hidden = !open;
    }

    button.addEventListener('click', function () {
      setOpen(panel.hidden);
      // Opened near the window's foot (a phone, the reader's controls low
      // on the first screen), the panel would hang below it: bring it in.
      if (!panel.hidden) {
        panel.scrollIntoView({ block: 'nearest' });
      }
    });

    panel.addEventListener('change', function (event) {
      var input = event.target;
      if (input.name === 'settings-theme') {
        write(THEME_KEY, THEMES.indexOf(input.value) >= 0 ? input.value : null);
      } else if (input.name === 'settings-text-size') {
        write(SIZE_KEY, SIZES.indexOf(input.value) >= 0 ? input.value : null);
      } else if (input.name === 'settings-mark' && MARKS[input.value]) {
        write(MARKS[input.value].key, input.checked ? null : 'hidden');
      } else {
        return;
      }

      applyAll();
    });

    // The panel is the nearest thing open after a popover and before a note
    // (notes-events.js, 90): Escape closes it and gives focus back to the
    // button when focus was in it.
    M.onEscape(40, function () {
      if (panel.hidden) {
        return false;
      }

      var hadFocus = control.contains(document.activeElement);
      setOpen(false);
      if (hadFocus) {
        button.focus();
      }

      return true;
    });

    // A press or focus anywhere else closes the panel, so it never stays
    // over the text the reader went back to.
    document.addEventListener('pointerdown', function (event) {
      if (!panel.hidden && event.target instanceof Node && !control.contains(event.target)) {
        setOpen(false);
      }
    }, true);

    document.addEventListener('focusin', function (event) {
      if (!panel.hidden && event.target instanceof Node && !control.contains(event.target)) {
        setOpen(false);
      }
    });

    // Another tab of the site changed a setting: follow it.
    window.addEventListener('storage', function (event) {
      if (event.key === null || event.key === THEME_KEY || event.key === SIZE_KEY ||
          Object.keys(MARKS).some(function (name) { return MARKS[name].key === event.key; })) {
        applyAll();
        show();
      }
    });

    show();
    control.hidden = false;
  }

  M.ready(function () {
    // Terms and mentions are in the page now: take hidden ones out of the
    // Tab order.
    applyAll();
    var control = document.querySelector('.settings');
    if (control) {
      setUpControl(control);
    }
  });
})();
