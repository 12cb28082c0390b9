"""The navigation drawer on a 390 px phone: closed, it keeps keyboard focus out (its links
sit off-screen, and kb.css skips them); opened, with or without JavaScript, its links show
and can be followed."""
import pytest

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
ARTICLE = "articles/mk4-vs-mk7-interview/"
OTHER_ARTICLE_LINK = ".md-sidebar--primary a.md-nav__link[href$='vitamin-k-with-vitamin-d/']"


@pytest.mark.parametrize("lang", LANGS)
def test_closed_drawer_keeps_keyboard_focus_out_until_opened(page, base_url, lang):
    # Closed, the drawer's links sit off-screen: Tab must not take focus there, where the
    # reader cannot see it. Opened, its links are shown and can be followed.
    page.goto(base_url + LANGS[lang] + ARTICLE)
    in_drawer = "!!document.activeElement.closest('.md-sidebar--primary')"
    for _ in range(12):  # past the header's controls, into the article
        page.keyboard.press("Tab")
        assert not page.evaluate(in_drawer), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    page.locator(".md-header label[for='__drawer']").click()
    link = page.locator(OTHER_ARTICLE_LINK).first
    link.wait_for(state="visible")
    link.evaluate("a => new Promise(done => setTimeout(done, 400))")  # the drawer slides in for .25 s
    assert link.bounding_box()["x"] >= 0
    link.focus()
    assert page.evaluate(in_drawer)
    link.click()
    page.wait_for_url("**/articles/vitamin-k-with-vitamin-d/")


def test_without_javascript_the_drawer_still_opens_with_its_links(no_script_page, base_url):
    # The drawer opens with CSS alone (a checkbox); its skipped contents must come back.
    page = no_script_page
    page.goto(base_url + ARTICLE)
    link = page.locator(OTHER_ARTICLE_LINK).first
    assert not link.is_visible()
    page.locator(".md-header label[for='__drawer']").click()
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url("**/articles/vitamin-k-with-vitamin-d/")
