"""Sources whose status can change (a draft, a preprint, an expression of concern, a
guideline under update): BibTeX fields `status` and `recheck` (YYYY-MM-DD).

Checking the fields is part of every build (STA002). Whether the recheck date has passed
depends on today's date, so it is never part of the build: the checker prints it as a
warning (STA001) and only the scheduled recheck run fails on it (--fail-on-expired).
"""
import datetime

from kb.model.diagnostics import Problem
from kb.model.labels import label

STATUSES = ("draft", "preprint", "expression-of-concern", "under-update")


def _date(text: str):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def status_problems(bibliography) -> list[Problem]:
    problems = []
    for key, entry in bibliography.entries.items():
        status, recheck = entry.get("status"), entry.get("recheck")
        if not status and not recheck:
            continue
        report = lambda field, message: problems.append(  # noqa: E731
            Problem(bibliography.path, entry.field_lines.get(field, entry.line), "STA002", f"'{key}': {message}"))
        if not status:
            report("recheck", "'recheck' without a 'status'")
        elif status not in STATUSES:
            report("status", f"status '{status}' is not one of {', '.join(STATUSES)}")
        if not recheck and status:
            report("status", f"status '{status}' needs a 'recheck' date (YYYY-MM-DD)")
        elif _date(recheck) is None or len(recheck) != 10:
            report("recheck", f"recheck '{recheck}' is not a date (YYYY-MM-DD)")
    return problems


def expired(bibliography, today: datetime.date) -> list[str]:
    """Warning lines for sources whose recheck date is before today."""
    lines = []
    for key, entry in bibliography.entries.items():
        due = _date(entry.get("recheck"))
        if due is not None and due < today:
            line = entry.field_lines.get("recheck", entry.line)
            lines.append(
                f"{bibliography.path}:{line}: WARNING STA001 '{key}' ({entry.get('status') or 'no status'}) "
                f"was due for a re-check on {due.isoformat()}: confirm its status, then update 'status' and 'recheck'"
            )
    return lines


def status_text(entry, lang: str) -> str:
    """'draft as of 2026-11-24' / '草案，截至 2026-11-24' (the date the status was checked), or ''."""
    status = entry.get("status")
    if status not in STATUSES:
        return ""
    name = label(f"status_{status}", lang)
    checked = entry.get("urldate")
    return label("status_as_of", lang, status=name, date=checked) if checked else name
