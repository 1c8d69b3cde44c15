#!/usr/bin/env python3
"""Serves a built app under a subpath with Python's plain static server, as a user's host would:
text, wasm and JSON files gzip-compressed for clients that accept it (as the README asks hosts to).

usage: serve.py SITE_DIR SUBPATH DIST_DIR PORT
Serves DIST_DIR at http://127.0.0.1:PORT/SUBPATH/ through the symlink SITE_DIR/SUBPATH, which a
test may re-point to another build to play "a new version was published". A served folder
holding a file named `.missing-as-html` plays a careless host: a missing file is answered with
the folder's index.html and status 200 (as single-page-app hosts configured for path routing do).
"""
import functools
import gzip
import http.server
import io
import mimetypes
import sys
from email.utils import formatdate
from pathlib import Path

COMPRESSED = {".html", ".js", ".css", ".wasm", ".json", ".webmanifest", ".svg"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Keeps the test output readable: requests are not logged. Compresses like a host."""

    _gzipped = {}

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        careless = next((folder for folder in path.parents if (folder / ".missing-as-html").is_file()), None)
        if careless is not None and not path.exists():
            return self.answer_with(careless / "index.html")
        return self.answer_with(path)

    def answer_with(self, path):
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts_gzip or path.suffix not in COMPRESSED or not path.is_file():
            if path.is_file() and path.name == "index.html" and Path(self.translate_path(self.path)) != path:
                # A careless host's answer for a missing file, without compression.
                body = path.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
            return super().send_head()
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        body = self._gzipped.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            self._gzipped[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)


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
