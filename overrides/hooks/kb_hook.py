"""MkDocs adapter: hands each build event to the plain functions in kb/.

Nothing here decides anything; it only connects MkDocs events to kb/ functions and turns
their complaints into build errors.
"""
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kb import check, content, languages, redirects, render, search_index  # noqa: E402
from kb import claim_pages, claims, preview_cards, structured_data  # noqa: E402

_site = None  # the content model of the current build (kb/content.py)


def _i18n_inner_build(config) -> bool:
    """True while static-i18n rebuilds a non-default language inside the main build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def on_config(config):
    # Material's search quietly skips Chinese segmentation when jieba is missing; refuse.
    try:
        import jieba
    except ImportError as exc:
        raise PluginError(
            "jieba is not importable, so Chinese search would not be segmented; "
            "install requirements.txt"
        ) from exc
    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not build output
    return config


def on_pre_build(config):
    """Load the content model and refuse to build content the checker rejects."""
    global _site
    if _i18n_inner_build(config):
        return  # the default-language build of this run loaded and checked the content
    _site = content.load_site(Path(config.config_file_path).parent)
    problems = check.check_site(_site)
    if problems:
        listing = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"content check failed with {len(problems)} problem(s):\n{listing}")


def _source_of(page):
    """(language code, language-neutral path) of a page's Markdown source."""
    lang, _, path = page.file.src_uri.partition("/")
    return lang, path


def on_page_markdown(markdown, page, config, files):
    lang, path = _source_of(page)
    model = _site.page(lang, path)
    if model is None:
        raise PluginError(f"{page.file.src_uri}: page missing from the content model")
    if model.term_id:
        # A term's one-sentence definition is its description (meta tags, previews).
        page.meta["description"] = model.front.get("definition", "")
        # Material's search boosts the "tags" field far above text (without the tags
        # plugin, tags are not displayed): a term's names put its page first.
        page.meta["tags"] = _site.terms[model.term_id].search_names()
    if claims.is_claim_page(model):  # a one-line stub: the page is built from its claim
        model, markdown = claim_pages.expand(_site, model, config.site_url)
        page.meta["description"] = model.front["description"]
    return (render.render_page(_site, model, markdown, config.site_url)
            + structured_data.json_ld(_site, model, config.site_url, config.site_name))


def _language_context(lang, alternates):
    return {
        "kb_lang": lang,
        "kb_other_languages": [other for other in languages.LANGUAGES if other != lang],
        "kb_alternates": alternates,
    }


def on_template_context(context, template_name, config):
    # Pages without a Markdown source (404.html): the language being built, no alternates.
    i18n = config.plugins.get("i18n")
    code = i18n.current_language if i18n else languages.DEFAULT.code
    context.update(_language_context(languages.BY_CODE[code], []))
    return context


@event_priority(-100)  # after static-i18n (50) has set its language-switcher links
def on_page_context(context, page, config, nav):
    lang, path = languages.split_url(page.url)
    context.update(_language_context(lang, languages.alternates(config.site_url, page.url)))
    context.update(kb_title=_site.title(*_source_of(page)), kb_card=_preview_card(page, config))
    # The language switcher: the same page in each language, as a site-relative URL that
    # the theme makes page-relative (static-i18n links the home pages to "/", which breaks
    # when the site is served from a sub-path such as a GitHub project page).
    for item in config.extra.alternate or []:  # attribute: static-i18n replaces it per page
        item["link"] = languages.url_in(languages.BY_CODE[item["lang"]], path) or "./"
    return context


def _preview_card(page, config):
    """Put the page's preview card into the site (drawn once, then from .cache/cards/);
    return its URL, or None for pages that show their language's default card."""
    model = _site.page(*_source_of(page))
    card, own = preview_cards.page_card(_site, model, config.site_name, config.site_description)
    if own:
        target, name = Path(config.site_dir) / Path(page.file.dest_uri).parent, preview_cards.FILE_NAME
    else:
        target, name = Path(config.site_dir) / "assets", f"preview-{model.lang}.png"
    try:
        preview_cards.publish(Path(config.config_file_path).parent / ".cache" / "cards", target, name, **card)
    except preview_cards.FontMissing as exc:
        raise PluginError(str(exc)) from exc
    return page.canonical_url + name if own else None


@event_priority(-200)  # after static-i18n (-100) has built every language and merged search
def on_post_build(config):
    if _i18n_inner_build(config):
        return
    try:
        search_index.split_site_index(Path(config.site_dir))
    except search_index.SegmentationError as exc:
        raise PluginError(str(exc)) from exc
    # Old paths of data/redirects.yaml (validated by check_site in on_pre_build), in every language.
    try:
        redirects.publish(_site, Path(config.site_dir), config.site_url)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
