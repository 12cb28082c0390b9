"""The one parser of the site's Markdown extensions.

    [@key] [@key1; @key2]          citation
    [[term-id]] [[term-id|text]]   glossary term link
    ::: claim <id> <verdict>       claim block, closed by a line ":::"
    ::: verdicts                   generated block (see DIRECTIVES)
    ::: studies <ids or tags>      generated block with arguments (see DIRECTIVES_WITH_ARGS)
    ## Heading {#ascii-id}         explicit heading id

`walk()` visits a page body line by line, skipping fenced code and inline code, and calls
a visitor for every element it finds. The checker's visitor records what it sees
(`parse_body`); the renderer's visitor (kb/render/pages.py) returns replacement text. Both go
through this one walk, so what is checked is exactly what is rendered.

Written by hand because these markers are this site's own; no Markdown library parses
them, and Python-Markdown's extension API would hide line numbers from the checker.
"""
import re
from dataclasses import dataclass, field

CITATION = re.compile(r"\[(@[^\[\]]*)\]")
# "[@" that no "]" closes before the next "[" or the end of the line.
UNCLOSED_CITATION = re.compile(r"\[@[^\[\]]*(?=\[|$)")
CITATION_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-]*$")
TERM = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")
FENCE = re.compile(r"^\s*(```+|~~~+)")
BLOCK_OPEN = re.compile(r"^:::\s*(\S+)(.*?)\s*$")
BLOCK_CLOSE = re.compile(r"^:::\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ATTRS = re.compile(r"\s*\{\s*([^}]*)\}\s*$")
ASCII_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Internal Markdown links and images: [text](target "title").
LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")

# Blocks that the build replaces with generated content.
DIRECTIVES = ("verdicts", "glossary-index", "bibliography", "changes", "claims-index", "claim-page", "dose-ladder")
# Blocks that take words after their name: `::: studies prevend hoorn` (ids or tags of data/studies.yaml).
DIRECTIVES_WITH_ARGS = ("studies",)


@dataclass
class Citation:
    keys: list
    line: int
    claim: str | None = None


@dataclass
class TermRef:
    id: str
    text: str | None
    line: int
    claim: str | None = None


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Claim:
    id: str
    verdict: str
    line: int
    keys: list = field(default_factory=list)
    closed: bool = False


@dataclass
class Link:
    target: str
    line: int


@dataclass
class Syntax:
    """A malformed marker: code and message for the checker."""
    code: str
    message: str
    line: int


class Visitor:
    """Callbacks of walk(). Each returns the replacement text (or None to keep the source)."""

    def citation(self, keys: list, line: int, claim) -> str | None: ...
    def term(self, term_id: str, text: str | None, line: int, claim) -> str | None: ...
    def heading(self, heading: Heading) -> str | None: ...
    def claim_open(self, claim: Claim) -> str | None: ...
    def claim_close(self, claim: Claim, line: int) -> str | None: ...
    def directive(self, name: str, line: int, args: tuple = ()) -> str | None: ...
    def link(self, link: Link) -> None: ...
    def syntax(self, problem: Syntax) -> None: ...


class PlainText(Visitor):
    """What a reader sees of the markers, line for line: a term link becomes its text (or
    the term's name), claim and directive lines become empty, and a citation becomes
    whatever `cite(keys)` returns. Used by the copywriting lint and the benchmark's peer."""

    def __init__(self, term_names: dict, cite=lambda keys: ""):
        self.term_names, self.cite = term_names, cite  # term id -> name in the page's language

    def citation(self, keys, line, claim):
        return self.cite(keys)

    def term(self, term_id, text, line, claim):
        return text or self.term_names.get(term_id, "")  # an unknown id is reported elsewhere

    def claim_open(self, claim):
        return ""

    def claim_close(self, claim, line):
        return ""

    def directive(self, name, line, args=()):
        return ""


def split_citation(inner: str) -> list[str] | None:
    """'@a; @b' -> ['a', 'b']; None when malformed."""
    keys = []
    for part in inner.split(";"):
        part = part.strip()
        if not part.startswith("@") or not CITATION_KEY.match(part[1:]):
            return None
        keys.append(part[1:])
    return keys


def _inline(text: str, line: int, claim, visitor: Visitor) -> str:
    """Visit citations, term links and links outside inline code; return the new text."""
    out, last = [], 0
    for code in INLINE_CODE.finditer(text):
        out.append(_inline_plain(text[last:code.start()], line, claim, visitor))
        out.append(code.group(0))
        last = code.end()
    out.append(_inline_plain(text[last:], line, claim, visitor))
    return "".join(out)


