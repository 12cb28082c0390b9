"""The bibliography: BibTeX in, validated entries out (kb/render/citations.py formats them).

BibTeX because Zotero and PubMed tools export it; parsed with bibtexparser (a maintained
library) rather than by hand. Formatting follows a compact Vancouver-like style that
reads the same in both languages; only labels and caveat notes are translated.
"""
import contextlib
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock

from kb.model import source_status
from kb.model.diagnostics import Problem, read_text
from kb.model.labels import label
from kb.model.languages import CODES

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^[1-9]\d{0,8}$")
CONTAINER_FIELDS = ("journal", "howpublished", "publisher")
# Fields the site shows, plus standard ones a Zotero or PubMed export carries; anything
# else is a typo (and would silently not be shown).
KNOWN_FIELDS = {
    "author", "title", "year", "date", "journal", "howpublished", "publisher", "volume",
    "number", "pages", "doi", "pmid", "url", "urldate", "note",
    "address", "edition", "editor", "isbn", "issn", "month", "abstract", "keywords",
    "language", "pmcid", "organization", "institution", "status", "recheck",
} | {f"note_{code}" for code in CODES}  # note_zh: the note in one language
# Entry types that may lack an author and a year: web pages of unknown creator or date.
UNDATED_TYPES = {"online"}


@dataclass(eq=False)  # compared by identity, so rendered references can be cached per entry
class Entry:
    key: str
    type: str
    fields: dict
    line: int  # 1-based line of the @type{key, line
    field_lines: dict = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.fields.get(name, "").strip()

    @property
    def authors(self) -> list[str]:
        raw = self.get("author")
        if not raw:
            return []
        return [clean(name) for name in re.split(r"\s+and\s+", raw)]

    @property
    def container(self) -> str:
        return next((clean(self.get(f)) for f in CONTAINER_FIELDS if self.get(f)), "")

    @property
    def title(self) -> str:
        return clean(self.get("title"))

    def author_short(self, lang: str) -> str:
        authors = [a for a in self.authors if a.lower() != "others"]
        if not authors:
            return ""
        first = display_name(authors[0])
        more = len(self.authors) > 1
        if not more:
            return first
        return label("et_al_after", lang, first=first)

    def year_text(self, lang: str) -> str:
        return self.get("year") or label("no_date", lang)

    def preview(self, lang: str) -> str:
        """One plain-text line for tooltips: 'Kuang X et al. (2020). Title. Journal.'"""
        head = " ".join(p for p in (self.author_short(lang), f"({self.year_text(lang)})") if p)
        status = source_status.status_text(self, lang)
        return " ".join(sentence(p) for p in (head, self.title, self.container, status) if p)

    def note(self, lang: str) -> str:
        return clean(self.get(f"note_{lang}") or self.get("note"))


@dataclass
class Bibliography:
    path: str
    entries: dict  # key -> Entry, in file order
    # Keys named in blocks that failed to parse: citing them is not a second problem.
    unparsed_keys: set = field(default_factory=set)


def clean(text: str) -> str:
    """Drop BibTeX braces, render '--' as an en dash, collapse whitespace."""
    text = text.replace("{", "").replace("}", "").replace("--", "\u2013")
    return re.sub(r"\s+", " ", text).strip()


def sentence(text: str) -> str:
    """End a reference part with one full stop (titles may already end with ? or .)."""
    return text if text[-1:] in ".?!" else text + "."


def display_name(name: str) -> str:
    """'Kuang, X.' -> 'Kuang X'; 'Kuang X' stays; organisations stay."""
    if "," in name:
        last, first = [p.strip() for p in name.split(",", 1)]
        initials = "".join(part[0] for part in re.split(r"[\s.\-]+", first) if part)
        return f"{last} {initials}".strip()
    return name


