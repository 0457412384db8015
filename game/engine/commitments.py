"""Commitments: pledging (optionally on a condition), withdrawing, and lapsing at the end.

One commitment is `amount` units of a kind toward a priority. Its condition is compiled
when it is made; a kind that needs a domestic mandate makes it pending until the vote.
Another seat's red lines stay hidden from a proposer: `own=False` skips them.
"""

from typing import Any

from game.engine.conditions import compile_condition, is_monotone, tests_read
from game.engine.effects import clamp_track, settle_debt, start_term
from game.engine.log import record
from game.engine.rule import Rejection, Rule
from game.engine.state import ACTIVE, LAPSED, PENDING, SUSPENDED, WITHDRAWN, Commitment, State
from game.engine.words import (
    describe_condition,
    lower_name,
    not_a_contributor,
    possessive,
    quantity,
)
from game.model.actions import Pledge, Withdraw
from game.model.references import unknown_references


def check_item(state: State, giver: str, kind: str, amount: int, priority: str,
               condition: Any = None, *, own: bool = True, vetted: bool = False) -> Rejection | None:
    """Checks one commitment for its giver; `own` also checks the giver's private red lines.
    `vetted`: the item is an offer's, so its condition passed these checks when the offer was
    made, and what they read (the scenario's ids) never changes: they are not run again."""
    t = state.tables
    if (giver, kind, priority) in t.open_items[own] and (condition is None or vetted) and type(amount) is int:
        d = state.delegates[giver]  # the common case, each test below passing, in one go
        if (amount >= 1 and state.contribution.get((kind, priority), 0) > 0 and kind not in d.blocked
                and (kind not in t.binding_kinds or d.rep.binding)
                and d.capacity.get(kind, 0) - d.committed.get(kind, 0) >= amount):
            return None
    if giver not in t.delegates:
        return Rejection("unknown_seat", f"There is no delegation '{giver}' at this table.")
    if kind not in t.kinds:
        return Rejection("unknown_kind", f"Unknown commitment kind '{kind}' (known: {', '.join(t.kinds)}).")
    if priority not in t.priorities:
        return Rejection("unknown_priority", f"Unknown priority '{priority}' (known: {', '.join(t.priorities)}).")
    if (type(amount) is not int and (not isinstance(amount, int) or isinstance(amount, bool))) or amount < 1:
        return Rejection("bad_amount", f"Commit at least {quantity(1, t.kinds[kind].unit)} (got {amount}).")
    if state.contribution.get((kind, priority), 0) <= 0:
        helps = [t.priorities[p].name for (k, p), v in state.contribution.items() if k == kind and v > 0]
        return Rejection("no_contribution", f"{t.kinds[kind].name} does not advance {t.priorities[priority].name}; "
                                            f"it counts toward: {', '.join(helps) or 'nothing now'}.")
    excluded, contributors = t.contributor_rule[priority]
    if giver in excluded:
        pr = t.priorities[priority]
        return Rejection("excluded", f"{t.delegates[giver].name} may not commit anything to {pr.name}"
                                     + (f": {pr.excluded_note}" if pr.excluded_note else "."))
    if contributors is not None and giver not in contributors:
        pr = t.priorities[priority]
        return Rejection("not_a_contributor", not_a_contributor(t.display_name(giver), pr.name,
                                                                [t.display_name(s) for s in pr.contributors or ()],
                                                                pr.may_sign(giver)))
    if own and priority in t.red_priorities[giver]:
        return Rejection("red_line", f"{t.delegates[giver].name} will not commit to {t.priorities[priority].name}: "
                                     f"it is one of its red lines.")
    d = state.delegates[giver]
    if (own and kind in t.red_kinds[giver]) or kind in d.blocked or (kind in t.binding_kinds and not d.rep.binding):
        return check_giver(state, giver, kind, own)
    free = d.capacity.get(kind, 0) - d.committed.get(kind, 0)  # state.free, inlined on the hot path
    if free < amount:
        return Rejection("capacity", f"{t.delegates[giver].name} has {_left(t, kind, free)} left uncommitted "
                                     f"(asked for {amount}).")
    if condition is not None and not vetted:
        problems = unknown_references(condition, t.known)
        if problems:
            return Rejection("bad_condition", f"The condition names something unknown: {problems[0]}.")
        if not is_monotone(condition):
            other = next(s for s in t.seats if s != giver)  # an example in the scenario's own names
            return Rejection("bad_condition", "A commitment's condition may only ask for what more commitments "
                                              f"can bring about (e.g. 'if {t.delegates[other].name} commits "
                                              f"{lower_name(t.kinds[kind].name)}'), not for "
                                              "something to be missing or a priority to fail.")
    return None


