"""Problems found in the content, reported like a compiler: `path:line: CODE message`."""
from dataclasses import dataclass
from pathlib import Path


# What kb-new writes where only the editor can supply the words (`TODO: <what to write>`):
# NEW001 reports each one, so other rules leave a placeholder value alone.
PLACEHOLDER = "TODO: "


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # repository-relative, forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


def read_text(file: Path) -> str:
    """A source file's text. Bytes that are not UTF-8 read as U+FFFD, so checking goes on;
    kb/checks/encoding.py reports them (KB004)."""
    return Path(file).read_bytes().decode("utf-8", errors="replace")


def rel(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


# Every code the checker can emit, with what it means. Tests assert each one is reachable.
CODES = {
    "KB001": "malformed YAML (data file or front matter), or an impossible date in it",
    "KB002": "data does not match its schema (unknown key, wrong type, missing field)",
    "KB003": "malformed BibTeX",
    "KB004": "source file that is not UTF-8 text",
    "KB005": "a key written twice in one YAML mapping (the second silently replaced the first)",
    "BIB001": "bibliography entry missing a required field",
    "BIB002": "malformed DOI",
    "BIB003": "malformed PMID",
    "BIB004": "duplicate bibliography key",
    "BIB005": "bibliography entry that no page cites",
    "CIT001": "unknown citation key",
    "CIT002": "malformed or unclosed citation marker",
    "TRM001": "unknown term id in a term link",
    "TRM002": "term without a page or definition in one language",
    "TRM003": "unknown related term id",
    "TRM004": "duplicate term id",
    "TRM005": "term that no page mentions",
    "TRM006": "term page with no glossary entry",
    "CLM001": "unknown verdict",
    "CLM002": "duplicate id on a page (claim or heading)",
    "CLM003": "claim block not closed, or nested",
    "CLM004": "claim without a citation",
    "CLM005": "unknown block directive",
    "CLM006": "claim without a title or questions in a language (data/claims.yaml)",
    "CLM007": "data/claims.yaml entry for a claim that no page states",
    "CLM008": "claim id used by more than one claim block (ids are unique site-wide)",
    "CLM009": "claim without its page docs/<lang>/claims/<id>.md, or a claim page without its claim",
    "CLM010": "claim without a claimant, appearance or conclusion in a language (data/claims.yaml)",
    "CLM011": "claim appearance that is neither a bibliography key nor an http(s) URL",
    "CLM012": "claim conclusion longer than one line (60 Han characters / 25 English words)",
    "HIS002": "claim's verdict differs from the last verdict of its history",
    "HIS003": "history entry does not start from the verdict the previous entry ended at",
    "HIS004": "history dates not increasing (entries are listed oldest first)",
    "HIS005": "unknown verdict in a history entry",
    "HIS006": "history reason missing in one language",
    "PAG001": "page in one language only",
    "PAG002": "claim ids differ between the two languages",
    "PAG003": "citation keys differ between the two languages",
    "PAG004": "term links differ between the two languages",
    "PAG005": "heading ids differ between the two languages",
    "PAG006": "heading without an explicit ASCII id",
    "PAG007": "front matter field missing or invalid",
    "LNK001": "internal link to a page that does not exist",
    "LNK002": "internal link to an anchor that does not exist",
    "LNK101": "published link (links/manifest.txt entry) that no longer resolves",
    "LNK102": "malformed links/manifest.txt line",
    "TXT001": "Chinese copywriting: spacing or punctuation between Han and Latin text (AutoCorrect, kb/checks/autocorrect.yml)",
    "LNK103": "page or anchor the build would add that links/manifest.txt does not list yet",
    "EXT001": "a page, overrides/ file or mkdocs.yml loads a script, style, font, image or frame from another host",
    "RED001": "redirect target is not a page of the site",
    "RED002": "redirect chain (target is itself redirected) or loop",
    "RED003": "redirect shadows a live page (the old path is still a page)",
    "ZHS001": "space between Han text and a term link shown in Han",
    "ZHN001": "numeric range in Chinese text not written with the wave dash ～ (GB/T 15834)",
    "ZHN002": "mass in Chinese text written µg / mg instead of 微克 / 毫克",
    "NUM001": "number in a cited sentence that no extract of its sources contains",
    "NUM002": "numbers of a paragraph differ between the two languages",
    "NUM003": "sentence citing a study states an effect and interval that its record in data/studies.yaml does not hold",
    "STU001": "data/studies.yaml record with a duplicate id or an unknown bibliography key",
    "STU002": "'::: studies' block naming an id or tag that no study has",
    "XTR001": "extracts (data/extracts.yaml) for a key not in the bibliography",
    "SYN001": "search synonym (data/search_synonyms.yaml) pointing at no term, page or anchor",
    "SYN002": "search synonym that is already a term's name or alias, or a word of another entry",
    "STA002": "malformed source status or recheck date (BibTeX 'status', 'recheck')",
    "STA001": "source status due for a re-check (a warning; fails only with --fail-on-expired)",
    "NEW001": "placeholder written by kb-new (`TODO: ...`) still to be filled in",
}
