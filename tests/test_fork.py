"""Forks: a new game from any step of a record, its parent noted, replaying exactly."""

import yaml
from click.testing import CliRunner

from game.bots import BotTable
from game.cli import main
from game.content.records import load_game, save_record
from game.content.scenarios import load_scenario
from game.engine import Game
from game.sim.playthrough import play


def _parent(tmp_path, seed: int = 4):
    game = play(load_scenario("tutorial").scenario, seed)
    return game, save_record(game, tmp_path / "parent.yaml")


def _log_at(game: Game, step: int) -> list[dict]:
    """Returns the log as it stood after `step` actions of the game."""
    for index, (_, walking) in enumerate(game.replay(), 1):
        if index == step:
            return [e.to_dict() for e in walking.log]
    raise AssertionError("no such step")


def _play_on(game: Game, steps: int) -> Game:
    bots = BotTable(game, {d.id: d.bot for d in game.scenario.delegates})
    for _ in range(steps):
        if game.over:
            break
        bots.step(game.turn_seat)
    return game


def test_a_fork_replays_the_first_steps_and_notes_its_parent(tmp_path):
    game, path = _parent(tmp_path)
    fork = game.fork(12, name=path.name)
    assert fork.actions == game.actions[:12]
    assert fork.parent.record == "parent.yaml" and fork.parent.step == 12 and fork.parent.reseeds == []
    assert fork.parent.digest == game.record().log_digest
    assert [e.to_dict() for e in fork.log] == _log_at(game, 12)
    _play_on(fork, 30)
    saved = save_record(fork, tmp_path / "fork.yaml")
    again = load_game(saved)  # from_record checks the log digest: the fork replays exactly
    assert again.record() == fork.record() and again.parent == fork.parent


def test_a_new_seed_changes_what_follows_and_still_replays(tmp_path):
    game, path = _parent(tmp_path)
    same, fresh = game.fork(12), game.fork(12, 99)
    assert fresh.parent.reseeds == [(12, 99)]
    assert same.record().rng_state != fresh.record().rng_state
    assert [e.to_dict() for e in same.log] == [e.to_dict() for e in fresh.log]  # the past is shared
    _play_on(fresh, 200)
    saved = save_record(fresh, tmp_path / "fresh.yaml")
    again = load_game(saved)
    assert again.record() == fresh.record() and again.result() == fresh.result()
    walk = list(again.replay())  # the review's walk restarts the RNG at the same step
    assert walk[-1][1].record() == fresh.record()
    grandchild = again.fork(20, 5)  # a fork of a fork keeps the earlier restart
    assert grandchild.parent.reseeds == [(12, 99), (20, 5)]
    assert [e.to_dict() for e in grandchild.log] == _log_at(again, 20)


def test_undo_across_the_restart_is_exact():
    game = play(load_scenario("tutorial").scenario, 6)
    fork = game.fork(10, 7)
    _play_on(fork, 8)
    record = fork.record()
    for _ in range(9):  # back to before the restart, then the same actions again
        fork.undo()
    assert len(fork.actions) == 9
    for data in record.actions[9:]:
        assert fork.apply_dict(data).ok
    assert fork.record() == record


def test_a_record_that_is_no_fork_has_no_parent_key(tmp_path):
    _, path = _parent(tmp_path)
    assert "parent" not in yaml.safe_load(path.read_text())


def _cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_fork_command(tmp_path):
    game, path = _parent(tmp_path)
    out = tmp_path / "what-if.yaml"
    result = _cli("fork", str(path), "--at", "15", "--out", str(out), "--seed", "3")
    assert result.exit_code == 0, result.output
    assert "15 of" in result.stderr and "coalition play --record" in result.stderr
    data = yaml.safe_load(out.read_text())
    assert data["parent"] == {"record": "parent.yaml", "digest": game.record().log_digest, "step": 15,
                              "reseeds": [[15, 3]]}
    assert len(load_game(out).actions) == 15


def test_the_fork_command_refuses_bad_steps_and_overwriting_its_parent(tmp_path):
    game, path = _parent(tmp_path)
    total = len(game.actions)
    result = _cli("fork", str(path), "--at", str(total + 1), "--out", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and f"STEP is 0 to {total}" in result.output and "Traceback" not in result.output
    result = _cli("fork", str(path), "--at", "3", "--out", str(path))
    assert result.exit_code == 1 and "record being forked" in result.output
    result = _cli("fork", str(path), "--at", "3", "--out", str(tmp_path / "missing" / "x.yaml"))
    assert result.exit_code == 1 and "does not exist" in result.output
