#!/usr/bin/env bash
# Benchmarks the web app's release build (not part of the tests): bundle sizes raw / gzip /
# brotli, and start-up time in headless Chromium with 4× CPU throttling, cold and warm, side by
# side with a static HTML page of the same first screen. Prints a table and rewrites the
# "Web app (release build)" section of BENCHMARKS.md (between its bench:web markers).
#   ./scripts/bench.sh            (BENCH_RUNS=N for N runs per case, default 15)
set -euo pipefail
source "$(dirname "$0")/setup.sh" --with-browser
cd "$REPO_ROOT"

ensure_twiggy() {
  # Only to say what the wasm is made of; the bench still runs without it.
  if ! command -v twiggy >/dev/null; then
    say "Installing twiggy (wasm size profiler)"
    cargo install --locked twiggy || echo "bench: twiggy could not be installed; its part is skipped" >&2
  fi
}
ensure_twiggy

ensure_lighthouse() {
  # Kept out of the root package.json: the test command does not need its 110 MB.
  if [ ! -f tests/bench/lighthouse/node_modules/lighthouse/core/index.js ]; then
    say "Installing Lighthouse for the bench (tests/bench/lighthouse)"
    npm ci --prefix tests/bench/lighthouse --no-audit --no-fund || echo "bench: Lighthouse could not be installed; its part is skipped" >&2
  fi
}
ensure_lighthouse

say "Building the release build into target/bench-dist"
trunk build --release --public-url /so-tay/ --dist target/bench-dist

say "Writing the 10-year backups the bench imports into target/bench-files"
cargo run --locked --quiet -p sotay-domain --release --example backup_bench -- --write-files target/bench-files

say "Measuring (headless Chromium, 4× CPU slowdown; a few minutes)"
node tests/bench/bench.mjs
