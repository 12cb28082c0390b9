"""Tables on a 390 px phone (issue 26): every table in a page's text, on every page that has
one, fits the screen as Material wraps it, so no column is hidden behind a sideways scroll,
and the page itself does not scroll sideways."""
import pytest

from helpers import open_page

pytestmark = pytest.mark.browser

TABLE_WIDTHS = """() => [...document.querySelectorAll('article table')].map(table => {
  const wrap = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  // Material wraps Markdown tables (no class); generated tables (kb-verdicts) are styled by kb.css.
  return {wrapped: Boolean(table.closest('.md-typeset__scrollwrap')) || table.classList.length > 0,
          visible: wrap.clientWidth, scroll: wrap.scrollWidth,
          first: table.querySelector('th, td').textContent.trim()};
})"""


def pages_with_tables(site):
    for file in sorted(site.rglob("index.html")):
        if "<table" in file.read_text("utf-8"):
            yield file.parent.relative_to(site).as_posix()


def test_every_table_fits_a_phone_screen(page, base_url, site):
    paths = list(pages_with_tables(site))
    assert "articles/vitamin-k-basics" in paths and "en/articles/vitamin-k-basics" in paths
    for path in paths:
        open_page(page, f"{base_url}{path}/")
        for table in page.evaluate(TABLE_WIDTHS):
            assert table["wrapped"], f"{path}: Material did not wrap the table {table['first']!r}"
            assert table["scroll"] <= table["visible"], f"{path}: a table scrolls sideways: {table}"
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
