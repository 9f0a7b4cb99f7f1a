// TEMPORARY stand-in until the stem branch is merged.
(function (root) {
  'use strict';
  function fold(text) { return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function stem(word) { return word; }
  function tokens(text) {
    var out = []; var re = /[\p{L}\p{N}]+/gu; var m;
    while ((m = re.exec(text))) { out.push({ term: stem(fold(m[0])), start: m.index, length: m[0].length }); }
    return out;
  }
  function isStopWord(w) { return ['the', 'of', 'and', 'a', 'to', 'in'].indexOf(w) >= 0; }
  var api = { fold: fold, stem: stem, tokens: tokens, isStopWord: isStopWord };
  if (typeof module === 'object' && module.exports) { module.exports = api; } else { root.Marginalia = root.Marginalia || {}; root.Marginalia.searchTerms = api; }
})(typeof self !== 'undefined' ? self : this);
