"""Tiny inline scenarios for rules tests: a base dict and a way to vary it."""

import copy
from typing import Any

from game.engine import Game
from game.model.scenario import Scenario

BASE: dict[str, Any] = {
    "meta": {"id": "tiny", "title": "Tiny", "summary": "s", "setting": "s", "date": "2026"},
    "rules": {"rounds": 2, "phases": ["events", "negotiation", "approvals", "scoring"],
              "actions_per_turn": 2, "turns_per_round": 1, "turn_order": "listed",
              "events_per_round": 0, "withdraw_track_effects": [{"track": "trust", "by": -1}]},
    "priorities": [
        {"id": "p1", "name": "Monitoring", "description": "d", "target": 4, "min_signatories": 1},
        {"id": "p2", "name": "Force", "description": "d", "target": 4, "required_leads": ["a"]},
    ],
    "commitment_kinds": [
        {"id": "money", "name": "Funding", "unit": "bn", "contributes": {"p1": 1, "p2": 1}},
        {"id": "troops", "name": "Troops", "unit": "k troops", "contributes": {"p2": 2}, "needs_approval": True},
        {"id": "guarantee", "name": "Guarantee", "unit": "guarantee", "contributes": {"p2": 2},
         "needs_binding_authority": True},
    ],
    "tracks": [{"id": "trust", "name": "Trust", "start": 5}],
    "flags": [{"id": "backstop", "name": "Backstop"}],
    "delegates": [
        {"id": "a", "name": "Alba", "country": "Alba", "principal": {"name": "Ann", "title": "PM"},
         "role": "head_of_government", "capacities": {"money": 3, "troops": 2}, "political_capital": 2,
         "approvals": {"troops": {"body": "Diet", "chance": 0.95}},
         "public_brief": "pub a", "confidential_brief": "secret a",
         "objectives": [{"id": "oa", "description": "p1 secured", "points": 3,
                         "when": [{"test": "priority", "priority": "p1", "status": ["secured"]}]}]},
        {"id": "b", "name": "Bors", "country": "Bors", "principal": {"name": "Bo", "title": "FM"},
         "role": "minister", "capacities": {"money": 2, "troops": 1, "guarantee": 1}, "political_capital": 1,
         "red_lines": {"kinds": ["troops"], "priorities": []},
         "public_brief": "pub b", "confidential_brief": "secret b",
         "objectives": [{"id": "ob", "description": "b gave money", "points": 2,
                         "when": [{"test": "contributed", "delegate": "b", "kind": "money", "min": 1}]}]},
        {"id": "c", "name": "Cress", "country": "Cress", "principal": {"name": "Cy", "title": "President"},
         "role": "head_of_state", "capacities": {"money": 1}, "political_capital": 0,
         "red_lines": {"priorities": ["p2"]},
         "public_brief": "pub c", "confidential_brief": "secret c"},
    ],
    "events": [
        {"id": "distract", "title": "Distraction", "text": "Eyes elsewhere.", "effects": [
            {"op": "replace_representative", "delegate": "b", "name": "Envoy", "title": "Envoy",
             "role": "envoy", "binding_authority": False, "rounds": 1}]},
        {"id": "confirm", "title": "Backstop confirmed", "text": "In writing.", "effects": [
            {"op": "set_flag", "flag": "backstop"}]},
    ],
}


def scenario(**changes: Any) -> Scenario:
    """Returns the base scenario with top-level sections or `rules__field` keys replaced."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if "__" in key:
            section, field = key.split("__")
            data[section][field] = value
        else:
            data[key] = value
    return Scenario.model_validate(data)


def game(seed: int = 1, **changes: Any) -> Game:
    return Game.new(scenario(**changes), seed)


def ok(result):
    assert getattr(result, "ok", False), f"expected the action to be accepted, got: {result}"
    return result


def refused(result, rule: str):
    assert not getattr(result, "ok", True), f"expected a refusal ({rule}), got it accepted"
    assert result.rule == rule, f"expected rule {rule}, got {result.rule}: {result.message}"
    return result


def offer(g: Game, n: int = 1) -> int:
    """Returns the number of the game's n-th offer (numbers are drawn, not counted)."""
    return g._state.offers[n - 1].id
