"""What a view defers (objective results, approval odds) and legal actions listed when read
still answer for the state they were made from."""

import copy

import pytest

from game.content.scenarios import load_scenario
from game.engine import Game, LegalActions, ObjectiveView, PrivateView, Rng, StaleLegalActions
from game.model.actions import FACILITATOR, Pass
from game.sim.playthrough import play


def _private(view, seat):
    me = view.private[seat]
    return [o.met for o in me.objectives], me.score, dict(me.approval_odds)


def _bot_game_until(steps: int) -> Game:
    loaded = load_scenario("paris-2026")
    whole = play(loaded.scenario, 4, content_hash=loaded.content_hash)
    game = Game.new(loaded.scenario, 4, content_hash=loaded.content_hash)
    for action in whole.actions[:steps]:
        game.apply(action)
    return game


def test_a_view_read_after_later_actions_keeps_its_objectives_score_and_odds():
    game = _bot_game_until(60)
    early = {seat: game.view(seat) for seat in game.seats}  # nothing private read yet
    facilitator = game.view(FACILITATOR)
    loaded = load_scenario("paris-2026")
    for action in play(loaded.scenario, 4, content_hash=loaded.content_hash).actions[60:260]:
        game.apply(action)
    fresh = _bot_game_until(60)
    moved = 0
    for seat in game.seats:
        then = _private(fresh.view(seat), seat)
        assert _private(early[seat], seat) == then, seat
        assert _private(facilitator, seat) == then, seat
        moved += _private(game.view(seat), seat) != then
    assert moved, "nothing private changed in 200 actions: the test would prove nothing"


def test_a_copied_view_is_plain_and_equal():
    game = _bot_game_until(40)
    view = game.view(game.seats[0])
    twin = copy.deepcopy(view)
    me = twin.private[game.seats[0]]
    assert type(me) is PrivateView and all(type(o) is ObjectiveView for o in me.objectives)
    assert twin == view and view == twin
    assert me == view.private[game.seats[0]] and view.private[game.seats[0]] == me


def test_legal_actions_list_by_kind_and_refuse_a_late_read():
    game = _bot_game_until(10)
    seat = game.turn_seat
    legal = game.legal_actions(seat)
    assert isinstance(legal, LegalActions)
    listed = list(legal)
    assert legal == listed and len(legal) == len(listed)
    assert game.legal_actions(seat).of("pledge") == tuple(a for a in listed if a.kind == "pledge")
    assert game.legal_actions(seat).of("reject") == tuple(a for a in listed if a.kind == "reject")
    fresh = game.legal_actions(seat)
    assert Pass(seat) in fresh and all(a in fresh for a in listed)
    assert game.legal_actions(seat).of("propose") == ()  # open-ended: check() those
    unread, read = game.legal_actions(seat), game.legal_actions(seat)
    read.of("sign")
    game.apply(Pass(seat))
    with pytest.raises(StaleLegalActions):
        unread.of("sign")
    with pytest.raises(StaleLegalActions):  # a kind listed before answered for then, not now
        read.of("sign")
    with pytest.raises(StaleLegalActions):
        list(read)


def test_nothing_is_legal_for_a_seat_out_of_turn():
    game = _bot_game_until(10)
    other = next(s for s in game.seats if s != game.turn_seat)
    legal = game.legal_actions(other)
    assert legal == [] and not legal and legal.of("pass") == () and Pass(other) not in legal
    rng = Rng(3)
    assert rng.choice(game.legal_actions(game.turn_seat)) in game.legal_actions(game.turn_seat)
