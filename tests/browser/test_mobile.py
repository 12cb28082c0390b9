"""Reading on a 390 px phone: Chinese typography, tap targets, dark mode, reading without
JavaScript, and the glossary filter's order (the navigation drawer: test_drawer.py)."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import hold_material, open_page
from kb.model.labels import label

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
PAGES = {
    "home": "",
    "article": "articles/mk4-vs-mk7-interview/",
    "term": "glossary/mk-7/",
    "glossary": "glossary/",
    "references": "references/",
}
# System CJK fonts of kb.css, as the platform reports the font it actually used.
CJK_FONTS = ("PingFang", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK", "Source Han Sans", "Noto Sans SC")


def platform_fonts(page, selector):
    """The fonts Chromium really drew a node's text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return [font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


# --- Chinese typography ----------------------------------------------------------------

def test_chinese_text_and_its_quotes_are_drawn_by_a_cjk_font(page, base_url):
    open_page(page, base_url + PAGES["article"])
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    assert family.startswith('"PingFang SC"'), family
    # A paragraph with Han text and full-width quotes “…”: every glyph from a CJK font.
    page.evaluate("""() => {
      const p = [...document.querySelectorAll('.md-typeset p')].find(p => /“[^”]*”/.test(p.textContent) && !p.querySelector('a, code, sup'));
      p.id = 'kb-probe';
    }""")
    fonts = platform_fonts(page, "#kb-probe")
    assert fonts and all(name.startswith(CJK_FONTS) for name in fonts), fonts


def test_chinese_passage_on_an_english_page_uses_a_cjk_font(page, base_url):
    open_page(page, base_url + "en/" + PAGES["term"])
    fonts = platform_fonts(page, '.kb-names [lang|="zh"]')
    assert fonts and all(name.startswith(CJK_FONTS) for name in fonts), fonts


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["article", "term", "references"])
def test_no_han_text_is_slanted(page, base_url, lang, name):
    open_page(page, base_url + LANGS[lang] + PAGES[name])
    slanted = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e =>
        getComputedStyle(e).fontStyle !== 'normal' &&
        [...e.childNodes].some(n => n.nodeType === 3 && /\\p{Script=Han}/u.test(n.data))
      ).map(e => e.tagName + ': ' + e.textContent.slice(0, 30))""")
    assert slanted == []


CITATION_LINES = """() => {
  // For every citation: the character before it, the superscript and the character after it.
  const textNodes = [...document.querySelectorAll('.md-typeset p, .md-typeset li')].flatMap(block => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  });
  const charRect = (node, index) => {
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect();
  };
  const problems = [];
  document.querySelectorAll('.md-typeset sup.kb-cite').forEach(sup => {
    const before = textNodes.filter(n => !sup.contains(n) && sup.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING && n.data.length);
    const after = textNodes.filter(n => !sup.contains(n) && sup.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING && n.data.length);
    const last = before[before.length - 1];
    // Running text only: a study table's name cell holds a citation too, with no sentence.
    if (!last || !sup.closest('p, li') || !sup.closest('p, li').contains(last)) return;
    const previous = charRect(last, last.data.length - 1);
    const number = sup.getClientRects()[0];
    const text = last.data.slice(-8) + sup.textContent;
    if (/\\s$/.test(last.data)) problems.push('space before ' + text);
    if (number.top > previous.bottom || number.bottom < previous.top) problems.push('line starts with ' + text);
    const next = after[0];
    if (next && /^[。，、；：！？）”]/.test(next.data) && Math.abs(charRect(next, 0).bottom - previous.bottom) > 2) {
      problems.push('line starts with punctuation after ' + text);
    }
  });
  return problems;
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["article", "term"])
def test_citation_numbers_stay_on_the_line_of_the_word_before_them(page, base_url, lang, name):
    open_page(page, base_url + LANGS[lang] + PAGES[name])
    assert page.locator("sup.kb-cite").count() > 0
    assert page.evaluate(CITATION_LINES) == []


