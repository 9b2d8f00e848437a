// Peakline page behaviour: htmx requests carry the CSRF token; small keyboard helpers.
(function () {
  'use strict';
  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute('content') : '';
  }
  document.addEventListener('htmx:configRequest', function (e) {
    var v = e.detail.verb;
    if (v && v.toLowerCase() !== 'get') e.detail.headers['X-CSRF-Token'] = csrf();
  });
  // After a boosted navigation the new page's token lives in its own meta tag; htmx swaps <head>
  // meta only partially, so refresh it from the response when present.
  document.addEventListener('htmx:afterSwap', function (e) {
    var xhr = e.detail.xhr;
    if (!xhr || !xhr.responseText) return;
    var m = /<meta name="csrf-token" content="([^"]*)"/.exec(xhr.responseText);
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (m && meta) meta.setAttribute('content', m[1]);
  });
})();
