"""Study tables, forest plots and the dose ladder as a reader sees them on a 390 px phone,
in both languages, light and dark: no sideways scroll of the page, text of at least 12 px,
and no accessibility violation (axe) in the tables and figures."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from kb.devtools.browser import phone_context
from helpers import open_page

LANGS = {"zh": "", "en": "en/"}
PAGES = ["articles/vitamin-k-with-vitamin-d/", "articles/mk4-vs-mk7-interview/", "glossary/mk-7/",
         "claims/mk4-dose-500-to-1000-ug/"]
SMALLEST_TEXT = """() => {
  // The rendered size of every text of the tables and figures: an SVG's font size times its scale.
  const sizes = [];
  for (const svg of document.querySelectorAll('svg.kb-plot')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
  }
  for (const cell of document.querySelectorAll('.kb-studies th, .kb-studies td, .kb-figure figcaption'))
    sizes.push(parseFloat(getComputedStyle(cell).fontSize));
  return Math.min(...sizes);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_tables_and_figures_read_on_a_phone(page, base_url, lang, scheme, path):
    page.emulate_media(color_scheme=scheme)
    open_page(page, base_url + LANGS[lang] + path, wait_until="networkidle")
    assert page.locator("svg.kb-plot").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    assert page.evaluate(SMALLEST_TEXT) >= 12
    for figure in page.locator("svg.kb-plot").all():  # drawn inside the content column
        box = figure.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    results = Axe().run(page, context={"include": [[".kb-evidence"], [".kb-figure"]]})
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert violations == []


def test_figures_take_their_colours_from_the_scheme(browser, base_url):
    colours = {}
    for scheme in ("light", "dark"):  # a context each: a first visit picks the reader's scheme
        context = phone_context(browser, "zh", color_scheme=scheme)
        page = context.new_page()
        open_page(page, base_url + "articles/vitamin-k-with-vitamin-d/")
        colours[scheme] = page.evaluate("getComputedStyle(document.querySelector('svg.kb-plot text')).fill")
        context.close()
    assert colours["light"] != colours["dark"]
