"""The checks of data/studies.yaml and of what pages say about the studies in it:

- NUM001: every number of a study or dose record is in an extract of its source
  (data/extracts.yaml), the rule sentences follow (kb/checks/numbers.py);
- NUM003: a sentence that cites a study's key and states an effect with its interval,
  "1.46 (95% CI 1.12 to 1.90)", states one the records of the cited keys hold. Decidable
  only where the sentence gives estimate and interval as decimals and a cited key has a
  recorded result; elsewhere nothing is reported;
- STU002: a `::: studies` block that names an id or tag no record has;
- STU001 (beside the file's own: duplicate ids, unknown keys): `ladder_claims` naming a
  claim no page states.
"""
import re
from decimal import Decimal

from kb.checks import numbers
from kb.model.diagnostics import Problem
from kb.model.studies import PATH, site_studies

# Fields that hold names and codes, not numbers a source must give.
NOT_NUMBERS = {"id", "key", "tags", "status_key", "measure", "unit", "form", "per", "design", "kind", "status"}
# "1.46 (95% CI 1.12 to 1.90)", "0.316, 95% CI 0.031 to 0.601", "0.76（95% CI 0.58 至 1.01）":
# an estimate, words without digits (at most 80 characters: blanked markers and "95% CI"
# count as spaces), then an interval. Applied to the text numbers._blank returns.
EFFECT = re.compile(
    r"(?<![\d.])(\d+\.\d+)[^\d\n。.!?！？]{0,80}?(?<![\d.])(\d+\.\d+)\s*(?:to|–|～|至|到)\s*(\d+\.\d+)(?![\d.])")


def _value(number) -> str:
    return numbers._normal("", repr(number) if isinstance(number, float) else str(number))


def record_numbers(data, path=()) -> list:
    """(path, shown value) of every number in a record: numeric fields and the numbers
    written in its text fields."""
    found = []
    if isinstance(data, dict):
        for name, value in data.items():
            if name not in NOT_NUMBERS:
                found += record_numbers(value, path + (name,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += record_numbers(value, path + (index,))
    elif isinstance(data, bool):
        pass
    elif isinstance(data, (int, float)):
        found.append((path, _value(data)))
    elif isinstance(data, str):
        found += [(path, number.value) for _, number in numbers.numbers_in(data)]
    return found


def untraced_record_numbers(site) -> list[Problem]:
    values = numbers._values_by_key(site)
    records = site_studies(site)
    problems = []
    for record in list(records.studies.values()) + list(records.doses.values()):
        if record.key not in site.bibliography.entries:
            continue  # STU001 says why
        allowed = values.get(record.key, set())
        reported = set()
        for path, value in record_numbers(record.data):
            if value not in allowed and (path, value) not in reported:
                reported.add((path, value))
                field_name = "/".join(map(str, path))
                problems.append(Problem(PATH, record.line_of(*path), "NUM001",
                                        f"number '{value}' of '{record.id}' ({field_name}) is not in an extract of {record.key}"))
    return problems


def effects_in(sentence: str) -> list[tuple[int, tuple]]:
    """(offset, (estimate, low, high)) of each effect with an interval in a sentence."""
    blanked = numbers._blank(sentence)
    return [(m.start(1), tuple(Decimal(g) for g in m.groups())) for m in EFFECT.finditer(blanked)]


def _written(value) -> str:
    """A record's value as written there ("1.90" stays "1.90")."""
    return value if isinstance(value, str) else f"{value:g}"


def _triple(result) -> tuple:
    return tuple(Decimal(_value(result[name])) for name in ("estimate", "low", "high"))


def disagreeing_sentences(site, page) -> list[Problem]:
    records = site_studies(site)
    if not records.studies:
        return []
    problems = []
    for paragraph, _ in numbers._paragraph_numbers(page):
        if "[@" not in paragraph.text:
            continue
        for start, sentence in numbers.sentences(paragraph.text):
            keys = numbers._keys(sentence)
            recorded = [(s, r) for s in records.citing(keys) for r in s.results]
            if not recorded:
                continue
            for offset, stated in effects_in(sentence):
                if any(_triple(r) == stated for _, r in recorded):
                    continue
                study, closest = min(recorded, key=lambda sr: sum(a != b for a, b in zip(_triple(sr[1]), stated)))
                e, lo, hi = (f"{x:f}" for x in stated)
                want = "{} ({}–{})".format(*(_written(closest[k]) for k in ("estimate", "low", "high")))
                problems.append(Problem(
                    page.display, numbers._line_of(paragraph, start + offset), "NUM003",
                    f"effect {e} ({lo}–{hi}) differs from every result recorded for {', '.join(keys)} in {PATH} "
                    f"(closest: '{study.id}' {closest['measure']} {want})"))
    return problems


def unknown_selections(site) -> list[Problem]:
    records = site_studies(site)
    if records.problems:  # the file did not load: its own problems say why
        return []
    problems = []
    for page in site.pages.values():
        for name, line, args in page.parsed.directive_args:
            if name != "studies":
                continue
            if not args:
                problems.append(Problem(page.display, line, "STU002", "'::: studies' needs study ids or tags"))
                continue
            _, unknown = records.select(args)
            for word in unknown:
                problems.append(Problem(page.display, line, "STU002", f"'::: studies': no study has the id or tag '{word}' ({PATH})"))
    return problems


def unknown_ladder_claims(site) -> list[Problem]:
    records = site_studies(site)
    stated = {claim.id for page in site.pages.values() for claim in page.parsed.claims}
    return [Problem(PATH, line, "STU001", f"ladder_claims: no page states a claim '{claim_id}'")
            for claim_id, line in zip(records.ladder_claims, records.ladder_lines) if claim_id not in stated]


def check_studies(site) -> list[Problem]:
    problems = list(site_studies(site).problems) + untraced_record_numbers(site) + unknown_selections(site)
    problems += unknown_ladder_claims(site)
    for page in site.pages.values():
        problems += disagreeing_sentences(site, page)
    return problems
