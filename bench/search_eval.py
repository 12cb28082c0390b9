"""The benchmark's search figures: reader questions typed into the site's search box in
Chromium by kb/devtools/search_eval.py, which tests/browser/test_search_questions.py uses
too. `python -m bench.search_eval SITE_DIR` prints its report for a built site."""
from kb.devtools.search_eval import HELDOUT, LANG_PREFIX, evaluate, load_cases, main


def measure(results, base_url: str) -> None:
    """The benchmark's figures (bench/__main__.py): question and term hit rates, the
    misses, bytes and time of the first query, typed into the site's search box."""
    from kb.devtools.browser import chromium
    from bench.report import Figure

    heldout_cases = load_cases(HELDOUT)
    with chromium() as browser:
        questions = evaluate(browser, base_url, "kb", "questions")
        terms = evaluate(browser, base_url, "kb", "terms")
        out_of_scope = evaluate(browser, base_url, "kb", "out_of_scope")
        heldout = evaluate(browser, base_url, "kb", "questions", cases=heldout_cases)
        heldout_out = evaluate(browser, base_url, "kb", "out_of_scope", cases=heldout_cases)
    summary = questions.summary()
    answered = questions.outcomes + heldout.outcomes
    false_gaps = [o for o in answered if not o.covered]
    results.add(
        Figure("Search: reader questions with the answer in the first 3 results",
               f"{sum(o.hit for o in questions.outcomes)} / {len(questions.outcomes)} ({questions.rate():.0%})",
               ">= 90 %", questions.rate() >= 0.9),
        Figure("Search: term queries with the term page in the first 3 results",
               f"{sum(o.hit for o in terms.outcomes)} / {len(terms.outcomes)}", "all", terms.rate() == 1.0),
        Figure("Search: held-out questions (data/search_heldout.yaml, never tuned on) with the answer in the first 3",
               f"{sum(o.hit for o in heldout.outcomes)} / {len(heldout.outcomes)} ({heldout.rate():.0%})"),
        Figure("Search: answered questions (tuning + held-out) wrongly said not to be covered",
               f"{len(false_gaps)} / {len(answered)}", "0", not false_gaps),
        Figure("Search: out-of-scope questions said not to be covered, tuning set / held-out",
               f"{len(out_of_scope.not_covered())} / {len(out_of_scope.outcomes)}; "
               f"{len(heldout_out.not_covered())} / {len(heldout_out.outcomes)}",
               ">= 90 %", len(out_of_scope.not_covered()) >= 0.9 * len(out_of_scope.outcomes)),
        Figure("Search: bytes fetched by the first query (zh / en), raw / gzipped",
               " / ".join(f"{summary['first_query_bytes'][l] / 1024:.0f}" for l in LANG_PREFIX) + " KB raw, "
               + " / ".join(f"{summary['first_query_gzip'][l] / 1024:.0f}" for l in LANG_PREFIX) + " KB gzipped"),
        Figure("Search: time to results, first query incl. index load (zh / en); later queries (median)",
               " / ".join(f"{summary['first_query_ms'][l]:.0f}" for l in LANG_PREFIX) + f" ms; {summary['median_ms']:.0f} ms"),
    )
    misses = [f"- `{m['q']}` → {', '.join(m['top3']) or 'nothing'}" for m in summary["misses"]]
    misses += [f"- term `{m['q']}` → {', '.join(m['top3']) or 'nothing'}" for m in terms.summary()["misses"]]
    misses += [f"- held-out `{m['q']}` → {', '.join(m['top3']) or 'nothing'}" for m in heldout.summary()["misses"]]
    misses += [f"- said not covered, but answered: `{o.query}`" for o in false_gaps]
    misses += [f"- out of scope, not caught: `{o.query}`" for o in out_of_scope.outcomes + heldout_out.outcomes if o.covered]
    results.sections.append(("Search misses (question set)", "\n".join(misses) or "None."))


if __name__ == "__main__":
    raise SystemExit(main())
