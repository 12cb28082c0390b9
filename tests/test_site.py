"""The built site: both languages (each its own build), the public URL scheme, metadata,
hreflang in the sitemaps, a Content-Security-Policy on every page, no third-party loads,
a search index per language, language-switch links, 404 pages, and a quiet strict build."""
import json
import os
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO
from kb.checks import site_audit
from kb.finish import csp
from kb.model.languages import LANGUAGES

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


def page_text(site, lang, path):
    return (site / lang.prefix / path / "index.html").read_text("utf-8")


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
    assert page(site, LANGUAGES[0], "").html["lang"] == "zh-Hans"
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
        # hreflang alternates live in the sitemaps (see below): Material fetches a
        # sitemap.xml beside every <link rel=alternate>.
        assert soup.find("link", rel="alternate", hreflang=True) is None, where
        path = url[len(base):].removeprefix("en/")
        assert meta(property="og:url") == url
        for prop in ("og:title", "og:description", "og:site_name", "og:type"):
            meta(property=prop)
        assert meta(property="og:locale") == ("en_US" if path != url[len(base):] else "zh_CN")
        # X takes title, description and image from og: (developer.x.com/cards/markup).
        assert meta(name="twitter:card") == "summary_large_image", where
        image = meta(property="og:image")
        assert image.startswith(base) and (site / image[len(base):]).is_file(), where


