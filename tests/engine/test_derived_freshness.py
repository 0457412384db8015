"""Changes that derived values see only through conditions (a track, a flag, the round, a
card played, authority, capacity, capital, a mandate) leave the cached values standing only
when no conditional commitment reads them: after every action they equal a fresh computation."""

import copy

import pytest

from game.engine import Game
from game.engine.scoring import derived
from game.model.actions import InjectEvent, Pass, Pledge, SeekApproval
from game.model.conditions import (
    ApprovedTest,
    AuthorityTest,
    CapacityTest,
    CapitalTest,
    EventFiredTest,
    FlagTest,
    RoundTest,
    TrackTest,
)
from game.model.scenario import Scenario
from tests.engine.tiny import BASE, ok


def _scenario() -> Scenario:
    data = copy.deepcopy(BASE)
    data["rules"].update(rounds=4, actions_per_turn=4)
    data["tracks"] = [{"id": "trust", "name": "Trust", "start": 6, "drift": -1}]
    for delegate in data["delegates"]:
        delegate["capacities"]["money"] = 10
        delegate["political_capital"] = 2
    data["events"] = [
        {"id": "slip", "title": "Slip", "text": "t", "effects": [{"op": "adjust_track", "track": "trust", "by": -2}]},
        {"id": "confirm", "title": "Confirm", "text": "t", "effects": [{"op": "set_flag", "flag": "backstop"}]},
        {"id": "distract", "title": "Distract", "text": "t", "effects": [
            {"op": "replace_representative", "delegate": "b", "name": "E", "title": "Envoy",
             "role": "envoy", "binding_authority": False, "rounds": 1}]},
        {"id": "cut", "title": "Cut", "text": "t", "effects": [
            {"op": "adjust_capacity", "delegate": "a", "kind": "money", "by": -3, "rounds": 1}]},
        {"id": "purse", "title": "Purse", "text": "t", "effects": [{"op": "adjust_capital", "delegate": "a", "by": 1}]},
        {"id": "revoke", "title": "Revoke", "text": "t", "effects": [
            {"op": "revoke_approval", "delegate": "a", "kind": "troops"}]},
        {"id": "quiet", "title": "Quiet", "text": "t", "effects": [{"op": "message", "text": "Nothing."}]},
    ]
    return Scenario.model_validate(data)


PROBES = {
    "drift": (TrackTest(test="track", track="trust", min=6), ["next round"]),
    "track": (TrackTest(test="track", track="trust", min=5), ["slip"]),
    "round": (RoundTest(test="round", max=1), ["next round"]),
    "flag": (FlagTest(test="flag", flag="backstop"), ["confirm"]),
    "event": (EventFiredTest(test="event_fired", event="quiet"), ["quiet"]),
    "authority": (AuthorityTest(test="binding_authority", delegate="b"), ["distract", "next round"]),
    "capacity": (CapacityTest(test="capacity", delegate="a", kind="money", min=8), ["cut", "next round"]),
    "capital": (CapitalTest(test="capital", delegate="a", min=3), ["purse"]),
    "approved": (ApprovedTest(test="approved", delegate="a", kind="troops"), ["next round", "revoke"]),
}
"""test -> (a condition it reads, steps that flip it: an event card injected, or "next round")."""


def _values(d) -> tuple:
    return (d.effective, dict(d.totals), d.extra, d.progress, d.status, d.signatories, d.leads_ok,
            d.by_delegate)


def _apply_and_compare(game: Game, action) -> None:
    ok(game.apply(action))
    state = game._state
    cached = _values(derived(state))
    state.caches.dirty = True
    assert cached == _values(derived(state)), f"stale derived values after {action}"


@pytest.mark.parametrize("probe", PROBES)
def test_cached_derived_values_match_a_fresh_computation(probe):
    condition, steps = PROBES[probe]
    game = Game.new(_scenario(), 3)
    _apply_and_compare(game, SeekApproval("a", "troops"))
    _apply_and_compare(game, Pledge("a", "money", 1, "p1", condition=condition))
    _apply_and_compare(game, Pledge("a", "money", 1, "p1"))
    seen = {len(derived(game._state).effective)}
    for step in steps:
        if step == "next round":
            start = game.round
            while game.round == start:
                _apply_and_compare(game, Pass(game.turn_seat))
        else:
            _apply_and_compare(game, InjectEvent(step))
        seen.add(len(derived(game._state).effective))
    assert seen == {0, 1}, f"the condition never flipped: the test would prove nothing ({seen})"
