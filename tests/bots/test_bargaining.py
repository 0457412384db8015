"""Bots bargain (issue 13): every personality but random makes offers, bots counter, several
delegations pledge on conditions (Europeans on the US backstop), and no deal falls through."""

from collections import Counter

import pytest

from game.bots.bargaining import answer_order, backing_conditions, conditional_pledge
from game.content.scenarios import load_scenario
from game.engine import Game
from game.model.actions import Pass
from game.sim.playthrough import play


@pytest.fixture(scope="module")
def games():
    loaded = load_scenario("paris-2026")
    return loaded, [play(loaded.scenario, seed, content_hash=loaded.content_hash) for seed in range(6)]


def test_every_personality_but_random_makes_offers(games):
    loaded, played = games
    personality = {d.id: d.bot for d in loaded.scenario.delegates}
    offered = {personality[e.actor] for g in played for e in g.log if e.kind in ("TradeProposed", "TradeCountered")}
    assert {"cautious", "cooperative", "negotiator"} <= offered


def test_bots_counter_at_least_once_a_game_on_average(games):
    _, played = games
    counters = sum(e.kind == "TradeCountered" for g in played for e in g.log)
    assert counters >= len(played)


def test_at_least_five_delegations_pledge_on_conditions_europeans_on_the_us_backstop(games):
    _, played = games
    conditional = Counter()
    on_backstop = set()
    for g in played:
        for c in g.view("facilitator").commitments:
            if c.when is not None:
                conditional[c.delegate] += 1
                if getattr(c.when, "delegate", None) == "us" and getattr(c.when, "kind", None) == "backstop":
                    on_backstop.add(c.delegate)
    assert len(conditional) >= 5, conditional
    assert {"de", "uk"} <= on_backstop, on_backstop


def test_accepted_deals_never_fall_through(games):
    _, played = games
    assert not any(e.kind == "TradeFailed" for g in played for e in g.log)


def test_germany_pledges_its_forces_on_the_us_backstop(games):
    loaded, _ = games
    g = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    while g.turn_seat != "de":
        g.apply(Pass(g.turn_seat))
    view = g.view("de")
    kinds = {(kind, c.delegate, c.kind) for kind, _, c in backing_conditions(view)}
    assert ("flank_forces", "us", "backstop") in kinds
    pledge = conditional_pledge(view, g.check)
    assert pledge is not None and pledge.condition.kind == "backstop"
    assert g.check(pledge) is None


def test_offers_are_answered_most_valuable_first():
    from game.model.actions import OfferItem, Propose
    from tests.engine.tiny import game, ok

    g = game(rules__turns_per_round=2)
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1")))))
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 2, "p1"), OfferItem("b", "money", 1, "p1")))))
    while g.turn_seat != "b":
        ok(g.apply(Pass(g.turn_seat)))
    first, second = (o.id for o in g.view("facilitator").offers)
    assert [o.id for o in answer_order(g.view("b"))] == [second, first]  # more for the same one unit
