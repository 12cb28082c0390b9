"""Site search index: one JSON file per language (<language root>/search.json), written
after each language's build from the built pages.

The browser (overrides/assets/kb-search.js) fetches it, with the MiniSearch engine, only
when a reader opens search, and indexes it in memory: one request of about 40 KB gzipped
for everything a reader can find. The rules of what search sees live in this one file:

- only the article is read; the claims index, the changes page, the bibliography and the
  glossary index are lists of other pages and are left out (UNINDEXED);
- a claim is found on its own page (/claims/<id>/): its title and the questions readers
  ask it (data/claims.yaml) are fields of their own, its verdict is shown in the result.
  Inside articles the claim blocks are left out, so a claim is found once;
- a term's names and aliases are a field of their own, so that a query naming the term
  puts its page first;
- boilerplate is left out: citations, cite boxes, review dates, "related terms" and
  "appears in" lists, reference lists, verdict meanings, labels (EXCLUDED);
- the text is split at headings that carry an id, so that a result can link to the
  section that answers.

Record of a page: {"url", "title", "names", "questions", "verdict": [key, label] or null,
"sections": [[anchor, heading, text], ...]}; the first section (anchor "") is the text
before the first heading.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import html as lxml_html

from kb.model import kinds

FILE = "search.json"  # at <language root>/
# What the browser fetches when search is first opened, relative to the language root
# (overrides/main.html hands them to overrides/assets/kb-search.js).
BROWSER_FILES = {"index": FILE, "engine": "assets/vendor/minisearch-7.2.0.min.js",
                 "ranking": "assets/kb-search-engine.js"}
# Pages that only list other pages: searching them finds the list, not the answer
# (which kinds of page: kb/model/kinds.py).
UNINDEXED = ("404.html", *kinds.unsearched_files())


def _class(name: str) -> str:
    """XPath test for an element carrying the class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


EXCLUDED = " | ".join([
    ".//*[@data-search-exclude]",  # citations, claim-id links, review dates, cite box, lists
    ".//script", ".//style", ".//noscript",  # structured data; a no-JS notice
    # "Related terms" / "appears in": a heading kept out of search, then a plain list.
    ".//*[@data-search-exclude][self::h2 or self::h3]/following-sibling::*[1][self::ul or self::ol]",
    *(f".//*[{_class(name)}]" for name in (
        "kb-references", "kb-bibliography", "kb-citedby", "kb-claim__meaning",
        "headerlink", "md-content__button", "md-source-file", "kb-glossary", "kb-filter")),
    f".//div[{_class('kb-claim')}]",          # claim blocks of an article: found on their pages
    f"./p[{_class('kb-claim__head')}]",       # a claim page's verdict: shown with the result
    f".//div[{_class('kb-claim__questions')}]/p",  # "读者常这样问" / "Readers ask it as"
    f".//*[{_class('kb-definition')}]/strong",     # "定义" / "Definition"
])
HEADING = re.compile(r"h[1-6]")
# Elements whose text stands apart from the next element's (a space after each).
BLOCKS = ("p", "li", "div", "section", "blockquote", "pre", "table", "tr", "td", "th", "dt", "dd",
          "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "details", "summary", "figcaption", "br")
SPACE = re.compile(r"\s+")
NAME_SEPARATOR = re.compile(r"\n|、|；|[,;]\s")
REDIRECT = re.compile(r'<meta http-equiv="refresh"', re.I)


def _text(element) -> str:
    return SPACE.sub(" ", element.text_content()).strip()


def _remove(element) -> None:
    """Remove an element but keep its tail text (the text after it belongs to its parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _names(article) -> list[str]:
    """A term's names, labels left out: one per line of its names paragraph, lists split."""
    found = article.xpath(f".//p[{_class('kb-names')}]")
    if not found:
        return []
    paragraph = found[0]
    for label in paragraph.xpath(f".//*[{_class('kb-names__label')}]"):
        _remove(label)
    for br in paragraph.iter("br"):
        br.tail = "\n" + (br.tail or "")
    names = [SPACE.sub(" ", name).strip() for name in NAME_SEPARATOR.split(paragraph.text_content())]
    _remove(paragraph)
    return [name for name in names if name]


def _verdict(article) -> list[str] | None:
    """[key, label] of a claim page's verdict (its head line, kb/render/claim_pages.py)."""
    for label in article.xpath(f"./p[{_class('kb-claim__head')}]/span[{_class('kb-verdict')}]"):
        keys = [c[len("kb-verdict--"):] for c in label.get("class", "").split() if c.startswith("kb-verdict--")]
        if keys:
            return [keys[0], _text(label)]
    return None


def _sections(article) -> list[list[str]]:
    """[anchor, heading, text] for the text before the first heading and after each
    heading that has an id; headings inside other elements count too."""
    sections = [["", "", []]]

    def walk(element):
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            if HEADING.fullmatch(child.tag) and child.get("id") and child.tag != "h1":
                sections.append([child.get("id"), _text(child), []])
            elif child.tag == "h1":
                continue
            elif child.xpath(".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][@id]"):
                if child.text and child.text.strip():
                    sections[-1][2].append(child.text)
                walk(child)
            else:
                sections[-1][2].append(child.text_content())
            if child.tail and child.tail.strip():
                sections[-1][2].append(child.tail)

    walk(article)
    out = [[anchor, heading, SPACE.sub(" ", " ".join(parts)).strip()] for anchor, heading, parts in sections]
    return [s for i, s in enumerate(out) if i == 0 or s[1] or s[2]]


def page_record(page: str, url: str) -> dict | None:
    """What search knows of one built page (see the module docstring); None for a page
    without an article."""
    tree = lxml_html.fromstring(page)
    found = tree.xpath(f"//article[{_class('md-content__inner')}]")
    if not found:
        return None
    article = found[0]
    title = next((_text(h1) for h1 in article.iter("h1")), "")
    verdict = _verdict(article)
    for element in article.xpath(EXCLUDED):
        _remove(element)
    for block in article.iter(*BLOCKS):
        if block is not article:
            block.tail = " " + (block.tail or "")
    questions = [_text(li) for li in article.xpath(f".//div[{_class('kb-claim__questions')}]//li")]
    for block in article.xpath(f".//div[{_class('kb-claim__questions')}]"):
        _remove(block)
    names = _names(article)
    return {"url": url, "title": title, "names": names, "questions": questions,
            "verdict": verdict, "sections": _sections(article)}


def language_pages(root: Path, skip: list[str]) -> list[Path]:
    """Built pages under one language root worth searching, leaving out other languages'
    roots, lists of pages and redirect stubs."""
    root = Path(root)
    pages = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if any(rel.startswith(s.rstrip("/") + "/") for s in skip):
            continue
        if rel in UNINDEXED or REDIRECT.search(path.read_text("utf-8")[:2000]):
            continue
        pages.append(path)
    return pages


def page_url(root: Path, path: Path) -> str:
    """The page's address relative to its language root, as links on the site write it."""
    rel = path.relative_to(root).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def build_language_index(root: Path, skip: list[str] = ()) -> int:
    """Write <root>/search.json for the pages of one language root; returns pages indexed.
    skip: sub-directories holding other languages' roots. Result addresses are relative
    to the language root, so the site works from any sub-path."""
    root = Path(root)
    records = []
    for path in language_pages(root, list(skip)):
        record = page_record(path.read_text("utf-8"), page_url(root, path))
        if record:
            records.append(record)
    (root / FILE).write_text(json.dumps({"pages": records}, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return len(records)
