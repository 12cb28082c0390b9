"""Third-party loads found in the sources, at their line: a page, a file in overrides/
or mkdocs.yml that would make readers' browsers fetch from another host (blocked or
slow in mainland China). Links that readers follow (<a href>) are fine.

The same detection (kb/checks/site_audit.py) also scans the built site in tests/test_site.py.
"""
import re
from pathlib import Path

import yaml

from kb.model.diagnostics import Problem, read_text, rel
from kb.checks.site_audit import is_third_party, located_resources_in_html, located_urls_in_css
from kb.model.yamldata import LOADER

CODE = "EXT001"
# Markdown images load their source: ![alt](https://host/x.png)
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
# A script has no reason to name another host but to load from it (fetch, import, src).
JS_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""")


def _problem(path: str, line: int, what: str, advice: str = "serve it from the site instead") -> Problem:
    return Problem(path, line, CODE, f"loads {what} from another host; {advice}")


# Parsing every page as HTML is slow; most pages have no tag that loads anything.
LOADING_TAG = re.compile(r"<(script|img|iframe|frame|embed|object|audio|video|source|track|input|link|style)\b|\sstyle=", re.I)


def in_markdown(text: str, path: str) -> list[Problem]:
    found = [_problem(path, line, what) for line, what in located_resources_in_html(text)] if LOADING_TAG.search(text) else []
    for number, line in enumerate(text.split("\n"), start=1):
        found += [_problem(path, number, f"image {url}") for url in MARKDOWN_IMAGE.findall(line) if is_third_party(url)]
    return found


def in_file(file: Path, path: str) -> list[Problem]:
    text = read_text(file)
    if file.suffix == ".html":
        return [_problem(path, line, what) for line, what in located_resources_in_html(text)]
    if file.suffix == ".css":
        return [_problem(path, line, f"url({url})") for line, url in located_urls_in_css(text)]
    if file.suffix == ".js":
        return [
            _problem(path, text.count("\n", 0, match.start()) + 1, match.group(1))
            for match in JS_URL.finditer(text)
            if is_third_party(match.group(1))
        ]
    return []


def in_mkdocs_config(file: Path, path: str) -> list[Problem]:
    """extra_css / extra_javascript entries on another host, and a theme web font."""
    try:
        root = yaml.compose(read_text(file), Loader=LOADER)  # nodes only: !ENV is fine
    except yaml.YAMLError:
        return []  # MkDocs itself reports a broken config
    found = []
    for key, value in _items(root):
        if key.value in ("extra_css", "extra_javascript") and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                scalar = item if isinstance(item, yaml.ScalarNode) else dict(_items(item, by_name=True)).get("path")
                if scalar is not None and is_third_party(scalar.value):
                    found.append(_problem(path, scalar.start_mark.line + 1, f"{key.value} {scalar.value}"))
        if key.value == "theme":
            for font_key, font in _items(value):
                if font_key.value == "font" and not (isinstance(font, yaml.ScalarNode) and font.value == "false"):
                    found.append(_problem(path, font_key.start_mark.line + 1, "Google Fonts (theme.font)", "set 'font: false' under theme"))
    return found


def _items(node, by_name=False):
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k.value if by_name else k, v) for k, v in node.value]


def check_sources(site) -> list[Problem]:
    problems = []
    for page in site.pages.values():
        problems += in_markdown(read_text(page.file), page.display)
    overrides = site.root / "overrides"
    for file in sorted(overrides.rglob("*")) if overrides.is_dir() else []:
        if file.suffix in (".html", ".css", ".js"):
            problems += in_file(file, rel(file, site.root))
    config = site.root / "mkdocs.yml"
    if config.is_file():
        problems += in_mkdocs_config(config, "mkdocs.yml")
    return problems
