"""Pages without the indentation of Material's templates.

The templates indent every line; a term page carries about 0.4 KB (gzipped) of it. That
is what takes the page over the first round trip of a new connection (about 14 KB: TCP's
initial window of ten segments), and a reader on a slow phone connection waits a round
trip longer for it. Only whitespace at the start of a line goes: a line break stays
where there was one, so text reads the same; <pre> and <textarea> keep theirs.
"""
import re

_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact(html: str) -> str:
    """The page with each run of line breaks and indentation as one line break."""
    parts = _KEEP.split(html)
    # split() with two groups yields [text, block, tag name, text, block, tag name, ...]
    return "".join(_INDENT.sub("\n", part) if n % 3 == 0 else part if n % 3 == 1 else ""
                   for n, part in enumerate(parts))
