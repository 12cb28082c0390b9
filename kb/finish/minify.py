"""Our scripts as readers download them: without comments and spaces.

overrides/assets/*.js keep their comments, which say why each behaviour is as it is; a
phone downloads none of them. rjsmin (a small, long-kept pure-Python minifier) removes
comments and spaces only, renaming nothing, so an error's stack trace still names our
functions. Vendored files (assets/vendor/) are minified already and left alone.
"""
from pathlib import Path

import rjsmin


def minify_scripts(site_dir: Path, paths) -> list[Path]:
    """Minify, in place, each of our scripts (paths relative to the language's directory)
    that the build wrote; returns those it changed."""
    changed = []
    for rel in paths:
        file = Path(site_dir) / rel
        if not file.is_file():
            continue
        text = file.read_text("utf-8")
        small = rjsmin.jsmin(text, keep_bang_comments=False)
        if small != text:
            file.write_text(small, "utf-8")
            changed.append(file)
    return changed
