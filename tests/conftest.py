"""Shared fixtures: the real site is built once per test session."""
from pathlib import Path

import pytest

import shutil

from helpers import FIXTURE, TEST_REPOSITORY, Build, run_mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    build = run_mkdocs_build(tmp_path_factory.mktemp("site") / "site", extra_env={"SITE_REPOSITORY": TEST_REPOSITORY})
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    return built_site.site


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    """A fresh copy of the fixture site, for a test to edit."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ is part of the browser suite (marker `browser`), so
    that `make test-fast` (-m "not browser") never starts Chromium, whether or not the
    module sets pytestmark."""
    browser_dir = Path(__file__).parent / "browser"
    for item in items:
        if browser_dir in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
