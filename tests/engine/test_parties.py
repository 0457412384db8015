"""Parties to a priority: who may sign it and who may contribute to it, brokered trades in which
the proposer gives nothing, and delegations that are not states (no country, no principal)."""

import copy

from game.engine import ROLE_WORDS, Names, badge_letters
from game.model.actions import Accept, Counter, OfferItem, Pass, Pledge, Propose, Sign
from game.model.delegates import Role
from tests.engine.tiny import BASE, game, offer, ok, refused


def _priorities(**p1) -> list:
    priorities = copy.deepcopy(BASE["priorities"])
    priorities[0].update(p1)
    return priorities


def _signs(g, seat: str) -> set[str]:
    return {a.priority for a in g.legal_actions(seat) if a.kind == "sign"}


def _pledges(g, seat: str) -> set[str]:
    return {a.priority for a in g.legal_actions(seat) if a.kind == "pledge"}


# -- signers ----------------------------------------------------------------------

def test_only_the_signers_may_sign_and_the_refusal_teaches():
    g = game(priorities=_priorities(signers=["a", "b"]))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pass("b")))
    result = refused(g.apply(Sign("c", "p1")), "not_a_signer")
    assert "Cress is not a party to Monitoring: only Alba and Bors sign it." in result.message
    assert "can still commit to it" in result.message  # Cress may still give to it
    assert "p1" not in _signs(g, "c")
    assert "p1" in _pledges(g, "c")  # not a signer, still a contributor


def test_signers_sign_and_count_toward_min_signatories():
    g = game(priorities=_priorities(signers=["b"], min_signatories=1))
    assert "p1" not in _signs(g, "a")
    refused(g.apply(Sign("a", "p1")), "not_a_signer")
    ok(g.apply(Pass("a")))
    assert "p1" in _signs(g, "b")
    ok(g.apply(Sign("b", "p1")))
    assert g.view("b").public.priorities["p1"].signatories == ("b",)


def test_an_empty_signers_list_means_nobody_signs():
    g = game(priorities=_priorities(signers=[]))
    result = refused(g.apply(Sign("a", "p1")), "not_a_signer")
    assert "no delegation signs it" in result.message
    assert "p1" not in _signs(g, "a")


def test_without_signers_or_contributors_everyone_may_as_before():
    g = game()
    assert "p1" in _signs(g, "a") and "p1" in _pledges(g, "a")
    assert g.check(Pledge("a", "money", 1, "p1")) is None and g.check(Sign("a", "p1")) is None


# -- contributors -----------------------------------------------------------------

def test_only_the_contributors_may_commit():
    g = game(priorities=_priorities(contributors=["b"]))
    result = refused(g.apply(Pledge("a", "money", 1, "p1")), "not_a_contributor")
    assert "Alba may not commit anything to Monitoring: only Bors commit to it." in result.message
    assert "may still sign it" in result.message
    assert "p1" not in _pledges(g, "a") and "p2" in _pledges(g, "a")
    assert "p1" in _signs(g, "a")  # a party to the clause that does not pay
    ok(g.apply(Pass("a")))
    assert "p1" in _pledges(g, "b")
    ok(g.apply(Pledge("b", "money", 1, "p1")))


def test_an_offer_naming_a_non_contributor_is_refused():
    g = game(priorities=_priorities(contributors=["a"]))
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    refused(g.apply(Propose("a", ("b",), items)), "not_a_contributor")


def test_excluded_contributors_still_apply_within_contributors():
    g = game(priorities=_priorities(contributors=["a", "b"], excluded_contributors=["a"], excluded_note="no"))
    refused(g.apply(Pledge("a", "money", 1, "p1")), "excluded")
    assert "p1" not in _pledges(g, "a")


# -- brokered trades --------------------------------------------------------------

def _to_c(g):
    ok(g.apply(Pass("a")))
    ok(g.apply(Pass("b")))


def test_a_mediator_brokers_a_deal_in_which_it_gives_nothing():
    g = game(rules__turns_per_round=2)
    _to_c(g)
    items = (OfferItem("a", "money", 2, "p1"), OfferItem("b", "money", 1, "p1"))
    proposed = ok(g.apply(Propose("c", ("a", "b"), items, note="Meet halfway")))
    assert "Cress brokers offer" in proposed.entries[0].text
    assert "giving nothing itself" in proposed.entries[0].text
    number = offer(g)
    refused(g.apply(Accept("c", number)), "not_addressed")  # the broker answers nothing
    ok(g.apply(Pass("c")))
    ok(g.apply(Accept("a", number)))
    assert not g.view("a").public.commitments  # one acceptance is not a deal
    ok(g.apply(Pass("a")))
    agreed = ok(g.apply(Accept("b", number)))
    deal = next(e for e in agreed.entries if e.kind == "TradeAgreed")
    assert "between Alba and Bors, brokered by Cress" in deal.text
    made = g.view("c").public.commitments
    assert sorted((c.delegate, c.amount) for c in made) == [("a", 2), ("b", 1)]
    assert g.view("c").public.delegates["c"].free.get("money") == 1  # the broker gave nothing


def test_a_brokered_offer_falls_if_either_party_rejects_and_its_counter_goes_to_the_broker():
    g = game(rules__turns_per_round=2)
    _to_c(g)
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    ok(g.apply(Propose("c", ("a", "b"), items)))
    ok(g.apply(Pass("c")))
    counter = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 2, "p1"))
    ok(g.apply(Counter("a", offer(g), counter)))
    new = g._state.offers[-1]
    assert new.proposer == "a" and set(new.parties) == {"b", "c"}  # the broker must now accept too


def test_a_brokered_offer_needs_two_givers_and_every_giver_addressed():
    g = game(rules__turns_per_round=2)
    _to_c(g)
    refused(g.apply(Propose("c", ("a",), (OfferItem("a", "money", 1, "p1"),))), "one_sided")
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    refused(g.apply(Propose("c", ("a",), items)), "not_a_party")


def test_an_ordinary_offer_keeps_its_wording():
    g = game(rules__turns_per_round=2)
    items = (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))
    proposed = ok(g.apply(Propose("a", ("b",), items)))
    assert proposed.entries[0].text.startswith(f"Alba proposes offer #{offer(g)} to Bors: ")


# -- non-state parties, roles and badges ------------------------------------------

def _non_state() -> list:
    delegates = copy.deepcopy(BASE["delegates"])
    c = delegates[2]
    del c["country"], c["principal"]
    c.update(role="mediator", capacities={}, badge="CoP")
    return delegates


def test_a_party_without_country_or_principal_speaks_under_its_name():
    g = game(delegates=_non_state())
    d = g.view("a").public.delegates["c"]
    assert (d.country, d.representative, d.title) == ("", "Cress", "mediator")
    ok(g.apply(Pass("a")))
    ok(g.apply(Pass("b")))
    assert {a.kind for a in g.legal_actions("c")} >= {"sign", "pass"}  # no capacity: it signs or brokers


def test_badges_take_the_label_else_the_id():
    g = game(delegates=_non_state())
    names = Names(g.scenario)
    assert names.badges == {"a": "A", "b": "B", "c": "CoP"}
    assert badge_letters("france") == "FRA" and badge_letters("nato") == "NATO"
    assert badge_letters("aosis", "AOSI") == "AOSI"


def test_every_role_has_words():
    assert set(Role.__args__) == set(ROLE_WORDS)
    assert {"mediator", "bloc", "organisation", "private_sector", "observer"} <= set(ROLE_WORDS)