def test_review_date_follows_its_label_without_a_gap(page, base_url):
    open_page(page, base_url + PAGES["article"])
    gap = page.evaluate("""() => {
      const label = document.querySelector('.kb-reviewed span'), time = document.querySelector('.kb-reviewed time');
      return time.getBoundingClientRect().left - label.getBoundingClientRect().right;
    }""")
    assert gap < 2


def test_chinese_name_lists_use_the_chinese_separator(page, base_url):
    open_page(page, base_url + PAGES["term"])
    names = page.locator(".kb-names").inner_text()
    assert "; " not in names and "、" in names


# --- Tap targets -----------------------------------------------------------------------

TAP_AREA = """(selector) => {
  // For each target: does a tap 11 px above, below, left and right of its centre reach it?
  return [...document.querySelectorAll(selector)].map(target => {
    target.scrollIntoView({block: 'center'});
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const group = target.closest('.kb-cite');
    const alone = !group || group.querySelectorAll('a').length === 1;
    const points = [[x, y], [x, y - 11], [x, y + 11]].concat(alone ? [[x - 11, y], [x + 11, y]] : []);
    const missed = points.filter(([px, py]) => {
      const hit = document.elementFromPoint(px, py);
      return !(hit && (hit === target || target.contains(hit)));
    });
    return missed.length ? target.textContent + ' missed at ' + JSON.stringify(missed) : null;
  }).filter(Boolean);
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_two_digit_citation_numbers_are_24px_tap_targets(page, base_url, lang):
    # [10] to [23] on the interview: a tap on the bracket beside the number must reach the link.
    open_page(page, base_url + LANGS[lang] + "articles/mk4-vs-mk7-interview/")
    assert page.locator(".md-typeset .kb-cite a").count() > 20
    assert page.evaluate(TAP_AREA, ".md-typeset .kb-cite a") == []


@pytest.mark.parametrize("lang", LANGS)
def test_citation_numbers_and_copy_buttons_are_24px_tap_targets(page, base_url, lang):
    open_page(page, base_url + LANGS[lang] + PAGES["article"])
    page.wait_for_selector(".kb-copylink")
    assert page.evaluate(TAP_AREA, ".md-typeset .kb-cite a") == []
    assert page.evaluate(TAP_AREA, ".md-typeset .kb-copylink") == []
    assert page.evaluate(TAP_AREA, ".md-typeset .kb-claim summary") == []  # "Cite this claim", "History"


def test_larger_tap_areas_do_not_move_the_text(browser, base_url):
    # The test adds a style to switch the areas off: the site's CSP forbids that, so bypass it here.
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    open_page(page, base_url + PAGES["article"])
    page.wait_for_selector(".kb-copylink")
    measure = "() => [...document.querySelectorAll('.md-typeset p, .md-typeset h2')].map(e => Math.round(e.getBoundingClientRect().height))"
    with_areas = page.evaluate(measure)
    page.add_style_tag(content=".md-typeset .kb-cite a::after, .md-typeset .kb-copylink::before { content: none !important; }")
    assert page.evaluate(measure) == with_areas
    context.close()


# --- Dark mode -------------------------------------------------------------------------

def contrast_violations(page):
    results = Axe().run(page, options={"runOnly": ["color-contrast"]})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:5]}" for v in results.response["violations"]]


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["article", "term", "glossary"])
def test_colours_are_readable_in_the_readers_scheme(page, base_url, scheme, expected, lang, name):
    page.emulate_media(color_scheme=scheme)
    open_page(page, base_url + LANGS[lang] + PAGES[name], wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    # What a claim folds away (cite buttons, history) open, and a tooltip open too: their
    # colours are checked with the page's.
    page.evaluate("document.querySelectorAll('.kb-claim details').forEach(d => { d.open = true; })")
    if page.locator(".md-typeset a.kb-term").count():
        page.locator(".md-typeset a.kb-term").first.hover()
        page.locator(".kb-tip").wait_for(state="visible")  # the link preview (kb.js)
    assert contrast_violations(page) == []


def test_scheme_toggle_overrides_the_system_preference(page, base_url):
    page.emulate_media(color_scheme="light")
    open_page(page, base_url + PAGES["article"])
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"



@pytest.mark.parametrize("lang", LANGS)
def test_a_first_visit_is_in_the_readers_scheme_before_material_starts(page, base_url, lang):
    """Material's bundle starts after the first paint; the page must not show light to a
    reader who prefers dark until then (overrides/main.html, block header)."""
    url = base_url + LANGS[lang] + PAGES["term"]
    page.emulate_media(color_scheme="dark")
    release = hold_material(page, url)
    page.goto(url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    release()


def test_a_saved_scheme_wins_over_the_system_preference_before_material_starts(page, base_url):
    page.emulate_media(color_scheme="dark")
    open_page(page, base_url + PAGES["term"])
    page.locator("label[for='__palette_0']").click()  # the reader chooses light
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    release = hold_material(page, base_url + PAGES["article"])
    page.goto(base_url + PAGES["article"])
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    release()

# --- Without JavaScript ----------------------------------------------------------------

DEAD_CONTROLS = """() => [...document.querySelectorAll('button, label, .md-button, [role=button]')]
  .filter(e => e.offsetParent && e.getBoundingClientRect().width > 0)
  .filter(e => {
    if (e.tagName === 'LABEL') return !(e.htmlFor && document.getElementById(e.htmlFor));
    // The language menu opens with CSS (:focus-within) on its button.
    return !(e.tagName === 'BUTTON' && e.closest('.md-select'));
  })
  .map(e => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_without_javascript_no_dead_button_and_no_sideways_scroll(no_script_page, base_url, lang, name):
    page = no_script_page
    page.goto(base_url + LANGS[lang] + PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.evaluate(DEAD_CONTROLS) == []


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_cite_box_shows_text_instead_of_buttons(no_script_page, base_url, lang):
    page = no_script_page
    page.goto(base_url + LANGS[lang] + PAGES["article"])
    assert not page.locator(".kb-citebox .kb-copy").first.is_visible()
    hint = page.locator(".kb-citebox__hint").inner_text()
    assert label("cite_hint_buttons", lang) not in hint
    forms = page.locator(".kb-citebox__form")
    assert forms.count() == 2 and forms.nth(1).inner_text().startswith("[url=")


# --- Glossary filter -------------------------------------------------------------------

def shown_terms(page):
    return page.eval_on_selector_all("[data-kb-glossary] > li:not([hidden])", "items => items.map(i => i.id)")


@pytest.mark.parametrize("lang, query, first", [
    ("zh", "维生素K2", "term-vitamin-k2"),
    ("zh", "MK7", "term-mk-7"),
    ("en", "vitamin k2", "term-vitamin-k2"),
    ("en", "inr", "term-inr"),
])
def test_glossary_filter_lists_the_exact_match_first(page, base_url, lang, query, first):
    open_page(page, base_url + LANGS[lang] + PAGES["glossary"])
    page.fill("#kb-filter-input", query)
    assert shown_terms(page)[0] == first


def test_glossary_filter_ranks_exact_then_prefix_then_substring(page, base_url):
    open_page(page, base_url + PAGES["glossary"])
    original = shown_terms(page)
    page.fill("#kb-filter-input", "维生素K")
    ranks = page.evaluate("""() => {
      const query = kbNormalise('维生素K');
      return [...document.querySelectorAll('[data-kb-glossary] > li:not([hidden])')].map(item => {
        const keys = JSON.parse(item.getAttribute('data-kb-keys'));
        return keys.some(k => k === query) ? 0 : keys.some(k => k.startsWith(query)) ? 1 : 2;
      });
    }""")
    assert ranks == sorted(ranks) and set(ranks) == {0, 1, 2}
    page.fill("#kb-filter-input", "")
    assert shown_terms(page) == original  # an empty box gives the list's own order back


@pytest.mark.parametrize("lang", LANGS)
def test_filter_placeholder_fits_a_phone_screen(page, base_url, lang):
    open_page(page, base_url + LANGS[lang] + PAGES["glossary"])
    room, needed = page.evaluate("""() => {
      const input = document.getElementById('kb-filter-input'), style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = style.fontSize + ' ' + style.fontFamily;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return [room, context.measureText(input.placeholder).width];
    }""")
    assert needed <= room
