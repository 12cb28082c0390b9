"""The built site: both languages, the public URL scheme, metadata, no third-party loads,
segmented per-language search, language-switch links, and a quiet strict build."""
import json
import os
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO, run_mkdocs_build
from kb import search_index, site_audit
from kb.languages import LANGUAGES

# The public URL contract (forum posts link to these for years); the manifest of issue 6
# extends it to every page and anchor.
URL_SCHEME = [
    "",
    "articles/vitamin-k-with-vitamin-d/",
    "articles/mk4-vs-mk7-interview/",
    "glossary/",
    "references/",
    "about/",
]


def site_url():
    with open(REPO / "mkdocs.yml", encoding="utf-8") as f:
        text = f.read()
    # mkdocs.yml uses !ENV; read the default the same way MkDocs does without SITE_URL.
    class Loader(yaml.SafeLoader):  # a subclass: registering !ENV must not leak into SafeLoader
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return os.environ.get("SITE_URL") or yaml.load(text, Loader=Loader)["site_url"]


def page(site, lang, path):
    file = site / lang.prefix / path / "index.html"
    return BeautifulSoup(file.read_text("utf-8"), "html.parser")


def all_pages(site):
    """Content pages: not 404.html, not the redirect stubs of data/redirects.yaml."""
    return [
        p for p in sorted(site.rglob("*.html"))
        if p.name != "404.html" and 'http-equiv="refresh"' not in p.read_text("utf-8")
    ]


@pytest.mark.parametrize("path", URL_SCHEME)
@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda l: l.code)
def test_every_public_url_exists_in_both_languages(site, lang, path):
    assert (site / lang.prefix / path / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda l: l.code)
def test_html_lang_matches_the_language(site, lang):
    for path in URL_SCHEME:
        assert page(site, lang, path).html["lang"] == lang.html_lang, path


def test_english_is_under_en_and_chinese_at_the_root(site):
    assert page(site, LANGUAGES[0], "").html["lang"] == "zh"
    assert page(site, LANGUAGES[1], "").html["lang"] == "en"


def test_every_page_has_description_canonical_hreflang_and_cards(site):
    base = site_url().rstrip("/") + "/"
    for file in all_pages(site):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        rel = file.relative_to(site).parent.as_posix()
        url = base + ("" if rel == "." else rel + "/")
        where = file.relative_to(site)

        def meta(**attrs):
            tag = soup.find("meta", attrs=attrs)
            assert tag is not None and tag.get("content", "").strip(), f"{where}: {attrs}"
            return tag["content"]

        assert len(meta(name="description")) > 20, where
        assert soup.find("link", rel="canonical")["href"] == url, where
        alternates = {l["hreflang"]: l["href"] for l in soup.find_all("link", rel="alternate", hreflang=True)}
        path = url[len(base):].removeprefix("en/")
        assert alternates == {
            "zh-Hans": base + path,
            "en": base + "en/" + path,
            "x-default": base + path,
        }, where
        assert meta(property="og:url") == url
        for prop in ("og:title", "og:description", "og:site_name", "og:type"):
            meta(property=prop)
        assert meta(property="og:locale") == ("en_US" if path != url[len(base):] else "zh_CN")
        for name in ("twitter:card", "twitter:title", "twitter:description"):
            meta(name=name)
        image = meta(property="og:image")
        assert image.startswith(base) and (site / image[len(base):]).is_file(), where
        assert meta(name="twitter:image") == image


def test_no_generator_tag_or_footer_credit(site):
    for file in all_pages(site) + [site / "404.html"]:
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        assert soup.find("meta", attrs={"name": "generator"}) is None, file
        assert "Made with" not in soup.get_text(), file


def test_built_site_loads_nothing_from_another_host(site):
    assert site_audit.external_resources_in_site(site) == []


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<script src="https://cdn.jsdelivr.net/x.js"></script>', "<script src=https://cdn.jsdelivr.net/x.js>"),
        ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', "fonts.googleapis.com"),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">', "fonts.gstatic.com"),
        ('<img src="//twemoji.maxcdn.com/1f600.svg">', "twemoji"),
        ('<img srcset="a.png 1x, https://img.example/b.png 2x">', "img.example"),
        ('<iframe src="https://www.youtube.com/embed/U_qGiQ_cq24"></iframe>', "youtube"),
        ('<div style="background:url(https://x.example/bg.png)"></div>', "x.example"),
        ("<style>@font-face{src:url('https://fonts.gstatic.com/a.woff2')}</style>", "fonts.gstatic"),
    ],
)
def test_audit_catches_each_kind_of_third_party_load(html, expected):
    found = site_audit.external_resources_in_html(html)
    assert len(found) == 1 and expected in found[0], found


