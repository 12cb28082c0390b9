"""Material's script stays out of the way of the first paint: kb/finish/deferred_scripts.py marks
it so that the browser does not fetch it while loading the page, and kb.js fetches and
starts it once the page has loaded. Its buttons working once it has started is what the
copy and colour-toggle tests check."""
import re

import pytest
from playwright.sync_api import expect

from helpers import open_page
from kb.finish.deferred_scripts import AFTER_PAINT

pytestmark = pytest.mark.browser

# Each DOMContentLoaded the document sees, in ms since the navigation began.
RECORD_READY_EVENTS = """
window.kbReadyEvents = [];
document.addEventListener("DOMContentLoaded", () => window.kbReadyEvents.push(performance.now()));
"""
TIMING = """type => {
  const src = document.querySelector(`script[type="${type}"]`).src;
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    fetches: performance.getEntriesByName(src).map(entry => entry.startTime),
    loaded: navigation.loadEventEnd,
    ready: window.kbReadyEvents,
  };
}"""


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", ["articles/mk4-vs-mk7-interview/", "glossary/osteocalcin/", "no-such-page/"])
def test_materials_script_is_fetched_and_started_after_the_page_has_loaded(page, base_url, lang, path):
    page.add_init_script(RECORD_READY_EVENTS)
    open_page(page, base_url + lang + path)
    timing = page.evaluate(TIMING, AFTER_PAINT)
    assert len(timing["fetches"]) == 1
    assert timing["fetches"][0] >= timing["loaded"]
    # The browser's own event, then the one kb.js sends once Material's script has run.
    assert len(timing["ready"]) == 2
    assert timing["ready"][1] >= timing["loaded"]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_header_shows_the_page_title_once_the_reader_scrolls_past_it(page, base_url, lang):
    """Material's page features (header title, contents, sidebars) wait for DOMContentLoaded,
    which kb.js sends again after starting Material: without it this never happens."""
    open_page(page, base_url + lang + "articles/mk4-vs-mk7-interview/")
    title = page.locator(".md-header__title")
    assert "md-header__title--active" not in title.get_attribute("class")
    page.mouse.wheel(0, 1500)
    expect(title).to_have_class(re.compile(r"\bmd-header__title--active\b"))
    assert page.locator(".md-header__topic:last-child").inner_text().strip() == page.locator("article h1").inner_text().strip()
