"""Applies legal actions to the state: an `kind -> apply_*` table.

Each function assumes `legality.check` passed, changes the state, and logs what
happened. Offers and their answers are visible only to their parties; commitments,
signatures and votes are public.
"""

from collections.abc import Callable
from typing import Any

from game.engine import flow
from game.engine.conditions import describe_condition
from game.engine.effects import clamp_track, settle_debt
from game.engine.legality import check_item, check_totals
from game.engine.log import quantity, record
from game.engine.state import (
    ACCEPTED,
    ACTIVE,
    COUNTERED,
    FAILED,
    PENDING,
    REJECTED_OFFER,
    WITHDRAWN,
    Commitment,
    Offer,
    State,
)


def _name(state: State, seat: str) -> str:
    return state.tables.delegates[seat].name


def describe_item(state: State, giver: str, kind: str, amount: int, priority: str, condition: Any = None) -> str:
    """Returns e.g. "France: 2 thousand troops of ground troops to Multinational force, if ..."."""
    t = state.tables
    k = t.kinds[kind]
    text = f"{_name(state, giver)}: {quantity(amount, k.unit)} ({k.name.lower()}) to {t.priorities[priority].name}"
    if condition is not None:
        text += f", if {describe_condition(condition, t.display_name)}"
    return text


def _commit(state: State, giver: str, kind: str, amount: int, priority: str, condition: Any,
            offer: int | None) -> Commitment:
    d = state.delegates[giver]
    needs_vote = (giver, kind) in state.tables.needs_approval and kind not in d.mandates
    c = Commitment(len(state.commitments) + 1, giver, kind, amount, priority, state.round, condition,
                   offer, PENDING if needs_vote else ACTIVE)
    state.add_commitment(c)
    d.committed[kind] = d.committed.get(kind, 0) + amount
    state.touch(giver)
    return c


def _pending_note(state: State, c: Commitment) -> str:
    if c.status != PENDING:
        return ""
    return f" (pending: needs {flow.approval_body(state, c.delegate, c.kind)} approval; seek approval to make it count)"


def apply_pledge(state: State, a) -> None:
    c = _commit(state, a.seat, a.commitment, a.amount, a.priority, a.condition, None)
    text = describe_item(state, a.seat, a.commitment, a.amount, a.priority, a.condition)
    record(state, a.seat, "Pledged", f"Pledge #{c.id}. {text}{_pending_note(state, c)}.",
           commitment=c.id, delegate=a.seat, kind_id=a.commitment, amount=a.amount, priority=a.priority,
           status=c.status, conditional=a.condition is not None)


def _new_offer(state: State, proposer: str, parties: tuple[str, ...], items: tuple, note: str,
               replaces: int | None = None) -> Offer:
    offer = Offer(len(state.offers) + 1, proposer, parties, items, state.round, note, replaces=replaces,
                  awaiting=set(parties))
    state.offers.append(offer)
    for seat in (proposer, *parties):
        state.delegates[seat].offers.append(offer)
    lines = "; ".join(describe_item(state, i.giver, i.commitment, i.amount, i.priority, i.condition) for i in items)
    to = ", ".join(_name(state, p) for p in parties)
    verb = f"counters offer #{replaces} with" if replaces else "proposes"
    record(state, proposer, "TradeCountered" if replaces else "TradeProposed",
           f"{_name(state, proposer)} {verb} offer #{offer.id} to {to}: {lines}." + (f" “{note}”" if note else ""),
           visible_to=(proposer, *parties), offer=offer.id, parties=list(parties))
    return offer


def apply_propose(state: State, a) -> None:
    _new_offer(state, a.seat, tuple(a.to), tuple(a.items), a.note)


def apply_accept(state: State, a) -> None:
    offer = state.offers[a.offer - 1]
    offer.accepted_by.add(a.seat)
    everyone = (offer.proposer, *offer.parties)
    record(state, a.seat, "OfferAccepted", f"{_name(state, a.seat)} accepts offer #{offer.id}.",
           visible_to=everyone, offer=offer.id)
    if offer.accepted_by >= set(offer.parties):
        _execute(state, offer)


def _execute(state: State, offer: Offer) -> None:
    """Turns an accepted offer into commitments, or fails it if a giver can no longer give."""
    everyone = (offer.proposer, *offer.parties)
    problems = (check_item(state, i.giver, i.commitment, i.amount, i.priority, i.condition) for i in offer.items)
    for problem in (*problems, check_totals(state, offer.items)):
        if problem:
            offer.status = FAILED
            record(state, "game", "TradeFailed", f"Offer #{offer.id} falls through: {problem.message}",
                   auto=True, visible_to=everyone, offer=offer.id)
            return
    offer.status = ACCEPTED
    made = [_commit(state, i.giver, i.commitment, i.amount, i.priority, i.condition, offer.id) for i in offer.items]
    lines = "; ".join(describe_item(state, c.delegate, c.kind, c.amount, c.priority, c.condition)
                      + f" [#{c.id}]" + _pending_note(state, c) for c in made)
    names = " and ".join(_name(state, p) for p in everyone)
    record(state, "game", "TradeAgreed", f"Deal (offer #{offer.id}) between {names}: {lines}.", auto=True,
           offer=offer.id, parties=list(everyone), commitments=[c.id for c in made])


