"""No script loaded from a file stands before a page's first paint.

Ours (mkdocs.yml extra_javascript) are deferred. Any other <script src> is Material's
bundle: it is marked `type="kb/after-paint"`, which a browser neither fetches nor runs
(HTML standard: a script of an unknown type is a data block), and overrides/assets/kb.js
starts it once the page has loaded and painted. Merely deferred, it ran when parsing
ended, which on a fast connection often came before the first paint: its start-up work
(about 50 ms, four times that on Lighthouse's slow phone) then held up the largest paint
and counted as blocking time (DESIGN.md, "Page weight on a phone"). Inline scripts
(Material's storage helpers, the colour scheme) stay as they are: they must run where
they stand.
"""
import re
from collections.abc import Iterable

AFTER_PAINT = "kb/after-paint"
_EXTERNAL_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*\bsrc=[\"']?(?P<src>[^\"'\s>]+)[^>]*)>", re.IGNORECASE)
_ALREADY = re.compile(r"\b(?:defer|async)\b|\btype=[\"']?module", re.IGNORECASE)
_DEFER = re.compile(r"\s+defer\b(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?", re.IGNORECASE)


def defer_scripts(html: str, ours: Iterable[str]) -> str:
    """The page with `defer` on each of our scripts (paths as in extra_javascript) that
    has neither defer nor async, and every other <script src> marked to start after the
    first paint."""
    ours = tuple(ours)

    def rewrite(match):
        attrs, src = match.group("attrs"), match.group("src").split("?")[0]
        if not any(src == path or src.endswith("/" + path) for path in ours):
            return f'<script{_DEFER.sub("", attrs)} type="{AFTER_PAINT}">'
        return match.group(0) if _ALREADY.search(attrs) else f"<script{attrs} defer>"
    return _EXTERNAL_SCRIPT.sub(rewrite, html)


def defer_ours(html: str, ours: Iterable[str]) -> str:
    """The page with `defer` on each of our scripts, every other script as its template
    wrote it: what a page gets with the material_after_paint switch off (kb/finish/switches.py)."""
    ours = tuple(ours)

    def rewrite(match):
        attrs, src = match.group("attrs"), match.group("src").split("?")[0]
        if not any(src == path or src.endswith("/" + path) for path in ours) or _ALREADY.search(attrs):
            return match.group(0)
        return f"<script{attrs} defer>"
    return _EXTERNAL_SCRIPT.sub(rewrite, html)
