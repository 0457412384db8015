"""Browser tests use Debian's Chromium (Playwright cannot download its own here).

Playwright's sync API keeps an asyncio loop marked as running in the main thread while it is
alive, which breaks `asyncio.run` in the other network tests; so Playwright and its browser
live per test module (one browser shared by a module's tests) rather than per session.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args,
            "executable_path": _chromium() or "/usr/bin/chromium-headless-shell"}


@pytest.fixture(scope="module")
def playwright():
    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="module")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-headless-shell")
    return found or next((p for p in ("/usr/bin/chromium-headless-shell",) if Path(p).exists()), None)


@pytest.fixture(scope="module")
def browser(browser_type, browser_type_launch_args):
    if _chromium() is None:
        if os.environ.get("CI"):  # CI installs it (.ci/run): missing there is a failure, not a skip
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package")
        pytest.skip("the browser tests need Chromium: apt-get install chromium (then run pytest again)")
    launched = browser_type.launch(**browser_type_launch_args)
    yield launched
    launched.close()


def pytest_configure(config):
    # pytest 9 + pytest-playwright 0.10 warn about a hook they use; not our code
    if hasattr(pytest, "PytestRemovedIn10Warning"):
        config.addinivalue_line("filterwarnings", "ignore::pytest.PytestRemovedIn10Warning")
