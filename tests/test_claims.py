"""Claims as first-class units: data/claims.yaml rules (exact messages), cite forms as
real forum parsers read them, claim pages and index, one title per page, preview cards
and structured data, on the fixture site and the built real site."""
import json
import re
import shutil
from pathlib import Path

import bbcode
import extruct
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from PIL import Image

from helpers import REPO
from kb import claims, preview_cards
from kb.check import check_site
from kb.content import load_site
from test_checker import EN_ARTICLE, FIXTURE, ZH_ARTICLE, append, edit, only, problems

CLAIMS = "data/claims.yaml"
SITE_URL = "https://vitamin-k-evidence.github.io/"
OSTEOCALCIN = "osteocalcin-forms-hydroxyapatite"
ZH_OSTEOCALCIN_URL = f"{SITE_URL}claims/{OSTEOCALCIN}/#{OSTEOCALCIN}"
EN_OSTEOCALCIN_URL = f"{SITE_URL}en/claims/{OSTEOCALCIN}/#{OSTEOCALCIN}"
ZH_OSTEOCALCIN_TEXT = "【不准确】骨钙素“形成”羟基磷灰石晶体？"
EN_OSTEOCALCIN_TEXT = '[Inaccurate] Osteocalcin "forms" hydroxyapatite crystals?'
GLUED = "，我不同意。"  # how forum posts go on right after a pasted link


@pytest.fixture
def fixture_site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


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
    assert only(fixture_site) == f"{CLAIMS}:7: KB002 claim entry: ['is the claim true'] is too short (at first-claim/questions/en)"


