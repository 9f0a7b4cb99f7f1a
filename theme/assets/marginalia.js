/*
  Marginalia — the namespace every page's scripts meet in: when to start,
  and the one Escape handler that closes the nearest open thing.

  The scripts are classic deferred scripts, not modules (modules do not load
  from file://), so they meet on window.Marginalia. This one comes first on
  every page; the rest follow in base.liquid's order (PageAssets), each
  starting its own part, so an error in one leaves the others running.
  It is split from popover.js because every page has the reader settings
  (settings.js), whose panel closes on Escape, and only the reader needs
  the popover.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  // Runs start once the document is parsed: after a deferred script (it runs
  // after parsing), on DOMContentLoaded for one inlined in the body (the
  // single-file edition), so every kind starts in the order of its file.
  // While the page loads, each start is a task of its own (timers of equal
  // delay, here none, run in the order they were set): a phone then answers
  // a tap between two starts instead of after all of them, and the first
  // load's longest task is shorter by the sum of them (Lighthouse's blocking
  // time, docs/performance-history.md). Scripts loaded later (the tools)
  // start at once.
  M.ready = function (start) {
    var state = document.readyState;
    if (state === 'complete') {
      start();
    } else if (state === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { setTimeout(start); });
    } else {
      setTimeout(start);
    }
  };

  // A note's id, read from where the markup names it once: a note's
  // <li id="note-ID"> or a marker's href="#note-ID" (no attribute repeats it,
  // which would cost every note and marker its id twice on the first load).
  M.noteId = function (element) {
    var match = /^#?note-(.+)$/.exec(element.getAttribute(element.localName === 'a' ? 'href' : 'id') || '');
    return match ? match[1] : null;
  };

  // ---------- Escape: one press closes one thing, the nearest ----------

  // One listener, captured at the document before any element's own, asks
  // each closer in rank order (lowest first) until one has something open.
  // A closer returns true when it closed something.
  var closers = [];

  M.onEscape = function (rank, close) {
    closers.push({ rank: rank, close: close });
    closers.sort(function (a, b) { return a.rank - b.rank; });
  };

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || event.defaultPrevented) {
      return;
    }

    for (var i = 0; i < closers.length; i++) {
      if (closers[i].close() === true) {
        event.preventDefault();
        return;
      }
    }
  }, true);

  // ---------- The reader's tools: loaded on first use ----------

  // What a reader does with a passage (suggest a note on a selection, cite
  // it) needs the essay's text and two dialogs' code, which most readers
  // never use: they come as one file, named on the element that has
  // data-tools, when a reader first selects words in the essay or presses
  // a Cite button. M.tools(done) calls done once they have run. With no
  // data-tools there is nothing to load (the single-file edition has them
  // inline already), and done is called at once.
  var tools = null; // null: not asked for; an array: waiting; true: loaded

  M.tools = function (done) {
    var holder = document.querySelector('[data-tools]');
    if (!holder || tools === true) {
      done();
      return;
    }

    if (tools) {
      tools.push(done);
      return;
    }

    tools = [done];
    var script = document.createElement('script');
    script.src = holder.getAttribute('data-tools');
    // A tick later: tools asked for while the page still loads queue their
    // starts (M.ready), which must run before anyone calls on them.
    script.onload = function () {
      setTimeout(function () {
        var waiting = tools;
        tools = true;
        waiting.forEach(function (call) { call(); });
      });
    };
    script.onerror = function () {
      tools = null; // asked for again on the next use
      script.remove();
    };
    document.head.appendChild(script);
  };

  // ---------- Search: loaded on first use ----------

  // The search's code comes when a reader first focuses a search box (or
  // presses "/"), not with the page: most readers never search. Its scripts
  // are listed on the form; classic scripts added in order run in order.
  function startSearch(form) {
    if (M.search) {
      M.search.attach(form);
      return;
    }

    if (form.searchLoading) {
      return;
    }

    form.searchLoading = true;
    var scripts = (form.getAttribute('data-search') || '').split(' ').filter(Boolean);
    scripts.forEach(function (src, i) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      if (i === scripts.length - 1) {
        script.onload = function () {
          if (M.search) {
            M.search.attach(form);
          }
        };
      }

      document.head.appendChild(script);
    });
  }

  document.addEventListener('focusin', function (event) {
    var form = event.target.closest && event.target.closest('form[data-search]');
    if (form) {
      startSearch(form);
    }
  });

  // "/" goes to the search box from anywhere but a field being typed in.
  document.addEventListener('keydown', function (event) {
    var at = event.target;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented ||
        at.closest && at.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) {
      return;
    }

    var box = document.querySelector('form[data-search] input[type="search"]');
    if (box) {
      event.preventDefault();
      box.focus();
    }
  });

  // The search page searches at once for the query in its address.
  M.ready(function () {
    var form = document.querySelector('form[data-search-page]');
    if (form) {
      startSearch(form);
    }
  });
})();
