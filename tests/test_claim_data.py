"""data/claims.yaml: each rule on claim histories and claim ids, fed its bad input in the
fixture site and reported as `path:line: CODE message` (kb/model/claim_data.py; unknown entries and duplicate ids are kb/model/claims.py's CLM007, CLM008)."""

import pytest

from helpers import CLAIMS, EN_ARTICLE, REPO, ZH_ARTICLE, edit, only, problems
from kb.model.content import load_site


def test_fixture_history_loads(fixture_site):
    site = load_site(fixture_site)
    record = site.claims["first-claim"]
    assert [(c.date, c.old, c.new) for c in record.history] == [
        ("2026-01-10", "contested", "supported"),
        ("2026-03-01", "supported", "supported"),
    ]
    assert record.title == {"zh": "一个论断", "en": "A claim"}
    assert record.questions["en"] == ["is the claim true", "is a claim right", "can i trust the claim"]
    assert problems(fixture_site) == []


def test_real_claims_file_names_every_claim():
    site = load_site(REPO)
    on_pages = {claim.id for page in site.pages.values() for claim in page.parsed.claims}
    assert set(site.claims) == on_pages
    for record in site.claims.values():
        assert record.questions["zh"] and record.questions["en"], record.id


def test_unknown_claim_id(fixture_site):
    with open(fixture_site / CLAIMS, "a", encoding="utf-8") as f:
        f.write("nosuch-claim:\n  title: {zh: 无, en: none}\n  questions:\n    zh: [有吗, 有没有, 是吗]\n    en: [is it, is there, really]\n")
    assert only(fixture_site) == f"{CLAIMS}:24: CLM007 entry 'nosuch-claim' names no claim (no '::: claim nosuch-claim' block on any page)"


def test_verdict_differs_from_end_of_history(fixture_site):
    edit(fixture_site, ZH_ARTICLE, "first-claim supported", "first-claim contested")
    edit(fixture_site, EN_ARTICLE, "first-claim supported", "first-claim contested")
    assert problems(fixture_site) == [
        f"{EN_ARTICLE}:10: HIS002 claim 'first-claim' is 'contested' here but its history in {CLAIMS} (line 17) ends at 'supported'",
        f"{ZH_ARTICLE}:10: HIS002 claim 'first-claim' is 'contested' here but its history in {CLAIMS} (line 17) ends at 'supported'",
    ]


def test_entry_does_not_start_where_previous_ended(fixture_site):
    edit(fixture_site, CLAIMS, "      from: supported", "      from: contested")
    assert only(fixture_site) == (
        f"{CLAIMS}:16: HIS003 claim 'first-claim': history entry 2 starts from 'contested' but entry 1 ended at 'supported'"
    )


@pytest.mark.parametrize("date", ["2026-01-10", "2025-12-31"])
def test_dates_not_increasing(fixture_site, date):
    edit(fixture_site, CLAIMS, "date: 2026-03-01", f"date: {date}")
    assert only(fixture_site) == (
        f"{CLAIMS}:15: HIS004 claim 'first-claim': history entry 2 ({date}) is not later than entry 1 (2026-01-10); list entries oldest first"
    )


def test_unknown_verdict_in_history(fixture_site):
    edit(fixture_site, CLAIMS, "from: contested", "from: maybe")
    assert only(fixture_site) == (
        f"{CLAIMS}:10: HIS005 claim 'first-claim': history entry 1 'from' is an unknown verdict 'maybe' (known: supported, contested)"
    )


def test_reason_missing_a_language(fixture_site):
    edit(fixture_site, CLAIMS, "        en: Added the trials' limits.\n", "")
    assert only(fixture_site) == f"{CLAIMS}:18: HIS006 claim 'first-claim': history entry 2 has no reason in en"


def test_claim_id_on_two_pages_of_a_language(fixture_site):
    for path, text in (("docs/zh/index.md", "另一处[@alpha2020]。"), ("docs/en/index.md", "Elsewhere [@alpha2020].")):
        with open(fixture_site / path, "a", encoding="utf-8") as f:
            f.write(f"\n::: claim first-claim supported\n{text}\n:::\n")
    assert problems(fixture_site) == [
        f"docs/en/index.md:10: CLM008 claim id 'first-claim' is already used at {EN_ARTICLE}:10 (claim ids are unique site-wide)",
        f"docs/zh/index.md:10: CLM008 claim id 'first-claim' is already used at {ZH_ARTICLE}:10 (claim ids are unique site-wide)",
    ]


def test_unknown_key_in_history_entry(fixture_site):
    edit(fixture_site, CLAIMS, "      to: supported\n      reason:", "      to: supported\n      note: x\n      reason:")
    assert only(fixture_site) == f"{CLAIMS}:12: KB002 claim data: unknown key 'note' (at first-claim/history/0)"


def test_history_entry_missing_a_field(fixture_site):
    edit(fixture_site, CLAIMS, "      from: contested\n", "")
    assert only(fixture_site) == f"{CLAIMS}:9: KB002 claim data: 'from' is a required property (at first-claim/history/0)"


def test_impossible_date_is_a_message_not_a_traceback(fixture_site):
    edit(fixture_site, CLAIMS, "date: 2026-03-01", "date: 2026-13-01")
    assert only(fixture_site) == f"{CLAIMS}:15: KB001 '2026-13-01' is not a real date (YYYY-MM-DD)"


def test_no_claims_file_means_every_claim_lacks_its_entry(fixture_site):
    (fixture_site / CLAIMS).unlink()
    assert load_site(fixture_site).claims == {}
    assert problems(fixture_site) == [
        f"{ZH_ARTICLE}:10: CLM006 claim 'first-claim' has no entry in {CLAIMS} (needs title and questions in zh and en)",
    ]
