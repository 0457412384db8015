"""The rejection reasons not covered elsewhere, and a guard that every reason has a test."""

import re
from pathlib import Path

from game.model.actions import (
    Accept,
    AdjustTrack,
    Counter,
    OfferItem,
    Pass,
    Pledge,
    Propose,
    Resume,
    SeekApproval,
    Withdraw,
)
from game.model.conditions import TrackTest
from tests.engine.tiny import game, offer, ok, refused

ROOT = Path(__file__).resolve().parents[2]
# Reachable only if the engine stops outside the negotiation phase, which it never does.
UNREACHABLE = {"not_negotiating"}


def test_malformed_and_unknown_actions():
    g = game()
    assert g.apply_dict({"kind": "pledge", "seat": "a"}).rule == "malformed"
    assert g.apply_dict({"kind": "teleport"}).rule == "malformed"
    refused(g.apply(object()), "malformed")
    refused(g.apply(Pass("zz")), "unknown_seat")


def test_offer_shape_refusals():
    g = game(rules__turns_per_round=2)
    refused(g.apply(Propose("a", ("b",), ())), "empty_offer")
    refused(g.apply(Propose("a", ("zz",), (OfferItem("a", "money", 1, "p1"),))), "unknown_seat")
    bad = TrackTest(test="track", track="nowhere", min=1)
    refused(g.apply(Pledge("a", "money", 1, "p1", condition=bad)), "bad_condition")
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    for _ in range(3):
        g._state.actions_left = 5  # room for several offers in one turn
        ok(g.apply(Propose("a", ("b",), items)))
    refused(g.apply(Propose("a", ("b",), items)), "too_many_offers")


def test_answer_refusals():
    g = game(rules__turns_per_round=2)
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    ok(g.apply(Propose("a", ("b",), items)))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pass("b")))
    refused(g.apply(Accept("c", offer(g))), "unknown_offer")  # not a party: it may not learn the offer exists
    g3 = game(rules__turns_per_round=2)
    ok(g3.apply(Propose("a", ("b",), items)))
    refused(g3.apply(Accept("a", offer(g3))), "not_addressed")  # the proposer answers nothing
    g2 = game(rules__turns_per_round=2, delegates=_three_party())
    ok(g2.apply(Propose("a", ("b", "c"), (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1")))))
    ok(g2.apply(Pass("a")))
    ok(g2.apply(Accept("b", offer(g2))))
    refused(g2.apply(Accept("b", offer(g2))), "already_accepted")


def _three_party():
    import copy

    from tests.engine.tiny import BASE
    return copy.deepcopy(BASE["delegates"])


def test_withdraw_and_vote_refusals():
    g = game(seed=3, rules__turns_per_round=3)
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Withdraw("a", 1)))
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))
    refused(g.apply(Withdraw("a", 1)), "not_withdrawable")
    ok(g.apply(SeekApproval("a", "troops")))
    refused(g.apply(SeekApproval("a", "troops")), "vote_scheduled")


def test_a_won_mandate_needs_no_second_vote():
    g = game(seed=3)
    ok(g.apply(SeekApproval("a", "troops")))
    for seat in ("a", "b", "c"):
        if g.turn_seat == seat:
            ok(g.apply(Pass(seat)))
    assert "troops" in g._state.delegates["a"].mandates  # 95% odds; seed 3 wins
    refused(g.apply(SeekApproval("a", "troops")), "already_approved")


def test_facilitator_refusals():
    g = game()
    refused(g.apply(AdjustTrack("trust", 0, "nothing")), "no_change")
    refused(g.apply(Resume()), "not_paused")


def test_every_rejection_rule_has_a_test():
    rules = set()
    for path in (ROOT / "game/engine").glob("*.py"):
        rules |= set(re.findall(r'Rejection\("([a-z_]+)"', path.read_text()))
    tested = "".join(p.read_text() for p in (ROOT / "tests/engine").glob("test_*.py"))
    missing = sorted(r for r in rules - UNREACHABLE if f'"{r}"' not in tested)
    assert not missing, f"rejection rules without a test: {missing}"


def test_counters_count_toward_the_open_offer_limit():
    g = game(rules__turns_per_round=2)
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    ok(g.apply(Propose("a", ("b",), items)))
    ok(g.apply(Pass("a")))
    for _ in range(3):
        g._state.actions_left = 5
        ok(g.apply(Propose("b", ("a",), items)))
    refused(g.apply(Counter("b", offer(g), items)), "too_many_offers")


def test_booleans_and_non_finite_numbers_are_not_amounts():
    g = game()
    refused(g.apply_dict({"kind": "pledge", "seat": "a", "kind_id": "money", "amount": True,
                          "priority": "p1"}), "malformed")  # the boundary is strict about integers
    refused(g.apply(Pledge("a", "money", True, "p1")), "malformed")  # and so is the engine
    refused(g.apply(AdjustTrack("trust", float("nan"), "oops")), "malformed")


def test_a_card_with_no_effects_still_counts_as_fired_for_conditions_and_replay():
    from game.engine import Game
    from game.model.actions import EndPhase, InjectEvent
    from game.model.conditions import EventFiredTest
    from tests.engine.tiny import scenario

    sc = scenario(events=[{"id": "news", "title": "News", "text": "Only words.", "effects": []}])
    g = Game.new(sc, 1)
    ok(g.apply(Pledge("a", "money", 2, "p1", condition=EventFiredTest(test="event_fired", event="news"))))
    assert g.view("a").priorities["p1"].progress == 0  # caches the derived values
    ok(g.apply(InjectEvent("news")))
    assert g.view("a").priorities["p1"].progress == 2
    ok(g.apply(EndPhase()))
    replayed = Game.from_record(sc, g.record())  # raises if the replayed log differs
    assert [e.to_dict() for e in replayed.log] == [e.to_dict() for e in g.log]
