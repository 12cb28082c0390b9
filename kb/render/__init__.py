"""Rendering of page bodies written with the site's markers, split by concern:
citations.py (citations, reference lists), terms.py (term links, term pages), blocks.py
(verdict table, glossary index, bibliography), pages.py (page assembly, cite box),
templates.py (the Jinja2 templates in kb/render/html/)."""
from kb.model.content import Page, Site
from kb.render.pages import Rendered, render_page, render_page_parts

__all__ = ["Rendered", "anchors", "render_page", "render_page_parts"]


def anchors(site: Site, page: Page) -> set:
    """Every id a link may target on a page: exactly the ids the renderer emits."""
    return render_page_parts(site, page, ids_only=True).ids
