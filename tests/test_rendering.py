"""Rendered output as readers get it: golden files of the fixture site's pages in both
languages, named checks of each rendered part, and the built real site's anchors.

Goldens: tests/golden/<lang>/<page>.html hold the article HTML of the built fixture site
(tests/fixtures/site). After an intended rendering change, regenerate them with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_rendering.py
and review the diff (git diff tests/golden) before committing.
"""
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import BUILD_FILES, REPO, TEST_REPOSITORY, edit, run_mkdocs_build
from kb import render
from kb.checks import manifest
from kb.model.content import load_site
from kb.model.languages import BY_CODE, LANGUAGES, url_in

FIXTURE = REPO / "tests" / "fixtures" / "site"
GOLDEN = REPO / "tests" / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
PAGES = [
    "", "articles/vitamin-k-with-vitamin-d/", "articles/mk4-vs-mk7-interview/", "glossary/",
    "glossary/alpha-term/", "glossary/beta-term/", "references/", "about/",
]
ARTICLE = manifest.ARTICLE


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fixture") / "site"
    shutil.copytree(FIXTURE, root)
    # Here (not in the shared fixture, whose claim text other tests edit) the claim names a
    # term, so that the term's page lists the claim under "appears in".
    for lang, statement, term in (("zh", "一个论断[@beta-web]。", "见[[beta-term]]。"),
                                  ("en", "A claim [@beta-web].", " See [[beta-term]].")):
        edit(root, f"docs/{lang}/articles/vitamin-k-with-vitamin-d.md", statement, statement + term)
    for item in BUILD_FILES:
        src = REPO / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / item)
    build = run_mkdocs_build(root / "site", root, extra_env={"SITE_REPOSITORY": TEST_REPOSITORY})
    assert build.returncode == 0, build.output
    return root / "site"


def soup_of(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def article(site_dir: Path, url: str):
    return soup_of(site_dir, url).select_one(ARTICLE)


def golden_text(node) -> str:
    """The article's HTML, one tag per line, so a golden diff shows what changed."""
    return node.prettify()


# --- Golden files ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
@pytest.mark.parametrize("path", PAGES)
def test_rendered_page_matches_its_golden_file(fixture_build, lang, path):
    actual = golden_text(article(fixture_build, url_in(BY_CODE[lang], path)))
    golden = GOLDEN / lang / ((path.rstrip("/") or "index").replace("/", "--") + ".html")
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, "utf-8")
    assert golden.is_file(), f"{golden} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == golden.read_text("utf-8"), f"{golden.relative_to(REPO)} differs (see the module docstring)"


# --- Named checks of each part, both languages -------------------------------------------

LANGS = ["zh", "en"]


def url(lang: str, path: str) -> str:
    return url_in(BY_CODE[lang], path)


@pytest.mark.parametrize("lang, preview", [("zh", "Alpha A 等 (2020). A trial of something. Journal of Examples."),
                                           ("en", "Alpha A et al. (2020). A trial of something. Journal of Examples.")])
def test_citations_are_numbered_from_one_and_link_to_their_reference(fixture_build, lang, preview):
    body = article(fixture_build, url(lang, "glossary/alpha-term/"))
    links = body.select("sup.kb-cite a")
    assert [a.get_text() for a in links] == ["1"]
    assert links[0]["href"] == "#ref-alpha2020"
    assert body.find(id="ref-alpha2020") is not None
    assert links[0]["title"] == preview
    assert body.select_one("sup.kb-cite").has_attr("data-search-exclude")


@pytest.mark.parametrize("lang", LANGS)
def test_every_citation_number_matches_its_place_in_the_reference_list(fixture_build, lang):
    for path in PAGES:
        body = article(fixture_build, url(lang, path))
        order = [li["id"] for li in body.select("ol.kb-references > li")]
        for link in body.select("sup.kb-cite a"):
            target = link["href"].removeprefix("#")
            assert target in order, (path, target)
            assert link.get_text() == str(order.index(target) + 1), (path, target)


@pytest.mark.parametrize("lang, name, definition", [("zh", "甲术语", "甲术语是一个示例术语。"),
                                                    ("en", "alpha term", "The alpha term is an example term.")])
def test_term_links_go_to_the_term_page_with_its_definition(fixture_build, lang, name, definition):
    body = article(fixture_build, url(lang, ""))
    link = body.select_one("a.kb-term")
    assert link.get_text() == name
    assert link["href"] == "glossary/alpha-term/"
    assert link["title"] == definition


