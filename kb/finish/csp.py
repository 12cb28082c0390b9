"""The Content-Security-Policy of every page, as a <meta> tag in the page itself.

GitHub Pages cannot send headers, so the policy travels in the HTML. Everything loads
from the site itself; the few inline scripts that must stay inline (Material's
storage helpers, a redirect page's anchor keeper) and each page's own CSS (kb/finish/page_css.py)
are allowed by the SHA-256 of their exact text, computed from the final HTML, so an
injected or edited script or style does not apply.
No 'unsafe-inline' at all: Material sets styles through the CSSOM (element.style), which
a policy does not restrict, and its templates carry no style attributes.
"""
import base64
import hashlib
import re

# An executable inline script: no src, and no type or a JavaScript type (Material's
# <script type="application/json" id="__config"> is data, not code).
_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s+(?!src\b)[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>(?P<code>.*?)</script>",
    re.DOTALL | re.IGNORECASE,
)
_INLINE_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<code>.*?)</style>", re.DOTALL | re.IGNORECASE)
_NOT_CODE_TYPE = re.compile(r"\btype=[\"']?(?!text/javascript|module)[\w/+.-]+", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
META_NAME = "Content-Security-Policy"


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' sources for each executable inline script, in document order."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if _NOT_CODE_TYPE.search(match.group("attrs")):
            continue
        source = _sha256(match.group("code"))
        if source not in hashes:
            hashes.append(source)
    return hashes


def inline_style_hashes(html: str) -> list[str]:
    """'sha256-…' sources for each inline <style> (each page's own CSS, kb/finish/page_css.py)."""
    return list(dict.fromkeys(_sha256(match.group("code")) for match in _INLINE_STYLE.finditer(html)))


def _sha256(code: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(code.encode('utf-8')).digest()).decode()}'"


def policy(script_hashes: list[str], style_hashes: list[str] = ()) -> str:
    # Fonts, fetches (the search index) and workers fall back to default-src 'self'; naming
    # them again cost ~20 bytes gzipped on every page, and a term page's bytes are counted
    # against the first round trip (BENCHMARK.md).
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        " ".join(["style-src 'self'", *style_hashes]),
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str) -> str:
    """The page with its policy as the first element of <head> (a policy only governs
    what follows it)."""
    if META_NAME in html:
        raise ValueError("the page already has a Content-Security-Policy")
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    meta = f'\n<meta http-equiv="{META_NAME}" content="{policy(inline_script_hashes(html), inline_style_hashes(html))}">'
    return html[: head.end()] + meta + html[head.end():]
