"""No script file is fetched before a page's first paint.

A script a page fetches while it loads stands in its first paint's way: on Lighthouse's
simulated phone our two small deferred scripts alone put the largest paint ~200 ms later
(their requests count as needed for it; BENCHMARK.md, "Switches"). So every <script src>
is marked with a type a browser neither fetches nor runs (HTML standard: a script of an
unknown type is a data block):

- ours (mkdocs.yml extra_javascript) `type="kb/after-load"`: the page's loader
  (overrides/main.html, LOADER) starts them, in order, once the page has loaded and a
  frame has been drawn;
- any other, i.e. Material's bundle, `type="kb/after-paint"`: overrides/assets/kb.js starts it
  then, and sends DOMContentLoaded again so that Material's page features start
  (tests/browser/test_material_start.py).

Inline scripts (Material's storage helpers, the colour scheme, the loader) stay as they
are: they must run where they stand. With the scripts_after_paint switch off
(kb/finish/switches.py) ours are deferred and Material's left as its template wrote it.
"""
import re
from collections.abc import Iterable

AFTER_LOAD = "kb/after-load"  # ours: started by the page's loader
AFTER_PAINT = "kb/after-paint"  # Material's: started by kb.js
_EXTERNAL_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*\bsrc=[\"']?(?P<src>[^\"'\s>]+)[^>]*)>", re.IGNORECASE)
_ALREADY = re.compile(r"\b(?:defer|async)\b|\btype=[\"']?module", re.IGNORECASE)
_LOADING = re.compile(r"\s+(?:defer|async)\b(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?", re.IGNORECASE)


def _is_ours(src: str, ours: tuple) -> bool:
    src = src.split("?")[0]
    return any(src == path or src.endswith("/" + path) for path in ours)


def defer_scripts(html: str, ours: Iterable[str]) -> str:
    """The page with each of our scripts (paths as in extra_javascript) marked for the
    loader and every other <script src> marked for kb.js: none is fetched before the first paint."""
    ours = tuple(ours)

    def rewrite(match):
        kind = AFTER_LOAD if _is_ours(match.group("src"), ours) else AFTER_PAINT
        return f'<script{_LOADING.sub("", match.group("attrs"))} type="{kind}">'
    return _EXTERNAL_SCRIPT.sub(rewrite, html)


def defer_ours(html: str, ours: Iterable[str]) -> str:
    """The page with `defer` on each of our scripts, every other script as its template
    wrote it: what a page gets with the scripts_after_paint switch off (kb/finish/switches.py)."""
    ours = tuple(ours)

    def rewrite(match):
        attrs = match.group("attrs")
        if not _is_ours(match.group("src"), ours) or _ALREADY.search(attrs):
            return match.group(0)
        return f"<script{attrs} defer>"
    return _EXTERNAL_SCRIPT.sub(rewrite, html)
