// Says in plain words when the app cannot start at all (a browser without WebAssembly, a blocked,
// missing or damaged file): once the Rust app runs it reports its own problems, so this only speaks
// while there is no app on the page. A classic script, loaded before the app's module.
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
})();
