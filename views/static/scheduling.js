// Page behaviour of the scheduling area (event delegation: boosted navigations do not re-run scripts).
// On the forecast chart, clicking an interval's bar picks that interval in the adjustment form.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var target = e.target;
    if (!(target instanceof Element)) return;
    var bar = target.closest('svg.staffing-chart rect.bar[data-interval]');
    if (!bar) return;
    var scope = document.getElementById('f-scope');
    var value = document.getElementById('f-value');
    if (!scope || !value) return;
    scope.value = bar.getAttribute('data-interval');
    value.focus();
  });
  // The value field says what it expects: a factor (×) or a number of calls.
  function hint() {
    var kind = document.getElementById('f-kind');
    var value = document.getElementById('f-value');
    if (!kind || !value) return;
    value.setAttribute('placeholder', kind.value === 'calls' ? '1200' : '1.3');
    value.setAttribute('inputmode', 'decimal');
  }
  document.addEventListener('change', function (e) {
    if (e.target instanceof Element && e.target.id === 'f-kind') hint();
  });
  document.addEventListener('htmx:load', function () {
    hint();
  });
  document.addEventListener('DOMContentLoaded', function () {
    hint();
  });
})();
