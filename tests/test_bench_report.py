"""BENCHMARK.md keeps its hand-measured search-engine comparison when regenerated."""
from bench.report import Results, render_report


def test_regenerated_report_keeps_the_search_engine_comparison():
    previous = "# Benchmark\n\n## Old figures\nstale\n\n## Site search: engine choice (by hand)\n\nPagefind: 96 %.\n"
    report = render_report(Results(), "python -m bench", 1.0, previous)
    assert "## Site search: engine choice (by hand)\n\nPagefind: 96 %." in report
    assert "stale" not in report
