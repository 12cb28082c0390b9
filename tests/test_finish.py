"""The finishing pass (kb/finish/pipeline.py), its switches (kb/finish/switches.py) and the page
kinds (kb/model/kinds.py): what each says, on small inputs; the built site is tests/test_site.py's."""
import re
from pathlib import Path

import pytest

from kb.finish import first_screen, pipeline, switches
from kb.finish.deferred_scripts import AFTER_PAINT
from kb.model import kinds, languages

PAGE = ("<!doctype html><html><head>\n    <title>t</title>\n"
        '    <link rel="stylesheet" href="assets/site.css">\n</head><body>\n'
        '    <p class="used">text</p>\n'
        '    <script src="assets/javascripts/bundle.js"></script>\n'
        '    <script src="assets/kb.js"></script>\n</body></html>')


def target(site_dir: Path, **chosen) -> pipeline.Target:
    (site_dir / "assets").mkdir(parents=True, exist_ok=True)
    (site_dir / "assets" / "site.css").write_text(".used{color:red}.unused{color:blue}", "utf-8")
    return pipeline.Target(site_dir=site_dir, language=languages.DEFAULT, site_url="https://example.org/",
                           site_name="n", site_description="d", our_scripts=("assets/kb.js",),
                           switches=switches.Switches(**chosen))


def test_a_finished_page_has_its_css_inline_its_scripts_held_back_and_a_policy(tmp_path):
    html = pipeline.finish_page(PAGE, "", target(tmp_path))
    assert "<style>.used{color:red}</style>" in html and "stylesheet" not in html
    assert f'<script src="assets/javascripts/bundle.js" type="{AFTER_PAINT}">' in html
    assert '<script src="assets/kb.js" type="kb/after-load">' in html
    assert "\n    " not in html  # compacted
    assert 'http-equiv="Content-Security-Policy"' in html


def test_with_the_switches_off_pages_keep_their_stylesheets_and_materials_script(tmp_path):
    html = pipeline.finish_page(PAGE, "", target(tmp_path, inline_css=False, scripts_after_paint=False))
    assert '<link rel="stylesheet" href="assets/site.css">' in html and "<style>" not in html
    assert '<script src="assets/javascripts/bundle.js"></script>' in html
    assert '<script src="assets/kb.js" defer>' in html
    assert 'http-equiv="Content-Security-Policy"' in html


def test_switches_come_from_the_config_with_clear_errors():
    assert switches.from_extra({}) == switches.DEFAULT
    assert switches.from_extra({"kb_switches": {"lazy_layout": False}}).lazy_layout is False
    with pytest.raises(ValueError, match=r"^extra.kb_switches: unknown switch 'lazy' \(known: first_screen_whole, inline_css, lazy_layout, scripts_after_paint\)$"):
        switches.from_extra({"kb_switches": {"lazy": False}})
    with pytest.raises(ValueError, match=r"^extra.kb_switches.inline_css must be true or false$"):
        switches.from_extra({"kb_switches": {"inline_css": "no"}})


