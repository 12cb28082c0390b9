"""Measure the site's speed and size and write BENCHMARK.md (`python -m bench`, `make bench`).

Figures: build time of the real site and of a generated corpus ten times larger, the
content checker's time, what page views download, search index sizes, search hit rate
on the reader question set, and Lighthouse
mobile on our six benchmark pages, side by side with a stock-Material peer carrying the
same text. Each figure is compared with its target. A measurement, not a test.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import ROOT, BenchmarkError

VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
QUICK_REPORT = ROOT / "build" / "benchmark-quick.md"


def ensure_site_packages():
    """Re-run under the project's .venv when this interpreter lacks the build packages."""
    try:
        import mkdocs  # noqa: F401
        import yaml  # noqa: F401
    except ImportError:
        if VENV_PYTHON.exists() and Path(sys.executable) != VENV_PYTHON:
            os.chdir(ROOT)
            os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), "-m", "bench", *sys.argv[1:]])
        raise SystemExit("mkdocs is not importable: run `make bench` (it installs .venv first)")


def measure(results, runs: int, quick: bool):
    from bench.build import measure_builds, measure_checker, measure_corpus
    from bench.compare import measure_comparison
    from bench.peer import build_peer
    from kb.commands.serve import open_server, serving
    from bench.search_eval import measure as measure_search
    from bench.sizes import benchmark_pages, choose_terms, measure_first_round_trip, measure_search_index, measure_transfer

    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        # Bound first: the site is built for the address it is served from.
        ours, peer = open_server(ROOT / "site"), open_server(Path(tmp) / "peer-site")
        if quick:
            results.skip("10x corpus build (--quick)")
        else:
            measure_corpus(results, runs, ours.base_url)
        site_dir = measure_builds(results, ours.base_url, 1 if quick else runs)
        measure_checker(results, 1 if quick else 5)
        terms = choose_terms()
        build_peer(Path(tmp) / "peer", Path(tmp) / "peer-site", terms[0])
        with serving(ours) as our_url, serving(peer) as peer_url:
            measure_transfer(results, our_url, site_dir)
            measure_first_round_trip(results, site_dir)
            measure_search_index(results, site_dir)
            measure_search(results, our_url)
            measure_comparison(results, our_url, peer_url, benchmark_pages(terms[0]), runs, quick)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="builds and Lighthouse runs per page (default 3; 1 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help=f"for development: no 10x corpus, one build, Lighthouse on the Chinese term page only; "
                             f"writes {QUICK_REPORT.relative_to(ROOT)} instead of BENCHMARK.md")
    parser.add_argument("--output", type=Path, help="report file (default BENCHMARK.md)")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 3)
    if runs < 1:
        parser.error("--runs must be at least 1")
    ensure_site_packages()
    from bench.report import Results, render_report

    output = args.output or (QUICK_REPORT if args.quick else ROOT / "BENCHMARK.md")
    start, results = time.perf_counter(), Results()
    try:
        measure(results, runs, args.quick)
    except BenchmarkError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    command = "python -m bench" + (" --quick" if args.quick else "") + f" --runs {runs}"
    previous = output.read_text("utf-8") if output.exists() else ""
    report = render_report(results, command, time.perf_counter() - start, previous)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, "utf-8")
    print(report)
    print(f"written to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
