"""Every effect op, and timed effects reverting when their rounds run out."""

import pytest

from game.model.actions import InjectEvent, Pass, Pledge
from tests.engine.tiny import game, ok, refused


def _play(effects, **changes):
    g = game(events=[{"id": "e", "title": "E", "text": "t", "effects": effects}], **changes)
    ok(g.apply(InjectEvent("e")))
    return g


def _next_round(g):
    for seat in g._state.order[g._state.turn_index:]:
        ok(g.apply(Pass(seat)))


def test_adjust_track_is_clamped_to_its_bounds():
    g = _play([{"op": "adjust_track", "track": "trust", "by": 99}])
    assert g._state.tracks["trust"] == 10


def test_set_flag():
    assert _play([{"op": "set_flag", "flag": "backstop"}])._state.flags["backstop"] is True


def test_adjust_capacity_is_timed_and_never_below_committed():
    g = game(events=[{"id": "e", "title": "E", "text": "t",
                      "effects": [{"op": "adjust_capacity", "delegate": "a", "kind": "money", "by": -3, "rounds": 1}]}])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(InjectEvent("e")))
    assert g._state.delegates["a"].capacity["money"] == 2  # clamped at the 2 committed
    _next_round(g)
    assert g._state.delegates["a"].capacity["money"] == 3  # restored by what was applied


def test_adjust_capital_never_negative():
    assert _play([{"op": "adjust_capital", "delegate": "c", "by": -5}])._state.delegates["c"].capital == 0


def test_block_and_unblock_kind():
    g = _play([{"op": "block_kind", "delegate": "a", "kind": "money", "rounds": 1, "reason": "a strike"}])
    assert "a strike" in refused(g.apply(Pledge("a", "money", 1, "p1")), "blocked").message
    _next_round(g)
    assert "money" not in g._state.delegates["a"].blocked
    g2 = _play([{"op": "block_kind", "delegate": "a", "kind": "money"}, {"op": "unblock_kind", "delegate": "a", "kind": "money"}])
    assert g2._state.delegates["a"].blocked == {}


def test_replace_representative_and_revert():
    g = game()
    ok(g.apply(InjectEvent("distract")))
    assert g.view("a").delegates["b"].representative == "Envoy"
    assert g.view("a").delegates["b"].binding_authority is False
    _next_round(g)
    assert g.view("a").delegates["b"].representative == "Bo"
    assert g.view("a").delegates["b"].binding_authority is True


def test_adjust_approval_changes_the_odds():
    g = _play([{"op": "adjust_approval", "delegate": "a", "kind": "troops", "by": -0.5, "rounds": 1}])
    assert g.view("a").me.approval_odds["troops"] == pytest.approx(0.45)
    _next_round(g)
    assert g.view("a").me.approval_odds["troops"] == pytest.approx(0.95)


def test_adjust_contribution_for_all_changes_progress():
    g = game(events=[{"id": "e", "title": "E", "text": "t",
                      "effects": [{"op": "adjust_contribution", "kind": "money", "priority": "p1", "by": 1, "rounds": 1,
                                   "applies_to": "all"}]}])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(InjectEvent("e")))
    assert g.view("a").priorities["p1"].progress == 4
    _next_round(g)
    assert g.view("a").priorities["p1"].progress == 2


def test_adjust_actions():
    g = _play([{"op": "adjust_actions", "delegate": "b", "by": -1, "rounds": 1}])
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    assert g.turn_seat == "b" and g._state.actions_left == 1


def test_cancel_offers():
    from game.model.actions import OfferItem, Propose

    g = game(events=[{"id": "e", "title": "E", "text": "t", "effects": [{"op": "cancel_offers", "delegate": "b"}]}])
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1")))))
    ok(g.apply(InjectEvent("e")))
    assert g._state.offers[0].status == "cancelled"


def test_revoke_approval():
    g = _play([{"op": "revoke_approval", "delegate": "a", "kind": "troops"}])
    assert "troops" not in g._state.delegates["a"].mandates


def test_message_public_and_private():
    g = _play([{"op": "message", "text": "to all"}, {"op": "message", "text": "to a", "to": ["a"]}])
    assert any(e.text == "to all" for e in g.view("c").log)
    assert not any(e.text == "to a" for e in g.view("c").log)
    assert any(e.text == "to a" for e in g.view("a").log)


def test_overlapping_blocks_and_replacements_end_independently():
    events = [
        {"id": "short", "title": "S", "text": "t", "effects": [
            {"op": "block_kind", "delegate": "b", "kind": "money", "rounds": 1, "reason": "short"},
            {"op": "replace_representative", "delegate": "b", "name": "Envoy1", "title": "E", "rounds": 1,
             "binding_authority": False}]},
        {"id": "long", "title": "L", "text": "t", "effects": [
            {"op": "block_kind", "delegate": "b", "kind": "money", "rounds": 2, "reason": "long"},
            {"op": "replace_representative", "delegate": "b", "name": "Envoy2", "title": "E", "rounds": 2}]},
    ]
    g = game(rules__rounds=3, events=events)
    ok(g.apply(InjectEvent("short")))
    ok(g.apply(InjectEvent("long")))
    _next_round(g)  # the short effects end; the long ones stay
    b = g.view("a").delegates["b"]
    assert b.blocked == {"money": "long"} and b.representative == "Envoy2" and not b.binding_authority
    _next_round(g)
    b = g.view("a").delegates["b"]
    assert b.blocked == {} and b.representative == "Bo" and b.binding_authority


def test_a_temporary_gain_is_taken_back_even_when_committed():
    g = game(rules__rounds=3, events=[{"id": "e", "title": "E", "text": "t", "effects": [
        {"op": "adjust_capacity", "delegate": "a", "kind": "money", "by": 2, "rounds": 1}]}])
    ok(g.apply(InjectEvent("e")))
    ok(g.apply(Pledge("a", "money", 5, "p1")))
    _next_round(g)
    d = g._state.delegates["a"]
    assert d.capacity["money"] == 5 and d.debt["money"] == 2  # committed units stay; 2 are owed
    from game.model.actions import Withdraw
    ok(g.apply(Withdraw("a", 1)))
    assert d.capacity["money"] == 3 and d.debt["money"] == 0  # back to the scenario's 3


def test_reverting_a_cut_cancels_its_debt_and_restores_what_was_paid():
    g = game(rules__rounds=3, events=[{"id": "e", "title": "E", "text": "t", "effects": [
        {"op": "adjust_capacity", "delegate": "a", "kind": "money", "by": -3, "rounds": 1}]}])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(InjectEvent("e")))
    d = g._state.delegates["a"]
    assert d.capacity["money"] == 2 and d.debt["money"] == 2
    from game.model.actions import Withdraw
    ok(g.apply(Withdraw("a", 1)))  # its 2 units come free: the debt takes them
    assert d.capacity["money"] == 0 and d.debt["money"] == 0
    _next_round(g)
    assert d.capacity["money"] == 3  # the cut ends: everything is given back
