"""Generated blocks that a page asks for with a directive line: `::: verdicts`,
`::: glossary-index`, `::: bibliography`, `::: dose-ladder` (kb/model/markup.py DIRECTIVES);
`::: studies <ids or tags>` is kb/render/study_table.py."""
import json
from collections import defaultdict

from markupsafe import Markup

from kb.model import extracts
from kb.render import changes, claim_pages, dose_ladder
from kb.model.bibliography import clean
from kb.model.content import Page, Site
from kb.model.languages import BY_CODE, CODES, LANGUAGES, others, relative_url
from kb.model.labels import label
from kb.model.normalise import normalise
from kb.render.citations import cited_keys, reference_html
from kb.render.templates import render
from kb.render.terms import definition_of, term_url


def verdict_table(site: Site, page: Page, ids_only: bool = False) -> str:
    return render("verdict_table.html", page.lang, verdicts=site.verdicts, others=others(page.lang))


def _pinyin(text: str) -> list:
    # Imported here: pypinyin's dictionaries take a third of the checker's start-up time,
    # and only the glossary index needs them.
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors="default")


def pinyin_keys(text: str) -> list:
    """Full pinyin and initials of the Han characters: 骨钙素 -> gugaisu, ggs."""
    syllables = _pinyin(text)
    initials = "".join(s[0] for s in syllables if s and s.isascii() and s.isalpha())
    return ["".join(syllables), initials]


def search_keys(site: Site, term_id: str) -> list:
    """Normalised strings the glossary filter matches a query against (kb/model/normalise.py)."""
    term = site.terms[term_id]
    raw = [*(term.names[c] for c in CODES), term.id, *term.abbr, *(a for c in CODES for a in term.aliases[c])]
    for lang in LANGUAGES:
        if lang.collation == "pinyin":
            raw += [key for han in [term.names[lang.code], *term.aliases[lang.code]] for key in pinyin_keys(han)]
    return list(dict.fromkeys(key for key in map(normalise, raw) if key))


def sorted_terms(site: Site, lang: str) -> list:
    if BY_CODE[lang].collation == "pinyin":
        return sorted(site.terms.values(), key=lambda t: (normalise("".join(_pinyin(t.names[lang]))), t.id))
    return sorted(site.terms.values(), key=lambda t: (t.names[lang].lower(), t.id))


def glossary_index(site: Site, page: Page, ids_only: bool = False) -> str:
    """The filterable list of all terms. ids_only: the same markup without the order and
    search keys, which need pinyin (slow to load) and give no ids."""
    lang = page.lang
    items = [
        {
            "term": term,
            "href": relative_url(page.url, term_url(term.id)),
            "search_keys": "[]" if ids_only else json.dumps(search_keys(site, term.id), ensure_ascii=False),
            "definition": definition_of(site, lang, term.id),
        }
        for term in (site.terms.values() if ids_only else sorted_terms(site, lang))
    ]
    count = label("terms_count", lang, n=len(items))
    return render("glossary_index.html", lang, items=items, count=count, others=others(lang))


def citing_pages(site: Site, lang: str) -> dict:
    """key -> [pages of a language that cite it], in site order."""
    found = defaultdict(list)
    for page in site.pages_in(lang):
        for key in cited_keys(site, page):
            found[key].append(page)
    return found


def bibliography_list(site: Site, page: Page, ids_only: bool = False) -> str:
    lang = page.lang
    citing = citing_pages(site, lang)

    def sort_key(entry):
        first = entry.authors[0] if entry.authors else entry.title
        return (clean(first).lower(), entry.get("year"), entry.key)

    items = [
        {
            "entry": entry,
            "reference": reference_html(entry, lang),
            "extracts": Markup(extracts.extracts_html(site, entry.key, lang)),
            "pages": [
                {"href": relative_url(page.url, p.url), "title": site.title(lang, p.path)}
                for p in citing.get(entry.key, [])
            ],
        }
        for entry in sorted(site.bibliography.entries.values(), key=sort_key)
    ]
    return render("bibliography.html", lang, items=items)


def changes_list(site: Site, page: Page, ids_only: bool = False) -> str:
    return changes.changes_list(site, page)


def claims_index(site: Site, page: Page, ids_only: bool = False) -> str:
    return claim_pages.claims_index(site, page)


BLOCKS = {
    "verdicts": verdict_table, "glossary-index": glossary_index, "bibliography": bibliography_list,
    "changes": changes_list, "claims-index": claims_index, "dose-ladder": dose_ladder.dose_ladder,
}
