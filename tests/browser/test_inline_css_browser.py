"""Pages carry their own CSS inline (kb/page_css.py): in Chromium, a page with every
stylesheet request refused looks exactly like the page with them, on a phone and on a
desktop, in both languages; scripts add no name the inline CSS lacks while the page
loads; the stylesheets themselves arrive once it has loaded (for the search dialog and
the "copied" message)."""
import pytest

from kb import page_css

PAGES = ["", "glossary/osteocalcin/", "articles/mk4-vs-mk7-interview/", "glossary/", "claims/",
         "claims/osteocalcin-forms-hydroxyapatite/", "changes/", "no-such-page/"]
LANGS = ["", "en/"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# Where the first view's main parts are and how its text is drawn.
LAYOUT = """() => {
  const out = {};
  for (const selector of ["header", ".md-header__title", ".md-sidebar--primary", ".md-sidebar--secondary",
                          "article h1", "article p", "article .kb-claim", "footer", ".md-select", "[data-md-component=palette]"]) {
    const element = document.querySelector(selector);
    if (!element) continue;
    const box = element.getBoundingClientRect(), style = getComputedStyle(element);
    out[selector] = [Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height),
                     style.display, style.fontFamily, style.fontSize, style.color, style.backgroundColor];
  }
  return out;
}"""
STYLESHEETS_ON = "() => document.querySelectorAll('link[rel=stylesheet][media=all]').length === 5"
LIVE_NAMES = """() => {
  const names = new Set();
  for (const element of document.querySelectorAll("*")) {
    names.add(element.localName);
    for (const attribute of element.attributes) {
      names.add("[" + attribute.name); names.add("[" + attribute.name + "=" + attribute.value);
    }
    for (const name of element.classList) names.add("." + name);
    if (element.id) names.add("#" + element.id);
  }
  return [...names];
}"""


def open_page(browser, url, viewport, scheme, block_css):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    if block_css:
        page.route("**/*.css", lambda route: route.abort())
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_inline_css_alone_gives_the_same_page(browser, base_url, lang, viewport, scheme):
    for path in PAGES:
        url = base_url + lang + path
        inline_context, inline_only = open_page(browser, url, viewport, scheme, block_css=True)
        full_context, full = open_page(browser, url, viewport, scheme, block_css=False)
        try:
            full.wait_for_function(STYLESHEETS_ON, timeout=10_000)
            full.wait_for_timeout(100)
            expected = full.evaluate(LAYOUT)
            assert "article h1" in expected or path == "no-such-page/", url
            assert inline_only.evaluate(LAYOUT) == expected, url
        finally:
            inline_context.close()
            full_context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_scripts_add_no_name_the_inline_css_lacks(browser, base_url, site, lang):
    sheets = sorted((site / lang / "assets").rglob("*.css"))
    css_names = page_css.names_used_by(sheets)
    for path in PAGES[:-1]:
        context, page = open_page(browser, base_url + lang + path, "phone", "light", block_css=True)
        try:
            page.wait_for_timeout(300)  # idle-time work (copy-link buttons)
            static = page_css.page_names((site / lang / path / "index.html").read_text("utf-8"))
            live = set(page.evaluate(LIVE_NAMES)) & css_names
            assert live - static - page_css.SCRIPT_ADDED == set(), path
        finally:
            context.close()


def test_the_stylesheets_arrive_after_load(browser, base_url):
    context, page = open_page(browser, base_url + "articles/mk4-vs-mk7-interview/", "desktop", "light", block_css=False)
    try:
        page.wait_for_function(STYLESHEETS_ON, timeout=10_000)
        hrefs = page.eval_on_selector_all("head link[rel=stylesheet]", "links => links.map(l => l.getAttribute('href'))")
        assert any("/stylesheets/main." in href for href in hrefs) and hrefs[-1].endswith("kb-search.css")
        page.locator(".md-typeset a.kb-term").first.focus()
        assert page.locator(".kb-tip").evaluate("element => getComputedStyle(element).position") == "absolute"
    finally:
        context.close()
