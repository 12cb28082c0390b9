"""The closed set of claim verdicts, defined once in data/verdicts.yaml: a label and a
meaning per language, and the badge colour (light and, optionally, dark scheme)."""
from pathlib import Path

from kb.model.diagnostics import Problem, read_text, rel
from kb.model.languages import CODES
from kb.model.yamldata import load_yaml, schema_problems

_TEXT = {"type": "string", "minLength": 1}
_COLOUR = {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}
VERDICTS_SCHEMA = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": {"pattern": "^[a-z]+(-[a-z]+)*$"},
    "additionalProperties": {
        "type": "object",
        "required": [*CODES, "meaning", "colour"],
        "additionalProperties": False,
        "properties": {
            **{code: _TEXT for code in CODES},
            "meaning": {
                "type": "object",
                "required": list(CODES),
                "additionalProperties": False,
                "properties": {code: _TEXT for code in CODES},
            },
            # Badge background behind white text: pick one with contrast >= 4.5:1.
            "colour": _COLOUR,
            "colour_dark": _COLOUR,  # for Material's dark (slate) scheme; default: colour
        },
    },
}


def load_verdicts(file: Path, root: Path) -> tuple[dict, list[Problem]]:
    path = rel(file, root)
    located, problems = load_yaml(read_text(file), path)
    if located is None:
        return {}, problems
    problems += schema_problems(located, VERDICTS_SCHEMA, path, "verdict")
    return ({} if problems else located.data), problems


def stylesheet(verdicts: dict) -> str:
    """CSS giving each verdict badge and claim box its colour (kb.css uses --kb-verdict)."""
    rules = []
    for key, verdict in verdicts.items():
        selector = f".kb-claim--{key}, .kb-verdict--{key}"
        rules.append(f"{selector} {{ --kb-verdict: {verdict['colour']}; }}")
        if verdict.get("colour_dark"):
            dark = ", ".join(f'[data-md-color-scheme="slate"] {s.strip()}' for s in selector.split(","))
            rules.append(f"{dark} {{ --kb-verdict: {verdict['colour_dark']}; }}")
    return "\n".join(rules) + "\n"
