/*
 * The text side of the offline search, in the browser: the same folding, tokenizer, Porter2 stemmer and stop words as
 * src/Marginalia/Text/SearchTerms.cs and Porter2.cs, which build the index. The two are kept the same line for line;
 * SearchTermsTests runs both over one word list and a set of sentences and fails on the first difference, since a
 * word stemmed differently on the two sides could never be found. Plain ES2020, no modules: a script in the page
 * (Marginalia.searchTerms) and a CommonJS module in Node (the tests).
 */
(function (root) {
  'use strict';

  // --- Porter2 (Snowball English, as published at snowballstem.org, Snowball 3.0) ---

  // Whole words stemmed (or left) as the algorithm's exception list says, before anything else.
  const EXCEPTIONS = new Map([
    ['skies', 'sky'], ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'], ['early', 'earli'], ['only', 'onli'],
    ['singly', 'singl'], ['sky', 'sky'], ['news', 'news'], ['howe', 'howe'], ['atlas', 'atlas'], ['cosmos', 'cosmos'],
    ['bias', 'bias'], ['andes', 'andes'],
  ]);

  // Words beginning so have R1 right after the prefix (generous/generate, universe/university, past/paste...).
  const REGION_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ'];

  // Each step's suffixes, longest first: a step acts on the longest suffix the word ends with, and only on it.
  const STEP0 = ["'s'", "'s", "'"];
  const STEP1A = ['sses', 'ied', 'ies', 'us', 'ss', 's'];
  const STEP1B = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'];
  const STEP2 = [
    'ization', 'ational', 'fulness', 'ousness', 'iveness',
    'tional', 'biliti', 'lessli',
    'entli', 'ation', 'alism', 'aliti', 'ousli', 'iviti', 'fulli', 'ogist',
    'enci', 'anci', 'abli', 'izer', 'ator', 'alli',
    'bli', 'ogi',
    'li',
  ];
  const STEP2_REPLACE = {
    tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
    ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful', fulli: 'ful',
    ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogist: 'og',
    lessli: 'less',
  };
  const STEP3 = ['ational', 'tional', 'alize', 'icate', 'iciti', 'ative', 'ical', 'ness', 'ful'];
  const STEP3_REPLACE = { tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
  const STEP4 = [
    'ement',
    'ance', 'ence', 'able', 'ible', 'ment',
    'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion',
    'al', 'er', 'ic',
  ];

  const isVowel = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

  function longest(w, suffixes) {
    for (const suffix of suffixes) {
      if (w.endsWith(suffix)) return suffix;
    }
    return null;
  }

  function hasVowel(w, start, end) {
    for (let i = start; i < end; i++) {
      if (isVowel(w[i])) return true;
    }
    return false;
  }

  // R1 or R2's start: after the first non-vowel that follows a vowel, from `from`; -1 when there is none.
  function afterVowelAndNonVowel(w, from) {
    let i = from;
    while (i < w.length && !isVowel(w[i])) i++;
    i++;
    while (i < w.length && isVowel(w[i])) i++;
    return i < w.length ? i + 1 : -1;
  }

  // A short syllable ends at `end`: non-vowel, vowel, non-vowel other than w, x or Y; or a vowel then a non-vowel
  // at the start of the word; or "past".
  function isShortSyllable(w, end) {
    if (end >= 3 && !isVowel(w[end - 1]) && w[end - 1] !== 'w' && w[end - 1] !== 'x' && w[end - 1] !== 'Y'
      && isVowel(w[end - 2]) && !isVowel(w[end - 3])) return true;
    if (end === 2 && !isVowel(w[1]) && isVowel(w[0])) return true;
    return end >= 4 && w.slice(end - 4, end) === 'past';
  }

  // A word's stem, remembered: a text repeats its words, and snippets
  // tokenize whole entries while a reader types.
  const STEMS = new Map();
  function stem(word) {
    let known = STEMS.get(word);
    if (known === undefined) {
      known = stemOnce(word);
      if (STEMS.size < 50000) STEMS.set(word, known);
    }
    return known;
  }

  function stemOnce(word) {
    if (EXCEPTIONS.has(word)) return EXCEPTIONS.get(word);
    if (word.length < 3) return word;

    let w = word[0] === "'" ? word.slice(1) : word;

    // An initial y, and a y after a vowel, act as consonants: marked Y until the end.
    let yFound = false;
    const letters = w.split('');
    for (let i = 0; i < letters.length; i++) {
      if (letters[i] === 'y' && (i === 0 || isVowel(letters[i - 1]))) {
        letters[i] = 'Y';
        yFound = true;
      }
    }
    w = letters.join('');

    let p1 = -1;
    for (const prefix of REGION_PREFIXES) {
      if (w.startsWith(prefix)) {
        p1 = prefix.length;
        break;
      }
    }
    if (p1 < 0) p1 = afterVowelAndNonVowel(w, 0);
    let p2;
    if (p1 < 0) {
      p1 = w.length;
      p2 = w.length;
    } else {
      p2 = afterVowelAndNonVowel(w, p1);
      if (p2 < 0) p2 = w.length;
    }

    // Step 0 and step 1a.
    const possessive = longest(w, STEP0);
    if (possessive) w = w.slice(0, w.length - possessive.length);
    switch (longest(w, STEP1A)) {
      case 'sses':
        w = w.slice(0, -4) + 'ss';
        break;
      case 'ied':
      case 'ies':
        w = w.slice(0, -3) + (w.length - 3 > 1 ? 'i' : 'ie');
        break;
      case 's':
        // Deleted when a vowel comes before the letter just before the s (gaps, kiwis; not gas, this).
        if (hasVowel(w, 0, w.length - 2)) w = w.slice(0, -1);
        break;
      default:
        break;
    }

    w = step1b(w, p1);

    // Step 1c.
    if (w.length > 2 && (w[w.length - 1] === 'y' || w[w.length - 1] === 'Y') && !isVowel(w[w.length - 2])) {
      w = w.slice(0, -1) + 'i';
    }

    // Step 2.
    let suffix = longest(w, STEP2);
    if (suffix && w.length - suffix.length >= p1) {
      const before = w.length - suffix.length;
      if (suffix === 'ogi') {
        if (before > 0 && w[before - 1] === 'l') w = w.slice(0, before) + 'og';
      } else if (suffix === 'li') {
        if (before > 0 && 'cdeghkmnrt'.includes(w[before - 1])) w = w.slice(0, before);
      } else {
        w = w.slice(0, before) + STEP2_REPLACE[suffix];
      }
    }

    // Step 3.
    suffix = longest(w, STEP3);
    if (suffix && w.length - suffix.length >= p1) {
      const before = w.length - suffix.length;
      if (suffix === 'ative') {
        if (before >= p2) w = w.slice(0, before);
      } else {
        w = w.slice(0, before) + STEP3_REPLACE[suffix];
      }
    }

    // Step 4.
    suffix = longest(w, STEP4);
    if (suffix && w.length - suffix.length >= p2) {
      const before = w.length - suffix.length;
      if (suffix !== 'ion' || (before > 0 && (w[before - 1] === 's' || w[before - 1] === 't'))) w = w.slice(0, before);
    }

    // Step 5.
    if (w.length > 0) {
      const last = w.length - 1;
      if (w[last] === 'e') {
        if (last >= p2 || (last >= p1 && !isShortSyllable(w, last))) w = w.slice(0, last);
      } else if (w[last] === 'l' && last >= p2 && last > 0 && w[last - 1] === 'l') {
        w = w.slice(0, last);
      }
    }

    return yFound ? w.replace(/Y/g, 'y') : w;
  }

  function step1b(w, p1) {
    const suffix = longest(w, STEP1B);
    if (!suffix) return w;
    const before = w.length - suffix.length;
    if (suffix === 'eed' || suffix === 'eedly') {
      const head = w.slice(0, before);
      if (head !== 'proc' && head !== 'exc' && head !== 'succ' && before >= p1) return head + 'ee';
      return w;
    }
    if (suffix === 'ing') {
      // dying, lying, tying, vying: a non-vowel and y before -ing become that letter and "ie".
      if (before === 2 && w[1] === 'y' && !isVowel(w[0])) return w.slice(0, -4) + 'ie';
      const head = w.slice(0, before);
      if (head === 'inn' || head === 'out' || head === 'cann' || head === 'herr' || head === 'earr' || head === 'even') return w;
    }
    if (!hasVowel(w, 0, before)) return w;

    w = w.slice(0, before);
    const end = w.slice(-2);
    if (end === 'at' || end === 'bl' || end === 'iz') return w + 'e';
    if (w.length >= 2 && w[w.length - 1] === w[w.length - 2] && 'bdfgmnprt'.includes(w[w.length - 1])) {
      // Undoubled (hopp -> hop) unless the word is a, e or o and the double (add, egg, off).
      return w.length === 3 && (w[0] === 'a' || w[0] === 'e' || w[0] === 'o') ? w : w.slice(0, -1);
    }
    if (w.length === p1 && isShortSyllable(w, w.length)) return w + 'e';
    return w;
  }

  // --- Folding and tokens (SearchTerms.cs) ---

  // Very common English function words, which the index skips and queries drop. Compared with the folded word.
  // The same list is SearchTerms.StopWords; a test compares the two.
  // stop-words:begin
  const STOP_WORDS = new Set([
    'a', 'about', 'all', 'also', 'among', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'between', 'both',
    'but', 'by', 'can', 'could', 'do', 'each', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'how', 'if',
    'in', 'into', 'is', 'it', "it's", 'its', 'may', 'more', 'most', 'no', 'not', 'of', 'on', 'one', 'or', 'other',
    'our', 'over', 'rather', 'she', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there',
    'these', 'they', 'this', 'those', 'to', 'up', 'was', 'we', 'were', 'what', 'which', 'who', 'will', 'with',
    'would',
  ]);
  // stop-words:end

  const isStopWord = (foldedWord) => STOP_WORDS.has(foldedWord);

  const MARK = /^\p{M}$/u;
  const WORD_CHAR = /^[\p{L}\p{Nd}]$/u;
  const DIGIT = /^\p{Nd}$/u;
  // Keyed by code (not by character literal): the minifier would write '\uFEFF' out as the character itself, and
  // no BOM may reach the published files.
  const INVISIBLE = new Set([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]);
  const TYPOGRAPHIC = new Map([
    [0x2019, "'"], [0x2018, "'"], [0x201B, "'"], [0x201A, "'"], [0x2032, "'"], [0x02BC, "'"],
    [0x201C, '"'], [0x201D, '"'], [0x201E, '"'], [0x201F, '"'], [0x2033, '"'],
    [0x2010, '-'], [0x2011, '-'], [0x2012, '-'], [0x2013, '-'], [0x2014, '-'], [0x2015, '-'],
  ]);

  // The code point starting at `index` as a string: a surrogate pair whole, anything else one code unit.
  function codePointAt(s, index) {
    const c = s.charCodeAt(index);
    if (c >= 0xD800 && c <= 0xDBFF && index + 1 < s.length) {
      const d = s.charCodeAt(index + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) return s.slice(index, index + 2);
    }
    return s[index];
  }

  // One piece of the source: a character (or surrogate pair) with the combining marks that follow it.
  function unitEnd(text, start) {
    let end = start + codePointAt(text, start).length;
    // Combining marks start at U+0300: below it nothing joins the unit (the fast path for most text).
    while (end < text.length && text.charCodeAt(end) >= 0x300) {
      const next = codePointAt(text, end);
      if (!MARK.test(next)) break;
      end += next.length;
    }
    return end;
  }

  function foldUnit(unit) {
    // ASCII folds to its lower case and nothing else (NFKD leaves it as it is).
    if (unit.length === 1 && unit.charCodeAt(0) < 0x80) return unit.toLowerCase();
    let decomposed;
    try {
      decomposed = unit.normalize('NFKD');
    } catch (e) {
      decomposed = unit;
    }
    let out = '';
    let k = 0;
    while (k < decomposed.length) {
      const c = codePointAt(decomposed, k);
      if (c.length === 2) {
        if (!MARK.test(c)) out += c.toLowerCase();
      } else if (!MARK.test(c) && !INVISIBLE.has(c.charCodeAt(0))) {
        const code = c.charCodeAt(0);
        out += TYPOGRAPHIC.has(code) ? TYPOGRAPHIC.get(code) : c.toLowerCase();
      }
      k += c.length;
    }
    return out;
  }

  function fold(text) {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const end = unitEnd(text, i);
      out += foldUnit(text.slice(i, end));
      i = end;
    }
    return out;
  }

  // Folded ASCII is lower case: letters and digits are the word characters there.
  const isWordChar = (s, index) => {
    const c = s.charCodeAt(index);
    if (c < 0x80) return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39);
    return WORD_CHAR.test(codePointAt(s, index));
  };

  function tokens(text) {
    // The folded text with, for each folded code unit, the source piece it came from.
    let f = '';
    const starts = [];
    const ends = [];
    let i = 0;
    while (i < text.length) {
      const end = unitEnd(text, i);
      const piece = foldUnit(text.slice(i, end));
      f += piece;
      for (let k = 0; k < piece.length; k++) {
        starts.push(i);
        ends.push(end);
      }
      i = end;
    }

    const result = [];
    let at = 0;
    while (at < f.length) {
      if (!isWordChar(f, at)) {
        at++;
        continue;
      }
      const first = at;
      let hasDigit = false;
      while (at < f.length) {
        if (isWordChar(f, at)) {
          const c = codePointAt(f, at);
          if (c.length === 1 && c.charCodeAt(0) < 0x80 ? c >= '0' && c <= '9' : DIGIT.test(c)) hasDigit = true;
          at += c.length;
        } else if (f[at] === "'" && at + 1 < f.length && isWordChar(f, at + 1)) {
          at++;
        } else {
          break;
        }
      }
      const word = f.slice(first, at);
      const start = starts[first];
      result.push({ term: hasDigit ? word : stem(word), start, length: ends[at - 1] - start });
    }
    return result;
  }

  const api = { fold, stem, tokens, isStopWord };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else {
    root.Marginalia = root.Marginalia || {};
    root.Marginalia.searchTerms = api;
  }
})(typeof self !== 'undefined' ? self : this);
