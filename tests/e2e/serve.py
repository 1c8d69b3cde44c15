#!/usr/bin/env python3
"""Serves a built app under a subpath with Python's plain static server, as a user's host would.

usage: serve.py SITE_DIR SUBPATH DIST_DIR PORT
Serves DIST_DIR at http://127.0.0.1:PORT/SUBPATH/ through the symlink SITE_DIR/SUBPATH, which a
test may re-point to another build to play "a new version was published".
"""
import functools
import http.server
import mimetypes
import sys
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Keeps the test output readable: requests are not logged."""

    def log_message(self, format, *args):
        pass


def main():
    site, subpath, dist, port = Path(sys.argv[1]).resolve(), sys.argv[2], Path(sys.argv[3]).resolve(), int(sys.argv[4])
    if not (dist / "index.html").is_file():
        sys.exit(f"serve.py: {dist}/index.html not found; build first")
    site.mkdir(parents=True, exist_ok=True)
    link = site / subpath
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(dist, target_is_directory=True)
    mimetypes.add_type("application/wasm", ".wasm")
    mimetypes.add_type("application/manifest+json", ".webmanifest")
    handler = functools.partial(QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
