"""Site search index (Pagefind), built from the pages of one language after its build.

Pagefind (PyPI `pagefind[extended]`, binary inside the wheel, offline) indexes built HTML
and writes an index that the browser loads in small chunks, only for the words searched.
The pages are served as built; the index is made from a copy of each page with
search-only markup added here, so the rules of what search sees live in this one file:

- only the article is indexed (`data-pagefind-body` on Material's `<article>`);
- a claim becomes a section of its own: its statement is given to Pagefind as a heading
  with the claim's id, so the claim is a sub-result that links to its anchor, and its
  verdict is kept as metadata (`verdict-<id>`) for the result list;
- a claim's reader questions (data/claims.yaml, `questions`, if present) are indexed with
  it, weighted above body text;
- a term's names and aliases weigh more than body text, so term queries find the term page;
- citations, "related terms", "appears in", the cite box, the glossary index, the
  reference list and the bibliography are left out.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import html
import re
import tempfile
from pathlib import Path

import yaml

from kb.languages import LANGUAGES

BUNDLE = "pagefind"  # written at <language root>/pagefind/
EXCLUDE_SELECTORS = [
    "[data-search-exclude]",   # citations, claim-id links, review dates, cite box
    ".kb-glossary", ".kb-filter",  # glossary index: a list of every term
    ".kb-references", ".kb-bibliography", ".kb-citedby",
    ".headerlink", ".md-content__button", ".md-source-file",
]
NAMES_WEIGHT = "5"       # term names and aliases (body text is 1, an <h1> 7)
QUESTIONS_WEIGHT = "3"   # a claim's reader questions

ARTICLE = re.compile(r'<article class="md-content__inner')
NAMES = re.compile(r'<p class="kb-names"')
# "Related terms" / "appears in": a heading kept out of search, then a plain list.
EXCLUDED_LIST = re.compile(r'(<h2 data-search-exclude[^>]*>.*?</h2>\s*)<ul>', re.S)
CLAIM = re.compile(
    r'<div class="kb-claim kb-claim--(?P<verdict>[\w-]+)" id="(?P<id>[\w-]+)">\s*'
    r'<p class="kb-claim__head"><span class="kb-verdict[^"]*">(?P<label>[^<]*)</span>.*?</p>\s*'
    r'(?:<p>(?P<statement>.*?)</p>)?',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def claim_questions(project_root: Path) -> dict[str, dict[str, list[str]]]:
    """Reader questions per claim id and language, from data/claims.yaml if it exists."""
    path = Path(project_root) / "data" / "claims.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return {cid: (entry or {}).get("questions") or {} for cid, entry in data.items()}


def searchable_html(page: str, lang: str, questions: dict | None = None) -> str:
    """The page as the index should see it (see the module docstring)."""
    questions = questions or {}
    page = ARTICLE.sub('<article data-pagefind-body class="md-content__inner', page, count=1)
    page = NAMES.sub(f'<p data-pagefind-weight="{NAMES_WEIGHT}" class="kb-names"', page)
    page = EXCLUDED_LIST.sub(r"\1<ul data-pagefind-ignore>", page)

    def claim(match: re.Match) -> str:
        cid = match["id"]
        statement = match["statement"] or ""
        # "Claim: ..." / "结论：..." leads the statement; the heading keeps only the claim.
        statement = re.sub(r"^<strong>[^<]*</strong>\s*", "", statement)
        meta = f'verdict-{cid}:{match["verdict"]}/{html.unescape(match["label"])}'
        asked = " · ".join(questions.get(cid, {}).get(lang, []))
        extra = f'<p data-pagefind-weight="{QUESTIONS_WEIGHT}">{html.escape(asked)}</p>' if asked else ""
        return (
            f'<div class="kb-claim">\n<h3 id="{cid}" data-pagefind-meta="{html.escape(meta)}">'
            f"{statement}</h3>{extra}\n"
        )

    return CLAIM.sub(claim, page)


def language_pages(root: Path, skip: list[str]) -> list[Path]:
    """Built HTML pages under one language root, leaving out other languages' roots."""
    root = Path(root)
    pages = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(f"{BUNDLE}/") or any(rel.startswith(s.rstrip("/") + "/") for s in skip):
            continue
        if rel == "404.html":
            continue
        pages.append(path)
    return pages


async def _write(root: Path, lang: str, pages: list[Path], questions: dict) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=EXCLUDE_SELECTORS, force_language=lang)
    # The searchable copies go to a scratch directory that Pagefind indexes in one call
    # (one call per file through its service is 40 times slower).
    with tempfile.TemporaryDirectory() as scratch:
        for path in pages:
            copy = Path(scratch) / path.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(searchable_html(path.read_text("utf-8"), lang, questions), "utf-8")
        async with PagefindIndex(config=config) as index:
            await index.add_directory(scratch)
            await index.write_files(output_path=str(root / BUNDLE))
    return len(pages)


def build_language_index(root: Path, lang: str, skip: list[str], project_root: Path) -> int:
    """Index the pages of one language root into <root>/pagefind/; returns pages indexed.

    URLs in the index are relative to the language root ("/glossary/mk-4/"); the search
    script resolves them against the root it loaded the bundle from, so the site works
    from any sub-path.
    """
    pages = language_pages(root, skip)
    job = _write(Path(root), lang, pages, claim_questions(project_root))
    # A thread of its own: the caller may already run an event loop (Playwright's sync API).
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, job).result()


def build_site_index(site_dir: Path, project_root: Path) -> dict[str, int]:
    """One index per language of a built site (zh at the root, en under en/)."""
    site_dir = Path(site_dir)
    prefixes = [lang.prefix for lang in LANGUAGES if lang.prefix]
    counts = {}
    for lang in LANGUAGES:
        root = site_dir / lang.prefix if lang.prefix else site_dir
        skip = [] if lang.prefix else prefixes
        counts[lang.code] = build_language_index(root, lang.code, skip, project_root)
    return counts
