// Page behaviour of the agent area (event delegation: boosted navigations do not re-run scripts).
// Search as you type, but not while an input method is composing (拼音 candidates): the search box
// listens for the custom `agent-search` event, fired here on input outside composition and on
// compositionend. `/` focuses the box; ↑↓ choose a result; Enter opens it.
(function () {
  'use strict';
  var composing = false;

  function isSearchBox(el) {
    return el && el.matches && el.matches('input[data-agent-search]');
  }
  function fire(el) {
    el.dispatchEvent(new CustomEvent('agent-search', { bubbles: true }));
  }
  function hits() {
    return Array.prototype.slice.call(document.querySelectorAll('#hits .hit'));
  }
  function select(list, index) {
    list.forEach(function (li, i) {
      var on = i === index;
      li.classList.toggle('selected', on);
      li.setAttribute('aria-selected', on ? 'true' : 'false');
    });
    var box = document.querySelector('input[data-agent-search]');
    if (list[index]) {
      if (box) box.setAttribute('aria-activedescendant', list[index].id);
      list[index].scrollIntoView({ block: 'nearest' });
    }
  }
  function selectedIndex(list) {
    for (var i = 0; i < list.length; i++) if (list[i].classList.contains('selected')) return i;
    return -1;
  }

  document.addEventListener('compositionstart', function (e) {
    if (isSearchBox(e.target)) composing = true;
  });
  document.addEventListener('compositionend', function (e) {
    if (!isSearchBox(e.target)) return;
    composing = false;
    fire(e.target);
  });
  document.addEventListener('input', function (e) {
    if (!isSearchBox(e.target)) return;
    if (composing || e.isComposing) return;
    fire(e.target);
  });

  document.addEventListener('keydown', function (e) {
    var target = e.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var box = document.querySelector('input[data-agent-search]');
      if (box) {
        e.preventDefault();
        box.focus();
        box.select();
      }
      return;
    }
    if (!isSearchBox(target) || e.isComposing || composing) return;
    var list = hits();
    if (!list.length) return;
    var at = selectedIndex(list);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      select(list, Math.min(list.length - 1, at + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      select(list, Math.max(0, at - 1));
    } else if (e.key === 'Enter') {
      var link = list[Math.max(0, at)].querySelector('a.hit-link');
      if (link) {
        e.preventDefault();
        link.click();
      }
    }
  });

  // Results swapped in: the first is preselected by the server; keep the box's active descendant in step.
  document.addEventListener('htmx:load', function (e) {
    var el = e.detail && e.detail.elt;
    if (el && el.id === 'hits') {
      var list = hits();
      var box = document.querySelector('input[data-agent-search]');
      if (box) {
        if (list.length) box.setAttribute('aria-activedescendant', list[0].id);
        else box.removeAttribute('aria-activedescendant');
      }
    }
  });

  // Template editor (owners): typing in the JSON view means the JSON is what should be saved.
  document.addEventListener('input', function (e) {
    var el = e.target;
    if (el && el.id === 'f-template') {
      var use = document.getElementById('tpl-use-json');
      if (use) use.checked = true;
    }
  });
})();
