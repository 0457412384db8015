"""Bargaining moves the personalities share: conditional pledges that serve an objective
("our forces if the US backstops"), counter-offers, and small trades.

Each move is read off the seat's own objectives and chosen by value, never by the order
of a dict; open-ended moves (conditional pledges, counters) are tested with the engine's check.
"""

from collections.abc import Sequence
from math import ceil
from typing import Any

from game.bots.base import Check
from game.bots.judgement import free, offer_value, parse_objective, seat_facts
from game.bots.listing import approval_kinds, excluded_asks, refused_to_me
from game.bots.reading import (
    advances,
    awaiting_me,
    cannot_give,
    gaps,
    kinds_toward,
    open_ids,
    promised,
    spare_units,
    unit_of,
)
from game.engine import Rng, SeatView
from game.model.actions import Counter, OfferItem, Pledge, Propose
from game.model.conditions import ContributedTest


def backing_conditions(view: SeatView) -> tuple[tuple[str, str | None, ContributedTest], ...]:
    """Returns (own kind, priority or None, condition) for each objective that rewards the
    seat's own units of a kind together with another delegation's contribution, or that
    allows the seat's units only alongside it ("German forces only with a US backstop")."""
    facts = seat_facts(view)
    found = facts.get("backing")
    if found is None:
        found = facts["backing"] = _backing(view.seat, tuple(o.when for o in view.me.objectives))
    return found


def _backing(seat: str, whens: tuple) -> tuple[tuple[str, str | None, ContributedTest], ...]:
    found = []
    for when in whens:
        parsed = parse_objective(when)
        others = [w for w in parsed.wants if w.delegate != seat and w.kind]
        own = [(w.kind, w.priority) for w in parsed.wants if w.delegate == seat and w.kind]
        own += [(kind, None) for delegate, kind in parsed.avoided if delegate == seat and kind]
        for (kind, pid) in own:
            for w in others:
                condition = ContributedTest(test="contributed", delegate=w.delegate, kind=w.kind,
                                            priority=w.priority, min=max(1, ceil(w.amount)))
                found.append((kind, pid, condition))
    return tuple(found)


def conditional_pledge(view: SeatView, check: Check, max_units: int = 2) -> Pledge | None:
    """Returns the most valuable conditional pledge the seat's objectives reward and it has not
    made yet (one per kind), sized to at most `max_units`."""
    backing = backing_conditions(view)
    if not backing:
        return None
    made = None  # the kinds it already pledged on a condition: read once one could be pledged
    held = promised(view)
    seat = view.seat
    free_now = view.public.delegates[seat].free
    contribution = view.public.contribution
    best, best_value = None, 0.0
    for kind, wanted_pid, condition in backing:
        units = free_now.get(kind, 0) - held.get(kind, 0)
        if units > max_units:
            units = max_units  # (min with two arguments is a slow call)
        if units <= 0 or cannot_give(view, seat, kind):
            continue
        if made is None:
            made = {c.kind for c in view.mine if c.when is not None and c.status in ("active", "pending")}
        if kind in made:
            continue
        for pid in ((wanted_pid,) if wanted_pid else view.public.priorities):
            value = contribution.get((kind, pid), 0) * units
            if value <= best_value:
                continue
            pledge = Pledge(seat, kind, units, pid, condition)
            if check(pledge) is None:
                best, best_value = pledge, value
    return best


def answer_order(view: SeatView) -> list[Any]:
    """Returns the open offers awaiting the seat's answer, most valuable to it first."""
    waiting = awaiting_me(view)
    if not waiting:
        return []
    return sorted(waiting, key=lambda o: (-offer_value(view, o), o.id))


def counter_offer(view: SeatView, offer: Any, check: Check, note: str = "") -> Counter | None:
    """Returns a counter that asks less of the seat: one unit fewer of what it gives, made
    conditional where its objectives want a backing, or another kind it can give instead."""
    if offer.replaces is not None:
        return None  # one round of haggling: a counter to a counter is answered yes or no
    backing = {kind: condition for kind, _, condition in backing_conditions(view)}
    items = []
    for item in offer.items:
        if item.giver != view.seat:
            items.append(item)
            continue
        kind, amount, condition = item.kind_id, item.amount, item.condition
        if free(view, view.seat, kind) < 1 or kind in view.public.delegates[view.seat].blocked:
            kind = _substitute(view, item.priority) or kind
        amount = max(1, min(amount - 1 if amount > 1 else 1, free(view, view.seat, kind)))
        if condition is None and kind in backing:
            condition = backing[kind]
        items.append(OfferItem(view.seat, kind, amount, item.priority, condition))
    items = tuple(items)
    if items == tuple(offer.items):
        return None
    counter = Counter(view.seat, offer.id, items, note=note or "We can do this much.")
    return counter if check(counter) is None else None