def _inline_plain(text: str, line: int, claim, visitor: Visitor) -> str:
    def on_citation(match):
        keys = split_citation(match.group(1))
        if keys is None:
            visitor.syntax(Syntax("CIT002", f"malformed citation '{match.group(0)}' (expected [@key] or [@key1; @key2])", line))
            return match.group(0)
        replacement = visitor.citation(keys, line, claim)
        return match.group(0) if replacement is None else replacement

    def on_term(match):
        term_id = match.group(1).strip()
        text = match.group(2).strip() if match.group(2) is not None else None
        if not TERM_ID.match(term_id) or text == "":
            visitor.syntax(Syntax("TRM001", f"malformed term link '{match.group(0)}' (expected [[term-id]] or [[term-id|text]])", line))
            return match.group(0)
        replacement = visitor.term(term_id, text, line, claim)
        return match.group(0) if replacement is None else replacement

    for match in LINK.finditer(text):
        visitor.link(Link(match.group(2), line))
    for match in UNCLOSED_CITATION.finditer(CITATION.sub(lambda m: " " * len(m.group(0)), text)):
        shown = re.match(r"\[@[A-Za-z0-9_:.\-]*", match.group(0)).group(0).rstrip(".:-")
        visitor.syntax(Syntax("CIT002", f"unclosed citation '{shown}': no ']' closes it on this line", line))
    text = TERM.sub(on_term, text)
    return CITATION.sub(on_citation, text)


def parse_heading(text: str) -> tuple[str, str | None]:
    """'骨骼 {#bone .x}' -> ('骨骼', 'bone')."""
    attrs = HEADING_ATTRS.search(text)
    if not attrs:
        return text.strip(), None
    ident = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
    return text[:attrs.start()].strip(), ident


def walk(body: str, visitor: Visitor, first_line: int = 1) -> str:
    """Visit every element of a page body; return the body with the visitor's replacements."""
    out = []
    fence = None
    claim = None
    for offset, text in enumerate(body.split("\n")):
        line = first_line + offset
        fence_match = FENCE.match(text)
        if fence:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            out.append(text)
            continue
        if fence_match:
            fence = fence_match.group(1)
            out.append(text)
            continue
        if BLOCK_CLOSE.match(text):
            if claim is None:
                visitor.syntax(Syntax("CLM003", "':::' closes no open block", line))
                out.append(text)
            else:
                claim.closed = True
                replacement = visitor.claim_close(claim, line)
                out.append(text if replacement is None else replacement)
                claim = None
            continue
        block = BLOCK_OPEN.match(text)
        if block:
            name, args = block.group(1), block.group(2).split()
            if name == "claim":
                if claim is not None:
                    visitor.syntax(Syntax("CLM003", f"claim block opened inside claim '{claim.id}' (line {claim.line})", line))
                if len(args) != 2:
                    visitor.syntax(Syntax("CLM003", "expected '::: claim <id> <verdict>'", line))
                    out.append(text)
                    continue
                claim = Claim(args[0], args[1], line)
                if not ASCII_ID.match(claim.id):
                    visitor.syntax(Syntax("PAG006", f"claim id '{claim.id}' is not ASCII kebab-case", line))
                replacement = visitor.claim_open(claim)
                out.append(text if replacement is None else replacement)
            elif (name in DIRECTIVES and not args) or name in DIRECTIVES_WITH_ARGS:
                replacement = visitor.directive(name, line, tuple(args))
                out.append(text if replacement is None else replacement)
            else:
                visitor.syntax(Syntax("CLM005", f"unknown block '::: {block.group(1)}{block.group(2)}' (known: claim, {', '.join(DIRECTIVES + DIRECTIVES_WITH_ARGS)})", line))
                out.append(text)
            continue
        heading = HEADING.match(text)
        if heading:
            title, ident = parse_heading(heading.group(2))
            parsed = Heading(len(heading.group(1)), title, ident, line)
            replacement = visitor.heading(parsed)
            text = text if replacement is None else replacement
        out.append(_inline(text, line, claim.id if claim else None, visitor))
    if claim is not None:
        visitor.syntax(Syntax("CLM003", f"claim block '{claim.id}' is never closed with ':::'", claim.line))
    return "\n".join(out)


@dataclass
class ParsedBody:
    headings: list = field(default_factory=list)
    citations: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    links: list = field(default_factory=list)
    directives: list = field(default_factory=list)  # (name, line)
    directive_args: list = field(default_factory=list)  # (name, line, args) of blocks with arguments
    syntax: list = field(default_factory=list)

    @property
    def cited_keys(self) -> list:
        """Cited keys in order of first citation."""
        seen = {}
        for citation in self.citations:
            for key in citation.keys:
                seen.setdefault(key, None)
        return list(seen)

    @property
    def title(self) -> str | None:
        return next((h.text for h in self.headings if h.level == 1), None)


class _Recorder(Visitor):
    def __init__(self):
        self.result = ParsedBody()
        self._claims = {}

    def citation(self, keys, line, claim):
        self.result.citations.append(Citation(keys, line, claim))
        if claim is not None:
            self._claims[claim].keys += keys

    def term(self, term_id, text, line, claim):
        self.result.terms.append(TermRef(term_id, text, line, claim))

    def heading(self, heading):
        self.result.headings.append(heading)

    def claim_open(self, claim):
        self.result.claims.append(claim)
        self._claims[claim.id] = claim

    def claim_close(self, claim, line):
        return None

    def directive(self, name, line, args=()):
        self.result.directives.append((name, line))
        if name in DIRECTIVES_WITH_ARGS:
            self.result.directive_args.append((name, line, args))

    def link(self, link):
        self.result.links.append(link)

    def syntax(self, problem):
        self.result.syntax.append(problem)


def parse_body(body: str, first_line: int = 1) -> ParsedBody:
    recorder = _Recorder()
    walk(body, recorder, first_line)
    return recorder.result

