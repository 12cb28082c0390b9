"""Benchmark and browser tooling of the site: `python -m bench` measures speed and size
and writes BENCHMARK.md; `python -m bench.screenshots` takes phone screenshots.

Modules: build (builds through `make build`), peer (the stock-Material comparison site),
sizes (transfer per view), lighthouse, search_eval (search figures), report. What the tests
use too lives in kb/devtools/ (the one Chromium launcher, the search evaluation, mkdocs.yml
as data); the static server is kb/commands/serve.py. bench/ and tests/ import neither each
other's code nor data, except the tests of bench itself (tests/test_bench_report.py)."""
import sys
from pathlib import Path

from kb.model.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
LANG_PREFIXES = {lang.code: lang.prefix for lang in LANGUAGES}  # URL prefix of each language, default first
KB = 1024  # sizes are reported in KB of 1024 bytes


class BenchmarkError(Exception):
    """A measurement could not be made (failed build, missing tool)."""


def log(message: str):
    print(f"[bench] {message}", file=sys.stderr, flush=True)
