"""Question-search measurement in real Chromium (issue 11).

Types (or pastes) each reader question of data/search_questions.yaml into the site's
real search box, reads the ranked results from the page, and reports the hit rate (an
answering page or claim among the first 3 results), the misses, the bytes fetched for the
first query and the time to results. Used by the benchmark (bench/search_eval.py) and by
tests/browser/test_search_questions.py; `python -m kb.devtools.search_eval SITE_DIR` prints
a report for a built site.

Engines are described by the selectors of their search box (ENGINES): "kb" is the site's
search (overrides/assets/kb-search.js on MiniSearch), "material" Material's built-in search
(for a build that has it, such as the stock-Material peer).
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kb.model.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]  # the repository (the project is installed editable)
QUESTIONS = ROOT / "data" / "search_questions.yaml"  # the tuning set
HELDOUT = ROOT / "data" / "search_heldout.yaml"  # run only to report (issue 29)
LANG_PREFIX = {lang.code: lang.prefix for lang in LANGUAGES}
TOP = 3


@dataclass(frozen=True)
class Engine:
    name: str
    open: str          # element clicked to open search
    box: str           # the query input
    results: str       # result links, in rank order
    # JS predicate (arg: the query) true once the results for that query are shown
    ready: str
    needs_key: bool = False  # searches on key events only (Material): press End after input
    fresh_page: bool = False


ENGINES = {
    "material": Engine(
        name="material",
        open="label[for='__search']",
        box="input[data-md-component='search-query']",
        results=".md-search-result__link",
        ready="""q => { const m = document.querySelector('.md-search-result__meta');
                 return m && !/初始化|Initializing|输入|Type to/i.test(m.textContent); }""",
        needs_key=True,
        # Clearing the box sends no key event, so Material keeps the last results on
        # screen: each query gets a fresh page (and a warm browser cache).
        fresh_page=True,
    ),
    "kb": Engine(
        name="kb",
        open="[data-kb-search-open]",
        box="[data-kb-search-input]",
        results="[data-kb-search-results] a.kb-search-hit",
        ready="""q => { const r = document.querySelector('[data-kb-search-results]');
                 return r && r.dataset.query === q && r.dataset.state === 'done'; }""",
    ),
}

def load_cases(path: Path = QUESTIONS) -> dict[str, list[dict]]:
    return yaml.safe_load(Path(path).read_text("utf-8"))


def page_of(href: str) -> str:
    """Site path of a result link, without language prefix, query or fragment."""
    path = urlsplit(href).path.lstrip("/")
    for prefix in LANG_PREFIX.values():
        if prefix and path.startswith(prefix):
            path = path[len(prefix):]
    return path


def is_hit(href: str, answers: list[str]) -> bool:
    """A result answers the question if it links to an answering page (any anchor on it)
    or to the page of an answering claim (claims/<id>/)."""
    page = page_of(href)
    for answer in answers:
        answer_page, _, anchor = answer.partition("#")
        if page == answer_page:
            return True
        if anchor and page == f"claims/{anchor}/":
            return True
    return False


def exact_hit(href: str, answers: list[str]) -> bool:
    """Stricter: the link goes to the answering claim or section itself."""
    page, fragment = page_of(href), urlsplit(href).fragment
    return any(
        (page, fragment) == tuple(a.partition("#")[::2]) or page == f"claims/{a.partition('#')[2]}/"
        for a in answers if "#" in a
    ) or any(page == a for a in answers if "#" not in a)


@dataclass
class Outcome:
    lang: str
    query: str
    answers: list[str]
    hrefs: list[str]
    ms: float
    covered: bool = True  # False: search said the site does not cover the question

    @property
    def hit(self) -> bool:
        return any(is_hit(h, self.answers) for h in self.hrefs[:TOP])

    @property
    def exact(self) -> bool:
        return any(exact_hit(h, self.answers) for h in self.hrefs[:TOP])


@dataclass
class Report:
    engine: str
    mode: str
    outcomes: list[Outcome] = field(default_factory=list)
    first_query_bytes: dict[str, int] = field(default_factory=dict)      # per language, raw
    first_query_gzip: dict[str, int] = field(default_factory=dict)       # per language, gzipped
    first_query_ms: dict[str, float] = field(default_factory=dict)       # open + type -> results
    requests: list[str] = field(default_factory=list)                    # every URL requested

    def rate(self, attr: str = "hit") -> float:
        return sum(getattr(o, attr) for o in self.outcomes) / max(1, len(self.outcomes))

    def not_covered(self) -> list[Outcome]:
        """The questions search said the site does not cover."""
        return [o for o in self.outcomes if not o.covered]

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.hit]

    def summary(self) -> dict:
        times = [o.ms for o in self.outcomes]
        return {
            "engine": self.engine, "mode": self.mode, "queries": len(self.outcomes),
            "hit_rate_top3": round(self.rate(), 3), "exact_rate_top3": round(self.rate("exact"), 3),
            "median_ms": round(statistics.median(times), 1) if times else None,
            "max_ms": round(max(times), 1) if times else None,
            "first_query_ms": self.first_query_ms,
            "first_query_bytes": self.first_query_bytes, "first_query_gzip": self.first_query_gzip,
            "said_not_covered": [o.query for o in self.not_covered()],
            "misses": [{"q": o.query, "top3": [page_of(h) + ("#" + urlsplit(h).fragment if urlsplit(h).fragment else "")
                                                for h in o.hrefs[:TOP]]} for o in self.misses],
        }


def _enter(page, engine: Engine, query: str, mode: str) -> None:
    box = page.locator(engine.box)
    box.fill("")
    if mode == "paste":
        # A real paste from the clipboard: Chromium fires paste and input (insertFromPaste).
        page.evaluate("q => navigator.clipboard.writeText(q)", query)
        box.focus()
        page.keyboard.press("ControlOrMeta+V")
    else:
        box.press_sequentially(query)
    if engine.needs_key:
        box.press("End")


def _results(page, engine: Engine) -> list[str]:
    return page.eval_on_selector_all(engine.results, "els => els.map(e => e.getAttribute('href'))")


def _absolute(page, hrefs: list[str]) -> list[str]:
    return page.evaluate("hs => hs.map(h => new URL(h, document.baseURI).href)", hrefs)


def run_language(context, base_url: str, engine_name: str, lang: str, cases: list[dict],
                 mode: str, report: Report) -> None:
    page = context.new_page()
    sizes: list[tuple[int, int]] = []
    counting = {"on": False}

    def finished(request):
        report.requests.append(request.url)
        if counting["on"]:
            response = request.response()
            body = response.body() if response else b""
            sizes.append((len(body), len(gzip.compress(body, 6))))

    page.on("requestfinished", finished)
    page.goto(base_url + LANG_PREFIX[lang])
    page.wait_for_load_state("networkidle")
    counting["on"] = True
    first = True
    for case in cases:
        query = case["q"]
        start = time.perf_counter()
        engine = ENGINES[engine_name]
        if engine.fresh_page and not first:
            page.goto(base_url + LANG_PREFIX[lang])
        if first or engine.fresh_page:
            page.locator(engine.open).first.click()
        if engine.fresh_page and not first:
            page.wait_for_function(
                "() => !/初始化|Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
        _enter(page, engine, query, mode)
        if not first:
            start = time.perf_counter()  # time to results after the query is in
        page.wait_for_function(engine.ready, arg=query, timeout=15000)
        hrefs = _results(page, engine)
        covered = page.evaluate("() => (document.querySelector('[data-kb-search-results]') || {dataset: {}}).dataset.covered !== 'no'")
        elapsed = (time.perf_counter() - start) * 1000
        if first:
            page.wait_for_load_state("networkidle")
            report.first_query_ms[lang] = round(elapsed, 1)
            report.first_query_bytes[lang] = sum(s[0] for s in sizes)
            report.first_query_gzip[lang] = sum(s[1] for s in sizes)
            counting["on"] = False
            first = False
        report.outcomes.append(Outcome(lang, query, case["answers"], _absolute(page, hrefs), elapsed, covered))
    page.close()


def evaluate(browser, base_url: str, engine: str = "kb", kind: str = "questions",
             mode: str = "type", cases: dict | None = None) -> Report:
    """Run one case list ("questions", "terms" or "out_of_scope") of a set against a served site."""
    cases = cases or load_cases()
    report = Report(engine, mode)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    try:
        for lang in LANG_PREFIX:
            chosen = [c for c in cases[kind] if c["lang"] == lang]
            if chosen:
                run_language(context, base_url, engine, lang, chosen, mode, report)
    finally:
        context.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="built site directory")
    parser.add_argument("--engine", default="kb", choices=list(ENGINES))
    parser.add_argument("--mode", default="type", choices=["type", "paste"])
    parser.add_argument("--kind", default="questions", choices=["questions", "terms", "out_of_scope"])
    parser.add_argument("--heldout", action="store_true", help="run the held-out set (to report, never to tune)")
    args = parser.parse_args(argv)
    from kb.devtools.browser import chromium
    from kb.commands.serve import open_server, serving

    with serving(open_server(args.site)) as base_url, chromium() as browser:
        report = evaluate(browser, base_url, args.engine, args.kind, args.mode,
                          cases=load_cases(HELDOUT) if args.heldout else None)
    print(json.dumps(report.summary(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
