"""Term links ([[term-id]]) and the generated parts of a term page: names and definition
above the author's text; note, related terms and "appears in" below it."""
from collections import defaultdict

from kb.render import typography
from kb.model import claims as claim_units, kinds
from kb.model.content import Page, Site
from kb.model.languages import others, relative_url
from kb.render.templates import render


def term_url(term_id: str) -> str:
    return f"{kinds.GLOSSARY_DIR}{term_id}/"


def definition_of(site: Site, lang: str, term_id: str) -> str:
    page = site.page(lang, f"{kinds.GLOSSARY_DIR}{term_id}.md")
    return str(page.front.get("definition", "")).strip() if page else ""


def term_link(site: Site, page: Page, term_id: str, text: str | None) -> str | None:
    term = site.terms.get(term_id)
    if term is None:
        return None
    return render(
        "term_link.html", page.lang,
        href=relative_url(page.url, term_url(term_id)),
        definition=definition_of(site, page.lang, term_id),
        text=text or term.name(page.lang),
    )


def shown_aliases(term, lang: str) -> list[str]:
    """A term's other names as its page lists them: the page's language first, Chinese ones
    spaced as the site writes Chinese. An alias that differs from the term's name, an
    abbreviation or an earlier alias only in spacing (维生素K2 beside 维生素 K2) is a way
    of typing the name, kept for search and the glossary filter, not another name."""
    shown, seen = [], {_unspaced(n) for n in [term.name(lang), *(term.name(o.code) for o in others(lang)), *term.abbr]}
    for code in [lang, *(o.code for o in others(lang))]:
        for alias in term.aliases[code]:
            alias = typography.corrected(alias) if code in typography.LINTED_LANGS else alias
            if _unspaced(alias) not in seen:
                seen.add(_unspaced(alias))
                shown.append(alias)
    return shown


def _unspaced(text: str) -> str:
    return "".join(text.split()).casefold()


def term_header(site: Site, page: Page) -> str:
    term, lang = site.terms[page.term_id], page.lang
    aliases = shown_aliases(term, lang)
    return render(
        "term_header.md", lang, term=term, others=others(lang), aliases=aliases,
        definition=definition_of(site, lang, term.id),
    )


def related_terms(site: Site, term_id: str) -> list:
    """Related ids in both directions: listing a relation on one side is enough."""
    related = list(site.terms[term_id].related)
    for other in site.terms.values():
        if term_id in other.related and other.id not in related and other.id != term_id:
            related.append(other.id)
    return [r for r in related if r in site.terms]


def appearances(site: Site, lang: str, term_id: str) -> list:
    """(page, [claim ids]) for every page of a language that links the term."""
    found = defaultdict(list)
    for page in site.pages_in(lang):
        if page.term_id == term_id:
            continue
        for ref in page.parsed.terms:
            if ref.id == term_id:
                claims = found[page.path]
                if ref.claim and ref.claim not in claims:
                    claims.append(ref.claim)
    return [(site.page(lang, path), claims) for path, claims in sorted(found.items())]


def _claim_text(site: Site, lang: str, claim_id: str) -> str:
    """A claim as a reader knows it: its verdict and title ('【不准确】骨钙素“形成”…？')."""
    _, claim = claim_units.find(site, lang, claim_id)
    return claim_units.link_text(site, claim_id, claim.verdict, lang) if claim else claim_id


def term_footer(site: Site, page: Page) -> str:
    term, lang = site.terms[page.term_id], page.lang
    related = [
        {
            "href": relative_url(page.url, term_url(r)),
            "name": site.terms[r].name(lang),
            "definition": definition_of(site, lang, r),
        }
        for r in related_terms(site, term.id)
    ]
    found = [
        {
            "href": relative_url(page.url, other.url),
            "title": site.title(lang, other.path),
            "claims": [{"id": claim, "text": _claim_text(site, lang, claim)} for claim in claims],
        }
        for other, claims in appearances(site, lang, term.id)
    ]
    note = term.note[lang] if term.note else ""
    return render("term_footer.md", lang, note=note, related=related, appearances=found)
