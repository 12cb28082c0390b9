"""Each page's own CSS inline (kb/finish/page_css.py), scripts deferred (kb/finish/deferred_scripts.py),
and the policy that lets exactly that CSS run (kb/finish/csp.py): on small inputs, then on the
built site. What the browser makes of it is in tests/browser/test_inline_css_browser.py."""
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kb.finish import csp, css_rules, page_css
from kb.finish.compact_html import compact
from kb.finish.deferred_scripts import AFTER_LOAD, AFTER_PAINT, defer_scripts

CSS = """@charset "UTF-8";
:root{--used:#123;--unused:url("data:image/svg+xml;x");--chained:var(--used)}
.md-typeset p{color:var(--chained)}
.md-typeset .admonition{border:1px solid}
.md-typeset :is(.tabbed-set,details){margin:0}
.md-typeset :is(.tabbed-set,table){padding:0}
[dir=rtl] .md-typeset p{margin-right:1em}
[data-md-color-scheme=slate] p{color:white}
a:not(.kb-missing){color:blue}
@media screen and (min-width:60em){.md-sidebar{width:12rem}.md-banner{display:none}}
@media print{.md-banner{display:none}}
@keyframes spin{to{transform:rotate(1turn)}}
@keyframes unused{to{opacity:0}}
.md-sidebar{animation:spin 1s}
"""
PAGE = """<!doctype html><html><head><title>t</title>
<link rel="stylesheet" href="../site.css">
<link rel="stylesheet" href="https://cdn.example/other.css">
<link rel="stylesheet" href="../extra.css"></head>
<body><div class="md-sidebar"></div><div class="md-typeset"><p>text <a href="x">link</a></p>
<table><tr><td>1</td></tr></table></div>
<script src="../bundle.js"></script><script>var inline = 1;</script></body></html>"""


def used(css: str, page: str = PAGE) -> str:
    rules = css_rules._parse_rules(css_rules.tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return page_css.used_css(rules, page_css.with_script_names(page_css.page_names(page), page_css.rule_names(rules)))


def test_rules_for_names_the_page_lacks_are_dropped():
    css = used(CSS)
    assert ".md-typeset p{color:var(--chained)}" in css
    assert ".admonition" not in css  # no admonition on the page
    assert ".md-banner" not in css and "@media print" not in css  # an @media left empty goes
    assert "@media screen and (min-width:60em){.md-sidebar{width:12rem}}" in css


def test_is_and_where_need_one_alternative_present():
    css = used(CSS)
    assert ":is(.tabbed-set,details)" not in css  # neither a tabbed set nor <details>
    assert ":is(.tabbed-set,table){padding:0}" in css  # the page has a table


def test_exact_attribute_values_count_and_scripts_names_are_kept():
    css = used(CSS)
    assert "[dir=rtl]" not in css  # no dir="rtl" anywhere
    # Material's palette script sets data-md-color-scheme="slate" for a dark reader.
    assert "[data-md-color-scheme=slate] p{color:white}" in css


def test_attribute_values_tested_by_operator_must_occur():
    css = 'img[src$="#only-dark"]{display:none}.md-typeset [lang|="zh"]{quotes:none}[href^="x"]{color:red}'
    kept = used(css, PAGE.replace("<p>", '<p lang="zh-Hans"><img src="a.png" alt="">'))
    assert "#only-dark" not in kept  # Material's light/dark-only images: none on the page
    assert '[lang|="zh"]' in kept and '[href^="x"]' in kept
    assert '[lang|="zh"]' not in used(css)  # no lang="zh" or lang="zh-..." anywhere


def test_negations_require_nothing():
    assert "a:not(.kb-missing){color:blue}" in used(CSS)


def test_lazy_layout_rules_only_on_a_page_whose_head_script_adds_their_class():
    css = ".kb-lazy-layout .md-typeset > :not(h2, .kb-laid-out){content-visibility:auto}"
    assert used(css) == ""  # a short page: no script marks <html>, so the rule is dead weight
    long_page = PAGE.replace("<title>t</title>", '<title>t</title><script id="kb-lazy-layout">x()</script>')
    assert used(css, long_page) == css


def test_unused_custom_properties_and_keyframes_go():
    css = used(CSS)
    assert "--used:#123" in css and "--chained:var(--used)" in css  # read through another property
    assert "--unused" not in css
    assert "@keyframes spin" in css and "@keyframes unused" not in css
    assert "@charset" not in css


def resolve_in(tmp_path):
    (tmp_path / "site.css").write_text(CSS, "utf-8")
    (tmp_path / "extra.css").write_text(".md-typeset td{padding:1px}", "utf-8")

    def resolve(href):
        return page_css.site_file(tmp_path, "https://example.org/", "page/", href)
    return resolve


def test_our_links_give_way_to_the_css_inline(tmp_path):
    html = page_css.inline_page_css(PAGE, resolve_in(tmp_path))
    soup = BeautifulSoup(html, "html.parser")
    head_links = [link["href"] for link in soup.head.find_all("link")]
    assert head_links == ["https://cdn.example/other.css"]  # not ours: left alone
    style = soup.head.style.string
    assert style.startswith(":root{--used:#123;--chained:var(--used)}")
    assert style.endswith(".md-typeset td{padding:1px}")  # the sheets' order is kept
    assert html.index("<style>") < html.index("https://cdn.example/other.css")  # where the first link was


def test_a_page_without_own_stylesheets_is_unchanged(tmp_path):
    html = '<html><head><link rel="stylesheet" href="https://cdn.example/a.css"></head><body></body></html>'
    assert page_css.inline_page_css(html, resolve_in(tmp_path)) == html


@pytest.mark.parametrize("page_url, href, expected", [
    ("glossary/k2/", "../../assets/kb.css", "assets/kb.css"),
    ("404.html", "/en/assets/kb.css", "assets/kb.css"),  # the 404 page's root-relative links
    ("", "https://example.org/en/assets/kb.css", "assets/kb.css"),
    ("", "https://cdn.example/en/assets/kb.css", None),
    ("glossary/k2/", "../../../assets/kb.css", None),  # above this language's root
    ("glossary/k2/", "../../assets/missing.css", None),
])
def test_site_file(tmp_path, page_url, href, expected):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "kb.css").write_text("", "utf-8")
    found = page_css.site_file(tmp_path, "https://example.org/en/", page_url, href)
    assert found == (tmp_path / expected if expected else None)


