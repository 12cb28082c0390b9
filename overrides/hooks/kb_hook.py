"""MkDocs adapter: content in, rendered HTML out, then the finishing pass.

Nothing here decides anything; it only connects MkDocs events to kb/ functions and turns
their complaints into build errors. Each language is its own build (mkdocs.yml,
mkdocs.en.yml; static-i18n's documented build_only_locale), run in turn by kb-build.
What is done to the built pages (inline CSS, deferred scripts, compaction, the policy,
cards, the search index, redirects, the feed) is kb/finish/pipeline.py, run once the
language is built (on_post_build), so `mkdocs serve` publishes the same files.
"""
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# kb is installed with the project (pip install -e ., in the Makefile's set-up).
from kb import render
from kb.checks import check
from kb.finish import lazy_layout, pipeline, search_index, switches
from kb.model import claims, content, kinds, labels, languages
from kb.model.labels import label
from kb.render import changes, structured_data


@dataclass
class _Build:
    """What one build knows beyond MkDocs' config: set by on_config and on_pre_build."""
    lang: languages.Language
    switches: switches.Switches
    site: content.Site | None = None  # the content model (kb/model/content.py)


_build: _Build | None = None  # MkDocs hooks are modules: one build at a time


def _build_language(config) -> languages.Language:
    """The one language this build makes: static-i18n's build_only_locale option."""
    i18n = config.plugins.get("i18n")
    code = i18n.config.build_only_locale if i18n else None
    if code not in languages.BY_CODE:
        raise PluginError(f"set plugins.i18n.build_only_locale to one of {sorted(languages.BY_CODE)}")
    return languages.BY_CODE[code]


def on_config(config):
    global _build
    try:
        _build = _Build(_build_language(config), switches.from_extra(config.extra))
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
    # Which pages stay out of the navigation is a property of their kind (kb/model/kinds.py);
    # patterns a config lists itself (the benchmark's generated pages) are kept.
    ours = config_options.PathSpec().run_validation(kinds.not_in_nav_patterns(languages.CODES))
    config.not_in_nav = ours + config.not_in_nav if config.not_in_nav else ours
    return config


def on_pre_build(config):
    """Load the content model; the default language's build, which every full build runs
    first (kb-build stops at a failed build), refuses content the checker rejects. The
    check covers all languages, so the other builds do not repeat it."""
    _build.site = content.load_site(Path(config.config_file_path).parent)
    if _build.lang != languages.DEFAULT:
        return
    problems, hint = check.check_all(_build.site)  # manifest drift included, as in kb-check
    if problems:
        listing = "\n".join(str(problem) for problem in problems + ([hint] if hint else []))
        raise PluginError(f"content check failed with {len(problems)} problem(s):\n{listing}")


def _site_root(config) -> str:
    return languages.site_root(config.site_url, _build.lang)


def _model(page):
    """The content model's page for a MkDocs page (source docs/<lang>/<path>)."""
    lang, _, path = page.file.src_uri.partition("/")
    model = _build.site.page(lang, path)
    if model is None:
        raise PluginError(f"{page.file.src_uri}: page missing from the content model")
    return model


def on_page_markdown(markdown, page, config, files):
    model = _model(page)
    if model.term_id:
        # A term's one-sentence definition is its description (meta tags, previews).
        page.meta["description"] = model.front.get("definition", "")
    if claims.is_claim_page(model):  # front matter taken from its claim (kb/model/claims.py attach)
        page.meta["description"] = model.front.get("description", "")
        markdown = None  # the renderer builds the page from the claim
    root = _site_root(config)
    return (render.render_page(_build.site, model, markdown, root, config.extra.get("repository", ""))
            + structured_data.json_ld(_build.site, model, root, config.site_name))


def on_template_context(context, template_name, config):
    """Every template (pages, 404.html, sitemap.xml): the build's language; the sitemap
    also gets each page's hreflang alternates."""
    lang = _build.lang
    context["kb_lang"] = lang
    context["kb_other_languages"] = languages.others(lang.code)
    context["kb_label"] = lambda name, **values: label(name, lang.code, **values)
    context["kb_labels"] = labels.browser_labels(lang.code)  # words kb.js shows
    context["kb_search_files"] = search_index.BROWSER_FILES
    context["kb_switches"] = _build.switches  # overrides/main.html: the script loader
    if template_name == "sitemap.xml":
        root = _site_root(config)
        context["kb_sitemap"] = [
            {"loc": file.page.canonical_url,
             "alternates": languages.alternates(root, languages.url_in(lang, file.page.url))}
            for file in context["pages"] if file.page and file.page.canonical_url
        ]
    return context


def on_page_context(context, page, config, nav):
    context = on_template_context(context, "main.html", config)
    if changes.announces_feed(page.url):  # overrides/main.html links it
        context["kb_feed"] = {"title": label("feed_title", _build.lang.code)}
    model = _model(page)
    context.update(kb_title=_build.site.title(model.lang, model.path),
                   kb_card=pipeline.card_url(_build.site, model, _target(config)),
                   kb_lazy_layout=_build.switches.lazy_layout and lazy_layout.is_long(page.content))
    return context


def on_env(env, config, files):
    # `tojson` (Jinja's documented policy) writes Chinese as itself, not as \uXXXX escapes:
    # a page's JSON blocks (Material's configuration, our labels) shrink by ~100 bytes
    # gzipped, which keeps a term page within the first round trip (BENCHMARK.md).
    # Jinja still escapes < > & ' in them. No spaces after separators: ~10 bytes fewer.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def _target(config) -> pipeline.Target:
    return pipeline.Target(
        site_dir=Path(config.site_dir), language=_build.lang, site_url=config.site_url,
        site_name=config.site_name, site_description=config.site_description,
        our_scripts=tuple(getattr(script, "path", script) for script in config.extra_javascript),
        switches=_build.switches)


@event_priority(-200)  # after static-i18n (-100)
def on_post_build(config):
    try:
        pipeline.finish_language(_build.site, _target(config))
    except pipeline.FinishError as exc:
        raise PluginError(str(exc)) from exc
