"""An mkdocs.yml read as plain data, for tools that need a setting without running MkDocs."""
from pathlib import Path

import yaml


class _TagIgnoringLoader(yaml.SafeLoader):
    pass


_TagIgnoringLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    """An mkdocs.yml as data, its tags (!ENV and the like) read as None."""
    return yaml.load(Path(path).read_text("utf-8"), Loader=_TagIgnoringLoader) or {}
