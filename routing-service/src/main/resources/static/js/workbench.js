// Keyboard use of the workbench: a key on a button with data-key presses it; "/" focuses the
// destination search; j/k move between queue rows, x selects one, Enter opens it. Keys are ignored
// while typing in a field.
(function () {
  'use strict';
  function typing(target) {
    return target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  }
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('table.queue tbody tr'));
  }
  function focusRow(delta) {
    var all = rows();
    if (all.length === 0) { return; }
    var current = all.findIndex(function (row) { return row.contains(document.activeElement); });
    var next = Math.max(0, Math.min(all.length - 1, current < 0 ? 0 : current + delta));
    var link = all[next].querySelector('a.open');
    if (link) { link.focus(); }
  }
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (event.key === '/') {
      var search = document.querySelector('[data-focus-key="/"]');
      if (search) { event.preventDefault(); search.focus(); }
      return;
    }
    if (event.key === 'j') { focusRow(1); return; }
    if (event.key === 'k') { focusRow(-1); return; }
    if (event.key === 'x') {
      var row = rows().find(function (r) { return r.contains(document.activeElement); });
      var box = row && row.querySelector('input[type=checkbox]');
      if (box) { box.checked = !box.checked; }
      return;
    }
    var button = document.querySelector('button[data-key="' + event.key + '"]');
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
  document.addEventListener('click', function (event) {
    if (event.target && event.target.hasAttribute('data-print')) { window.print(); }
  });
})();
