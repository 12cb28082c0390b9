"""Chinese spacing around term links: no space between Han text and a term link whose
shown text starts (or ends) with a Han character. Latin text next to Han keeps its space
(that is the usual Chinese copywriting rule), so '提供 [[vitamin-k1|K1]]' is fine."""
import re

from kb.model import markup
from kb.model.diagnostics import Problem

HAN = re.compile(r"[\u3400-\u9fff]")


def shown_text(match: re.Match, terms: dict) -> str:
    """The text a term link shows on a Chinese page: its own text or the term's zh name."""
    if match.group(2) is not None:
        return match.group(2).strip()
    term = terms.get(match.group(1).strip())
    return term.names["zh"] if term else ""


def stray_spaces(text: str, terms: dict) -> list[tuple[int, int]]:
    """(offset of the space, 1-based line) for each space between Han text and a link."""
    found = []
    for match in markup.TERM.finditer(text):
        shown = shown_text(match, terms)
        if not shown:
            continue
        start, end = match.start(), match.end()
        if HAN.match(shown[0]) and start >= 2 and text[start - 1] == " " and HAN.match(text[start - 2]):
            found.append(start - 1)
        if HAN.match(shown[-1]) and end + 1 < len(text) and text[end] == " " and HAN.match(text[end + 1]):
            found.append(end)
    return [(offset, text.count("\n", 0, offset) + 1) for offset in found]


def check_zh_spacing(site) -> list[Problem]:
    problems = []
    for page in site.pages.values():
        if page.lang != "zh":
            continue
        for offset, line in stray_spaces(page.body, site.terms):
            column = offset - page.body.rfind("\n", 0, offset)
            problems.append(Problem(page.display, page.body_line + line - 1, "ZHS001", f"space at column {column} between Han text and a term link shown in Han (write them together)"))
    return problems
