"""Chinese copywriting lint: spacing and punctuation between Han and Latin text (AutoCorrect).

AutoCorrect (autocorrect-py) reads Markdown; the site's own markers are first turned into
what readers see, line for line, with the shared parser (kb/markup.walk): a term link
becomes its text, a citation disappears (it is a superscript), a claim or directive line
becomes empty. Names such as 甲萘醌-4 keep their hyphen (AutoCorrect would space it out).
Exceptions in the text itself: `<!-- autocorrect-disable -->` ... `<!-- autocorrect-enable -->`.
"""
import difflib
import re

from kb.model import markup
from kb.model.content import Page, Site
from kb.model.diagnostics import Problem, read_text
# The rule itself (AutoCorrect, its configuration, the names that keep their hyphen) is
# shared with the renderer, which writes generated Chinese text by it.
from kb.render.typography import KEPT_HYPHEN, LINTED_LANGS as LANGS, NAME_HYPHEN, autocorrect as _autocorrect

CONTEXT = 4  # characters shown either side of a change
_CITATION_MARK = "\x00"
# As the renderer does (kb/typography.glue_citations): a citation takes the space before it along.
_CITATION_WITH_SPACE = re.compile(r"[ \t]*\x00")


def visible_source(site: Site, page: Page) -> str:
    """The page file with front matter kept and markers in the body made reader-visible."""
    source = read_text(page.file).split("\n")
    front = source[: page.body_line - 1]
    names = {term_id: term.name(page.lang) for term_id, term in site.terms.items()}
    visible = markup.PlainText(names, cite=lambda keys: _CITATION_MARK)
    body = _CITATION_WITH_SPACE.sub("", markup.walk(page.body, visible, page.body_line))
    return NAME_HYPHEN.sub(KEPT_HYPHEN, "\n".join(front + [body]))


def changes(old: str, new: str) -> list[tuple[str, str]]:
    """AutoCorrect's edits to a fragment as (before, after) with a little context; edits
    closer together than the context are reported as one."""
    edits = []  # [old_start, old_end, new_start, new_end]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if edits and i1 - edits[-1][1] <= 2 * CONTEXT:
            edits[-1][1], edits[-1][3] = i2, j2
        else:
            edits.append([i1, i2, j1, j2])
    found = []
    for i1, i2, j1, j2 in edits:
        start, end = max(0, i1 - CONTEXT), i2 + CONTEXT
        before = old[start:end]
        after = old[start:i1] + new[j1:j2] + old[i2:end]
        found.append((before.replace(KEPT_HYPHEN, "-"), after.replace(KEPT_HYPHEN, "-")))
    return found


def lint_page(site: Site, page: Page) -> list[Problem]:
    result = _autocorrect().lint_for(visible_source(site, page), page.file.name)
    problems = []
    for line in result.lines:
        for before, after in changes(line.old, line.new):
            problems.append(Problem(page.display, line.line, "TXT001", f"Chinese copywriting: '{before}' should be '{after}'"))
    return problems


def check_copywriting(site: Site) -> list[Problem]:
    problems = []
    for (lang, _), page in sorted(site.pages.items()):
        if lang in LANGS:
            problems += lint_page(site, page)
    return problems
