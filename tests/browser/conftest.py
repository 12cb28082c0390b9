"""Browser fixtures: the built site served on localhost the way a static host serves it,
driven by Debian's Chromium; the server is kb/commands/serve.py (as `make serve`), the launcher kb/devtools/browser.py."""
import os

import pytest

from kb.devtools.browser import CHROMIUM, chromium, chromium_available, phone_context
from kb.commands.serve import open_server, serving


@pytest.fixture(scope="session")
def base_url(site):
    with serving(open_server(site)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must run the browser tests")
        pytest.skip("Chromium is not installed (make browser installs it)")
    with chromium() as browser:
        yield browser


@pytest.fixture
def context(browser):
    context = phone_context(browser, "zh")
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def clipboard_page(browser, base_url):
    """A phone-sized page allowed to read and write the clipboard (copy buttons)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context.new_page()
    context.close()


@pytest.fixture
def no_script_page(browser):
    """A phone-sized page with JavaScript switched off."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    yield context.new_page()
    context.close()
