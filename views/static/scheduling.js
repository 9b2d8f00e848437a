// Page behaviour of the scheduling area (event delegation: boosted navigations do not re-run scripts).
// On the forecast chart, clicking an interval's bar picks that interval in the adjustment form; on the roster grid,
// arrow keys move between cells.
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
  // Roster grid: arrow keys move between cells (each cell is a link; Enter opens it for editing).
  document.addEventListener('keydown', function (e) {
    var target = e.target;
    if (!(target instanceof Element) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    var move = moves[e.key];
    if (!move) return;
    var cell = target.closest('table.roster-grid td.cell');
    if (!cell || target.tagName !== 'A') return;
    var row = cell.parentElement;
    var rows = Array.prototype.slice.call(row.parentElement.children);
    var cells = Array.prototype.slice.call(row.querySelectorAll('td.cell'));
    var r = rows.indexOf(row) + move[0];
    var c = cells.indexOf(cell) + move[1];
    if (r < 0 || r >= rows.length) return;
    var next = rows[r].querySelectorAll('td.cell')[c];
    var link = next && next.querySelector('a');
    if (!link) return;
    e.preventDefault();
    link.focus();
  });
  document.addEventListener('htmx:load', function () {
    hint();
  });
  document.addEventListener('DOMContentLoaded', function () {
    hint();
  });
})();
