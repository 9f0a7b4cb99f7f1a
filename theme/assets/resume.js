/*
  Marginalia — where the reader left off, on the reader page.

  While the reader reads, the place is kept in localStorage (through the
  settings' storage, M.store) under marginalia:position: the id of the
  topmost paragraph in view, how far into it the window's top is (0 to 1),
  and the essay's version (the hash of its text, data-essay-version on the
  article), so a corrected essay never sends anyone to a paragraph that
  changed or went. It stays in the browser: nothing is ever sent. Only
  places past the first screen are kept: a reader who has not gone further
  has nothing to come back to.

  A reader who opens the page again (not reloading it, which the browser
  already puts back where it was, nor following a link to a #fragment)
  with a kept place past the first screen is offered it in a quiet status
  at the top of the essay: "Continue" goes there and focuses the paragraph,
  lit for a moment; "Dismiss" takes the offer away for this visit. Nothing
  takes focus by itself. "Forget my place" in the settings panel clears the
  kept place.
*/
(function () {
  'use strict';

  var M = window.Marginalia;

  var KEY = 'marginalia:position';
  var SAVE_AFTER = 400;
  var LIT_FOR = 2000;
  var FIRST_WORDS = 8;

  // How the page was reached: a reload or a step back or forward restores
  // the scroll position by itself, so an offer would only repeat it.
  function restoredByBrowser() {
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation') : [];
    var type = entries.length > 0 ? entries[0].type : 'navigate';
    return type === 'reload' || type === 'back_forward';
  }

  M.ready(function () {
    var essay = document.getElementById('essay');
    var version = essay && essay.getAttribute('data-essay-version');
    var blocks = essay ? Array.prototype.slice.call(essay.querySelectorAll('.essay-section > p[id]')) : [];
    if (!version || blocks.length === 0) {
      return;
    }

    // ---------- The place ----------

    function kept() {
      var place;
      try {
        place = JSON.parse(M.store.read(KEY) || 'null');
      } catch (error) {
        return null;
      }

      var block = place && place.version === version && typeof place.id === 'string' ? document.getElementById(place.id) : null;
      if (!block || blocks.indexOf(block) < 0 || typeof place.fraction !== 'number') {
        return null;
      }

      return { block: block, fraction: Math.min(1, Math.max(0, place.fraction)) };
    }

    function pageTop(place) {
      var box = place.block.getBoundingClientRect();
      return box.top + window.scrollY + place.fraction * box.height;
    }

    // The topmost paragraph in view: the first whose end is below the
    // window's top.
    function here() {
      for (var i = 0; i < blocks.length; i++) {
        var box = blocks[i].getBoundingClientRect();
        if (box.bottom > 0) {
          return { block: blocks[i], fraction: box.height > 0 ? Math.min(1, Math.max(0, -box.top / box.height)) : 0 };
        }
      }

      return null;
    }

    function save() {
      if (window.scrollY < window.innerHeight) {
        return;
      }

      var place = here();
      if (place) {
        M.store.write(KEY, JSON.stringify({ version: version, id: place.block.id, fraction: Math.round(place.fraction * 1000) / 1000 }));
      }
    }

    var saveTimer = 0;
    window.addEventListener('scroll', function () {
      if (!saveTimer) {
        saveTimer = window.setTimeout(function () {
          saveTimer = 0;
          save();
        }, SAVE_AFTER);
      }
    }, { passive: true });

    // ---------- Forget my place (the settings panel) ----------

    var forget = document.querySelector('.resume-forget');
    var forgotten = document.querySelector('.resume-forgotten');
    if (forget) {
      forget.addEventListener('click', function () {
        window.clearTimeout(saveTimer);
        saveTimer = 0;
        M.store.write(KEY, null);
        withdraw();
        if (forgotten) {
          forgotten.textContent = 'Forgotten.';
        }
      });
      forget.closest('fieldset').hidden = false;
    }

    // ---------- The offer ----------

    var holder = essay.querySelector('.resume');
    var status = holder && holder.querySelector('.resume-text');
    var buttons = null;

    function withdraw() {
      if (buttons) {
        buttons.remove();
        buttons = null;
      }

      if (status) {
        status.textContent = '';
      }

      if (holder) {
        holder.classList.remove('resume--offered');
      }
    }

    function firstWords(block) {
      var copy = block.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('.note-ref, .note-ref-sep, .permalink'), function (element) {
        element.remove();
      });
      var words = copy.textContent.trim().split(/\s+/);
      return words.slice(0, FIRST_WORDS).join(' ') + '…';
    }

    function button(label, action) {
      var element = document.createElement('button');
      element.type = 'button';
      element.textContent = label;
      element.addEventListener('click', action);
      return element;
    }

    function go(place) {
      withdraw();
      window.scrollTo({ top: pageTop(place), behavior: 'instant' });
      var block = place.block;
      block.setAttribute('tabindex', '-1');
      block.focus({ preventScroll: true });
      block.classList.add('resume-target');
      window.setTimeout(function () { block.classList.remove('resume-target'); }, LIT_FOR);
      block.addEventListener('blur', function () { block.removeAttribute('tabindex'); }, { once: true });
    }

    var place = kept();
    if (!holder || !status || !place || window.location.hash.length > 1 || restoredByBrowser() ||
        pageTop(place) < window.innerHeight || window.scrollY >= window.innerHeight) {
      return;
    }

    buttons = document.createElement('span');
    buttons.className = 'resume-actions';
    buttons.append(
      button('Continue', function () { go(place); }),
      ' ',
      button('Dismiss', function () {
        withdraw();
        essay.focus({ preventScroll: true });
      }));
    holder.classList.add('resume--offered');
    holder.append(buttons);

    // Written into the status region already in the page, a moment later,
    // so a screen reader announces it politely.
    window.setTimeout(function () {
      if (buttons) {
        status.textContent = 'Continue where you left off: ‘' + firstWords(place.block) + '’';
      }
    }, 50);
  });
})();
