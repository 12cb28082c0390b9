"""Site search in a real browser: segmented Chinese, whole English words, Han and Latin
typed together, abbreviations without hyphens, and results in the reader's language."""
import pytest

pytestmark = pytest.mark.browser


def search(page, base_url, path, query):
    """Type a query into Material's search box once its index is loaded; return the hits."""
    page.goto(base_url + path)
    page.locator("label[for='__search']").first.click()
    meta = page.locator(".md-search-result__meta")
    # The worker replaces "Initializing search" once the index is in.
    page.wait_for_function(
        "() => !/初始化|Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    before = meta.inner_text()
    box = page.locator("input[data-md-component='search-query']")
    box.fill(query)
    box.press("End")  # Material searches on key events, which fill() does not send
    page.wait_for_function(
        "before => document.querySelector('.md-search-result__meta').textContent.trim() !== before.trim()",
        arg=before,
    )
    return [
        {"href": a.get_attribute("href"), "text": a.inner_text()}
        for a in page.locator(".md-search-result__link").all()
    ]


@pytest.mark.parametrize(
    "query, spaced",
    [("维生素K2", "维生素 K2"), ("MK7", "MK-7"), ("mk 7", "MK-7")],
)
def test_run_together_queries_find_what_the_spaced_spelling_finds(page, base_url, query, spaced):
    found = {r["href"] for r in search(page, base_url, "", query)}
    expected = {r["href"] for r in search(page, base_url, "", spaced)}
    assert expected and expected <= found, (query, found, expected)


def test_chinese_reader_gets_chinese_results(page, base_url):
    results = search(page, base_url, "", "术语")
    assert results, "no result for 术语"
    assert all("/en/" not in r["href"] for r in results)


def test_english_reader_gets_english_results_and_whole_words(page, base_url):
    results = search(page, base_url, "en/", "glossary")
    assert results, "no result for glossary"
    assert all("/en/" in r["href"] for r in results)


# Queries as forum readers type them: Chinese name, English name, abbreviation, label
# spelling, Han and Latin run together, hyphen left out.
GLOSSARY_QUERIES = [
    ("", "骨钙素", "glossary/osteocalcin/"),
    ("en/", "osteocalcin", "en/glossary/osteocalcin/"),
    ("", "ucOC", "glossary/undercarboxylated-osteocalcin/"),
    ("en/", "ucOC", "en/glossary/undercarboxylated-osteocalcin/"),
    ("", "未羧化骨钙素", "glossary/undercarboxylated-osteocalcin/"),
    ("", "维生素K2", "glossary/vitamin-k2/"),
    ("", "MK7", "glossary/mk-7/"),
    ("en/", "MK7", "en/glossary/mk-7/"),
    ("", "甲萘醌-7", "glossary/mk-7/"),
    ("en/", "menatetrenone", "en/glossary/mk-4/"),
    ("", "INR", "glossary/inr/"),
    ("", "基质Gla蛋白", "glossary/matrix-gla-protein/"),
    ("", "胆钙化醇", "glossary/vitamin-d3/"),
    ("en/", "warfarin", "en/glossary/warfarin/"),
]


@pytest.mark.parametrize("path, query, expected", GLOSSARY_QUERIES)
def test_term_page_is_among_the_first_results(page, base_url, path, query, expected):
    pages = []
    for result in search(page, base_url, path, query):
        url = result["href"].replace(base_url, "").split("?")[0].split("#")[0]
        if url not in pages:
            pages.append(url)
    assert expected in pages[:3], (query, pages[:5])
