"""Derived values: which commitments are effective, priority progress and status, scores.

They are cached until `state.dirty` is set: by every action, effect and round change,
since conditions read flags, tracks and signatures as well as commitments.

Conditional commitments are resolved as the greatest fixed point: assume every active
commitment effective, drop those whose condition fails, repeat until stable. So mutual
conditions (A if B, B if A) both hold, and a chain unlocks all at once.
"""

from dataclasses import dataclass

from game.engine.conditions import compile_condition
from game.engine.state import ACTIVE, State


@dataclass(slots=True)
class Derived:
    effective: frozenset[int]
    totals: dict[tuple[str, str, str], int]
    """(delegate, kind, priority) -> effective units."""
    progress: dict[str, float]
    status: dict[str, str]
    signatories: dict[str, int]
    leads_ok: dict[str, bool]


def derived(state: State) -> Derived:
    """Returns the derived values, recomputing them only when commitments changed."""
    if state.dirty or "derived" not in state.cache:
        state.dirty = False  # conditions evaluated while resolving read the candidate cache
        _resolve(state)
    return state.cache["derived"]


def _resolve(state: State) -> None:
    active = [c for c in state.commitments if c.status == ACTIVE]
    effective = {c.id for c in active}
    conditional = [c for c in active if c.condition is not None]
    while True:
        state.cache["derived"] = _aggregate(state, active, effective)
        dropped = {c.id for c in conditional if c.id in effective and not _holds(state, c)}
        if not dropped:
            return
        effective -= dropped


def _holds(state: State, commitment) -> bool:
    predicates = state.cache.setdefault("conditions", {})
    key = id(commitment.condition)
    if key not in predicates:
        predicates[key] = (commitment.condition, compile_condition(commitment.condition))
    return predicates[key][1](state)


def _aggregate(state: State, active, effective: set[int]) -> Derived:
    t = state.tables
    totals: dict[tuple[str, str, str], int] = {}
    progress = dict.fromkeys(t.priority_order, 0.0)
    contributors: dict[str, set[str]] = {p: set() for p in t.priority_order}
    contribution = state.contribution
    for c in active:
        if c.id not in effective:
            continue
        key = (c.delegate, c.kind, c.priority)
        totals[key] = totals.get(key, 0) + c.amount
        progress[c.priority] += c.amount * contribution.get((c.kind, c.priority), 0.0)
        contributors[c.priority].add(c.delegate)
    signatories = {p: 0 for p in t.priority_order}
    for d in state.delegates.values():
        for p in d.signed:
            signatories[p] += 1
    status, leads_ok = {}, {}
    for pid in t.priority_order:
        pr = t.priorities[pid]
        leads_ok[pid] = not pr.required_leads or bool(contributors[pid] & set(pr.required_leads))
        signed_ok = signatories[pid] >= pr.min_signatories and all(
            pid in state.delegates[r].signed for r in pr.required_signatories)
        if progress[pid] >= pr.target and leads_ok[pid] and signed_ok:
            status[pid] = "secured"
        elif progress[pid] >= t.partial_at[pid]:
            status[pid] = "partial"
        else:
            status[pid] = "failed"
    return Derived(frozenset(effective), totals, progress, status, signatories, leads_ok)


def objective_results(state: State, seat: str) -> list[tuple[str, bool, int]]:
    """Returns (objective id, met, points) for each of the seat's private objectives."""
    t = state.tables
    return [(o.id, met := t.objective_when[(seat, o.id)](state), o.points if met else 0)
            for o in t.delegates[seat].objectives]


def score(state: State, seat: str) -> int:
    """Returns the seat's private-objective points as things stand."""
    return sum(points for _, _, points in objective_results(state, seat))


def coalition_outcome(state: State) -> str:
    """Returns a one-word summary: success (all secured), partial, or failure (none above failed)."""
    statuses = derived(state).status.values()
    if all(s == "secured" for s in statuses):
        return "success"
    if all(s == "failed" for s in statuses):
        return "failure"
    return "partial"
