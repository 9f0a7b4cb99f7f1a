/*
  Marginalia — preview cards for the initiatives the essay mentions, where
  JavaScript runs.

  Without this file a mention is a plain link to the initiative's page, and
  that stays true with it: a click, a tap or Enter still follows the link.
  What the script adds is a look before the leap. Each mention's
  aria-describedby names a card (name, facts, summary) that the page already
  holds in a hidden layer at the end of the essay: inside its landmark, never
  inside the link (there it would become part of the link's name), and never
  fetched, so it works from file:// too. The script shows that layer and,
  one at a time, places a card beside its mention:

  - a mouse or pen resting on a mention shows its card after HOVER_DELAY, so
    a pointer crossing the text does not set cards flashing; once one is
    open, the next mention shows its own sooner (SWITCH_DELAY);
  - keyboard focus shows it at once; Escape hides it and leaves focus on the
    mention, and it stays hidden until pointer and focus have left;
  - the pointer may travel onto the card (to read it, or to use its "Read
    more" link) and it stays; it goes a moment after pointer and focus have
    both left (WCAG 1.4.13: dismissible, hoverable, persistent).

  Touch gets no card: a tap follows the link, as a tap on any link does. The
  card is a preview of a page one tap away, so a tap that opened it instead
  would make every mention a two-tap link, and the page it opens holds more
  than the card and leads straight back to the paragraph.

  A classic deferred script, not a module: modules do not load from file://.
  It touches nothing of reader.js's (notes, glossary terms) and runs whether
  or not that has.
*/
(function () {
  'use strict';

  // Long enough that a pointer on its way somewhere else does not open a
  // card, short enough that resting on a name feels answered.
  var HOVER_DELAY = 500;

  // Once a card is open, the next mention's comes sooner: the reader is
  // already reading cards. Not at once, though: a pointer on its way from a
  // mention to its card may pass over another mention in the lines between,
  // and that must not swap the card it is heading for.
  var SWITCH_DELAY = 150;

  // Time to cross the gap between a mention and its card before it closes.
  var HIDE_GRACE = 300;

  // Kept between a card and its mention, and between a card and the window's
  // edges (so at 320 px a card never makes the page scroll sideways).
  var GAP = 8;
  var EDGE = 8;

  function start() {
    var essay = document.getElementById('essay');
    var layer = essay && essay.querySelector('.initiative-cards');
    if (!layer) {
      return;
    }

    // Each mention and the card its aria-describedby names. The attribute is
    // a list of ids; the card is the one that is an .initiative-card in the
    // layer, whatever else may join the list later.
    var cardOf = new Map();
    Array.prototype.forEach.call(essay.querySelectorAll('a.mention[aria-describedby]'), function (mention) {
      mention.getAttribute('aria-describedby').split(/\s+/).some(function (id) {
        var card = id ? document.getElementById(id) : null;
        if (card && layer.contains(card) && card.classList.contains('initiative-card')) {
          cardOf.set(mention, card);
          return true;
        }

        return false;
      });
    });

    if (cardOf.size === 0) {
      return;
    }

    // Each card gets a frame holding it and a "Read more" link to the page.
    // The link is in the frame, not the card, so the mention's description
    // (the card's text) does not end in "Read more". The link is for the
    // pointer that has come onto the card; it is left out of the Tab order,
    // where it would only repeat the mention the keyboard is already on.
    var previewOf = new Map();
    cardOf.forEach(function (card, mention) {
      if (previewOf.has(card)) {
        return;
      }

      var preview = document.createElement('div');
      preview.className = 'initiative-preview';
      preview.hidden = true;
      card.before(preview);
      preview.append(card);

      var more = document.createElement('p');
      more.className = 'initiative-preview-more';
      var link = document.createElement('a');
      link.href = mention.getAttribute('href');
      link.tabIndex = -1;
      link.textContent = 'Read more';

      // Said to a screen reader, not shown: "Read more" alone names no page.
      var about = document.createElement('span');
      about.className = 'initiative-preview-about';
      var name = card.querySelector('.initiative-card-name');
      about.textContent = ' about ' + (name ? name.textContent.trim() : mention.textContent.trim());
      link.append(about);
      more.append(link);
      preview.append(more);

      previewOf.set(card, preview);
    });

    // The layer is shown and each frame hidden on its own: a hidden card
    // still gives its text to aria-describedby, so the description is there
    // before any card is on screen.
    layer.hidden = false;

    var shown = null;           // { mention, preview } of the card on screen
    var pointerMention = null;  // the mention under a hovering pointer
    var focusMention = null;    // the mention with keyboard focus
    var overPreview = false;    // the pointer is on the shown card
    var dismissed = null;       // Escape hid this mention's card: not again until pointer and focus leave it
    var showTimer = 0;
    var hideTimer = 0;

    // ---------- Placing ----------

    /*
      Below the mention, or above it when the card does not fit below and
      there is more room above; left-aligned with the mention's line but kept
      inside the window. The layer sits at the page's origin, so a card placed
      in it scrolls with its text. A mention can wrap: below, the card hangs
      from its last line; above, it stands on its first. The notch points at
      the middle of that line.
    */
    function place(preview, mention) {
      var viewWidth = document.documentElement.clientWidth;
      var viewHeight = document.documentElement.clientHeight;
      preview.style.setProperty('--card-room', Math.max(0, viewWidth - 2 * EDGE) + 'px');
      preview.style.left = '0px';
      preview.style.top = '0px';

      var origin = layer.getBoundingClientRect();
      var size = preview.getBoundingClientRect();
      var lines = mention.getClientRects();
      var first = lines.length > 0 ? lines[0] : mention.getBoundingClientRect();
      var last = lines.length > 0 ? lines[lines.length - 1] : first;

      var roomBelow = viewHeight - last.bottom - GAP;
      var roomAbove = first.top - GAP;
      var above = size.height > roomBelow && roomAbove > roomBelow;
      var anchor = above ? first : last;

      var left = Math.min(anchor.left, viewWidth - EDGE - size.width);
      left = Math.max(left, EDGE);
      var top = above ? anchor.top - GAP - size.height : anchor.bottom + GAP;
      var notch = Math.min(Math.max(anchor.left + anchor.width / 2 - left, 16), size.width - 16);

      preview.style.left = Math.round(left - origin.left) + 'px';
      preview.style.top = Math.round(top - origin.top) + 'px';
      preview.style.setProperty('--notch', Math.round(notch) + 'px');
      preview.classList.toggle('is-above', above);
    }

    function unplace(preview) {
      preview.style.left = '';
      preview.style.top = '';
      preview.style.removeProperty('--notch');
      preview.style.removeProperty('--card-room');
      preview.classList.remove('is-above');
    }

    function placeAgain() {
      if (shown) {
        place(shown.preview, shown.mention);
      }
    }

    // ---------- Showing and hiding ----------

    function show(mention) {
      window.clearTimeout(showTimer);
      window.clearTimeout(hideTimer);
      if (shown && shown.mention === mention) {
        return;
      }

      hide();
      var preview = previewOf.get(cardOf.get(mention));
      preview.hidden = false;
      place(preview, mention);
      mention.classList.add('is-previewed');
      shown = { mention: mention, preview: preview };

      // Focus fires before the browser scrolls the focused mention into view,
      // so the room above and below was judged on the old scroll: judge again
      // once it has moved.
      window.requestAnimationFrame(placeAgain);
    }

    function hide() {
      window.clearTimeout(hideTimer);
      if (!shown) {
        return;
      }

      var closing = shown;
      shown = null;
      overPreview = false;

      // Focus inside a card that vanishes would fall to <body>; it goes back
      // to the mention the card belongs to instead.
      var hadFocus = closing.preview.contains(document.activeElement);
      closing.preview.hidden = true;
      unplace(closing.preview);
      closing.mention.classList.remove('is-previewed');
      if (hadFocus) {
        closing.mention.focus({ preventScroll: true });
      }
    }

    // Whether anything still holds the shown card open.
    function held() {
      return shown !== null && (
        pointerMention === shown.mention ||
        focusMention === shown.mention ||
        overPreview ||
        shown.preview.contains(document.activeElement));
    }

    function hideSoon() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(function () {
        if (!held()) {
          hide();
        }
      }, HIDE_GRACE);
    }

    function forgetDismissal() {
      if (dismissed && dismissed !== pointerMention && dismissed !== focusMention) {
        dismissed = null;
      }
    }

    // Touch has no hover: its pointerenter comes with the tap, which follows
    // the link. Mouse and pen hover.
    function hovers(event) {
      return event.pointerType !== 'touch';
    }

    function focusVisible(element) {
      try {
        return element.matches(':focus-visible');
      } catch (error) {
        // A browser without :focus-visible: any focus is worth a card.
        return true;
      }
    }

    // ---------- Events ----------

    cardOf.forEach(function (card, mention) {
      mention.addEventListener('pointerenter', function (event) {
        if (!hovers(event)) {
          return;
        }

        pointerMention = mention;
        if (dismissed === mention) {
          return;
        }

        window.clearTimeout(showTimer);
        showTimer = window.setTimeout(function () {
          if (pointerMention === mention && dismissed !== mention) {
            show(mention);
          }
        }, shown ? SWITCH_DELAY : HOVER_DELAY);
      });

      mention.addEventListener('pointerleave', function (event) {
        if (!hovers(event)) {
          return;
        }

        if (pointerMention === mention) {
          pointerMention = null;
        }

        window.clearTimeout(showTimer);
        forgetDismissal();
        if (shown && shown.mention === mention) {
          hideSoon();
        }
      });

      mention.addEventListener('focus', function () {
        // Only focus the reader can see: a click or a tap focuses the link
        // too, and it is on its way to the page anyway.
        if (!focusVisible(mention)) {
          return;
        }

        focusMention = mention;
        if (dismissed !== mention) {
          show(mention);
        }
      });

      mention.addEventListener('blur', function () {
        if (focusMention === mention) {
          focusMention = null;
        }

        forgetDismissal();
        if (shown && shown.mention === mention && !held()) {
          hide();
        }
      });
    });

    previewOf.forEach(function (preview) {
      preview.addEventListener('pointerenter', function () {
        if (shown && shown.preview === preview) {
          overPreview = true;
          window.clearTimeout(hideTimer);
        }
      });

      preview.addEventListener('pointerleave', function () {
        if (shown && shown.preview === preview) {
          overPreview = false;
          hideSoon();
        }
      });

      // Focus that leaves a card for somewhere else (not its mention) takes
      // the card with it, unless the pointer still rests on it.
      preview.addEventListener('focusout', function () {
        if (shown && shown.preview === preview) {
          hideSoon();
        }
      });
    });

    // Captured, and before reader.js's handlers (this deferred script runs
    // before the DOMContentLoaded that starts those): one Escape closes one
    // thing, and a handled Escape is marked so the notes and terms leave it.
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || event.defaultPrevented || !shown) {
        return;
      }

      event.preventDefault();
      dismissed = shown.mention;
      window.clearTimeout(showTimer);
      hide();
    }, true);

    // The text reflows on resizing, as fonts arrive and as notes move beside
    // or under paragraphs: a card on screen follows its mention.
    window.addEventListener('resize', placeAgain);
    if (window.ResizeObserver) {
      new ResizeObserver(placeAgain).observe(essay);
    }

    // Focus scrolls its mention into view, smoothly where motion is welcome,
    // and the frame after it may still be on the way: once the scroll has
    // come to rest, judge again which side has room. Not while the pointer
    // is on the card, which must not move out from under it.
    window.addEventListener('scrollend', function () {
      if (shown && !overPreview) {
        placeAgain();
      }
    });

    // Paper has no hover: nothing stays open over the printed text.
    window.addEventListener('beforeprint', function () {
      window.clearTimeout(showTimer);
      hide();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
