/*
  Search engine: the query side of the site's full-text search, loaded
  with search.js (the box and its results) when a reader first uses a
  search box (marginalia.js starts it), never on page load. The index and
  the entries' text are scripts the build writes (Search/SearchIndexWriter.cs)
  and this file loads the same way, so the search works from disk, offline
  and in the single-file edition (where all of it is inlined and already here).

  Ranking is BM25 over the stemmed terms; the last word of a query matches
  as a prefix while it is being typed. Words are folded and stemmed by
  search-terms.js, which does exactly what the index's C# side did.
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};
  var T = M.searchTerms;

  // BM25's usual constants: k1 how fast repeats stop counting, b how much a
  // long entry is discounted.
  var K1 = 1.2;
  var B = 0.75;

  // A word being typed stands for the terms it begins; past this many the
  // rarest are dropped (a one-letter prefix would otherwise score everything).
  var MAX_EXPANSIONS = 60;
  var SNIPPET_WORDS = 26;

  // ---------- The data, as the build's scripts hand it in ----------

  var parts = {};
  var engine = null;
  var waiting = [];
  var requested = false;

  M.searchLoaded = function (part, data) {
    parts[part] = data;
    if (parts.index && parts.text && !engine) {
      engine = build(parts.index, parts.text);
      waiting.splice(0).forEach(function (run) { run(); });
    }
  };

  // The index's numbers: the last digit from LAST (base 64), any before it
  // from MORE (base 27, no '<'), no separators (Search/SearchIndexWriter.cs).
  var LAST = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#';
  var MORE = '$%&()*+,-./:;=>?@[]^_`{|}~\'';
  var SHARED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}~';

  // Each character's digit value: LAST's 0–63, MORE's 64 and up.
  var VALUE = new Int16Array(128).fill(-1);
  for (var d = 0; d < LAST.length; d++) {
    VALUE[LAST.charCodeAt(d)] = d;
  }

  for (d = 0; d < MORE.length; d++) {
    VALUE[MORE.charCodeAt(d)] = 64 + d;
  }

  var SHARES = new Int8Array(128).fill(-1);
  for (d = 0; d < SHARED.length; d++) {
    SHARES[SHARED.charCodeAt(d)] = d;
  }

  function shares(text, i) {
    var code = text.charCodeAt(i);
    return code < 128 ? SHARES[code] : -1;
  }

  function numbers(text, from, to, out) {
    var value = 0;
    for (var i = from; i < to; i++) {
      var digit = VALUE[text.charCodeAt(i)];
      if (digit < 64) {
        out.push(value * 64 + digit);
        value = 0;
      } else {
        value = value * MORE.length + digit - 64;
      }
    }

    return out;
  }

  // Terms are front-coded: one character (SHARED) for how much a term
  // shares with the one before, which also ends that one, then the rest.
  function terms(text) {
    var out = [];
    var previous = '';
    var at = 0;
    while (at < text.length) {
      var shared = shares(text, at);
      var end = at + 1;
      while (end < text.length && shares(text, end) < 0) {
        end++;
      }

      previous = previous.slice(0, shared) + text.slice(at + 1, end);
      out.push(previous);
      at = end;
    }

    return out;
  }

  // Every term's postings, decoded once: its entries (from the gaps) and
  // counts; an entry's length is the sum of its counts.
  function build(index, text) {
    var list = terms(index.terms);
    var counts = numbers(index.counts, 0, index.counts.length, []);
    var lengths = new Float64Array(text.entries.length);
    var postings = new Array(list.length);
    var gaps = index.postings;
    var from = 0;
    var c = 0;
    for (var t = 0; t < list.length; t++) {
      var to = gaps.indexOf(' ', from);
      to = to < 0 ? gaps.length : to;
      var entries = numbers(gaps, from, to, []);
      var these = new Array(entries.length);
      var at = 0;
      for (var k = 0; k < entries.length; k++) {
        at += entries[k];
        entries[k] = at;
        these[k] = counts[c++] + 1;
        lengths[at] += these[k];
      }

      postings[t] = { entries: entries, counts: these };
      from = to + 1;
    }

    var total = 0;
    lengths.forEach(function (n) { total += n; });
    return {
      terms: list,
      postings: postings,
      lengths: lengths,
      average: lengths.length ? total / lengths.length : 1,
      kinds: text.kinds,
      entries: text.entries,
    };
  }

  // Loads the index and the text once, then runs each waiting callback.
  function whenLoaded(form, run) {
    if (engine) {
      run();
      return;
    }

    waiting.push(run);
    if (requested) {
      return;
    }

    requested = true;
    (form.getAttribute('data-search-data') || '').split(' ').filter(Boolean).forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.onerror = function () {
        waiting.splice(0);
        requested = false;
        failed.forEach(function (tell) { tell(); });
      };
      document.head.appendChild(script);
    });
  }

  var failed = [];

  // ---------- Terms and postings ----------

  // The first term not ordered before prefix (terms are in ordinal order,
  // as C#'s StringComparer.Ordinal sorts them, which is JS's < on strings).
  function lowerBound(prefix) {
    var lo = 0;
    var hi = engine.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (engine.terms[mid] < prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }

    return lo;
  }

  function exact(term) {
    var i = lowerBound(term);
    return i < engine.terms.length && engine.terms[i] === term ? i : -1;
  }

  // The terms a query word stands for, each with a weight: the word's own
  // stem in full; while typing, also the terms that begin with what is typed
  // (folded) or with its stem, and a shorter term the typed word begins with
  // ("floodi" is on its way to "flooding", whose stem is "flood").
  function alternatives(word, typing) {
    var found = new Map();
    var own = exact(word.term);
    if (own >= 0) {
      found.set(own, 1);
    }

    if (!typing) {
      return found;
    }

    (word.folded === word.term ? [word.term] : [word.folded, word.term]).forEach(function (prefix) {
      var expansions = [];
      for (var i = lowerBound(prefix); i < engine.terms.length && engine.terms[i].lastIndexOf(prefix, 0) === 0; i++) {
        if (!found.has(i)) {
          expansions.push(i);
        }
      }

      // The most common first: what a reader most likely means.
      expansions.sort(function (a, b) { return engine.postings[b].entries.length - engine.postings[a].entries.length; });
      expansions.slice(0, MAX_EXPANSIONS).forEach(function (i) { found.set(i, 0.9); });
    });

    for (var cut = word.folded.length - 1; cut >= Math.max(4, word.folded.length - 3); cut--) {
      var shorter = exact(word.folded.slice(0, cut));
      if (shorter >= 0 && !found.has(shorter)) {
        found.set(shorter, 0.8);
      }
    }

    return found;
  }

  // ---------- Queries ----------

  // The query's words: folded, stemmed, without the words too common to
  // search for (unless that is all there is).
  function words(query) {
    var all = T.tokens(query).map(function (token) {
      return {
        term: token.term,
        folded: T.fold(query.substr(token.start, token.length)),
      };
    });
    var kept = all.filter(function (word) { return !T.isStopWord(word.term); });
    return kept.length ? kept : all;
  }

  // Ranked results for a query: every entry that has all its words (or, when
  // none has, the entries with most of them), best first. Scores add up in
  // typed arrays, one slot per entry: a word being typed can stand for
  // dozens of terms found in thousands of entries.
  function search(query) {
    var list = words(query);
    if (!engine || !list.length) {
      return { results: [], partial: false, terms: [] };
    }

    var typing = !/[\s.,;:!?)"'\u2019\u201d]$/.test(query);
    var n = engine.lengths.length;
    var scores = new Float64Array(n);
    var matched = new Uint8Array(n);
    var best = new Float64Array(n);
    var terms = [];
    list.forEach(function (word, w) {
      var touched = [];
      alternatives(word, typing && w === list.length - 1).forEach(function (weight, i) {
        terms.push(engine.terms[i]);
        var p = engine.postings[i];
        var df = p.entries.length;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (var k = 0; k < df; k++) {
          var entry = p.entries[k];
          var tf = p.counts[k];
          var score = weight * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * engine.lengths[entry] / engine.average));
          if (best[entry] === 0) {
            touched.push(entry);
          }

          if (score > best[entry]) {
            best[entry] = score;
          }
        }
      });

      // A word counts once per entry, by its best-scoring term.
      for (var t = 0; t < touched.length; t++) {
        var entry = touched[t];
        scores[entry] += best[entry];
        matched[entry]++;
        best[entry] = 0;
      }
    });

    var all = [];
    var complete = [];
    for (var e = 0; e < n; e++) {
      if (matched[e]) {
        var result = { entry: e, score: scores[e], words: matched[e] };
        all.push(result);
        if (matched[e] === list.length) {
          complete.push(result);
        }
      }
    }

    var partial = complete.length === 0 && list.length > 1;
    var ranked = (partial ? all : complete).sort(function (a, b) {
      return (b.words - a.words) || (b.score - a.score) || (a.entry - b.entry);
    });
    return { results: ranked, partial: partial, terms: terms };
  }

  // ---------- Snippets ----------

  // A window of the entry's text around its densest run of matched words,
  // built as DOM (text and <mark>), never as HTML: the text is contributed.
  function snippet(text, wanted) {
    var tokens = T.tokens(text);
    var hits = [];
    tokens.forEach(function (token, i) {
      if (wanted.has(token.term)) {
        hits.push(i);
      }
    });

    var from = 0;
    var best = -1;
    for (var h = 0; h < hits.length; h++) {
      var count = 0;
      for (var k = h; k < hits.length && hits[k] < hits[h] + SNIPPET_WORDS; k++) {
        count++;
      }

      if (count > best) {
        best = count;
        from = Math.max(0, hits[h] - 6);
      }
    }

    var to = Math.min(tokens.length, from + SNIPPET_WORDS);
    var start = from > 0 ? tokens[from].start : 0;
    var end = to < tokens.length ? tokens[to - 1].start + tokens[to - 1].length : text.length;
    var out = document.createDocumentFragment();
    if (start > 0) {
      out.appendChild(document.createTextNode('… '));
    }

    var at = start;
    hits.forEach(function (i) {
      var token = tokens[i];
      if (token.start < start || token.start + token.length > end) {
        return;
      }

      out.appendChild(document.createTextNode(text.slice(at, token.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.substr(token.start, token.length);
      out.appendChild(mark);
      at = token.start + token.length;
    });
    out.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? ' …' : '')));
    return out;
  }

  // The single-file edition carries the index and the text as the text of
  // <template> elements (data that nothing runs), before this script.
  Array.prototype.forEach.call(document.querySelectorAll('template[data-search-part]'), function (template) {
    M.searchLoaded(template.getAttribute('data-search-part'), JSON.parse(template.content.textContent));
  });

  M.searchEngine = {
    whenLoaded: whenLoaded,
    onFailure: function (tell) { failed.push(tell); },
    query: search,
    snippet: snippet,
    entry: function (i) { return engine.entries[i]; },
    kind: function (i) { return engine.kinds[i]; },
    get size() { return engine ? engine.entries.length : 0; },
  };
})();