def load_bibliography(path: Path, display_path: str) -> tuple[Bibliography, list[Problem]]:
    problems: list[Problem] = []
    try:
        text = read_text(path)
    except OSError as exc:
        return Bibliography(display_path, {}), [Problem(display_path, 0, "KB003", f"cannot read bibliography: {exc.strerror}")]
    # bibtexparser prints each failed block itself; the problems below report them instead.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        library = bibtexparser.parse_string(text)
    unparsed = set()
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.append(Problem(display_path, line, "BIB004", f"duplicate key '{block.key}'"))
        elif isinstance(block, ParsingFailedBlock):
            unparsed |= set(BLOCK_KEY.findall(block.raw))
            unbalanced = unbalanced_field(block.raw)
            if unbalanced:
                offset, name = unbalanced
                problems.append(Problem(display_path, line + offset, "KB003", f"malformed BibTeX: unbalanced braces in field '{name}'"))
                continue
            error = block.error
            reason = (getattr(error, "abort_reason", None) or str(error) or type(error).__name__).strip()
            problems.append(Problem(display_path, line, "KB003", f"malformed BibTeX: {reason}"))
    entries = {}
    for raw in library.entries:
        entry = Entry(
            key=raw.key,
            type=raw.entry_type.lower(),
            fields={f.key.lower(): str(f.value) for f in raw.fields},
            line=raw.start_line + 1,
            field_lines={f.key.lower(): f.start_line + 1 for f in raw.fields},
        )
        entries[entry.key] = entry
        problems += entry_problems(entry, display_path)
    return Bibliography(display_path, entries, unparsed), problems


BLOCK_KEY = re.compile(r"@\w+\s*\{\s*([^,\s]+)\s*,")
FIELD_START = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*=\s*\{")


def unbalanced_field(raw: str) -> tuple[int, str] | None:
    """(line offset, field name) of the first one-line field whose braces do not balance,
    the usual root cause of a block that runs on into the next entry."""
    for offset, text in enumerate(raw.split("\n")):
        start = FIELD_START.match(text)
        if start and text.rstrip().endswith(("},", "}")) and text.count("{") != text.count("}"):
            return offset, start.group(1).lower()
    return None


def entry_problems(entry: Entry, path: str) -> list[Problem]:
    problems = []

    def report(code, message, field_name=None):
        line = entry.field_lines.get(field_name, entry.line) if field_name else entry.line
        problems.append(Problem(path, line, code, f"'{entry.key}': {message}"))

    undated = entry.type in UNDATED_TYPES
    if not entry.get("title"):
        report("BIB001", "missing required field 'title'")
    if not entry.get("author") and not undated:
        report("BIB001", "missing required field 'author'")
    if not entry.get("year") and not undated:
        report("BIB001", "missing required field 'year'")
    if not entry.container:
        report("BIB001", "missing a container: one of 'journal', 'howpublished', 'publisher'")
    if not any(entry.get(f) for f in ("doi", "pmid", "url")):
        report("BIB001", "needs at least one of 'doi', 'pmid', 'url'")
    doi = entry.get("doi")
    if doi and not DOI.match(doi):
        report("BIB002", f"malformed DOI '{doi}' (expected 10.NNNN/suffix, without https://doi.org/)", "doi")
    pmid = entry.get("pmid")
    if pmid and not PMID.match(pmid):
        report("BIB003", f"malformed PMID '{pmid}' (expected digits only)", "pmid")
    year = entry.get("year")
    if year and not re.fullmatch(r"\d{4}", year):
        report("BIB001", f"malformed year '{year}'", "year")
    for name in entry.fields:
        if name not in KNOWN_FIELDS:
            report("KB002", f"unknown field '{name}'", name)
    return problems


def links(entry: Entry) -> list[tuple[str, str]]:
    """(label, href) pairs for DOI, PubMed and URL, in that order."""
    out = []
    if entry.get("doi"):
        out.append((f"doi:{entry.get('doi')}", f"https://doi.org/{entry.get('doi')}"))
    if entry.get("pmid"):
        out.append((f"PubMed {entry.get('pmid')}", f"https://pubmed.ncbi.nlm.nih.gov/{entry.get('pmid')}/"))
    if entry.get("url"):
        out.append(("URL", entry.get("url")))
    return out
