"""BENCHMARK.md keeps its hand-measured search-engine comparison when regenerated."""
import os

from bench import sizes
from bench.report import Results, render_report


def test_regenerated_report_keeps_the_search_engine_comparison():
    previous = "# Benchmark\n\n## Old figures\nstale\n\n## Site search: engine choice (by hand)\n\nPagefind: 96 %.\n"
    report = render_report(Results(), "python -m bench", 1.0, previous)
    assert "## Site search: engine choice (by hand)\n\nPagefind: 96 %." in report
    assert "stale" not in report


def fake_report(lcp, tbt, performance=1.0):
    audits = {"largest-contentful-paint": lcp, "total-blocking-time": tbt, "first-contentful-paint": lcp,
              "total-byte-weight": 1000}
    return {"categories": {"performance": {"score": performance}},
            "audits": {name: {"numericValue": value} for name, value in audits.items()}}


def test_applied_throttling_compares_only_the_pages_both_sites_carry_and_says_so():
    from bench.compare import APPLIED, comparison_figures, make_targets, paired

    pages = {"term": "glossary/x/", "article": "articles/y/", "home": ""}
    targets = make_targets("http://ours/", "http://peer/", pages, quick=False, throttling=APPLIED)
    assert {t.page for t in targets} == {"term", "article"} and all(t.throttling == APPLIED for t in targets)
    for target in targets:
        target.reports = [fake_report(800 if target.site == "ours" else 1600, 10 if target.site == "ours" else 30)]
    figures = comparison_figures(paired(targets))
    lcp = [f for f in figures if f.name == "LCP ours / peer, term (zh), applied throttling"]
    assert lcp and lcp[0].value.startswith("0.50") and lcp[0].passed
    # A peer faster on the page fails the target.
    for target in targets:
        if target.site == "peer":
            target.reports = [fake_report(700, 0)]
    assert not any(f.passed for f in comparison_figures(paired(targets)))


def test_first_round_trip_figure_fails_a_term_page_too_big_for_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sizes, "choose_terms", lambda: ("big", "small"))
    for prefix in ("", "en/"):
        for name, size in (("small", 2000), ("big", 40000)):
            page = tmp_path / prefix / "glossary" / name / "index.html"
            page.parent.mkdir(parents=True)
            page.write_bytes(os.urandom(size // 2).hex().encode()[:size])  # does not compress away
    results = Results()
    sizes.measure_first_round_trip(results, tmp_path)
    assert [f.passed for f in results.figures] == [False, False]
    assert all("1 of 2" in f.name and f.target.startswith("≤ 14,336 B") for f in results.figures)


def test_a_switch_is_measured_off_in_a_copy_of_the_config_and_its_section_replaced():
    import yaml
    from bench import switches
    from kb.finish import switches as finish_switches

    config = "site_name: x\nextra:\n  repository: ''\nplugins: []\n"
    off = yaml.safe_load(switches.switched_off_config(config, "lazy_layout"))
    assert finish_switches.from_extra(off["extra"]).lazy_layout is False
    assert off["extra"]["repository"] == ""
    report = "# Benchmark\n\n## A\n\na\n\n## Switches measured off\n\nold\n\n## B\n\nb\n"
    replaced = switches.replace_section(report, "## Switches measured off\n\nnew\n")
    assert "old" not in replaced and replaced.count("## Switches measured off") == 1
    assert "## A\n\na" in replaced and "## B\n\nb" in replaced and replaced.endswith("new\n")
    # The main benchmark keeps the section it does not write.
    assert "## Switches measured off\n\nnew" in render_report(Results(), "python -m bench", 1.0, replaced)