def check_giver(state: State, giver: str, kind: str, own: bool = True) -> Rejection | None:
    """Checks what depends only on the giver and the kind: red line, block, authority."""
    t = state.tables
    d = state.delegates[giver]
    if own and kind in t.red_kinds[giver]:
        return Rejection("red_line", f"{t.delegates[giver].name} will not commit {lower_name(t.kinds[kind].name)}: "
                                     f"it is one of its red lines. Offer something else instead.")
    if kind in d.blocked:
        return Rejection("blocked", f"{t.delegates[giver].name} cannot commit {lower_name(t.kinds[kind].name)} now: "
                                    f"{d.blocked[kind]}. Try another kind, or wait for the block to end.")
    if kind in t.binding_kinds and not d.rep.binding:
        return Rejection("no_authority", f"{possessive(t.delegates[giver].name)} representative ({d.rep.name}, "
                                         f"{d.rep.title}) has no authority to give a binding "
                                         f"{lower_name(t.kinds[kind].name)}; offer something non-binding, or wait "
                                         f"until a principal with authority returns.")
    return None


def check_totals(state: State, items) -> Rejection | None:
    """Checks that a bundle's items of one giver and kind fit that giver's free capacity together.
    Each item alone has passed `check_item`, so only a giver and kind given twice can fail."""
    totals: dict[tuple[str, str], int] = {}
    repeated = False
    for item in items:
        key = (item.giver, item.kind_id)
        if key in totals:
            repeated = True
            totals[key] += item.amount
        else:
            totals[key] = item.amount
    if not repeated:
        return None
    t = state.tables
    for (giver, kind), amount in totals.items():
        free = state.free(giver, kind)
        if amount > free:
            return Rejection("capacity", f"{t.display_name(giver)} has {_left(t, kind, free)} left uncommitted; "
                                         f"the offer asks for {amount} in all.")
    return None


def _left(t, kind: str, free: int) -> str:
    """Returns "no ground troops" or "only 2 contingents of ground troops"."""
    name = t.kind_words[kind][0]
    return f"no {name}" if free <= 0 else f"only {t.quantity(kind, free)} of {name}"


def describe(t, giver: str, kind: str, amount: int, priority: str, condition: Any = None) -> str:
    """Returns e.g. "France: 2 thousand troops (ground troops) to Multinational force, if ...", from
    the compiled tables alone (log entries worded when first read use it)."""
    if condition is None:  # words from the scenario alone: said once per table
        key = (giver, kind, amount, priority)
        text = t.described.get(key)
        if text is None:
            text = t.described[key] = _described(t, giver, kind, amount, priority)
        return text
    return f"{_described(t, giver, kind, amount, priority)}, if {describe_condition(condition, t.display_name)}"


def _described(t, giver: str, kind: str, amount: int, priority: str) -> str:
    return (f"{t.delegates[giver].name}: {t.quantity(kind, amount)} ({t.kind_words[kind][0]}) "
            f"to {t.priorities[priority].name}")


_NO_TESTS: frozenset[str] = frozenset()
_withdraw_unhonourable = None
"""offers.withdraw_unhonourable, bound at the first commitment (offers builds on this module)."""


