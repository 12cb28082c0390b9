"""Drafts that expire: BibTeX `status` and `recheck` are validated on every run (STA002),
shown where the source is cited, and a passed recheck date is a warning (STA001) that
fails only the scheduled run (--fail-on-expired); the build never depends on the date."""
import subprocess
import sys

import pytest

from helpers import BIB, REPO
from kb.render.citations import reference_html
from kb.checks.check import check_site
from kb.model.content import load_site

DRAFT = "  url          = {https://example.org/page},\n  urldate      = {2026-11-24},\n  status       = {draft},\n  recheck      = {2027-02-24},\n"


def set_fields(root, fields: str):
    file = root / BIB
    text = file.read_text("utf-8")
    old = "  url          = {https://example.org/page},\n"
    assert old in text
    file.write_text(text.replace(old, fields, 1), "utf-8")


def checker(root, *args):
    return subprocess.run([sys.executable, "-m", "kb.commands.check", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=60)


WARNING = (f"{BIB}:18: WARNING STA001 'beta-web' (draft) was due for a re-check on 2027-02-24:"
           " confirm its status, then update 'status' and 'recheck'")


def test_valid_status_is_no_problem(fixture_site):
    set_fields(fixture_site, DRAFT)
    assert check_site(load_site(fixture_site)) == []


@pytest.mark.parametrize("fields, message", [
    (DRAFT.replace("{draft}", "{final-ish}"), "17: STA002 'beta-web': status 'final-ish' is not one of draft, preprint, expression-of-concern, under-update"),
    (DRAFT.replace("  recheck      = {2027-02-24},\n", ""), "17: STA002 'beta-web': status 'draft' needs a 'recheck' date (YYYY-MM-DD)"),
    (DRAFT.replace("{2027-02-24}", "{next spring}"), "18: STA002 'beta-web': recheck 'next spring' is not a date (YYYY-MM-DD)"),
    (DRAFT.replace("  status       = {draft},\n", ""), "17: STA002 'beta-web': 'recheck' without a 'status'"),
])
def test_malformed_status(fixture_site, fields, message):
    set_fields(fixture_site, fields)
    assert [str(p) for p in check_site(load_site(fixture_site))] == [f"{BIB}:{message}"]


def test_passed_recheck_date_warns_without_failing(fixture_site):
    set_fields(fixture_site, DRAFT)
    result = checker(fixture_site, "--today", "2027-02-25")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [WARNING]


def test_recheck_date_not_yet_passed_is_silent(fixture_site):
    set_fields(fixture_site, DRAFT)
    result = checker(fixture_site, "--today", "2027-02-24", "--fail-on-expired")
    assert (result.returncode, result.stdout) == (0, "")


def test_scheduled_run_fails_on_a_passed_date(fixture_site):
    set_fields(fixture_site, DRAFT)
    result = checker(fixture_site, "--today", "2027-03-01", "--fail-on-expired")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [WARNING]
    assert result.stderr.splitlines() == ["1 source(s) due for a re-check",
                                          "kb-check: 12 pages × 2 languages, 1 claim, 2 terms, 0 problems"]
    assert "Traceback" not in result.stderr


def test_status_is_shown_where_the_source_is_cited(fixture_site):
    set_fields(fixture_site, DRAFT)
    entry = load_site(fixture_site).bibliography.entries["beta-web"]
    assert entry.preview("en") == "(n.d.). A web page. Example site. draft as of 2026-11-24."
    assert entry.preview("zh") == "(无日期). A web page. Example site. 草案，截至 2026-11-24."
    assert '<span class="kb-ref__status">draft as of 2026-11-24</span>' in reference_html(entry, "en")
    assert '<span class="kb-ref__status">草案，截至 2026-11-24</span>' in reference_html(entry, "zh")


def test_recheck_workflow_runs_the_strict_mode_weekly():
    workflow = (REPO / ".github/workflows/recheck.yml").read_text("utf-8")
    assert "schedule:" in workflow and "cron:" in workflow
    assert "kb-check --fail-on-expired" in workflow
    assert "--fail-on-expired" not in (REPO / "Makefile").read_text("utf-8")