def sitemap_alternates(site, lang):
    """{loc: {hreflang: href}} of one language's sitemap.xml."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / lang.prefix / "sitemap.xml").getroot()
    return {
        url.find("s:loc", ns).text: {l.get("hreflang"): l.get("href") for l in url.findall("x:link", ns)}
        for url in root.findall("s:url", ns)
    }


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda l: l.code)
def test_each_sitemap_lists_its_pages_with_hreflang_matching_html_lang(site, lang):
    base = site_url().rstrip("/") + "/"
    entries = sitemap_alternates(site, lang)
    locs = {base + lang.prefix + p for p in URL_SCHEME}
    assert locs <= set(entries)
    assert all(loc.startswith(base + lang.prefix) for loc in entries)
    if not lang.prefix:
        assert not any(loc.startswith(base + "en/") for loc in entries)
    for loc, alternates in entries.items():
        path = loc[len(base + lang.prefix):]
        assert alternates == {
            "zh-Hans": base + path, "en": base + "en/" + path, "x-default": base + path,
        }, loc
    # The tags match the pages' <html lang>.
    assert {l.html_lang for l in LANGUAGES} <= set(next(iter(entries.values())))


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


def test_audit_reports_the_line_of_each_load():
    # The checker prints these lines as path:line, for templates and Markdown alike.
    html = (
        "<head>\n<link rel=\"Stylesheet Preload\" href=\"https://a.example/x.css\" />\n<style>\n"
        "body { color: red }\n@import 'https://b.example/y.css';\n</style>\n</head>\n"
        "<p>text</p>\n<img\n  src=\"https://c.example/z.png\">\n<style>b{background:url(//d.example/w.png)}</style>"
    )
    assert site_audit.located_resources_in_html(html) == [
        (2, "<link rel=preload stylesheet href=https://a.example/x.css>"),
        (5, "<style> url(https://b.example/y.css)"),
        (9, "<img src=https://c.example/z.png>"),
        (11, "<style> url(//d.example/w.png)"),
    ]


def test_audit_scans_css_files(tmp_path):
    (tmp_path / "a.css").write_text("@import 'https://cdn.example/x.css'; b{background:url(img.png)}")
    assert site_audit.external_resources_in_site(tmp_path) == ["a.css: url(https://cdn.example/x.css)"]


def test_each_language_build_is_a_site_of_its_own(site):
    # Its own assets, sitemap, 404 page and search index (tests/test_search_index.py).
    for lang in LANGUAGES:
        for name in ("sitemap.xml", "404.html", "assets/kb.js", "assets/kb-search.js", "search.json"):
            assert (site / lang.prefix / name).is_file(), (lang.code, name)


@pytest.mark.parametrize("path", URL_SCHEME)
def test_language_switch_links_point_at_the_same_page(site, path):
    zh, en = LANGUAGES
    # In the HTML, each switcher link leads to its language's home (kb.js carries the
    # path and #anchor over; tests/browser check that).
    zh_switch = page(site, zh, path).select_one('a.md-select__link[hreflang="en"]')["href"]
    en_switch = page(site, en, path).select_one('a.md-select__link[hreflang="zh-Hans"]')["href"]
    # Relative links only: the site may be served from a sub-path (a GitHub project page).
    assert not zh_switch.startswith("/") and not en_switch.startswith("/")
    assert (site / path / zh_switch).resolve() == (site / "en").resolve()
    assert (site / "en" / path / en_switch).resolve() == site.resolve()


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda l: l.code)
def test_404_page_speaks_its_language_and_searches_its_own_index(site, lang):
    soup = BeautifulSoup((site / lang.prefix / "404.html").read_text("utf-8"), "html.parser")
    assert soup.html["lang"] == lang.html_lang
    # The page is served at any depth: its links and search index are absolute paths.
    search = json.loads(soup.find(id="kb-search").string)
    assert search["root"] == "/" + lang.prefix and search["index"] == "search.json"
    assert soup.select_one("a[data-kb-home]")["href"] in ("/" + lang.prefix, "/" + lang.prefix + "./")
    assert soup.find("h1").get_text(strip=True) != "404 - Not found"


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_every_html_file_has_a_content_security_policy_matching_its_scripts(site):
    for file in html_files(site):
        html = file.read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, file
        assert meta is soup.head.find(True), f"{file}: the policy must come first in <head>"
        policy = meta["content"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, file
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        # Fonts, fetches and workers fall back to default-src: no third-party host anywhere.
        assert directives["default-src"] == "'self'", file
        assert not {"font-src", "connect-src", "worker-src", "child-src"} & directives.keys(), file
        sources = {s for value in directives.values() for s in value.split()}
        assert {s for s in sources if not s.startswith("'sha256-")} <= {"'self'", "'none'", "data:"}, file
        for script in soup.find_all("script", src=False):
            if script.get("type", "text/javascript") not in ("text/javascript", "module"):
                continue
            assert csp.inline_script_hashes(f"<script>{script.string or ''}</script>")[0] in policy, file


def test_csp_hashes_each_inline_script_and_skips_data_and_external_ones():
    html = (
        '<html><head><script>a()</script><script src="x.js"></script>'
        '<script type="application/json">{"a":1}</script><script type="text/javascript">b()</script>'
        "</head></html>"
    )
    hashes = csp.inline_script_hashes(html)
    assert len(hashes) == 2 and all(h.startswith("'sha256-") for h in hashes)
    out = csp.with_policy(html)
    assert out.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')
    assert f"script-src 'self' {hashes[0]} {hashes[1]};" in out
    with pytest.raises(ValueError):
        csp.with_policy(out)


def test_strict_build_prints_no_warning_or_banner(built_site):
    lowered = built_site.output.lower()
    assert "warning" not in lowered, built_site.output
    assert "end of life" not in lowered and "zensical" not in lowered


def test_json_blocks_carry_chinese_as_characters_and_still_parse(site):
    """Material's configuration and our labels are written with Jinja's `tojson` policy set to
    keep Chinese as itself (kb_hook.on_env): six bytes per character fewer, which keeps a term
    page's HTML within the first round trip. The blocks must still parse."""
    soup = BeautifulSoup((site / "glossary" / "osteocalcin" / "index.html").read_text("utf-8"), "html.parser")
    for block_id in ("__config", "kb-labels"):
        text = soup.find("script", id=block_id).string
        assert "\\u" not in text, block_id
        assert "复制" in text or "搜索" in text, block_id
        json.loads(text)
    assert json.loads(soup.find("script", id="kb-labels").string)["search"] == "搜索"


def test_long_pages_and_only_they_lay_out_their_first_screen_first(site):
    """kb/finish/lazy_layout.py: the head script on the articles, the references and the glossary in
    both languages, not on the pages that fit a few screens (terms, claims, about)."""
    marked = {str(path.relative_to(site).parent) for path in site.rglob("index.html")
              if 'id="kb-lazy-layout"' in path.read_text("utf-8")}
    long_pages = {f"{lang}{path}" for lang in ("", "en/") for path in (
        "articles/vitamin-k-with-vitamin-d", "articles/mk4-vs-mk7-interview", "references", "glossary")}
    assert marked == long_pages
