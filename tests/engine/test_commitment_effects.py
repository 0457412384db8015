"""Effects on a delegation's existing commitments: suspend (timed or not), resume, cancel."""

from game.model.actions import InjectEvent, Pass, Pledge, Withdraw
from game.model.conditions import ContributedTest
from tests.engine.tiny import game, ok, refused


def _card(eid: str, *effects: dict, **more) -> dict:
    return {"id": eid, "title": eid.title(), "text": "t", "effects": list(effects), **more}


def _next_round(g):
    for seat in g._state.order[g._state.turn_index:]:
        ok(g.apply(Pass(seat)))


def _kinds(g, seat: str = "facilitator") -> list[str]:
    return [e.kind for e in g.view(seat).log]


def test_a_timed_suspension_stops_a_commitment_counting_until_it_ends():
    g = game(rules__rounds=3, events=[_card("freeze", {"op": "suspend_commitments", "delegate": "a", "rounds": 1})])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert g.view("b").priorities["p1"].progress == 2
    ok(g.apply(InjectEvent("freeze")))
    view = g.view("b")
    assert view.priorities["p1"].progress == 0
    assert view.commitments[0].status == "suspended" and not view.commitments[0].effective
    assert view.delegates["a"].free["money"] == 1  # the units stay committed
    assert "Alba's commitment #1 is suspended" in g.view("b").log[-1].text
    _next_round(g)
    assert g.view("b").commitments[0].status == "active"
    assert g.view("b").priorities["p1"].progress == 2
    assert "CommitmentsResumed" in _kinds(g)


def test_filters_overlapping_suspensions_and_the_resume_effect():
    g = game(events=[
        _card("hold", {"op": "suspend_commitments", "delegate": "a", "priority": "p2", "rounds": 1}),
        _card("freeze", {"op": "suspend_commitments", "delegate": "a", "kind": "money"}),
        _card("thaw", {"op": "resume_commitments", "delegate": "a", "kind": "money"})])
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pledge("a", "money", 1, "p2")))
    ok(g.apply(InjectEvent("hold")))
    assert [c.status for c in g.view("a").mine] == ["active", "suspended"]
    ok(g.apply(InjectEvent("freeze")))
    assert [c.status for c in g.view("a").mine] == ["suspended", "suspended"]
    _next_round(g)  # the timed hold ends, but the untimed freeze still holds #2
    assert [c.status for c in g.view("a").mine] == ["suspended", "suspended"]
    ok(g.apply(InjectEvent("thaw")))
    assert [c.status for c in g.view("a").mine] == ["active", "active"]
    assert g.view("a").priorities["p1"].progress == 1


def test_a_suspended_commitment_no_longer_meets_a_condition_and_may_be_withdrawn():
    g = game(events=[_card("freeze", {"op": "suspend_commitments", "delegate": "a"})])
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1", condition=ContributedTest(test="contributed", delegate="a"))))
    assert g.view("b").commitments[1].effective
    ok(g.apply(InjectEvent("freeze")))
    assert not g.view("b").commitments[1].effective
    assert g.view("b").priorities["p1"].progress == 0
    _next_round(g)
    ok(g.apply(Withdraw("a", 1)))
    assert g.view("a").delegates["a"].free["money"] == 3


def test_cancel_voids_commitments_for_good_and_frees_their_units():
    g = game(events=[_card("void", {"op": "cancel_commitments", "delegate": "a"}),
                     _card("thaw", {"op": "resume_commitments", "delegate": "a"})])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(Pledge("a", "troops", 1, "p2")))  # pending a vote: cancelled too
    ok(g.apply(InjectEvent("void")))
    view = g.view("a")
    assert [c.status for c in view.mine] == ["cancelled", "cancelled"]
    assert view.delegates["a"].free == {"money": 3, "troops": 2}
    assert view.priorities["p1"].progress == 0
    assert "are cancelled for good" in view.log[-1].text
    ok(g.apply(InjectEvent("thaw")))
    assert g.view("a").mine[0].status == "cancelled"
    _next_round(g)
    refused(g.apply(Withdraw("a", 1)), "not_withdrawable")


def test_a_pending_commitment_is_not_suspended():
    g = game(events=[_card("freeze", {"op": "suspend_commitments", "delegate": "a"})])
    ok(g.apply(Pledge("a", "troops", 1, "p2")))
    ok(g.apply(InjectEvent("freeze")))
    assert g.view("a").mine[0].status == "pending"
    assert "CommitmentsSuspended" not in _kinds(g)  # nothing matched, nothing said


def test_a_private_cards_suspension_and_its_end_are_logged_for_its_recipients_only():
    g = game(rules__rounds=3, events=[_card("quiet", {"op": "suspend_commitments", "delegate": "a", "rounds": 1},
                                            visibility="private", recipients=["a"])])
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(InjectEvent("quiet")))
    _next_round(g)
    assert {"CommitmentsSuspended", "CommitmentsResumed"} <= set(_kinds(g, "a"))
    assert not {"CommitmentsSuspended", "CommitmentsResumed"} & set(_kinds(g, "b"))


def test_a_game_with_suspensions_replays_to_the_same_log():
    from game.engine import Game

    g = game(rules__rounds=3, events=[_card("freeze", {"op": "suspend_commitments", "delegate": "a", "rounds": 2}),
                                      _card("void", {"op": "cancel_commitments", "delegate": "b", "kind": "money"})])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(InjectEvent("freeze")))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))
    ok(g.apply(InjectEvent("void")))
    _next_round(g)
    _next_round(g)
    again = Game.from_record(g.scenario, g.record())
    assert [e.to_dict() for e in again.log] == [e.to_dict() for e in g.log]
