"""Turns a page body written with the site's markers into Markdown + HTML for MkDocs.

It walks the body with the same parser the checker uses (kb/markup.walk) and adds the
generated parts: the page's reference list, term page headers and "appears in" lists,
the glossary index, the bibliography and the verdict table.
"""
import html
import json
from collections import defaultdict

from kb import bibliography, citebox, claim_pages, markup
from kb.content import Page, Site
from kb.languages import relative_url
from kb.labels import label
from kb.normalise import normalise

E = html.escape


def term_url(term_id: str) -> str:
    return f"glossary/{term_id}/"


def anchors(site: Site, page: Page) -> set:
    """Every id a link may target on a page: written ones and generated ones."""
    ids = {h.id for h in page.parsed.headings if h.id} | {c.id for c in page.parsed.claims}
    keys = cited_keys(site, page)
    if keys:
        ids |= {"references"} | {f"ref-{key}" for key in keys}
    if page.front.get("reviewed"):
        ids |= {"cite", "cite-title"}
    if page.term_id:
        ids |= {page.term_id, "definition", "related", "appears-in", "note"}
    if any(name == "bibliography" for name, _ in page.parsed.directives):
        ids |= set(site.bibliography.entries)
    if any(name == "glossary-index" for name, _ in page.parsed.directives):
        ids |= {f"term-{term_id}" for term_id in site.terms}
    return ids


def cited_keys(site: Site, page: Page) -> list:
    """Keys in reference-list order: cited in the text, then a term's listed sources."""
    keys = list(page.parsed.cited_keys)
    if page.term_id and page.term_id in site.terms:
        keys += [k for k in site.terms[page.term_id].sources if k not in keys]
    return keys


class _Renderer(markup.Visitor):
    def __init__(self, site: Site, page: Page, site_url: str = "/"):
        self.site, self.page, self.lang, self.site_url = site, page, page.lang, site_url
        self.numbers = {key: n for n, key in enumerate(cited_keys(site, page), start=1)}

    def citation(self, keys, line, claim):
        links = []
        for key in keys:
            entry = self.site.bibliography.entries.get(key)
            preview = entry.preview(self.lang) if entry else key
            links.append(f'<a href="#ref-{E(key)}" title="{E(preview)}">{self.numbers.get(key, "?")}</a>')
        return f'<sup class="kb-cite" data-search-exclude>[{", ".join(links)}]</sup>'

    def term(self, term_id, text, line, claim):
        term = self.site.terms.get(term_id)
        if term is None:
            return None
        definition = definition_of(self.site, self.lang, term_id)
        href = relative_url(self.page.url, term_url(term_id))
        shown = text or term.name(self.lang)
        return f'<a class="kb-term" href="{E(href)}" title="{E(definition)}">{E(shown)}</a>'

    def claim_open(self, claim):
        return claim_pages.block_open(self.site, self.page, claim)

    def claim_close(self, claim, line):
        return claim_pages.block_close(self.site, self.page, claim, self.site_url)

    def directive(self, name, line):
        return {
            "verdicts": verdict_table,
            "glossary-index": glossary_index,
            "bibliography": bibliography_list,
            "claims-index": claim_pages.claims_index,
        }[name](self.site, self.page)


def definition_of(site: Site, lang: str, term_id: str) -> str:
    page = site.page(lang, f"glossary/{term_id}.md")
    return str(page.front.get("definition", "")).strip() if page else ""


