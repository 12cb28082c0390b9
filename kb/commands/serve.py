"""The one local static server: `make serve` (kb-serve), the benchmark, the screenshots and
the browser tests. It serves a built site the way a static host (GitHub Pages) does:
directory index with a redirect to the trailing slash, the 404 page of the request's
language for unknown paths (/en/… gets /en/404.html) with status 404, gzip for text
types, Cache-Control.

Usage: kb-serve [--site DIR] [--port N]      (or: make serve)
"""
import argparse
import contextlib
import gzip
import http.server
import mimetypes
import re
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kb.model.languages import DEFAULT, LANGUAGES

COMPRESSIBLE_TYPES = (
    "text/", "application/javascript", "application/json", "application/xml",
    "application/manifest+json", "image/svg+xml",
)
# Material's bundles carry a content hash: a host may cache them for a year.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
# Types Python's table lacks or gets wrong on some systems.
EXTRA_TYPES = {
    ".js": "application/javascript", ".mjs": "application/javascript", ".json": "application/json",
    ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".xml": "application/xml",
    ".woff2": "font/woff2", ".woff": "font/woff", ".gz": "application/gzip", ".map": "application/json",
}


def content_type(path: Path) -> str:
    guessed = EXTRA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return guessed + ("; charset=utf-8" if guessed.startswith("text/") else "")


def not_found_page(root: Path, url_path: str) -> Path | None:
    """The 404 page for a request path: the one of the language whose prefix it starts with."""
    path = url_path.lstrip("/")
    for lang in LANGUAGES:
        if lang.prefix and (path + "/").startswith(lang.prefix):
            candidate = Path(root) / lang.prefix / "404.html"
            if candidate.is_file():
                return candidate
    candidate = Path(root) / DEFAULT.prefix / "404.html"
    return candidate if candidate.is_file() else None


class StaticHostHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root: Path  # set by open_server()

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def resolve(self) -> tuple[int, Path | None, str | None]:
        """(status, file to send, redirect location) for the request path."""
        url_path = unquote(urlsplit(self.path).path)
        relative = Path(*[p for p in url_path.split("/") if p not in ("", ".", "..")])
        path = self.root / relative
        if path.is_dir():
            if not url_path.endswith("/"):
                return 301, None, urlsplit(self.path).path + "/"
            path = path / "index.html"
        if path.is_file():
            return 200, path, None
        return 404, not_found_page(self.root, url_path), None

    def respond(self, send_body: bool):
        status, path, location = self.resolve()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = path.read_bytes() if path else b"Not found"
        kind = content_type(path) if path else "text/plain; charset=utf-8"
        self.send_header("Content-Type", kind)
        immutable = path is not None and FINGERPRINTED.search(path.name)
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "public, max-age=600")
        if kind.startswith(COMPRESSIBLE_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class StaticHostServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    @property
    def base_url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}/"

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # browsers drop idle keep-alives
            super().handle_error(request, client_address)


def open_server(root: Path, host: str = "127.0.0.1", port: int = 0) -> StaticHostServer:
    """Bound now (port 0: a free port, so a site can be built for its address), served
    later; `root` need not exist yet."""
    handler = type("Handler", (StaticHostHandler,), {"root": Path(root)})
    return StaticHostServer((host, port), handler)


@contextlib.contextmanager
def serving(server: StaticHostServer):
    """Serve in a background thread; shut down and close the socket afterwards."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.base_url
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve(root: Path):
    """open_server + serving for a directory that is already built."""
    with serving(open_server(root)) as base_url:
        yield base_url


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve a built site the way static hosts do.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site (run make build)", file=sys.stderr)
        return 1
    server = open_server(args.site, args.host, args.port)
    print(f"Serving {args.site}/ at {server.base_url}  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
