"""The record: replay, undo, save and load, and refusing records that do not fit."""

import pytest

from game.content.records import load_game, load_record, save_record
from game.content.scenarios import load_scenario
from game.engine import Game
from game.engine.rng import Rng
from game.errors import RecordError
from game.model.actions import AdjustTrack, Pledge
from tests.engine.tiny import game, ok


def _random_game(seed: int, steps: int = 60) -> Game:
    loaded = load_scenario("tutorial")
    g = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash)
    rng = Rng(seed + 1000)
    for _ in range(steps):
        if g.over:
            break
        ok(g.apply(rng.choice(g.legal_actions(g.turn_seat))))
    return g


def _fingerprint(g: Game):
    return ([e.to_dict() for e in g.log], g._state.rng.state, g.result())


def test_undo_restores_the_state_before_the_last_action():
    g = game()
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    before = _fingerprint(g)
    ok(g.apply(AdjustTrack("trust", 2, "facilitator's call")))
    assert type(g.undo()).__name__ == "AdjustTrack"
    assert _fingerprint(g) == before
    g.undo()
    assert g.undo() is None and g.actions == []


def test_same_seed_same_game():
    assert _fingerprint(_random_game(5)) == _fingerprint(_random_game(5))
    assert _fingerprint(_random_game(5)) != _fingerprint(_random_game(6))


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_then_load_round_trips(tmp_path, suffix):
    g = _random_game(3)
    path = save_record(g, tmp_path / f"game{suffix}")
    loaded = load_game(path)
    assert _fingerprint(loaded) == _fingerprint(g)
    assert load_record(path).decisions == g._state.decisions


def test_a_record_for_another_scenario_version_is_refused(tmp_path):
    path = save_record(_random_game(3), tmp_path / "g.yaml")
    path.write_text(path.read_text().replace(load_record(path).scenario_hash, "f" * 64))
    with pytest.raises(RecordError, match="different version of scenario 'tutorial'"):
        load_game(path)


def test_a_record_whose_actions_no_longer_apply_is_refused(tmp_path):
    path = save_record(_random_game(4), tmp_path / "g.yaml")
    text = path.read_text()
    path.write_text(text.replace("actions:\n", "actions:\n- {kind: pass, seat: nobody}\n", 1))
    with pytest.raises(RecordError, match="action 1 .* no longer applies"):
        load_game(path)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01garbage", "not a text file"),
    (b"- just\n- a list\n", "top level must be a mapping"),
    (b"seed: 1\n", "is not a Coalition Table game record"),
    (b"scenario_id: tutorial\nscenario_hash: abc\nseed: x\n", "scenario_hash: 'abc' is not a scenario content hash"),
])
def test_corrupt_records_give_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(RecordError, match=message):
        load_game(path)


def test_saving_never_leaves_a_half_written_file(tmp_path):
    path = save_record(_random_game(2), tmp_path / "g.yaml")
    assert not list(tmp_path.glob("*.tmp")) and path.exists()


def test_a_record_with_a_malformed_action_is_refused(tmp_path):
    path = save_record(_random_game(4), tmp_path / "g.yaml")
    path.write_text(path.read_text().replace("actions:\n", "actions:\n- {kind: pledge, seat: fr}\n", 1))
    with pytest.raises(RecordError, match=r"action 1: a 'pledge' needs 'kind_id', 'amount' and 'priority'"):
        load_game(path)
