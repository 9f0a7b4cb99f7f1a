/*
  Search: the box in every page's header and its results (and the search
  page's), over search-engine.js. Loaded with it on first use. Arrow keys
  move through the results, Enter follows one, Escape closes them; a result
  the reader page shows opens in place there.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};
  var E = M.searchEngine;

  // The most results listed; the count says how many there are in all.
  var LIMIT = 30;

  // ---------- Going to a result ----------

  var lit = null;

  // On the reader, a result it shows is opened in place: the paragraph
  // scrolled to, the note opened where the layout shows notes; either is
  // highlighted and focused, and the address names it for sharing.
  function go(target) {
    var element = document.getElementById(target);
    if (!element || !document.querySelector('.essay-body')) {
      return false;
    }

    var notes = M.notes;
    var note = notes && element.matches('li.note') ? notes.byId.get(M.noteId(element)) : null;
    if (note && document.documentElement.classList.contains('notes-hidden')) {
      return false;
    }

    if (note && notes.mode() === 'side') {
      notes.fold(note, false);
      notes.layout();
    } else if (note && notes.mode() === 'inline') {
      if (notes.openInline().indexOf(note) < 0) {
        notes.openNote(note);
      }
    }

    if (lit) {
      lit.classList.remove('search-hit');
    }

    lit = element;
    element.classList.add('search-hit');
    if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT)$/.test(element.tagName)) {
      element.setAttribute('tabindex', '-1');
    }

    history.replaceState(history.state, '', '#' + target);
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
    return true;
  }

  // ---------- The box and its results ----------

  function attach(form) {
    if (form.searchAttached) {
      return;
    }

    form.searchAttached = true;
    var input = form.querySelector('input[type="search"]');
    var page = form.hasAttribute('data-search-page');
    var root = form.getAttribute('data-search-root') || '';
    var status = document.getElementById(form.getAttribute('data-search-status'));
    var panel = page ? document.getElementById(form.getAttribute('data-search-results')) : makePanel(form);
    var list = panel.querySelector('ol');
    var timer = 0;
    var last = null;

    E.onFailure(function () {
      say('The search could not load its index.');
    });

    function say(text) {
      // A live region is read when its text changes: clear it first so the
      // same count for a new query is announced too.
      status.textContent = '';
      window.setTimeout(function () { status.textContent = text; }, 30);
    }

    function open(on) {
      if (!page) {
        panel.hidden = !on;
      }
    }

    function run() {
      var query = input.value;
      if (query === last) {
        return;
      }

      last = query;
      if (page) {
        var address = new URL(location.href);
        address.searchParams.set('q', query);
        history.replaceState(history.state, '', address.search ? address.pathname + address.search : address.pathname);
      }

      if (!query.trim()) {
        list.textContent = '';
        status.textContent = '';
        open(false);
        return;
      }

      E.whenLoaded(form, function () {
        if (input.value !== query) {
          return;
        }

        // Marked for the browser's performance tools, and the benchmark
        // (tests/Marginalia.Benchmarks, --search): query to results drawn.
        performance.mark('search-start');
        render(query, E.query(query));
        performance.measure('search-answer', 'search-start');
      });
    }

    function render(query, found) {
      var wanted = new Set(found.terms);
      list.textContent = '';
      list.setAttribute('data-query', query);
      found.results.slice(0, LIMIT).forEach(function (result) {
        var entry = E.entry(result.entry);
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.className = 'search-result';
        link.href = root + entry[2];
        if (entry[3]) {
          link.setAttribute('data-target', entry[3]);
        }

        var kind = document.createElement('span');
        kind.className = 'search-kind';
        kind.textContent = E.kind(entry[0]);
        var title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = entry[1];
        var text = document.createElement('span');
        text.className = 'search-snippet';
        text.appendChild(E.snippet(entry[4], wanted));
        link.appendChild(kind);
        link.appendChild(document.createTextNode(' '));
        link.appendChild(title);
        link.appendChild(document.createTextNode(' '));
        link.appendChild(text);
        item.appendChild(link);
        list.appendChild(item);
      });

      var count = found.results.length;
      var shown = Math.min(count, LIMIT);
      var words = count === 1 ? '1 result' : count + ' results';
      say(count === 0
        ? 'No results for “' + query.trim() + '”.'
        : (found.partial ? 'No entry has every word; ' + words + ' with some of them' : words) +
          (shown < count ? ', the best ' + shown + ' shown.' : '.'));
      open(true);
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll('a.search-result'));
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 60);
    });

    input.addEventListener('focus', function () {
      if (input.value.trim() && list.firstChild) {
        open(true);
      }
    });

    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && links().length) {
        event.preventDefault();
        open(true);
        links()[0].focus();
      }
    });

    list.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at < 0) {
        return;
      }

      var to = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1
        : event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : null;
      if (to === null) {
        return;
      }

      event.preventDefault();
      if (to < 0) {
        input.focus();
      } else if (to < all.length) {
        all[to].focus();
      }
    });

    list.addEventListener('click', function (event) {
      var link = event.target.closest('a.search-result');
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
        return;
      }

      var target = link.getAttribute('data-target');
      if (target && go(target)) {
        event.preventDefault();
        open(false);
      }
    });

    // Escape closes the results and leaves the reader in the box.
    M.onEscape(40, function () {
      if (page || panel.hidden || !form.contains(document.activeElement) && !panel.contains(document.activeElement)) {
        return false;
      }

      open(false);
      input.focus();
      return true;
    });

    // The panel closes when focus or a click goes elsewhere.
    document.addEventListener('pointerdown', function (event) {
      if (!form.contains(event.target) && !panel.contains(event.target)) {
        open(false);
      }
    });
    form.addEventListener('focusout', function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget) && !panel.contains(event.relatedTarget)) {
        open(false);
      }
    });

    // Enter in the header's box goes to the search page with every result
    // (the form's own submission, so it works wherever the page is); on the
    // search page it searches in place.
    form.addEventListener('submit', function (event) {
      if (page) {
        event.preventDefault();
        window.clearTimeout(timer);
        run();
      }
    });

    if (page) {
      var query = new URLSearchParams(location.search).get('q');
      if (query) {
        input.value = query;
      }
    }

    E.whenLoaded(form, function () {});
    if (input.value.trim()) {
      run();
    }
  }

  // The header's results: a panel after the form, inside the header so the
  // Tab order goes box, results, rest of the page.
  function makePanel(form) {
    var panel = document.createElement('div');
    panel.className = 'search-panel';
    panel.id = form.id + '-results';
    panel.hidden = true;
    var list = document.createElement('ol');
    list.className = 'search-results';
    list.setAttribute('aria-label', 'Search results');
    panel.appendChild(document.getElementById(form.getAttribute('data-search-status')));
    panel.appendChild(list);
    form.appendChild(panel);
    var input = form.querySelector('input[type="search"]');
    input.setAttribute('aria-controls', panel.id);
    return panel;
  }

  M.search = {
    attach: attach,
    query: E.query,
    go: go,
    get size() { return E.size; },
  };
})();
