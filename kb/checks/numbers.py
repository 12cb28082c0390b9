"""Numbers in the text: each number of a cited sentence must appear in an extract of a
source cited in that sentence or its paragraph (NUM001), and the numbers of each
paragraph must be the same multiset in both languages (NUM002).

A number is a value with an optional unit. Thousands separators and leading zeros are
normalised (1,000 = 1000; .5 = 0.5), µg/mcg/微克 and mg/毫克 are one unit each, but
0.5 mg and 500 µg stay different numbers: the two languages should write them alike.
Not numbers here: years (1900-2099 without a unit), dates, list numbering, headings,
citation keys, term ids, link targets, names such as MK-4/K2/D3, and the "95%" of "95% CI".
"""
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kb.model import languages, markup
from kb.model.diagnostics import Problem
from kb.model.extracts import site_extracts

UNITS = {"µg": "µg", "μg": "µg", "mcg": "µg", "micrograms": "µg", "microgram": "µg", "微克": "µg",
         "mg": "mg", "milligrams": "mg", "milligram": "mg", "毫克": "mg", "IU": "IU", "%": "%"}
NUMBER = re.compile(
    r"(?<![\w.\-/#])([−-](?=[\d.]))?(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*(µg|μg|mcg|micrograms?|milligrams?|微克|mg|毫克|IU|%)(?![A-Za-z]))?(?![A-Za-z\d])"
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
BLANKED = [
    re.compile(r"95%(?=\s*(?:CI|\[\[confidence-interval|confidence interval|置信区间))"),
    markup.CITATION,                                   # [@key2020]
    re.compile(r"\[\[[^\[\]|]*\]\]"),                  # [[term-id]] (shows a name, no number)
    re.compile(r"\[\[[^\[\]|]*\|"),                    # the id part of [[term-id|text]]
    re.compile(r"\]\([^)]*\)"),                        # link targets
    re.compile(r"`[^`]*`"),                            # inline code
    re.compile(rf"\b\d{{1,2}} (?:{MONTHS})\b"),        # 17 December
    re.compile(r"\d{1,2} 月(?: \d{1,2} 日)?"),          # 12 月 17 日
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),              # ISO dates
    re.compile(r"^\s*(?:[-*]|\d+\.)\s", re.M),          # list markers and numbering
]
SENTENCE_END = re.compile(r"[。！？](?:\*\*|[”」）])?|[.!?](?:\*\*|[\"”’)])?\s+(?=[^\sa-z])")


@dataclass(frozen=True)
class Number:
    value: str  # normalised decimal, e.g. "0.5"
    unit: str   # "", "µg", "mg", "IU" or "%"

    def __str__(self):
        if not self.unit:
            return self.value
        return f"{self.value}{self.unit}" if self.unit == "%" else f"{self.value} {self.unit}"

    def micrograms(self):
        factor = {"µg": 1, "mg": 1000}.get(self.unit)
        return Decimal(self.value) * factor if factor else None


def _normal(sign: str, digits: str) -> str:
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return digits
    text = f"{value.normalize():f}"
    return ("-" if sign and value else "") + text


def _blank(text: str) -> str:
    """The text with everything that is not prose replaced by spaces (offsets kept)."""
    text = re.sub(r"(?<=\d)-(?=\d)", "–", text)  # 0.58-1.01 is a range, not a negative
    for pattern in BLANKED:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def numbers_in(text: str) -> list[tuple[int, Number]]:
    """(offset, Number) for each number in a piece of Markdown prose."""
    found = []
    for match in NUMBER.finditer(_blank(text)):
        sign, digits, unit = match.group(1) or "", match.group(2), UNITS.get(match.group(3) or "", "")
        number = Number(_normal(sign, digits), unit)
        if not unit and re.fullmatch(r"(19|20)\d\d", number.value):
            continue  # a year
        found.append((match.start(2), number))
    return found


def extract_values(extracts) -> set:
    values = set()
    for extract in extracts:
        values |= {n.value for _, n in numbers_in(extract.text)}
        values |= {n.value for x in extract.numbers for _, n in numbers_in(x)}
    return values


@dataclass
class Paragraph:
    line: int  # file line of its first line
    text: str


