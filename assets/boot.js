// Loads the WebAssembly app. When the browser cannot run it, or the files fail to load,
// shows the Vietnamese notice that index.html already holds, instead of a blank page.
const showUnsupported = (reason) => {
  const loading = document.getElementById('boot-loading');
  if (loading) loading.hidden = true;
  document.getElementById('boot-unsupported').hidden = false;
  if (reason) {
    document.getElementById('boot-error-detail').textContent = 'Chi tiết kỹ thuật: ' + String(reason);
  }
};

const config = document.getElementById('boot-script').dataset;

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  showUnsupported('trình duyệt không có WebAssembly');
} else {
  import(config.glue)
    .then((glue) => glue.default({ module_or_path: config.wasm }))
    .catch((error) => showUnsupported(error && error.message ? error.message : error));
}
