"""Offers: proposing a trade, accepting, rejecting, countering, and expiry at the end of a round.

An offer and its answers are visible only to its parties; the deal it becomes is public.
An offer executes when every addressee has accepted. An offer whose proposer (or a party
that already accepted) can no longer give what it promised is withdrawn at once, with a log
entry, so no one accepts a deal that would fall through. It expires only after every
addressee has had a turn to answer. A proposer that gives nothing brokers the offer (a
mediator's deal between others): every party that gives must accept it, as in any offer.
"""

from typing import Any

from game.engine.commitments import check_item, check_totals, commit, describe, pending_words
from game.engine.log import record
from game.engine.rule import Rejection, Rule
from game.engine.state import (
    ACCEPTED,
    CANCELLED,
    COUNTERED,
    EXPIRED,
    FAILED,
    OPEN,
    PENDING,
    REJECTED_OFFER,
    Offer,
    State,
)
from game.model.actions import Accept, Reject

MAX_OPEN_OFFERS = 3


def _name(state: State, seat: str) -> str:
    return state.tables.display_name(seat)


def _bundle(state: State, seat: str, parties: tuple[str, ...], items: tuple) -> Rejection | None:
    if not items:
        return Rejection("empty_offer", "An offer needs at least one commitment in it.")
    allowed = {seat, *parties}
    givers = {item.giver for item in items}
    if not givers <= allowed:
        stranger = _name(state, sorted(givers - allowed)[0])
        return Rejection("not_a_party", f"{stranger} is not a party to this offer; address the offer to it too.")
    if len(givers) < 2:
        return Rejection("one_sided", "A trade needs commitments from at least two delegations; "
                                      "to commit alone, pledge instead.")
    for item in items:
        problem = check_item(state, item.giver, item.kind_id, item.amount, item.priority,
                             item.condition, own=item.giver == seat)
        if problem:
            return problem
    return check_totals(state, items)


def _offer_limit(state: State, seat: str) -> Rejection | None:
    open_count = sum(1 for o in state.delegates[seat].offers if o.status == OPEN and o.proposer == seat)
    if open_count >= MAX_OPEN_OFFERS:
        return Rejection("too_many_offers", f"{_name(state, seat)} already has {open_count} open offers; "
                                            f"wait for answers (unanswered offers expire at the end of the round).")
    return None


def _open_offer_for(state: State, seat: str, offer_id: int) -> tuple[Any, Rejection | None]:
    offer = state.offer_index.get(offer_id)
    if offer is None or seat not in (offer.proposer, *offer.parties):
        return None, Rejection("unknown_offer", f"There is no offer #{offer_id}.")
    if seat not in offer.parties:
        return offer, Rejection("not_addressed", f"Offer #{offer_id} is not addressed to you.")
    if offer.status != OPEN:
        return offer, Rejection("offer_closed", f"Offer #{offer_id} is no longer open (it was {offer.status}).")
    return offer, None


def _new_id(state: State) -> int:
    """Returns an unused offer number drawn from the game's own stream of offer numbers: short
    (3 digits while there are fewer than 300 offers), and never a count of the offers a seat
    cannot see."""
    low = 100
    while len(state.offer_index) * 3 >= low * 9:
        low *= 10
    while True:
        number = low + state.offer_numbers.below(low * 9)
        if number not in state.offer_index:
            return number


def is_brokered(proposer: str, items: tuple) -> bool:
    """Returns whether the proposer gives nothing in the bundle: a deal it brokers between others."""
    return all(item.giver != proposer for item in items)


def _givers(t, items: tuple) -> str:
    return " and ".join(t.display_name(s) for s in dict.fromkeys(i.giver for i in items))


def _new_offer(state: State, proposer: str, parties: tuple[str, ...], items: tuple, note: str,
               replaces: int | None = None) -> Offer:
    offer = Offer(_new_id(state), proposer, parties, items, state.round, note, replaces=replaces,
                  awaiting=set(parties))
    state.offers.append(offer)
    state.offer_index[offer.id] = offer
    for seat in (proposer, *parties):
        state.delegates[seat].offers.append(offer)
    record(state, proposer, "TradeCountered" if replaces else "TradeProposed",
           (_proposed, state.tables, proposer, parties, items, offer.id, replaces, note),
           visible_to=(proposer, *parties), offer=offer.id, parties=list(parties))
    return offer


