"""Claims in the built real site, both languages: claim pages and their cite buttons,
claim headings in the table of contents, the claims index, one title per page, preview
cards, and structured data as extruct (a real JSON-LD parser) reads it."""
import json
import re
from pathlib import Path

import extruct
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from helpers import REPO
from kb.model import claims
from test_claims import EN_OSTEOCALCIN_TEXT, EN_OSTEOCALCIN_URL, OSTEOCALCIN, SITE_URL, ZH_OSTEOCALCIN_TEXT, ZH_OSTEOCALCIN_URL


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
    assert len(items) == 24
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
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
        with Image.open(site / url / "card.png") as card:
            assert card.size == (1200, 630)
    term = soup_of(site, f"{prefix}glossary/osteocalcin")
    assert term.select_one('meta[property="og:image"]')["content"] == f"{SITE_URL}{prefix}assets/preview-{prefix[:2] or 'zh'}.png"


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
