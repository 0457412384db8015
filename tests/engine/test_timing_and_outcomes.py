"""Issue 13's engine rules: explicit timing of contribution changes, end conditions that set
the outcome, offers withdrawn before they could fall through, and priorities closed to some."""

import copy

from game.model.actions import Accept, InjectEvent, OfferItem, Pass, Pledge, Propose
from tests.engine.tiny import BASE, game, ok, refused


def _bonus(applies_to=None, rounds=1):
    effect = {"op": "adjust_contribution", "kind": "money", "priority": "p1", "by": 1, "rounds": rounds}
    if applies_to:
        effect["applies_to"] = applies_to
    return [{"id": "e", "title": "E", "text": "t", "effects": [effect]}]


def _next_round(g):
    for seat in g._state.order[g._state.turn_index:]:
        ok(g.apply(Pass(seat)))


def test_a_contribution_change_applies_only_to_later_commitments_by_default():
    g = game(events=_bonus())
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(InjectEvent("e")))
    assert g.view("a").priorities["p1"].progress == 1  # made before the card: unchanged
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    assert g.view("a").priorities["p1"].progress == 3  # made under the card: 2 per unit


def test_an_expiring_bonus_never_makes_progress_fall():
    g = game(events=_bonus())
    ok(g.apply(InjectEvent("e")))
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert g.view("a").priorities["p1"].progress == 4
    _next_round(g)
    assert g._state.round == 2 and g._state.contribution[("money", "p1")] == 1
    assert g.view("a").priorities["p1"].progress == 4  # kept the value it was committed at
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    assert g.view("a").priorities["p1"].progress == 5  # a later unit counts the base value


def test_a_change_for_all_reaches_commitments_already_made_and_its_end_too():
    g = game(events=_bonus("all"))
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    ok(g.apply(InjectEvent("e")))
    assert g.view("a").priorities["p1"].progress == 4
    _next_round(g)
    assert g.view("a").priorities["p1"].progress == 2


def test_conditional_commitments_keep_their_own_value():
    g = game(events=_bonus())
    ok(g.apply(InjectEvent("e")))
    cond = {"test": "flag", "flag": "backstop"}
    from game.model.conditions import FlagTest
    ok(g.apply(Pledge("a", "money", 1, "p1", FlagTest(**cond))))
    g._state.flags["backstop"] = True
    g._state.changed()
    _next_round(g)
    assert g.view("a").priorities["p1"].progress == 2


def _ending(outcome):
    rules = copy.deepcopy(BASE["rules"])
    condition = {"id": "collapse", "description": "trust collapses",
                 "when": [{"test": "track", "track": "trust", "max": 4}]}
    if outcome:
        condition["outcome"] = outcome
    rules["end_conditions"] = [condition]
    return rules


def test_an_end_condition_sets_the_outcome():
    g = game(rules=_ending("failure"),
             events=[{"id": "e", "title": "E", "text": "t", "effects": [{"op": "adjust_track", "track": "trust", "by": -1}]}])
    ok(g.apply(Pledge("a", "money", 3, "p1")))  # p1 reaches its target: without the ending, partial
    ok(g.apply(InjectEvent("e")))
    _next_round(g)
    assert g.over and g.result()["outcome"] == "failure"
    assert "Outcome: failure" in g.log[-1].text


def test_an_end_condition_without_outcome_scores_the_priorities():
    g = game(rules=_ending(None),
             events=[{"id": "e", "title": "E", "text": "t", "effects": [{"op": "adjust_track", "track": "trust", "by": -1}]}])
    ok(g.apply(Pledge("a", "money", 3, "p1")))
    ok(g.apply(InjectEvent("e")))
    _next_round(g)
    assert g.over and g.result()["outcome"] == "partial"


def test_an_offer_its_proposer_can_no_longer_honour_is_withdrawn_before_acceptance():
    g = game()
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 3, "p1"), OfferItem("b", "money", 1, "p1")))))
    ok(g.apply(Pledge("a", "money", 1, "p1")))  # spends a unit the offer promised
    offer = g._state.offers[0]
    assert offer.status == "cancelled"
    assert any(e.kind == "OfferCancelled" and "withdrawn" in e.text for e in g.log)
    assert g.turn_seat == "b"
    refused(g.apply(Accept("b", offer.id)), "offer_closed")
    assert not any(e.kind == "TradeFailed" for e in g.log)


def test_a_priority_closed_to_a_delegation_refuses_its_commitments():
    priorities = copy.deepcopy(BASE["priorities"])
    priorities[1]["excluded_contributors"] = ["a"]
    priorities[1]["excluded_note"] = "the force is made of foreign troops"
    g = game(priorities=priorities)
    result = refused(g.apply(Pledge("a", "money", 1, "p2")), "excluded")
    assert "foreign troops" in result.message
    assert all(x.priority != "p2" for x in g.legal_actions("a") if isinstance(x, Pledge))
