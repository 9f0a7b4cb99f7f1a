/*
  Marginalia — the site, readable offline, where it is served over http(s).

  Registers the service worker (sw.js at the site's root, named by this
  script's data-worker attribute, so it works from a page at any depth and
  from 404.html). The worker caches every file of the site; once it holds them
  all it says so, and this script shows "Available offline" in the footer's
  status line: a quiet line, announced politely (role="status"), never a
  pop-up.

  Opened from disk (file://) the site is already on the reader's machine and
  browsers do not run service workers there: nothing is registered and nothing
  is shown. A browser that refuses (no support, storage turned off) reads the
  site exactly as before: offline reading is an extra, never a gate.

  The worker is registered once the page has loaded and the browser has a
  moment free: its install fetches every file of the site, work and bandwidth
  that a phone would otherwise share with the reader's first screen (the
  figures are in docs/performance-history.md, thirteenth session).

  A classic deferred script, not a module: modules do not load from file://.
*/
(() => {
  'use strict';

  const script = document.currentScript;
  const worker = script && script.dataset.worker;
  if (!worker || !/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;

  const register = () => {
    const status = document.querySelector('.offline-status');
    let shown = false;
    const showAvailable = () => {
      if (!status || shown) return;
      shown = true;
      // Shown empty first, then filled: a live region announces a change to what it holds, not its own arrival.
      status.hidden = false;
      requestAnimationFrame(() => { status.textContent = 'Available offline'; });
    };

    const container = navigator.serviceWorker;
    container.addEventListener('message', event => {
      if (event.data && event.data.type === 'marginalia-offline') showAvailable();
    });
    container.startMessages();

    container.register(worker)
      .then(() => container.ready)
      .then(registration => {
        // An active worker has finished installing, but its cache may since have been cleared: it checks and answers.
        if (registration.active) registration.active.postMessage({ type: 'marginalia-offline-status' });
      })
      .catch(() => {
        // Not registered (a private window, storage off, a host that does not serve sw.js): the site reads as before.
      });
  };

  // Safari has no idle callback: there the worker waits only for the load.
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 0));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
})();
