// Says in plain words when the app cannot start at all (a browser without WebAssembly, a blocked,
// missing or damaged file): once the Rust app runs it reports its own problems, so this only speaks
// while there is no app on the page. A classic script, loaded before the app's module. Once the app
// is ready, it also registers the service worker that keeps the app for offline use.
(function () {
  'use strict';
  function fail(why) {
    if (document.getElementById('app')) return;
    var box = document.getElementById('boot-failure');
    if (!box) {
      window.addEventListener('DOMContentLoaded', function () { fail(why); });
      return;
    }
    var spans = box.querySelectorAll('.boot-why');
    for (var i = 0; i < spans.length; i++) spans[i].textContent = why;
    box.hidden = false;
  }
  if (typeof WebAssembly !== 'object') {
    fail('this browser has no WebAssembly.');
    return;
  }
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && (target.tagName === 'SCRIPT' || target.tagName === 'LINK')) {
      fail('a file of the app did not load (' + (target.src || target.href) + ').');
    } else if (event.message) {
      fail(event.message);
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    fail(reason && reason.message ? reason.message : String(reason));
  });
  whenAppReady(offline);

  // Once the page has loaded and the app says it is ready (#app[data-state="ready"]): the offline
  // copy's downloads must not compete with the first view's.
  function whenAppReady(then) {
    function check() {
      var app = document.getElementById('app');
      if (!app || app.getAttribute('data-state') !== 'ready') return false;
      then();
      return true;
    }
    function onLoad() {
      if (check()) return;
      var watch = new MutationObserver(function () {
        if (check()) watch.disconnect();
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    }
    if (document.readyState === 'complete') onLoad();
    else window.addEventListener('load', onLoad);
  }

  // Offline after the first visit (static/sw.js). The app shows the state (its offline-status
  // notice) from <html data-offline>: 'ready' (every file is kept in this browser) or 'update' (a
  // newer version is kept and takes over on reload); a `latent-lab-offline` event says it changed.
  // Nothing here may break the page: without a service worker the app simply needs the network.
  function offline() {
    if (!('serviceWorker' in navigator)) return;
    var container = navigator.serviceWorker;
    var asked = false;
    // Another tab's reload made a newer version take over: this page's code is older than its files.
    var stale = false;
    var controlled = !!container.controller;
    function say(state) {
      if (document.documentElement.getAttribute('data-offline') === state) return;
      document.documentElement.setAttribute('data-offline', state);
      window.dispatchEvent(new CustomEvent('latent-lab-offline', { detail: state }));
    }
    function refresh(registration) {
      if (stale || (registration.waiting && registration.active)) say('update');
      else if (registration.active && registration.active.state === 'activated') say('ready');
    }
    function follow(registration, worker) {
      if (worker) worker.addEventListener('statechange', function () { refresh(registration); });
    }
    // The notice's reload button: the waiting version takes over, then the page reloads on it.
    window.addEventListener('latent-lab-offline-apply', function () {
      asked = true;
      container.getRegistration('./').then(function (registration) {
        if (registration && registration.waiting) registration.waiting.postMessage({ type: 'latent-lab-skip-waiting' });
        else window.location.reload();
      });
    });
    container.register('./sw.js').then(function (registration) {
      // Playwright's `serviceWorkers: 'block'` answers with nothing: no offline copy, no notice.
      if (!registration) return;
      container.addEventListener('controllerchange', function () {
        if (asked) return window.location.reload();
        // The first version claims the page it was installed from; any later change is stale code.
        if (controlled) stale = true;
        controlled = true;
        refresh(registration);
      });
      // The first worker may already be past installing by the time register() answers.
      follow(registration, registration.installing || registration.waiting || registration.active);
      registration.addEventListener('updatefound', function () { follow(registration, registration.installing); });
      refresh(registration);
    }).catch(function (error) {
      console.warn('Latent Lab: no offline copy (' + (error && error.message ? error.message : error) + ')');
    });
  }
})();
