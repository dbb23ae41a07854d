/* mtcheck review report: filters and keyboard navigation. Inlined into
   every page; allowed by the page's Content-Security-Policy through its
   SHA-256 hash. Without it the page still shows everything. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.setAttribute('data-js', 'on');
  /* the inline stylesheet applied (its CSP hash matched): body margin 0 */
  if (window.getComputedStyle(document.body).marginTop === '0px') root.setAttribute('data-css', 'on');

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  each(document.querySelectorAll('form.filters'), function (form) {
    var doc = form.closest('article') || document;
    form.hidden = false;
    function apply() {
      var off = {};
      each(form.querySelectorAll('input[type=checkbox]'), function (cb) {
        if (!cb.checked) off[cb.getAttribute('data-filter') + '\u0000' + cb.value] = true;
      });
      each(doc.querySelectorAll('mark.iss, li.item'), function (el) {
        var hide = off['cat\u0000' + el.getAttribute('data-cat')] ||
                   off['sev\u0000' + el.getAttribute('data-sev')];
        el.classList.toggle('off', !!hide);
        if (el.hasAttribute('tabindex')) el.setAttribute('tabindex', hide ? '-1' : '0');
      });
    }
    form.addEventListener('change', apply);
    apply(); /* boxes the browser restored (back/forward) take effect */
    form.addEventListener('submit', function (e) { e.preventDefault(); });
  });

  /* n / p: next or previous visible issue; Escape leaves it. */
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target && e.target.tagName;
    if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT') return;
    if (e.key === 'Escape' && document.activeElement && document.activeElement.blur) {
      document.activeElement.blur();
      return;
    }
    if (e.key !== 'n' && e.key !== 'p') return;
    var heads = Array.prototype.filter.call(
      document.querySelectorAll('mark.iss:not(.cont)'),
      function (m) { return !m.classList.contains('off'); });
    if (!heads.length) return;
    var i = heads.indexOf(document.activeElement);
    if (e.key === 'n') i = (i + 1) % heads.length;
    else i = i <= 0 ? heads.length - 1 : i - 1;
    heads[i].focus({ preventScroll: true });
    heads[i].scrollIntoView({ block: 'center' });
    e.preventDefault();
  });

  /* A click on an issue number in the list focuses its highlight. */
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.lab');
    if (!a) return;
    var m = document.getElementById(a.getAttribute('href').slice(1));
    if (!m) return;
    e.preventDefault();
    m.focus({ preventScroll: true });
    m.scrollIntoView({ block: 'center' });
  });
})();
