#!/usr/bin/env python3
"""Phone screenshots for review (not committed): home, an article, a term page and the
glossary, in both languages, light and dark, 390 px wide, from the built site/.

Usage: python scripts/screenshots.py [--out DIR]   (run `make build` first)
"""
import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"home": "", "article": "articles/vitamin-k-with-vitamin-d/", "term": "glossary/osteocalcin/", "glossary": "glossary/"}
LANGS = {"zh": "", "en": "en/"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/kb-screenshots"))
    args = parser.parse_args(argv)
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("site/ is not built: run `make build` first", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, device_scale_factor=2)
            page = context.new_page()
            for lang, prefix in LANGS.items():
                for name, path in PAGES.items():
                    page.goto(base + prefix + path, wait_until="networkidle")
                    target = args.out / f"{name}-{lang}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target)
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
