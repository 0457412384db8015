"""The table on a scenario file (not bundled): `coalition play FILE` opens its setup screen with the
file as a choice of its own, a game started there is journaled with the scenario, and the table's
Load opens a record of a file scenario. Driven with real pygame events; screenshots are looked at."""

import pygame
import pytest
from click.testing import CliRunner

from game.cli import main
from game.content.journal import read_journal
from game.content.records import save_record
from game.content.scenarios import load_scenario
from game.sim.playthrough import play
from game.ui.app import App
from game.ui.confirm import dialog_rects
from game.ui.journals import TableJournals
from game.ui.setup_scene import FILE_CHOICE, start_session
from tests.content.test_file_scenarios import file_scenario
from tests.ui.driver import Driver, pixel_spread


@pytest.fixture
def scenario_file(tmp_path):
    """The tutorial under another id and title, with France renamed, so its screen cannot be the tutorial's."""
    path = file_scenario(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("    name: France\n", "    name: Testland\n", 1),
                    encoding="utf-8")
    return path


def rendered(d: Driver) -> set[str]:
    return {key[0] for key in d.app.text._renders}


def test_the_setup_screen_shows_the_file_as_its_own_choice(scenario_file, tmp_path):
    d = Driver()
    d.app.show_setup(load_scenario(scenario_file), 3)
    d.frames(3)
    scene = d.scene
    shot = d.shot(tmp_path / "setup-file.png")
    assert scene.scenario == FILE_CHOICE and scene.loaded.scenario.meta.id == "my-talks"
    chip = scene.scenario_chips[FILE_CHOICE]
    assert chip.text == "Talks of our own · my-talks.yaml" and chip.is_selected
    assert not any(c.is_selected for key, c in scene.scenario_chips.items() if key != FILE_CHOICE)
    assert {"Testland *", "United Kingdom *"} <= rendered(d)
    assert chip.rect.right <= d.app.size[0] and pixel_spread(shot, chip.rect) > 10
    assert scene.seats_top > chip.rect.bottom, "the seats start below every scenario chip"
    for _ in scene.choices:  # PageDown goes round every choice, the file's included
        d.key(pygame.K_PAGEDOWN)
        assert scene.loaded.scenario.meta.id in {*scene.choices, "my-talks"}
    assert scene.scenario == FILE_CHOICE and scene.loaded.scenario.meta.title == "Talks of our own"
    d.close()


def test_a_game_started_from_the_setup_screen_keeps_the_scenario_in_its_journal(scenario_file, tmp_path):
    d = Driver()
    d.app.journals = TableJournals(tmp_path / "game.jsonl", folder=tmp_path)
    d.app.show_setup(load_scenario(scenario_file), 3)
    d.click(d.scene.button_rect("all_bots"))
    d.key(pygame.K_RETURN)
    session = d.scene.session
    assert session.game.scenario.meta.id == "my-talks"
    for _ in range(200):
        d.frames(1)
        if len(session.game.actions) >= 3:
            break
    d.app.journals.close()
    scenario_file.unlink()
    assert read_journal(tmp_path / "game.jsonl").record == session.game.record()
    d.close()


def test_the_tables_load_opens_a_record_of_a_file_scenario(scenario_file, tmp_path):
    loaded = load_scenario(scenario_file)
    record = save_record(play(loaded.scenario, 4, content_hash=loaded.content_hash), tmp_path / "file-game.yaml")
    scenario_file.unlink()
    d = Driver()
    d.app.journals = TableJournals(tmp_path / "first.jsonl", folder=tmp_path)
    s = start_session(d.app, "tutorial", 3, all_bots=True, pace="fast")
    d.app.show_table(s)
    d.frames(5)
    d.key(pygame.K_f)
    panel = d.scene.form
    panel.entry("path").set_text(str(record))
    d.click(panel.button_rect("load"))
    if s.question is not None:  # a game in progress: the table asks first
        d.click(dialog_rects(d.app.size, s.question, d.app.text)[1])
    assert s.game.scenario.meta.id == "my-talks" and s.game.over, s.notice.text
    assert s.notice.text.startswith(f"Loaded {record}")
    d.shot(tmp_path / "loaded.png")
    assert "Testland" in " ".join(rendered(d))
    d.app.journals.close()
    d.close()


def test_play_file_opens_the_files_setup_screen(scenario_file, tmp_path, monkeypatch):
    shown = {}

    def run(app, frames=None, screenshot=None):
        shown["scene"] = app.scene
        for _ in range(frames):
            app.frame(1 / 30)
        app.save_screenshot(tmp_path / "play-file.png")
        pygame.quit()

    monkeypatch.setattr(App, "run", run)
    result = CliRunner().invoke(main, ["play", str(scenario_file), "--frames", "3",
                                       "--journal", str(tmp_path / "j.jsonl")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scene = shown["scene"]
    assert type(scene).__name__ == "SetupScene" and scene.scenario == FILE_CHOICE
    assert scene.loaded.scenario.meta.title == "Talks of our own"
    image = pygame.image.load(str(tmp_path / "play-file.png"))
    assert pixel_spread(image, scene.scenario_chips[FILE_CHOICE].rect) > 10
