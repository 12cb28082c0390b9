"""The one Chromium launcher: Debian's Chromium (Playwright's browser download does not
work offline) with the flags that keep it quiet on a machine without internet. Used by
the benchmark, the screenshots, Lighthouse (as --chrome-flags) and tests/browser."""
import contextlib
import os
import shutil
import subprocess

from kb.model.languages import BY_CODE, DEFAULT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No background calls home (updates, sync, safe browsing lists), no QUIC probing.
QUIET_FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
)
PHONE_VIEWPORT = {"width": 390, "height": 844}


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM)


def chromium_version() -> str:
    if not chromium_available():
        return "Chromium not installed"
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def lighthouse_chrome_flags() -> str:
    """The same flags for the Chromium that Lighthouse starts itself."""
    return " ".join(("--headless=new", *QUIET_FLAGS))


def launch(playwright, **options):
    """A headless Chromium browser from a running sync_playwright()."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(QUIET_FLAGS), **options)


@contextlib.contextmanager
def chromium(**options):
    """Start Playwright and Chromium; yield the browser; close both."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright, **options)
        try:
            yield browser
        finally:
            browser.close()


def phone_context(browser, lang: str = DEFAULT.code, **options):
    """A new browser context with a 390 px phone viewport and the language's locale."""
    return browser.new_context(viewport=PHONE_VIEWPORT, locale=BY_CODE[lang].locale, **options)
