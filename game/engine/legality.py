"""Whether an action is legal now, and if not, why: a `kind -> checker` table.

The cases every action shares (game over, paused, whose turn) are handled once in
`check`. Messages teach: which rule, red line or capacity blocks the action and
what would make it legal. Another seat's red lines stay hidden from a proposer;
they surface only when that seat itself accepts.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine.conditions import is_monotone
from game.engine.log import possessive, quantity
from game.engine.state import ACTIVE, OPEN, PENDING, State
from game.model.actions import FACILITATOR, Pledge
from game.model.references import unknown_references

MAX_OPEN_OFFERS = 3
CONTROLLERS = ("human", "random", "cautious", "cooperative", "negotiator")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A refused action: the rule that refused it and a message for the player."""

    rule: str
    message: str

    @property
    def ok(self) -> bool:
        return False

    def __str__(self) -> str:
        return self.message


def _seat(state: State, seat: str) -> str:
    d = state.tables.delegates.get(seat)
    return d.name if d else seat


def _kind(state: State, kind: str) -> str:
    return state.tables.kinds[kind].name.lower()


def _priority(state: State, pid: str) -> str:
    return state.tables.priorities[pid].name


def check(state: State, action: Any) -> Rejection | None:
    """Returns why the action is refused now, or None if it is legal."""
    kind = getattr(action, "kind", None)
    if kind not in _CHECKS:
        return Rejection("unknown_action", f"unknown action {action!r}")
    if state.over:
        return Rejection("game_over", f"The game is over ({state.end_reason}).")
    facilitator_only = kind in _FACILITATOR_KINDS
    if facilitator_only:
        if action.seat != FACILITATOR:
            return Rejection("facilitator_only", f"Only the facilitator may {kind.replace('_', ' ')}.")
        return _CHECKS[kind](state, action)
    if action.seat not in state.delegates:
        return Rejection("unknown_seat", f"There is no delegation '{action.seat}' at this table.")
    if state.paused:
        return Rejection("paused", "The facilitator has paused the game; wait until it resumes.")
    if state.turn_seat != action.seat:
        if state.turn_seat is None:
            return Rejection("not_negotiating", f"Delegations act in the negotiation phase (now: {state.phase}).")
        return Rejection("not_your_turn", f"It is {possessive(_seat(state, state.turn_seat))} turn, not {possessive(_seat(state, action.seat))}.")
    return _CHECKS[kind](state, action)


def check_item(state: State, giver: str, kind: str, amount: int, priority: str,
               condition: Any = None, *, own: bool = True) -> Rejection | None:
    """Checks one commitment for its giver; `own` also checks the giver's private red lines."""
    t = state.tables
    if giver not in t.delegates:
        return Rejection("unknown_seat", f"There is no delegation '{giver}' at this table.")
    if kind not in t.kinds:
        return Rejection("unknown_kind", f"Unknown commitment kind '{kind}' (known: {', '.join(t.kinds)}).")
    if priority not in t.priorities:
        return Rejection("unknown_priority", f"Unknown priority '{priority}' (known: {', '.join(t.priorities)}).")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 1:
        return Rejection("bad_amount", f"Commit at least {quantity(1, t.kinds[kind].unit)} (got {amount}).")
    if state.contribution.get((kind, priority), 0) <= 0:
        helps = [t.priorities[p].name for (k, p), v in state.contribution.items() if k == kind and v > 0]
        return Rejection("no_contribution", f"{t.kinds[kind].name} does not advance {t.priorities[priority].name}; "
                                            f"it counts toward: {', '.join(helps) or 'nothing now'}.")
    if own and priority in t.red_priorities[giver]:
        return Rejection("red_line", f"{t.delegates[giver].name} will not commit to {t.priorities[priority].name}: "
                                     f"it is one of its red lines.")
    problem = check_giver(state, giver, kind, own)
    if problem:
        return problem
    free = state.free(giver, kind)
    if free < amount:
        return Rejection("capacity", f"{t.delegates[giver].name} has only {quantity(free, t.kinds[kind].unit)} of "
                                     f"{t.kinds[kind].name.lower()} left uncommitted (asked for {amount}).")
    if condition is not None:
        problems = unknown_references(condition, t.known)
        if problems:
            return Rejection("bad_condition", f"The condition names something unknown: {problems[0]}.")
        if not is_monotone(condition):
            return Rejection("bad_condition", "A commitment's condition may only ask for what more commitments "
                                              "can bring about (e.g. 'if the US commits a guarantee'), not for "
                                              "something to be missing or a priority to fail.")
    return None


