// Marginalia preview: keeps the page in step with the site as it is rebuilt. Served by `marginalia preview` only; it
// is never part of the built site.
//
// After a build that changed this page, the page is fetched again and patched in place: only the nodes that differ
// from the page as it was served are changed, so the scroll, focus, open notes and everything the site's scripts set
// up stay as they are. It reloads instead, at the same place, when a patch could break the page: the build failed or
// was fixed (the error page is no patch away), a stylesheet or script changed, a file the page shows (an image)
// changed, the page is not the site's own (a 404), or a change touches what the site's scripts set up or move.
(function () {
  "use strict";
  var script = document.currentScript;
  var own = script ? script.getAttribute("src") : "/__marginalia/reload.js";
  var served = script ? script.getAttribute("data-version") : null;
  // The error page stands in for whatever page was at this address: it neither saves a place nor restores one,
  // so when the fix arrives the page comes back where the reader left it.
  var failed = script ? script.hasAttribute("data-failed") : false;
  var key = "marginalia-preview-place:" + location.pathname + location.search;

  // ---------- Reloading at the same place ----------

  function openNotes() {
    return Array.prototype.map.call(document.querySelectorAll("[aria-controls][aria-expanded=true]"), function (control) {
      return control.getAttribute("aria-controls");
    });
  }

  function save() {
    if (failed) {
      return;
    }
    try {
      sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY, open: openNotes() }));
    } catch (error) {
      // Storage off or full: the reload still happens, at the top of the page.
    }
  }

  function saved() {
    try {
      var place = JSON.parse(sessionStorage.getItem(key));
      return place && typeof place.y === "number" ? place : null;
    } catch (error) {
      return null;
    }
  }

  function restore(place) {
    (place.open || []).forEach(function (id) {
      var control = document.querySelector("[aria-controls=\"" + CSS.escape(String(id)) + "\"][aria-expanded=false]");
      if (control) {
        control.click();
      }
    });
    window.scrollTo(place.x || 0, place.y);
  }

  // A reload (ours, or the author's) comes back to the saved place; a link followed starts at the top as usual.
  var navigation = performance.getEntriesByType("navigation")[0];
  var place = !failed && navigation && navigation.type === "reload" ? saved() : null;
  if (place) {
    // The browser would put back the scroll of the page last shown here, which may be the error page's.
    history.scrollRestoration = "manual";
    // A timer's tick after the load: the page's scripts start in tasks of their own while it loads (marginalia.js's
    // M.ready), and a timer set now runs after theirs, once the notes they reopen and move are in place.
    var later = function () { setTimeout(function () { restore(place); }); };
    if (document.readyState === "complete") {
      later();
    } else {
      window.addEventListener("load", later, { once: true });
    }
  }
  window.addEventListener("pagehide", save);

  // The output file this address is, as the server names changed files ("index.html", "notes/index.html").
  function fileOf(pathname) {
    try {
      var path = decodeURIComponent(pathname).replace(/^\/+/, "");
      return path === "" || path.charAt(path.length - 1) === "/" ? path + "index.html" : path;
    } catch (error) {
      return null;
    }
  }

  var file = fileOf(location.pathname);

  // The stream names the page shown here (after a save the server renders the pages browsers show before the rest)
  // and the build it came from (the first event then tells what changed since).
  var query = [];
  if (file) {
    query.push("page=" + encodeURIComponent(file));
  }
  if (served) {
    query.push("since=" + encodeURIComponent(served));
  }
  var events = new EventSource("/__marginalia/events" + (query.length ? "?" + query.join("&") : ""));
  var reloading = false;
  function reload() {
    if (reloading) {
      return;
    }
    reloading = true;
    events.close();
    save();
    window.location.reload();
  }

  // ---------- The page as served, to compare each build's with ----------

  // Thrown where a patch could leave the page wrong: the page reloads instead.
  function Unpatchable(why) {
    this.message = why;
  }

  // `since`: a build whose page this one holds; the server then says whether the page it answers is still that
  // build's file (a later build that did not touch it only tagged it anew).
  function fetchPage(since) {
    // Through the server's own address for pages: the site's service worker answers a fetch of the page's address
    // from its cache, and a navigation is what this script avoids.
    var same = null;
    var address = "/__marginalia/page?path=" + encodeURIComponent(location.pathname) + (since ? "&since=" + encodeURIComponent(since) : "");
    return fetch(address, { cache: "no-store" }).then(function (response) {
      if (response.status !== 200 || response.redirected) {
        throw new Unpatchable("the page answered " + response.status);
      }
      same = response.headers.get("Marginalia-Same-Since");
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var tag = page.querySelector("script[src=\"" + own + "\"]");
      return { document: page, version: tag ? tag.getAttribute("data-version") : null, sameSince: same };
    });
  }

  // The same build's page, parsed as the browser parsed this one before any script ran. Null when there is none
  // to compare with (the error page, a 404, a page that has already changed): every build then reloads.
  var pristine = failed ? Promise.resolve(null) : fetchPage(served).then(function (page) {
    if (page.version !== served && page.sameSince !== served) {
      // A build finished while this page loaded and changed it: it is stale, and what was fetched is not what it
      // was parsed from. (One that left it as it was, the editions pass say, is told on the event stream.)
      reload();
      return null;
    }
    return page.document;
  }, function () {
    return null;
  });


  // The files this page loads and shows (not the pages it links to): a change to one reloads the page, because a
  // patch would keep the old one the browser already has.
  // A link's other kinds (the feed, the canonical address) name files the page does not load.
  var RESOURCES = "link[rel~=stylesheet][href], link[rel~=icon][href], link[rel~=preload][href], link[rel~=modulepreload][href], " +
    "script[src], img[src], img[srcset], source[src], source[srcset], video[src], video[poster], audio[src], track[src], iframe[src], " +
    "embed[src], object[data]";

  function resources() {
    var files = new Set();
    function add(value) {
      var url;
      try {
        url = new URL(value.trim().split(/\s+/)[0], document.baseURI);
      } catch (error) {
        return;
      }
      if (url.origin === location.origin) {
        files.add(fileOf(url.pathname));
      }
    }
    Array.prototype.forEach.call(document.querySelectorAll(RESOURCES), function (element) {
      ["href", "src", "poster", "data"].forEach(function (name) {
        if (element.hasAttribute(name)) {
          add(element.getAttribute(name));
        }
      });
      if (element.hasAttribute("srcset")) {
        element.getAttribute("srcset").split(",").forEach(add);
      }
    });
    return files;
  }

  function showsAny(changed) {
    var shown = resources();
    return changed.some(function (path) { return path !== file && shown.has(path); });
  }

  // What a patch cannot bring in: the stylesheets and scripts (a new one must load and run, an old one cannot be
  // unloaded), and templates, whose contents no node comparison sees.
  function assets(page) {
    return Array.prototype.filter.call(page.querySelectorAll("link, script, style, base, meta[http-equiv], template"), function (element) {
      return element.getAttribute("src") !== own && !/json$/i.test(element.getAttribute("type") || "");
    }).map(function (element) {
      return element.localName === "template" ? "<template>" + element.innerHTML : element.outerHTML;
    }).join("\n");
  }

  // ---------- Comparing the page served with the page built ----------

  // Two nodes that stand in the same place: same kind, same name, same id. Paired, they are compared further.
  function alike(a, b) {
    return a.nodeType === b.nodeType && a.nodeName === b.nodeName && (a.nodeType !== 1 || a.id === b.id);
  }

  function sameAttributes(a, b) {
    if (a.attributes.length !== b.attributes.length) {
      return false;
    }
    for (var i = 0; i < a.attributes.length; i++) {
      var attribute = a.attributes[i];
      if (b.getAttribute(attribute.name) !== attribute.value) {
        return false;
      }
    }
    return true;
  }

  // The smallest changes that turn `before` into `after`: new text, new attributes, or a run of children replaced
  // (what the two lists do not share at their start and end).
  function compare(before, after, changes) {
    if (before.isEqualNode(after)) {
      return;
    }
    if (before.nodeType !== 1) {
      changes.push({ kind: "text", node: before, data: after.data });
      return;
    }
    if (before.getAttribute("src") === own) {
      return; // this script: only the build's version differs
    }
    if (!sameAttributes(before, after)) {
      changes.push({ kind: "attributes", node: before, after: after });
    }
    var a = before.childNodes;
    var b = after.childNodes;
    var start = 0;
    while (start < a.length && start < b.length && alike(a[start], b[start])) {
      start++;
    }
    var endA = a.length;
    var endB = b.length;
    while (endA > start && endB > start && alike(a[endA - 1], b[endB - 1])) {
      endA--;
      endB--;
    }
    for (var i = 0; i < start; i++) {
      compare(a[i], b[i], changes);
    }
    for (var j = 0; endA + j < a.length; j++) {
      compare(a[endA + j], b[endB + j], changes);
    }
    if (endA > start || endB > start) {
      changes.push({
        kind: "children",
        node: before,
        remove: Array.prototype.slice.call(a, start, endA),
        insert: Array.prototype.slice.call(b, start, endB),
        before: endA < a.length ? a[endA] : null,
        after: start > 0 ? a[start - 1] : null,
      });
    }
  }

  // ---------- Finding a served node in the page as the scripts left it ----------

  // The site's scripts move elements (notes into the margin) and add their own (buttons), but never change an
  // element's id or take away what the build wrote. So a node is found from its nearest ancestor with an id, then
  // step by step as the n-th child of its name: nodes the scripts add have names of their own, or sit after the
  // ones counted, and each node found is checked against the served one before anything changes.
  function counterpart(node) {
    var root = node.ownerDocument.documentElement;
    var steps = [];
    var at = node;
    while (at !== root && !(at.nodeType === 1 && at.id)) {
      var parent = at.parentNode;
      if (!parent) {
        throw new Unpatchable("a node is outside the page");
      }
      var index = 0;
      for (var sibling = parent.firstChild; sibling !== at; sibling = sibling.nextSibling) {
        if (sibling.nodeName === at.nodeName) {
          index++;
        }
      }
      steps.push({ name: at.nodeName, index: index });
      at = parent;
    }
    var found = at === root ? document.documentElement : document.getElementById(at.id);
    if (!found || found.nodeName !== at.nodeName) {
      throw new Unpatchable("#" + at.id + " is not in the page");
    }
    for (var s = steps.length - 1; s >= 0; s--) {
      var step = steps[s];
      var seen = 0;
      var next = null;
      for (var child = found.firstChild; child; child = child.nextSibling) {
        if (child.nodeName === step.name && seen++ === step.index) {
          next = child;
          break;
        }
      }
      if (!next) {
        throw new Unpatchable("a " + step.name + " is not in the page");
      }
      found = next;
    }
    return found;
  }

  // What the site's scripts find and set up once, when the page loads: a patch may not take one away or bring a
  // new one in, since nothing would set it up (a note, its marker, a term or a card, a form, a script).
  var SCRIPTED = "[id], [aria-controls], [aria-describedby], [data-notes], a[href^='#'], mark, button, input, select, " +
    "textarea, form, dialog, details, template, script, iframe, object, embed";

  function scripted(node) {
    return node.nodeType === 1 && (node.matches(SCRIPTED) || node.querySelector(SCRIPTED) !== null);
  }

  // Every change found in the page as it is now, before any is made, so a patch is made whole or not at all.
  function resolve(change) {
    var node = counterpart(change.node);
    if (change.kind === "text") {
      if (node.data !== change.node.data) {
        throw new Unpatchable("a script changed the text to patch");
      }
      return function () { node.data = change.data; };
    }
    if (change.kind === "attributes") {
      var names = new Set();
      [change.node, change.after].forEach(function (element) {
        Array.prototype.forEach.call(element.attributes, function (attribute) { names.add(attribute.name); });
      });
      var edits = [];
      names.forEach(function (name) {
        var was = change.node.getAttribute(name);
        var now = change.after.getAttribute(name);
        if (was !== now) {
          if (node.getAttribute(name) !== was) {
            throw new Unpatchable("a script set the attribute " + name);
          }
          edits.push({ name: name, value: now });
        }
      });
      return function () {
        edits.forEach(function (edit) {
          if (edit.value === null) {
            node.removeAttribute(edit.name);
          } else {
            node.setAttribute(edit.name, edit.value);
          }
        });
      };
    }
    if (change.remove.some(scripted) || change.insert.some(scripted)) {
      throw new Unpatchable("the change adds or removes what the site's scripts set up");
    }
    var removed = change.remove.map(function (served) {
      var found = counterpart(served);
      if (!found.isEqualNode(served)) {
        throw new Unpatchable("a script changed a node the change removes");
      }
      return found;
    });
    // New nodes go before the first one kept after them, which keeps them ahead of what a script added after the
    // nodes before them (a paragraph's notes in the margin); else after the last one kept before them.
    var before = change.before ? counterpart(change.before) : null;
    var after = !before && change.after ? counterpart(change.after) : null;
    if ((before && before.parentNode !== node) || (after && after.parentNode !== node) ||
        removed.some(function (found) { return found.parentNode !== node; })) {
      throw new Unpatchable("a script moved the nodes around the change");
    }
    return function () {
      removed.forEach(function (found) { found.remove(); });
      var nodes = change.insert.map(function (built) { return document.importNode(built, true); });
      if (before) {
        before.before.apply(before, nodes);
      } else if (after) {
        after.after.apply(after, nodes);
      } else {
        node.append.apply(node, nodes);
      }
    };
  }

  function patch(page) {
    var then = pristine;
    return then.then(function (before) {
      if (!before) {
        throw new Unpatchable("there is no page as served to compare with");
      }
      if (!page.version || assets(before) !== assets(page.document)) {
        throw new Unpatchable("the page's stylesheets or scripts changed");
      }
      var changes = [];
      compare(before.documentElement, page.document.documentElement, changes);
      var edits = changes.map(resolve);
      var focused = document.activeElement;
      var focusedId = focused && focused.id;
      edits.forEach(function (edit) { edit(); });
      if (focusedId && !focused.isConnected) {
        var again = document.getElementById(focusedId);
        if (again) {
          again.focus({ preventScroll: true });
        }
      }
      pristine = Promise.resolve(page.document);
      served = page.version;
      // The margin's notes are placed from measures: text that grew or shrank moves them. Measuring every note
      // forces several layouts of the page, so it waits for the frame that shows the edit, and moves them in the next.
      var M = window.Marginalia;
      if (M && M.notes && typeof M.notes.layout === "function") {
        requestAnimationFrame(function () {
          setTimeout(function () {
            if (M.notes.mode() === "side") {
              M.notes.layout(true);
            }
          }, 0);
        });
      }
      document.dispatchEvent(new CustomEvent("marginalia:patched", { detail: { version: served, changes: edits.length } }));
    });
  }

  // ---------- After each build ----------

  function update(news) {
    if (failed || !news || news.failed) {
      throw new Unpatchable(news && news.failed ? "the build failed" : "the error page is fixed");
    }
    return pristine.then(function (before) {
      if (!before) {
        throw new Unpatchable("there is no page as served to compare with");
      }
      if (Array.isArray(news.changed) && showsAny(news.changed)) {
        throw new Unpatchable("a file the page loads changed");
      }
      var trusted = news.previous === served && Array.isArray(news.changed);
      if (news.version === served || (trusted && news.changed.indexOf(file) < 0)) {
        // This page is as the build left it; later news follows on from this build.
        served = news.version;
        return null;
      }
      return fetchPage().then(patch);
    });
  }

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch (error) {
      return null;
    }
  }

  function reloadFor(error) {
    // Said in the console, so an author who wonders why the page reloaded can find out.
    if (error instanceof Unpatchable) {
      console.info("marginalia preview: reloading, since " + error.message);
    } else {
      console.warn("marginalia preview: the patch failed, reloading", error);
    }
    reload();
  }

  // One build's news at a time, in order: a patch is made against the page the one before it left.
  var queue = Promise.resolve();
  // On connecting the server names its current build. If it is not the one this page came from, a build finished
  // before we were listening: the page is brought up to it as after any build when the server knows what changed
  // since this page's build, and reloads when it does not (the preview restarted, or many builds went by).
  events.addEventListener("build", function (event) {
    var news = parse(event.data);
    queue = queue.then(function () {
      if (!served || (news && news.version === served)) {
        return null;
      }
      if (!news || news.previous !== served || !Array.isArray(news.changed)) {
        throw new Unpatchable("a build finished before this page was listening");
      }
      return update(news);
    }).catch(reloadFor);
  });
  events.addEventListener("built", function (event) {
    var news = parse(event.data);
    queue = queue.then(function () { return update(news); }).catch(reloadFor);
  });
})();
