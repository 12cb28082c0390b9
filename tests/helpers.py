"""Helpers shared by the test modules (conftest.py holds only fixtures)."""
import os
from dataclasses import dataclass
from pathlib import Path

from kb.build import build_site

REPO = Path(__file__).resolve().parents[1]
# What a copy of the repository needs to build (tests/fixtures/site holds the content).
BUILD_FILES = ("mkdocs.yml", "mkdocs.en.yml", "overrides")


@dataclass
class Build:
    site: Path
    returncode: int
    output: str


def run_mkdocs_build(site_dir: Path, root: Path = REPO, extra_env=None) -> Build:
    """Build every language of the site at root (kb-build) into site_dir."""
    env = {**os.environ, **(extra_env or {})}
    returncode, output = build_site(root, site_dir, capture=True, env=env)
    return Build(site_dir, returncode, output)
