"""Bots play a whole game at instant pace to the end screen; its buttons save the record and open
the after-action review. The headless command writes a non-blank screenshot."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.content.records import load_game
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, pixel_spread

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ended(records):
    d = Driver()
    session = start_session(d.app, "tutorial", 5, all_bots=True, pace="instant")
    d.app.show_table(session)
    for _ in range(600):
        d.frames(1)
        if type(d.scene).__name__ == "EndScene":
            break
    yield d
    d.close()


def test_bots_play_to_the_end_screen(ended):
    d = ended
    scene = d.scene
    assert type(scene).__name__ == "EndScene" and scene.session.game.over
    rendered = {key[0] for key in d.app.text._renders}
    assert f"Outcome: {scene.result['outcome']}" in rendered
    assert all(scene.session.names(seat) in rendered for seat in scene.session.seats)
    shot = d.shot()
    w, h = d.app.size
    assert pixel_spread(shot, pygame.Rect(40, 110, w // 2 - 80, 300)) > 10  # the priorities
    assert pixel_spread(shot, pygame.Rect(w // 2, 110, w // 2 - 40, 300)) > 10  # the scores


def test_end_screen_saves_the_record_and_writes_the_review(ended, records):
    d = ended
    scene = d.scene
    d.click(scene.button_rect("save"))
    saved = scene.session.last_record
    assert saved is not None and saved.parent == records / "records"
    assert load_game(saved).result() == scene.session.game.result()
    d.key(pygame.K_r)
    if importlib.util.find_spec("game.report.review") is None:
        assert "not available yet" in scene.session.notice.text
    else:
        assert scene.review_path is not None and scene.review_path.exists(), scene.session.notice
        assert scene.review_path.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_headless_play_writes_a_screenshot(tmp_path):
    out = tmp_path / "table.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    result = subprocess.run([sys.executable, "-m", "game", "play", "tutorial", "--autoplay", "--frames", "300",
                             "--screenshot", str(out)], cwd=tmp_path, env=env | {"PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 800)
    assert pixel_spread(image, pygame.Rect(0, 0, 1280, 800)) > 20
    assert pixel_spread(image, pygame.Rect(300, 60, 640, 620)) > 10  # the table itself


def test_play_refuses_an_unknown_scenario(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "game", "play", "atlantis", "--frames", "5"], cwd=tmp_path,
                            env=env | {"PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "unknown scenario 'atlantis'" in result.stderr
    assert "Traceback" not in result.stderr