def test_entry_for_unknown_claim(fixture_site):
    append(fixture_site, CLAIMS, "other-claim:\n  title: {zh: 别的, en: Other}\n")
    assert only(fixture_site) == (
        f"{CLAIMS}:8: CLM007 entry 'other-claim' names no claim (no '::: claim other-claim' block on any page)"
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
            assert 3 <= len(site.claims.text(claim_id, "questions", lang)) <= 5


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


# --- The built site --------------------------------------------------------------------

def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def json_ld(site: Path, url: str) -> list:
    html = (site / url / "index.html").read_text("utf-8")
    return extruct.extract(html, base_url=SITE_URL + url, syntaxes=["json-ld"], uniform=False)["json-ld"]


@pytest.mark.parametrize("prefix, lang", [("", "zh"), ("en/", "en")])
def test_claim_page(site, prefix, lang):
    page = soup_of(site, f"{prefix}claims/{OSTEOCALCIN}")
    article = page.select_one("article.md-content__inner")
    title = ZH_OSTEOCALCIN_TEXT[5:] if lang == "zh" else EN_OSTEOCALCIN_TEXT[len("[Inaccurate] "):]
    assert article.h1.get_text() == title and article.h1["id"] == OSTEOCALCIN
    assert article.select_one(".kb-verdict").get_text() == ("不准确" if lang == "zh" else "Inaccurate")
    assert article.select_one(".kb-claim__meaning").get_text()
    buttons = {b["data-kb-form"]: b["data-clipboard-text"] for b in article.select(".kb-claimcite [data-clipboard-text]")}
    url = ZH_OSTEOCALCIN_URL if lang == "zh" else EN_OSTEOCALCIN_URL
    text = ZH_OSTEOCALCIN_TEXT if lang == "zh" else EN_OSTEOCALCIN_TEXT
    assert buttons == claims.cite_forms(text, url)
    assert "gundberg2012" in str(article.select_one("#references ~ ol, ol.kb-references"))
    assert [a["href"] for a in article.select(".kb-claim__context a")] == [f"../../articles/mk4-vs-mk7-interview/#{OSTEOCALCIN}"]
    assert article.select_one('.kb-reviewed a[href="#cite"]') and article.select_one("#cite")
    asked = [li.get_text() for li in article.select(".kb-claim__questions li")]
    assert asked[0] == ("骨钙素是形成骨头晶体的吗？" if lang == "zh" else "does osteocalcin form hydroxyapatite?")


def test_claim_page_links_rewritten_for_their_new_place(site):
    article = soup_of(site, "en/claims/mk4-dose-500-to-1000-ug").select_one("article.md-content__inner")
    assert article.select_one('a[href="../no-toxicity/"]')


@pytest.mark.parametrize("prefix, lang", [("", "zh"), ("en/", "en")])
def test_claim_in_article_is_a_heading_in_the_toc_with_cite_buttons(site, prefix, lang):
    page = soup_of(site, f"{prefix}articles/mk4-vs-mk7-interview")
    heading = page.select_one(f"article #{OSTEOCALCIN}")
    assert heading.name == "h3" and "kb-claim__title" in heading["class"]
    assert page.select_one(f'.md-nav--secondary a[href="#{OSTEOCALCIN}"]').get_text(strip=True) == heading.get_text()
    block = heading.find_parent(class_="kb-claim")
    assert block.select_one(".kb-verdict")
    url = ZH_OSTEOCALCIN_URL if lang == "zh" else EN_OSTEOCALCIN_URL
    assert block.select_one('[data-kb-form="bbcode"]')["data-clipboard-text"].startswith(f"[url={url}]")
    assert block.select_one(".kb-claim__more a")["href"] == f"../../claims/{OSTEOCALCIN}/"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_claims_index_lists_every_claim_with_its_verdict(site, prefix):
    page = soup_of(site, f"{prefix}claims")
    items = page.select("ul.kb-claims > li")
    assert len(items) == 23
    assert all(item["data-kb-verdict"] and item.select_one(".kb-verdict") for item in items)
    assert items[0].a["href"] == f"{OSTEOCALCIN}/"
    assert page.select_one("[data-kb-claims-filter] select option[value=inaccurate]")
    nav = [a.get_text(strip=True) for a in page.select(".md-nav--primary a.md-nav__link")]
    assert ("论断一览" if not prefix else "All claims") in nav


def test_claim_pages_join_the_manifest():
    lines = set((REPO / "links/manifest.txt").read_text("utf-8").split())
    assert {f"claims/{OSTEOCALCIN}/", f"en/claims/{OSTEOCALCIN}/", "claims/", "en/claims/"} <= lines


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_one_title_per_page(site, prefix):
    home = soup_of(site, prefix.rstrip("/") or ".")
    for slug in ("vitamin-k-with-vitamin-d", "mk4-vs-mk7-interview"):
        page = soup_of(site, f"{prefix}articles/{slug}")
        title = page.select_one("article h1").get_text()
        site_name = page.select_one('meta[property="og:site_name"]')["content"]
        assert page.title.get_text() == f"{title} - {site_name}"
        assert page.select_one('meta[property="og:title"]')["content"] == title
        assert page.select_one(".kb-citebox__page strong").get_text() == title
        nav = [a.get_text(strip=True) for a in home.select(".md-nav--primary a.md-nav__link") if a.get("href", "").endswith(f"articles/{slug}/")]
        assert nav and set(nav) == {title}
    home_title = home.select_one("article h1").get_text()
    assert home_title not in ("Home", "首页")
    assert home.title.get_text() == home_title
    assert home.select_one('meta[property="og:title"]')["content"] == home_title


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_own_preview_cards(site, prefix):
    for url in (f"{prefix}claims/{OSTEOCALCIN}", f"{prefix}articles/mk4-vs-mk7-interview"):
        page = soup_of(site, url)
        image = page.select_one('meta[property="og:image"]')["content"]
        assert image == f"{SITE_URL}{url}/card.png"
        assert page.select_one('meta[name="twitter:image"]')["content"] == image
        with Image.open(site / url / "card.png") as card:
            assert card.size == (1200, 630)
    term = soup_of(site, f"{prefix}glossary/osteocalcin")
    assert term.select_one('meta[property="og:image"]')["content"] == f"{SITE_URL}assets/preview-{prefix[:2] or 'zh'}.png"


@pytest.mark.parametrize("prefix, lang, label", [("", "zh-Hans", "不准确"), ("en/", "en", "Inaccurate")])
def test_claim_review_structured_data(site, prefix, lang, label):
    [review] = json_ld(site, f"{prefix}claims/{OSTEOCALCIN}")
    assert review["@type"] == "ClaimReview" and review["inLanguage"] == lang
    assert review["url"] == f"{SITE_URL}{prefix}claims/{OSTEOCALCIN}/"
    assert review["claimReviewed"] == soup_of(site, f"{prefix}claims/{OSTEOCALCIN}").h1.get_text()
    assert review["reviewRating"]["alternateName"] == label
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://www.youtube.com/watch?v=U_qGiQ_cq24"
    assert review["author"]["@type"] == "Organization" and review["author"]["url"] == f"{SITE_URL}{prefix}"
    assert review["datePublished"] == "2026-11-24"


@pytest.mark.parametrize("prefix, lang", [("", "zh-Hans"), ("en/", "en")])
def test_article_and_glossary_structured_data(site, prefix, lang):
    items = json_ld(site, f"{prefix}articles/vitamin-k-with-vitamin-d")
    article = items[0]
    assert article["@type"] == "Article" and article["inLanguage"] == lang and article["dateModified"] == "2026-11-24"
    assert article["headline"] == soup_of(site, f"{prefix}articles/vitamin-k-with-vitamin-d").h1.get_text()
    reviews = [i for i in items if i["@type"] == "ClaimReview"]
    assert len(reviews) == 6
    assert {r["itemReviewed"]["appearance"][0]["url"] for r in reviews} == {
        "https://sciencebasedmedicine.org/should-you-take-vitamin-k-with-your-vitamin-d/"}
    [term] = json_ld(site, f"{prefix}glossary/osteocalcin")
    assert term["@type"] == "DefinedTerm" and term["inDefinedTermSet"] == f"{SITE_URL}{prefix}glossary/"
    assert term["name"] == ("骨钙素" if prefix == "" else "osteocalcin") and term["description"]
    [glossary] = json_ld(site, f"{prefix}glossary")
    assert glossary["@type"] == "DefinedTermSet" and len(glossary["hasDefinedTerm"]) > 50


def test_every_page_has_structured_data(site):
    for file in sorted(site.rglob("index.html")):
        html = file.read_text("utf-8")
        if "md-content__inner" not in html or "http-equiv=\"refresh\"" in html:
            continue
        found = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
        assert found, file.relative_to(site)
        assert all(json.dumps(item) for item in found)


def test_cite_link_near_the_top_of_every_page(site):
    for file in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        if soup.select_one("#cite") is None:
            continue
        top = soup.select_one("article h1 + .kb-reviewed a[href='#cite']")
        assert top is not None, file.relative_to(site)
        assert re.fullmatch(r"引用|Cite", top.get_text())
