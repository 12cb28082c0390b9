"""Citing one claim in Chromium: the copy buttons (Material's clipboard, folded under
"Cite this claim" in an article) put the exact forum forms on the clipboard; every kind
of copy button protects its URL in a forum post; the cite link under the title reaches
the cite box; the claims index filters by verdict; a claim page's QR code reads back as
its address, without JavaScript too."""
import io

import pytest
import zxingcpp
from PIL import Image

from helpers import LOCAL_SITE_URL, open_page
from kb.model import claims
from test_claims import bbcode_links, markdown_links

pytestmark = pytest.mark.browser

SITE_URL = LOCAL_SITE_URL  # the session build has no SITE_URL
CLAIM = "osteocalcin-forms-hydroxyapatite"
TEXT = {"": "【不准确】骨钙素“形成”羟基磷灰石晶体？", "en/": '[Inaccurate] Osteocalcin "forms" hydroxyapatite crystals?'}


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("where", ["articles/mk4-vs-mk7-interview/", f"claims/{CLAIM}/"])
def test_claim_copy_buttons_put_the_forum_forms_on_the_clipboard(clipboard_page, base_url, lang, where):
    page = clipboard_page
    open_page(page, base_url + lang + where)
    url = f"{SITE_URL}{lang}claims/{CLAIM}/#{CLAIM}"
    expected = claims.cite_forms(TEXT[lang], url)
    if where.startswith("articles/"):  # folded under each claim: closed until the reader opens it
        tools = page.locator(f".kb-claim:has(#{CLAIM}) .kb-claimcite")
        assert not tools.locator('[data-kb-form="plain"]').is_visible()
        tools.locator("summary").click()
    else:
        tools = page.locator(".kb-claimcite").first
    for kind in ("plain", "markdown", "bbcode"):
        page.evaluate("navigator.clipboard.writeText('')")
        tools.locator(f'[data-kb-form="{kind}"]').click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
        assert page.evaluate("navigator.clipboard.readText()") == expected[kind]
    assert expected["plain"].endswith(" ")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_cite_link_under_the_title_reaches_the_cite_box(page, base_url, lang):
    page.goto(base_url + lang + "articles/vitamin-k-with-vitamin-d/")
    link = page.locator("article .kb-reviewed a[href='#cite']")
    assert link.is_visible()
    assert link.bounding_box()["y"] < 400  # in the first screen, under the title
    link.click()
    page.wait_for_function("location.hash === '#cite'")
    box = page.locator("#cite").bounding_box()
    assert 0 <= box["y"] < 844


def test_claims_index_filters_by_verdict(page, base_url):
    open_page(page, base_url + "en/claims/")  # kb.js starts after the first paint
    items = page.locator("ul.kb-claims > li")
    assert items.count() == 24
    page.select_option("#kb-claims-verdict", "inaccurate")
    visible = [items.nth(i).inner_text() for i in range(items.count()) if items.nth(i).is_visible()]
    assert len(visible) == 2
    assert any("Osteocalcin" in text for text in visible) and any("converted into MK-4" in text for text in visible)
    page.select_option("#kb-claims-verdict", "")
    assert all(items.nth(i).is_visible() for i in range(items.count()))


# Safari keeps no element in place when content above it changes height after the
# browser has scrolled to it (no scroll anchoring); switching anchoring off in Chromium
# shows what a reader there sees.
NO_SCROLL_ANCHORING = """const sheet = new CSSStyleSheet();
sheet.replaceSync("* { overflow-anchor: none !important; }");
document.adoptedStyleSheets = [sheet];"""


@pytest.fixture(params=["scroll anchoring", "no scroll anchoring"])
def linked_page(browser, request):
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    if request.param == "no scroll anchoring":
        context.add_init_script(NO_SCROLL_ANCHORING)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_link_to_a_claim_or_reference_opens_at_it(linked_page, base_url, lang):
    """A pasted link to one claim (or a citation's reference) deep in a long article shows
    that claim at the top of the screen, under the header, on a phone: opened afresh, and
    followed within the page, with and without the browser's scroll anchoring. Without
    it, anything that changes the height of what lies above the target after the browser
    has scrolled (copy-link buttons wrapping headings; content-visibility, DESIGN.md "Page
    weight on a phone") moves the target away."""
    page = linked_page
    article = base_url + lang + "articles/mk4-vs-mk7-interview/"
    page.goto(article)
    claim_ids = page.eval_on_selector_all(".kb-claim [id]", "elements => elements.map(e => e.id)")
    reference_ids = page.eval_on_selector_all("li[id^='ref-']", "elements => elements.map(e => e.id)")
    targets = (claim_ids[len(claim_ids) // 2], claim_ids[-1], reference_ids[0], reference_ids[len(reference_ids) // 2])
    for fresh in (True, False):
        for target in targets:
            if fresh:
                page.goto("about:blank")
            page.goto(article + "#" + target)
            page.wait_for_load_state("load")
            page.wait_for_timeout(500)
            top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
            header = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
            assert header - 1 <= top <= header + 60, ("opened afresh" if fresh else "within the page", target, top)


# Each kind of copy button that copies a bare URL, on an article with claims.
COPY_BUTTONS = {
    "heading link (kb.js)": "article h2[id] .kb-copylink",
    "claim heading link (kb.js)": "article .kb-claim__title .kb-copylink",
    "claim's plain link": '.kb-claim .kb-claimcite [data-kb-form="plain"]',
    "cite box's plain link": ".kb-citebox [data-clipboard-text]",
}


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_copied_bare_url_survives_chinese_typed_after_it(clipboard_page, base_url, lang):
    """Clicked, read from the clipboard, pasted into a post with Chinese glued on, read by
    real forum parsers: the link is the URL and nothing more."""
    page = clipboard_page
    open_page(page, base_url + lang + "articles/vitamin-k-with-vitamin-d/")
    page.wait_for_selector(".kb-copylink")
    page.locator(".kb-claim .kb-claimcite summary").first.click()
    for kind, selector in COPY_BUTTONS.items():
        page.evaluate("navigator.clipboard.writeText('')")
        page.locator(selector).first.click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
        copied = page.evaluate("navigator.clipboard.readText()")
        url = copied.strip()
        assert url.startswith(SITE_URL) and copied == url + " ", kind
        for tail in ("，我不同意。", "这里", "\n下一行"):
            assert bbcode_links(copied + tail) == [(url, url)], (kind, tail)
            assert markdown_links(copied + tail) == [(url, url)], (kind, tail)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_claim_qr_code_reads_back_as_its_address_without_javascript(no_script_page, base_url, lang):
    page = no_script_page
    page.goto(base_url + lang + f"claims/{CLAIM}/")
    qr = page.locator("article svg.kb-share__qr")
    box = qr.bounding_box()
    assert 120 <= box["width"] == box["height"] <= 200  # big enough to scan from a screen
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    assert code.text == f"{SITE_URL}{lang}claims/{CLAIM}/"
    link = page.locator("article .kb-share a[download]")
    assert link.is_visible() and link.get_attribute("href") == "share.png"
    response = page.request.get(base_url + lang + f"claims/{CLAIM}/share.png")
    assert response.ok and response.headers["content-type"] == "image/png"
