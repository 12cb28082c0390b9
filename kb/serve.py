"""Serve a built site locally the way static hosts do: an unknown path gets the 404 page
of its language (/en/… gets /en/404.html, anything else /404.html), with status 404.

Usage: kb-serve [--site DIR] [--port N]      (or: make serve)
"""
import argparse
import functools
import http.server
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kb.languages import DEFAULT, LANGUAGES


def not_found_page(site_dir: Path, url_path: str) -> Path | None:
    """The 404 page for a request path: the one of the language whose prefix it starts with."""
    path = unquote(urlsplit(url_path).path).lstrip("/")
    for lang in LANGUAGES:
        if lang.prefix and (path + "/").startswith(lang.prefix):
            candidate = Path(site_dir) / lang.prefix / "404.html"
            if candidate.is_file():
                return candidate
    candidate = Path(site_dir) / DEFAULT.prefix / "404.html"
    return candidate if candidate.is_file() else None


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        page = not_found_page(self.directory, self.path) if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietSiteHandler(SiteHandler):
    def log_message(self, *args):
        pass


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 0, quiet: bool = False):
    """A threading HTTP server for site_dir (port 0: any free port); call serve_forever()."""
    handler = functools.partial(QuietSiteHandler if quiet else SiteHandler, directory=str(site_dir))
    return http.server.ThreadingHTTPServer((host, port), handler)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site (run make build)", file=sys.stderr)
        return 1
    server = make_server(args.site, args.host, args.port)
    print(f"Serving {args.site}/ at http://{args.host}:{server.server_address[1]}/  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
