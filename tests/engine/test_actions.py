"""Each player action, accepted and refused, with the state it leaves."""

from game.engine.state import ACTIVE, PENDING, REJECTED, WITHDRAWN
from game.model.actions import (
    Accept,
    Counter,
    OfferItem,
    Pass,
    Pledge,
    Propose,
    Reject,
    SeekApproval,
    Sign,
    Withdraw,
)
from game.model.conditions import FlagTest
from tests.engine.tiny import game, offer, ok, refused


def test_pledge_commits_capacity_and_counts_toward_the_priority():
    g = game()
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert g._state.free("a", "money") == 1
    assert g.view("a").priorities["p1"].progress == 2


def test_pledge_refusals_teach():
    g = game()
    assert "only 3 bn" in refused(g.apply(Pledge("a", "money", 4, "p1")), "capacity").message
    assert "does not advance Monitoring" in refused(g.apply(Pledge("a", "troops", 1, "p1")), "no_contribution").message
    refused(g.apply(Pledge("a", "money", 0, "p1")), "bad_amount")
    refused(g.apply(Pledge("a", "nukes", 1, "p1")), "unknown_kind")
    refused(g.apply(Pledge("a", "money", 1, "p9")), "unknown_priority")
    assert "Alba's turn" in refused(g.apply(Pledge("b", "money", 1, "p1")), "not_your_turn").message


def test_red_lines_block_kinds_priorities_and_signatures():
    g = game()
    ok(g.apply(Pass("a")))
    assert "red lines" in refused(g.apply(Pledge("b", "troops", 1, "p2")), "red_line").message
    ok(g.apply(Pass("b")))
    refused(g.apply(Pledge("c", "money", 1, "p2")), "red_line")
    refused(g.apply(Sign("c", "p2")), "red_line")


def test_approval_kinds_are_pending_until_a_vote_is_won():
    g = game(seed=3)
    ok(g.apply(Pledge("a", "troops", 2, "p2")))
    assert g._state.commitments[0].status == PENDING
    assert g.view("a").priorities["p2"].progress == 0
    ok(g.apply(SeekApproval("a", "troops")))  # 95%: seed 3 wins (asserted below)
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))  # end of negotiation: the approvals phase rolls
    assert g._state.commitments[0].status == ACTIVE
    assert "troops" in g._state.delegates["a"].mandates
    assert any(e.kind == "ApprovalWon" for e in g.log)


def test_a_lost_vote_returns_the_capacity():
    g = game(seed=1, delegates=_with_chance(0.0))
    ok(g.apply(Pledge("a", "troops", 2, "p2")))
    ok(g.apply(SeekApproval("a", "troops")))
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))
    assert g._state.commitments[0].status == REJECTED
    assert g._state.free("a", "troops") == 2
    lost = [e for e in g.log if e.kind == "ApprovalLost"]
    assert lost and "return to capacity" in lost[0].text


def _with_chance(chance):
    import copy

    from tests.engine.tiny import BASE
    delegates = copy.deepcopy(BASE["delegates"])
    delegates[0]["approvals"]["troops"]["chance"] = chance
    return delegates


def test_seek_approval_refusals():
    g = game()
    refused(g.apply(SeekApproval("a", "money")), "no_approval_needed")
    ok(g.apply(Pass("a")))
    refused(g.apply(SeekApproval("b", "troops")), "red_line")


def test_trade_needs_every_party_and_becomes_commitments():
    g = game(rules__turns_per_round=2)
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    ok(g.apply(Propose("a", ("b",), items, note="together")))
    ok(g.apply(Pass("a")))
    assert g.view("b").open_offers_to_me()[0].id == offer(g)
    assert g.view("c").offers == ()  # not a party: cannot see it
    ok(g.apply(Accept("b", offer(g))))
    assert [c.delegate for c in g._state.commitments] == ["a", "b"]
    assert g._state.offers[0].status == "accepted"
    assert any(e.kind == "TradeAgreed" and e.visible_to is None for e in g.log)


def test_trade_refusals():
    g = game()
    refused(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"),))), "one_sided")
    refused(g.apply(Propose("a", (), (OfferItem("a", "money", 1, "p1"),))), "no_recipient")
    refused(g.apply(Propose("a", ("a",), (OfferItem("a", "money", 1, "p1"),))), "bad_recipients")
    refused(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"), OfferItem("c", "money", 1, "p1")))),
            "not_a_party")
    # b's red line (troops) is hidden from a: the offer goes out, and b cannot accept it
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p2"), OfferItem("b", "troops", 1, "p2")))))
    ok(g.apply(Pass("a")))
    refused(g.apply(Accept("b", offer(g))), "red_line")
    refused(g.apply(Accept("b", 7)), "unknown_offer")
    ok(g.apply(Reject("b", offer(g))))
    refused(g.apply(Accept("b", offer(g))), "offer_closed")


def test_counter_replaces_the_offer():
    g = game(rules__turns_per_round=2)
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 2, "p1")))))
    ok(g.apply(Pass("a")))
    ok(g.apply(Counter("b", offer(g), (OfferItem("a", "money", 2, "p1"), OfferItem("b", "money", 1, "p1")))))
    assert g._state.offers[0].status == "countered"
    assert g._state.offers[1].parties == ("a",) and g._state.offers[1].replaces == offer(g)


def test_withdraw_costs_capital_and_trust():
    g = game()
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(Withdraw("a", 1)))
    assert g._state.commitments[0].status == WITHDRAWN
    assert g._state.free("a", "money") == 3
    assert g._state.delegates["a"].capital == 1
    assert g._state.tracks["trust"] == 4


def test_withdraw_refusals():
    g = game()
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pass("a")))
    refused(g.apply(Withdraw("b", 1)), "not_yours")
    refused(g.apply(Withdraw("b", 9)), "unknown_commitment")
    ok(g.apply(Pass("b")))
    ok(g.apply(Pledge("c", "money", 1, "p1")))
    refused(g.apply(Withdraw("c", 2)), "no_capital")


def test_sign_and_sign_with_reservations():
    g = game()
    ok(g.apply(Sign("a", "p1", reservations=True)))
    ok(g.apply(Sign("a", "p1")))  # upgrading to a full signature is allowed
    ok(g.apply(Pass("b")))
    ok(g.apply(Sign("c", "p1")))
    refused(g.apply(Sign("c", "p1")), "already_signed")


def test_binding_authority_is_needed_for_a_guarantee():
    from game.model.actions import InjectEvent

    g = game()
    ok(g.apply(InjectEvent("distract")))
    ok(g.apply(Pass("a")))
    message = refused(g.apply(Pledge("b", "guarantee", 1, "p2")), "no_authority").message
    assert "Envoy" in message and "no authority" in message


def test_conditional_pledge_counts_only_when_its_condition_holds():
    from game.model.actions import InjectEvent

    g = game()
    ok(g.apply(Pledge("a", "money", 2, "p1", condition=FlagTest(test="flag", flag="backstop"))))
    assert g.view("a").priorities["p1"].progress == 0
    assert g.view("a").commitments[0].condition == "backstop"
    ok(g.apply(InjectEvent("confirm")))
    assert g.view("a").priorities["p1"].progress == 2


def test_illegal_action_leaves_state_unchanged():
    g = game()
    before = (len(g.log), g._state.decisions, dict(g._state.delegates["a"].committed))
    refused(g.apply(Pledge("a", "money", 9, "p1")), "capacity")
    assert (len(g.log), g._state.decisions, dict(g._state.delegates["a"].committed)) == before
