"""UI tests run headless: SDL's dummy video and audio drivers are chosen before pygame starts."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pytest  # noqa: E402


@pytest.fixture
def records(tmp_path, monkeypatch):
    """Runs the test in a temporary folder, so saved records land there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _journals_in_tmp(tmp_path, monkeypatch):
    """The table journals every game in the user's data folder: keep tests' journals out of it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
