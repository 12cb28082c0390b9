"""Numbers: every number of a cited sentence traces to an extract of its sources (NUM001),
the two languages carry the same numbers per paragraph (NUM002), and the extracts file
is validated (KB002, XTR001) and shown on the bibliography entry."""

import pytest

from helpers import REPO
from kb.checks.check import check_site
from kb.model.content import load_site
from kb.model.extracts import extracts_html
from kb.checks.numbers import numbers_in

ZH = "docs/zh/articles/vitamin-k-with-vitamin-d.md"
EN = "docs/en/articles/vitamin-k-with-vitamin-d.md"
EXTRACTS = "data/extracts.yaml"
GOOD_EXTRACTS = """\
alpha2020:
  - where: abstract
    text: 244 women took 180 µg a day for 3 years; OR 0.76 (95% CI 0.58 to 1.01).
beta-web:
  - where: page
    text: A dose of 0.5 mg.
"""


@pytest.fixture
def site_root(fixture_site):
    """The fixture site with extracts for its two sources."""
    (fixture_site / EXTRACTS).write_text(GOOD_EXTRACTS, "utf-8")
    return fixture_site


def claim_text(root, zh: str, en: str):
    for path, old, new in ((ZH, "一个论断[@beta-web]。", zh), (EN, "A claim [@beta-web].", en)):
        file = root / path
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")


def problems(root) -> list[str]:
    """The problems of this rule family (a replaced claim may leave a source uncited)."""
    return [str(p) for p in check_site(load_site(root)) if p.code.startswith(("NUM", "XTR", "KB"))]


def test_traced_numbers_pass(site_root):
    claim_text(site_root, "244 名女性每天 180 微克，为期 3 年；OR 0.76（95% CI 0.58 至 1.01）[@alpha2020]。",
               "244 women took 180 µg a day for 3 years; OR 0.76 (95% CI 0.58–1.01) [@alpha2020].")
    assert problems(site_root) == []


def test_untraced_number_in_a_cited_sentence(site_root):
    claim_text(site_root, "每天 200 微克[@alpha2020]。", "200 µg a day [@alpha2020].")
    assert sorted(problems(site_root)) == [
        f"{EN}:11: NUM001 number '200 µg' in a cited sentence is not in an extract of its sources (alpha2020)",
        f"{ZH}:11: NUM001 number '200 µg' in a cited sentence is not in an extract of its sources (alpha2020)",
    ]


def test_paragraph_sources_count_and_uncited_sentences_are_free(site_root):
    claim_text(site_root, "它用了 3 年[@beta-web]。另有 7 个中心。另见[@alpha2020]。",
               "It took 3 years [@beta-web]. There were 7 centres. See also [@alpha2020].")
    assert problems(site_root) == []


def test_missing_number_in_one_language(site_root):
    claim_text(site_root, "为期 3 年[@alpha2020]。", "For 3 years, 244 women [@alpha2020].")
    assert problems(site_root) == [
        f"{EN}:11: NUM002 number '244' here is missing from {ZH} (paragraph at line 11)"]


def test_changed_number(site_root):
    claim_text(site_root, "OR 0.76[@alpha2020]。", "OR 0.58 [@alpha2020].")
    assert sorted(problems(site_root)) == [
        f"{EN}:11: NUM002 number '0.58' here is missing from {ZH} (paragraph at line 11)",
        f"{ZH}:11: NUM002 number '0.76' here is missing from {EN} (paragraph at line 11)",
    ]


def test_same_amount_in_another_unit(site_root):
    (site_root / EXTRACTS).write_text(GOOD_EXTRACTS.replace("A dose of 0.5 mg.", "A dose of 0.5 mg (500 µg)."), "utf-8")
    claim_text(site_root, "每天 0.5 毫克[@beta-web]。", "500 µg a day [@beta-web].")
    assert sorted(problems(site_root)) == [
        f"{EN}:11: NUM002 number '500 µg' here is '0.5 mg' in {ZH} (same amount in another unit: write it the same way)",
        f"{ZH}:11: NUM002 number '0.5 mg' here is '500 µg' in {EN} (same amount in another unit: write it the same way)",
    ]


def test_extra_number(site_root):
    claim_text(site_root, "0.5 毫克，0.5 毫克[@beta-web]。", "0.5 mg [@beta-web].")
    assert problems(site_root) == [
        f"{ZH}:11: NUM002 number '0.5 mg' here is missing from {EN} (paragraph at line 11)"]


def test_extracts_for_an_unknown_key(site_root):
    with open(site_root / EXTRACTS, "a", encoding="utf-8") as f:
        f.write("nosuch2000:\n  - where: abstract\n    text: Something.\n")
    assert problems(site_root) == [f"{EXTRACTS}:7: XTR001 extracts for 'nosuch2000': no such key in data/references.bib"]


def test_extract_without_text_is_a_schema_error(site_root):
    (site_root / EXTRACTS).write_text("alpha2020:\n  - where: abstract\n    txt: 3 years\n", "utf-8")
    found = problems(site_root)
    assert f"{EXTRACTS}:3: KB002 extracts: unknown key 'txt' (at alpha2020/0)" in found
    assert f"{EXTRACTS}:2: KB002 extracts: 'text' is a required property (at alpha2020/0)" in found


@pytest.mark.parametrize("text, expected", [
    ("1,000 mg and .5 µg and 0.50 mcg", ["1000 mg", "0.5 µg", "0.5 µg"]),
    ("7–8 倍，0.58-1.01，500 微克", ["7", "8", "0.58", "1.01", "500 µg"]),
    ("MK-4, K2, D3, [[mk-7|MK-7]], [@smith2019], 2024, 17 December 2024, 2024 年 12 月 17 日", []),
    ("95% CI 0.1 to 0.2; 19%; 45 [[microgram|micrograms]]", ["0.1", "0.2", "19%", "45 µg"]),
    ("1. first item", ["first"] and []),
])
def test_number_normalisation(text, expected):
    assert [str(n) for _, n in numbers_in(text)] == expected


def test_extracts_are_shown_on_the_bibliography_entry(site_root):
    site = load_site(site_root)
    html = extracts_html(site, "alpha2020", "en")
    assert html.startswith('<details class="kb-extracts"><summary>What this site uses from it</summary>')
    assert '<span class="kb-extract__where">abstract</span> 244 women took 180 µg' in html
    assert extracts_html(site, "alpha2020", "zh").startswith('<details class="kb-extracts"><summary>本站引用的内容（英文摘录）</summary>')


def test_real_content_passes_and_every_cited_source_has_extracts():
    site = load_site(REPO)
    assert [str(p) for p in check_site(site) if p.code.startswith(("NUM", "EXT"))] == []
    from kb.model.extracts import site_extracts
    cited = {key for page in site.pages.values() for key in page.parsed.cited_keys}
    assert sorted(cited - set(site_extracts(site)[0])) == []
