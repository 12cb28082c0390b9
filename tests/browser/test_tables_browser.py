"""Tables on a 390 px phone (issue 26, the vitamin K basics page): every table fits the
screen as Material wraps it, so no column is hidden behind a sideways scroll, and the page
itself does not scroll sideways."""
import pytest

from helpers import open_page

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
BASICS = "articles/vitamin-k-basics/"

TABLE_WIDTHS = """() => [...document.querySelectorAll('article table')].map(table => {
  const wrap = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  return {wrapped: Boolean(table.closest('.md-typeset__scrollwrap')),
          table: Math.ceil(table.getBoundingClientRect().width), visible: wrap.clientWidth,
          scroll: wrap.scrollWidth};
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_every_table_fits_a_phone_screen(page, base_url, lang):
    open_page(page, base_url + LANGS[lang] + BASICS)
    tables = page.evaluate(TABLE_WIDTHS)
    assert len(tables) == 3
    for table in tables:
        assert table["wrapped"], "Material did not wrap the table"
        assert table["scroll"] <= table["visible"], f"a table scrolls sideways: {table}"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