def test_the_pass_finishes_only_its_own_languages_pages(tmp_path):
    (tmp_path / "en").mkdir()
    for path in ("index.html", "glossary/x/index.html", "404.html", "en/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(PAGE, "utf-8")
    found = [(file.relative_to(tmp_path).as_posix(), url) for file, url in pipeline.built_pages(target(tmp_path))]
    assert found == [("404.html", "404.html"), ("glossary/x/index.html", "glossary/x/"), ("index.html", "")]


@pytest.mark.parametrize("path, kind, item", [
    ("index.md", kinds.HOME, None), ("articles/a.md", kinds.ARTICLE, None),
    ("glossary/index.md", kinds.GLOSSARY, None), ("glossary/inr.md", kinds.TERM, "inr"),
    ("claims/index.md", kinds.CLAIMS, None), ("claims/first-claim.md", kinds.CLAIM, "first-claim"),
    ("changes.md", kinds.CHANGES, None), ("references.md", kinds.REFERENCES, None), ("about.md", kinds.PAGE, None),
])
def test_each_page_has_one_kind(path, kind, item):
    assert kinds.of_path(path) is kind and kinds.item_id(path) == item


def test_what_the_kinds_decide():
    assert {kind.name for kind in kinds.KINDS if kind.own_card} == {"article", "claim"}
    assert kinds.unsearched_files() == ("claims/index.html", "changes/index.html", "references/index.html")
    assert kinds.not_in_nav_patterns(["zh", "en"]).splitlines() == [
        "/zh/glossary/*.md", "/zh/claims/*.md", "/en/glossary/*.md", "/en/claims/*.md"]


# --- The first paint waits for the first screen (kb/finish/first_screen.py) ----------------

def article(*blocks: str) -> str:
    return ("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><header>h</header>"
            f'<article class="md-content__inner">{"".join(blocks)}</article><footer></footer></body></html>')


def test_the_first_paint_waits_for_the_first_heading_after_a_screen_of_text():
    long_text = "<p>" + "字" * first_screen.FIRST_SCREEN_CHARS + "</p>"
    html = article('<h1 id="t">T</h1>', '<h2 id="early">E</h2>', long_text, '<h2 id="next">N</h2>', '<h2 id="later">L</h2>')
    finished = first_screen.hold_first_paint(html)
    assert finished.startswith('<!doctype html><html><head><link rel="expect" href="#next" blocking="render"><meta')


def test_a_short_page_waits_for_its_last_id_and_a_page_without_one_for_nothing():
    assert first_screen.awaited_id(article('<h1 id="t">T</h1>', "<p>short</p>", '<h2 id="a">A</h2>', '<div id="b"></div>')) == "b"
    # Markup, scripts and drawings are not text a reader sees.
    svg = "<svg><text>" + "x" * 5000 + "</text></svg>"
    assert first_screen.awaited_id(article('<h1 id="t">T</h1>', svg, '<h2 id="a">A</h2>', '<h2 id="b">B</h2>')) == "b"
    for html in (article('<h1 id="t">T</h1>', "<p>text</p>"), "<html><head></head><body>no article</body></html>"):
        assert first_screen.hold_first_paint(html) == html


def test_every_built_page_with_headings_waits_for_one_of_its_own_ids(site):
    for lang in languages.LANGUAGES:
        for rel in ("glossary/osteocalcin/", "articles/mk4-vs-mk7-interview/", "claims/warfarin-consistency/", ""):
            html = (site / lang.prefix / rel / "index.html").read_text("utf-8")
            awaited = re.search(r'<link rel="expect" href="#([^"]+)" blocking="render">', html)
            assert awaited, (lang.code, rel)
            assert html.index(awaited.group(0)) < html.index("<style"), (lang.code, rel)  # before anything slow
            assert f'id="{awaited.group(1)}"' in html.split("<article", 1)[1], (lang.code, rel)


def test_our_scripts_are_published_without_comments_and_the_vendored_ones_untouched(tmp_path):
    from kb.finish import minify

    (tmp_path / "assets" / "vendor").mkdir(parents=True)
    source = '/* why */\n(function () {\n  "use strict";  // note\n  var re = /[\'"/]+/g;\n  return "a // b";\n})();\n'
    (tmp_path / "assets" / "kb.js").write_text(source, "utf-8")
    (tmp_path / "assets" / "vendor" / "lib.min.js").write_text("/* licence */ x()", "utf-8")
    changed = minify.minify_scripts(tmp_path, ["assets/kb.js", "assets/missing.js"])
    assert changed == [tmp_path / "assets" / "kb.js"]
    assert (tmp_path / "assets" / "kb.js").read_text("utf-8") == '(function(){"use strict";var re=/[\'"/]+/g;return"a // b";})();'
    assert (tmp_path / "assets" / "vendor" / "lib.min.js").read_text("utf-8") == "/* licence */ x()"


def test_the_built_scripts_carry_no_comment(site):
    for lang in languages.LANGUAGES:
        for name in ("kb.js", "kb-search.js", "kb-search-engine.js"):
            text = (site / lang.prefix / "assets" / name).read_text("utf-8")
            assert "/*" not in text and "\n  " not in text, (lang.code, name)


# --- What Material prints for features the page lacks (kb/finish/theme_trim.py) -----------

MATERIAL_CONFIG = ('<script id="__config" type="application/json">{"annotate":null,"base":"..","features":[],'
                   '"search":"assets/javascripts/workers/search.js","tags":null,"translations":{"clipboard.copied":"已复制",'
                   '"clipboard.copy":"复制","search.result.none":"没有找到","select.version":"选择当前版本"},"version":null}</script>')
TAB_SCRIPT = ('<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
              '(target.checked=target.name.startsWith("__tabbed_"))</script>')


def test_materials_words_for_absent_features_and_its_tab_script_are_left_out():
    import json
    from kb.finish import theme_trim

    html = theme_trim.trim(f"<body>{MATERIAL_CONFIG}{TAB_SCRIPT}<p>text</p></body>")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    assert config["translations"] == {"clipboard.copied": "已复制", "clipboard.copy": "复制"}
    assert "search" not in config and config["base"] == ".." and "__tabbed_" not in html
    # What the page does use stays: Material's search form, a version, content tabs.
    versioned = MATERIAL_CONFIG.replace('"version":null', '"version":{"provider":"mike"}')
    kept = theme_trim.trim(f'<body><form data-md-component="search"></form>{versioned}'
                           f'<input name="__tabbed_1_1">{TAB_SCRIPT}</body>')
    assert "search.result.none" in kept and "select.version" in kept and TAB_SCRIPT in kept
    # Output it does not recognise is left as it is.
    odd = '<script id="__config" type="application/json">{not json</script>'
    assert theme_trim.trim(odd) == odd
