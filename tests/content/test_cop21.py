"""The COP21 scenario plays as designed: every bot finishes it, and its key cards do what the
facts say (the "shall" typo blocks US pledges until the "should" fix; a walkout ends the game).

Games are driven through the engine facade with facilitator actions, as a workshop would.
"""

import pytest

from game.bots import BOTS
from game.content.scenarios import load_scenario
from game.engine import Game
from game.model.actions import AdjustTrack, EndPhase, InjectEvent, Pledge
from game.sim.playthrough import play

SCENARIO = "cop21-2015"


@pytest.fixture(scope="module")
def loaded():
    return load_scenario(SCENARIO)


@pytest.mark.parametrize("bot", list(BOTS))
def test_every_bot_plays_it_to_the_end(loaded, bot):
    seats = {d.id: bot for d in loaded.scenario.delegates}
    game = play(loaded.scenario, 5, content_hash=loaded.content_hash, controllers=seats)
    result = game.result()
    assert game.over and result["outcome"] in ("success", "partial", "failure")
    assert set(result["priorities"]) == {p.id for p in loaded.scenario.priorities}


def _us_ndc_pledges(game: Game) -> list:
    return [a for a in game.legal_actions("us") if isinstance(a, Pledge) and a.kind_id == "ndc_ambition"]


def _to_us_turn(game: Game) -> None:
    for _ in range(200):
        if game.turn_seat == "us":
            return
        game.apply(EndPhase()) if game.turn_seat is None else game.apply(
            next(a for a in game.legal_actions(game.turn_seat) if a.kind == "pass"))
    raise AssertionError("the US never got a turn")


def test_the_shall_typo_blocks_us_ndc_pledges_until_the_should_fix(loaded):
    game = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    _to_us_turn(game)
    assert _us_ndc_pledges(game), "before the typo the US can raise its NDC"
    assert game.apply(InjectEvent("shall_typo")).ok
    assert _us_ndc_pledges(game) == []
    assert "shall" in str(game.check(Pledge("us", "ndc_ambition", 1, "ambition_cycle")))
    assert game.apply(InjectEvent("should_fix")).ok
    assert _us_ndc_pledges(game)


def test_the_us_never_gives_binding_targets(loaded):
    game = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    _to_us_turn(game)
    rejection = game.check(Pledge("us", "binding_targets", 1, "ambition_cycle"))
    assert rejection is not None and rejection.rule in ("red_line", "capacity")


def test_a_collapse_of_trust_is_a_g77_walkout_that_ends_the_game(loaded):
    game = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    assert game.apply(AdjustTrack("trust", -10, "the developed countries' offer falls apart")).ok
    for _ in range(500):
        if game.over:
            break
        seat = game.turn_seat
        game.apply(EndPhase() if seat is None else next(a for a in game.legal_actions(seat) if a.kind == "pass"))
    result = game.result()
    assert result["over"] and result["rounds_played"] == 1
    assert "walk out" in result["end_reason"] or "g77_walkout" in result["end_reason"]
