"""Helpers shared by the test modules (conftest.py holds only fixtures)."""
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Build:
    site: Path
    returncode: int
    output: str


def run_mkdocs_build(site_dir: Path, config: Path = REPO / "mkdocs.yml", extra_env=None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    return Build(site_dir, result.returncode, result.stdout + result.stderr)
