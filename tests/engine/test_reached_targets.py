"""A target reached in exact arithmetic is reached: fractional contributions whose float sum
lands a hair below it (0.7 + 0.1 is 0.7999999999999999) still secure the priority."""

import copy

from game.model.actions import InjectEvent, Pledge
from tests.engine.tiny import BASE, game, ok


def test_a_target_met_up_to_float_noise_counts_as_met():
    kinds = copy.deepcopy(BASE["commitment_kinds"])
    kinds[0]["contributes"] = {"p1": 0.7, "p2": 1}
    priorities = copy.deepcopy(BASE["priorities"])
    priorities[0].update(target=1.6, min_signatories=0)
    boost = {"id": "boost", "title": "Boost", "text": "t", "effects": [
        {"op": "adjust_contribution", "kind": "money", "priority": "p1", "by": 0.1, "applies_to": "all"}]}
    g = game(commitment_kinds=kinds, priorities=priorities, events=[*BASE["events"], boost])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(InjectEvent("boost")))
    assert 2 * (0.7 + 0.1) < 1.6  # what a plain float sum gives
    p1 = g.view("b").priorities["p1"]
    assert p1.progress == 1.6
    assert not any(reason.startswith("progress") for reason in p1.missing)
    assert p1.status == "secured"
