"""Source extracts (data/extracts.yaml): for each bibliography entry, the facts the site
uses from it, recorded once as short extracts with where they appear in the source.

They are shown to readers on the entry in the bibliography, and the number check
(kb/checks/numbers.py) traces every number of a cited sentence to them.
"""
import html
from dataclasses import dataclass, field

from kb.model.diagnostics import Problem, read_text
from kb.model.labels import label
from kb.model.yamldata import load_yaml, schema_problems

PATH = "data/extracts.yaml"
_TEXT = {"type": "string", "minLength": 1}
SCHEMA = {
    "type": "object",
    "additionalProperties": {
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["where", "text"],
            "properties": {
                "where": _TEXT,
                "text": _TEXT,
                "numbers": {"type": "array", "items": {"type": ["string", "number"]}},
            },
        },
    },
}


@dataclass
class Extract:
    key: str
    where: str
    text: str
    line: int
    numbers: list = field(default_factory=list)


def load_extracts(site) -> tuple[dict, list[Problem]]:
    """key -> [Extract]; problems for malformed YAML, schema errors and unknown keys."""
    file = site.root / PATH
    if not file.exists():
        return {}, []
    located, problems = load_yaml(read_text(file), PATH)
    if located is None:
        return {}, problems
    problems += schema_problems(located, SCHEMA, PATH, "extracts")
    if problems or not located.data:
        return {}, problems
    extracts = {}
    for key, items in located.data.items():
        if key not in site.bibliography.entries:
            problems.append(Problem(PATH, located.line_of([key]), "XTR001", f"extracts for '{key}': no such key in data/references.bib"))
            continue
        extracts[key] = [
            Extract(key, item["where"], item["text"], located.line_of([key, n]), [str(x) for x in item.get("numbers", [])])
            for n, item in enumerate(items)
        ]
    return extracts, problems


def site_extracts(site) -> tuple[dict, list[Problem]]:
    """The extracts of a loaded site, read once per site model."""
    cached = getattr(site, "_kb_extracts", None)
    if cached is None:
        cached = load_extracts(site)
        site._kb_extracts = cached
    return cached


def extracts_html(site, key: str, lang: str) -> str:
    """A collapsed list of what the site uses from a source, for its bibliography entry."""
    items = site_extracts(site)[0].get(key)
    if not items:
        return ""
    e = html.escape
    # Paragraphs, not a nested list: Material's search parser trips on <li> inside <li>.
    rows = "".join(f'<p class="kb-extract" lang="en"><span class="kb-extract__where">{e(x.where)}</span> {e(x.text)}</p>' for x in items)
    return f'<details class="kb-extracts"><summary>{label("extracts", lang)}</summary>{rows}</details>'
