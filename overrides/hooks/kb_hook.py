"""MkDocs adapter: hands each build event to the plain functions in kb/.

Nothing here decides anything; it only connects MkDocs events to kb/ functions and turns
their complaints into build errors. Each language is its own build (mkdocs.yml,
mkdocs.en.yml; static-i18n's documented build_only_locale), run in turn by kb-build.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# kb is installed with the project (pip install -e ., in the Makefile's set-up).
from kb import render
from kb.checks import check
from kb.finish import compact_html, csp, deferred_scripts, feed, lazy_layout, page_css, preview_cards, search_index
from kb.model import claims, content, labels, languages, redirects, verdicts
from kb.render import changes, structured_data
from kb.model.labels import label

_site = None  # the content model of the current build (kb/model/content.py)
_lang = None  # the language of the current build (kb/model/languages.py)


def _build_language(config) -> languages.Language:
    """The one language this build makes: static-i18n's build_only_locale option."""
    i18n = config.plugins.get("i18n")
    code = i18n.config.build_only_locale if i18n else None
    if code not in languages.BY_CODE:
        raise PluginError(f"set plugins.i18n.build_only_locale to one of {sorted(languages.BY_CODE)}")
    return languages.BY_CODE[code]


def on_config(config):
    global _lang
    _lang = _build_language(config)
    return config


def on_pre_build(config):
    """Load the content model; the default language's build, which every full build runs
    first (kb-build stops at a failed build), refuses content the checker rejects. The
    check covers all languages, so the other builds do not repeat it."""
    global _site
    _site = content.load_site(Path(config.config_file_path).parent)
    if _lang != languages.DEFAULT:
        return
    problems, hint = check.check_all(_site)  # manifest drift included, as in kb-check
    if problems:
        listing = "\n".join(str(problem) for problem in problems + ([hint] if hint else []))
        raise PluginError(f"content check failed with {len(problems)} problem(s):\n{listing}")


def _site_root(config) -> str:
    return languages.site_root(config.site_url, _lang)


def on_page_markdown(markdown, page, config, files):
    model = _site.page(*_source_of(page))
    if model is None:
        raise PluginError(f"{page.file.src_uri}: page missing from the content model")
    if model.term_id:
        # A term's one-sentence definition is its description (meta tags, previews).
        page.meta["description"] = model.front.get("definition", "")
    if claims.is_claim_page(model):  # front matter taken from its claim (kb/model/claims.py attach)
        page.meta["description"] = model.front.get("description", "")
        markdown = None  # the renderer builds the page from the claim
    root = _site_root(config)
    return (render.render_page(_site, model, markdown, root, config.extra.get("repository", ""))
            + structured_data.json_ld(_site, model, root, config.site_name))


def _source_of(page):
    """(language code, language-neutral path) of a page's Markdown source: docs/<lang>/<path>."""
    lang, _, path = page.file.src_uri.partition("/")
    return lang, path


def on_template_context(context, template_name, config):
    """Every template (pages, 404.html, sitemap.xml): the build's language; the sitemap
    also gets each page's hreflang alternates."""
    context["kb_lang"] = _lang
    context["kb_other_languages"] = [lang for lang in languages.LANGUAGES if lang != _lang]
    context["kb_label"] = lambda name, **values: label(name, _lang.code, **values)
    context["kb_labels"] = labels.browser_labels(_lang.code)  # words kb.js shows
    context["kb_search_files"] = search_index.BROWSER_FILES
    if template_name == "sitemap.xml":
        root = _site_root(config)
        context["kb_sitemap"] = [
            {"loc": file.page.canonical_url,
             "alternates": languages.alternates(root, languages.url_in(_lang, file.page.url))}
            for file in context["pages"] if file.page and file.page.canonical_url
        ]
    return context


def on_page_context(context, page, config, nav):
    context = on_template_context(context, "main.html", config)
    if changes.announces_feed(page.url):  # overrides/main.html links it
        context["kb_feed"] = {"title": label("feed_title", _lang.code)}
    context.update(kb_title=_site.title(*_source_of(page)), kb_card=_preview_card(page, config),
                   kb_lazy_layout=lazy_layout.is_long(page.content))
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


def on_env(env, config, files):
    # Verdict colours come from data/verdicts.yaml (mkdocs.yml lists this stylesheet). Written
    # once the site directory is clean and before any page: pages inline their CSS from it.
    stylesheet = Path(config.site_dir) / "assets" / "kb-verdicts.css"
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_text(verdicts.stylesheet(_site.verdicts), "utf-8")
    # `tojson` (Jinja's documented policy) writes Chinese as itself, not as \uXXXX escapes:
    # a page's JSON blocks (Material's configuration, our labels) shrink by ~100 bytes
    # gzipped, which keeps a term page within the first round trip (BENCHMARK.md).
    # Jinja still escapes < > & ' in them. No spaces after separators: ~10 bytes fewer.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def _finish_html(html, page_url, config):
    """The page's own CSS inline (kb/finish/page_css.py), its scripts kept from the first paint
    (kb/finish/deferred_scripts.py), its indentation gone (kb/finish/compact_html.py), then its
    Content-Security-Policy, which allows exactly the page's inline scripts and styles."""
    def resolve(href):
        return page_css.site_file(Path(config.site_dir), config.site_url, page_url, href)
    ours = [getattr(script, "path", script) for script in config.extra_javascript]
    html = deferred_scripts.defer_scripts(page_css.inline_page_css(html, resolve), ours)
    return csp.with_policy(compact_html.compact(html))


def on_post_page(output, page, config):
    return _finish_html(output, page.url, config)


def on_post_template(output_content, template_name, config):
    return _finish_html(output_content, template_name, config) if template_name.endswith(".html") else output_content


@event_priority(-200)  # after static-i18n (-100)
def on_post_build(config):
    # This language's search index, from its pages (before the redirect stubs are written);
    # the default language's root also holds the other languages' roots, which it skips.
    others = [lang.prefix for lang in languages.LANGUAGES if lang.prefix and lang != _lang]
    search_index.build_language_index(Path(config.site_dir), others if not _lang.prefix else [])
    # Old paths of data/redirects.yaml (validated by the content check) in this language.
    try:
        redirects.publish(_site, Path(config.site_dir), _site_root(config), _lang)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
    feed.write_feed(_site, Path(config.site_dir), _site_root(config), _lang.code)  # this language's claim changes
