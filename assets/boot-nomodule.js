// Runs only in browsers too old for JavaScript modules, where the app cannot start.
document.getElementById('boot-loading').style.display = 'none';
document.getElementById('boot-unsupported').removeAttribute('hidden');
