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
from kb.model.content import load_site
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
    conclusion = claims.conclusion(load_site(REPO), OSTEOCALCIN, lang)
    shown = article.select_one(".kb-claim__head + .kb-claim__conclusion")
    assert shown.get_text() == ("简言之：" if lang == "zh" else "In short: ") + conclusion
    tag = "【不准确】" if lang == "zh" else "[Inaccurate] "
    assert page.select_one('meta[name="description"]')["content"] == tag + conclusion
    assert page.select_one('meta[property="og:description"]')["content"] == tag + conclusion
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
    # The conclusion travels with the claim: right under its verdict in the article too.
    conclusion = block.select_one(".kb-claim__head + .kb-claim__conclusion").get_text()
    assert conclusion.endswith(claims.conclusion(load_site(REPO), OSTEOCALCIN, lang))
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


@pytest.mark.parametrize("prefix, lang, label, keith", [
    ("", "zh-Hans", "不准确", "访谈嘉宾 Keith"), ("en/", "en", "Inaccurate", "Keith, the interview guest")])
def test_claim_review_structured_data(site, prefix, lang, label, keith):
    [review] = json_ld(site, f"{prefix}claims/{OSTEOCALCIN}")
    assert review["@type"] == "ClaimReview" and review["inLanguage"] == lang
    assert review["url"] == f"{SITE_URL}{prefix}claims/{OSTEOCALCIN}/"
    page = soup_of(site, f"{prefix}claims/{OSTEOCALCIN}")
    # The assertion under review, who made it and where; the verdict; what is true.
    assert review["claimReviewed"] == page.h1.get_text()
    assert review["reviewRating"]["alternateName"] == label
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": keith}
    assert review["itemReviewed"]["appearance"] == [{
        "@type": "CreativeWork", "name": "Best Type of Vitamin K2 for Osteoporosis?",
        "url": "https://www.youtube.com/watch?v=U_qGiQ_cq24"}]
    assert review["reviewBody"] == claims.conclusion(load_site(REPO), OSTEOCALCIN, lang[:2])
    assert page.select_one(".kb-claim__conclusion").get_text().endswith(review["reviewBody"])
    assert review["author"]["@type"] == "Organization" and review["author"]["url"] == f"{SITE_URL}{prefix}"
    assert review["datePublished"] == load_site(REPO).page(lang[:2], "articles/mk4-vs-mk7-interview.md").front["reviewed"]


@pytest.mark.parametrize("prefix, lang", [("", "zh-Hans"), ("en/", "en")])
def test_article_and_glossary_structured_data(site, prefix, lang):
    items = json_ld(site, f"{prefix}articles/vitamin-k-with-vitamin-d")
    article = items[0]
    assert article["@type"] == "Article" and article["inLanguage"] == lang and article["dateModified"] == load_site(REPO).page(lang[:2], "articles/vitamin-k-with-vitamin-d.md").front["reviewed"]
    assert article["headline"] == soup_of(site, f"{prefix}articles/vitamin-k-with-vitamin-d").h1.get_text()
    reviews = {r["url"].rstrip("/").rsplit("/", 1)[1]: r for r in items if r["@type"] == "ClaimReview"}
    assert len(reviews) == 6
    # Each claim's own claimant and appearance (data/claims.yaml), not the article's first source.
    combination = reviews["routine-combination-not-supported"]["itemReviewed"]
    assert combination["author"]["@type"] == "Organization"
    assert combination["author"]["name"] == ("维生素 D3 + K2 补充剂的营销宣传" if prefix == "" else "Marketing for vitamin D3 + K2 supplements")
    assert combination["appearance"][0]["url"] == "https://sciencebasedmedicine.org/should-you-take-vitamin-k-with-your-vitamin-d/"
    fractures = reviews["no-fracture-benefit-shown"]["itemReviewed"]
    assert fractures["author"]["@type"] == "Person"
    assert fractures["appearance"][0]["name"].startswith("Vitamin K and the prevention of fractures")
    assert fractures["appearance"][0]["url"] == "https://doi.org/10.1001/archinte.166.12.1256"
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


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_claim_page_offers_its_qr_code_and_share_image(site, prefix):
    """Without JavaScript or another site: the QR code inline, the image next to the card."""
    import zxingcpp

    pages = sorted((site / prefix / "claims").glob("*/index.html"))
    assert len(pages) == 24
    for index_html in pages:
        url = f"{SITE_URL}{prefix}claims/{index_html.parent.name}/"
        share = BeautifulSoup(index_html.read_text("utf-8"), "html.parser").select_one("article .kb-share")
        svg = share.select_one("svg.kb-share__qr")
        assert svg["role"] == "img" and svg["aria-label"].endswith(url)
        link = share.select_one("a[download]")
        assert link["href"] == "share.png" and link["download"].startswith(index_html.parent.name)
        assert "kb-js-only" not in str(share)
        with Image.open(index_html.parent / "share.png") as image:
            assert [code.text for code in zxingcpp.read_barcodes(image)] == [url]


GLUED_ON = ("，我不同意。", "这里", "\n下一行")  # Chinese typed right after a pasted link


@pytest.mark.parametrize("url", ["", "en/", "claims/no-toxicity", "en/claims/no-toxicity",
                                 "articles/vitamin-k-with-vitamin-d", "glossary/osteocalcin"])
def test_every_copy_button_protects_its_url(site, url):
    """Whatever a copy button of the built page puts on the clipboard, pasted into a forum
    post with Chinese glued on, links to the page's (or its claim's) URL and nothing more (real parsers:
    bbcode and markdown-it-py with linkify). The heading buttons (kb.js) are tried in
    tests/browser/test_claims_browser.py."""
    from test_claims import bbcode_links, markdown_links

    page = soup_of(site, url)
    canonical = page.select_one('link[rel="canonical"]')["href"]
    copied = [b["data-clipboard-text"] for b in page.select("[data-clipboard-text]")]
    assert copied, "no copy button"
    for text in copied:
        [target] = re.findall(r"https?://[^\s\[\]()]+", text)  # the page's or a claim's URL
        assert target.startswith(SITE_URL) and (target.split("#")[0] == canonical or "/claims/" in target)
        for tail in GLUED_ON:
            for parse in (bbcode_links, markdown_links):
                assert [href for href, _ in parse(text + tail)] == [target], (text, tail)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_links_the_claims_index_and_the_most_asked_claims(site, prefix):
    """The claims index was reachable only from the menu; the home page now links it and
    the claims readers ask about most (data/search_questions.yaml)."""
    section = soup_of(site, prefix).select_one("article #claims").find_next_sibling("ul")
    hrefs = [a["href"] for a in section.select("a")]
    assert 4 <= len(hrefs) <= 6 and all(h.startswith("claims/") for h in hrefs)
    assert all((site / prefix / h / "index.html").is_file() for h in hrefs)
    assert soup_of(site, prefix).select_one('article a[href="claims/"]')
