"""Reader questions and term queries typed into the site's search box in Chromium,
measured by kb/devtools/search_eval.py against data/search_questions.yaml (issue 11), the
tuning set; the held-out set (data/search_heldout.yaml, issue 29) is run to report its
rates, never asserted: tuning to it would make it one more tuning set."""
import pytest

from kb.devtools import search_eval

pytestmark = pytest.mark.browser


def test_reader_questions_find_their_answer_in_the_first_three(browser, base_url):
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="questions")
    assert report.rate() >= 0.9, report.summary()["misses"]


def test_answered_questions_are_never_said_to_be_uncovered(browser, base_url):
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="questions")
    assert report.not_covered() == [], [o.query for o in report.not_covered()]


def test_questions_the_site_does_not_answer_are_said_to_be_uncovered(browser, base_url):
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="out_of_scope")
    caught = len(report.not_covered())
    assert caught >= 0.9 * len(report.outcomes), [o.query for o in report.outcomes if o.covered]


def test_report_the_held_out_set(browser, base_url, capsys):
    cases = search_eval.load_cases(search_eval.HELDOUT)
    assert len(cases["questions"]) + len(cases["out_of_scope"]) >= 40
    answered = search_eval.evaluate(browser, base_url, engine="kb", kind="questions", cases=cases)
    outside = search_eval.evaluate(browser, base_url, engine="kb", kind="out_of_scope", cases=cases)
    with capsys.disabled():  # reported, not asserted
        print(f"\nheld-out: answer in the first 3 for {sum(o.hit for o in answered.outcomes)} / {len(answered.outcomes)}"
              f" ({answered.rate():.0%}); wrongly said not covered: {len(answered.not_covered())};"
              f" out of scope caught: {len(outside.not_covered())} / {len(outside.outcomes)}")


def test_term_queries_put_the_term_page_in_the_first_three(browser, base_url):
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="terms")
    assert report.rate() == 1.0, report.summary()["misses"]


def test_a_pasted_question_is_searched_without_a_key_press(browser, base_url):
    cases = {"questions": [c for c in search_eval.load_cases()["questions"] if c["lang"] == "zh"][:3]}
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="questions", mode="paste", cases=cases)
    assert all(o.hrefs for o in report.outcomes) and report.rate() == 1.0, report.summary()


def test_no_request_leaves_localhost(browser, base_url):
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="terms",
                                  cases={"terms": search_eval.load_cases()["terms"][:2]})
    assert report.requests and all(url.startswith(base_url) for url in report.requests), report.requests


def test_each_language_searches_only_its_own_pages(browser, base_url):
    cases = {"terms": [{"lang": "zh", "q": "维生素K2", "answers": []},
                       {"lang": "en", "q": "vitamin K2", "answers": []}]}
    report = search_eval.evaluate(browser, base_url, engine="kb", kind="terms", cases=cases)
    zh, en = report.outcomes
    assert zh.hrefs and not any("/en/" in h for h in zh.hrefs)
    assert en.hrefs and all("/en/" in h for h in en.hrefs)
