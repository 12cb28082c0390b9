"""Site search index: one JSON file per language (<language root>/search.json), written
after each language's build.

The browser (overrides/assets/kb-search.js) fetches it, with the MiniSearch engine, only
when a reader opens search, and indexes it in memory: one request of about 40 KB gzipped
for everything a reader can find. The rules of what search sees live in this one file:

- what the content model knows is taken from the model, never read back from HTML
  (issue 28): a page's title, a term's names and aliases, a claim's verdict, the questions
  readers ask it and its one-line conclusion (data/claims.yaml), and the words readers use
  for a term or page (data/search_synonyms.yaml, kb/model/synonyms.py);
- the text is what the built article shows, split at headings that carry an id (so that a
  result can link to the section that answers), boilerplate left out: citations, cite
  boxes, review dates, "related terms" and "appears in" lists, reference lists, verdict
  meanings, labels, and the names, verdict and questions already taken from the model
  (EXCLUDED);
- only the article is read; the claims index, the changes page, the bibliography and the
  glossary index are lists of other pages and are left out (UNINDEXED);
- a claim is found on its own page (/claims/<id>/); inside articles the claim blocks are
  left out, so a claim is found once.

File: {"pages": [record, ...], "synonyms": {word: [the term's name, ...]}}, where a record
is {"url", "title", "names", "questions", "verdict": [key, label] or null, "conclusion",
"also": [reader words], "sections": [[anchor, heading, text], ...]} (the first section,
anchor "", is the text before the first heading) and "synonyms" maps a reader's word for a
term to the term's names in this language, which search looks for as well.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from lxml import html as lxml_html

from kb.model import claims, kinds
from kb.model.content import Site, url_of
from kb.model.labels import search_result_labels
from kb.model.normalise import normalise

FILE = "search.json"  # at <language root>/
# What the browser fetches when search is first opened, relative to the language root
# (overrides/main.html hands them to overrides/assets/kb-search.js).
BROWSER_FILES = {"index": FILE, "engine": "assets/vendor/minisearch-7.2.0.min.js",
                 "ranking": "assets/kb-search-engine.js", "styles": "assets/kb-search-results.css"}
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
    f".//div[{_class('kb-claim__questions')}]",  # a claim's questions: from the model
    f".//p[{_class('kb-names')}]",               # a term's names: from the model
])
HEADING = re.compile(r"h[1-6]")
# Elements whose text stands apart from the next element's (a space after each).
BLOCKS = ("p", "li", "div", "section", "blockquote", "pre", "table", "tr", "td", "th", "dt", "dd",
          "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "details", "summary", "figcaption", "br")
SPACE = re.compile(r"\s+")
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
    """The text search sees on one built page: {"url", "sections"} (see the module
    docstring); None for a page without an article."""
    tree = lxml_html.fromstring(page)
    found = tree.xpath(f"//article[{_class('md-content__inner')}]")
    if not found:
        return None
    article = found[0]
    for element in article.xpath(EXCLUDED):
        _remove(element)
    for block in article.iter(*BLOCKS):
        if block is not article:
            block.tail = " " + (block.tail or "")
    return {"url": url, "sections": _sections(article)}


def model_facts(site: Site, lang: str) -> dict:
    """What the content model says of each page of one language, by page URL: title,
    names, questions, verdict, conclusion and the words readers use for it."""
    facts = {}
    for page in site.pages_in(lang):
        record = {"title": site.title(lang, page.path), "names": [], "questions": [], "verdict": None,
                  "conclusion": "", "also": []}
        term = site.terms.get(page.term_id) if page.term_id else None
        if term:
            record["names"] = _unique([*(term.names[code] for code in site.languages if code != lang), *term.abbr,
                                       *term.aliases.get(lang, []),
                                       *(a for code in site.languages if code != lang for a in term.aliases.get(code, []))],
                                      exclude=record["title"])
        if claims.is_claim_page(page):
            claim_id = claims.claim_id_of(page)
            _, claim = claims.find(site, lang, claim_id)
            data = site.claims.get(claim_id)
            record["questions"] = list(claims.text(site, claim_id, "questions", lang) or [])
            if claim is not None:
                record["verdict"] = [claim.verdict, claims.verdict_label(site, claim.verdict, lang)]
            record["conclusion"] = (getattr(data, "conclusion", None) or {}).get(lang, "") or ""
        facts[url_of(page.path)] = record
    for entry in site.synonyms:
        for target in entry.targets:
            url = target.partition("#")[0] if "/" in target or "#" in target else f"glossary/{target}/"
            if url in facts:
                facts[url]["also"] = _unique(facts[url]["also"] + list(entry.words.get(lang, [])))
    return facts


def query_synonyms(site: Site, lang: str) -> dict:
    """A reader's word for a term (normalised) -> the term's names in this language, which
    search looks for too: 软化血管 -> 血管钙化."""
    out = {}
    for entry in site.synonyms:
        names = [site.terms[t].names[lang] for t in entry.targets if t in site.terms]
        if names:
            for word in entry.words.get(lang, []):
                key = query_key(word)
                out[key] = _unique(out.get(key, []) + names)
    return out


def query_key(word: str) -> str:
    """A word as the search script spells a query before it looks for reader words (its
    normal(), overrides/assets/kb-search-engine.js): NFKC, lower case, one space between
    words, MK-7 / MK 7 as mk7."""
    text = " ".join(unicodedata.normalize("NFKC", word).lower().split())
    return re.sub(r"\bmk\s*-?\s*(\d+)\b", r"mk\1", text, flags=re.ASCII)


def _unique(items, exclude: str = "") -> list:
    seen, out = {normalise(exclude)} if exclude else set(), []
    for item in items:
        if normalise(item) not in seen:
            seen.add(normalise(item))
            out.append(item)
    return out


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


def build_language_index(site: Site, lang: str, root: Path, skip: list[str] = ()) -> int:
    """Write <root>/search.json for the pages of one language root; returns pages indexed.
    skip: sub-directories holding other languages' roots. Result addresses are relative
    to the language root, so the site works from any sub-path."""
    root = Path(root)
    facts = model_facts(site, lang)
    records = []
    for path in language_pages(root, list(skip)):
        url = page_url(root, path)
        record = page_record(path.read_text("utf-8"), url)
        if record and url in facts:
            records.append({"url": url, **facts[url], "sections": record["sections"]})
    index = {"pages": records, "synonyms": query_synonyms(site, lang), "words": search_result_labels(lang)}
    (root / FILE).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return len(records)
