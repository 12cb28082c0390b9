"""The "vitamin K basics" page (issue 26): in both languages, with its three tables (food,
US and European adequate intakes), each under its heading, with units in the header row and
the same numbers in both languages. NUM002 compares whole paragraphs of the Markdown; this
checks what the reader sees, table by table, in the built pages."""
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from kb.checks.numbers import numbers_in

PAGES = {"zh": "articles/vitamin-k-basics/index.html", "en": "en/articles/vitamin-k-basics/index.html"}
TABLES = ["food-table", "iom-intake-table", "efsa-intake-table"]


def tables_by_heading(site, lang):
    soup = BeautifulSoup((site / PAGES[lang]).read_text("utf-8"), "html.parser")
    found = {}
    for table in soup.select("article table"):
        heading = table.find_previous(["h2", "h3"])
        found[heading.get("id")] = table
    return found


@pytest.mark.parametrize("lang", PAGES)
def test_each_table_stands_under_its_heading_with_units_in_the_header(site, lang):
    tables = tables_by_heading(site, lang)
    assert list(tables) == TABLES
    for anchor, table in tables.items():
        header = table.find("thead").get_text(" ", strip=True)
        assert "µg" in header, f"{lang} {anchor}: no unit in the header row: {header}"
        assert len(table.select("tbody tr")) >= 7, f"{lang} {anchor}: rows missing"


def cell_numbers(table):
    return Counter(str(number) for cell in table.select("td") for _, number in numbers_in(cell.get_text(" ", strip=True)))


@pytest.mark.parametrize("anchor", TABLES)
def test_both_languages_show_the_same_numbers_in_each_table(site, anchor):
    zh, en = (cell_numbers(tables_by_heading(site, lang)[anchor]) for lang in PAGES)
    assert zh and zh == en, f"{anchor}: only zh {zh - en}, only en {en - zh}"


def test_food_table_names_the_form_of_vitamin_k_on_every_row(site):
    for lang in PAGES:
        rows = tables_by_heading(site, lang)["food-table"].select("tbody tr")
        forms = {row.find_all("td")[-1].get_text(strip=True) for row in rows}
        assert forms == {"K1", "MK-4", "MK-7"}, lang
