"""Every bot personality keeps to a priority's `signers` and `contributors`: whole games with
restricted lists end, with no signature or commitment from outside them."""

import copy

import pytest

from game.model.scenario import Scenario
from game.sim.playthrough import play
from tests.engine.tiny import BASE


def _restricted() -> Scenario:
    data = copy.deepcopy(BASE)
    data["priorities"][0].update(contributors=["a"], signers=["b", "c"])
    data["priorities"][1].update(signers=[])
    return Scenario.model_validate(data)


@pytest.mark.parametrize("bot", ["random", "cautious", "cooperative", "negotiator"])
def test_bots_keep_to_signers_and_contributors(bot):
    scenario = _restricted()
    for seed in range(12):
        game = play(scenario, seed, controllers={d.id: bot for d in scenario.delegates})
        public = game.view("a").public
        assert game.result() is not None
        assert all(c.delegate == "a" for c in public.commitments if c.priority == "p1")
        assert set(public.priorities["p1"].signatories) <= {"b", "c"}
        assert public.priorities["p2"].signatories == ()