def _proposed(t, proposer: str, parties: tuple[str, ...], items: tuple, number: int, replaces: int | None,
              note: str) -> str:
    lines = "; ".join(describe(t, i.giver, i.kind_id, i.amount, i.priority, i.condition) for i in items)
    to = ", ".join(t.display_name(p) for p in parties)
    verb = f"counters offer #{replaces} with" if replaces else "proposes"
    if is_brokered(proposer, items):
        verb = verb if replaces else "brokers"
        to += ", giving nothing itself"
    return f"{t.display_name(proposer)} {verb} offer #{number} to {to}: {lines}." + (f" “{note}”" if note else "")


def _execute(state: State, offer: Offer) -> None:
    """Turns an accepted offer into commitments, or fails it if a giver can no longer give."""
    everyone = (offer.proposer, *offer.parties)
    for i in offer.items:
        problem = check_item(state, i.giver, i.kind_id, i.amount, i.priority, i.condition, vetted=True)
        if problem:
            break
    else:
        problem = check_totals(state, offer.items)
    if problem:
        state.set_offer_status(offer, FAILED)
        record(state, "game", "TradeFailed", f"Offer #{offer.id} falls through: {problem.message}",
               auto=True, visible_to=everyone, offer=offer.id)
        return
    state.set_offer_status(offer, ACCEPTED)
    made = [commit(state, i.giver, i.kind_id, i.amount, i.priority, i.condition, offer.id) for i in offer.items]
    said = tuple((c.delegate, c.kind, c.amount, c.priority, c.condition, c.id, c.status == PENDING) for c in made)
    record(state, "game", "TradeAgreed", (_agreed, state.tables, offer.id, everyone, offer.items, said),
           auto=True, offer=offer.id, parties=list(everyone), commitments=[c.id for c in made])


def _agreed(t, number: int, everyone: tuple[str, ...], items: tuple, made: tuple) -> str:
    lines = "; ".join(describe(t, seat, kind, amount, priority, condition) + f" [#{cid}]"
                      + (pending_words(t, seat, kind) if pending else "")
                      for seat, kind, amount, priority, condition, cid, pending in made)
    names = " and ".join(t.display_name(p) for p in everyone)
    if is_brokered(everyone[0], items):
        names = f"{_givers(t, items)}, brokered by {t.display_name(everyone[0])}"
    return f"Deal (offer #{number}) between {names}: {lines}."


def withdraw_unhonourable(state: State, seat: str | None = None) -> None:
    """Withdraws each open offer (of the seat's, or all) in which the proposer or a party that
    already accepted can no longer give what it promised: units spent, capacity cut, blocked."""
    offers = state.offers if seat is None else state.delegates[seat].offers
    for offer in offers:  # withdrawing one changes its status, never the list
        if offer.status != OPEN:
            continue
        proposer, accepted = offer.proposer, offer.accepted_by
        items = [i for i in offer.items if i.giver == proposer or i.giver in accepted]
        problem = None
        for i in items:
            problem = check_item(state, i.giver, i.kind_id, i.amount, i.priority, i.condition,
                                 own=i.giver == proposer, vetted=True)
            if problem:
                break
        problem = problem or check_totals(state, items)
        if problem:
            state.set_offer_status(offer, CANCELLED)
            record(state, "game", "OfferCancelled", f"Offer #{offer.id} is withdrawn: {problem.message}",
                   auto=True, visible_to=(offer.proposer, *offer.parties), offer=offer.id)


def expire_offers(state: State) -> None:
    """At the end of a round: open offers every addressee has had a turn to answer expire."""
    for offer in state.offers:
        if offer.status == OPEN and not offer.awaiting:
            state.set_offer_status(offer, EXPIRED)
            record(state, "game", "OfferExpired", f"Offer #{offer.id} expired unanswered.", auto=True,
                   visible_to=(offer.proposer, *offer.parties), offer=offer.id)


