"""Long pages lay out their first screen first.

Laying out all the text of a long page (an article, the references, the glossary) before
its first paint was the largest task of loading it: 44 ms unthrottled on the longest
article, most of the blocking time Lighthouse counted there (BENCHMARK.md). On such a page
a small script in the head (overrides/main.html, id SCRIPT_ID) marks <html> with the class
kb-lazy-layout, and kb.css then gives the blocks of its text `content-visibility: auto`:
the browser lays out only those near the screen. Once Material has started, kb.js lays
out the rest in short idle-time steps, each block marked kb-laid-out, so that the
page's height is real and tools that read colours from the drawn page see every block
(axe-core judges undrawn text against the wrong background: dequelabs/axe-core#2768).

The script leaves the class off when the address has a #fragment or the page is reloaded
or reached by back/forward: there the browser puts the reader at a position, and the
estimated heights of blocks not yet laid out would put it wrong.
"""
# Characters of a page's rendered content (HTML): the shortest long page (the Chinese
# glossary) has 52,000, the longest other page (English "about") 24,000.
LONG_PAGE_CHARS = 40_000
SCRIPT_ID = "kb-lazy-layout"
# What the script and kb.js add to the page, for kb/finish/page_css.py.
ADDED_NAMES = frozenset({".kb-lazy-layout", ".kb-laid-out", "[data-kb-laid-out"})
# Matches once all of a page is laid out: a short page at once, a long one when kb.js is
# done. For what drives a browser (tests, screenshots).
LAID_OUT = "html:is(:not(.kb-lazy-layout), [data-kb-laid-out])"


def is_long(content_html: str) -> bool:
    """Whether a page's rendered content is long enough to lay out its first screen first."""
    return len(content_html or "") >= LONG_PAGE_CHARS