def _substitute(view: SeatView, pid: str) -> str | None:
    """Returns the kind the seat can give most of toward the priority, if any."""
    needs_vote = approval_kinds(view)
    options = [(free(view, view.seat, k) * v, k) for (k, p), v in view.public.contribution.items()
               if p == pid and v > 0 and free(view, view.seat, k) > 0
               and k not in view.public.delegates[view.seat].blocked and k not in needs_vote]
    return max(options)[1] if options else None


def small_trade(view: SeatView, legal: Sequence[Any], rng: Rng, check: Check, asked: set) -> Propose | None:
    """Returns a one-for-one trade toward the biggest open gaps: the seat's most useful free
    unit for the partner's, the partner chosen by what it could add; `asked` holds
    (round, partner) pairs already tried, so the seat does not repeat itself."""
    gives = _gives(view)
    if not gives:
        return None
    room_of = gaps(view)
    toward = kinds_toward(view)
    entries = []  # (-worth, rank of the priority, kind, priority): the most worth first
    for rank, pid in enumerate(open_ids(view)[:3]):
        room = room_of[pid]
        for kind, value in toward.get(pid, ()):
            entries.append((-(room if room < value else value), rank, kind, pid))  # -min(value, room)
    entries.sort()
    me, now = view.seat, view.round
    partners = [(seat, d) for seat, d in view.public.delegates.items() if seat != me and (now, seat) not in asked]
    holders: dict[str, list[str]] = {}  # kind -> the partners that could give some
    asks = []  # (-worth, seat, kind, rank, priority): sorts as the most worth first, then seat and kind
    level = None
    for worth, rank, kind, pid in entries:
        if worth != level:
            if len(asks) >= 6:
                break  # every ask still to come is worth less than the six in hand
            level = worth
        seats = holders.get(kind)
        if seats is None:
            seats = holders[kind] = [seat for seat, d in partners if d.free.get(kind, 0) > 0 and kind not in d.blocked]
        asks.extend((worth, seat, kind, rank, pid) for seat in seats)
    top = sorted(asks)[:6]  # no two asks are equal; a sort in C, where heapq.nsmallest loops in Python
    rng.shuffle(top)
    usable = [give for give in gives if not cannot_give(view, me, give.kind_id)
              and not refused_to_me(view, legal, give.kind_id, give.priority)]  # the engine refuses the rest
    excluded = excluded_asks(view, legal)
    for _, seat, kind, _, pid in top:
        if cannot_give(view, seat, kind) or (seat, pid) in excluded:
            continue  # the engine refuses it, whatever the seat gives
        for give in usable:
            offer = Propose(view.seat, (seat,), (give, unit_of(seat, kind, pid)))
            refused = check(offer)
            if refused is None:
                asked.add((view.round, seat))
                return offer
            if refused.rule == "excluded":  # the partner's item: the seat's own gives are usable
                excluded.add((seat, pid))
                break
    return None


def _gives(view: SeatView) -> list[OfferItem]:
    """Returns one-unit items the seat could give, most valuable first (promised units held back)."""
    room_of = gaps(view)
    toward = advances(view)
    options = []
    for kind in spare_units(view):
        for pid, value in toward.get(kind, ()):
            room = room_of[pid]
            if room > 0:
                options.append((-(room if room < value else value), kind, pid))  # -min(value, room)
    options.sort()  # the most valuable first, then by kind and priority
    return [unit_of(view.seat, kind, pid) for _, kind, pid in options[:3]]

def pick_by_value(actions: Sequence[Any], value) -> Any | None:
    """Returns the action with the highest value (ties: the first), or None."""
    best, best_value = None, None
    for action in actions:
        v = value(action)
        if best_value is None or v > best_value:
            best, best_value = action, v
    return best