def render_page(site: Site, page: Page, body: str | None = None, site_url: str = "/") -> str:
    """The Markdown MkDocs should render for this page."""
    body = page.body if body is None else body
    out = markup.walk(body, _Renderer(site, page, site_url), page.body_line)
    if page.term_id and page.term_id in site.terms:
        out = "\n\n".join([term_header(site, page), out, term_footer(site, page)])
    reviewed = str(page.front.get("reviewed", ""))
    parts = [out]
    if reviewed:
        out = _after_h1(out, citebox.reviewed_line(reviewed, page.lang))
        url = site_url.rstrip("/") + "/" + ("en/" if page.lang == "en" else "") + page.url
        parts = [out, citebox.cite_box(site.title(page.lang, page.path), url, reviewed, page.lang)]
    parts.append(reference_list(site, page))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def _after_h1(markdown: str, html_line: str) -> str:
    """Insert a line after the page's H1 (or at the top when it has none)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", html_line, ""] + lines[index + 1:])
    return html_line + "\n\n" + markdown


def reference_list(site: Site, page: Page) -> str:
    keys = cited_keys(site, page)
    if not keys:
        return ""
    bib_url = relative_url(page.url, "references/")
    items = []
    for key in keys:
        entry = site.bibliography.entries.get(key)
        if entry is None:
            continue
        items.append(
            f'<li id="ref-{E(key)}">{bibliography.reference_html(entry, page.lang)}'
            f' <a class="kb-ref__bib" href="{E(bib_url)}#{E(key)}">{label("in_bibliography", page.lang)}</a></li>'
        )
    # data-search-exclude keeps generated lists out of the search index (smaller, and
    # a search for a word finds the page that discusses it, not every page citing it).
    return (
        f'## {label("references", page.lang)} {{#references data-search-exclude}}\n\n'
        '<ol class="kb-references" data-search-exclude>\n' + "\n".join(items) + "\n</ol>"
    )


# --- Term pages ------------------------------------------------------------------------

def term_header(site: Site, page: Page) -> str:
    term = site.terms[page.term_id]
    lang = page.lang
    other = "en" if lang == "zh" else "zh"
    lines = [f"# {E(term.title(lang))} {{#{term.id}}}", ""]
    names = [f'<span class="kb-names__label">{label("other_name", lang)}</span> <span lang="{other}">{E(term.name(other))}</span>']
    if term.abbr:
        names.append(f'<span class="kb-names__label">{label("abbreviations", lang)}</span> {E(", ".join(term.abbr))}')
    aliases = term.aliases[lang] + [a for a in term.aliases[other] if a not in term.aliases[lang]]
    if aliases:
        names.append(f'<span class="kb-names__label">{label("also_called", lang)}</span> {E("; ".join(aliases))}')
    lines.append('<p class="kb-names">' + "<br>".join(names) + "</p>")
    lines.append("")
    lines.append(f'<p class="kb-definition" id="definition"><strong>{label("definition", lang)}</strong> {E(definition_of(site, lang, term.id))}</p>')
    return "\n".join(lines)


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


def term_footer(site: Site, page: Page) -> str:
    term = site.terms[page.term_id]
    lang = page.lang
    parts = []
    if term.note:
        parts.append(f'## {label("note", lang)} {{#note}}\n\n{E(term.note[lang])}')
    related = related_terms(site, term.id)
    if related:
        colon = "：" if lang == "zh" else ": "
        items = [
            f'- <a class="kb-term" href="{E(relative_url(page.url, term_url(r)))}" title="{E(definition_of(site, lang, r))}">'
            f'{E(site.terms[r].name(lang))}</a>{colon}{E(definition_of(site, lang, r))}'
            for r in related
        ]
        parts.append(f'## {label("related", lang)} {{#related data-search-exclude}}\n\n' + "\n".join(items))
    items = []
    for other, claims in appearances(site, lang, term.id):
        href = relative_url(page.url, other.url)
        title = site.title(lang, other.path)
        item = f'- <a href="{E(href)}">{E(title)}</a>'
        if claims:
            item += " · " + ", ".join(f'<a href="{E(href)}#{E(c)}">{label("claim", lang)} #{E(c)}</a>' for c in claims)
        items.append(item)
    body = "\n".join(items) if items else label("appears_nowhere", lang)
    parts.append(f'## {label("appears_in", lang)} {{#appears-in data-search-exclude}}\n\n{body}')
    return "\n\n".join(parts)


# --- Generated blocks ------------------------------------------------------------------

def verdict_table(site: Site, page: Page) -> str:
    lang = page.lang
    other = "en" if lang == "zh" else "zh"
    rows = [
        f'<tr><td><span class="kb-verdict kb-verdict--{E(key)}">{E(v[lang])}</span></td>'
        f'<td lang="{other}">{E(v[other])}</td><td>{E(v["meaning"][lang])}</td></tr>'
        for key, v in site.verdicts.items()
    ]
    head = f'<tr><th>{label("verdict", lang)}</th><th>{label("verdict_en", lang)}</th><th>{label("meaning", lang)}</th></tr>'
    return f'<table class="kb-verdicts">\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def _pinyin(text: str, **options) -> list:
    # Imported here: pypinyin's dictionaries take a third of the checker's start-up time,
    # and only the glossary index needs them.
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors="default", **options)


def pinyin_keys(text: str) -> list:
    """Full pinyin and initials of the Han characters: 骨钙素 -> gugaisu, ggs."""
    syllables = _pinyin(text)
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s and s.isascii() and s.isalpha() and len(s) > 0)
    return [full, initials]


def search_keys(site: Site, term_id: str) -> list:
    """Normalised strings the glossary filter matches a query against (kb/normalise.py)."""
    term = site.terms[term_id]
    raw = [term.names["zh"], term.names["en"], term.id, *term.abbr, *term.aliases["zh"], *term.aliases["en"]]
    for han in [term.names["zh"], *term.aliases["zh"]]:
        raw += pinyin_keys(han)
    keys = []
    for text in raw:
        key = normalise(text)
        if key and key not in keys:
            keys.append(key)
    return keys


def sorted_terms(site: Site, lang: str) -> list:
    if lang == "zh":
        return sorted(site.terms.values(), key=lambda t: (normalise("".join(_pinyin(t.names["zh"]))), t.id))
    return sorted(site.terms.values(), key=lambda t: (t.names["en"].lower(), t.id))


def glossary_index(site: Site, page: Page) -> str:
    lang = page.lang
    other = "en" if lang == "zh" else "zh"
    items = []
    for term in sorted_terms(site, lang):
        href = relative_url(page.url, term_url(term.id))
        abbr = f' <span class="kb-glossary__abbr">{E(", ".join(term.abbr))}</span>' if term.abbr else ""
        keys = json.dumps(search_keys(site, term.id), ensure_ascii=False)
        items.append(
            f'<li id="term-{E(term.id)}" data-kb-keys="{E(keys)}">'
            f'<a class="kb-glossary__name" href="{E(href)}">{E(term.name(lang))}</a>'
            f' <span class="kb-glossary__other" lang="{other}">{E(term.name(other))}</span>{abbr}'
            f'<span class="kb-glossary__def">{E(definition_of(site, lang, term.id))}</span></li>'
        )
    count = label("terms_count", lang, n=len(items))
    return (
        '<div class="kb-filter" data-kb-filter>\n'
        f'<label class="kb-filter__label" for="kb-filter-input">{label("filter_label", lang)}</label>\n'
        f'<input class="kb-filter__input" id="kb-filter-input" type="search" autocomplete="off" '
        f'placeholder="{E(label("filter_placeholder", lang))}">\n'
        f'<p class="kb-filter__status" role="status" aria-live="polite" data-total="{E(count)}" '
        f'data-none="{E(label("filter_none", lang))}">{E(count)}</p>\n'
        "</div>\n"
        # The list repeats the term pages' definitions: search should lead to those pages.
        '<ul class="kb-glossary" data-kb-glossary data-search-exclude>\n' + "\n".join(items) + "\n</ul>"
    )


def citing_pages(site: Site, lang: str) -> dict:
    """key -> [pages of a language that cite it], in site order."""
    found = defaultdict(list)
    for page in site.pages_in(lang):
        for key in cited_keys(site, page):
            found[key].append(page)
    return found


def bibliography_list(site: Site, page: Page) -> str:
    lang = page.lang
    citing = citing_pages(site, lang)

    def sort_key(entry):
        first = entry.authors[0] if entry.authors else entry.title
        return (bibliography._clean(first).lower(), entry.get("year"), entry.key)

    items = []
    for entry in sorted(site.bibliography.entries.values(), key=sort_key):
        pages = citing.get(entry.key, [])
        cited_by = ", ".join(
            f'<a href="{E(relative_url(page.url, p.url))}">{E(site.title(lang, p.path))}</a>' for p in pages
        )
        items.append(
            f'<li id="{E(entry.key)}"><p>{bibliography.reference_html(entry, lang)}</p>'
            f'<p class="kb-citedby" data-search-exclude><span class="kb-citedby__label">{label("cited_by", lang)}</span> {cited_by}'
            f' <code class="kb-key">{E(entry.key)}</code></p></li>'
        )
    # Out of the search index: the pages that discuss a study name it in their text.
    return '<ul class="kb-bibliography" data-search-exclude>\n' + "\n".join(items) + "\n</ul>"