def check_giver(state: State, giver: str, kind: str, own: bool = True) -> Rejection | None:
    """Checks what depends only on the giver and the kind: red line, block, authority."""
    t = state.tables
    d = state.delegates[giver]
    if own and kind in t.red_kinds[giver]:
        return Rejection("red_line", f"{t.delegates[giver].name} will not commit {t.kinds[kind].name.lower()}: "
                                     f"it is one of its red lines. Offer something else instead.")
    if kind in d.blocked:
        return Rejection("blocked", f"{t.delegates[giver].name} cannot commit {t.kinds[kind].name.lower()} now: "
                                    f"{d.blocked[kind]}. Try another kind, or wait for the block to end.")
    if t.kinds[kind].needs_binding_authority and not d.rep.binding:
        return Rejection("no_authority", f"{possessive(t.delegates[giver].name)} representative ({d.rep.name}, "
                                         f"{d.rep.title}) has no authority to give a binding "
                                         f"{t.kinds[kind].name.lower()}; offer something non-binding, or wait "
                                         f"until a principal with authority returns.")
    return None


def enumerate_pledges(state: State, seat: str):
    """Yields legal pledges of 1 unit and of all free units, per kind and priority."""
    action = state.tables.action
    for kind, priorities in _pledgeable(state, seat):
        free = state.free(seat, kind)
        if free <= 0 or check_giver(state, seat, kind) is not None:
            continue
        for priority in priorities:
            yield action(Pledge, seat, kind, 1, priority)
            if free > 1:
                yield action(Pledge, seat, kind, free, priority)


def _pledgeable(state: State, seat: str) -> list[tuple[str, list[str]]]:
    """Returns (kind, priorities it advances outside the seat's red lines), cached until
    an effect changes a contribution (effects clear `cache["pledgeable"]`)."""
    cache = state.cache.setdefault("pledgeable", {})
    if seat not in cache:
        red = state.tables.red_priorities[seat]
        by_kind: dict[str, list[str]] = {}
        for (kind, priority), value in state.contribution.items():
            if value > 0 and priority not in red:
                by_kind.setdefault(kind, []).append(priority)
        cache[seat] = list(by_kind.items())
    return cache[seat]


def _pledge(state: State, a) -> Rejection | None:
    return check_item(state, a.seat, a.commitment, a.amount, a.priority, a.condition)


def _bundle(state: State, seat: str, parties: tuple[str, ...], items: tuple) -> Rejection | None:
    if not items:
        return Rejection("empty_offer", "An offer needs at least one commitment in it.")
    allowed = {seat, *parties}
    givers = {item.giver for item in items}
    if not givers <= allowed:
        stranger = _seat(state, sorted(givers - allowed)[0])
        return Rejection("not_a_party", f"{stranger} is not a party to this offer; address the offer to it too.")
    if len(givers) < 2:
        return Rejection("one_sided", "A trade needs commitments from at least two delegations; "
                                      "to commit alone, pledge instead.")
    for item in items:
        problem = check_item(state, item.giver, item.commitment, item.amount, item.priority,
                             item.condition, own=item.giver == seat)
        if problem:
            return problem
    return check_totals(state, items)


def check_totals(state: State, items) -> Rejection | None:
    """Checks that a bundle's items of one giver and kind fit that giver's free capacity together."""
    totals: dict[tuple[str, str], int] = {}
    for item in items:
        key = (item.giver, item.commitment)
        totals[key] = totals.get(key, 0) + item.amount
    for (giver, kind), amount in totals.items():
        free = state.free(giver, kind)
        if amount > free:
            unit = state.tables.kinds[kind].unit
            return Rejection("capacity", f"{_seat(state, giver)} has only {quantity(free, unit)} of "
                                         f"{_kind(state, kind)} left uncommitted; the offer asks for {amount} in all.")
    return None


