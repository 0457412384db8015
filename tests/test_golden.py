"""Golden playthroughs: committed games that must replay and play out exactly the same.

Regenerate after an intended change with `python scripts/regen_golden.py`, then read the diff.
"""

import difflib
import json
from pathlib import Path

import pytest

from game.content.scenarios import bundled_scenario_files, load_scenario
from game.engine import Game
from game.model.record import GameRecord
from game.report.transcript import transcript_text
from game.sim.playthrough import play

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = "if the change is intended, run `python scripts/regen_golden.py` and review the diff"
SCENARIOS = [path.stem for path in bundled_scenario_files()]
"""Every bundled scenario has a golden game; a new scenario fails here until it is generated."""


def _record(scenario_id: str) -> GameRecord:
    path = GOLDEN / f"{scenario_id}.actions.json"
    assert path.is_file(), f"no golden game for {scenario_id}; run `python scripts/regen_golden.py {scenario_id}`"
    data = json.loads((GOLDEN / f"{scenario_id}.actions.json").read_text(encoding="utf-8"))
    return GameRecord.model_validate(data)


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_committed_actions_replay_to_the_committed_log(scenario_id):
    """Engine golden test: a fixed seed and action list give the committed log, entry by entry."""
    loaded = load_scenario(scenario_id)
    record = _record(scenario_id)
    assert record.scenario_hash == loaded.content_hash, f"the scenario changed since the golden game; {REGENERATE}"
    game = Game.from_record(loaded.scenario, record, content_hash=loaded.content_hash)
    expected = (GOLDEN / f"{scenario_id}.log.jsonl").read_text(encoding="utf-8").splitlines()
    actual = [json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) for e in game.log]
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        assert got == want, f"log entry {index + 1} differs:\n  expected {want}\n  got      {got}\n{REGENERATE}"
    assert len(actual) == len(expected), f"{len(actual)} log entries, expected {len(expected)}; {REGENERATE}"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_bots_play_the_committed_transcript(scenario_id):
    """Headless golden test: the default bots, same seed, give the same transcript."""
    loaded = load_scenario(scenario_id)
    record = _record(scenario_id)
    game = play(loaded.scenario, record.seed, content_hash=loaded.content_hash)
    expected = (GOLDEN / f"{scenario_id}.transcript.txt").read_text(encoding="utf-8")
    actual = transcript_text(game)
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 "committed", "now"))[:40])
        pytest.fail(f"the transcript changed:\n{diff}\n{REGENERATE}")
