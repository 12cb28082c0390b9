"""Citations and reference lists: [@key] -> a numbered link to the page's reference list."""
from functools import lru_cache

from kb.model import bibliography, source_status
from kb.model.bibliography import Entry
from kb.model.content import Page, Site
from kb.model.labels import label
from kb.model.languages import relative_url
from kb.render.templates import render


def cited_keys(site: Site, page: Page) -> list:
    """Keys in reference-list order: cited in the text, then a term's listed sources."""
    keys = list(page.parsed.cited_keys)
    if page.term_id and page.term_id in site.terms:
        keys += [k for k in site.terms[page.term_id].sources if k not in keys]
    return keys


def numbers(site: Site, page: Page) -> dict:
    """key -> its number in the page's reference list (from 1)."""
    return {key: n for n, key in enumerate(cited_keys(site, page), start=1)}


def citation(site: Site, page: Page, keys: list, numbered: dict) -> str:
    cites = []
    for key in keys:
        entry = site.bibliography.entries.get(key)
        cites.append({"key": key, "number": numbered.get(key, "?"), "preview": entry.preview(page.lang) if entry else key})
    return render("citation.html", page.lang, cites=cites)


# Every page that cites an entry shows the same reference: render it once per language
# (bounded: `make dev` reloads the bibliography, as new entries, on every rebuild).
@lru_cache(maxsize=1024)
def reference_html(entry: Entry, lang: str) -> str:
    """The full reference of an entry as inline HTML."""
    authors = [bibliography.display_name(a) for a in entry.authors]
    if authors and authors[-1].lower() == "others":  # BibTeX's "and others"
        authors[-1] = label("et_al", lang)
    return render("reference.html", lang, entry=entry, authors=authors, links=bibliography.links(entry),
                  status=source_status.status_text(entry, lang))


def reference_list(site: Site, page: Page) -> str:
    """The '## References' section of a page: every cited entry, numbered as cited."""
    keys = cited_keys(site, page)
    if not keys:
        return ""
    entries = site.bibliography.entries
    items = [{"key": key, "reference": reference_html(entries[key], page.lang)} for key in keys if key in entries]
    bib_url = relative_url(page.url, "references/")
    return render("reference_list.md", page.lang, items=items, bib_url=bib_url)
