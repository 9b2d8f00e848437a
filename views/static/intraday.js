// Intraday board: behaviour of the daily fine-tuning page.
// The board polls itself every 30 s (hx-trigger on #intraday-board); a poll is skipped while the floor lead is using
// one of its forms — focus inside a form, a no-show ticked or a file chosen — so a refresh never wipes their input.
(function () {
  'use strict';
  function busy(board) {
    var active = document.activeElement;
    if (active && active !== document.body && board.contains(active) && active.closest('form')) return true;
    if (board.querySelector('form.no-shows input[type="checkbox"]:checked')) return true;
    var file = board.querySelector('form.upload input[type="file"]');
    return !!(file && file.files && file.files.length);
  }
  document.addEventListener('htmx:beforeRequest', function (e) {
    var elt = e.detail && e.detail.elt;
    if (!(elt instanceof Element) || elt.id !== 'intraday-board') return;
    if (busy(elt)) e.preventDefault();
  });
})();
