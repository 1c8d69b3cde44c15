#!/usr/bin/env python3
"""Trunk post-build hook: writes the hashed names of the app's JS glue and wasm into index.html.

Trunk runs it in its staging directory with TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL set.
index.html holds the placeholders %APP_GLUE% and %APP_WASM% (see Trunk.toml: inject_scripts
is off so the page can load the app through assets/boot.js).
"""
import os
import sys
from pathlib import Path

APP_BIN = "sotay"


def only(matches, what):
    if len(matches) != 1:
        sys.exit(f"post_build: expected exactly one {what}, found {[m.name for m in matches]}")
    return matches[0].name


def main():
    staging = Path(os.environ["TRUNK_STAGING_DIR"])
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    if not public_url.endswith("/"):
        public_url += "/"
    glue = only([p for p in staging.glob(f"{APP_BIN}-*.js")], "JS glue file")
    wasm = only(list(staging.glob(f"{APP_BIN}-*_bg.wasm")), "wasm file")
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    if "%APP_GLUE%" not in html or "%APP_WASM%" not in html:
        sys.exit("post_build: index.html lacks the %APP_GLUE% / %APP_WASM% placeholders")
    html = html.replace("%APP_GLUE%", public_url + glue).replace("%APP_WASM%", public_url + wasm)
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
