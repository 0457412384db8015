"""Browser tests use Debian's Chromium (Playwright cannot download its own here); one browser per session."""

import shutil

import pytest


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args,
            "executable_path": shutil.which("chromium") or "/usr/bin/chromium-headless-shell"}


def pytest_configure(config):
    # pytest 9 + pytest-playwright 0.10 warn about a hook they use; not our code
    if hasattr(pytest, "PytestRemovedIn10Warning"):
        config.addinivalue_line("filterwarnings", "ignore::pytest.PytestRemovedIn10Warning")
