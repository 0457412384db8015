"""Simultaneous rounds: in the negotiation phase every delegation acts when it likes, within
its budget for the round, until each has passed or the facilitator ends the phase."""

from game.content.records import load_game, save_record
from game.engine import Game
from game.model.actions import Accept, EndPhase, OfferItem, Pass, Pledge, Propose, Sign
from tests.engine.tiny import game, offer, ok, refused, scenario


def simultaneous(**changes):
    return game(rules__turns="simultaneous", **changes)


def test_every_delegation_may_act_at_once_and_answer_offers_as_they_arrive():
    g = simultaneous()
    assert {s for s in ("a", "b", "c") if g.legal_actions(s)} == {"a", "b", "c"}
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1")))))
    ok(g.apply(Sign("c", "p1")))  # c acts before a has finished
    ok(g.apply(Accept("b", offer(g))))  # b answers at once: no waiting for a turn
    assert [c.delegate for c in g._state.commitments] == ["a", "b"]


def test_each_delegation_has_its_budget_for_the_round_then_is_done():
    g = simultaneous(rules__actions_per_turn=1, rules__turns_per_round=2)  # a budget of 2
    assert g.view("a").actions_left == 2
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    assert g.view("a").actions_left == 1 and g.view("b").actions_left == 2
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    refused(g.apply(Pledge("a", "money", 1, "p1")), "done_this_round")
    assert g.legal_actions("a") == [] and g.legal_actions("b")


def test_the_phase_ends_when_everyone_has_passed():
    g = simultaneous()
    for seat in ("c", "a"):
        ok(g.apply(Pass(seat)))
    assert g.round == 1 and g.view("public").phase == "negotiation"
    refused(g.apply(Pass("a")), "done_this_round")
    ok(g.apply(Pass("b")))
    assert g.round == 2 and g.view("public").phase == "negotiation"
    assert all(g.legal_actions(s) for s in ("a", "b", "c"))


def test_the_facilitator_ends_the_phase_for_everyone():
    g = simultaneous()
    ok(g.apply(Pass("a")))
    ok(g.apply(EndPhase()))
    assert g.round == 2


def test_a_host_may_choose_simultaneous_turns_and_the_record_keeps_the_choice(tmp_path):
    sc = scenario()
    g = Game.new(sc, 3, turns="simultaneous")
    ok(g.apply(Pass("b")))  # not b's turn in ordered play
    assert g.record().turns == "simultaneous"
    assert Game.new(sc, 3).record().model_dump().get("turns") is None  # unchanged records stay byte-identical
    ordered = Game.new(sc, 3)
    refused(ordered.apply(Pass("b")), "not_your_turn")


def test_a_whole_bot_game_in_simultaneous_turns_replays(tmp_path):
    from game.content.scenarios import load_scenario
    from game.sim.playthrough import play

    loaded = load_scenario("tutorial")
    sc = loaded.scenario.model_copy(update={"rules": loaded.scenario.rules.model_copy(update={"turns": "simultaneous"})})
    g = play(sc, 4)
    assert g.over and g.decisions > 10
    again = Game.from_record(sc, g.record())
    assert again.result() == g.result()
    path = save_record(Game.new(loaded.scenario, 4, content_hash=loaded.content_hash, turns="simultaneous"),
                       tmp_path / "g.json")
    assert load_game(path).turns == "simultaneous"
