"""Interface words, one module per language (kb/model/labels/<code>.py, a dict WORDS).

A new language is one new module here plus its entry in kb/model/languages.py. Words the
browser needs before search is opened (BROWSER_KEYS) reach overrides/assets/kb.js as a JSON
block on every page; words shown only beside search results (SEARCH_RESULT_KEYS) travel in
the language's search.json, fetched when search is opened, so no page carries them.
"""
import datetime
import importlib

from kb.model.languages import LANGUAGES

WORDS = {lang.code: importlib.import_module(f"kb.model.labels.{lang.code.replace('-', '_').lower()}").WORDS for lang in LANGUAGES}
# Words kb.js and kb-search.js show before the index is there (the button, the dialog, and
# "loading" / "failed" while it is fetched); sent to the page as <script type="application/json"
# id="kb-labels">. The glossary filter's words travel on its status line
# (kb/render/html/glossary_index.html), the one page that has the filter.
BROWSER_KEYS = ("copy_link_here", "search", "search_placeholder", "search_close",
                "search_failed", "search_loading")
# Words shown with results, known only once the index has come: in search.json ("words").
# Every term page carried them, ~150 B gzipped of the first round trip (issue 27).
SEARCH_RESULT_KEYS = ("search_none", "search_not_covered", "search_closest", "search_suggest",
                      "search_suggest_title")


def label(name: str, lang: str, **values) -> str:
    return WORDS[lang][name].format(**values)


def browser_labels(lang: str) -> dict:
    return {name: WORDS[lang][name] for name in BROWSER_KEYS}


def search_result_labels(lang: str) -> dict:
    return {name: WORDS[lang][name] for name in SEARCH_RESULT_KEYS}


def review_date(iso: str, lang: str) -> str:
    """'2026-11-24' -> '2026年11月24日' / '24 November 2026', by the language's 'date' pattern."""
    day = datetime.date.fromisoformat(iso)
    return label("date", lang, year=day.year, month=day.month, day=day.day,
                 month_name=WORDS[lang].get("month_names", [""] * 13)[day.month])
