"""Claim history under each claim, the "report a problem" link, the "what changed" page and
its Atom feeds: rendered from the fixture site, then checked in a built site with a real
feed parser (feedparser)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import html as lxml_html

from helpers import BUILD_FILES, LOCAL_SITE_URL, REPO, TEST_REPOSITORY, edit, problems, run_mkdocs_build
from kb import render
from kb.commands import build as build_command
from kb.finish import feed
from kb.render import changes, claim_history
from kb.model.content import load_site
from kb.model.languages import BY_CODE, LANGUAGES

FIXTURE = REPO / "tests" / "fixtures" / "site"
SITE_URL = "https://example.org/kb/"  # a sub-path, as on a GitHub project page
REPOSITORY = "https://github.com/example/kb"
ARTICLE = "articles/vitamin-k-with-vitamin-d.md"


def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):  # !ENV as MkDocs reads it without the variable set
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


@pytest.fixture(scope="module")
def fixture_model():
    return load_site(FIXTURE)


def rendered(site, lang, path=ARTICLE) -> BeautifulSoup:
    markdown = render.render_page(site, site.page(lang, path), site_url=SITE_URL, repository=REPOSITORY)
    return BeautifulSoup(markdown, "html.parser")


# --- Under the claim ---------------------------------------------------------------------

def claim_block(html, claim_id):
    """The claim block whose title heading carries the claim id (an HTML id once built;
    a Markdown attribute list in the renderer's output)."""
    return next(block for block in html.find_all(class_="kb-claim")
                if block.find(id=claim_id) or "{#" + claim_id + " " in block.get_text())


@pytest.mark.parametrize("lang, summary, entries", [
    ("zh", "修订记录（2）", [
        "2026年3月1日 内容修订，结论仍为 有证据支持：补充了试验的局限。",
        "2026年1月10日 存在争议 → 有证据支持：新的试验结果一致。",
    ]),
    ("en", "History (2)", [
        "1 March 2026 Revised, verdict still Supported: Added the trials' limits.",
        "10 January 2026 Contested → Supported: New trials agree.",
    ]),
])
def test_history_is_collapsed_under_the_claim_newest_first(fixture_model, lang, summary, entries):
    claim = claim_block(rendered(fixture_model, lang), "first-claim")
    details = claim.find("details", class_="kb-history")
    assert details is not None and not details.has_attr("open")
    assert details.summary.get_text() == summary
    assert [li.get_text() for li in details.find_all("li")] == entries
    assert details.find_parent(attrs={"data-search-exclude": True}) is not None


def test_claim_without_history_has_no_history_block(fixture_model):
    site = load_site(FIXTURE)
    site.claims["first-claim"].history = []
    assert rendered(site, "zh").find("details", class_="kb-history") is None


@pytest.mark.parametrize("lang, page_url, text", [
    ("zh", "https://example.org/kb/articles/vitamin-k-with-vitamin-d/#first-claim", "报告问题"),
    ("en", "https://example.org/kb/en/articles/vitamin-k-with-vitamin-d/#first-claim", "Report a problem"),
])
def test_report_link_opens_the_prefilled_issue_form(fixture_model, lang, page_url, text):
    link = claim_block(rendered(fixture_model, lang), "first-claim").find("a", class_="kb-claim__report")
    assert link.get_text() == text
    assert link["target"] == "_blank" and "noopener" in link["rel"]
    url = urlsplit(link["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://github.com/example/kb/issues/new"
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert query["template"] == "claim-problem.yml"
    assert query["claim-id"] == "first-claim"
    assert query["page-url"] == page_url
    assert query["language"] == lang


def test_issue_form_has_the_fields_the_link_fills():
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/claim-problem.yml").read_text("utf-8"))
    ids = {field.get("id") for field in form["body"]}
    assert {"claim-id", "page-url", "language"} <= ids
    assert claim_history.ISSUE_TEMPLATE == "claim-problem.yml"


def test_repository_and_address_are_never_someone_elses_by_default():
    config = mkdocs_config()
    assert "repo_url" not in config  # Material would call the GitHub API from every page
    # Without the workflow's settings: no repository, the local preview's address.
    assert config["extra"]["repository"] == ""
    assert config["site_url"] == LOCAL_SITE_URL
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "!ENV [SITE_REPOSITORY," in text and "!ENV [SITE_URL," in text
    workflow = (REPO / ".github/workflows/pages.yml").read_text("utf-8")
    assert "SITE_REPOSITORY: ${{ github.server_url }}/${{ github.repository }}" in workflow
    assert "SITE_URL: ${{ steps.pages.outputs.base_url }}/" in workflow and "kb-build --release" in workflow


@pytest.mark.parametrize("env, messages", [
    ({}, ["kb-build --release: set SITE_URL to the address the site is served from, e.g. https://<owner>.github.io/<name>/",
          "kb-build --release: set SITE_REPOSITORY to the repository readers report problems to, e.g. https://github.com/<owner>/<name>"]),
    ({"SITE_URL": "http://127.0.0.1:8000/", "SITE_REPOSITORY": "https://github.com/o/n"},
     ["kb-build --release: SITE_URL='http://127.0.0.1:8000/' is not a public http(s) address (the address the site is served from, e.g. https://<owner>.github.io/<name>/)"]),
    ({"SITE_URL": "https://o.github.io/n/", "SITE_REPOSITORY": "https://github.com/o/n"}, []),
])
def test_release_build_needs_the_address_and_the_repository(env, messages):
    assert build_command.release_problems(env) == messages


def test_release_build_refuses_to_start_without_them(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in build_command.RELEASE_SETTINGS}
    result = subprocess.run([sys.executable, "-m", "kb.commands.build", "--release", "--site", str(tmp_path / "site")],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "kb-build --release: set SITE_URL to" in result.stderr and not (tmp_path / "site").exists()


def test_no_repository_no_report_link(fixture_model):
    markdown = render.render_page(fixture_model, fixture_model.page("en", ARTICLE), site_url=SITE_URL)
    assert "kb-claim__report" not in markdown


# --- The "what changed" page and the feeds -----------------------------------------------

def test_plain_text(fixture_model):
    assert changes.plain_text(fixture_model, "zh", "**结论：**[[alpha-term]]与[[beta-term|乙]]有关[@alpha2020]。") == "甲术语与乙有关。"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_changes_page_lists_changes_newest_first(fixture_model, lang):
    html = rendered(fixture_model, lang, "changes.md")
    items = html.select("ol.kb-changes > li")
    assert [li.time["datetime"] for li in items] == ["2026-03-01", "2026-01-10"]
    assert {li.a["href"] for li in items} == {"../articles/vitamin-k-with-vitamin-d/#first-claim"}
    assert html.select_one(".kb-changes__feed a")["href"] == "../changes.xml"


@pytest.mark.parametrize("lang, title", [
    ("zh", "内容修订（有证据支持）：一个论断"),
    ("en", "Revised (Supported): A claim"),
])
def test_feed_parses_newest_first_in_its_language(fixture_model, lang, title):
    parsed = feedparser.parse(feed.build_feed(fixture_model, lang, SITE_URL))
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.language == BY_CODE[lang].html_lang
    prefix = "en/" if lang == "en" else ""
    assert [e.id for e in parsed.entries] == [
        f"tag:example.org,2026-03-01:{lang}/claims/first-claim",
        f"tag:example.org,2026-01-10:{lang}/claims/first-claim",
    ]
    assert parsed.entries[0].title == title
    assert parsed.entries[0].link == f"{SITE_URL}{prefix}articles/vitamin-k-with-vitamin-d/#first-claim"
    assert parsed.feed.updated == "2026-03-01T00:00:00+00:00"


def test_feed_is_reproducible(fixture_model):
    assert feed.build_feed(fixture_model, "en", SITE_URL) == feed.build_feed(load_site(FIXTURE), "en", SITE_URL)


def restated(root):
    """The fixture's claim restated as its opposite on 2026-04-01, its verdict flipped."""
    edit(root, "data/claims.yaml", "        en: Added the trials' limits.\n", """        en: Added the trials' limits.
    - date: 2026-04-01
      from: supported
      to: contested
      reason: {zh: 同一结论，改写为说法。, en: "Same finding, restated."}
      restated_from: {zh: 旧的论断, en: An old claim}
""")
    for lang in ("zh", "en"):
        edit(root, f"docs/{lang}/{ARTICLE}", "first-claim supported", "first-claim contested")
    return load_site(root)


@pytest.mark.parametrize("lang, headlines, summaries, titles", [
    ("zh", ["一个论断", "旧的论断", "旧的论断"],
     ["有证据支持 “旧的论断” → 存在争议", "内容修订，结论仍为 有证据支持", "存在争议 → 有证据支持"],
     ["有证据支持“旧的论断” → 存在争议：一个论断", "内容修订（有证据支持）：旧的论断", "存在争议 → 有证据支持：旧的论断"]),
    ("en", ["A claim", "An old claim", "An old claim"],
     ["Supported \u201cAn old claim\u201d → Contested", "Revised, verdict still Supported", "Contested → Supported"],
     ["Supported \u201cAn old claim\u201d → Contested: A claim", "Revised (Supported): An old claim", "Contested → Supported: An old claim"]),
])
def test_restated_claim_keeps_old_verdicts_with_the_title_they_judged(fixture_site, lang, headlines, summaries, titles):
    site = restated(fixture_site)
    assert problems(fixture_site) == []
    html = rendered(site, lang, "changes.md")
    items = html.select("ol.kb-changes > li")
    assert [li.a.get_text() for li in items] == headlines
    assert [li.select_one(".kb-change__verdicts").get_text() for li in items] == summaries
    parsed = feedparser.parse(feed.build_feed(site, lang, SITE_URL))
    assert [e.title for e in parsed.entries] == titles


# --- Built sites -------------------------------------------------------------------------

def check_built_changes(site_dir: Path, site_url: str) -> dict:
    """Each language: its feed parses, is in its language, newest first; its home and
    changes pages link to it in their head, and no other page has a <link rel=alternate>
    (Material's bundle fetches sitemap.xml beside each one, on every view); the changes
    page lists the feed's entries. Returns the parsed feeds by language code."""
    feeds = {}
    for lang in LANGUAGES:
        parsed = feedparser.parse((site_dir / lang.prefix / "changes.xml").read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.feed.language == lang.html_lang
        dates = [e.published for e in parsed.entries]
        assert dates == sorted(dates, reverse=True)
        assert len({e.id for e in parsed.entries}) == len(parsed.entries)
        page = BeautifulSoup((site_dir / lang.prefix / "changes" / "index.html").read_text("utf-8"), "html.parser")
        assert page.html["lang"] == lang.html_lang
        feed_link = page.find("link", rel="alternate", type="application/atom+xml")
        # Relative, so Material's sitemap lookup beside it stays on the page's own host.
        assert urljoin(f"{site_url}{lang.prefix}changes/", feed_link["href"]) == f"{site_url}{lang.prefix}changes.xml"
        home = BeautifulSoup((site_dir / lang.prefix / "index.html").read_text("utf-8"), "html.parser")
        home_feed = home.find("link", rel="alternate", type="application/atom+xml")
        assert urljoin(f"{site_url}{lang.prefix}", home_feed["href"]) == f"{site_url}{lang.prefix}changes.xml"
        announcing = {site_dir / lang.prefix / "index.html", site_dir / lang.prefix / "changes" / "index.html"}
        others = [path for path in (site_dir / lang.prefix).glob("**/index.html")
                  if path not in announcing and (lang.prefix or not path.is_relative_to(site_dir / "en"))]
        assert others  # the check looks at pages, not at nothing
        with_alternate = [str(path) for path in others if lxml_html.fromstring(path.read_bytes()).xpath(
            "//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]")]
        assert with_alternate == []
        links = [site_url + lang.prefix + "changes/" + a["href"] for a in page.select("ol.kb-changes .kb-change__head a")]
        assert [os.path.normpath(urlsplit(u).path) + "#" + urlsplit(u).fragment for u in links] == [
            os.path.normpath(urlsplit(e.link).path) + "#" + urlsplit(e.link).fragment for e in parsed.entries
        ]
        feeds[lang.code] = parsed
    return feeds


def test_built_site_feeds_and_changes_page(site):
    config = mkdocs_config()
    site_url = os.environ.get("SITE_URL") or config["site_url"]
    check_built_changes(site, site_url)
    repository = TEST_REPOSITORY  # conftest.py builds with SITE_REPOSITORY set
    for lang in LANGUAGES:
        article = BeautifulSoup((site / lang.prefix / "articles/vitamin-k-with-vitamin-d/index.html").read_text("utf-8"), "html.parser")
        claim = claim_block(article, "combined-d-k-raises-bmd")
        query = parse_qs(urlsplit(claim.find("a", class_="kb-claim__report")["href"]).query)
        assert query["page-url"] == [f"{site_url}{lang.prefix}articles/vitamin-k-with-vitamin-d/#combined-d-k-raises-bmd"]
        assert query["language"] == [lang.code]
        assert claim.find("a", class_="kb-claim__report")["href"].startswith(repository + "/issues/new?")


def test_built_fixture_site_with_history(tmp_path):
    """The real content may have no history yet; the fixture has two entries."""
    root = tmp_path / "fixture"
    shutil.copytree(FIXTURE, root)
    for item in BUILD_FILES:
        src = REPO / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / item)
    build = run_mkdocs_build(root / "site", root, extra_env={"SITE_URL": SITE_URL})
    assert build.returncode == 0, build.output
    feeds = check_built_changes(root / "site", SITE_URL)
    assert [len(f.entries) for f in feeds.values()] == [2, 2]
    assert feeds["zh"].entries[1].title == "存在争议 → 有证据支持：一个论断"
    assert feeds["en"].entries[1].summary == "New trials agree."
