"""Domestic approvals: seeking a mandate, the odds, the vote (rolled with the game's RNG and
logged), and the approvals phase that rolls the votes scheduled during the round.

A commitment of a kind that needs a mandate stays pending until its vote: won, it counts;
lost, its units return to capacity.
"""

from game.engine.effects import settle_debt
from game.engine.log import record
from game.engine.rule import Rejection, Rule
from game.engine.state import ACTIVE, PENDING, REJECTED, VOTE_TESTS, State
from game.engine.words import possessive
from game.model.actions import SeekApproval


def approval_chance(state: State, seat: str, kind: str) -> float:
    """Returns the odds that the seat's domestic body approves commitments of a kind now."""
    t = state.tables
    rules = t.scenario.rules
    approval = t.delegates[seat].approvals.get(kind)
    chance = approval.chance if approval else rules.default_approval_chance
    for predicate, by in t.approval_mods.get((seat, kind), ()):
        if predicate(state):
            chance += by
    chance += state.delegates[seat].approval_shift.get(kind, 0.0)
    low, high = rules.approval_chance_bounds
    return max(low, min(high, chance))


def roll_approval(state: State, seat: str, kind: str) -> None:
    """Rolls one domestic vote with the game's RNG; the roll goes in the log."""
    d = state.delegates[seat]
    d.votes_scheduled.discard(kind)
    chance = approval_chance(state, seat, kind)
    roll = state.rng.random()
    won = roll < chance
    pending = [c for c in d.own if c.kind == kind and c.status == PENDING]
    for c in pending:
        state.set_status(c, ACTIVE if won else REJECTED)
        if not won:
            d.committed[kind] -= c.amount
            settle_debt(state, seat, kind)
    if won:
        d.mandates.add(kind)
    state.changed(seat, VOTE_TESTS)
    returned = sum(c.amount for c in pending) if pending and not won else None
    t = state.tables
    record(state, "game", "VoteAnnounced", (_verdict, t, seat, kind, won, returned, None), auto=True,
           delegate=seat, kind_id=kind, won=won)
    # The odds include private shifts (a private assurance, say): only the seat and the facilitator see them.
    record(state, "game", "ApprovalWon" if won else "ApprovalLost",
           (_verdict, t, seat, kind, won, returned, (chance, roll)), auto=True, visible_to=(seat,),
           delegate=seat, kind_id=kind, chance=round(chance, 4), roll=round(roll, 4))


def _verdict(t, seat: str, kind: str, won: bool, returned: int | None, odds: tuple[float, float] | None) -> str:
    """Returns e.g. "Parliament approves France's ground troops (chance 80%, roll 0.31)."."""
    body = t.names.body(seat, kind)  # who votes: the delegation's body for the kind, else the scenario's word
    body = body[:1].upper() + body[1:]  # it opens the sentence: "Parliament approves ..."
    what = t.kinds[kind].name.lower()
    verdict = "approves" if won else "rejects"
    tail = f"; {returned} pending units return to capacity" if returned is not None else ""
    said = f" (chance {odds[0]:.0%}, roll {odds[1]:.2f})" if odds else ""
    return f"{body} {verdict} {possessive(t.delegates[seat].name)} {what}{said}{tail}."


def approvals_phase(state: State) -> None:
    for seat in state.tables.seats:
        for kind in sorted(state.delegates[seat].votes_scheduled):
            roll_approval(state, seat, kind)


def check_seek_approval(state: State, a) -> Rejection | None:
    t = state.tables
    kind = a.kind_id
    if kind not in t.kinds:
        return Rejection("unknown_kind", f"Unknown commitment kind '{kind}'.")
    d = state.delegates[a.seat]
    cost = t.scenario.rules.approval_capital_cost
    if ((a.seat, kind) in t.needs_approval and kind not in t.red_kinds[a.seat] and d.capacity.get(kind, 0) > 0
            and kind not in d.mandates and kind not in d.votes_scheduled and d.capital >= cost):
        return None
    who, what = t.delegates[a.seat].name, t.kinds[kind].name.lower()
    if (a.seat, kind) not in t.needs_approval:
        return Rejection("no_approval_needed", f"{who} needs no domestic approval for {what}; pledge it directly.")
    if kind in t.red_kinds[a.seat]:
        return Rejection("red_line", f"{who} will not commit {what}: it is one of its red lines.")
    if d.capacity.get(kind, 0) <= 0:
        return Rejection("capacity", f"{who} has no {what} to commit, so there is nothing to approve.")
    if kind in d.mandates:
        return Rejection("already_approved", f"{who} already holds a mandate for {what}.")
    if kind in d.votes_scheduled:
        return Rejection("vote_scheduled", f"A vote on {what} is already scheduled for {who} this round.")
    return Rejection("no_capital", f"Seeking approval costs {cost} political capital; {who} has {d.capital}.")


def apply_seek_approval(state: State, a) -> None:
    d = state.delegates[a.seat]
    t = state.tables
    rules = t.scenario.rules
    state.spend_capital(a.seat, rules.approval_capital_cost)
    if "approvals" in rules.phases:
        d.votes_scheduled.add(a.kind_id)
        record(state, a.seat, "ApprovalSought", (_sought, t, a.seat, a.kind_id), kind_id=a.kind_id)
    else:
        roll_approval(state, a.seat, a.kind_id)


def _sought(t, seat: str, kind: str) -> str:
    body = t.names.body(seat, kind)  # who votes: the delegation's body for the kind, else the scenario's word
    return f"{t.display_names[seat]} asks {body} to approve {t.kinds[kind].name.lower()} (vote at the end of the round)."


def legal_requests(state: State, seat: str) -> list:
    """Returns a request for each kind the seat may still seek a mandate for."""
    t = state.tables
    d = state.delegates[seat]
    kinds = t.approval_kinds.get(seat, ())
    if not kinds or d.capital < t.scenario.rules.approval_capital_cost:
        return []
    return [t.action(SeekApproval, seat, kind) for kind in kinds
            if kind not in d.mandates and kind not in d.votes_scheduled and d.capacity.get(kind, 0) > 0]


RULES = {"seek_approval": Rule(check_seek_approval, apply_seek_approval, legal_requests)}
