"""Benchmark and browser tooling of the site: `python -m bench` measures speed and size
and writes BENCHMARK.md; `python -m bench.screenshots` takes phone screenshots.

Modules: browser (the one Chromium launcher),
build (builds through `make build`), peer (the stock-Material comparison site),
sizes (transfer per view), lighthouse, report. The static server is kb/commands/serve.py."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG_PREFIXES = {"zh": "", "en": "en/"}  # URL prefix of each language
KB = 1024  # sizes are reported in KB of 1024 bytes


class BenchmarkError(Exception):
    """A measurement could not be made (failed build, missing tool)."""


def log(message: str):
    print(f"[bench] {message}", file=sys.stderr, flush=True)
