"""Helpers shared by the test modules (conftest.py holds only fixtures)."""
import os
from dataclasses import dataclass
from pathlib import Path

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from kb.finish import lazy_layout
from kb.commands.build import build_site
from kb.finish.deferred_scripts import AFTER_PAINT

REPO = Path(__file__).resolve().parents[1]
# The small fixture site the checker and renderer tests feed bad input into (a copy each).
FIXTURE = REPO / "tests" / "fixtures" / "site"
ZH_INDEX = "docs/zh/index.md"
EN_INDEX = "docs/en/index.md"
ZH_ARTICLE = "docs/zh/articles/vitamin-k-with-vitamin-d.md"
EN_ARTICLE = "docs/en/articles/vitamin-k-with-vitamin-d.md"
BIB = "data/references.bib"
TERMS = "data/glossary/terms.yaml"
CLAIMS = "data/claims.yaml"
# The "report a problem" repository the tests build with (a release build gets the real one
# from the Pages workflow; a local build has none). example.org is reserved for examples.
TEST_REPOSITORY = "https://git.example.org/kb"
# The address of a build without SITE_URL: the local preview's (mkdocs.yml).
LOCAL_SITE_URL = "http://127.0.0.1:8000/"
# What a copy of the repository needs to build (tests/fixtures/site holds the content).
BUILD_FILES = ("mkdocs.yml", "mkdocs.en.yml", "overrides")


@dataclass
class Build:
    site: Path
    returncode: int
    output: str


def run_mkdocs_build(site_dir: Path, root: Path = REPO, extra_env=None) -> Build:
    """Build every language of the site at root (kb-build) into site_dir."""
    env = {**os.environ, **(extra_env or {})}
    returncode, output = build_site(root, site_dir, capture=True, env=env)
    return Build(site_dir, returncode, output)


def edit(root: Path, path: str, old: str, new: str):
    """Replace the first `old` in a file of a fixture copy (it must be there)."""
    file = root / path
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def append(root: Path, path: str, text: str):
    with open(root / path, "a", encoding="utf-8") as f:
        f.write(text)


def problems(root: Path) -> list[str]:
    """Every problem the checker reports for a site, as printed."""
    from kb.checks.check import check_site
    from kb.model.content import load_site

    return [str(p) for p in check_site(load_site(root))]


def only(root: Path) -> str:
    """The one problem the checker reports (fails if there are more or none)."""
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


MATERIAL_STARTED = "html[data-material-started]"


def wait_until_settled(page):
    """Wait until Material has started (its copy buttons and colour toggle answer) and, on a
    long page, kb.js has laid out all of its text (kb/finish/lazy_layout.py): positions, sizes and
    colours are final."""
    page.locator(MATERIAL_STARTED).wait_for(state="attached")
    page.locator(lazy_layout.LAID_OUT).wait_for(state="attached")


def open_page(page, url: str, wait_until: str = "load"):
    """Open url in Chromium and wait until the page has settled: the page's loader starts
    kb.js after the first paint, kb.js starts Material (kb/finish/deferred_scripts.py), then
    lays out the rest of a long page. A test of what kb.js does opens its page with this."""
    page.goto(url, wait_until=wait_until)
    wait_until_settled(page)


def hold_material(page, url: str):
    """Hold Material's script (what the page at url leaves for kb.js to start) back on its way
    to the page, to see the page as it is before Material starts. Returns release()."""
    soup = BeautifulSoup(page.request.get(url).text(), "html.parser")
    held = []
    for script in soup.find_all("script", type=AFTER_PAINT):
        page.route(urljoin(url, script["src"]), lambda route: held.append(route))

    def release():
        for route in held:
            route.continue_()
    return release
