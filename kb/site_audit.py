"""Checks on the built site (HTML and CSS), as opposed to the Markdown sources.

Used by tests/test_site.py on the real build. Each function returns a list of problem
strings; an empty list means the site passes.
"""
import re
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

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


def located_resources_in_html(html: str) -> list[tuple[int, str]]:
    """(line, 'tag attr=url') for every third-party resource in an HTML text."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                urls = _srcset_urls(value) if attribute == "srcset" else [value]
                found += [(element.sourceline, f"<{tag} {attribute}={url}>") for url in urls if is_third_party(url)]
    for link in soup.find_all("link"):
        rels = {rel.lower() for rel in link.get("rel", [])}
        href = link.get("href", "")
        if rels & LOADING_LINK_RELS and is_third_party(href):
            found.append((link.sourceline, f"<link rel={' '.join(sorted(rels))} href={href}>"))
    for element in soup.find_all(style=True):
        found += [(element.sourceline, f"style url({url})") for url in external_urls_in_css(element["style"])]
    for style in soup.find_all("style"):
        found += [(style.sourceline + line - 1, f"<style> url({url})") for line, url in located_urls_in_css(style.get_text())]
    return sorted(found)


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