@pytest.mark.parametrize("lang, verdict", [("zh", "有证据支持"), ("en", "Supported")])
def test_claims_show_their_verdict_in_the_page_language(fixture_build, lang, verdict):
    claim = article(fixture_build, url(lang, "articles/vitamin-k-with-vitamin-d/")).select_one(".kb-claim")
    assert claim.select_one(".kb-claim__title")["id"] == "first-claim"  # its title is a heading
    assert "kb-claim--supported" in claim["class"]
    assert claim.select_one(".kb-verdict").get_text() == verdict


@pytest.mark.parametrize("lang", LANGS)
def test_reference_list_gives_journal_year_doi_and_pmid_out_of_search(fixture_build, lang):
    body = article(fixture_build, url(lang, ""))
    heading = body.find(id="references")
    assert heading.name == "h2" and heading.has_attr("data-search-exclude")
    ol = body.select_one("ol.kb-references")
    assert ol.has_attr("data-search-exclude")
    item = ol.find(id="ref-alpha2020")
    text = item.get_text(" ")
    assert "Alpha A, Beta B." in text
    assert "Journal of Examples" in item.em.get_text()
    assert "2020;1:1–10" in text
    hrefs = [a["href"] for a in item.find_all("a")]
    assert "https://doi.org/10.1000/example.1" in hrefs
    assert "https://pubmed.ncbi.nlm.nih.gov/12345678/" in hrefs
    assert "references/#alpha2020" in hrefs[-1]


BETA_DEFINITION = {"zh": "乙术语是另一个示例术语。", "en": "The beta term is another example term."}


@pytest.mark.parametrize("lang, claim", [("zh", "【有证据支持】一个论断"), ("en", "[Supported] A claim")])
def test_appears_in_names_each_claim_by_verdict_and_title(fixture_build, lang, claim):
    body = article(fixture_build, url(lang, "glossary/beta-term/"))
    article_item = body.find(id="appears-in").find_next("ul").find("a", href="../../articles/vitamin-k-with-vitamin-d/")
    claims = article_item.parent.select(":scope > ul > li > a")
    assert [(a.get_text(), a["href"]) for a in claims] == [(claim, "../../articles/vitamin-k-with-vitamin-d/#first-claim")]


@pytest.mark.parametrize("lang", LANGS)
def test_bibliography_page_lists_entries_out_of_search(fixture_build, lang):
    body = article(fixture_build, url(lang, "references/"))
    bib = body.select_one("ul.kb-bibliography")
    assert bib.has_attr("data-search-exclude")
    entry = bib.find(id="alpha2020")
    assert "Journal of Examples" in entry.get_text() and "2020" in entry.get_text()
    assert entry.select_one(".kb-citedby").has_attr("data-search-exclude")


@pytest.mark.parametrize(
    "lang, title, other_label, other_name, related_name",
    [("zh", "甲术语", "英文", "alpha term", "乙术语"), ("en", "Alpha term", "Chinese", "甲术语", "beta term")],
)
def test_term_page_parts(fixture_build, lang, title, other_label, other_name, related_name):
    body = article(fixture_build, url(lang, "glossary/alpha-term/"))
    h1 = body.find("h1")
    assert h1["id"] == "alpha-term" and h1.get_text().strip() == title
    names = body.select_one(".kb-names")
    assert names.select_one(".kb-names__label").get_text() == other_label
    assert names.find(lang=BY_CODE["en" if lang == "zh" else "zh"].html_lang).get_text() == other_name
    assert "AT" in names.get_text()
    definition = body.find(id="definition")
    assert definition.strong and len(definition.get_text()) > 10
    related = body.find(id="related")
    assert related.has_attr("data-search-exclude")
    item = related.find_next("ul").li
    assert item.a.get_text() == related_name and item.get_text().endswith(BETA_DEFINITION[lang])
    assert not item.a.has_attr("title")  # its definition is printed beside it: no preview too
    appears = body.find(id="appears-in")
    assert [a["href"] for a in appears.find_next("ul").select("a")] == ["../beta-term/", "../../"]
    assert body.find(id="note") is None  # alpha-term has no note
    beta = article(fixture_build, url(lang, "glossary/beta-term/"))
    assert beta.find(id="note") is not None


