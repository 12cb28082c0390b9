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
from kb.render import structured_data
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


@pytest.mark.parametrize("old, new, message", [
    ("{zh: 某位作者, en: An author}", "{zh: 某位作者}", "1: CLM010 claim 'first-claim' has no claimant in 'en'"),
    ("  appearance: beta-web\n", "", "1: CLM010 claim 'first-claim' has no appearance (a key of data/references.bib or an http(s) URL)"),
    ("{zh: 有证据支持这个论断。, en: The evidence supports the claim.}", "{en: The evidence supports the claim.}",
     "1: CLM010 claim 'first-claim' has no conclusion in 'zh'"),
    ("appearance: beta-web", "appearance: www.example.org/post",
     "22: CLM011 claim 'first-claim' appearance 'www.example.org/post' is neither a key of data/references.bib nor an http(s) URL"),
    ("appearance: beta-web", "appearance: betaweb",
     "22: CLM011 claim 'first-claim' appearance 'betaweb' is neither a key of data/references.bib nor an http(s) URL"),
    ("zh: 有证据支持这个论断。", "zh: " + "证据" * 30 + "不足。",
     "23: CLM012 claim 'first-claim' conclusion in 'zh' is 62 Han characters long (at most 60: one line of what the evidence says)"),
    ("en: The evidence supports the claim.", "en: " + "The evidence supports the claim " * 5 + "well.",
     "23: CLM012 claim 'first-claim' conclusion in 'en' is 26 words long (at most 25: one line of what the evidence says)"),
])
def test_claim_without_claimant_appearance_or_a_short_conclusion(fixture_site, old, new, message):
    edit(fixture_site, CLAIMS, old, new)
    assert only(fixture_site) == f"{CLAIMS}:{message}"


@pytest.mark.parametrize("appearance", ["https://example.org/post?id=1", "http://example.org/", "alpha2020"])
def test_appearance_is_a_url_or_a_bibliography_key(fixture_site, appearance):
    edit(fixture_site, CLAIMS, "appearance: beta-web", f"appearance: \"{appearance}\"")
    assert problems(fixture_site) == []


def test_limits_count_han_characters_and_english_words(fixture_site):
    # 60 Han characters and Latin words beside them: one line still.
    edit(fixture_site, CLAIMS, "zh: 有证据支持这个论断。", "zh: " + "证据" * 29 + "MK-7 和 K2。")
    edit(fixture_site, CLAIMS, "en: The evidence supports the claim.", "en: " + "The evidence supports the claim " * 5)
    assert problems(fixture_site) == []


def test_entry_for_unknown_claim(fixture_site):
    append(fixture_site, CLAIMS, "other-claim:\n  title: {zh: 别的, en: Other}\n")
    assert only(fixture_site) == (
        f"{CLAIMS}:24: CLM007 entry 'other-claim' names no claim (no '::: claim other-claim' block on any page)"
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
    assert page.front == {"title": "A claim", "description": "[Supported] The evidence supports the claim.", "reviewed": "2026-11-24"}
    assert site.title("zh", "claims/first-claim.md") == "一个论断"


def test_real_claims_all_have_titles_and_questions():
    site = load_site(REPO)
    assert [p for p in check_site(site) if p.code.startswith("CLM")] == []
    ids = [c.id for _, c in claims.claims_in(site, "zh")]
    assert len(ids) == 24 and sorted(ids) == sorted(yaml.safe_load((REPO / CLAIMS).read_text("utf-8")))
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_claim_pastes_as_verdict_and_assertion(lang):
    """Every real claim's cite forms, read by the real parsers: the link text is the verdict
    label, then the assertion, whatever punctuation the assertion holds."""
    site = load_site(REPO)
    prefix = "" if lang == "zh" else "en/"
    for _, claim in claims.claims_in(site, lang):
        text = claims.link_text(site, claim.id, claim.verdict, lang)
        assert text == claims.verdict_tag(site, claim.verdict, lang) + claims.title(site, claim.id, lang)
        url = f"{SITE_URL}{prefix}claims/{claim.id}/#{claim.id}"
        forms = claims.cite_forms(text, url)
        assert bbcode_links(forms["bbcode"] + GLUED) == [(url, text)], claim.id
        assert markdown_links(forms["markdown"] + GLUED) == [(url, text)], claim.id


def test_link_text_carries_verdict_and_title():
    site = load_site(REPO)
    assert claims.link_text(site, OSTEOCALCIN, "inaccurate", "zh") == ZH_OSTEOCALCIN_TEXT
    assert claims.link_text(site, OSTEOCALCIN, "inaccurate", "en") == EN_OSTEOCALCIN_TEXT


def test_claim_review_names_claimant_appearance_and_conclusion(fixture_site):
    edit(fixture_site, CLAIMS, "appearance: beta-web", "appearance: https://example.org/post")
    edit(fixture_site, CLAIMS, "en: An author}", "en: An author, type: Organization}")
    review = structured_data.claim_review(load_site(fixture_site), "en", "first-claim", SITE_URL, "Site")
    assert review["claimReviewed"] == "A claim"
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "An author"},
        "appearance": [{"@type": "CreativeWork", "url": "https://example.org/post"}],
    }
    assert review["reviewRating"]["alternateName"] == "Supported"
    assert review["reviewBody"] == "The evidence supports the claim."


# --- Preview cards ---------------------------------------------------------------------

def test_cards_are_cached(tmp_path):
    card = {"lang": "zh", "site_name": "维生素 K 证据库", "address": "vitamin-k-evidence.github.io",
            "title": "骨钙素“形成”羟基磷灰石晶体？", "verdict_label": "不准确", "verdict_colour": "#a11d1d"}
    first = preview_cards.cached_card(tmp_path, **card)
    stamp = first.stat().st_mtime_ns
    assert preview_cards.cached_card(tmp_path, **card) == first and first.stat().st_mtime_ns == stamp
    assert preview_cards.cached_card(tmp_path, **{**card, "verdict_label": "有遗漏"}) != first
    assert preview_cards.cached_card(tmp_path, **{**card, "conclusion": "骨钙素结合钙。"}) != first
    with Image.open(first) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
