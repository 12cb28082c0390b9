"""Per-claim data shared by both languages, in data/claims.yaml: the questions readers ask
(issue 11) and the claim's history of verdict and substance changes (issue 12).

The verdict itself stays on the `::: claim <id> <verdict>` line of each language's page;
the history explains how it got there, newest entry last.
"""
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from kb.diagnostics import Problem, rel
from kb.yamldata import load_yaml, schema_errors, schema_problems

CLAIMS_FILE = "data/claims.yaml"
LANGS = ("zh", "en")

_TEXT = {"type": "string", "minLength": 1}
_QUESTIONS = {"type": "array", "items": _TEXT}
CLAIMS_SCHEMA = {
    "type": "object",
    "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "questions": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"zh": _QUESTIONS, "en": _QUESTIONS},
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
                            "properties": {"zh": _TEXT, "en": _TEXT},
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


@dataclass
class ClaimRecord:
    id: str
    questions: dict  # lang -> [question]
    history: list  # [Change], oldest first
    line: int


def _iso_dates(data):
    """YAML reads 2026-11-24 as a date; the schema and the model want the ISO string."""
    if isinstance(data, dict):
        for record in data.values():
            history = record.get("history") if isinstance(record, dict) else None
            for entry in history if isinstance(history, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("date"), datetime.date):
                    entry["date"] = entry["date"].isoformat()


def load_claims(file: Path, root: Path) -> tuple[dict, list[Problem]]:
    """Claim records by id, and the problems met while loading them. No file: no records."""
    file = Path(file)
    if not file.exists():
        return {}, []
    path = rel(file, root)
    located, problems = load_yaml(file.read_text("utf-8"), path)
    if located is None:
        return {}, problems
    if located.data is None:
        located.data = {}
    _iso_dates(located.data)
    errors = schema_errors(located, CLAIMS_SCHEMA)
    problems += schema_problems(located, CLAIMS_SCHEMA, path, "claim data", errors)
    if not isinstance(located.data, dict):
        return {}, problems
    # A claim with a schema error (other than an unknown key) is left out rather than
    # half-loaded; its problem is already reported.
    broken = {e.absolute_path[0] for e in errors if e.absolute_path and e.validator != "additionalProperties"}
    if any(not e.absolute_path for e in errors):
        return {}, problems
    records = {}
    for claim_id, item in located.data.items():
        if claim_id in broken:
            continue
        item = item or {}
        history = [
            Change(
                date=entry["date"],
                old=entry["from"],
                new=entry["to"],
                reason=entry.get("reason") or {},
                line=located.line_of([claim_id, "history", index, "date"]),
                field_lines={key: located.line_of([claim_id, "history", index, key]) for key in entry},
            )
            for index, entry in enumerate(item.get("history", []))
        ]
        questions = item.get("questions", {})
        records[claim_id] = ClaimRecord(
            id=claim_id,
            questions={lang: questions.get(lang, []) for lang in LANGS},
            history=history,
            line=located.line_of([claim_id]),
        )
    return records, problems


def claim_pages(site) -> dict:
    """claim id -> {lang: (page, parsed claim)}: the first page of each language holding it."""
    found = {}
    for page in sorted(site.pages.values(), key=lambda p: (p.lang, p.path)):
        for claim in page.parsed.claims:
            found.setdefault(claim.id, {}).setdefault(page.lang, (page, claim))
    return found


def check_claims(site) -> list[Problem]:
    """Claim ids unique site-wide, and every history consistent with the pages."""
    problems = check_unique_claim_ids(site)
    where = claim_pages(site)
    verdicts = site.verdicts
    for record in site.claims.values():
        add = lambda line, code, message: problems.append(Problem(CLAIMS_FILE, line, code, message))  # noqa: E731
        if record.id not in where:
            add(record.line, "HIS001", f"unknown claim '{record.id}' (no '::: claim {record.id}' block in docs/)")
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


def check_unique_claim_ids(site) -> list[Problem]:
    """A claim id names one claim: used on two pages of a language, links become ambiguous."""
    problems = []
    first = {}
    for page in sorted(site.pages.values(), key=lambda p: (p.lang, p.path)):
        for claim in page.parsed.claims:
            key = (page.lang, claim.id)
            if key not in first:
                first[key] = (page, claim)
            elif first[key][0] is not page:
                other, other_claim = first[key]
                problems.append(Problem(page.display, claim.line, "CLM006", f"claim id '{claim.id}' is already used in {other.display}:{other_claim.line} (claim ids are unique site-wide)"))
    return problems
