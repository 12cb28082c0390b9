"""Reader questions and term queries against the Pagefind index with our ranking
(overrides/assets/kb-search.js), in Chromium, measured by bench/search_eval.py.

The site build does not write the Pagefind index yet (see bench/SEARCH_COMPARISON.md):
this test indexes a copy of the built site itself."""
import shutil

import pytest

from bench import search_eval
from kb import pagefind_index

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def indexed_url(site, tmp_path_factory):
    copy = tmp_path_factory.mktemp("pagefind") / "site"
    shutil.copytree(site, copy)
    pagefind_index.build_site_index(copy, search_eval.ROOT)
    base_url, server = search_eval.serve(copy)
    yield base_url
    server.shutdown()


@pytest.mark.xfail(reason="measured 80 % (40/50); the target is 90 %", strict=False)
def test_reader_questions_find_their_answer_in_the_first_three(browser, indexed_url):
    report = search_eval.evaluate(browser, indexed_url, engine="kb-api", kind="questions")
    assert report.rate() >= 0.9, report.summary()["misses"]


@pytest.mark.xfail(reason="measured 21/24: Pagefind splits 未羧化骨钙素, 甲萘醌-7, 基质Gla蛋白", strict=False)
def test_term_queries_put_the_term_page_in_the_first_three(browser, indexed_url):
    report = search_eval.evaluate(browser, indexed_url, engine="kb-api", kind="terms")
    assert report.rate() == 1.0, report.summary()["misses"]


def test_no_request_leaves_localhost(browser, indexed_url):
    report = search_eval.evaluate(browser, indexed_url, engine="kb-api", kind="terms",
                                  cases={"terms": search_eval.load_cases()["terms"][:2]})
    assert all(url.startswith(indexed_url) for url in report.requests), report.requests


def test_each_language_searches_only_its_own_pages(browser, indexed_url):
    cases = {"terms": [{"lang": "zh", "q": "维生素K2", "answers": []},
                       {"lang": "en", "q": "vitamin K2", "answers": []}]}
    report = search_eval.evaluate(browser, indexed_url, engine="kb-api", kind="terms", cases=cases)
    zh, en = report.outcomes
    assert zh.hrefs and not any("/en/" in h for h in zh.hrefs)
    assert en.hrefs and all("/en/" in h for h in en.hrefs)
