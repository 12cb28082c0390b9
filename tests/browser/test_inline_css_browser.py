"""Pages carry their CSS inline (kb/finish/page_css.py). In Chromium, in both languages, on a
phone and a desktop, light and dark: a page looks exactly as it does with the site's full
stylesheets added; no stylesheet is requested; and when readers use the page (a link
preview, scrolling, search with results, copying a link, the menus) scripts show nothing
styled by a rule the page left out, nor anything its class's own rule cannot reach."""
import itertools

import pytest

from kb.devtools.config import read_config
from helpers import REPO, open_page
from kb.finish import page_css

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
# The site's stylesheets, as every page linked them before: Material's, then mkdocs.yml's extra_css.
ADD_STYLESHEETS = """hrefs => Promise.all(hrefs.map(href => new Promise(done => {
  const link = document.createElement("link");
  link.rel = "stylesheet"; link.href = href; link.onload = link.onerror = done;
  document.head.append(link);
})))"""
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


# Names alone miss a rule scoped to where a script's element never is: search results sat
# outside .md-typeset, so `.md-typeset .kb-verdict` (the badge) never reached their verdict
# labels although every name it needs was on the page (issue 29). So, for each element
# scripts added: every property its classes' own rules set (`.c` or `.md-typeset .c`, the
# way the site's CSS defines a class) must reach it from some rule naming that class.
UNREACHED = """cssNames => {
  const names = new Set(cssNames), rules = [];
  const split = text => { const out = []; let depth = 0, part = "";
    for (const ch of text) { if (ch === "(") depth++; if (ch === ")") depth--;
      if (ch === "," && !depth) { out.push(part.trim()); part = ""; } else part += ch; }
    return out.concat(part.trim()); };
  const bare = s => s.replace(/::?[\\w-]+(\\((?:[^()]|\\([^()]*\\))*\\))?/g, "").trim() || "*";
  const walk = list => { for (const r of list) {
    if (r.media && !matchMedia(r.media.mediaText).matches) continue;
    if (r.selectorText) rules.push({ selectors: split(r.selectorText).map(bare),
      props: Array.from(r.style).filter(p => !p.startsWith("--")) });
    if (r.cssRules) walk(r.cssRules); } };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  const out = [];
  for (const el of document.querySelectorAll("*")) {
    if (window.kbBefore.has(el)) continue;
    for (const cls of el.classList) {
      if (!names.has("." + cls)) continue;
      const own = new Set(), reached = new Set();
      for (const rule of rules) for (const s of rule.selectors) {
        if (s === "." + cls || s === ".md-typeset ." + cls) rule.props.forEach(p => own.add(p));
        let hits = false; try { hits = s.split(/[\\s>+~]/).pop().includes("." + cls) && el.matches(s); } catch (e) {}
        if (hits) rule.props.forEach(p => reached.add(p));
      }
      const missing = [...own].filter(p => !reached.has(p));
      if (missing.length) out.push(cls + ": " + missing.join(" "));
    }
  }
  return [...new Set(out)];
}"""


def stylesheets(site, lang):
    """The site's stylesheet URLs (relative to the language root), in the order pages had
    them: Material's, then mkdocs.yml's extra_css."""
    assets = site / lang / "assets"
    material = [sorted((assets / "stylesheets").glob(f"{name}.*.min.css"))[0].relative_to(site / lang).as_posix()
                for name in ("main", "palette")]
    return material + read_config(REPO / "mkdocs.yml")["extra_css"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_inline_css_gives_the_page_the_full_stylesheets_give(browser, base_url, site, lang, viewport, scheme):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    css_requests = []
    page.on("request", lambda request: request.resource_type == "stylesheet" and css_requests.append(request.url))
    try:
        for path in PAGES:
            open_page(page, base_url + lang + path)
            page.wait_for_timeout(400)  # kb.js adds copy-link buttons when idle; they may wrap a heading
            inline_only = page.evaluate(LAYOUT)
            assert "article h1" in inline_only or path == "no-such-page/", path
            assert css_requests == [], path
            page.evaluate(ADD_STYLESHEETS, [base_url + lang + href for href in stylesheets(site, lang)])
            assert len(css_requests) == 5
            css_requests.clear()
            page.wait_for_timeout(50)
            assert page.evaluate(LAYOUT) == inline_only, path
    finally:
        context.close()


def use_the_page(page, query):
    """What readers do that makes scripts add to the page; yields after each step."""
    link = page.locator(".md-typeset a.kb-term, .md-typeset .kb-cite a").first
    if link.count():
        link.hover()
        yield "link preview"
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(300)
    yield "scrolling"
    copy = page.locator("[data-clipboard-text]").first
    if copy.count() and copy.is_visible():
        copy.click()
        yield "copying"
    page.locator(".md-select").first.hover()
    yield "language menu"
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.locator(".kb-search-hit").first.wait_for(timeout=10_000)
    yield "search results"
    page.keyboard.press("Escape")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_what_scripts_add_is_styled_inline(browser, base_url, site, lang, viewport):
    css_names = page_css.names_used_by(site / lang / href for href in stylesheets(site, lang))
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    try:
        for path in PAGES[:-1]:
            open_page(page, base_url + lang + path)
            page.wait_for_timeout(300)  # idle-time work (copy-link buttons)
            html = (site / lang / path / "index.html").read_text("utf-8")
            covered = page_css.with_script_names(page_css.page_names(html), css_names)
            page.evaluate("() => { window.kbBefore = new WeakSet(document.querySelectorAll('*')); }")
            query = "can i take vitamin k while on warfarin" if lang else "吃华法林还能补K2吗"  # a claim: a verdict
            for step in itertools.chain(["loading"], use_the_page(page, query)):
                missing = (set(page.evaluate(LIVE_NAMES)) & css_names) - covered
                assert missing == set(), (path, step)
                assert page.evaluate(UNREACHED, sorted(css_names)) == [], (path, step)
    finally:
        context.close()
