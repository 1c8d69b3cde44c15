// Loads the WebAssembly app. When the browser cannot run it, or the files fail to load,
// shows the Vietnamese notice that index.html already holds, instead of a blank page.
// Once the app runs, registers the service worker and tells the app when an update waits.
const showUnsupported = (reason) => {
  const loading = document.getElementById('boot-loading');
  if (loading) loading.hidden = true;
  document.getElementById('boot-unsupported').hidden = false;
  if (reason) {
    document.getElementById('boot-error-detail').textContent = 'Chi tiết kỹ thuật: ' + String(reason);
  }
};

// The app (src/shell/update.rs) reads this flag at start and listens for the event.
const announceUpdate = () => {
  window.sotayUpdateReady = true;
  window.dispatchEvent(new Event('sotay-update-ready'));
};

const watchForUpdates = (registration) => {
  if (registration.waiting && navigator.serviceWorker.controller) announceUpdate();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      // With no controller this is the first install, not an update.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announceUpdate();
    });
  });
};

// Called by the app when the user accepts the update: the waiting worker takes over, then
// the page reloads once. Forms save every change as it is made, so nothing typed is lost.
window.sotayApplyUpdate = () => {
  navigator.serviceWorker.getRegistration().then((registration) => {
    if (!registration || !registration.waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    registration.waiting.postMessage({ type: 'SKIP_WAITING' });
  });
};

const registerServiceWorker = () => {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').then(watchForUpdates).catch((error) => {
    // Without a worker the app still runs; it just will not open offline.
    console.warn('Service worker not registered:', error);
  });
};

const config = document.getElementById('boot-script').dataset;

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  showUnsupported('trình duyệt không có WebAssembly');
} else {
  import(config.glue)
    .then((glue) => glue.default({ module_or_path: config.wasm }))
    .then((wasm) => {
      // Read by the benchmark (tests/bench/bench.mjs): memory the app holds.
      window.sotayDiagnostics = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
    })
    .then(registerServiceWorker)
    .catch((error) => showUnsupported(error && error.message ? error.message : error));
}