def _propose(state: State, a) -> Rejection | None:
    to = tuple(a.to)
    if not to:
        return Rejection("no_recipient", "Address the offer to at least one other delegation.")
    for party in to:
        if party not in state.delegates:
            return Rejection("unknown_seat", f"There is no delegation '{party}' at this table.")
    if a.seat in to or len(set(to)) != len(to):
        return Rejection("bad_recipients", "Address an offer to each other delegation once, and not to yourself.")
    return _offer_limit(state, a.seat) or _bundle(state, a.seat, to, tuple(a.items))


def _offer_limit(state: State, seat: str) -> Rejection | None:
    open_count = sum(1 for o in state.offers if o.status == OPEN and o.proposer == seat)
    if open_count >= MAX_OPEN_OFFERS:
        return Rejection("too_many_offers", f"{_seat(state, seat)} already has {open_count} open offers; "
                                            f"wait for answers (unanswered offers expire at the end of the round).")
    return None


def _open_offer_for(state: State, seat: str, offer_id: int) -> tuple[Any, Rejection | None]:
    if not isinstance(offer_id, int) or not 1 <= offer_id <= len(state.offers):
        return None, Rejection("unknown_offer", f"There is no offer #{offer_id}.")
    offer = state.offers[offer_id - 1]
    if seat not in offer.parties:
        return offer, Rejection("not_addressed", f"Offer #{offer_id} is not addressed to you.")
    if offer.status != OPEN:
        return offer, Rejection("offer_closed", f"Offer #{offer_id} is no longer open (it was {offer.status}).")
    return offer, None


def _accept(state: State, a) -> Rejection | None:
    offer, problem = _open_offer_for(state, a.seat, a.offer)
    if problem:
        return problem
    if a.seat in offer.accepted_by:
        return Rejection("already_accepted", f"You already accepted offer #{a.offer}.")
    mine = [item for item in offer.items if item.giver == a.seat]
    for item in mine:
        problem = check_item(state, a.seat, item.commitment, item.amount, item.priority, item.condition)
        if problem:
            return Rejection(problem.rule, f"You cannot accept offer #{a.offer}: {problem.message}")
    problem = check_totals(state, mine)
    if problem:
        return Rejection(problem.rule, f"You cannot accept offer #{a.offer}: {problem.message}")
    return None


def _reject(state: State, a) -> Rejection | None:
    return _open_offer_for(state, a.seat, a.offer)[1]


def _counter(state: State, a) -> Rejection | None:
    offer, problem = _open_offer_for(state, a.seat, a.offer)
    if problem:
        return problem
    others = tuple(p for p in (offer.proposer, *offer.parties) if p != a.seat)
    return _offer_limit(state, a.seat) or _bundle(state, a.seat, others, tuple(a.items))


def _withdraw(state: State, a) -> Rejection | None:
    if not isinstance(a.pledge, int) or not 1 <= a.pledge <= len(state.commitments):
        return Rejection("unknown_commitment", f"There is no commitment #{a.pledge}.")
    c = state.commitments[a.pledge - 1]
    if c.delegate != a.seat:
        return Rejection("not_yours", f"Commitment #{a.pledge} is {possessive(_seat(state, c.delegate))}, not yours.")
    if c.status not in (ACTIVE, PENDING):
        return Rejection("not_withdrawable", f"Commitment #{a.pledge} is already {c.status}.")
    cost = state.tables.scenario.rules.withdraw_capital_cost
    if state.delegates[a.seat].capital < cost:
        return Rejection("no_capital", f"Withdrawing costs {cost} political capital; "
                                       f"{_seat(state, a.seat)} has {state.delegates[a.seat].capital}.")
    return None


