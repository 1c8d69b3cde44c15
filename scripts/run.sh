#!/usr/bin/env bash
# Installs what is missing, builds the app (release) and serves it on http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$REPO_ROOT"
say "Building and serving on http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080
