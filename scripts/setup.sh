#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
# Sourced by scripts/run.sh and scripts/test.sh:  source scripts/setup.sh [--with-browser]
# Every step checks first, so a second run takes seconds.

TRUNK_VERSION="0.21.14"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The version of a crate locked in Cargo.lock.
locked_version() {
  awk -v wanted="name = \"$1\"" '$0 == wanted { getline; gsub(/version = |"/, ""); print; exit }' "$REPO_ROOT/Cargo.lock"
}

# The wasm-bindgen CLI must equal the wasm-bindgen crate version locked in Cargo.lock.
locked_wasm_bindgen_version() {
  locked_version wasm-bindgen
}

ensure_wasm_target() {
  # RUSTUP_AUTO_INSTALL=0 on these machines: rust-toolchain.toml alone installs nothing.
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing Trunk $TRUNK_VERSION (about 10 minutes the first time)"
    # 0.22 needs a newer rustc than this machine's 1.95.
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen_cli() {
  local wanted
  wanted="$(locked_wasm_bindgen_version)"
  if [ -z "$wanted" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; return 1; fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "Installing wasm-bindgen-cli $wanted (matches Cargo.lock)"
    # Not --locked: its lock file names a dependency version missing from the registry.
    cargo install wasm-bindgen-cli --version "$wanted" --force
  fi
}

ensure_wasm_split_cli() {
  # The split step (scripts/split_build.py) checks, through a custom section of the wasm,
  # that wasm-split-cli is the version of the wasm_split_helpers the app was built with.
  local wanted
  wanted="$(locked_version wasm_split_helpers)"
  if [ -z "$wanted" ]; then echo "setup: no wasm_split_helpers in Cargo.lock" >&2; return 1; fi
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$wanted:" || ! command -v wasm-split-cli >/dev/null; then
    say "Installing wasm-split-cli $wanted (matches wasm_split_helpers in Cargo.lock)"
    cargo install --locked wasm_split_cli_support --version "$wanted" --features build-binary --force
  fi
}

ensure_node_modules() {
  local stamp="$REPO_ROOT/node_modules/.sotay-lock-sha"
  local wanted
  wanted="$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    say "Installing npm dev-dependencies (wasm-opt, esbuild, Playwright)"
    # No test tool may download a browser here; Debian's Chromium is used instead.
    (cd "$REPO_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    echo "$wanted" > "$stamp"
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Debian's Chromium and ChromeDriver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

setup_main() {
  set -euo pipefail
  export PATH="$REPO_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  export CHROMEDRIVER=/usr/bin/chromedriver
  ensure_wasm_target
  ensure_node_modules
  ensure_trunk
  ensure_wasm_bindgen_cli
  ensure_wasm_split_cli
  if [ "${1:-}" = "--with-browser" ]; then ensure_chromium; fi
  say "Fetching crates"
  (cd "$REPO_ROOT" && cargo fetch --locked)
}

setup_main "$@"