def _sign(state: State, a) -> Rejection | None:
    if a.priority not in state.tables.priorities:
        return Rejection("unknown_priority", f"Unknown priority '{a.priority}'.")
    if a.priority in state.tables.red_priorities[a.seat]:
        return Rejection("red_line", f"{_seat(state, a.seat)} will not sign {_priority(state, a.priority)}: "
                                     f"it is one of its red lines.")
    current = state.delegates[a.seat].signed.get(a.priority)
    if current is False or (current is True and a.reservations):
        return Rejection("already_signed", f"{_seat(state, a.seat)} already signed {_priority(state, a.priority)}"
                                           f"{' with reservations' if current else ''}.")
    return None


def _seek_approval(state: State, a) -> Rejection | None:
    t = state.tables
    if a.commitment not in t.kinds:
        return Rejection("unknown_kind", f"Unknown commitment kind '{a.commitment}'.")
    d = state.delegates[a.seat]
    who, what = _seat(state, a.seat), _kind(state, a.commitment).lower()
    if (a.seat, a.commitment) not in t.needs_approval:
        return Rejection("no_approval_needed", f"{who} needs no domestic approval for {what}; pledge it directly.")
    if a.commitment in t.red_kinds[a.seat]:
        return Rejection("red_line", f"{who} will not commit {what}: it is one of its red lines.")
    if d.capacity.get(a.commitment, 0) <= 0:
        return Rejection("capacity", f"{who} has no {what} to commit, so there is nothing to approve.")
    if a.commitment in d.mandates:
        return Rejection("already_approved", f"{who} already holds a mandate for {what}.")
    if a.commitment in d.votes_scheduled:
        return Rejection("vote_scheduled", f"A vote on {what} is already scheduled for {who} this round.")
    cost = t.scenario.rules.approval_capital_cost
    if d.capital < cost:
        return Rejection("no_capital", f"Seeking approval costs {cost} political capital; {who} has {d.capital}.")
    return None


def _pass(state: State, a) -> Rejection | None:
    return None


def _inject(state: State, a) -> Rejection | None:
    event = state.tables.events.get(a.event)
    if event is None:
        return Rejection("unknown_event", f"Unknown event '{a.event}' (known: {', '.join(state.tables.events)}).")
    if not event.repeatable and state.fired.get(a.event, 0):
        return Rejection("already_played", f"'{event.title}' has already been played and is not repeatable.")
    return None


def _adjust_track(state: State, a) -> Rejection | None:
    if a.track not in state.tracks:
        return Rejection("unknown_track", f"Unknown track '{a.track}' (known: {', '.join(state.tracks)}).")
    if not isinstance(a.by, int | float) or not math.isfinite(a.by) or not a.by:
        return Rejection("no_change", "Adjust the track by a non-zero number.")
    if not a.reason.strip():
        return Rejection("no_reason", "Give a reason for the record when adjusting a track.")
    return None


def _pause(state: State, a) -> Rejection | None:
    return Rejection("already_paused", "The game is already paused.") if state.paused else None


def _resume(state: State, a) -> Rejection | None:
    return None if state.paused else Rejection("not_paused", "The game is not paused.")


def _end_phase(state: State, a) -> Rejection | None:
    if state.phase != "negotiation":
        return Rejection("not_negotiating", "Only the negotiation phase can be ended early.")
    return None


def _set_controller(state: State, a) -> Rejection | None:
    if a.delegate not in state.delegates:
        return Rejection("unknown_seat", f"There is no delegation '{a.delegate}' at this table.")
    if a.controller not in CONTROLLERS:
        return Rejection("unknown_controller", f"A seat is played by one of: {', '.join(CONTROLLERS)}.")
    return None


_CHECKS: dict[str, Callable[[State, Any], Rejection | None]] = {
    "pledge": _pledge, "propose": _propose, "accept": _accept, "reject": _reject,
    "counter": _counter, "withdraw": _withdraw, "sign": _sign, "seek_approval": _seek_approval,
    "pass": _pass, "inject_event": _inject, "adjust_track": _adjust_track, "pause": _pause,
    "resume": _resume, "end_phase": _end_phase, "set_controller": _set_controller,
}
_FACILITATOR_KINDS = {"inject_event", "adjust_track", "pause", "resume", "end_phase", "set_controller"}
