"""Checks on the built site (HTML and CSS), as opposed to the Markdown sources.

Used by tests/test_site.py on the real build. Each function returns a list of problem
strings; an empty list means the site passes.
"""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

# Elements and attributes through which a page loads something by itself (links the
# reader follows, <a href>, are not loads).
RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "audio": ["src"],
    "video": ["src", "poster"],
    "source": ["src", "srcset"],
    "track": ["src"],
    "input": ["src"],
}
# <link rel> values that make the browser fetch the target.
LOADING_LINK_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
    "preconnect", "dns-prefetch", "modulepreload", "manifest", "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def is_third_party(url: str) -> bool:
    """True for a URL that names a host (http:, https:, protocol-relative)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https", "ftp", "ws", "wss") and bool(parsed.netloc)


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def external_resources_in_html(html: str) -> list[str]:
    """Third-party resources a page would load: 'tag attr=url' strings."""
    return [what for _, what in located_resources_in_html(html)]


class _ResourceFinder(HTMLParser):
    """Collects (line, 'tag attr=url') for third-party loads while the HTML is parsed.

    The standard library's parser rather than BeautifulSoup: it needs only start tags and
    style text, and importing bs4 would take a quarter of `make check`'s one-second budget.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._style_line = 0  # line of an open <style>, 0 outside one
        self._style_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for attribute in RESOURCE_ATTRIBUTES.get(tag, []):
            value = values.get(attribute)
            if value:
                urls = _srcset_urls(value) if attribute == "srcset" else [value]
                self.found += [(line, f"<{tag} {attribute}={url}>") for url in urls if is_third_party(url)]
        if tag == "link":
            rels = {rel.lower() for rel in values.get("rel", "").split()}
            href = values.get("href", "")
            if rels & LOADING_LINK_RELS and is_third_party(href):
                self.found.append((line, f"<link rel={' '.join(sorted(rels))} href={href}>"))
        if values.get("style"):
            self.found += [(line, f"style url({url})") for url in external_urls_in_css(values["style"])]
        if tag == "style":
            self._style_line, self._style_text = line, []

    def handle_data(self, data):
        if self._style_line:
            self._style_text.append(data)

    def handle_endtag(self, tag):
        if tag == "style" and self._style_line:
            css = "".join(self._style_text)
            self.found += [(self._style_line + line - 1, f"<style> url({url})") for line, url in located_urls_in_css(css)]
            self._style_line = 0


def located_resources_in_html(html: str) -> list[tuple[int, str]]:
    """(line, 'tag attr=url') for every third-party resource in an HTML text."""
    finder = _ResourceFinder()
    finder.feed(html)
    finder.close()
    return sorted(finder.found)


def external_urls_in_css(css: str) -> list[str]:
    return [url for _, url in located_urls_in_css(css)]


def located_urls_in_css(css: str) -> list[tuple[int, str]]:
    """(line, url) for every third-party url() or @import in a stylesheet."""
    found = []
    for match in CSS_URL.finditer(css):
        url = match.group(1) or match.group(2)
        if is_third_party(url):
            found.append((css.count("\n", 0, match.start()) + 1, url))
    return found


def external_resources_in_site(site_dir: Path) -> list[str]:
    """Every third-party load in a built site, as 'path: what' strings."""
    problems = []
    site_dir = Path(site_dir)
    for path in sorted(site_dir.rglob("*")):
        if path.suffix == ".html":
            items = external_resources_in_html(path.read_text("utf-8"))
        elif path.suffix == ".css":
            items = [f"url({url})" for url in external_urls_in_css(path.read_text("utf-8"))]
        else:
            continue
        problems += [f"{path.relative_to(site_dir)}: {item}" for item in items]
    return problems
