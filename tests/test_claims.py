"""Claims as first-class units: data/claims.yaml rules (exact messages), cite forms as
real forum parsers read them, preview-card drawing and caching. The built site: test_claim_site.py."""
import shutil

import bbcode
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from PIL import Image

from helpers import CLAIMS, EN_ARTICLE, LOCAL_SITE_URL, REPO, ZH_ARTICLE, append, edit, only, problems
from kb.finish import preview_cards
from kb.model import claims
from kb.checks.check import check_site
from kb.model.content import load_site

SITE_URL = LOCAL_SITE_URL  # the session build has no SITE_URL
OSTEOCALCIN = "osteocalcin-forms-hydroxyapatite"
ZH_OSTEOCALCIN_URL = f"{SITE_URL}claims/{OSTEOCALCIN}/#{OSTEOCALCIN}"
EN_OSTEOCALCIN_URL = f"{SITE_URL}en/claims/{OSTEOCALCIN}/#{OSTEOCALCIN}"
ZH_OSTEOCALCIN_TEXT = "【不准确】骨钙素“形成”羟基磷灰石晶体？"
EN_OSTEOCALCIN_TEXT = '[Inaccurate] Osteocalcin "forms" hydroxyapatite crystals?'
GLUED = "，我不同意。"  # how forum posts go on right after a pasted link


# --- Checker rules ---------------------------------------------------------------------

def test_claim_without_entry(fixture_site):
    (fixture_site / CLAIMS).write_text("", "utf-8")
    assert only(fixture_site) == (
        f"{ZH_ARTICLE}:10: CLM006 claim 'first-claim' has no entry in data/claims.yaml (needs title and questions in zh and en)"
    )


def test_claim_without_title_in_a_language(fixture_site):
    edit(fixture_site, CLAIMS, "    en: A claim\n", "")
    assert only(fixture_site) == f"{CLAIMS}:1: CLM006 claim 'first-claim' has no title in 'en'"


def test_claim_without_questions_in_a_language(fixture_site):
    edit(fixture_site, CLAIMS, "    zh: [这个论断对吗, 一个论断靠谱吗, 论断是真的吗]\n", "")
    assert only(fixture_site) == f"{CLAIMS}:1: CLM006 claim 'first-claim' has no questions in 'zh'"


def test_too_few_questions(fixture_site):
    edit(fixture_site, CLAIMS, "[is the claim true, is a claim right, can i trust the claim]", "[is the claim true]")
    assert only(fixture_site) == f"{CLAIMS}:7: KB002 claim data: ['is the claim true'] is too short (at first-claim/questions/en)"


def test_entry_for_unknown_claim(fixture_site):
    append(fixture_site, CLAIMS, "other-claim:\n  title: {zh: 别的, en: Other}\n")
    assert only(fixture_site) == (
        f"{CLAIMS}:21: CLM007 entry 'other-claim' names no claim (no '::: claim other-claim' block on any page)"
    )


def test_claim_id_not_unique_site_wide(fixture_site):
    for lang in ("zh", "en"):
        append(fixture_site, f"docs/{lang}/index.md", "\n::: claim first-claim supported\nAgain [@alpha2020].\n:::\n")
    found = problems(fixture_site)
    assert found == [
        f"docs/en/index.md:10: CLM008 claim id 'first-claim' is already used at {EN_ARTICLE}:10 (claim ids are unique site-wide)",
        f"docs/zh/index.md:10: CLM008 claim id 'first-claim' is already used at {ZH_ARTICLE}:10 (claim ids are unique site-wide)",
    ]


def test_claim_without_its_page(fixture_site):
    (fixture_site / "docs/en/claims/first-claim.md").unlink()
    found = problems(fixture_site)
    assert f"{EN_ARTICLE}:10: CLM009 claim 'first-claim' has no page docs/en/claims/first-claim.md (a one-line file: '::: claim-page')" in found
    assert len(found) == 2  # and PAG001: the Chinese claim page has no translation


def test_claim_page_without_its_claim(fixture_site):
    for lang in ("zh", "en"):
        shutil.copy(fixture_site / f"docs/{lang}/claims/first-claim.md", fixture_site / f"docs/{lang}/claims/gone.md")
    found = problems(fixture_site)
    assert found == [
        "docs/en/claims/gone.md:1: CLM009 claim page 'gone' names no claim on any page",
        "docs/zh/claims/gone.md:1: CLM009 claim page 'gone' names no claim on any page",
    ]


