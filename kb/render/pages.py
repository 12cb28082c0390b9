"""Page assembly: walks a page body with the checker's parser (kb/markup.walk), replaces
the site's markers, and adds the generated parts: term page header and footer, the
reviewed line, the cite box and the reference list. Also reports the ids it emits, which
are the anchors the checker accepts (kb/checks/check.py)."""
from dataclasses import dataclass

from kb.model import claims, markup
from kb.render import claim_pages, study_table, typography
from kb.model.content import Page, Site
from kb.model.labels import review_date
from kb.model.languages import BY_CODE, absolute, url_in
from kb.render.blocks import BLOCKS
from kb.render.citations import citation, numbers, reference_list
from kb.render.templates import emitted_ids, render
from kb.render.terms import term_footer, term_header, term_link


@dataclass
class Rendered:
    markdown: str
    ids: set  # every id the page will have: written headings, claims, generated parts


class _Renderer(markup.Visitor):
    def __init__(self, site: Site, page: Page, ids_only: bool, site_url: str = "/", repository: str = ""):
        self.site, self.page, self.ids_only = site, page, ids_only
        self.site_url, self.repository = site_url, repository
        self.numbers = numbers(site, page)
        self.ids = set()

    def emit(self, fragment: str) -> str:
        self.ids |= emitted_ids(fragment)
        return fragment

    def heading(self, heading):
        if heading.id:
            self.ids.add(heading.id)

    # Citations and term links give no ids: skipped when only the ids are wanted
    # (tests/test_rendering.py checks the ids against a full build).
    def citation(self, keys, line, claim):
        return None if self.ids_only else self.emit(citation(self.site, self.page, keys, self.numbers))

    def term(self, term_id, text, line, claim):
        return None if self.ids_only else term_link(self.site, self.page, term_id, text)

    def claim_open(self, claim):
        return self.emit(claim_pages.block_open(self.site, self.page, claim))

    def claim_close(self, claim, line):
        return self.emit(claim_pages.block_close(self.site, self.page, claim, self.site_url, self.repository))

    def directive(self, name, line, args=()):
        if name == "studies":
            return self.emit(study_table.studies_block(self.site, self.page, args, self.numbers, self.ids_only))
        return self.emit(BLOCKS[name](self.site, self.page, ids_only=self.ids_only))


def render_page_parts(site: Site, page: Page, body: str | None = None, site_url: str = "/",
                      ids_only: bool = False, repository: str = "") -> Rendered:
    """The page's Markdown and ids; with ids_only, the Markdown skips what gives no ids."""
    if claims.is_claim_page(page) and claims.find(site, page.lang, claims.claim_id_of(page))[1]:
        page, body = claim_pages.expand(site, page, site_url, ids_only)  # a one-line stub: built from its claim
    renderer = _Renderer(site, page, ids_only, site_url, repository)
    body = page.body if body is None else body
    out = typography.glue_citations(markup.walk(body, renderer, page.body_line))
    if page.term_id and page.term_id in site.terms:
        out = "\n\n".join([renderer.emit(term_header(site, page)), out, renderer.emit(term_footer(site, page))])
    parts = [out]
    reviewed = str(page.front.get("reviewed", ""))
    if reviewed:
        date = review_date(reviewed, page.lang)
        out = after_h1(out, render("reviewed_line.html", page.lang, iso=reviewed, date=date))
        url = absolute(site_url, url_in(BY_CODE[page.lang], page.url))
        parts = [out, renderer.emit(cite_box(site.title(page.lang, page.path), url, reviewed, page.lang))]
    parts.append(renderer.emit(reference_list(site, page)))
    return Rendered("\n\n".join(p for p in parts if p.strip()) + "\n", renderer.ids)


def render_page(site: Site, page: Page, body: str | None = None, site_url: str = "/", repository: str = "") -> str:
    """The Markdown MkDocs should render for this page."""
    return render_page_parts(site, page, body, site_url, repository=repository).markdown


def cite_box(title: str, url: str, iso: str, lang: str) -> str:
    """The page's title, permanent URL and review date, with copy buttons: the same three
    forms as a claim's (kb/model/claims.py cite_forms), so the bare URL ends with a space too."""
    return render("cite_box.html", lang, title=title, url=url, iso=iso, date=review_date(iso, lang), forms=claims.cite_forms(title, url))


def after_h1(markdown: str, html_line: str) -> str:
    """Insert a line after the page's H1 (or at the top when it has none)."""
    html_line = str(html_line)  # plain text from here: Markup + str would escape the page
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", html_line, ""] + lines[index + 1:])
    return html_line + "\n\n" + markdown