@pytest.mark.parametrize("lang, button", [("zh", "复制 Markdown"), ("en", "Copy Markdown")])
def test_cite_box_offers_the_three_link_forms(fixture_build, lang, button):
    page = soup_of(fixture_build, url(lang, "glossary/alpha-term/"))
    canonical = page.select_one('link[rel="canonical"]')["href"]
    box = page.select_one("section.kb-citebox#cite")
    assert box.has_attr("data-search-exclude")
    title = box.select_one(".kb-citebox__page strong").get_text()
    buttons = box.select("button[data-clipboard-text]")
    assert [b["data-clipboard-text"] for b in buttons] == [canonical + " ", f"[{title}]({canonical})", f"[url={canonical}]{title}[/url]"]
    assert buttons[1].get_text() == button
    assert box.find("time")["datetime"] == "2026-11-24"


@pytest.mark.parametrize(
    "lang, header, meaning, other", [("zh", "英文标签", "有证据支持。", "Supported"), ("en", "Chinese label", "Evidence supports it.", "有证据支持")],
)
def test_verdict_table_meanings_in_the_page_language(fixture_build, lang, header, meaning, other):
    table = article(fixture_build, url(lang, "about/")).select_one("table.kb-verdicts")
    assert [th.get_text() for th in table.select("th")][1] == header
    first = table.select("tbody tr")[0].select("td")
    assert first[1].get_text() == other
    assert first[2].get_text() == meaning


def test_verdict_colours_come_from_the_data_file(fixture_build):
    css = (fixture_build / "assets" / "kb-verdicts.css").read_text("utf-8")
    assert ".kb-claim--supported, .kb-verdict--supported { --kb-verdict: #1b6e3a; }" in css
    # Pages carry it inline (kb/finish/page_css.py): search results show verdicts on any page.
    assert ".kb-verdict--supported{--kb-verdict:#1b6e3a}" in soup_of(fixture_build, "").select_one("head style").string


# --- The real site: anchors and fragment links -------------------------------------------

def page_ids(site_dir: Path) -> dict:
    """{page URL: every id in the whole page} of a built site."""
    ids = {}
    for file in site_dir.rglob("*.html"):
        key = manifest.page_url(site_dir, file) if file.name == "index.html" else file.relative_to(site_dir).as_posix()
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        ids[key] = {element["id"] for element in soup.find_all(id=True)}
    return ids


def test_checker_anchors_are_exactly_the_ids_the_build_renders(site):
    """What the checker accepts as '#anchor' (render.anchors) == the ids inside each built
    article, for every page in both languages."""
    content = load_site(REPO)
    built = manifest.collect(site)
    for (lang, path), page in content.pages.items():
        page_url = url_in(BY_CODE[lang], page.url)
        assert set(render.anchors(content, page)) == set(built[page_url]), page_url


def test_every_fragment_link_in_the_built_site_resolves(site):
    ids = page_ids(site)
    broken = []
    for file in site.rglob("*.html"):
        here = manifest.page_url(site, file) if file.name == "index.html" else file.relative_to(site).as_posix()
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for link in soup.find_all("a", href=True):
            href = link["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = urlsplit(urljoin("/" + here, parts.path)).path.lstrip("/") if parts.path else here
            target = re.sub(r"index\.html$", "", target)
            if target not in ids:
                broken.append(f"{here}: {href} (no page {target})")
            elif parts.fragment not in ids[target]:
                broken.append(f"{here}: {href} (no id {parts.fragment})")
    assert broken == []


def test_every_language_has_every_interface_word():
    from kb.model import labels

    default = set(labels.WORDS[LANGUAGES[0].code])
    for lang in LANGUAGES[1:]:
        assert set(labels.WORDS[lang.code]) ^ default <= {"month_names"}, lang.code
    for lang in LANGUAGES:
        assert set(labels.BROWSER_KEYS + labels.SEARCH_RESULT_KEYS) <= set(labels.WORDS[lang.code])


def test_verdict_stylesheet_has_light_and_dark_colours():
    from kb.model.verdicts import stylesheet

    css = stylesheet({"new-verdict": {"colour": "#123456", "colour_dark": "#abcdef"}})
    assert css == (
        ".kb-claim--new-verdict, .kb-verdict--new-verdict { --kb-verdict: #123456; }\n"
        '[data-md-color-scheme="slate"] .kb-claim--new-verdict, [data-md-color-scheme="slate"] .kb-verdict--new-verdict'
        " { --kb-verdict: #abcdef; }\n"
    )
