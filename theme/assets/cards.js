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

  - the shared popover (popover.js) shows and hides it: after HOVER_DELAY
    for a resting mouse or pen, at once for keyboard focus, with Escape to
    dismiss it and room for the pointer to travel onto the card (to read it,
    or to use its "Read more" link) (WCAG 1.4.13); once one is open, the
    next mention shows its own sooner (SWITCH_DELAY).

  Touch gets no card: a tap follows the link, as a tap on any link does. The
  card is a preview of a page one tap away, so a tap that opened it instead
  would make every mention a two-tap link, and the page it opens holds more
  than the card and leads straight back to the paragraph.

  A classic deferred script, not a module: modules do not load from file://.
  It touches nothing of the notes' or terms' scripts and runs whether or not
  they have.
*/
(function () {
  'use strict';

  var M = window.Marginalia;

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
  var SPACING = { gap: 8, edge: 8, notch: 16, room: '--card-room' };

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

    var boxOf = new Map();
    cardOf.forEach(function (card, mention) {
      boxOf.set(mention, previewOf.get(card));
    });

    M.hoverable({
      boxOf: boxOf,
      layer: layer,
      within: essay,
      spacing: SPACING,
      showDelay: HOVER_DELAY,
      switchDelay: SWITCH_DELAY,
      hideGrace: HIDE_GRACE,
      aimRest: HOVER_DELAY,
      shownClass: 'is-previewed',
      // After the glossary's tooltips and toggletip: one Escape closes one
      // thing, and the notes' own Escape comes after this.
      escapeRank: 30,
      settleOnScrollEnd: true,
      // The reader may have switched initiative links off (settings.js).
      mayShow: function () { return M.markShown('mentions'); },
    });
  }

  M.ready(start);
})();
