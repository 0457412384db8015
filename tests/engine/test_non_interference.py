"""Non-interference: two games identical but for a private card give identical views to every
seat that did not receive it, and to the public. Log numbers, offer numbers and the end of the
card's timed effects leave no trace for them."""

import dataclasses
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.model.actions import EndPhase, InjectEvent, OfferItem, Pass, Pledge, Propose
from tests.engine.tiny import BASE, scenario

PRIVATE_CARD = {
    "id": "assurance", "title": "A private assurance", "text": "Only Alba hears it.",
    "visibility": "private", "recipients": ["a"], "repeatable": True, "effects": [
        {"op": "message", "text": "Your partners will back you.", "to": ["a"]},
        {"op": "adjust_approval", "delegate": "a", "kind": "troops", "by": 0.1, "rounds": 1}]}


def _scenario():
    return scenario(events=[*BASE["events"], PRIVATE_CARD], rules__rounds=3, rules__turns_per_round=2)


def _moves(game: Game, rng: random.Random) -> list:
    seat = game.turn_seat
    if seat is None:
        return [EndPhase()]
    moves = [Pass(seat)] + [a for a in game.legal_actions(seat) if a.kind in ("pledge", "accept", "reject", "sign")]
    other = "b" if seat != "b" else "a"
    moves.append(Propose(seat, (other,), (OfferItem(seat, "money", 1, "p1"), OfferItem(other, "money", 1, "p1"))))
    return moves


def _comparable(view):
    """A view with its private part, which only its own seat and the facilitator see, left as is."""
    return dataclasses.astuple(view)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(seed=st.integers(0, 2**32), choices=st.integers(0, 2**32), when=st.integers(0, 12))
def test_a_private_card_leaves_no_trace_for_non_recipients(seed, choices, when):
    sc = _scenario()
    with_card, without = Game.new(sc, seed), Game.new(sc, seed)
    rng = random.Random(choices)
    step = 0
    while not with_card.over and step < 60:
        if step == when:
            assert with_card.apply(InjectEvent("assurance")).ok
        moves = _moves(with_card, rng)
        action = rng.choice(moves)
        first, second = with_card.apply(action), without.apply(action)
        assert first.ok == second.ok, action  # the card changes nothing another seat could act on
        for seat in ("public", "b", "c"):
            assert _comparable(with_card.view(seat)) == _comparable(without.view(seat)), (seat, step, action)
        step += 1
    assert step > when or with_card.over


def test_the_recipient_sees_the_card_and_its_end():
    g = Game.new(_scenario(), 1)
    assert g.apply(InjectEvent("assurance")).ok
    while g.round == 1:
        g.apply(Pass(g.turn_seat)) if g.turn_seat else g.apply(EndPhase())
    kinds = [e.kind for e in g.view("a").log]
    assert "MessageSent" in kinds and "EffectsExpired" in kinds
    assert "EffectsExpired" not in [e.kind for e in g.view("b").log]
    assert [e.seq for e in g.view("b").log] == list(range(1, len(g.view("b").log) + 1))


def test_offer_numbers_do_not_count_hidden_offers():
    g = Game.new(_scenario(), 5)
    first = g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1"))))
    assert first.ok
    numbers = {o.id for o in g.view("facilitator").offers}
    assert all(100 <= n <= 999 for n in numbers) and numbers != {1}
    assert g.apply(Pledge("a", "money", 1, "p1")).ok
