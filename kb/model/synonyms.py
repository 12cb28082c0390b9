"""The search synonym table (data/search_synonyms.yaml): words readers use that are not a
name of anything on the site, each pointing at the terms or pages that answer them.

Loaded with the content model; read by site search (kb/finish/search_index.py) and checked
by kb/checks/synonyms.py. A target is a term id (data/glossary/) or a language-neutral page
path ("claims/<id>/", "articles/x/#heading-id").
"""
from dataclasses import dataclass, field
from pathlib import Path

from kb.model.diagnostics import Problem, read_text, rel
from kb.model.languages import CODES
from kb.model.yamldata import load_yaml, schema_errors, schema_problems, unusable_items

FILE = "data/search_synonyms.yaml"
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SYNONYMS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["to"],
        "additionalProperties": False,
        "properties": {"to": {**_WORDS, "minItems": 1}, **{code: _WORDS for code in CODES}},
    },
}


@dataclass
class Synonyms:
    """One entry: the words of each language and what they point at."""
    targets: list  # term ids or page paths
    words: dict  # lang -> [word]
    line: int
    target_lines: list = field(default_factory=list)  # the line of each target
    word_lines: dict = field(default_factory=dict)  # lang -> the line of each word

    @staticmethod
    def is_page(target: str) -> bool:
        return "/" in target or "#" in target


def load_synonyms(file: Path, root: Path) -> tuple[list, list[Problem]]:
    """The entries of the table (none when the file is absent) and the problems met."""
    file = Path(file)
    if not file.exists():
        return [], []
    path = rel(file, root)
    located, problems = load_yaml(read_text(file), path)
    if located is None or located.data is None:
        return [], problems
    errors = schema_errors(located, SYNONYMS_SCHEMA)
    problems += schema_problems(located, SYNONYMS_SCHEMA, path, "search synonym entry", errors)
    if not isinstance(located.data, list):
        return [], problems
    skip = unusable_items(errors)
    entries = []
    for index, item in enumerate(located.data):
        if index in skip:
            continue
        words = {code: item.get(code, []) for code in CODES}
        entries.append(Synonyms(
            targets=item["to"], words=words, line=located.line_of([index, "to"]),
            target_lines=[located.line_of([index, "to", i]) for i in range(len(item["to"]))],
            word_lines={code: [located.line_of([index, code, i]) for i in range(len(words[code]))] for code in CODES},
        ))
    return entries, problems
