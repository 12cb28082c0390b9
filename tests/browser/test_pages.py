"""Every page template in both languages, in a real browser: nothing leaves localhost, the
console stays clean, no Content-Security-Policy violation, no serious accessibility
violation (search opened too); each language searches its own index; the language switch keeps the page and
the anchor; unknown paths get a working 404 page in their language."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import open_page
from kb.finish import redirect_pages
from kb.model import redirects

pytestmark = pytest.mark.browser

TEMPLATES = {
    "home": "",
    "article": "articles/vitamin-k-with-vitamin-d/",
    "critique": "articles/mk4-vs-mk7-interview/",
    "basics": "articles/vitamin-k-basics/",
    "term": "glossary/osteocalcin/",
    "glossary": "glossary/",
    "references": "references/",
    "about": "about/",
}
LANG_PREFIXES = {"zh": "", "en": "en/"}


# Records Content-Security-Policy violations from the first script on (init scripts are
# injected by the browser, outside the page's policy).
RECORD_CSP_VIOLATIONS = """
window.kbCspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.kbCspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


def visit(page, url):
    requests, errors = [], []
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return requests, errors


def open_search(page, query="K2"):
    """Open the site search and search once, so that its index and engine load."""
    page.locator("[data-kb-search-open]").click()
    page.locator("[data-kb-search-input]").press_sequentially(query)
    page.wait_for_function(
        "q => { const r = document.querySelector('[data-kb-search-results]'); return r.dataset.query === q && r.dataset.state === 'done'; }",
        arg=query)
    page.wait_for_load_state("networkidle")


@pytest.fixture(scope="module")
def redirect_page(site):
    """A redirect page of data/redirects.yaml's kind, written into the served site."""
    redirect = redirects.Redirect("kb-test-moved/", "about/", 1)
    redirect_pages.write_redirect_pages(site, [redirect], "https://example.org/")
    return redirect.old


@pytest.mark.parametrize("lang", LANG_PREFIXES)
@pytest.mark.parametrize("template", [*TEMPLATES, "404", "redirect"])
def test_no_content_security_policy_violation(page, base_url, redirect_page, lang, template):
    path = {"404": "no-such-page/", "redirect": redirect_page}.get(template, TEMPLATES.get(template))
    requests, errors = visit(page, base_url + LANG_PREFIXES[lang] + path)
    if template != "redirect":
        open_search(page)  # the search script, its WebAssembly and its index load too
    else:
        page.wait_for_url("**/about/")
    assert page.evaluate("window.kbCspViolations") == []
    assert [e for e in errors if "Content Security Policy" in e or "Content-Security-Policy" in e] == []


@pytest.mark.parametrize("lang", LANG_PREFIXES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_request_leaves_localhost_and_console_is_clean(page, base_url, lang, template):
    requests, errors = visit(page, base_url + LANG_PREFIXES[lang] + TEMPLATES[template])
    open_search(page)
    outside = [url for url in requests if not url.startswith(base_url) and not url.startswith("data:")]
    assert outside == []
    assert errors == []
    # Each language's pages fetch their own language's index, never the other's.
    indexes = [url[len(base_url):].split("?")[0] for url in requests if url.endswith("search.json")]
    assert indexes == [LANG_PREFIXES[lang] + "search.json"]


@pytest.mark.parametrize("lang", LANG_PREFIXES)
@pytest.mark.parametrize("template", ["article", "critique", "term", "glossary", "references", "about"])
def test_reading_a_page_fetches_no_sitemap_or_stylesheet(page, base_url, lang, template):
    """Material's bundle fetches sitemap.xml (47 KB) beside every <link rel=alternate>; only
    the home and changes pages announce the feed, so reading any other page does not."""
    requests, _ = visit(page, base_url + LANG_PREFIXES[lang] + TEMPLATES[template])
    fetched = sorted({url[len(base_url):].split("?")[0] for url in requests if url.startswith(base_url)})
    assert not [path for path in fetched if path.endswith(".xml")], fetched
    assert not [path for path in fetched if path.endswith(".css")], fetched


def test_typing_in_the_glossary_filter_does_not_open_search(page, base_url):
    visit(page, base_url + TEMPLATES["glossary"])
    page.locator("#kb-filter-input").press_sequentially("fsmk7")  # s and f are search shortcuts
    page.wait_for_timeout(300)
    assert page.locator("dialog.kb-search").count() == 0


@pytest.mark.parametrize("lang", LANG_PREFIXES)
@pytest.mark.parametrize("template", [*TEMPLATES, "404"])
def test_no_serious_accessibility_violation(page, base_url, lang, template):
    path = TEMPLATES.get(template, "no-such-page/")
    open_page(page, base_url + LANG_PREFIXES[lang] + path, wait_until="networkidle")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize(
    "start, other_lang, target",
    [
        ("articles/vitamin-k-with-vitamin-d/#bone-evidence", "en", "en/articles/vitamin-k-with-vitamin-d/#bone-evidence"),
        ("en/articles/vitamin-k-with-vitamin-d/#bone-evidence", "zh", "articles/vitamin-k-with-vitamin-d/#bone-evidence"),
        ("en/articles/mk4-vs-mk7-interview/#takeaways", "zh", "articles/mk4-vs-mk7-interview/#takeaways"),
        ("glossary/inr/#appears-in", "en", "en/glossary/inr/#appears-in"),
        ("", "en", "en/"),
        ("en/", "zh", ""),
    ],
)
def test_language_switch_keeps_page_and_anchor(page, base_url, start, other_lang, target):
    page.goto(base_url + start)
    page.locator(".md-header__option .md-select button").click()
    hreflang = {"zh": "zh-Hans", "en": "en"}[other_lang]
    page.locator(f'a.md-select__link[hreflang="{hreflang}"]').click()
    page.wait_for_load_state()
    assert page.url == base_url + target
    assert page.evaluate("document.documentElement.lang") == {"zh": "zh-Hans", "en": "en"}[other_lang]
    anchor = target.partition("#")[2]
    if anchor:
        assert page.locator(f"#{anchor}").is_visible()


@pytest.mark.parametrize("lang, html_lang, query", [("", "zh-Hans", "骨钙素"), ("en/", "en", "osteocalcin")])
def test_unknown_path_gets_a_working_404_page_in_its_language(page, base_url, lang, html_lang, query):
    response = page.goto(base_url + lang + "glossary/no-such-term/deeper/", wait_until="networkidle")
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == html_lang
    assert page.locator(".md-header").is_visible()
    # The language switcher leads to each language's home, not to a stale page.
    hrefs = page.locator("a.md-select__link").evaluate_all("links => links.map(a => a.href)")
    assert sorted(hrefs) == sorted([base_url, base_url + "en/"])
    # Search works from any depth, in the page's language.
    open_search(page, query)
    hrefs = page.locator("a.kb-search-hit").evaluate_all("links => links.map(a => a.href)")
    assert any(href.startswith(base_url + lang + "glossary/osteocalcin/") for href in hrefs), hrefs
    assert all(("/en/" in href) == bool(lang) for href in hrefs), hrefs
    # And a way home.
    page.keyboard.press("Escape")
    page.locator("a[data-kb-home]").click()
    page.wait_for_load_state()
    assert page.url == base_url + lang
