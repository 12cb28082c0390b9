"""The search dialog in a real browser (overrides/assets/kb-search.js on MiniSearch): the
index, engine and ranking load only when search is opened, one request each; results show
a verdict for a claim and one highlighted snippet, at least three to a phone screen; keyboard use; Han and Latin typed
together; results in the reader's language."""
import pytest

from kb.finish import search_index

pytestmark = pytest.mark.browser


def is_search_file(url):
    return url.endswith(tuple(search_index.BROWSER_FILES.values()))


def open_search(page, base_url, path=""):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + path, wait_until="networkidle")
    before = [url for url in requests if is_search_file(url)]
    page.locator("[data-kb-search-open]").click()
    return before, requests


def search(page, query):
    box = page.locator("[data-kb-search-input]")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => { const r = document.querySelector('[data-kb-search-results]'); return r.dataset.query === q && r.dataset.state === 'done'; }",
        arg=query)
    return page.locator("[data-kb-search-results] a.kb-search-hit")


def test_index_is_fetched_only_when_search_is_opened(page, base_url):
    before, requests = open_search(page, base_url, "articles/vitamin-k-with-vitamin-d/")
    assert before == []
    search(page, "骨密度")
    search(page, "维生素K2")
    fetched = [url[len(base_url):] for url in requests if is_search_file(url)]
    assert sorted(fetched) == sorted(search_index.BROWSER_FILES.values())
    # The results' own styles came with the index (no page carries them): two-line snippets.
    snippet = page.locator(".kb-search-hit__snippet").first
    assert snippet.evaluate("e => getComputedStyle(e).webkitLineClamp") == "2"


def test_a_failed_index_load_says_so_and_the_next_query_tries_again(page, base_url):
    page.route("**/search.json", lambda route: route.abort())
    open_search(page, base_url, "en/")
    search(page, "warfarin")
    assert page.locator(".kb-search__status").inner_text() == "Search could not load; check the connection and try again."
    page.unroute("**/search.json")
    hits = search(page, "warfarin k2")
    assert hits.count() >= 3 and page.locator(".kb-search__status").inner_text() == ""


def test_a_slow_index_load_says_search_is_loading(page, base_url):
    held = []  # the index request, answered only once the message has been seen
    page.route("**/search.json", lambda route: held.append(route))
    open_search(page, base_url)
    page.locator("[data-kb-search-input]").press_sequentially("骨钙素")
    status = page.locator(".kb-search__status")
    status.filter(has_text="正在载入搜索").wait_for()
    held[0].continue_()
    page.wait_for_function("() => document.querySelector('[data-kb-search-results]').dataset.state === 'done'")
    assert status.inner_text() == "" and page.locator("a.kb-search-hit").count() > 0


@pytest.mark.parametrize("path, query, expected", [
    ("", "华法林", "华法林"), ("en/", "fractures", "fracture"), ("en/", "mk7", "MK-7")])
def test_snippets_mark_the_words_as_the_page_writes_them(page, base_url, path, query, expected):
    open_search(page, base_url, path)
    marks = search(page, query).first.locator(".kb-search-hit__snippet mark").all_inner_texts()
    assert marks and all(m.lower().startswith(expected.lower()) for m in marks), marks


def test_claim_results_show_their_verdict_and_a_highlighted_snippet(page, base_url):
    open_search(page, base_url)
    hits = search(page, "吃华法林还能补K2吗")
    first = hits.first
    assert "/claims/warfarin-consistency/" in first.get_attribute("href")
    assert first.locator(".kb-verdict").inner_text() == "有证据支持"
    assert first.locator(".kb-search-hit__snippet mark").count() >= 1
    assert first.locator(".kb-search-hit__snippet").count() == 1
    # The snippet is the page's text: no citation numbers, no markup shown as text.
    assert "[1]" not in first.inner_text() and "<" not in first.inner_text()


def test_at_least_three_results_fit_on_a_phone_screen(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    open_search(page, base_url, "en/")
    hits = search(page, "vitamin k2")
    visible = [box for box in (hits.nth(i).bounding_box() for i in range(hits.count()))
               if box and box["y"] + box["height"] <= 844]
    assert len(visible) >= 3, visible


def test_keyboard_escape_closes_and_returns_focus(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.locator("[data-kb-search-open]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('[data-kb-search-input]')")
    search(page, "MK7")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.kb-search-hit')")
    page.keyboard.press("Escape")
    assert not page.locator("dialog.kb-search").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.matches('[data-kb-search-open]')")
    # Esc in the search field itself closes search too (not only clears the field).
    page.keyboard.press("Enter")
    search(page, "MK7")
    page.keyboard.press("Escape")
    assert not page.locator("dialog.kb-search").evaluate("d => d.open")


@pytest.mark.parametrize("query, spaced", [("维生素K2", "维生素 K2"), ("MK7", "MK-7"), ("mk 7", "MK-7")])
def test_run_together_queries_find_what_the_spaced_spelling_finds(page, base_url, query, spaced):
    open_search(page, base_url)
    found = search(page, query).evaluate_all("links => links.map(a => a.href)")
    expected = search(page, spaced).evaluate_all("links => links.map(a => a.href)")
    assert expected and expected[:3] == found[:3], (query, found, expected)


@pytest.mark.parametrize("path, query", [("", "术语"), ("en/", "glossary")])
def test_results_are_in_the_readers_language(page, base_url, path, query):
    open_search(page, base_url, path)
    hrefs = search(page, query).evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(("/en/" in href) == bool(path) for href in hrefs), hrefs


@pytest.mark.parametrize("path, query", [("", "吃华法林还能补K2吗"), ("en/", "is vitamin k2 safe with blood thinners")])
def test_open_search_with_results_has_no_serious_accessibility_violation(page, base_url, path, query):
    from axe_playwright_python.sync_playwright import Axe

    open_search(page, base_url, path)
    search(page, query)
    violations = Axe().run(page).response["violations"]
    serious = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []
