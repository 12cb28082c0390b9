"""Site search index (Pagefind), written after each language's build into <root>/pagefind/.

Pagefind (PyPI `pagefind[extended]`, binary inside the wheel, offline) indexes built HTML
and writes an index that the browser loads in small chunks, only for the words searched.
The pages are served as built; the index is made from a copy of each page with
search-only markup added here, so the rules of what search sees live in this one file:

- only the article is indexed (`data-pagefind-body`); the claims index, the changes page
  and the bibliography are lists of other pages and are left out;
- a claim page (/claims/<id>/) is the claim's result: its title (the H1) and the questions
  readers ask it (data/claims.yaml) weigh most; its verdict is metadata for the result list.
  Inside articles the claim blocks are left out, so a claim is found once, on its page;
- a term's names and aliases weigh more than body text, and are metadata (`names`) so that
  the search script can put the page a query names first;
- boilerplate is left out: citations, cite boxes, review dates, "related terms" and
  "appears in" lists, reference lists, the glossary index, verdict meanings, labels.

Chinese: Pagefind segments a Chinese query in the browser with Intl.Segmenter (ICU) but
the page text with its own dictionary, and the two disagree (ICU: 骨/密度, the index:
骨密度), so a word of the article can be unfindable. Here every Han character of the
indexed copy is made a word of its own (a space between Han characters), and the browser
(overrides/assets/kb-search.js) searches each Chinese word of a query as an exact phrase
of characters: a Chinese word is found wherever its characters stand together, however
either side would segment it. The script removes those spaces again for display.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import html
import re
import tempfile
from pathlib import Path


BUNDLE = "pagefind"  # written at <language root>/pagefind/
EXCLUDE_SELECTORS = [
    "[data-search-exclude]",   # citations, claim-id links, review dates, cite box, lists
    ".kb-glossary", ".kb-filter",  # glossary index: a list of every term
    ".kb-references", ".kb-bibliography", ".kb-citedby",
    ".kb-names__label", ".kb-definition > strong",  # "英文", "又称", "定义": on every term page
    ".kb-claim__meaning", ".kb-claim__questions > p",  # a verdict's meaning, "读者常这样问"
    ".headerlink", ".md-content__button", ".md-source-file",
]
NAMES_WEIGHT = "5"       # a term's names and aliases (body text is 1, an <h1> 7)
QUESTIONS_WEIGHT = "5"   # the questions readers ask a claim with
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")
# Pages that only list other pages: searching them finds the list, not the answer.
UNINDEXED = ("404.html", "claims/index.html", "changes/index.html", "references/index.html")

ARTICLE = re.compile(r'<article class="md-content__inner')
NAMES = re.compile(r'<p class="kb-names">(?P<inner>.*?)</p>', re.S)
NAME_LABEL = re.compile(r'<span class="kb-names__label">[^<]*</span>')
NAME_SEPARATOR = re.compile(r"<br\s*/?>|、|[,;]\s")
QUESTIONS = re.compile(r'<div class="kb-claim__questions"')
ARTICLE_CLAIM = re.compile(r'<div class="kb-claim kb-claim--')
# A claim page's verdict line (kb/claim_pages.py).
CLAIM_VERDICT = re.compile(
    r'<p class="kb-claim__head kb-claim--(?P<verdict>[\w-]+)"><span class="kb-verdict[^"]*">(?P<label>[^<]*)</span>')
# "Related terms" / "appears in": a heading kept out of search, then a plain list.
EXCLUDED_LIST = re.compile(r'(<h2 data-search-exclude[^>]*>.*?</h2>\s*)<ul>', re.S)
REDIRECT = re.compile(r'<meta http-equiv="refresh"', re.I)
TAG = re.compile(r"<[^>]+>")
TEXT = re.compile(r">([^<]+)<")
HAN_PAIR = re.compile(r"(?<=[\u3400-\u9fff])(?=[\u3400-\u9fff])")


def spaced_han(text: str) -> str:
    """A space between every two adjacent Han characters of the text outside tags."""
    return TEXT.sub(lambda m: ">" + HAN_PAIR.sub(" ", m.group(1)) + "<", text)


def names_paragraph(match: re.Match) -> str:
    """A term's names paragraph, weighted, with its names as metadata (`names`, one
    name per "|") for the search script."""
    inner = NAME_LABEL.sub("", match["inner"])
    names = [html.unescape(TAG.sub("", name)).strip() for name in NAME_SEPARATOR.split(inner)]
    meta = html.escape("names:" + "|".join(name.replace("|", " ") for name in names if name))
    return f'<p data-pagefind-weight="{NAMES_WEIGHT}" data-pagefind-meta="{meta}" class="kb-names">{match["inner"]}</p>'


def searchable_html(page: str) -> str:
    """The page as the index should see it (see the module docstring)."""
    page = ARTICLE.sub('<article data-pagefind-body class="md-content__inner', page, count=1)
    page = NAMES.sub(names_paragraph, page, count=1)
    page = QUESTIONS.sub(f'<div data-pagefind-weight="{QUESTIONS_WEIGHT}" class="kb-claim__questions"', page)
    page = ARTICLE_CLAIM.sub('<div data-pagefind-ignore="all" class="kb-claim kb-claim--', page)
    page = EXCLUDED_LIST.sub(r"\1<ul data-pagefind-ignore>", page)
    page = CLAIM_VERDICT.sub(
        lambda m: m[0] + f'<span data-pagefind-meta="verdict:{m["verdict"]}/{html.escape(html.unescape(m["label"]))}"></span>',
        page, count=1)
    body = page.find("<body")
    return page[:body] + spaced_han(page[body:]) if body >= 0 else page


def language_pages(root: Path, skip: list[str]) -> list[Path]:
    """Built pages under one language root worth searching, leaving out other languages'
    roots, lists of pages and redirect stubs."""
    root = Path(root)
    pages = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(f"{BUNDLE}/") or any(rel.startswith(s.rstrip("/") + "/") for s in skip):
            continue
        if rel in UNINDEXED or REDIRECT.search(path.read_text("utf-8")[:2000]):
            continue
        pages.append(path)
    return pages


async def _write(root: Path, lang: str, pages: list[Path]) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    bundle = Path(root) / BUNDLE
    # Leaving the context writes the bundle to output_path (a write_files() call inside it
    # would write it twice, the second time to ./pagefind).
    config = IndexConfig(exclude_selectors=EXCLUDE_SELECTORS, force_language=lang, output_path=str(bundle))
    # The searchable copies go to a scratch directory that Pagefind indexes in one call
    # (one call per file through its service is 40 times slower).
    with tempfile.TemporaryDirectory() as scratch:
        for path in pages:
            copy = Path(scratch) / path.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(searchable_html(path.read_text("utf-8")), "utf-8")
        async with PagefindIndex(config=config) as index:
            await index.add_directory(scratch)
    for unused in UNUSED:  # Pagefind's own search interfaces: the site has its own
        for path in bundle.glob(unused):
            path.unlink()
    return len(pages)


def build_language_index(root: Path, lang: str, skip: list[str] = ()) -> int:
    """Index the pages of one language root into <root>/pagefind/; returns pages indexed.
    skip: sub-directories holding other languages' roots.

    Pagefind's result URLs start from where the browser loaded the bundle, so the site
    works from any sub-path.
    """
    job = _write(Path(root), lang, language_pages(root, list(skip)))
    # A thread of its own: the caller may already run an event loop (Playwright's sync API).
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, job).result()
