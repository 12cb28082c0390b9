"""Studies as data (data/studies.yaml): each trial, cohort and meta-analysis the site
discusses, entered once, and the doses the dose ladder places beside them.

Both languages share a record; only its labels (name, population, endpoints...) come in
each language. The tables and figures (kb/render/study_table.py, kb/render/forest.py,
kb/render/dose_ladder.py) and the checks read the same records: every number in a record
must be in an extract of its source (NUM001, as for sentences), and a sentence that cites
a study and states its effect must state the recorded one (NUM003, kb/checks/study_numbers.py).
"""
from dataclasses import dataclass, field

from kb.model.diagnostics import Problem, read_text
from kb.model.languages import CODES
from kb.model.yamldata import load_yaml, schema_problems

PATH = "data/studies.yaml"
RATIOS = ("HR", "OR", "RR")        # drawn on a log axis, no effect at 1
DIFFERENCES = ("SMD", "MD")        # drawn on a linear axis, no effect at 0
DESIGNS = ("rct", "cohort", "meta-analysis", "dose-finding", "pharmacokinetic", "animal")
STATUSES = ("retracted", "corrected", "caution")
UNITS = ("µg", "mg")

_TEXT = {"type": "string", "minLength": 1}
_NUMBER = {"type": "number"}
# An effect value: a number, or a quoted one where a trailing zero matters ("1.90").
_EFFECT = {"type": ["number", "string"], "pattern": r"^-?\d+(\.\d+)?$"}
_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_WORDS = {"type": "object", "additionalProperties": False, "required": list(CODES),
          "properties": {code: _TEXT for code in CODES}}
_DOSE = {"oneOf": [_NUMBER, {"type": "array", "minItems": 1, "items": _NUMBER}]}
_ARM = {
    "type": "object", "additionalProperties": False, "required": ["form", "dose", "unit", "per"],
    "properties": {
        "form": {"enum": ["MK-4", "MK-7", "K1"]},
        "dose": _DOSE, "unit": {"enum": list(UNITS)},
        "per": {"enum": ["day", "dose"]},   # a daily dose, or a single dose
        "with": _WORDS,                     # what every arm also took (calcium, vitamin D...)
    },
}
_RESULT = {
    "type": "object", "additionalProperties": False,
    "required": ["endpoint", "measure", "estimate", "low", "high"],
    "properties": {
        "endpoint": _WORDS, "measure": {"enum": list(RATIOS + DIFFERENCES)},
        "estimate": _EFFECT, "low": _EFFECT, "high": _EFFECT, "p": _EFFECT,
        "status": {"enum": ["corrected"]},  # this value was later corrected (see the record's correction)
    },
}
_STUDY = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "key", "name", "design", "population", "endpoints", "finding"],
    "properties": {
        "id": _ID, "key": _TEXT, "tags": {"type": "array", "items": _ID},
        "name": _WORDS, "design": {"enum": list(DESIGNS)}, "population": _WORDS,
        "n": {"type": "integer", "minimum": 1},
        "intervention": {"type": "array", "minItems": 1, "items": _ARM},
        "exposure": _WORDS,                 # what a cohort or meta-analysis compares, in words
        "comparator": _WORDS,
        "duration": {"type": "object", "additionalProperties": False, "required": ["value", "unit"],
                     "properties": {"value": _NUMBER, "unit": {"enum": ["days", "weeks", "months", "years"]}}},
        "endpoints": _WORDS, "finding": _WORDS, "results": {"type": "array", "items": _RESULT},
        "funding": _WORDS,                  # funding or manufacturer ties the source reports
        "status": {"enum": list(STATUSES)}, "status_key": _TEXT,  # the notice that gives the status
    },
}
_DOSE_RECORD = {
    "type": "object", "additionalProperties": False, "required": ["id", "key", "kind", "label", "amount", "unit"],
    "properties": {
        "id": _ID, "key": _TEXT, "kind": {"enum": ["intake", "food", "recommendation", "drug", "safety"]},
        "label": _WORDS, "amount": _DOSE, "unit": {"enum": list(UNITS)},
    },
}
SCHEMA = {
    "type": "object", "additionalProperties": False, "required": ["studies"],
    "properties": {"studies": {"type": "array", "items": _STUDY}, "doses": {"type": "array", "items": _DOSE_RECORD},
                   "ladder_claims": {"type": "array", "items": _ID}},
}


