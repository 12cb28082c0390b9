"""Numbers in Chinese text, written one way (README, "Numbers in Chinese text"):

- a numeric range takes the wave dash of GB/T 15834: 7～8 倍, 3～5 小时, 0.58～1.01; not an
  en or em dash, a hyphen, a tilde or 至/到 (ZHN001);
- a mass after a number is written 微克 / 毫克, not µg / mg (ZHN002). Most Chinese pages
  already wrote it so, a reader needs no symbols to read it, and the number checks
  (kb/checks/numbers.py) count 微克 as µg and 毫克 as mg, so the two languages still compare.

The rules read what a reader sees (kb/checks/copywriting.visible_source: term links become
their text, citations disappear), front matter included, with link targets, inline code and
web addresses left out. A date such as 2026-11-24 is not a range.
"""
import re

from kb.checks import numbers
from kb.checks.copywriting import visible_source
from kb.model.content import Site
from kb.model.diagnostics import Problem

WAVE_DASH = "～"  # U+FF5E FULLWIDTH TILDE, the form GB/T 15834 prints
# The Chinese word for each symbol of a mass, from the number rules' one table of units
# (kb/checks/numbers.py: 微克 is µg there, 毫克 is mg).
ZH_WORD = {canonical: word for word, canonical in numbers.UNITS.items() if word in ("微克", "毫克")}
UNITS = {symbol: ZH_WORD[numbers.UNITS[symbol]] for symbol in ("µg", "μg", "mcg", "mg")}
# Text a reader does not read as prose: link targets, inline code, web addresses, dates, and
# the numbers of standards (GB/T 15834-2011, WS/T 578.4-2018), whose hyphen is part of the name.
STANDARD = r"\b[A-Z]{1,4}(?:/[A-Z])?\s?\d+(?:\.\d+)*-\d{4}\b"
NOT_PROSE = re.compile(rf"\]\([^)\s]*\)|`[^`]*`|https?://\S+|\b\d{{4}}-\d{{2}}-\d{{2}}\b|{STANDARD}")
NUMBER = r"\d+(?:[.,]\d+)*"
# A unit or counter may stand after the first number of a range (3 小时～5 小时 reads the
# same as 3～5 小时); it is kept out of what is reported.
RANGE = re.compile(
    rf"(?<![\w.])(?P<first>{NUMBER})(?P<unit>\s*(?:微克|毫克|µg|μg|mcg|mg|%|倍|小时|天|周|个月|年|人)?)"
    rf"(?P<gap>\s*)(?P<mark>[–—\-~〜－]|至|到)\s*(?P<second>[−-]?{NUMBER})(?![\w.]*-\d)")
MASS = re.compile(rf"(?<![\w.])(?P<number>{NUMBER})\s*(?P<unit>µg|μg|mcg|mg)(?![A-Za-z])")


def blank_non_prose(line: str) -> str:
    """The line with what is not prose replaced by spaces, so that columns still match."""
    return NOT_PROSE.sub(lambda match: " " * len(match.group(0)), line)


def range_problems(line: str) -> list[str]:
    """Messages for each range in a line of Chinese text not written with the wave dash."""
    found = []
    for match in RANGE.finditer(blank_non_prose(line)):
        if match.group("mark") == WAVE_DASH:
            continue
        written = match.group(0)
        wanted = f"{match.group('first')}{WAVE_DASH}{match.group('second')}"
        found.append(f"range '{written}' written with '{match.group('mark')}': write ranges in Chinese text with the wave dash, as in '{wanted}' (GB/T 15834)")
    return found


def unit_problems(line: str) -> list[str]:
    """Messages for each mass written µg / mg after a number in a line of Chinese text."""
    found = []
    for match in MASS.finditer(blank_non_prose(line)):
        unit = match.group("unit")
        found.append(f"'{match.group(0)}': write '{match.group('number')} {UNITS[unit]}' in Chinese text, not '{unit}'")
    return found


def check_zh_numbers(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages.values():
        if page.lang != "zh":
            continue
        for number, line in enumerate(visible_source(site, page).split("\n"), start=1):
            problems += [Problem(page.display, number, "ZHN001", message) for message in range_problems(line)]
            problems += [Problem(page.display, number, "ZHN002", message) for message in unit_problems(line)]
    return problems
