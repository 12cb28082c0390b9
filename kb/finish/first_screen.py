"""A page's first paint shows its first screen whole.

With nothing render-blocking in a page's head (its CSS is inline, no script file is fetched
before the first paint), Chromium painted as soon as it had parsed the header: on
Lighthouse's slow phone a frame with the header alone, then, in a task after that first
paint, the layout of the text (66 ms for a term page, one long task counted as blocking
time; BENCHMARK.md, "Switches"). `<link rel="expect" href="#id" blocking="render">` (HTML
standard, "expect" link type; Chromium 124 and later, ignored elsewhere) holds rendering
until the element with that id has been parsed: the first paint then comes once, with the
header and the first screen of text laid out together, and no sooner than the largest text
would have painted anyway.

The element waited for is the first one with an id in the article (headings have ids)
after FIRST_SCREEN_CHARS characters of its text, enough to fill a phone screen in either
language; on a shorter page, the article's last element with an id. A long article is not
held until all of it has arrived: only its first screens.
"""
import re

FIRST_SCREEN_CHARS = 1200  # a 390 px screen shows about 500 Han characters or 900 Latin ones
_ARTICLE = re.compile(r"<article\b[^>]*>(?P<body>.*?)</article>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r"<[a-z][a-z0-9]*\b[^>]*?\sid=\"(?P<id>[^\"]+)\"", re.IGNORECASE)
_NOT_TEXT = re.compile(r"<(script|style|svg)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def text_length(html: str) -> int:
    return len(_NOT_TEXT.sub("", html))


def awaited_id(html: str) -> str | None:
    """The id of the element the first paint waits for, or None (no article, or no id in
    it after its heading)."""
    article = _ARTICLE.search(html)
    if not article:
        return None
    body = article.group("body")
    ids = [(match.start(), match.group("id")) for match in _ID.finditer(body)]
    if len(ids) < 2:  # the H1's alone: nothing after it to wait for
        return None
    for at, element_id in ids[1:]:
        if text_length(body[:at]) >= FIRST_SCREEN_CHARS:
            return element_id
    return ids[-1][1]


def hold_first_paint(html: str) -> str:
    """The page with a render-blocking expect link first in its head, when it has an
    element to wait for."""
    element_id = awaited_id(html)
    head = _HEAD.search(html)
    if not element_id or not head:
        return html
    link = f'<link rel="expect" href="#{element_id}" blocking="render">'
    return html[: head.end()] + link + html[head.end():]
