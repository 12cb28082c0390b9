"""Per-claim data shared by both languages, in data/claims.yaml: the assertion under review
(title), who makes it (claimant) and where (appearance), the one-line conclusion, the
questions readers ask it with (kb/model/claims.py uses them), and its history of verdict and
substance changes (checked here; shown by kb/render/claim_history.py, kb/render/changes.py, kb/finish/feed.py).

The verdict itself stays on the `::: claim <id> <verdict>` line of each language's page;
the history explains how it got there, newest entry last.
"""
import datetime
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from kb.model.diagnostics import PLACEHOLDER, Problem, read_text, rel
from kb.model.languages import BY_CODE, CODES
from kb.model.yamldata import load_yaml, schema_errors, schema_problems

CLAIMS_FILE = "data/claims.yaml"
LANGS = CODES  # every site language (kb/model/languages.py)

_TEXT = {"type": "string", "minLength": 1}
_QUESTIONS = {"type": "array", "minItems": 3, "maxItems": 5, "items": _TEXT}
CLAIMS_SCHEMA = {
    "type": "object",
    "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "title": {
                "type": "object",
                "additionalProperties": False,
                "properties": {code: _TEXT for code in CODES},
            },
            # Who makes the claim (its name in each language; `type` is its schema.org type),
            # where it appears (a bibliography key or a URL) and the one-line conclusion:
            # the fact-check convention (README.md, "Writing a claim"). Required, by CLM010.
            "claimant": {
                "type": "object",
                "additionalProperties": False,
                "properties": {**{code: _TEXT for code in CODES}, "type": {"enum": ["Person", "Organization"]}},
            },
            "appearance": _TEXT,
            "conclusion": {
                "type": "object",
                "additionalProperties": False,
                "properties": {code: _TEXT for code in CODES},
            },
            "questions": {
                "type": "object",
                "additionalProperties": False,
                "properties": {code: _QUESTIONS for code in CODES},
            },
            "history": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["date", "from", "to", "reason"],
                    "additionalProperties": False,
                    "properties": {
                        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                        "from": _TEXT,
                        "to": _TEXT,
                        # Both languages are required, but by HIS006 with its own message.
                        "reason": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {code: _TEXT for code in CODES},
                        },
                        # The title the claim had before this entry restated it: older
                        # entries are listed under it (kb/render/changes.py).
                        "restated_from": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": list(CODES),
                            "properties": {code: _TEXT for code in CODES},
                        },
                    },
                },
            },
        },
    },
}


@dataclass
class Change:
    """One history entry: a verdict change (old != new) or a substance-only revision."""
    date: str  # YYYY-MM-DD
    old: str  # verdict key
    new: str
    reason: dict  # lang -> one line
    line: int  # of the entry in data/claims.yaml
    field_lines: dict = field(default_factory=dict)
    restated_from: dict = field(default_factory=dict)  # lang -> title before this entry restated the claim


@dataclass
class ClaimRecord:
    id: str
    title: dict  # lang -> the claim as readers quote it
    questions: dict  # lang -> [question]
    history: list  # [Change], oldest first
    line: int
    # Fact-check fields, required by CLM010-CLM012 (check_fields below).
    claimant: dict = field(default_factory=dict)  # lang -> who makes the claim
    appearance: str = ""  # where it appears: a bibliography key or a URL
    conclusion: dict = field(default_factory=dict)  # lang -> one line: what the evidence says
    claimant_type: str = "Person"  # schema.org type of the claimant: Person or Organization
    field_lines: dict = field(default_factory=dict)  # "appearance", "conclusion.zh", ... -> line


def _iso_dates(data):
    """YAML reads 2026-11-24 as a date; the schema and the model want the ISO string."""
    if isinstance(data, dict):
        for record in data.values():
            history = record.get("history") if isinstance(record, dict) else None
            for entry in history if isinstance(history, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("date"), datetime.date):
                    entry["date"] = entry["date"].isoformat()


class ClaimRecords(dict):
    """Claim records by id; `unreadable` when the file failed to parse or validate as a
    whole, so that the rules relying on it stay quiet instead of reporting follow-ons."""
    unreadable = False


def _unreadable() -> ClaimRecords:
    records = ClaimRecords()
    records.unreadable = True
    return records


def load_claims(file: Path, root: Path) -> tuple[dict, list[Problem]]:
    """Claim records by id, and the problems met while loading them. No file: no records."""
    file = Path(file)
    if not file.exists():
        return ClaimRecords(), []
    path = rel(file, root)
    located, problems = load_yaml(read_text(file), path)
    if located is None:
        return _unreadable(), problems
    if located.data is None:
        located.data = {}
    _iso_dates(located.data)
    errors = schema_errors(located, CLAIMS_SCHEMA)
    problems += schema_problems(located, CLAIMS_SCHEMA, path, "claim data", errors)
    if not isinstance(located.data, dict) or any(not e.absolute_path for e in errors):
        return _unreadable(), problems
    # A claim whose history has a schema error keeps its title and questions but no
    # history (its problem is already reported); other fields are read defensively.
    broken_history = {e.absolute_path[0] for e in errors
                      if len(e.absolute_path) > 1 and e.absolute_path[1] == "history" and e.validator != "additionalProperties"}
    records = ClaimRecords()
    for claim_id, item in located.data.items():
        item = item if isinstance(item, dict) else {}
        entries = [] if claim_id in broken_history else item.get("history", [])
        history = [
            Change(
                date=entry["date"],
                old=entry["from"],
                new=entry["to"],
                reason=entry.get("reason") or {},
                restated_from=entry.get("restated_from") or {},
                line=located.line_of([claim_id, "history", index, "date"]),
                field_lines={key: located.line_of([claim_id, "history", index, key]) for key in entry},
            )
            for index, entry in enumerate(entries)
        ]
        title = item.get("title") if isinstance(item.get("title"), dict) else {}
        questions = item.get("questions") if isinstance(item.get("questions"), dict) else {}
        text_of = lambda key: {lang: item[key][lang] for lang in LANGS if lang in item[key]} if isinstance(item.get(key), dict) else {}  # noqa: E731
        claimant_type = item["claimant"].get("type", "Person") if isinstance(item.get("claimant"), dict) else "Person"
        field_lines = {"appearance": located.line_of([claim_id, "appearance"])} if "appearance" in item else {}
        for key in ("claimant", "conclusion"):
            for lang in text_of(key):
                field_lines[f"{key}.{lang}"] = located.line_of([claim_id, key, lang])
        records[claim_id] = ClaimRecord(
            id=claim_id,
            claimant=text_of("claimant"),
            claimant_type=claimant_type,
            field_lines=field_lines,
            appearance=item.get("appearance") if isinstance(item.get("appearance"), str) else "",
            conclusion=text_of("conclusion"),
            title=dict(title),
            questions={lang: list(questions.get(lang) or []) for lang in LANGS},
            history=history,
            line=located.line_of([claim_id]),
        )
    return records, problems


