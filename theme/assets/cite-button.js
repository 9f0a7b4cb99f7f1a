/*
  Marginalia — each paragraph's Cite button, beside its ¶ link.

  The dialog the button opens is cite.js's, with the text fragment from
  cite-fragment.js: both are among the reader's tools, which load on first
  use (Marginalia.tools, in marginalia.js), so a press loads them and then
  opens the dialog. The buttons are here from the start, so a keyboard
  user finds them where they were.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  M.ready(function () {
    if (!document.getElementById('cite-data') || typeof HTMLDialogElement !== 'function') {
      return; // no data or no dialog: no buttons, rather than dead ones
    }
    var links = document.querySelectorAll('.essay-body p[id] > .permalink');
    Array.prototype.forEach.call(links, function (permalink) {
      var paragraph = permalink.parentElement;
      var cite = document.createElement('button');
      cite.className = 'cite-button';
      cite.textContent = 'Cite';
      cite.type = 'button';
      var label = permalink.getAttribute('aria-label') || '';
      cite.setAttribute('aria-label', 'Cite ' + label.replace(/^Link to /, ''));
      cite.addEventListener('click', function () {
        M.tools(function () {
          if (M.cite) { M.cite.forParagraph(paragraph); }
        });
      });
      permalink.insertAdjacentElement('afterend', cite);
    });
  });
})();
