// Runs before the first paint, from index.html right after the static first screen: applies
// the stored text size (so a "Rất lớn" reader's page does not jump when the app starts) and
// writes the chi bộ's name into the static header. It only reads; any problem leaves the
// defaults, and the app itself (src/settings, src/shell) owns these values once it runs.
(function () {
  try {
    var settings = JSON.parse(localStorage.getItem('sotay.settings') || '{}');
    var sizes = { normal: 'normal', large: 'large', extra_large: 'xlarge' };
    if (settings && sizes[settings.text_size]) {
      document.documentElement.setAttribute('data-text-size', sizes[settings.text_size]);
    }
  } catch (e) { /* defaults */ }
  try {
    var chiBo = JSON.parse(localStorage.getItem('sotay.chibo') || 'null');
    var name = document.getElementById('boot-chi-bo-name');
    if (name) name.textContent = chiBo && typeof chiBo.name === 'string' ? chiBo.name : 'Chưa thiết lập chi bộ';
  } catch (e) { /* defaults */ }
})();
