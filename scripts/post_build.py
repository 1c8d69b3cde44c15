#!/usr/bin/env python3
"""Trunk post-build hook, run in the staging directory (TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL).

0. Builds the app's wasm, split by screen (scripts/split_build.py), into the staging directory.
1. Writes the hashed names of the app's JS glue, wasm and handbook pack into index.html
   (placeholders %APP_GLUE% / %APP_WASM% / %HANDBOOK_PACK%), and allows its one inline script
   (boot-early) in the CSP by the script's hash (%BOOT_EARLY_HASH%). Trunk's script injection is off so the page can load the app
   through assets/boot.js and show a Vietnamese notice when it cannot.
2. Writes the build's file list and a content hash into sw.js (placeholders %PRECACHE% /
   %BUILD_VERSION%), so the service worker precaches exactly this build and its bytes
   change whenever any asset does.
"""
import base64
import hashlib
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import split_build  # noqa: E402  (beside this file)

SERVICE_WORKER = "sw.js"


def fill(path, replacements):
    text = path.read_text(encoding="utf-8")
    for placeholder, value in replacements.items():
        if placeholder not in text:
            sys.exit(f"post_build: {path.name} lacks the placeholder {placeholder}")
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")


def allow_inline_boot_script(staging):
    """The CSP allows the one inline script (index.html's boot-early) by the hash of its text."""
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    # Quoted or not: a release build's minified page drops the quotes.
    match = re.search(r'<script id=(["\']?)boot-early\1>(.*?)</script>', html, re.S)
    if not match:
        sys.exit("post_build: index.html lacks <script id=\"boot-early\">")
    digest = base64.b64encode(hashlib.sha256(match.group(2).encode("utf-8")).digest()).decode()
    fill(index, {"%BOOT_EARLY_HASH%": f"'sha256-{digest}'"})


def write_app_file_names(staging, public_url, glue, wasm, pack):
    fill(staging / "index.html", {
        "%APP_GLUE%": public_url + glue,
        "%APP_WASM%": public_url + wasm,
        "%HANDBOOK_PACK%": public_url + pack,
    })


def write_precache_list(staging):
    """The build id is a hash of every file (index.html with its build-id placeholder still in
    it); it is written into both the page and the worker, which refuses to keep a start page
    of another build."""
    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and p.name != SERVICE_WORKER
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((staging / name).read_bytes())
    build_id = digest.hexdigest()[:16]
    fill(staging / "index.html", {"%BUILD_ID%": build_id})
    # The shell is cached under the scope URL itself ("./"), which is what navigations ask for.
    precache = ["./" if name == "index.html" else name for name in files]
    fill(staging / SERVICE_WORKER, {
        "%BUILD_VERSION%": build_id,
        # Embedded inside a single-quoted JS string: JSON of plain file names has no quotes to escape.
        "%PRECACHE%": json.dumps(precache, separators=(",", ":")),
    })


def main():
    staging = Path(os.environ["TRUNK_STAGING_DIR"])
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    if not public_url.endswith("/"):
        public_url += "/"
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    glue, wasm = split_build.build_into(staging, release)
    # The page's loader is on the first load (Trunk copies it as it is: a copy-file asset).
    boot = staging / "boot.js"
    boot.write_text(split_build.minify_js(boot.read_text(encoding="utf-8"), release), encoding="utf-8")
    pack = split_build.copy_builtin_pack(staging)
    write_app_file_names(staging, public_url, glue, wasm, pack)
    allow_inline_boot_script(staging)
    write_precache_list(staging)


if __name__ == "__main__":
    main()