def test_audit_allows_local_resources_and_outbound_links():
    html = (
        '<link rel="stylesheet" href="../assets/kb.css"><script src="/assets/kb.js"></script>'
        '<a href="https://doi.org/10.1039/c9fo03063h">DOI</a><link rel="canonical" href="https://x.example/">'
        '<img src="data:image/png;base64,AAAA">'
    )
    assert site_audit.external_resources_in_html(html) == []


def test_audit_scans_css_files(tmp_path):
    (tmp_path / "a.css").write_text("@import 'https://cdn.example/x.css'; b{background:url(img.png)}")
    assert site_audit.external_resources_in_site(tmp_path) == ["a.css: url(https://cdn.example/x.css)"]


def load_index(site, lang):
    return json.loads(search_index.index_path(site, lang.code).read_text("utf-8"))


def test_each_language_has_its_own_search_index(site):
    zh, en = (load_index(site, lang) for lang in LANGUAGES)
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    zh_titles = {doc["title"] for doc in zh["docs"]}
    en_titles = {doc["title"] for doc in en["docs"]}
    assert "术语表" in zh_titles and "Glossary" not in zh_titles
    assert "Glossary" in en_titles and "术语表" not in en_titles
    # Locations are relative to the language root, which the page config points at.
    assert all(not doc["location"].startswith("en/") for doc in en["docs"])
    assert '"base":"../../en/"' in page(site, LANGUAGES[1], "glossary/").find(id="__config").string.replace(" ", "")


def test_chinese_search_text_is_segmented_and_stored_unescaped(site):
    raw = search_index.index_path(site, "zh").read_text("utf-8")
    assert "\\u" not in raw.split('"docs"')[1], "Han text should be raw UTF-8, not escaped"
    zh = load_index(site, LANGUAGES[0])
    assert search_index.unsegmented_docs(zh) == []
    assert any(search_index.SEGMENT_MARK in doc["text"] for doc in zh["docs"])


def test_segmentation_check_catches_an_unsegmented_index():
    index = {"config": {}, "docs": [{"location": "a/", "text": "维生素补充剂的证据整理"}]}
    assert search_index.unsegmented_docs(index) == ["a/"]


def test_split_site_index_refuses_unsegmented_chinese(tmp_path):
    merged = {"config": {"lang": ["zh", "en"]}, "docs": [
        {"location": "", "title": "首页", "text": "维生素补充剂的证据整理"},
        {"location": "en/", "title": "Home", "text": "Evidence"},
    ]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged))
    with pytest.raises(search_index.SegmentationError, match="not segmented"):
        search_index.split_site_index(tmp_path)


def test_build_fails_when_jieba_is_missing(tmp_path):
    # A jieba that cannot be imported, first on the path.
    (tmp_path / "jieba.py").write_text("raise ImportError('jieba hidden for this test')\n")
    build = run_mkdocs_build(tmp_path / "site", extra_env={"PYTHONPATH": str(tmp_path)})
    assert build.returncode != 0
    assert "jieba is not importable" in build.output


@pytest.mark.parametrize("path", URL_SCHEME)
def test_language_switch_links_point_at_the_same_page(site, path):
    zh, en = LANGUAGES
    zh_switch = page(site, zh, path).select_one('a.md-select__link[hreflang="en"]')["href"]
    en_switch = page(site, en, path).select_one('a.md-select__link[hreflang="zh"]')["href"]
    # Relative links only: the site may be served from a sub-path (a GitHub project page).
    assert not zh_switch.startswith("/") and not en_switch.startswith("/")
    assert (site / path / zh_switch).resolve() == (site / "en" / path).resolve()
    assert (site / "en" / path / en_switch).resolve() == (site / path).resolve()


def test_strict_build_prints_no_warning_or_banner(built_site):
    lowered = built_site.output.lower()
    assert "warning" not in lowered, built_site.output
    assert "end of life" not in lowered and "zensical" not in lowered
    assert "prefix dict" not in lowered  # jieba's loading chatter
