"""A small static server for the built site, on 127.0.0.1 only.

It answers like GitHub Pages does for what the browser tests measure: text files are sent
gzip-compressed when the browser accepts it (so transferred bytes are what a resident's phone
downloads), directories serve their index.html, unknown paths get the site's 404 page.
Run alone: python tests/browser/sitesrv.py SITE_DIR [--port N]
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map", ".md"}
TYPES = {".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".csv": "text/csv",
         ".css": "text/css", ".html": "text/html", ".xml": "application/xml", ".png": "image/png",
         ".gz": "application/gzip", ".txt": "text/plain", ".map": "application/json"}


def make_handler(root: Path):
    root = root.resolve()
    cache: dict[Path, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet: the tests report what matters
            pass

        def _resolve(self) -> Path | None:
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if root not in target.parents and target != root:
                return None
            if target.is_dir():
                if not path.endswith("/"):
                    return None
                target = target / "index.html"
            return target if target.is_file() else None

        def _send(self, status: int, target: Path, head_only: bool):
            body = target.read_bytes()
            ctype = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith(("json", "xml")):
                ctype += "; charset=utf-8"
            encoding = None
            if target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                if target not in cache:
                    cache[target] = gzip.compress(body, compresslevel=9, mtime=0)
                body, encoding = cache[target], "gzip"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def _handle(self, head_only: bool):
            target = self._resolve()
            if target is None:
                path = urlsplit(self.path).path
                if (root / path.lstrip("/")).is_dir() and not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(404, root / "404.html", head_only)
                return
            self._send(200, target, head_only)

        def do_GET(self):
            self._handle(False)

        def do_HEAD(self):
            self._handle(True)

    return Handler


class SiteServer:
    """Serve `root` on 127.0.0.1 at a free port in a background thread; use as a context manager."""

    def __init__(self, root: Path, port: int = 0):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(Path(root)))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("site")
    ap.add_argument("--port", type=int, default=8000)
    a = ap.parse_args()
    with SiteServer(Path(a.site), a.port) as s:
        print(f"Serving {a.site} at {s.url} (Ctrl+C to stop)")
        try:
            s.thread.join()
        except KeyboardInterrupt:
            pass