def test_claim_page_holds_only_its_directive(fixture_site):
    append(fixture_site, "docs/zh/claims/first-claim.md", "\n自己写的一段。\n")
    assert only(fixture_site) == (
        "docs/zh/claims/first-claim.md:1: CLM009 a claim page holds one line, '::: claim-page' (it is generated from the claim)"
    )


def test_claim_page_gets_its_front_matter_from_the_claim(fixture_site):
    site = load_site(fixture_site)
    page = site.page("en", "claims/first-claim.md")
    assert page.front == {"title": "A claim", "description": "[Supported] A claim Evidence supports it.", "reviewed": "2026-11-24"}
    assert site.title("zh", "claims/first-claim.md") == "一个论断"


def test_real_claims_all_have_titles_and_questions():
    site = load_site(REPO)
    assert [p for p in check_site(site) if p.code.startswith("CLM")] == []
    ids = [c.id for _, c in claims.claims_in(site, "zh")]
    assert len(ids) == 23 and sorted(ids) == sorted(yaml.safe_load((REPO / CLAIMS).read_text("utf-8")))
    for claim_id in ids:
        for lang in ("zh", "en"):
            assert 3 <= len(claims.text(site, claim_id, "questions", lang)) <= 5


# --- Cite forms, read by real forum parsers --------------------------------------------

def bbcode_links(text: str) -> list:
    soup = BeautifulSoup(bbcode.Parser().format(text), "html.parser")
    return [(a["href"], a.get_text()) for a in soup.find_all("a")]


def markdown_links(text: str) -> list:
    soup = BeautifulSoup(MarkdownIt("commonmark", {"linkify": True}).enable("linkify").render(text), "html.parser")
    return [(a["href"], a.get_text()) for a in soup.find_all("a")]


@pytest.mark.parametrize("url, text", [(ZH_OSTEOCALCIN_URL, ZH_OSTEOCALCIN_TEXT), (EN_OSTEOCALCIN_URL, EN_OSTEOCALCIN_TEXT)])
def test_cite_forms_survive_glued_chinese(url, text):
    forms = claims.cite_forms(text, url)
    for tail in ("", GLUED, "\n下一行"):
        assert bbcode_links(forms["bbcode"] + tail) == [(url, text)]
        assert markdown_links(forms["markdown"] + tail) == [(url, text)]
        assert bbcode_links(forms["plain"] + tail) == [(url, url)]
        assert markdown_links(forms["plain"] + tail) == [(url, url)]
    # Why the plain form ends with a space: glued on, the parsers swallow the Chinese.
    assert bbcode_links(url + GLUED)[0][0] != url
    assert markdown_links(url + GLUED)[0][0] != url


def test_link_text_carries_verdict_and_title():
    site = load_site(REPO)
    assert claims.link_text(site, OSTEOCALCIN, "inaccurate", "zh") == ZH_OSTEOCALCIN_TEXT
    assert claims.link_text(site, OSTEOCALCIN, "inaccurate", "en") == EN_OSTEOCALCIN_TEXT


# --- Preview cards ---------------------------------------------------------------------

def test_cards_are_cached(tmp_path):
    card = {"lang": "zh", "site_name": "维生素 K 证据库", "title": "骨钙素“形成”羟基磷灰石晶体？",
            "verdict_label": "不准确", "verdict_key": "inaccurate"}
    first = preview_cards.cached_card(tmp_path, **card)
    stamp = first.stat().st_mtime_ns
    assert preview_cards.cached_card(tmp_path, **card) == first and first.stat().st_mtime_ns == stamp
    assert preview_cards.cached_card(tmp_path, **{**card, "verdict_label": "有遗漏"}) != first
    with Image.open(first) as image:
        assert image.size == (1200, 630) and image.format == "PNG"


def test_wrap_keeps_latin_words_whole():
    face = preview_cards.font("bold", 64)
    lines = preview_cards.wrap("MK-7 的半衰期大概是 MK-4 的两倍甚至更长，甚至更长更长更长？", face, 600)
    assert len(lines) > 1 and all("MK-" not in line[-3:] for line in lines)
