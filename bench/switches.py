"""Each switch of the finishing pass measured off against on (`python -m bench.switches`).

A switch (kb/finish/switches.py) stays only where it wins under both simulated and applied
throttling, or BENCHMARK.md says why it stays. For each switch this builds two copies of
the repository, one as it is and one with `extra.kb_switches.<name>: false` in mkdocs.yml,
serves both, and runs Lighthouse mobile on the term and article pages of every language
under both throttling methods, on and off alternating (the order flips each run), median
of the runs. It writes the section "Switches measured off" of BENCHMARK.md, which
`python -m bench` keeps (bench/report.py KEPT_SECTIONS).
"""
import argparse
import dataclasses
import re
import sys
import tempfile
import time
from pathlib import Path

from bench import LANG_PREFIXES, ROOT, BenchmarkError, log
from bench.build import build_site, copy_sources
from bench.compare import APPLIED, millis, per_run_line, seconds
from bench.lighthouse import Target, lighthouse_available, run_alternating
from bench.report import Results
from bench.sizes import benchmark_pages, choose_terms
from kb.finish.switches import CONFIG_KEY, Switches

SECTION = "Switches measured off"
PAGES = ("term", "article")
METHODS = {"simulate": "simulated", APPLIED: "applied"}


def switched_off_config(text: str, name: str) -> str:
    """mkdocs.yml's text with `extra.kb_switches.<name>: false` (the file has an `extra:`
    block; both languages' configs inherit it)."""
    if not re.search(r"(?m)^extra:\s*$", text):
        raise BenchmarkError("mkdocs.yml has no top-level `extra:` block to add a switch to")
    return re.sub(r"(?m)^extra:\s*$", f"extra:\n  {CONFIG_KEY}:\n    {name}: false", text, count=1)


def build_variant(dest: Path, site_url: str, off: str | None) -> None:
    """A copy of the repository in dest, built for site_url, with switch `off` off."""
    copy_sources(dest)
    if off:
        config = dest / "mkdocs.yml"
        config.write_text(switched_off_config(config.read_text("utf-8"), off), "utf-8")
    log(f"building the site with {off or 'every switch'} {'off' if off else 'on'}")
    build_site(dest, site_url)


def targets_for(on_url: str, off_url: str, pages: dict) -> list[Target]:
    targets = []
    for method in METHODS:
        for lang, prefix in LANG_PREFIXES.items():
            for name in PAGES:
                for variant, url in (("on", on_url), ("off", off_url)):
                    targets.append(Target(variant, name, lang, url + prefix + pages[name], method))
    return targets


def rows(targets: list[Target]) -> list[str]:
    by_key = {(t.site, t.page, t.lang, t.throttling): t for t in targets if t.reports}
    out = []
    for method, method_name in METHODS.items():
        for lang in LANG_PREFIXES:
            for page in PAGES:
                on, off = by_key.get(("on", page, lang, method)), by_key.get(("off", page, lang, method))
                if not (on and off):
                    continue
                out.append(f"| {page} ({lang}) | {method_name} | {seconds(on.median('LCP'))} | {seconds(off.median('LCP'))} "
                           f"| {millis(on.median('TBT'))} | {millis(off.median('TBT'))} "
                           f"| {seconds(on.median('FCP'))} | {seconds(off.median('FCP'))} |")
    return out


def per_run(targets: list[Target]) -> list[str]:
    return [f"{per_run_line(t)} ({METHODS[t.throttling]})" for t in targets if t.reports]


def measure_switch(name: str, runs: int, pages: dict, results: Results) -> list[str]:
    from kb.commands.serve import open_server, serving

    with tempfile.TemporaryDirectory(prefix=f"kb-switch-{name}-") as tmp:
        on_dir, off_dir = Path(tmp) / "on", Path(tmp) / "off"
        on_server, off_server = open_server(on_dir / "site"), open_server(off_dir / "site")
        build_variant(on_dir, on_server.base_url, None)
        build_variant(off_dir, off_server.base_url, name)
        with serving(on_server) as on_url, serving(off_server) as off_url:
            targets = targets_for(on_url, off_url, pages)
            run_alternating(targets, runs, results)
    return [f"### `{name}`", "",
            "| page | throttling | LCP on | LCP off | TBT on | TBT off | FCP on | FCP off |",
            "|---|---|---:|---:|---:|---:|---:|---:|", *rows(targets), "",
            "<details><summary>Per run</summary>", "", *per_run(targets), "", "</details>", ""]


def replace_section(report: str, text: str) -> str:
    """BENCHMARK.md with its SECTION replaced by text (or text added at the end)."""
    parts = re.split(r"(?m)^(?=## )", report)
    kept = [part for part in parts if not part.startswith(f"## {SECTION}")]
    return "".join(kept).rstrip() + "\n\n" + text.rstrip() + "\n"


def main(argv=None) -> int:
    names = [field.name for field in dataclasses.fields(Switches)]
    parser = argparse.ArgumentParser(prog="python -m bench.switches", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page, method and variant (default 3)")
    parser.add_argument("--only", choices=names, action="append", help="measure this switch (repeatable; default all)")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARK.md")
    args = parser.parse_args(argv)
    results = Results()
    if not lighthouse_available(results):
        print("bench.switches: " + "; ".join(results.skipped), file=sys.stderr)
        return 1
    start = time.perf_counter()
    pages = benchmark_pages(choose_terms()[0])
    body = []
    try:
        for name in args.only or names:
            body += measure_switch(name, args.runs, pages, results)
    except BenchmarkError as exc:
        print(f"bench.switches: {exc}", file=sys.stderr)
        return 1
    minutes = (time.perf_counter() - start) / 60
    text = "\n".join([
        f"## {SECTION}", "",
        f"Written by `python -m bench.switches --runs {args.runs}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
        f"({minutes:.0f} min). Each switch of `kb/finish/switches.py` off against all on: two builds of the "
        "repository, Lighthouse mobile on both, alternating run by run, median of the runs; simulated is "
        "Lighthouse's default throttling, applied its `devtools` method (see the two side-by-side sections above). "
        "What each switch does and why it stays: the section \"Switches of the finishing pass\".", "",
        *body, *(["Not measured: " + "; ".join(results.skipped)] if results.skipped else [])])
    previous = args.output.read_text("utf-8") if args.output.exists() else ""
    args.output.write_text(replace_section(previous, text), "utf-8")
    log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
