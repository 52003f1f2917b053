// GridCase forms: small helpers that the pages work without (no build step, no CDN).
// 1. A refused form's summary of problems takes the focus, so keyboard and screen-reader users hear it first.
// 2. "添加当事人" adds another party row to the report form (three rows are there without JavaScript).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) {
      summary.focus();
    }
    var add = document.querySelector('[data-add-party]');
    if (!add) {
      return;
    }
    add.hidden = false;
    add.addEventListener('click', function () {
      var rows = document.querySelectorAll('[data-party-row]');
      var last = rows[rows.length - 1];
      var index = rows.length;
      var copy = last.cloneNode(true);
      copy.querySelectorAll('.field-error').forEach(function (p) { p.remove(); });
      copy.querySelectorAll('.field').forEach(function (f) { f.classList.remove('has-error'); });
      copy.querySelectorAll('input').forEach(function (input) {
        var kind = input.name === 'partyPhone' ? 'phone' : 'name';
        input.id = 'party-' + index + '-' + kind;
        input.value = '';
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      });
      copy.querySelectorAll('label').forEach(function (label) {
        var phone = label.htmlFor.indexOf('-phone') > 0;
        label.htmlFor = 'party-' + index + '-' + (phone ? 'phone' : 'name');
        label.textContent = (phone ? '联系电话 ' : '当事人 ') + (index + 1);
      });
      last.parentNode.insertBefore(copy, add);
      copy.querySelector('input').focus();
    });
  });
}());
