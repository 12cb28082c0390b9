"""What kind each page is, and what each kind gets: the one place that reads meaning into a
page's path.

A page's kind follows from its language-neutral source path (docs/<lang>/<path>):

| kind       | path                  | front matter     | JSON-LD                   | own card | searched | in nav |
|------------|-----------------------|------------------|---------------------------|----------|----------|--------|
| home       | index.md              | page             | WebSite                   | no       | yes      | yes    |
| article    | articles/<name>.md    | page             | Article + ClaimReview     | yes      | yes      | yes    |
| term       | glossary/<id>.md      | term             | DefinedTerm               | no       | yes      | no     |
| glossary   | glossary/index.md     | page             | DefinedTermSet            | no       | yes      | yes    |
| claim      | claims/<id>.md        | from its claim   | ClaimReview               | yes      | yes      | no     |
| claims     | claims/index.md       | page             | WebPage                   | no       | no       | yes    |
| changes    | changes.md            | page             | WebPage                   | no       | no       | yes    |
| references | references.md         | page             | WebPage                   | no       | no       | yes    |
| page       | anything else         | page             | WebPage                   | no       | yes      | yes    |

"searched": whether site search indexes the page (lists of other pages are left out: a
search should find the answer, not the list). "in nav": pages readers reach from an index
page instead (70 terms in every page's navigation would weigh on every page view); the
hook hands MkDocs the not_in_nav patterns from here. Search ranks by field, not by kind
(overrides/assets/kb-search-engine.js): a claim page's title and questions, a term's names.
Which file renders each kind: kb/render/pages.py; its JSON-LD: kb/render/structured_data.py.
"""
import fnmatch
import functools
from dataclasses import dataclass

_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
_TEXT = {"type": "string", "minLength": 1}
PAGE_FRONT_MATTER = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"description": _TEXT, "reviewed": _DATE, "title": _TEXT},
    "required": ["description", "reviewed"],
}
TERM_FRONT_MATTER = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"definition": _TEXT, "reviewed": _DATE},
    "required": ["definition", "reviewed"],
}


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str  # the language-neutral source paths of this kind (fnmatch)
    front_matter: dict | None  # its JSON schema; None: taken from data (claims.attach)
    json_ld: str  # schema.org type of the page's main item (kb/render/structured_data.py)
    own_card: bool = False  # a preview card of its own (kb/finish/preview_cards.py)
    searched: bool = True  # indexed by site search (kb/finish/search_index.py)
    in_nav: bool = True


GLOSSARY_DIR = "glossary/"
CLAIM_DIR = "claims/"
ARTICLE_DIR = "articles/"

HOME = Kind("home", "index.md", PAGE_FRONT_MATTER, "WebSite")
GLOSSARY = Kind("glossary", GLOSSARY_DIR + "index.md", PAGE_FRONT_MATTER, "DefinedTermSet")
CLAIMS = Kind("claims", CLAIM_DIR + "index.md", PAGE_FRONT_MATTER, "WebPage", searched=False)
CHANGES = Kind("changes", "changes.md", PAGE_FRONT_MATTER, "WebPage", searched=False)
REFERENCES = Kind("references", "references.md", PAGE_FRONT_MATTER, "WebPage", searched=False)
ARTICLE = Kind("article", ARTICLE_DIR + "*.md", PAGE_FRONT_MATTER, "Article", own_card=True)
TERM = Kind("term", GLOSSARY_DIR + "*.md", TERM_FRONT_MATTER, "DefinedTerm", in_nav=False)
CLAIM = Kind("claim", CLAIM_DIR + "*.md", None, "ClaimReview", own_card=True, in_nav=False)
PAGE = Kind("page", "*", PAGE_FRONT_MATTER, "WebPage")
# First match wins: the index pages before the folders they stand in.
KINDS = (HOME, GLOSSARY, CLAIMS, CHANGES, REFERENCES, ARTICLE, TERM, CLAIM, PAGE)


@functools.lru_cache(maxsize=None)  # asked for every page many times per check and build
def of_path(path: str) -> Kind:
    """The kind of the page at a language-neutral source path ('glossary/inr.md')."""
    return next(kind for kind in KINDS if fnmatch.fnmatchcase(path, kind.pattern))


def of(page) -> Kind:
    """The kind of a page of the content model (kb/model/content.py Page)."""
    return of_path(page.path)


def item_id(path: str) -> str | None:
    """The id a term or claim page stands for ('inr' for glossary/inr.md), else None."""
    kind = of_path(path)
    if kind in (TERM, CLAIM):
        return path[len(kind.pattern) - len("*.md"):-len(".md")]
    return None


def built_file(path: str) -> str:
    """The built file of a page below its language's root, use_directory_urls style:
    'claims/index.md' -> 'claims/index.html', 'changes.md' -> 'changes/index.html'."""
    stem = path[:-len(".md")]
    return ("" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/") + "index.html"


def unsearched_files() -> tuple:
    """Built files (below a language's root) of the pages site search leaves out, where
    a kind names one page."""
    return tuple(built_file(kind.pattern) for kind in KINDS if not kind.searched and "*" not in kind.pattern)


def not_in_nav_patterns(language_codes) -> str:
    """MkDocs not_in_nav (gitignore style, from docs/) for the kinds kept out of the nav."""
    return "\n".join(f"/{code}/{kind.pattern}" for code in language_codes for kind in KINDS if not kind.in_nav)
