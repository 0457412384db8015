"""The derived values kept between actions (patched for a signature or a pledge no active
condition watches, left alone for capital, terms and controllers when no conditional
commitment reads them) equal values derived from
scratch after every action of whole bot games."""

import pytest

from game.bots import BotTable
from game.content.scenarios import load_scenario
from game.engine import Game
from game.engine.scoring import derived
from game.engine.state import Caches
from game.sim.playthrough import default_controllers


def _values(d) -> tuple:
    return (d.effective, d.progress, d.status, d.signatories, d.leads_ok)


@pytest.mark.parametrize(("scenario_id", "seeds"), [("paris-2026", (1, 2)), ("cop21-2015", (3,)), ("tutorial", (4,))])
def test_kept_derived_values_equal_values_derived_from_scratch(scenario_id, seeds):
    loaded = load_scenario(scenario_id)
    narrow = pledged = 0
    for seed in seeds:
        seats = default_controllers(loaded.scenario)
        game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
        table = BotTable(game, seats)
        state = game._state
        while not game.over:
            narrow += bool(state.caches.signed) and not state.caches.dirty
            pledged += bool(state.caches.pledged) and not state.caches.dirty
            warm = derived(state)
            kept, state.caches = state.caches, Caches()
            try:
                cold = derived(state)
                assert _values(warm) == _values(cold), f"seed {seed}, decision {game.decisions}"
                for c in state.conditional:  # what conditions read: the delegate's rows
                    for key in ((c.delegate, c.kind, c.priority), (c.delegate, c.kind, None), (None, c.kind, None)):
                        assert warm.contributed(*key) == cold.contributed(*key), key
                for seat in state.delegates:  # a pledge patched in moves its giver's rows
                    assert warm.contributed(seat, None, None) == cold.contributed(seat, None, None), seat
            finally:
                state = game._state
                state.caches = kept
            table.step(game.turn_seat)
    assert narrow, "no signature was patched in: the test would prove nothing"
    assert pledged, "no pledge was patched in: the test would prove nothing"
