"""NEW001: placeholders kb-new wrote (`TODO: <what to write>`) that are still there.

The instruction after the marker is the message, so the checker's list tells the editor
what each file still needs. Scanned: the pages, the data files and the MkDocs
configuration (kb-new adds an article's nav labels there).
"""
import re

from kb.model.diagnostics import Problem, read_text, rel
from kb.model.scaffold import MARKER

# The instruction runs to the end of the line, the quote that closes a YAML string or the
# `{#id}` of a heading.
PLACEHOLDER = re.compile(re.escape(MARKER) + r"""([^"{\n]*)""")
SCANNED = ("docs/**/*.md", "data/**/*.yaml", "mkdocs*.yml")


def check_placeholders(root) -> list[Problem]:
    problems = []
    for pattern in SCANNED:
        for file in sorted(root.glob(pattern)):
            for number, line in enumerate(read_text(file).splitlines(), start=1):
                for match in PLACEHOLDER.finditer(line):
                    problems.append(Problem(rel(file, root), number, "NEW001",
                                            f"fill in the placeholder: {match.group(1).strip()}"))
    return problems
