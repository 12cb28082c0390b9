"""Every page template in both languages, in a real browser: nothing leaves localhost, the
console stays clean, no serious accessibility violation; the language switch keeps the
page and the anchor."""
import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

TEMPLATES = {
    "home": "",
    "article": "articles/vitamin-k-with-vitamin-d/",
    "critique": "articles/mk4-vs-mk7-interview/",
    "term": "glossary/osteocalcin/",
    "glossary": "glossary/",
    "references": "references/",
    "about": "about/",
}
LANG_PREFIXES = {"zh": "", "en": "en/"}


def visit(page, url):
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return requests, errors


@pytest.mark.parametrize("lang", LANG_PREFIXES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_request_leaves_localhost_and_console_is_clean(page, base_url, lang, template):
    requests, errors = visit(page, base_url + LANG_PREFIXES[lang] + TEMPLATES[template])
    # Open search too: its index is fetched on first use.
    page.locator("label[for='__search']").first.click()
    page.wait_for_function("() => !/初始化|Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_load_state("networkidle")
    outside = [url for url in requests if not url.startswith(base_url) and not url.startswith("data:")]
    assert outside == []
    assert errors == []
    assert any(url.endswith("search/search_index.json") for url in requests)


def test_search_index_waits_until_search_is_opened(page, base_url):
    requests, _ = visit(page, base_url + TEMPLATES["term"])
    page.wait_for_timeout(500)
    assert not any("search_index.json" in url for url in requests)
    page.keyboard.press("/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("search/search_index.json") for url in requests)


def test_typing_in_the_glossary_filter_does_not_fetch_the_search_index(page, base_url):
    requests, _ = visit(page, base_url + TEMPLATES["glossary"])
    page.locator("#kb-filter-input").press_sequentially("fsmk7")  # s and f are search shortcuts
    page.wait_for_timeout(500)
    assert not any("search_index.json" in url for url in requests)


@pytest.mark.parametrize("lang", LANG_PREFIXES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_serious_accessibility_violation(page, base_url, lang, template):
    page.goto(base_url + LANG_PREFIXES[lang] + TEMPLATES[template], wait_until="networkidle")
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
    page.locator(f'a.md-select__link[hreflang="{other_lang}"]').click()
    page.wait_for_load_state()
    assert page.url == base_url + target
    assert page.evaluate("document.documentElement.lang") == other_lang
    anchor = target.partition("#")[2]
    if anchor:
        assert page.locator(f"#{anchor}").is_visible()
