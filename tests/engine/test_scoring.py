"""Priority status, leads and signatures, conditional chains, lapses and objective points."""

from game.model.actions import Accept, InjectEvent, OfferItem, Pass, Pledge, Propose, Sign
from game.model.conditions import ContributedTest, FlagTest
from tests.engine.tiny import game, offer, ok


def test_status_needs_progress_and_signatures():
    g = game()
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert g.view("a").priorities["p1"].status == "partial"  # 2 of 4, partial_at defaults to half
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))
    assert g.view("a").priorities["p1"].progress == 4
    assert g.view("a").priorities["p1"].status == "partial"  # no signatory yet
    ok(g.apply(Sign("b", "p1")))
    assert g.view("a").priorities["p1"].status == "secured"


def test_required_lead_must_contribute():
    g = game()
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 2, "p2")))
    ok(g.apply(Pledge("b", "guarantee", 1, "p2")))
    p2 = g.view("a").priorities["p2"]
    assert p2.progress == 4 and not p2.leads_ok and p2.status == "partial"


def test_mutual_conditions_resolve_as_both_effective():
    g = game(rules__turns_per_round=2)
    a_if_b = ContributedTest(test="contributed", delegate="b", kind="money")
    b_if_a = ContributedTest(test="contributed", delegate="a", kind="money")
    ok(g.apply(Pledge("a", "money", 1, "p1", condition=a_if_b)))
    assert g.view("a").priorities["p1"].progress == 0
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1", condition=b_if_a)))
    assert g.view("a").priorities["p1"].progress == 2
    assert all(c.effective for c in g.view("a").commitments)


def test_a_chain_unlocks_at_once_and_unmet_conditions_lapse_at_the_end():
    g = game()
    backstop = FlagTest(test="flag", flag="backstop")
    ok(g.apply(Pledge("a", "money", 1, "p1", condition=backstop)))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1", condition=ContributedTest(test="contributed", delegate="a", kind="money"))))
    assert g.view("a").priorities["p1"].progress == 0  # b's needs a's, which needs the flag
    for seat in ("b", "c", "a", "b", "c"):
        ok(g.apply(Pass(seat)))
    assert g.over
    assert [c.status for c in g._state.commitments] == ["lapsed", "lapsed"]
    assert sum(e.kind == "CommitmentLapsed" for e in g.log) == 2


def test_conditional_items_in_a_trade():
    g = game(rules__turns_per_round=2)
    items = (OfferItem("a", "money", 1, "p1", condition=FlagTest(test="flag", flag="backstop")),
             OfferItem("b", "money", 1, "p1"))
    ok(g.apply(Propose("a", ("b",), items)))
    ok(g.apply(Pass("a")))
    ok(g.apply(Accept("b", offer(g))))
    assert g.view("c").priorities["p1"].progress == 1
    ok(g.apply(InjectEvent("confirm")))
    assert g.view("c").priorities["p1"].progress == 2


def test_objective_points_follow_the_state():
    g = game()
    assert g.view("b").me.score == 0
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))
    me = g.view("b").me
    assert me.score == 2 and me.objectives[0].met
    assert g.result()["delegates"]["b"]["score"] == 2


def test_conditions_that_more_commitments_could_break_are_refused():
    from game.model.conditions import NotTest, PriorityTest
    from tests.engine.tiny import refused

    g = game()
    unless_b = NotTest(test="not", of=ContributedTest(test="contributed", delegate="b", kind="money"))
    assert "not for" in refused(g.apply(Pledge("a", "money", 1, "p1", condition=unless_b)), "bad_condition").message
    if_failing = PriorityTest(test="priority", priority="p2", status=["failed"])
    refused(g.apply(Pledge("a", "money", 1, "p1", condition=if_failing)), "bad_condition")
    unless_flag = NotTest(test="not", of=FlagTest(test="flag", flag="backstop"))
    ok(g.apply(Pledge("a", "money", 1, "p1", condition=unless_flag)))  # a flag is not moved by commitments
