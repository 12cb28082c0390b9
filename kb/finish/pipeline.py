"""The finishing pass: one entry, run over one language's built directory.

MkDocs (with the theme) writes each page; this pass then makes the directory what is
published. In order:

1. the verdict stylesheet (data/verdicts.yaml), which pages link and inline;
2. every page the engine wrote (*.html, other languages' directories left out), finished
   one at a time by finish_page: its CSS inline (page_css.py), its scripts kept from the
   first paint (deferred_scripts.py), its first paint held until its first screen of text
   has been parsed (first_screen.py), what Material prints for features the page lacks
   left out (theme_trim.py), its indentation gone (compact_html.py), then its
   Content-Security-Policy (csp.py), which allows exactly the page's inline scripts and
   styles and so comes last;
3. the preview cards pages name in their head (preview_cards.py), and each claim's share
   image (share_image.py: the card with the QR code and the address);
4. the search index: titles, names, verdicts, questions and conclusions from the model,
   section text from the finished pages (search_index.py);
5. redirect pages for retired paths (redirect_pages.py), after the index so that search
   never lists them;
6. the Atom feed of claim changes (feed.py);
7. our scripts without their comments and spaces (minify.py).

The hook's on_post_build calls finish_language, so `mkdocs build`, `mkdocs serve` (make dev)
and kb-build (which runs one MkDocs build per language) all publish the same files. Nothing
here needs MkDocs: a test can run it over any built directory.
"""
from dataclasses import dataclass, field
from pathlib import Path

from kb.finish import (compact_html, csp, deferred_scripts, feed, first_screen, minify, page_css,
                       preview_cards, search_index, share_image, theme_trim)
from kb.finish.switches import DEFAULT as DEFAULT_SWITCHES, Switches
from kb.finish import redirect_pages
from kb.model import claims, kinds, languages, verdicts
from kb.model.labels import label
from kb.render import share
from kb.model.languages import Language

VERDICT_STYLESHEET = "assets/kb-verdicts.css"  # mkdocs.yml extra_css lists it


@dataclass(frozen=True)
class Target:
    """One language's build, as the finishing pass needs it."""
    site_dir: Path  # the language's built directory (site/ or site/en/)
    language: Language
    site_url: str  # the language's home address (its build's site_url)
    site_name: str  # this language's, for preview cards
    site_description: str
    our_scripts: tuple = ()  # extra_javascript paths: deferred, never held back
    switches: Switches = field(default_factory=lambda: DEFAULT_SWITCHES)

    @property
    def whole_site_url(self) -> str:
        return languages.site_root(self.site_url, self.language)

    @property
    def other_roots(self) -> list[str]:
        """Directories under this one that hold other languages' builds (the default
        language's directory holds them all)."""
        if self.language.prefix:
            return []
        return [lang.prefix for lang in languages.LANGUAGES if lang.prefix]


class FinishError(Exception):
    """Content the pass refuses (a redirect that would overwrite a page, a missing font)."""


def write_assets(site, target: Target) -> None:
    """Files pages link to that the build makes from data: written before any page is
    finished, since finishing inlines them."""
    stylesheet = Path(target.site_dir) / VERDICT_STYLESHEET
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_text(verdicts.stylesheet(site.verdicts), "utf-8")


def finish_page(html: str, page_url: str, target: Target) -> str:
    """One built page as it is published. page_url: its URL below the language's root
    ('articles/x/', '' for the home page, '404.html'), as MkDocs gives it."""
    def resolve(href):
        return page_css.site_file(Path(target.site_dir), target.site_url, page_url, href)
    if target.switches.inline_css:
        html = page_css.inline_page_css(html, resolve)
    if target.switches.scripts_after_paint:
        html = deferred_scripts.defer_scripts(html, target.our_scripts)
    else:
        html = deferred_scripts.defer_ours(html, target.our_scripts)
    if target.switches.first_screen_whole:
        html = first_screen.hold_first_paint(html)
    html = theme_trim.trim(html)
    return csp.with_policy(compact_html.compact(html))


def built_pages(target: Target) -> list[tuple[Path, str]]:
    """(file, page URL) of each page the engine wrote for this language, in path order."""
    root = Path(target.site_dir)
    skip = tuple(prefix.rstrip("/") + "/" for prefix in target.other_roots)
    pages = []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        if rel.startswith(skip):
            continue
        pages.append((file, rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return pages


def card_url(site, page, target: Target) -> str | None:
    """The address of a page's own preview card (what its head names), or None for a page
    that shows its language's default card."""
    if not kinds.of(page).own_card:
        return None
    return target.site_url.rstrip("/") + "/" + page.url + preview_cards.FILE_NAME


def publish_cards(site, target: Target, cache_dir: Path) -> None:
    """Each page's card (drawn once, then copied from cache_dir) next to its index.html,
    and the language's default card in assets/."""
    for page in site.pages_in(target.language.code):
        card, own = preview_cards.page_card(site, page, target.site_name, target.site_description, target.site_url)
        if own:
            folder, name = Path(target.site_dir) / page.url, preview_cards.FILE_NAME
        else:
            folder, name = Path(target.site_dir) / "assets", f"preview-{page.lang}.png"
        try:
            preview_cards.publish(cache_dir, folder, name, **card)
            if own and claims.is_claim_page(page):  # and its share image (kb/render/share.py links it)
                url = target.site_url.rstrip("/") + "/" + page.url
                preview_cards.publish(cache_dir, folder, share.IMAGE_FILE, share_image.cached_share_image,
                                      url=url, scan_hint=label("share_scan", page.lang), **card)
        except preview_cards.FontMissing as exc:
            raise FinishError(str(exc)) from exc


def finish_language(site, target: Target, cache_dir: Path | None = None) -> None:
    """Make one language's built directory what is published (see the module doc).
    site: the content model (kb/model/content.py); cache_dir: where drawn cards are kept
    (default <repository>/.cache/cards)."""
    write_assets(site, target)
    for file, url in built_pages(target):
        file.write_text(finish_page(file.read_text("utf-8"), url, target), "utf-8")
    publish_cards(site, target, Path(cache_dir or Path(site.root) / ".cache" / "cards"))
    search_index.build_language_index(site, target.language.code, Path(target.site_dir), target.other_roots)
    try:
        redirect_pages.publish(site, Path(target.site_dir), target.whole_site_url, target.language)
    except ValueError as exc:
        raise FinishError(str(exc)) from exc
    feed.write_feed(site, Path(target.site_dir), target.whole_site_url, target.language.code)
    minify.minify_scripts(Path(target.site_dir), (*target.our_scripts, search_index.BROWSER_FILES["ranking"]))
