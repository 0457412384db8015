"""Event effects: one `op -> EffectRule` registry, holding how each applies, how it reverts
when timed, and (through `effect_words.EFFECT_WORDS`) how it is said.

A timed effect (`rounds: N`) applied in round r is reverted at the end of round
r + N - 1. Reverts undo what was actually applied (a capacity cut clamped at what was
already committed is restored by the clamped amount).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine.effect_words import EFFECT_WORDS
from game.engine.log import record
from game.engine.state import (
    ACTIVE,
    CANCELLED,
    OPEN,
    PENDING,
    SUSPENDED,
    VOIDED,
    Representative,
    State,
    Timed,
)
from game.engine.words import possessive


@dataclass(frozen=True, slots=True)
class EffectRule:
    apply: Callable[[State, Any, str], tuple | None]
    """(state, effect, source) -> the arguments its revert needs, if it can be timed."""
    revert: Callable[..., None] | None = None
    label: str = ""
    """What the log calls the effect when its time ends."""
    words: Callable[..., tuple[str, str]] | None = None
    moves: frozenset[str] | None = None
    """The condition tests ("track", "flag"...) whose answer the effect can change, when it
    leaves commitments and contributions be; None: it may change any derived value."""


def clamp_track(state: State, track: str, value: float) -> float:
    low, high = state.tables.track_bounds[track]
    return max(low, min(high, value))


def adjust_track(state: State, e, source: str) -> None:
    before = state.tracks[e.track]
    state.tracks[e.track] = clamp_track(state, e.track, before + e.by)
    record(state, source, "TrackMoved", f"{e.track.replace('_', ' ')}: {before:g} → {state.tracks[e.track]:g}",
           auto=True, track=e.track, before=before, after=state.tracks[e.track])


def set_flag(state: State, e, source: str) -> None:
    state.flags[e.flag] = e.value


def adjust_capacity(state: State, e, source: str) -> tuple:
    applied, owed = _shift_capacity(state, e.delegate, e.kind, e.by)
    return e.delegate, e.kind, -applied, owed


def _shift_capacity(state: State, seat: str, kind: str, by: int) -> tuple[int, int]:
    """Shifts capacity by `by`; a cut never goes below what is committed, and the rest becomes
    a debt taken as units come free. Returns (applied now, owed)."""
    d = state.delegates[seat]
    before = d.capacity.get(kind, 0)
    d.capacity[kind] = max(d.committed.get(kind, 0), before + by)
    applied = d.capacity[kind] - before
    owed = applied - by if by < 0 else 0
    if owed:
        d.debt[kind] = d.debt.get(kind, 0) + owed
    return applied, owed


def settle_debt(state: State, seat: str, kind: str) -> None:
    """Takes owed capacity from units that have just come free (a withdrawal, a lost vote, a lapse)."""
    d = state.delegates[seat]
    owed = d.debt.get(kind, 0)
    if owed:
        cut = min(owed, d.capacity.get(kind, 0) - d.committed.get(kind, 0))
        d.capacity[kind] -= cut
        d.debt[kind] = owed - cut


def adjust_capital(state: State, e, source: str) -> None:
    d = state.delegates[e.delegate]
    d.capital = max(0, d.capital + e.by)


def _token(state: State) -> int:
    state.next_token += 1
    return state.next_token


def _refresh_blocked(d) -> None:
    d.blocked = {kind: reason for _, kind, reason in d.blocks}


def block_kind(state: State, e, source: str) -> tuple:
    d = state.delegates[e.delegate]
    token = _token(state)
    d.blocks.append((token, e.kind, e.reason or f"blocked by '{source}'"))
    _refresh_blocked(d)
    return e.delegate, token


def unblock_kind(state: State, e, source: str) -> None:
    d = state.delegates[e.delegate]
    d.blocks = [b for b in d.blocks if b[1] != e.kind]
    _refresh_blocked(d)


def replace_representative(state: State, e, source: str) -> tuple:
    d = state.delegates[e.delegate]
    current = d.rep
    token = _token(state)
    d.replacements.append((token, Representative(
        e.name, e.title, e.role or current.role,
        current.binding if e.binding_authority is None else e.binding_authority)))
    d.rep = d.replacements[-1][1]
    return e.delegate, token


def adjust_approval(state: State, e, source: str) -> tuple:
    shift = state.delegates[e.delegate].approval_shift
    shift[e.kind] = shift.get(e.kind, 0.0) + e.by
    return e.delegate, e.kind, -e.by


def adjust_contribution(state: State, e, source: str) -> tuple:
    """Changes what a unit is worth for later commitments, and with `applies_to: all` also for
    those already made (scoring adds `state.retro` to each commitment's own value)."""
    key = (e.kind, e.priority)
    _shift_contribution(state, key, e.by, e.applies_to == "all")
    return key, -e.by, e.applies_to == "all"


def _shift_contribution(state: State, key: tuple[str, str], by: float, retro: bool) -> None:
    state.contribution[key] = state.contribution.get(key, 0.0) + by
    if retro:
        state.retro[key] = state.retro.get(key, 0.0) + by
    state.contribution_changed()


def adjust_actions(state: State, e, source: str) -> tuple:
    state.delegates[e.delegate].actions_shift += e.by
    return e.delegate, -e.by


def cancel_offers(state: State, e, source: str) -> None:
    for offer in state.offers:
        if offer.status == OPEN and (offer.proposer == e.delegate or e.delegate in offer.parties):
            state.set_offer_status(offer, CANCELLED)
            record(state, source, "OfferCancelled", f"Offer #{offer.id} is cancelled.", auto=True,
                   visible_to=(offer.proposer, *offer.parties), offer=offer.id)


def revoke_approval(state: State, e, source: str) -> None:
    state.delegates[e.delegate].mandates.discard(e.kind)


def message(state: State, e, source: str) -> None:
    to = tuple(e.to) if e.to is not None else None
    record(state, source, "MessageSent", e.text, auto=True, visible_to=to)


# -- a delegation's existing commitments: suspend, resume, cancel, renew --------------

LIVE = (ACTIVE, PENDING, SUSPENDED)
"""The statuses of a commitment that still holds units: what a term, a renewal or a cancellation reaches."""


def _matching(state: State, e, statuses: tuple[str, ...]) -> list:
    """Returns the delegation's commitments in those statuses, filtered by the effect's kind and priority."""
    return [c for c in state.delegates[e.delegate].own if c.status in statuses
            and (e.kind is None or c.kind == e.kind) and (e.priority is None or c.priority == e.priority)]


def _numbers(commitments) -> str:
    """Returns "commitment #4" or "commitments #4, #5 and #7"."""
    ids = [f"#{c.id}" for c in commitments]
    listed = ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
    return f"commitment{'s' if len(ids) > 1 else ''} {listed}"


def _say(state: State, source: str, kind: str, commitments: list, one: str, many: str) -> None:
    """Logs what happened to the commitments, `one` or `many` as the grammar needs."""
    if commitments:
        what = one if len(commitments) == 1 else many
        seat = commitments[0].delegate
        record(state, source, kind, f"{possessive(state.tables.delegates[seat].name)} {_numbers(commitments)} "
                                    f"{what}.", auto=True, delegate=seat, commitments=[c.id for c in commitments])


def suspend_commitments(state: State, e, source: str) -> tuple:
    """Suspends the matching active commitments (and holds those already suspended longer):
    each resumes when every suspension holding it has ended or been lifted."""
    token = _token(state)
    held = _matching(state, e, (ACTIVE, SUSPENDED))
    for c in held:
        state.suspensions.setdefault(c.id, set()).add(token)
        if c.status == ACTIVE:
            state.set_status(c, SUSPENDED)
    _say(state, source, "CommitmentsSuspended", held, "is suspended: it does not count until it resumes",
         "are suspended: they do not count until they resume")
    return tuple(c.id for c in held), token


def _resume(state: State, c, source: str) -> bool:
    state.suspensions.pop(c.id, None)
    if c.status != SUSPENDED:
        return False
    state.set_status(c, ACTIVE)
    return True


def resume_commitments(state: State, e, source: str) -> None:
    resumed = [c for c in _matching(state, e, (SUSPENDED,)) if _resume(state, c, source)]
    _say(state, source, "CommitmentsResumed", resumed, "counts again", "count again")


def _revert_suspension(state: State, ids: tuple[int, ...], token: int) -> None:
    """Ends one timed suspension: the commitments no other suspension holds count again."""
    resumed = []
    for cid in ids:
        tokens = state.suspensions.get(cid)
        if tokens is None or token not in tokens:
            continue  # resumed or cancelled meanwhile
        tokens.discard(token)
        c = state.commitments[cid - 1]
        if not tokens and _resume(state, c, "game"):
            resumed.append(c)
    _say(state, "game", "CommitmentsResumed", resumed, "counts again: the suspension has ended",
         "count again: the suspension has ended")


def cancel_commitments(state: State, e, source: str) -> None:
    """Voids the matching commitments for good; their units return to the delegation."""
    from game.engine.commitments import release  # commitments builds on this module

    cancelled = _matching(state, e, LIVE)
    for c in cancelled:
        state.suspensions.pop(c.id, None)
        state.terms.pop(c.id, None)
        release(state, c, VOIDED)
    _say(state, source, "CommitmentsCancelled", cancelled, "is cancelled for good; its units are free again",
         "are cancelled for good; their units are free again")


def start_term(state: State, c) -> None:
    """Starts a new commitment's term: it counts this round and `term - 1` more."""
    state.set_term(c, state.round + state.tables.kinds[c.kind].term - 1)


def renew(state: State, c) -> int:
    """Gives a commitment another whole term after the one running (after this round, if that
    already ended); returns its new last round. Renewed in its last round, a term-1 commitment
    counts one more round."""
    last = max(state.terms.get(c.id, state.round), state.round) + state.tables.kinds[c.kind].term
    state.set_term(c, last)
    return last


def renew_commitments(state: State, e, source: str) -> None:
    renewed = [c for c in _matching(state, e, LIVE) if c.id in state.terms]
    for c in renewed:
        renew(state, c)
    _say(state, source, "CommitmentsRenewed", renewed, "is renewed for another term",
         "are renewed for another term")


def _revert_capacity(state: State, seat: str, kind: str, by: int, owed: int) -> None:
    """Undoes a capacity change: a gain is taken back (owing what is committed); a cut is given
    back, with its still-unpaid debt cancelled and the part already paid restored."""
    d = state.delegates[seat]
    unpaid = min(owed, d.debt.get(kind, 0))
    if unpaid:
        d.debt[kind] -= unpaid
    _shift_capacity(state, seat, kind, by + (owed - unpaid))


def _revert_unblock(state: State, seat: str, token: int) -> None:
    d = state.delegates[seat]
    d.blocks = [b for b in d.blocks if b[0] != token]
    _refresh_blocked(d)


def _revert_representative(state: State, seat: str, token: int) -> None:
    """Ends one replacement; whoever was installed after it, or else the principal, speaks."""
    d = state.delegates[seat]
    d.replacements = [r for r in d.replacements if r[0] != token]
    d.rep = d.replacements[-1][1] if d.replacements else d.principal


def _revert_approval(state: State, seat: str, kind: str, by: float) -> None:
    shift = state.delegates[seat].approval_shift
    shift[kind] = shift.get(kind, 0.0) + by


def _revert_contribution(state: State, key: tuple[str, str], by: float, retro: bool) -> None:
    _shift_contribution(state, key, by, retro)


def _revert_actions(state: State, seat: str, by: int) -> None:
    state.delegates[seat].actions_shift += by


EFFECTS: dict[str, EffectRule] = {
    "adjust_track": EffectRule(adjust_track),
    "set_flag": EffectRule(set_flag),
    "adjust_capacity": EffectRule(adjust_capacity, _revert_capacity, "capacity"),
    "adjust_capital": EffectRule(adjust_capital),
    "block_kind": EffectRule(block_kind, _revert_unblock, "unblock"),
    "unblock_kind": EffectRule(unblock_kind),
    "replace_representative": EffectRule(replace_representative, _revert_representative, "representative"),
    "adjust_approval": EffectRule(adjust_approval, _revert_approval, "approval"),
    "adjust_contribution": EffectRule(adjust_contribution, _revert_contribution, "contribution"),
    "adjust_actions": EffectRule(adjust_actions, _revert_actions, "actions"),
    "cancel_offers": EffectRule(cancel_offers),
    "revoke_approval": EffectRule(revoke_approval),
    "suspend_commitments": EffectRule(suspend_commitments, _revert_suspension, "suspension"),
    "resume_commitments": EffectRule(resume_commitments),
    "cancel_commitments": EffectRule(cancel_commitments),
    "renew_commitments": EffectRule(renew_commitments),
    "message": EffectRule(message),
}
_MOVES: dict[str, frozenset[str]] = {
    "adjust_track": frozenset({"track"}), "set_flag": frozenset({"flag"}), "adjust_capacity": frozenset({"capacity"}),
    "adjust_capital": frozenset({"capital"}), "block_kind": frozenset(), "unblock_kind": frozenset(),
    "replace_representative": frozenset({"binding_authority"}), "adjust_approval": frozenset(),
    "adjust_actions": frozenset(), "cancel_offers": frozenset(), "revoke_approval": frozenset({"approved"}),
    "message": frozenset(),
}
"""op -> what its change can move, for the ops that touch no commitment and no contribution
(blocks, approval odds, actions per turn and offers are read by no condition)."""
EFFECTS = {op: EffectRule(r.apply, r.revert, r.label, EFFECT_WORDS[op], _MOVES.get(op)) for op, r in EFFECTS.items()}


def apply_effect(state: State, effect: Any, source: str) -> None:
    """Applies one effect model; `source` (the event id) goes in the log."""
    rule = EFFECTS[effect.op]
    revert_args = rule.apply(state, effect, source)
    if rule.revert is not None:  # (a missing attribute costs pydantic an exception: only these can be timed)
        rounds = getattr(effect, "rounds", None)
        if rounds is not None:
            state.timed.append(Timed(state.round + rounds - 1, effect.op, revert_args, state.log_scope))
    state.changed(None, rule.moves)  # None: it may move anything (commitments, contributions)


def expire_timed(state: State) -> None:
    """Reverts the timed effects that end with this round, newest first."""
    due = [t for t in state.timed if t.expires <= state.round]
    if not due:
        return
    state.timed = [t for t in state.timed if t.expires > state.round]
    moves: set[str] | None = set()
    for timed in reversed(due):
        rule = EFFECTS[timed.op]
        state.log_scope = timed.scope  # what a revert logs is as public as the card that began it
        try:
            rule.revert(state, *timed.args)
        finally:
            state.log_scope = None
        moves = None if moves is None or rule.moves is None else moves | rule.moves  # a revert moves what its effect did
    state.changed(None, moves)
    scopes: dict[tuple[str, ...] | None, list[Timed]] = {}
    for timed in due:  # a private card's effects end as quietly as they began
        scopes.setdefault(timed.scope, []).append(timed)
    for scope, ended in scopes.items():
        record(state, "game", "EffectsExpired", f"{len(ended)} timed effect(s) ended.", auto=True,
               visible_to=scope, ops=[EFFECTS[t.op].label for t in ended])