def apply_reject(state: State, a) -> None:
    offer = state.offers[a.offer - 1]
    offer.status = REJECTED_OFFER
    record(state, a.seat, "OfferRejected", f"{_name(state, a.seat)} rejects offer #{offer.id}.",
           visible_to=(offer.proposer, *offer.parties), offer=offer.id)


def apply_counter(state: State, a) -> None:
    old = state.offers[a.offer - 1]
    old.status = COUNTERED
    others = tuple(p for p in (old.proposer, *old.parties) if p != a.seat)
    _new_offer(state, a.seat, others, tuple(a.items), a.note, replaces=old.id)


def apply_withdraw(state: State, a) -> None:
    rules = state.tables.scenario.rules
    c = state.commitments[a.pledge - 1]
    d = state.delegates[a.seat]
    state.set_status(c, WITHDRAWN)
    d.committed[c.kind] -= c.amount
    settle_debt(state, a.seat, c.kind)
    d.capital -= rules.withdraw_capital_cost
    state.touch(a.seat)
    for delta in rules.withdraw_track_effects:
        state.tracks[delta.track] = clamp_track(state, delta.track, state.tracks[delta.track] + delta.by)
    record(state, a.seat, "PledgeWithdrawn",
           f"{_name(state, a.seat)} withdraws commitment #{c.id} ({quantity(c.amount, state.tables.kinds[c.kind].unit)}); "
           f"it costs {rules.withdraw_capital_cost} political capital and trust.", commitment=c.id)


def apply_sign(state: State, a) -> None:
    state.delegates[a.seat].signed[a.priority] = a.reservations
    state.touch(a.seat)
    how = " with reservations" if a.reservations else ""
    record(state, a.seat, "Signed", f"{_name(state, a.seat)} signs {state.tables.priorities[a.priority].name}{how}.",
           priority=a.priority, reservations=a.reservations)


def apply_seek_approval(state: State, a) -> None:
    d = state.delegates[a.seat]
    d.capital -= state.tables.scenario.rules.approval_capital_cost
    state.touch(a.seat)
    if "approvals" in state.tables.scenario.rules.phases:
        d.votes_scheduled.add(a.commitment)
        body = flow.approval_body(state, a.seat, a.commitment)
        record(state, a.seat, "ApprovalSought",
               f"{_name(state, a.seat)} asks {body} to approve {state.tables.kinds[a.commitment].name.lower()} "
               f"(vote at the end of the round).", commitment=a.commitment)
    else:
        flow.roll_approval(state, a.seat, a.commitment)


def apply_pass(state: State, a) -> None:
    record(state, a.seat, "Passed", f"{_name(state, a.seat)} passes.")


def apply_inject(state: State, a) -> None:
    flow.fire_event(state, a.event, "facilitator")


def apply_adjust_track(state: State, a) -> None:
    before = state.tracks[a.track]
    state.tracks[a.track] = clamp_track(state, a.track, before + a.by)
    state.touch()
    record(state, "facilitator", "TrackAdjusted",
           f"The facilitator moves {a.track.replace('_', ' ')} {before:g} → {state.tracks[a.track]:g}: {a.reason}",
           track=a.track, before=before, after=state.tracks[a.track], reason=a.reason)


def apply_pause(state: State, a) -> None:
    state.paused = True
    record(state, "facilitator", "Paused", "The facilitator pauses the game.")


def apply_resume(state: State, a) -> None:
    state.paused = False
    record(state, "facilitator", "Resumed", "The facilitator resumes the game.")


def apply_end_phase(state: State, a) -> None:
    record(state, "facilitator", "PhaseEnded", f"The facilitator ends the {state.phase} phase.")
    flow.end_phase(state)


def apply_set_controller(state: State, a) -> None:
    state.delegates[a.delegate].controller = a.controller
    state.touch(a.delegate)
    who = "a human player" if a.controller == "human" else f"a {a.controller} bot"
    record(state, "facilitator", "SeatHandedOver", f"{_name(state, a.delegate)} is now played by {who}.",
           delegate=a.delegate, controller=a.controller)


APPLY: dict[str, Callable[[State, Any], None]] = {
    "pledge": apply_pledge, "propose": apply_propose, "accept": apply_accept, "reject": apply_reject,
    "counter": apply_counter, "withdraw": apply_withdraw, "sign": apply_sign,
    "seek_approval": apply_seek_approval, "pass": apply_pass, "inject_event": apply_inject,
    "adjust_track": apply_adjust_track, "pause": apply_pause, "resume": apply_resume,
    "end_phase": apply_end_phase, "set_controller": apply_set_controller,
}
TURN_ENDING = {"pass"}
PLAYER_KINDS = {"pledge", "propose", "accept", "reject", "counter", "withdraw", "sign", "seek_approval", "pass"}


def apply_action(state: State, action: Any) -> None:
    """Applies a checked action and advances the turn for a player's action."""
    APPLY[action.kind](state, action)
    state.decisions += 1
    if action.kind not in PLAYER_KINDS or state.over:
        return
    if action.kind in TURN_ENDING:
        flow.next_turn(state)
        return
    state.acted_this_cycle = True
    state.actions_left -= 1
    if state.actions_left <= 0:
        flow.next_turn(state)
