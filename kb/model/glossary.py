"""Glossary metadata: one list of terms per topic file in data/glossary/, shared by both
languages. The prose of each term lives in docs/<lang>/glossary/<id>.md."""
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.model.diagnostics import Problem, read_text, rel
from kb.model.languages import BY_CODE, CODES
from kb.model.yamldata import load_yaml, schema_errors, schema_problems, unusable_items

_TEXT = {"type": "string", "minLength": 1}
_STRINGS = {"type": "array", "items": _TEXT}
# One name (and optionally aliases and a note) per site language, keyed by language code.
TERM_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", *CODES],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            **{code: _TEXT for code in CODES},
            "abbr": _STRINGS,
            "aliases": {
                "type": "object",
                "additionalProperties": False,
                "properties": {code: _STRINGS for code in CODES},
            },
            "related": _STRINGS,
            "sources": _STRINGS,
            "note": {
                "type": "object",
                "required": list(CODES),
                "additionalProperties": False,
                "properties": {code: _TEXT for code in CODES},
            },
        },
    },
}


@dataclass
class Term:
    id: str
    names: dict  # lang -> name
    abbr: list
    aliases: dict  # lang -> [alias]
    related: list
    sources: list
    note: dict | None
    path: str
    line: int
    field_lines: dict = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return self.names[lang]

    def title(self, lang: str) -> str:
        """The name as a page title (English: starts with a capital)."""
        name = self.names[lang]
        return name[:1].upper() + name[1:] if BY_CODE[lang].capitalise_titles else name


# "- id: osteocalcin" lines, read from a file that failed to parse.
ID_LINE = re.compile(r"^\s*-?\s*id:\s*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)", re.M)


def load_glossary(directory: Path, root: Path) -> tuple[dict, list[Problem], set]:
    """Terms by id, in file order; the problems met while loading them; and the ids
    found in files that failed to parse (links to them are not further problems)."""
    terms: dict = {}
    problems: list = []
    unparsed: set = set()
    for file in sorted(Path(directory).glob("*.yaml")):
        path = rel(file, root)
        text = read_text(file)
        located, errors = load_yaml(text, path)
        problems += errors
        if located is None:
            unparsed |= set(ID_LINE.findall(text))
            continue
        errors = schema_errors(located, TERM_SCHEMA)
        problems += schema_problems(located, TERM_SCHEMA, path, "glossary entry", errors)
        if not isinstance(located.data, list):
            continue
        skip = unusable_items(errors)
        for index, item in enumerate(located.data):
            if index in skip:
                continue
            line = located.line_of([index, "id"])
            if item["id"] in terms:
                first = terms[item["id"]]
                problems.append(Problem(path, line, "TRM004", f"duplicate term id '{item['id']}' (first defined at {first.path}:{first.line})"))
                continue
            terms[item["id"]] = Term(
                id=item["id"],
                names={code: item[code] for code in CODES},
                abbr=item.get("abbr", []),
                aliases={code: item.get("aliases", {}).get(code, []) for code in CODES},
                related=item.get("related", []),
                sources=item.get("sources", []),
                note=item.get("note"),
                path=path,
                line=line,
                field_lines={key: located.line_of([index, key]) for key in item},
            )
    return terms, problems, unparsed
