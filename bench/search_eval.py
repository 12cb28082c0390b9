"""The benchmark's search figures: reader questions typed into the site's search box in
Chromium by kb/devtools/search_eval.py, which tests/browser/test_search_questions.py uses
too. `python -m bench.search_eval SITE_DIR` prints its report for a built site."""
from kb.devtools.search_eval import LANG_PREFIX, evaluate, main


def measure(results, base_url: str) -> None:
    """The benchmark's figures (bench/__main__.py): question and term hit rates, the
    misses, bytes and time of the first query, typed into the site's search box."""
    from kb.devtools.browser import chromium
    from bench.report import Figure

    with chromium() as browser:
        questions = evaluate(browser, base_url, "kb", "questions")
        terms = evaluate(browser, base_url, "kb", "terms")
    summary = questions.summary()
    results.add(
        Figure("Search: reader questions with the answer in the first 3 results",
               f"{sum(o.hit for o in questions.outcomes)} / {len(questions.outcomes)} ({questions.rate():.0%})",
               ">= 90 %", questions.rate() >= 0.9),
        Figure("Search: term queries with the term page in the first 3 results",
               f"{sum(o.hit for o in terms.outcomes)} / {len(terms.outcomes)}", "all", terms.rate() == 1.0),
        Figure("Search: bytes fetched by the first query (zh / en), raw / gzipped",
               " / ".join(f"{summary['first_query_bytes'][l] / 1024:.0f}" for l in LANG_PREFIX) + " KB raw, "
               + " / ".join(f"{summary['first_query_gzip'][l] / 1024:.0f}" for l in LANG_PREFIX) + " KB gzipped"),
        Figure("Search: time to results, first query incl. index load (zh / en); later queries (median)",
               " / ".join(f"{summary['first_query_ms'][l]:.0f}" for l in LANG_PREFIX) + f" ms; {summary['median_ms']:.0f} ms"),
    )
    misses = [f"- `{m['q']}` → {', '.join(m['top3']) or 'nothing'}" for m in summary["misses"]]
    misses += [f"- term `{m['q']}` → {', '.join(m['top3']) or 'nothing'}" for m in terms.summary()["misses"]]
    results.sections.append(("Search misses (question set)", "\n".join(misses) or "None."))


if __name__ == "__main__":
    raise SystemExit(main())