def paragraphs(page) -> list[Paragraph]:
    """Blocks of prose: separated by blank lines; each list item is a block of its own.
    Headings, fences, claim and directive lines and admonition titles are left out."""
    blocks, current, start, fenced = [], [], 0, False

    def flush():
        if current:
            blocks.append(Paragraph(start, "\n".join(current)))
            current.clear()

    for number, line in enumerate(page.body.split("\n")):
        file_line = page.body_line + number
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            flush()
            continue
        if fenced or not stripped or stripped.startswith(("#", ":::", "!!!", "???", "<")):
            flush()
            continue
        if re.match(r"^\s*(?:[-*]|\d+\.)\s", line):
            flush()
        if not current:
            start = file_line
        current.append(line)
    flush()
    return blocks


def _line_of(paragraph: Paragraph, offset: int) -> int:
    return paragraph.line + paragraph.text.count("\n", 0, offset)


def _values_by_key(site) -> dict:
    """key -> the numbers of its extracts, computed once per site model."""
    cached = getattr(site, "_kb_extract_values", None)
    if cached is None:
        cached = {key: extract_values(items) for key, items in site_extracts(site)[0].items()}
        site._kb_extract_values = cached
    return cached


def _paragraph_numbers(page) -> list[tuple[Paragraph, list]]:
    """(paragraph, [(offset, Number)]) for each paragraph, computed once per page."""
    cached = getattr(page, "_kb_numbers", None)
    if cached is None:
        cached = [(p, numbers_in(p.text)) for p in paragraphs(page)]
        page._kb_numbers = cached
    return cached


def untraced_numbers(site, page) -> list[Problem]:
    values = _values_by_key(site)
    problems = []
    for paragraph, found in _paragraph_numbers(page):
        cited_here = _keys(paragraph.text) if found else []
        if not cited_here:
            continue
        allowed = set().union(*(values.get(key, set()) for key in cited_here))
        for start, sentence in sentences(paragraph.text):
            if "[@" not in sentence or not _keys(sentence):
                continue
            for at, number in found:
                if start <= at < start + len(sentence) and number.value not in allowed:
                    problems.append(Problem(
                        page.display, _line_of(paragraph, at), "NUM001",
                        f"number '{number}' in a cited sentence is not in an extract of its sources ({', '.join(cited_here)})"))
    return problems


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a sentence keeps its closing punctuation."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    out, start = [], 0
    for end in ends:
        if end > start:
            out.append((start, text[start:end]))
            start = end
    return out


def _keys(text: str) -> list:
    keys = []
    for match in markup.CITATION.finditer(text):
        for key in markup.split_citation(match.group(1)) or []:
            if key not in keys:
                keys.append(key)
    return keys


def _numbers_by_paragraph(page) -> list[tuple[int, list]]:
    """(first line, [(line, Number)]) per paragraph."""
    return [(p.line, [(_line_of(p, at), n) for at, n in found]) for p, found in _paragraph_numbers(page)]


def differing_numbers(first, second) -> list[Problem]:
    """NUM002: numbers of one language's paragraph that the other's lacks, at its line."""
    ours, theirs = _numbers_by_paragraph(first), _numbers_by_paragraph(second)
    if len(ours) != len(theirs):  # the paragraphs do not pair up: compare whole pages
        ours = [(first.body_line, [n for _, ns in ours for n in ns])]
        theirs = [(second.body_line, [n for _, ns in theirs for n in ns])]
    problems = []
    for (_, found), (other_line, other_found) in zip(ours, theirs):
        mine, other = Counter(n for _, n in found), Counter(n for _, n in other_found)
        extra_there = other - mine
        for number in mine - other:
            line = next(at for at, n in found if n == number)
            same = [o for o in extra_there if o.micrograms() is not None and o.micrograms() == number.micrograms()]
            if same:
                message = f"number '{number}' here is '{same[0]}' in {second.display} (same amount in another unit: write it the same way)"
            else:
                message = f"number '{number}' here is missing from {second.display} (paragraph at line {other_line})"
            problems.append(Problem(first.display, line, "NUM002", message))
    return problems


def check_numbers(site) -> list[Problem]:
    problems = list(site_extracts(site)[1])
    for page in site.pages.values():
        problems += untraced_numbers(site, page)
    for page in site.pages.values():
        if page.lang != languages.DEFAULT.code:
            continue
        for lang in languages.others(page.lang):  # each translation against the default language's page
            other = site.page(lang.code, page.path)
            if other is not None:
                problems += differing_numbers(page, other) + differing_numbers(other, page)
    return problems
