"""A long page lays out its first screen first (kb/finish/lazy_layout.py), in Chromium on a phone:
the text off screen waits until Material has started, then kb.js lays it all out; a deep
link or a reload lays out the whole page at once, so the browser puts the reader at the
right place."""
import io

import pytest
from PIL import Image

from helpers import hold_material, open_page, wait_until_settled

pytestmark = pytest.mark.browser

ARTICLE = "articles/mk4-vs-mk7-interview/"
LANGS = {"zh": "", "en": "en/"}
# Whether an element's content is drawn, or skipped as content-visibility: auto allows.
DRAWN = "(selector) => document.querySelector(selector).checkVisibility({contentVisibilityAuto: true})"
FIRST_TEXT = ".md-content__inner > p:not(.kb-reviewed) *"
LAST_REFERENCE = ".kb-references > li:last-child *"
STILL_WAITING = """() => [...document.querySelectorAll('.md-content__inner *')]
    .filter(element => getComputedStyle(element).contentVisibility === 'auto').length"""


@pytest.mark.parametrize("lang", LANGS)
def test_text_off_screen_waits_then_all_is_laid_out(page, base_url, lang):
    url = base_url + LANGS[lang] + ARTICLE
    release = hold_material(page, url)
    page.goto(url)
    assert page.evaluate("document.documentElement.classList.contains('kb-lazy-layout')")
    assert page.evaluate(DRAWN, FIRST_TEXT)  # the first screen, laid out and drawn
    assert not page.evaluate(DRAWN, LAST_REFERENCE)  # far below: not laid out yet
    page.wait_for_timeout(300)
    assert not page.evaluate(DRAWN, LAST_REFERENCE)  # ...until Material has started
    release()
    wait_until_settled(page)
    assert page.evaluate(DRAWN, LAST_REFERENCE)
    assert page.evaluate(STILL_WAITING) == 0


def screen_below_header(page, selector):
    """The screen with selector's element at its top, below Material's header (which
    changes once Material has started), in grey."""
    page.evaluate("selector => document.querySelector(selector).scrollIntoView()", selector)
    page.wait_for_timeout(100)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    size = page.viewport_size
    shot = page.screenshot(clip={"x": 0, "y": header, "width": size["width"], "height": size["height"] - header})
    return Image.open(io.BytesIO(shot)).convert("L")


def ink(image, right=None):
    """How many pixels are drawn dark (text), in the whole image or left of x=right."""
    if right is not None:
        image = image.crop((0, 0, right, image.height))
    return sum(image.point(lambda value: 255 if value < 128 else 0).histogram()[255:])


@pytest.mark.parametrize("lang", LANGS)
def test_text_that_waits_looks_as_it_will_once_laid_out(page, base_url, lang):
    """A waiting block clips what it draws outside itself: the numbers of a list, drawn left
    of its items, must stay. (Laid out, blocks may move by a pixel, so the test compares
    how much is drawn, not each pixel.)"""
    url = base_url + LANGS[lang] + ARTICLE
    release = hold_material(page, url)
    page.goto(url)
    item = ".kb-references > li:nth-child(2)"
    waiting = screen_below_header(page, item)
    gutter = round(page.evaluate("item => document.querySelector(item).getBoundingClientRect().left", item))
    release()
    wait_until_settled(page)
    laid_out = screen_below_header(page, item)
    assert ink(laid_out, gutter) > 0  # the numbers 2., 3., ...
    assert ink(waiting, gutter) == pytest.approx(ink(laid_out, gutter), rel=0.1)
    assert ink(waiting) == pytest.approx(ink(laid_out), rel=0.05)


@pytest.mark.parametrize("lang", LANGS)
def test_a_deep_link_lays_out_the_whole_page_and_shows_its_target(page, base_url, lang):
    url = base_url + LANGS[lang] + ARTICLE
    open_page(page, url)
    target = page.evaluate("[...document.querySelectorAll('.kb-claim__title')].at(-3).id")  # far down
    page.goto("about:blank")
    open_page(page, f"{url}#{target}")
    assert not page.evaluate("document.documentElement.classList.contains('kb-lazy-layout')")
    assert page.evaluate(STILL_WAITING) == 0
    top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
    assert 0 <= top < 200  # below the header, at the top of the screen


def test_a_reload_lays_out_the_whole_page(page, base_url):
    open_page(page, base_url + ARTICLE)
    page.mouse.wheel(0, 6000)
    page.reload()
    wait_until_settled(page)
    assert not page.evaluate("document.documentElement.classList.contains('kb-lazy-layout')")
    assert page.evaluate(STILL_WAITING) == 0
