"""Every source file is UTF-8 text (KB004).

A Chinese file saved by an editor as GBK, or a stray Latin-1 byte, would otherwise stop the
checker with a traceback. The loaders read bytes that are not UTF-8 as U+FFFD
(diagnostics.read_text) and go on; this module names each such file once, at its first bad
byte. It scans by pattern, so a data file added later is covered without a change here.
"""
from pathlib import Path

from kb.model.diagnostics import Problem, rel

SOURCES = (
    "docs/**/*.md", "data/**/*.yaml", "data/**/*.bib", "links/*.txt", "mkdocs*.yml",
    "overrides/**/*.html", "overrides/**/*.css", "overrides/**/*.js", "overrides/**/*.xml",
)


def not_utf8(file: Path, path: str) -> list[Problem]:
    data = Path(file).read_bytes()
    try:
        data.decode("utf-8")
        return []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return [Problem(path, line, "KB004", f"not UTF-8 text (byte 0x{data[exc.start]:02x}): save the file as UTF-8")]


def check_encodings(root: Path) -> list[Problem]:
    root = Path(root)
    files = sorted({file for pattern in SOURCES for file in root.glob(pattern) if file.is_file()})
    return [problem for file in files for problem in not_utf8(file, rel(file, root))]
