"""The console commands (kb-build, kb-check, kb-new, kb-serve, kb-update-manifest): argument
parsing and calls into the library, nothing else.

Each command works on the site in the current directory, or the one --root names: the
package may be installed anywhere (pip install .), so no command looks for the site
beside its own files.
"""
import sys
from pathlib import Path


def site_root(path: Path) -> Path | None:
    """The resolved site root, or None (with a message on stderr) when `path` holds no
    site: its docs/ and data/ folders are what every command reads."""
    root = Path(path).resolve()
    if (root / "docs").is_dir() and (root / "data").is_dir():
        return root
    print(f"{path}: not a site (no docs/ and data/ folders here); run the command in the "
          "repository or pass --root DIR", file=sys.stderr)
    return None
