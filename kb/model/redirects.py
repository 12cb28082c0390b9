"""Redirects from retired page paths to their replacements: data/redirects.yaml.

Links pasted into forum posts must keep working after a page is renamed or merged. The
file maps an old language-neutral page path to the path that replaced it; the build
(kb/finish/redirect_pages.py) writes a small redirect page at the old path in every language (`site/<old>/index.html`,
`site/en/<old>/index.html`), which keeps the `#anchor` of the visitor's URL:

    articles/old-name/: articles/vitamin-k-with-vitamin-d/

Paths are page URLs without the language prefix, with a trailing slash; an anchor is
never part of a path (the redirect page carries the visitor's anchor over). The target
'' is the home page.

Problems: RED001 target is not a page, RED002 chain or loop, RED003 the old path is
still a live page; KB001/KB002 for malformed YAML and wrong types.
"""
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.model.content import LANG_CODES, url_of
from kb.model.diagnostics import Problem, read_text
from kb.model.languages import LANGUAGES
from kb.model.yamldata import load_yaml, schema_problems

REDIRECTS_FILE = "data/redirects.yaml"

SCHEMA = {"type": "object", "additionalProperties": {"type": "string"}}

# One or more lower-case path segments, each followed by a slash: "articles/old-name/".
_PATH = re.compile(r"(?:[a-z0-9][a-z0-9._-]*/)+")

@dataclass(frozen=True)
class Redirect:
    old: str  # language-neutral page path, "articles/old-name/"
    new: str  # language-neutral page path, "" for the home page
    line: int  # line in data/redirects.yaml


def _path_problem(value: str, is_target: bool) -> str | None:
    """Why a path is not a language-neutral page URL, or None when it is one."""
    if is_target and value == "":
        return None
    if "#" in value:
        return "leave the '#anchor' out: a redirect maps pages, and the visitor's anchor is kept"
    if value.startswith("/") or "://" in value:
        return "write it without the leading slash or host, e.g. 'articles/old-name/'"
    if value.endswith(".md") or value.endswith(".html"):
        return "write the page URL, not its file, e.g. 'articles/old-name/'"
    segments = value.rstrip("/").split("/")
    if any(segment in (".", "..") for segment in segments):
        return "'.' and '..' are not allowed"
    if segments and segments[0] in {lang.prefix.rstrip("/") for lang in LANGUAGES if lang.prefix}:
        return f"drop the '{segments[0]}/' prefix: a redirect applies to every language"
    if not value.endswith("/"):
        return "end it with a slash, e.g. 'articles/old-name/'"
    if not _PATH.fullmatch(value):
        return "use lower-case letters, digits, '-', '_' and '.' between slashes"
    return None


def load_redirects(root: Path, file: str = REDIRECTS_FILE) -> tuple[list[Redirect], list[Problem]]:
    """Read data/redirects.yaml; a missing or empty file means no redirects."""
    source = Path(root) / file
    if not source.is_file():
        return [], []
    text = read_text(source)
    located, problems = load_yaml(text, file)
    problems = [p for p in problems if p.code != "KB005"]  # a repeated path: KB002 below says more
    if located is None:
        return [], problems
    if located.data is None:  # only comments
        return [], problems
    problems = schema_problems(located, SCHEMA, file, "redirects")
    if not isinstance(located.data, dict):
        return [], problems
    bad_values = {p.line for p in problems}
    keys = {}
    if isinstance(located.root, yaml.MappingNode):
        for key_node, _ in located.root.value:
            line = key_node.start_mark.line + 1
            if key_node.value in keys:
                problems.append(Problem(file, line, "KB002", f"redirects: '{key_node.value}' is listed twice (first on line {keys[key_node.value]})"))
            else:
                keys[key_node.value] = line
    redirects = []
    for old, new in located.data.items():
        line = keys.get(str(old), located.line_of([old]))
        usable = True
        if not isinstance(old, str):
            problems.append(Problem(file, line, "KB002", f"redirects: the old path {old!r} must be a string like 'articles/old-name/'"))
            continue
        reason = _path_problem(old, is_target=False)
        if reason:
            problems.append(Problem(file, line, "KB002", f"redirects: old path '{old}': {reason}"))
            usable = False
        if not isinstance(new, str):
            usable = False  # reported by the schema
            if line not in bad_values:
                problems.append(Problem(file, line, "KB002", f"redirects: target of '{old}' must be a string"))
        else:
            reason = _path_problem(new, is_target=True)
            if reason:
                problems.append(Problem(file, line, "KB002", f"redirects: target '{new}' of '{old}': {reason}"))
                usable = False
        if usable:
            redirects.append(Redirect(old, new, line))
    return redirects, sorted(set(problems))


def check_redirects(redirects: list[Redirect], live: dict[str, set], file: str = REDIRECTS_FILE) -> list[Problem]:
    """RED001-RED003 for redirects against the live pages: {lang code: {page URL}}."""
    problems = []
    target_of = {r.old: r.new for r in redirects}
    in_loop = set()  # old paths of a loop already reported
    for redirect in redirects:
        add = lambda code, message: problems.append(Problem(file, redirect.line, code, message))  # noqa: E731
        # Follow the redirect until it reaches a path that is not redirected, or repeats.
        hops, current = [redirect.old], redirect.new
        while current in target_of and current not in hops:
            hops.append(current)
            current = target_of[current]
        shown = " -> ".join(f"'{p}'" for p in hops + [current])
        if current == redirect.old:
            if redirect.old not in in_loop:
                in_loop.update(hops)
                add("RED002", f"redirect loop: {shown}; point each old path at a live page")
        elif current in hops:
            add("RED002", f"redirect chain: {shown} ends in a loop; point '{redirect.old}' at a live page")
        elif redirect.new in target_of:
            add("RED002", f"redirect chain: {shown}: the target '{redirect.new}' is itself redirected; point '{redirect.old}' straight at '{current}'")
        else:
            missing = [code for code in LANG_CODES if redirect.new not in live.get(code, set())]
            if missing:
                where = "" if len(missing) == len(LANG_CODES) else f" in {', '.join(missing)}"
                add("RED001", f"redirect '{redirect.old}': the target '{redirect.new}' is not a page of the site{where}")
        shadowed = [code for code in LANG_CODES if redirect.old in live.get(code, set())]
        if shadowed:
            add("RED003", f"redirect '{redirect.old}' shadows a live page at that path ({', '.join(shadowed)}); remove the redirect or the page")
    return problems


def live_urls(site) -> dict[str, set]:
    """{lang code: language-neutral URLs of the site's pages} from the content model."""
    live = {code: set() for code in LANG_CODES}
    for lang, path in site.pages:
        live.setdefault(lang, set()).add(url_of(path))
    return live


def site_redirect_problems(site) -> list[Problem]:
    """Every problem of the site's data/redirects.yaml (kb.checks.check.check_site includes them)."""
    redirects, problems = load_redirects(site.root)
    return problems + check_redirects(redirects, live_urls(site))
