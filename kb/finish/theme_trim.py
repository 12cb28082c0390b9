"""What Material prints on every page for features this site does not use, left out.

Material's templates print, on every page, the interface words of its own search and
version selector in the bundle's configuration (`<script id="__config">`), and a script
that opens a content tab named by the URL's #fragment. This site has no Material search
form (kb-search.js is the search), no versions and, so far, no content tabs: about 290
bytes gzipped on every page, the margin that keeps a Chinese term page within the first
round trip (BENCHMARK.md). Rather than copying Material's blocks into overrides/ (a copy
misses what the next Material release adds), this pass removes from Material's own
output only what the page cannot use, and leaves the page as it is whenever that output
is not what it expects.
"""
import json
import re

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_TAB_SCRIPT = re.compile(r"<script>[^<]*__tabbed_[^<]*</script>\s*")
_SEARCH_FORM = 'data-md-component="search"'  # Material's search, absent without its plugin


def trim_config(html: str) -> str:
    """Material's __config without the words (and search worker) of components absent from the page."""
    match = _CONFIG.search(html)
    if not match:
        return html
    try:
        config = json.loads(match.group(2))
        words = config["translations"]
    except (ValueError, KeyError, TypeError):
        return html
    unused = ()
    if _SEARCH_FORM not in html:
        unused += ("search.",)
        config.pop("search", None)  # the worker's address: read only by the search component
    if not config.get("version"):
        unused += ("select.version",)  # the version selector's only word; no versions, no selector
    config["translations"] = {key: text for key, text in words.items() if not key.startswith(unused)}
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    return html[: match.start(2)] + text + html[match.end(2):]


def drop_tab_script(html: str) -> str:
    """The page without Material's content-tab scripts when it has no content tabs."""
    return html if 'name="__tabbed_' in html else _TAB_SCRIPT.sub("", html)


def trim(html: str) -> str:
    return drop_tab_script(trim_config(html))