def test_our_scripts_wait_for_the_loader_inline_ones_untouched():
    """However a template loads our scripts (plain, async, defer), none is fetched while the
    page loads: the page's loader (overrides/main.html) starts them after the first paint."""
    html = defer_scripts('<script src="../assets/kb.js"></script><script src="assets/b.js" async></script>'
                         '<script src="/en/assets/c.js" defer></script><script>var x = "src=";</script>',
                         ours=["assets/kb.js", "assets/b.js", "assets/c.js"])
    assert html == ('<script src="../assets/kb.js" type="kb/after-load"></script>'
                    '<script src="assets/b.js" type="kb/after-load"></script>'
                    '<script src="/en/assets/c.js" type="kb/after-load"></script><script>var x = "src=";</script>')


def test_materials_script_waits_for_the_first_paint():
    """Any script that is not ours (Material's bundle, deferred or not) becomes a data block
    that overrides/assets/kb.js starts after the first paint."""
    html = defer_scripts('<script src="../assets/javascripts/bundle.0123abcd.min.js" defer></script>'
                         '<script src="../assets/javascripts/other.js"></script>'
                         '<script src="../assets/kb.js.bak"></script>', ours=["assets/kb.js"])
    assert html == ('<script src="../assets/javascripts/bundle.0123abcd.min.js" type="kb/after-paint"></script>'
                    '<script src="../assets/javascripts/other.js" type="kb/after-paint"></script>'
                    '<script src="../assets/kb.js.bak" type="kb/after-paint"></script>')


def test_the_policy_allows_exactly_the_inline_style():
    html = csp.with_policy("<html><head><style>p{color:red}</style></head><body></body></html>")
    policy = re.search(r'content="([^"]+)"', html).group(1)
    style_src = next(part for part in policy.split("; ") if part.startswith("style-src"))
    assert style_src == f"style-src 'self' {csp.inline_style_hashes('<style>p{color:red}</style>')[0]}"
    assert csp.inline_style_hashes("<style>p{color:blue}</style>") != csp.inline_style_hashes("<style>p{color:red}</style>")
    assert "unsafe-inline" not in policy


def built_pages(site: Path):
    return [path for path in site.rglob("*.html") if "<html" in path.read_text("utf-8")[:600].lower()
            and 'http-equiv="refresh"' not in path.read_text("utf-8")]


def test_every_built_page_carries_its_css_and_defers_its_scripts(site):
    """No stylesheet request, one <style> the policy allows, no script file fetched before
    the first paint: ours left for the page's loader (one inline script the policy allows),
    Material's for kb.js to start after them."""
    pages = built_pages(site)
    assert len(pages) > 100
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        where = path.relative_to(site)
        assert not soup.find_all("link", rel="stylesheet"), where
        styles = soup.find_all("style")
        assert len(styles) == 1 and ".md-typeset" in styles[0].string, where
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert csp.inline_style_hashes(str(styles[0]))[0] in policy, where
        scripts = soup.find_all("script", src=True)
        assert [s["src"].rsplit("/", 1)[1] for s in scripts if s.get("type") == AFTER_LOAD] == ["kb.js", "kb-search.js"], where
        material = [s for s in scripts if s.get("type") == AFTER_PAINT]
        assert len(material) == 1 and "/javascripts/bundle." in material[0]["src"], where
        assert len(scripts) == 3, where
        loaders = [s for s in soup.find_all("script", src=False) if AFTER_LOAD in (s.string or "")]
        assert len(loaders) == 1, where
        assert csp.inline_script_hashes(str(loaders[0]))[0] in policy, where


def test_indentation_goes_line_breaks_and_preformatted_text_stay():
    html = "<ul>\n    <li>一</li>\n\n    <li>two words</li>\n</ul>\n  <pre>\n  code\n    more</pre>\n  <textarea>\n x</textarea>"
    assert compact(html) == "<ul>\n<li>一</li>\n<li>two words</li>\n</ul>\n<pre>\n  code\n    more</pre>\n<textarea>\n x</textarea>"
