"""Every script a page loads from a file runs deferred: the first paint waits for none.

Material's bundle sits at the end of <body> without `defer`, so a browser that has it
before the first paint runs it first. Deferred, it still runs before DOMContentLoaded,
which is when it starts its work (HTML standard: deferred scripts run, in document order,
after parsing and before that event), so nothing else changes. Our own scripts are
deferred in mkdocs.yml already; inline scripts (Material's storage helpers, the colour
scheme) stay as they are: they must run where they stand.
"""
import re

_EXTERNAL_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*\bsrc=[^>]*)>", re.IGNORECASE)
_ALREADY = re.compile(r"\b(?:defer|async)\b|\btype=[\"']?module", re.IGNORECASE)


def defer_scripts(html: str) -> str:
    """The page with `defer` on each <script src> that has neither defer nor async."""
    def add(match):
        attrs = match.group("attrs")
        return match.group(0) if _ALREADY.search(attrs) else f"<script{attrs} defer>"
    return _EXTERNAL_SCRIPT.sub(add, html)
