"""The closed set of claim verdicts, defined once in data/verdicts.yaml."""
from pathlib import Path

from kb.diagnostics import Problem, rel
from kb.yamldata import load_yaml, schema_problems

_TEXT = {"type": "string", "minLength": 1}
VERDICTS_SCHEMA = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": {"pattern": "^[a-z]+(-[a-z]+)*$"},
    "additionalProperties": {
        "type": "object",
        "required": ["zh", "en", "meaning"],
        "additionalProperties": False,
        "properties": {
            "zh": _TEXT,
            "en": _TEXT,
            "meaning": {
                "type": "object",
                "required": ["zh", "en"],
                "additionalProperties": False,
                "properties": {"zh": _TEXT, "en": _TEXT},
            },
        },
    },
}


def load_verdicts(file: Path, root: Path) -> tuple[dict, list[Problem]]:
    path = rel(file, root)
    located, problems = load_yaml(Path(file).read_text("utf-8"), path)
    if located is None:
        return {}, problems
    problems = schema_problems(located, VERDICTS_SCHEMA, path, "verdict")
    return ({} if problems else located.data), problems