def commit(state: State, giver: str, kind: str, amount: int, priority: str, condition: Any,
           offer: int | None) -> Commitment:
    """Makes a commitment (pending if its kind needs a mandate the giver lacks)."""
    global _withdraw_unhonourable
    t = state.tables
    needs_vote = (giver, kind) in t.needs_approval and kind not in state.delegates[giver].mandates
    key = (kind, priority)
    c = Commitment(len(state.commitments) + 1, giver, kind, amount, priority, state.round, condition,
                   offer, PENDING if needs_vote else ACTIVE,
                   compile_condition(condition) if condition is not None else None,
                   state.contribution.get(key, 0.0) - state.retro.get(key, 0.0),
                   tests_read(condition) if condition is not None else _NO_TESTS)
    state.add_commitment(c)
    if t.kinds[kind].term:  # it lapses at the end of its term unless renewed (terms.py)
        start_term(state, c)
    if _withdraw_unhonourable is None:
        from game.engine.offers import withdraw_unhonourable
        _withdraw_unhonourable = withdraw_unhonourable
    _withdraw_unhonourable(state, giver)
    return c


def pending_words(t, seat: str, kind: str) -> str:
    """What the log adds to a commitment that waits for its domestic vote."""
    return f" (pending: needs {t.names.body(seat, kind)} approval; seek approval to make it count)"


def release(state: State, c: Commitment, status: str) -> None:
    """Ends a commitment (withdrawn, lapsed, rejected): its units return to the giver."""
    state.set_status(c, status)
    state.delegates[c.delegate].committed[c.kind] -= c.amount
    settle_debt(state, c.delegate, c.kind)


def lapse_unmet(state: State, effective: frozenset[int]) -> None:
    """At the end: conditional commitments whose condition never held lapse, and their units return."""
    for c in list(state.conditional):
        if c.id not in effective:
            release(state, c, LAPSED)
            record(state, "game", "CommitmentLapsed",
                   f"{possessive(state.tables.delegates[c.delegate].name)} conditional commitment #{c.id} lapsed: "
                   f"its condition never held.", auto=True, commitment=c.id)


# -- pledge ------------------------------------------------------------------------

def check_pledge(state: State, a) -> Rejection | None:
    return check_item(state, a.seat, a.kind_id, a.amount, a.priority, a.condition)


def apply_pledge(state: State, a) -> None:
    c = commit(state, a.seat, a.kind_id, a.amount, a.priority, a.condition, None)
    record(state, a.seat, "Pledged", (_pledged, state.tables, c.id, a.seat, a.kind_id, a.amount, a.priority,
                                      a.condition, c.status == PENDING),
           commitment=c.id, delegate=a.seat, kind_id=a.kind_id, amount=a.amount, priority=a.priority,
           status=c.status, conditional=a.condition is not None)


def _pledged(t, number: int, seat: str, kind: str, amount: int, priority: str, condition: Any, pending: bool) -> str:
    note = pending_words(t, seat, kind) if pending else ""
    return f"Pledge #{number}. {describe(t, seat, kind, amount, priority, condition)}{note}."


def legal_pledges(state: State, seat: str) -> list:
    """Returns the legal pledges of 1 unit and of all free units, per kind and priority."""
    t = state.tables
    d = state.delegates[seat]
    red, binding, blocked = t.red_kinds[seat], t.binding_kinds, d.blocked
    found: list = []
    for kind, priorities, by_free in _pledgeable(state, seat):
        free = d.capacity.get(kind, 0) - d.committed.get(kind, 0)  # state.free, inlined
        if free <= 0 or kind in red or kind in blocked or (kind in binding and not d.rep.binding):
            continue  # what check_giver refuses, without wording the refusal
        listed = by_free.get(free)
        if listed is None:
            listed = by_free[free] = _pledges(t, seat, kind, priorities, free)
        found += listed
    return found


def _pledges(t, seat: str, kind: str, priorities: tuple[str, ...], free: int) -> tuple:
    action = t.action
    listed: list = []
    for priority in priorities:
        listed.append(action(Pledge, seat, kind, 1, priority))
        if free > 1:
            listed.append(action(Pledge, seat, kind, free, priority))
    return tuple(listed)


