"""The whole content as one model: pages of both languages, glossary, bibliography,
verdicts. Loaded once per build (and per checker run); everything else reads it."""
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.model import kinds, markup
from kb.model.bibliography import Bibliography, load_bibliography
from kb.model.claim_data import load_claims
from kb.model.claims import attach as attach_claim_pages
from kb.model.diagnostics import Problem, read_text, rel
from kb.model.glossary import load_glossary
from kb.model.synonyms import FILE as SYNONYMS_FILE, load_synonyms
from kb.model.languages import LANGUAGES
from kb.model.verdicts import load_verdicts
from kb.model.yamldata import load_yaml, schema_problems

LANG_CODES = tuple(lang.code for lang in LANGUAGES)


@dataclass
class Page:
    lang: str
    path: str  # language-neutral source path, e.g. "articles/x.md"
    file: Path
    display: str  # repository-relative path for messages
    front: dict
    body: str
    body_line: int
    parsed: markup.ParsedBody

    @property
    def url(self) -> str:
        """Language-neutral URL of the page: 'articles/x/', '' for the home page."""
        return url_of(self.path)

    @property
    def kind(self) -> kinds.Kind:
        return kinds.of_path(self.path)

    @property
    def term_id(self) -> str | None:
        return kinds.item_id(self.path) if self.kind is kinds.TERM else None


@dataclass
class Site:
    root: Path
    pages: dict  # (lang, path) -> Page
    terms: dict  # id -> Term
    bibliography: Bibliography
    verdicts: dict
    problems: list = field(default_factory=list)  # found while loading
    unparsed_terms: set = field(default_factory=set)  # ids in glossary files that failed to parse
    languages: tuple = LANG_CODES  # language codes, the default language first
    claims: dict = field(default_factory=dict)  # id -> ClaimRecord (data/claims.yaml)
    synonyms: list = field(default_factory=list)  # Synonyms entries (data/search_synonyms.yaml)

    def page(self, lang: str, path: str) -> Page | None:
        return self.pages.get((lang, path))

    def pages_in(self, lang: str) -> list:
        return [page for (code, _), page in sorted(self.pages.items()) if code == lang]

    def title(self, lang: str, path: str) -> str:
        """A page's title as readers see it (term pages: the term's name)."""
        page = self.page(lang, path)
        if page is None:
            return path
        if page.term_id and page.term_id in self.terms:
            return self.terms[page.term_id].title(lang)
        return page.front.get("title") or page.parsed.title or path


def url_of(path: str) -> str:
    stem = path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# A page's YAML front matter: the block between the first two `---` lines.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(source: str) -> tuple[str, str, int]:
    """(front matter text, body, body's first line number)."""
    match = FRONT_MATTER.match(source)
    if not match:
        return "", source, 1
    front = match.group(1) or ""
    return front, source[match.end():], source[:match.end()].count("\n") + 1


def load_page(file: Path, lang: str, path: str, root: Path) -> tuple[Page, list[Problem]]:
    display = rel(file, root)
    source = read_text(file)
    front_text, body, body_line = split_front_matter(source)
    problems = []
    front = {}
    if front_text:
        located, problems = load_yaml(front_text, display, first_line=2)
        if located is not None:
            if not isinstance(located.data, dict):
                problems.append(Problem(display, 1, "PAG007", "front matter must be a mapping of fields"))
            else:
                front = {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in located.data.items()}
                located.data = front
                # What front matter each kind of page takes: kb/model/kinds.py.
                schema = kinds.of_path(path).front_matter or kinds.PAGE_FRONT_MATTER
                for problem in schema_problems(located, schema, display, "front matter"):
                    code = "KB002" if "unknown key" in problem.message else "PAG007"
                    problems.append(Problem(problem.path, problem.line, code, problem.message))
    elif kinds.of_path(path).front_matter is not None:  # claim pages: from their claim (claims.attach)
        problems.append(Problem(display, 1, "PAG007", "no front matter (needs description and reviewed)"))
    parsed = markup.parse_body(body, body_line)
    return Page(lang, path, file, display, front, body, body_line, parsed), problems


def load_site(root: Path, languages: tuple = LANG_CODES) -> Site:
    """languages: folders of docs/ to read, the default language first."""
    root = Path(root)
    problems = []
    pages = {}
    for lang in languages:
        base = root / "docs" / lang
        for file in sorted(base.rglob("*.md")):
            path = file.relative_to(base).as_posix()
            page, page_problems = load_page(file, lang, path, root)
            pages[(lang, path)] = page
            problems += page_problems
    terms, glossary_problems, unparsed_terms = load_glossary(root / "data" / "glossary", root)
    bibliography, bib_problems = load_bibliography(root / "data" / "references.bib", "data/references.bib")
    verdicts, verdict_problems = load_verdicts(root / "data" / "verdicts.yaml", root)
    claims, claim_problems = load_claims(root / "data" / "claims.yaml", root)
    synonyms, synonym_problems = load_synonyms(root / SYNONYMS_FILE, root)
    problems += glossary_problems + bib_problems + verdict_problems + claim_problems + synonym_problems
    site = Site(root, pages, terms, bibliography, verdicts, problems, unparsed_terms, tuple(languages), claims,
                synonyms)
    attach_claim_pages(site)  # claim pages take their front matter from their claim
    return site