def claim_blocks(site) -> dict:
    """claim id -> {lang: (page, parsed claim)}: the first page of each language holding it."""
    found = {}
    for page in sorted(site.pages.values(), key=lambda p: (p.lang, p.path)):
        for claim in page.parsed.claims:
            found.setdefault(claim.id, {}).setdefault(page.lang, (page, claim))
    return found


def check_history(site) -> list[Problem]:
    """Every history consistent with itself and with the pages (entries for claims that no
    page states are kb/model/claims.py's CLM007)."""
    problems = []
    where = claim_blocks(site)
    verdicts = site.verdicts
    for record in site.claims.values():
        add = lambda line, code, message: problems.append(Problem(CLAIMS_FILE, line, code, message))  # noqa: E731
        if record.id not in where:
            continue
        previous = None
        for number, change in enumerate(record.history, start=1):
            lines = change.field_lines
            for key, value in (("from", change.old), ("to", change.new)):
                if verdicts and value not in verdicts:
                    add(lines[key], "HIS005", f"claim '{record.id}': history entry {number} '{key}' is an unknown verdict '{value}' (known: {', '.join(verdicts)})")
            missing = [lang for lang in LANGS if not change.reason.get(lang)]
            if missing:
                add(lines.get("reason", change.line), "HIS006", f"claim '{record.id}': history entry {number} has no reason in {', '.join(missing)}")
            if previous is not None:
                if change.old != previous.new:
                    add(lines["from"], "HIS003", f"claim '{record.id}': history entry {number} starts from '{change.old}' but entry {number - 1} ended at '{previous.new}'")
                if change.date <= previous.date:
                    add(lines["date"], "HIS004", f"claim '{record.id}': history entry {number} ({change.date}) is not later than entry {number - 1} ({previous.date}); list entries oldest first")
            previous = change
        if previous is None:
            continue
        for page in site.pages.values():
            for claim in page.parsed.claims:
                # An unknown verdict on the page is CLM001's to report, not a history mismatch.
                known = not verdicts or claim.verdict in verdicts
                if claim.id == record.id and known and claim.verdict != previous.new:
                    problems.append(Problem(page.display, claim.line, "HIS002", f"claim '{claim.id}' is '{claim.verdict}' here but its history in {CLAIMS_FILE} (line {previous.field_lines['to']}) ends at '{previous.new}'"))
    return problems


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def conclusion_length(text: str, lang: str) -> int:
    """A conclusion is one line a reader takes in at a glance, in a card or a search result:
    its length in its language's unit (kb/model/languages.py), Han characters for Chinese
    (Latin words and digits beside them are short), words otherwise."""
    unit = BY_CODE[lang].glance_unit if lang in BY_CODE else "words"
    return len(HAN.findall(text)) if unit == "Han characters" else len(text.split())


def is_url(text: str) -> bool:
    parts = urllib.parse.urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", text)


def check_fields(site, claim_ids) -> list[Problem]:
    """CLM010-CLM012 for the claims that pages state: claimant, appearance and conclusion
    present; the appearance a bibliography key or an http(s) URL; the conclusion one short line."""
    problems = []
    keys = site.bibliography.entries if site.bibliography else {}
    for claim_id in claim_ids:
        record = site.claims.get(claim_id)
        if record is None:
            continue
        add = lambda line, code, message: problems.append(Problem(CLAIMS_FILE, line, code, f"claim '{claim_id}' {message}"))  # noqa: E731
        for key in ("claimant", "appearance", "conclusion"):
            if key == "appearance":
                if not record.appearance:
                    add(record.line, "CLM010", "has no appearance (a key of data/references.bib or an http(s) URL)")
                continue
            for lang in LANGS:
                if not getattr(record, key).get(lang):
                    add(record.line, "CLM010", f"has no {key} in '{lang}'")
        appearance = record.appearance
        if appearance and appearance not in keys and not is_url(appearance) and not appearance.startswith(PLACEHOLDER):
            add(record.field_lines.get("appearance", record.line), "CLM011",
                f"appearance '{appearance}' is neither a key of data/references.bib nor an http(s) URL")
        for lang, text in record.conclusion.items():
            if lang not in BY_CODE:
                continue
            limit, unit = BY_CODE[lang].glance_limit, BY_CODE[lang].glance_unit
            length = conclusion_length(text, lang)
            if length > limit:
                add(record.field_lines.get(f"conclusion.{lang}", record.line), "CLM012",
                    f"conclusion in '{lang}' is {length} {unit} long (at most {limit}: one line of what the evidence says)")
    return problems