def end_turn(state: State, seat: str) -> None:
    """The seat had its chance to answer every open offer made to it."""
    for offer in state.delegates[seat].offers:
        if offer.status == OPEN:
            offer.awaiting.discard(seat)


# -- the actions -------------------------------------------------------------------

def check_propose(state: State, a) -> Rejection | None:
    to = tuple(a.to)
    if not to:
        return Rejection("no_recipient", "Address the offer to at least one other delegation.")
    for party in to:
        if party not in state.delegates:
            return Rejection("unknown_seat", f"There is no delegation '{party}' at this table.")
    if a.seat in to or len(set(to)) != len(to):
        return Rejection("bad_recipients", "Address an offer to each other delegation once, and not to yourself.")
    return _offer_limit(state, a.seat) or _bundle(state, a.seat, to, tuple(a.items))


def apply_propose(state: State, a) -> None:
    _new_offer(state, a.seat, tuple(a.to), tuple(a.items), a.note)


def check_accept(state: State, a) -> Rejection | None:
    offer, problem = _open_offer_for(state, a.seat, a.offer)
    if problem:
        return problem
    if a.seat in offer.accepted_by:
        return Rejection("already_accepted", f"You already accepted offer #{a.offer}.")
    mine = [item for item in offer.items if item.giver == a.seat]
    for item in mine:
        problem = check_item(state, a.seat, item.kind_id, item.amount, item.priority, item.condition, vetted=True)
        if problem:
            return Rejection(problem.rule, f"You cannot accept offer #{a.offer}: {problem.message}")
    problem = check_totals(state, mine)
    if problem:
        return Rejection(problem.rule, f"You cannot accept offer #{a.offer}: {problem.message}")
    return None


def apply_accept(state: State, a) -> None:
    offer = state.offer_index[a.offer]
    offer.accepted_by.add(a.seat)
    state.offer_changed(offer)
    record(state, a.seat, "OfferAccepted", f"{_name(state, a.seat)} accepts offer #{offer.id}.",
           visible_to=(offer.proposer, *offer.parties), offer=offer.id)
    if offer.accepted_by >= set(offer.parties):
        _execute(state, offer)


def legal_answers(state: State, seat: str) -> list:
    """Returns, for each open offer awaiting the seat's answer, accept (if it can) and reject."""
    found: list = []
    for offer in state.delegates[seat].offers:
        if offer.status == OPEN and seat in offer.parties and seat not in offer.accepted_by:
            accept = Accept(seat, offer.id)
            if check_accept(state, accept) is None:
                found.append(accept)
            found.append(Reject(seat, offer.id))
    return found


def check_reject(state: State, a) -> Rejection | None:
    return _open_offer_for(state, a.seat, a.offer)[1]


def apply_reject(state: State, a) -> None:
    offer = state.offer_index[a.offer]
    state.set_offer_status(offer, REJECTED_OFFER)
    record(state, a.seat, "OfferRejected", f"{_name(state, a.seat)} rejects offer #{offer.id}.",
           visible_to=(offer.proposer, *offer.parties), offer=offer.id)


def check_counter(state: State, a) -> Rejection | None:
    offer, problem = _open_offer_for(state, a.seat, a.offer)
    if problem:
        return problem
    others = tuple(p for p in (offer.proposer, *offer.parties) if p != a.seat)
    return _offer_limit(state, a.seat) or _bundle(state, a.seat, others, tuple(a.items))


def apply_counter(state: State, a) -> None:
    old = state.offer_index[a.offer]
    state.set_offer_status(old, COUNTERED)
    others = tuple(p for p in (old.proposer, *old.parties) if p != a.seat)
    _new_offer(state, a.seat, others, tuple(a.items), a.note, replaces=old.id)


RULES = {
    "propose": Rule(check_propose, apply_propose),
    "accept": Rule(check_accept, apply_accept, legal_answers, also_lists=("reject",)),
    "reject": Rule(check_reject, apply_reject),
    "counter": Rule(check_counter, apply_counter),
}