@dataclass
class Study:
    id: str
    key: str
    data: dict
    line: int
    located: object = None  # for the lines of its fields
    path: list = field(default_factory=list)  # its path in the document

    def words(self, name: str, lang: str) -> str:
        return (self.data.get(name) or {}).get(lang, "")

    @property
    def tags(self) -> list:
        return self.data.get("tags", [])

    @property
    def results(self) -> list:
        return self.data.get("results", [])

    def line_of(self, *steps) -> int:
        return self.located.line_of(self.path + list(steps)) if self.located else self.line


@dataclass
class Dose:
    id: str
    key: str
    data: dict
    line: int
    located: object = None
    path: list = field(default_factory=list)

    def line_of(self, *steps) -> int:
        return self.located.line_of(self.path + list(steps)) if self.located else self.line


@dataclass
class Studies:
    studies: dict = field(default_factory=dict)  # id -> Study, in file order
    doses: dict = field(default_factory=dict)    # id -> Dose, in file order
    ladder_claims: list = field(default_factory=list)  # claim ids whose pages show the dose ladder
    ladder_lines: list = field(default_factory=list)   # their lines in the file
    problems: list = field(default_factory=list)

    def select(self, selection: list) -> tuple[list, list]:
        """(studies, unknown words): each word an id or a tag; file order, no repeats."""
        unknown = [w for w in selection if w not in self.studies and not any(w in s.tags for s in self.studies.values())]
        chosen = [s for s in self.studies.values() if s.id in selection or set(s.tags) & set(selection)]
        return chosen, unknown

    def citing(self, keys) -> list:
        """The studies recorded from any of these bibliography keys, in file order."""
        return [s for s in self.studies.values() if s.key in keys]


def load_studies(site) -> Studies:
    file = site.root / PATH
    if not file.exists():
        return Studies()
    located, problems = load_yaml(read_text(file), PATH)
    if located is None:
        return Studies(problems=problems)
    problems = schema_problems(located, SCHEMA, PATH, "studies")
    if problems or not located.data:
        return Studies(problems=problems)
    result = Studies()
    for section, kind in (("studies", Study), ("doses", Dose)):
        target = result.studies if kind is Study else result.doses
        for index, item in enumerate(located.data.get(section) or []):
            record = kind(item["id"], item["key"], item, located.line_of([section, index, "id"]), located, [section, index])
            if record.id in result.studies or record.id in result.doses:
                problems.append(Problem(PATH, record.line, "STU001", f"{section}: id '{record.id}' is used twice"))
                continue
            if record.key not in site.bibliography.entries and record.key not in site.bibliography.unparsed_keys:
                problems.append(Problem(PATH, record.line_of("key"), "STU001", f"{section} '{record.id}': no key '{record.key}' in data/references.bib"))
            status_key = item.get("status_key")
            if status_key and status_key not in site.bibliography.entries:
                problems.append(Problem(PATH, record.line_of("status_key"), "STU001", f"{section} '{record.id}': no key '{status_key}' in data/references.bib"))
            target[record.id] = record
    result.ladder_claims = list(located.data.get("ladder_claims") or [])
    result.ladder_lines = [located.line_of(["ladder_claims", n]) for n in range(len(result.ladder_claims))]
    result.problems = problems
    return result


def site_studies(site) -> Studies:
    """The studies of a loaded site, read once per site model."""
    cached = getattr(site, "_kb_studies", None)
    if cached is None:
        cached = load_studies(site)
        site._kb_studies = cached
    return cached


def doses_of(arm: dict) -> list:
    dose = arm["dose"]
    return list(dose) if isinstance(dose, list) else [dose]


def micrograms(amount: float, unit: str) -> float:
    """An amount in µg, for placing it on the ladder's axis (never printed)."""
    return amount * (1000 if unit == "mg" else 1)