def _pledgeable(state: State, seat: str) -> list[tuple[str, tuple[str, ...], dict]]:
    """Returns (kind, priorities it advances outside the seat's red lines, its pledges by free
    units), cached until an effect changes a contribution; kept across games while the
    contributions are the scenario's own."""
    cache = state.caches.pledgeable
    found = cache.get(seat)
    if found is None:
        listed = state.tables.listed
        if state.contribution_version:
            found = _kinds_to_pledge(state, seat)
        else:
            found = listed.get(("pledgeable", seat))
            if found is None:
                found = listed["pledgeable", seat] = _kinds_to_pledge(state, seat)
        cache[seat] = found
    return found


def _kinds_to_pledge(state: State, seat: str) -> list[tuple[str, tuple[str, ...], dict]]:
    t = state.tables
    red = t.red_priorities[seat]
    priorities = t.priorities
    by_kind: dict[str, list[str]] = {}
    for (kind, priority), value in state.contribution.items():
        if value > 0 and priority not in red and priorities[priority].may_contribute(seat):
            by_kind.setdefault(kind, []).append(priority)
    return [(kind, tuple(listed), t.listed.setdefault(("pledge", seat, kind, tuple(listed)), {}))
            for kind, listed in by_kind.items()]


# -- withdraw ----------------------------------------------------------------------

def own_commitment(state: State, a, live: tuple[str, ...], verb: str) -> Rejection | None:
    """Why the seat may not act on commitment `a.commitment` (unknown, another's, no longer live), or None."""
    t = state.tables
    if not isinstance(a.commitment, int) or not 1 <= a.commitment <= len(state.commitments):
        return Rejection("unknown_commitment", f"There is no commitment #{a.commitment}.")
    c = state.commitments[a.commitment - 1]
    if c.delegate != a.seat:
        return Rejection("not_yours", f"Commitment #{a.commitment} is {possessive(t.display_name(c.delegate))}, not yours.")
    if c.status not in live:
        return Rejection(f"not_{verb}able", f"Commitment #{a.commitment} is already {c.status}.")
    return None


def affordable(state: State, seat: str, cost: int, doing: str) -> Rejection | None:
    """Why the seat cannot pay `cost` political capital for `doing` ("Renewing"), or None."""
    capital = state.delegates[seat].capital
    if capital < cost:
        return Rejection("no_capital", f"{doing} costs {cost} political capital; "
                                       f"{state.tables.display_name(seat)} has {capital}.")
    return None


def check_withdraw(state: State, a) -> Rejection | None:
    return (own_commitment(state, a, (ACTIVE, PENDING, SUSPENDED), "withdraw")
            or affordable(state, a.seat, state.tables.scenario.rules.withdraw_capital_cost, "Withdrawing"))


def apply_withdraw(state: State, a) -> None:
    rules = state.tables.scenario.rules
    c = state.commitments[a.commitment - 1]
    release(state, c, WITHDRAWN)
    state.spend_capital(a.seat, rules.withdraw_capital_cost)
    for delta in rules.withdraw_track_effects:
        state.tracks[delta.track] = clamp_track(state, delta.track, state.tracks[delta.track] + delta.by)
    record(state, a.seat, "PledgeWithdrawn",
           f"{state.tables.delegates[a.seat].name} withdraws commitment #{c.id} "
           f"({quantity(c.amount, state.tables.kinds[c.kind].unit)}); "
           f"it costs {rules.withdraw_capital_cost} political capital and trust.", commitment=c.id)


def legal_withdrawals(state: State, seat: str) -> list:
    t = state.tables
    d = state.delegates[seat]
    if d.capital < t.scenario.rules.withdraw_capital_cost:
        return []
    return [t.action(Withdraw, seat, c.id) for c in d.own if c.status in _WITHDRAWABLE]


_WITHDRAWABLE = (ACTIVE, PENDING, SUSPENDED)


RULES = {
    "pledge": Rule(check_pledge, apply_pledge, legal_pledges),
    "withdraw": Rule(check_withdraw, apply_withdraw, legal_withdrawals),
}
