"""What readers do with the mouse, the finger and the clipboard: term and citation
tooltips, the glossary filter, and the copy buttons."""
import re

import pytest
from playwright.sync_api import expect

from helpers import open_page
from kb.model.normalise import normalise

pytestmark = pytest.mark.browser

ARTICLE = "articles/vitamin-k-with-vitamin-d/"


def link_preview(page):
    """The preview of a term or citation link that is showing (overrides/assets/kb.js)."""
    tip = page.locator(".kb-tip")
    tip.wait_for(state="visible", timeout=3000)
    return tip


def test_term_link_shows_its_definition_on_hover(page, base_url):
    open_page(page, base_url + ARTICLE)
    link = page.locator("a.kb-term").first
    definition = link.get_attribute("title")
    assert definition and len(definition) > 10
    link.hover()
    tip = link_preview(page)
    assert tip.inner_text().strip() == definition
    assert tip.get_attribute("role") == "tooltip" and link.get_attribute("aria-describedby") == "kb-tip"
    assert link.get_attribute("title") is None  # the browser's own tooltip does not repeat it
    box, tip_box = link.bounding_box(), tip.bounding_box()
    assert tip_box["y"] >= box["y"] + box["height"] - 1  # under the link, where it fits
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    link.focus()  # a keyboard reader gets the same preview
    assert link_preview(page).inner_text().strip() == definition
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_preview_fits_a_phone_screen(touch_page, base_url):
    page = touch_page
    open_page(page, base_url + ARTICLE)
    links = page.locator(".md-typeset .kb-cite a")
    link = links.nth(links.count() // 2)
    link.scroll_into_view_if_needed()
    link.tap()
    box = link_preview(page).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_citation_shows_its_reference_on_hover(page, base_url):
    open_page(page, base_url + ARTICLE)
    page.locator(".kb-cite a").first.hover()
    assert "(" in link_preview(page).inner_text()  # "Author (year). Title."


@pytest.fixture
def touch_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_term_link_tap_shows_definition_then_second_tap_opens_the_term(touch_page, base_url):
    page = touch_page
    open_page(page, base_url + ARTICLE)
    link = page.locator("a.kb-term").first
    href = link.get_attribute("href")
    definition = link.get_attribute("title")
    link.scroll_into_view_if_needed()
    link.tap()
    assert link_preview(page).inner_text().strip() == definition
    assert page.url == base_url + ARTICLE  # the first tap did not navigate
    with page.expect_navigation():
        link.tap()
    assert page.url.endswith("/glossary/" + href.rstrip("/").split("/")[-1] + "/")


def test_english_tooltip_is_english(page, base_url):
    open_page(page, base_url + "en/" + ARTICLE)
    page.locator("a.kb-term").first.hover()
    text = link_preview(page).inner_text()
    assert text.isascii() or sum(ch.isascii() for ch in text) > 0.8 * len(text)


def visible_terms(page):
    return page.eval_on_selector_all("[data-kb-glossary] > li:not([hidden])", "items => items.map(i => i.id)")


@pytest.mark.parametrize(
    "lang, query, expected",
    [
        ("", "骨钙素", "term-osteocalcin"),
        ("", "gugaisu", "term-osteocalcin"),
        ("", "ggs", "term-osteocalcin"),
        ("en/", "osteocalcin", "term-osteocalcin"),
        ("", "ucOC", "term-undercarboxylated-osteocalcin"),
        ("", "MK7", "term-mk-7"),
        ("", "mk 7", "term-mk-7"),
        ("", "ＭＫ－７", "term-mk-7"),
        ("", "甲萘醌-7", "term-mk-7"),
        ("", "维生素K2", "term-vitamin-k2"),
        ("en/", "menatetrenone", "term-mk-4"),
        ("en/", "MGP", "term-matrix-gla-protein"),
        ("", "INR", "term-inr"),
    ],
)
def test_glossary_filter_matches_names_aliases_and_pinyin(page, base_url, lang, query, expected):
    open_page(page, base_url + lang + "glossary/")
    total = len(visible_terms(page))
    page.fill("#kb-filter-input", query)
    shown = visible_terms(page)
    assert expected in shown
    assert len(shown) < total


def test_glossary_filter_says_when_nothing_matches(page, base_url):
    open_page(page, base_url + "glossary/")
    page.fill("#kb-filter-input", "zzzzqqq")
    assert visible_terms(page) == []
    assert page.locator(".kb-filter__status").inner_text() == "没有匹配的术语。"
    page.fill("#kb-filter-input", "骨钙素")
    assert re.fullmatch(r"匹配 \d+ 个术语", page.locator(".kb-filter__status").inner_text())
    page.fill("#kb-filter-input", "")
    assert len(visible_terms(page)) >= 50


def test_glossary_filter_counts_one_match_and_several_in_english(page, base_url):
    open_page(page, base_url + "en/glossary/")
    page.fill("#kb-filter-input", "menatetrenone")
    assert page.locator(".kb-filter__status").inner_text() == "1 matching term"
    page.fill("#kb-filter-input", "osteocalcin")
    assert page.locator(".kb-filter__status").inner_text() == f"{len(visible_terms(page))} matching terms"


def test_text_typed_before_the_script_arrives_is_filtered_when_it_does(page, base_url):
    """kb.js starts after the first paint (kb/finish/deferred_scripts.py), but the filter box
    is there from it: what a reader typed meanwhile is not lost."""
    held = []
    page.route("**/assets/kb.js", lambda route: held.append(route))
    page.goto(base_url + "en/glossary/?q=osteocalcin", wait_until="load")
    page.fill("#kb-filter-input", "menatetrenone")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    expect(page.locator(".kb-filter__status")).to_have_text("1 matching term")
    assert page.input_value("#kb-filter-input") == "menatetrenone"


def test_filter_normalises_like_the_build(page, base_url):
    samples = ["维生素K2", "维生素 K2", "MK-7", "ＭＫ－７", "mk·7", "Vitamin K₂", "（MGP）", "γ-羧化", "Gla 蛋白"]
    open_page(page, base_url + "glossary/")  # kb.js starts after the first paint
    in_browser = page.evaluate("samples => samples.map(window.kbNormalise)", samples)
    assert in_browser == [normalise(s) for s in samples]



def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_cite_box_copies_plain_markdown_and_bbcode_links(clipboard_page, base_url, lang):
    page = clipboard_page
    open_page(page, base_url + lang + "glossary/osteocalcin/")
    canonical = page.get_attribute('link[rel="canonical"]', "href")
    title = page.locator(".kb-citebox__page strong").inner_text()
    buttons = page.locator(".kb-citebox [data-clipboard-text]")
    expected = [canonical + " ", f"[{title}]({canonical})", f"[url={canonical}]{title}[/url]"]
    for index, text in enumerate(expected):
        buttons.nth(index).click()
        assert clipboard(page) == text
    # Material announces the copy in its own words, in the page's language.
    assert page.locator(".md-dialog").inner_text().strip() == ("已复制" if lang == "" else "Copied to clipboard")


def test_heading_and_claim_copy_links_copy_the_permanent_url(clipboard_page, base_url):
    page = clipboard_page
    open_page(page, base_url + "articles/mk4-vs-mk7-interview/")
    canonical = page.get_attribute('link[rel="canonical"]', "href")
    heading = page.locator("article h2[id]").first
    heading.locator(".kb-copylink").click()
    assert clipboard(page) == canonical + "#" + heading.get_attribute("id") + " "
    claim = page.locator(".kb-claim .kb-claim__title[id]").first  # a claim's id is on its title heading
    claim.locator(".kb-copylink").click()
    assert clipboard(page) == canonical + "#" + claim.get_attribute("id") + " "
    assert heading.locator(".kb-copylink").get_attribute("aria-label").startswith("复制指向此处的链接")
    assert page.locator(".md-dialog").inner_text().strip() == "已复制"


# Per heading with a copy-link button: its id, and the part of the button outside the
# heading's box (px); the heading's height with the buttons, and with them taken out.
COPY_LINK_FIT = """() => [...document.querySelectorAll('article :is(h2, h3, h4)[id]')]
  .filter(h => h.querySelector('.kb-copylink'))
  .map(h => {
    const box = h.getBoundingClientRect(), button = h.querySelector('.kb-copylink').getBoundingClientRect();
    const outside = Math.max(0, box.left - button.left, button.right - box.right);
    h.querySelector('.kb-copylink').remove();
    return [h.id, Math.round(outside), Math.round(box.height), Math.round(h.getBoundingClientRect().height)];
  })"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_copy_link_buttons_sit_in_room_their_headings_keep(page, base_url, lang):
    """kb.js adds the buttons when idle, after the browser has scrolled to a linked
    heading: each must fit in room its heading keeps free, and change no heading's height."""
    page.goto(base_url + lang + "articles/mk4-vs-mk7-interview/")
    page.wait_for_selector(".kb-copylink")
    fits = page.evaluate(COPY_LINK_FIT)
    assert len(fits) > 20
    assert [f for f in fits if f[1] > 0 or f[2] != f[3]] == []
