"""A view's log is gathered when first read, yet it is the log as it stood when the view was built."""

from game.content.scenarios import load_scenario
from game.engine import Game, Rng
from game.model.actions import FACILITATOR, PUBLIC


def _game_after(steps: int) -> Game:
    loaded = load_scenario("paris-2026")
    game = Game.new(loaded.scenario, 5, content_hash=loaded.content_hash)
    rng = Rng(11)
    for _ in range(steps):
        game.apply(rng.choice(game.legal_actions(game.turn_seat)))
    return game


def test_a_view_read_after_later_actions_keeps_its_own_log():
    game = _game_after(20)
    viewers = (*game.seats[:3], PUBLIC, FACILITATOR)
    early = {v: game.view(v) for v in viewers}  # built now, logs not read yet
    rng = Rng(12)
    for _ in range(40):
        if game.over:
            break
        game.apply(rng.choice(game.legal_actions(game.turn_seat)))
    fresh = _game_after(20)  # the same game stopped at the same point, read at once
    for viewer in viewers:
        assert tuple(early[viewer].log) == tuple(fresh.view(viewer).log), viewer
        assert len(game.view(viewer).log) > len(early[viewer].log) or game.over


def test_a_seat_sees_only_its_own_entries_numbered_without_gaps():
    game = _game_after(60)
    everything = game.view(FACILITATOR).log
    for seat in game.seats:
        log = game.view(seat).log
        assert [e.seq for e in log] == list(range(1, len(log) + 1))
        assert all(e.visible_to is None or seat in e.visible_to for e in log)
        assert len(log) == sum(1 for e in everything if e.visible_to is None or seat in e.visible_to)
    assert game.view(game.seats[0]).log[-1:] == tuple(game.view(game.seats[0]).log)[-1:]
