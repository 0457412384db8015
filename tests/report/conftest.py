"""Game records for the report tests: one headless game of each bundled scenario, saved and
reloaded the way `coalition report` loads them, plus golden action lists when they exist."""

import json
from pathlib import Path

import pytest

from game.content.records import load_game, save_record
from game.content.scenarios import load_scenario
from game.engine import Game
from game.sim.playthrough import play
from tests.report.crafted import crafted_game

GOLDEN = Path(__file__).parents[1] / "golden"
SEEDS = {"paris-2026": 3, "tutorial": 2}


def _golden_games():
    """Yields (name, game) for each tests/golden/*.actions.json that replays; others are skipped."""
    for path in sorted(GOLDEN.glob("*.actions.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            loaded = load_scenario(data.get("scenario_id") or data["scenario"])
            game = Game.new(loaded.scenario, data["seed"], content_hash=loaded.content_hash,
                            controllers=data.get("controllers"))
            if all(getattr(game.apply_dict(a), "ok", False) for a in data["actions"]):
                yield path.name, game
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a golden file in a format this test does not know


@pytest.fixture(scope="session")
def records(tmp_path_factory) -> dict[str, Path]:
    """Returns saved records by name: each bundled scenario, and any golden games."""
    folder = tmp_path_factory.mktemp("records")
    out = {}
    for scenario, seed in SEEDS.items():
        loaded = load_scenario(scenario)
        game = play(loaded.scenario, seed, content_hash=loaded.content_hash)
        out[scenario] = save_record(game, folder / f"{scenario}.yaml")
    for name, game in _golden_games():
        out[name] = save_record(game, folder / f"{name}.yaml")
    return out


@pytest.fixture(scope="session")
def games(records) -> dict[str, Game]:
    """Returns each record's game, replayed from its file."""
    return {name: load_game(path) for name, path in records.items()}


@pytest.fixture(scope="session")
def crafted() -> Game:
    return crafted_game()
