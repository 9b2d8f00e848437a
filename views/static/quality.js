// Page behaviour of the quality area (event delegation: boosted navigations do not re-run scripts).
// The scoring screen's player: space play/pause (when not typing), ←/→ ±5 s, [ ] speed; transcript
// lines and pre-flag links seek; comment time positions come from the player.
(function () {
  'use strict';
  var SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

  function player() {
    return document.querySelector('audio[data-qa-player]');
  }

  function typing(el) {
    if (!el || !el.tagName) return false;
    var tag = el.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
    if (tag !== 'input') return false;
    var type = (el.getAttribute('type') || 'text').toLowerCase();
    return ['radio', 'checkbox', 'button', 'submit', 'reset', 'range'].indexOf(type) < 0;
  }

  function showSpeed(audio) {
    var label = document.querySelector('[data-speed-label]');
    if (label) label.textContent = audio.playbackRate + '×';
  }

  function seek(audio, seconds) {
    var max = isFinite(audio.duration) ? audio.duration : seconds;
    audio.currentTime = Math.max(0, Math.min(max, seconds));
  }

  document.addEventListener('keydown', function (e) {
    var audio = player();
    if (!audio || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    if (e.key === ' ' || e.code === 'Space') {
      if (e.target && e.target.tagName && ['button', 'a', 'audio', 'input', 'summary'].indexOf(e.target.tagName.toLowerCase()) >= 0) return;
      e.preventDefault();
      if (audio.paused) audio.play();
      else audio.pause();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      var tag = e.target && e.target.tagName ? e.target.tagName.toLowerCase() : '';
      if (tag === 'input') return; // radio groups use the arrows
      e.preventDefault();
      seek(audio, audio.currentTime + (e.key === 'ArrowLeft' ? -5 : 5));
    } else if (e.key === '[' || e.key === ']') {
      e.preventDefault();
      var i = SPEEDS.indexOf(audio.playbackRate);
      if (i < 0) i = 2;
      i = Math.max(0, Math.min(SPEEDS.length - 1, i + (e.key === '[' ? -1 : 1)));
      audio.playbackRate = SPEEDS[i];
      showSpeed(audio);
    }
  });

  document.addEventListener('click', function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    var link = target.closest('[data-seek]');
    var audio = player();
    if (link && audio) {
      e.preventDefault();
      seek(audio, parseFloat(link.getAttribute('data-seek')) || 0);
      audio.play();
      return;
    }
    var mark = target.closest('[data-mark-time]');
    if (mark && audio) {
      var id = mark.getAttribute('data-mark-time');
      var input = document.querySelector('[data-time-input="' + id + '"]');
      if (input) {
        input.value = (Math.round(audio.currentTime * 10) / 10).toString();
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  });

  // Starting a comment notes where the recording is, unless a position is already set.
  document.addEventListener('focusin', function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target || !target.hasAttribute('data-time-for')) return;
    var audio = player();
    var input = document.querySelector('[data-time-input="' + target.getAttribute('data-time-for') + '"]');
    if (audio && input && input.value === '' && audio.currentTime > 0) input.value = (Math.round(audio.currentTime * 10) / 10).toString();
  });

  // The transcript line being played is marked.
  document.addEventListener(
    'timeupdate',
    function (e) {
      var audio = e.target;
      if (!(audio instanceof HTMLAudioElement) || !audio.hasAttribute('data-qa-player')) return;
      var t = audio.currentTime;
      document.querySelectorAll('.q-seg').forEach(function (li) {
        var on = t >= parseFloat(li.getAttribute('data-start')) && t < parseFloat(li.getAttribute('data-end')) + 0.3;
        li.classList.toggle('q-current', on);
      });
    },
    true,
  );

  // The static server answers without byte ranges, so a plain <audio src> cannot seek. Load the
  // recording once as a blob (CSP allows blob: media): seeking, ±5 s and comment positions then work.
  function upgradeAudio(root) {
    (root || document).querySelectorAll('audio[data-qa-player]:not([data-blob])').forEach(function (audio) {
      audio.setAttribute('data-blob', 'loading');
      fetch(audio.getAttribute('src'), { credentials: 'same-origin' })
        .then(function (res) {
          return res.ok ? res.blob() : null;
        })
        .then(function (blob) {
          if (!blob) return;
          var at = audio.currentTime;
          var playing = !audio.paused;
          audio.addEventListener(
            'loadedmetadata',
            function () {
              if (at) audio.currentTime = at;
              if (playing) audio.play();
              audio.setAttribute('data-blob', 'ready');
            },
            { once: true },
          );
          audio.src = URL.createObjectURL(blob);
        })
        .catch(function () {
          audio.setAttribute('data-blob', 'failed');
        });
    });
  }

  // The plan form shows only the fields of the chosen sampling method.
  function syncMethod(root) {
    (root || document).querySelectorAll('select[name="methodKind"]').forEach(function (select) {
      var form = select.closest('form');
      if (!form) return;
      form.classList.add('q-js');
      form.querySelectorAll('[data-method]').forEach(function (box) {
        box.classList.toggle('q-current', box.getAttribute('data-method') === select.value);
      });
    });
  }
  document.addEventListener('change', function (e) {
    if (e.target instanceof Element && e.target.matches('select[name="methodKind"]')) syncMethod(document);
  });
  document.addEventListener('htmx:load', function (e) {
    syncMethod(e.target);
    upgradeAudio(e.target);
  });
  document.addEventListener('DOMContentLoaded', function () {
    syncMethod(document);
    upgradeAudio(document);
  });
})();
