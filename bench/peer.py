"""The peer: a stock Material site carrying the same article and term text, built with
the same mkdocs and Material, to measure this site against (issue 13).

Our own markup is flattened with the site's one parser (kb.model.markup): citations become
plain [n], term links plain text, claim blocks plain paragraphs, generated blocks are
dropped; links to pages the peer lacks become their text. Each language is a separate
`mkdocs new`-style project (site_name, theme material, the theme language), built into
one output with English under /en/, so its URLs are ours. Two departures from stock,
both needed for a fair comparison here: `theme.font: false` (the default loads Google
Fonts, and this machine has no network), and the standard Markdown extensions of our
mkdocs.yml (admonition, attr_list, ...) so the same text renders the same way."""
import os
import subprocess
import sys
from pathlib import Path

import yaml

from bench import LANG_PREFIXES, ROOT, BenchmarkError
from kb.devtools.config import read_config
from kb.model import languages, markup
from kb.model.labels import label

PEER_PAGES = {"home": "index.md", "article": "articles/mk4-vs-mk7-interview.md"}  # plus the term page


def flattener(site, lang: str, numbers: dict):
    """Our markers as plain text; citations as their numbers in brackets."""
    names = {term_id: term.name(lang) for term_id, term in site.terms.items()}

    class Flattener(markup.PlainText):
        def heading(self, heading):
            return "#" * heading.level + " " + heading.text

    return Flattener(names, cite=lambda keys: "[" + ", ".join(str(numbers.get(key, "?")) for key in keys) + "]")


def unlink_internal(text: str) -> str:
    """[text](page.md) -> text; links to other hosts stay."""
    def replace(match):
        target = match.group(2)
        return match.group(0) if target.startswith(("http://", "https://")) else match.group(1)

    return markup.LINK.sub(replace, text)


def term_names(site, term, lang: str) -> str:
    others = [other.code for other in languages.others(lang)]
    parts = [f"{label(f'lang_{other}', lang)} {term.name(other)}" for other in others]
    if term.abbr:
        parts.append(f"{label('abbreviations', lang)} {', '.join(term.abbr)}")
    aliases = list(term.aliases[lang])
    for other in others:
        aliases += [a for a in term.aliases[other] if a not in aliases]
    if aliases:
        parts.append(f"{label('also_called', lang)} {'; '.join(aliases)}")
    return "  \n".join(parts)


def flatten_page(site, page) -> str:
    """The page's text as stock Markdown: front matter description, body, references."""
    keys = list(page.parsed.cited_keys)
    term = site.terms.get(page.term_id) if page.term_id else None
    if term:
        keys += [k for k in term.sources if k not in keys]
    numbers = {key: n for n, key in enumerate(keys, start=1)}
    body = unlink_internal(markup.walk(page.body, flattener(site, page.lang, numbers), page.body_line))
    parts = []
    if term:
        parts += [f"# {term.title(page.lang)}", term_names(site, term, page.lang),
                  f"**{label('definition', page.lang)}** {page.front.get('definition', '')}"]
    parts.append(body.strip())
    entries = [site.bibliography.entries[k] for k in keys if k in site.bibliography.entries]
    if entries:
        parts.append(f"## {label('references', page.lang)}\n\n"
                     + "\n".join(f"{n}. {entry.preview(page.lang)}" for n, entry in enumerate(entries, 1)))
    description = page.front.get("description") or page.front.get("definition") or ""
    front = "---\n" + yaml.safe_dump({"description": description}, allow_unicode=True, width=1000) + "---\n\n"
    return front + "\n\n".join(parts) + "\n"


def site_names() -> dict:
    """Our site name per language (the i18n plugin's override for English, if any)."""
    config = read_config(ROOT / "mkdocs.yml")
    names = dict.fromkeys(LANG_PREFIXES, config.get("site_name") or "Peer")
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if language.get("locale") in names and language.get("site_name"):
                    names[language["locale"]] = language["site_name"]
    return names


def markdown_extensions() -> list:
    """Our mkdocs.yml's Markdown extensions (standard ones; our markup is a build hook)."""
    return read_config(ROOT / "mkdocs.yml").get("markdown_extensions") or ["admonition", "attr_list"]


def write_peer(dest: Path, term_id: str) -> dict:
    """One stock project per language under dest/<lang>/; returns lang -> config path."""
    from kb.model.content import load_site

    site = load_site(ROOT)
    configs = {}
    names = site_names()
    for lang in LANG_PREFIXES:
        project = dest / lang
        for path in [*PEER_PAGES.values(), f"glossary/{term_id}.md"]:
            page = site.page(lang, path)
            if page is None:
                raise BenchmarkError(f"peer: docs/{lang}/{path} does not exist")
            (project / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (project / "docs" / path).write_text(flatten_page(site, page), "utf-8")
        config = {"site_name": names[lang], "theme": {"name": "material", "language": lang, "font": False},
                  "markdown_extensions": markdown_extensions()}
        configs[lang] = project / "mkdocs.yml"
        configs[lang].write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return configs


def build_peer(dest: Path, site_dir: Path, term_id: str) -> Path:
    """Write and build the peer; English into site_dir/en/ (after the root language,
    whose build empties site_dir)."""
    configs = write_peer(dest, term_id)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for lang, prefix in LANG_PREFIXES.items():
        out = site_dir / prefix
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(configs[lang]), "-d", str(out)]
        result = subprocess.run(command, cwd=configs[lang].parent, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise BenchmarkError(f"peer build ({lang}) failed:\n{(result.stdout + result.stderr)[-2000:]}")
    return site_dir
