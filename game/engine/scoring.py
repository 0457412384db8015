"""Derived values: which commitments are effective, priority progress and status, scores.

They are cached until `state.changed()` marks them stale: after every commitment, vote or
contribution change. A change that can move them only through some condition tests says which
(`changed(seat, moves)`: capital, a track, the round...), and they are kept unless an active
conditional commitment's condition uses one; a signature is patched into the statuses
(`Caches.signed`), and so is a pledge no active condition watches (`Caches.pledged`, watches.py).

Each commitment counts at the value per unit fixed when it was made (`unit_value`), plus the
contribution changes in force that apply to all commitments (`state.retro`): a card that says
nothing else changes only what later commitments are worth, so an expiring bonus never
takes progress away from what was made while it was in force.

Only active commitments count: a suspended one (an event's `suspend_commitments`) counts for
nothing until it resumes, since the running totals index active commitments alone (state.py).

Conditional commitments are resolved as the greatest fixed point: assume every active
commitment effective, drop those whose condition fails, repeat until stable. So mutual
conditions (A if B, B if A) both hold, and a chain unlocks all at once.
"""

from dataclasses import dataclass

from game.engine.state import ACTIVE, State

_NONE: dict = {}


@dataclass(slots=True)
class Derived:
    """Read-only: its dicts may be shared with the cached base and with later snapshots."""

    effective: frozenset[int]
    """Ids of the active conditional commitments whose condition holds (unconditional
    active ones are always effective)."""
    totals: dict[tuple[str, str, str], int]
    """(delegate, kind, priority) -> units of the active unconditional commitments."""
    extra: dict[tuple[str, str, str], int]
    """(delegate, kind, priority) -> units of the effective conditional ones, added to `totals`
    (kept apart so a conditional commitment does not copy every total)."""
    progress: dict[str, float]
    status: dict[str, str]
    signatories: dict[str, int]
    leads_ok: dict[str, bool]
    by_delegate: dict[str, dict[tuple[str, str], int]]
    """delegate -> (kind, priority) -> units of its active unconditional commitments: most
    conditions name a delegate."""
    with_conditional: dict[str, dict[tuple[str, str], int]]
    """The same rows, effective conditional commitments added, for the delegates that have
    some (an overlay: a conditional commitment does not copy every delegate's rows)."""
    sums: dict
    """Memo of contributed totals by (delegate, kind, priority), None meaning any."""

    def contributed(self, delegate: str | None, kind: str | None, priority: str | None) -> int:
        if delegate is not None:
            rows = self.with_conditional.get(delegate) or self.by_delegate.get(delegate, _NONE)
            if kind is not None and priority is not None:
                return rows.get((kind, priority), 0)  # one row: no sum to memoise
        key = (delegate, kind, priority)
        total = self.sums.get(key)
        if total is None:
            total = 0
            if delegate is None:
                for rows in (self.totals, self.extra):
                    for (_, k, p), a in rows.items():
                        if (kind is None or k == kind) and (priority is None or p == priority):
                            total += a
            else:
                for (k, p), a in rows.items():
                    if (kind is None or k == kind) and (priority is None or p == priority):
                        total += a
            self.sums[key] = total
        return total

    def is_effective(self, commitment) -> bool:
        return commitment.status == ACTIVE and (commitment.condition is None or commitment.id in self.effective)


def derived(state: State) -> Derived:
    """Returns the derived values, recomputing them only after a visible change."""
    caches = state.caches
    if (caches.signed or caches.pledged) and not caches.dirty and caches.derived is not None:
        # no active condition watches what changed: the effective set stands
        caches.derived = _patched(state, caches.derived, caches.signed, caches.pledged)
        if caches.touched is not None:
            caches.touched.update(caches.signed, [pid for _, pid in caches.pledged])
        caches.signed, caches.pledged = set(), set()
    if caches.dirty or caches.derived is None:
        caches.dirty = False  # conditions evaluated while resolving read the candidate values
        caches.signed, caches.pledged, caches.touched = set(), set(), None
        _resolve(state)
    return caches.derived


def _patched(state: State, d: Derived, signed: set[str], pledged: set[tuple[str, str]]) -> Derived:
    """Returns `d` with the signatures of the `signed` priorities and the unconditional
    commitments made to the `pledged` ones brought up to date, the effective set unchanged:
    each value is computed as `_with_conditional` would (the same sums in the same order)."""
    status = dict(d.status)
    signatories = d.signatories
    if signed:
        signatories = dict(signatories)
        for pid in signed:
            signatories[pid] = len(state.signatories.get(pid, ()))
    progress, leads_ok, with_conditional = d.progress, d.leads_ok, d.with_conditional
    if pledged:
        progress, leads_ok = dict(progress), dict(leads_ok)
        conditional = [c for c in state.conditional if c.id in d.effective] if d.effective else ()
        for pid in {pid for _, pid in pledged}:
            raw, led = _base_priority(state, pid)
            required = state.tables.priorities[pid].required_leads
            for c in conditional:
                if c.priority == pid:
                    raw += c.amount * value(state, c)
                    led = led or c.delegate in required
            progress[pid], leads_ok[pid], _ = _priority_values(state, pid, raw, led, signatories[pid])
        overlaid = {delegate for delegate, _ in pledged if delegate in with_conditional}
        if overlaid:  # their rows with conditional commitments added were copied from the old ones
            with_conditional = dict(with_conditional)
            for delegate in overlaid:
                rows = with_conditional[delegate] = dict(state.base_by_delegate.get(delegate, _NONE))
                for c in conditional:
                    if c.delegate == delegate:
                        rows[(c.kind, c.priority)] = rows.get((c.kind, c.priority), 0) + c.amount
    for pid in signed.union(pid for _, pid in pledged):
        status[pid] = _status(state, pid, progress[pid], leads_ok[pid], signatories[pid])
    return Derived(d.effective, d.totals, d.extra, progress, status, signatories, leads_ok,
                   d.by_delegate, with_conditional, {} if pledged else d.sums)


def _resolve(state: State) -> None:
    base = _base(state)
    effective = {c.id for c in state.conditional}
    plain: dict = {}
    while True:
        state.caches.derived = _with_conditional(state, base, effective, plain)
        dropped = {c.id for c in state.conditional if c.id in effective and not c.holds(state)}
        if not dropped:
            return
        effective -= dropped


def _base(state: State) -> tuple:
    """Aggregates what does not depend on conditions: unconditional totals and signatures."""
    t = state.tables
    signed = state.signatories
    signatories = {pid: len(signed.get(pid, ())) for pid in t.priority_order}
    return (*_base_totals(state), signatories)


def value(state: State, c) -> float:
    """Returns how much one unit of the commitment advances its priority now."""
    return c.unit_value + state.retro.get((c.kind, c.priority), 0.0)


def _base_totals(state: State) -> tuple:
    """Progress per priority from the active unconditional commitments, and whether a required
    lead contributes to it, recomputing only the priorities whose rows (or contributions) changed."""
    progress, leads = {}, {}
    for pid in state.tables.priority_order:
        progress[pid], leads[pid] = _base_priority(state, pid)
    return progress, leads, state.base_by_delegate


def _base_priority(state: State, pid: str) -> tuple[float, bool]:
    """Returns one priority's progress from its active unconditional commitments and whether a
    required lead contributes, kept until its rows or a contribution change."""
    key = (state.priority_versions.get(pid, 0), state.contribution_version)
    hit = state.caches.base_rows.get(pid)
    if hit is None or hit[0] != key:
        retro = state.retro
        total = sum(units * (unit_value + retro.get((kind, pid), 0.0))
                    for (kind, unit_value), units in sorted(state.unit_rows.get(pid, {}).items()))
        hit = state.caches.base_rows[pid] = (key, total, _a_lead_contributes(state, pid))
    return hit[1], hit[2]


def _a_lead_contributes(state: State, pid: str) -> bool:
    """Whether the priority needs no lead, or one of its required leads has an active
    unconditional commitment to it (read off the leads' own rows, not every contributor's)."""
    required = state.tables.priorities[pid].required_leads
    if not required:
        return True
    rows = state.base_by_delegate
    return any(p == pid for lead in required for (_, p) in rows.get(lead, _NONE))


def _with_conditional(state: State, base: tuple, effective: set[int], plain: dict) -> Derived:
    """Returns the derived values with the `effective` conditional commitments counted; `plain`
    memoises, across one resolution's passes, the priorities no conditional commitment touches."""
    t = state.tables
    raw, leads, by_delegate, signatories = base
    extra: dict[tuple[str, str, str], int] = {}
    touched: dict[str, float] = {}
    """priority -> progress with the effective conditional commitments, added in their order."""
    led: dict[str, bool] = {}
    rows_of: dict[str, dict[tuple[str, str], int]] = {}
    for c in state.conditional if effective else ():
        if c.id in effective:
            pid, delegate = c.priority, c.delegate
            key = (delegate, c.kind, pid)
            extra[key] = extra.get(key, 0) + c.amount
            touched[pid] = touched.get(pid, raw[pid]) + c.amount * value(state, c)
            led[pid] = led.get(pid, leads[pid]) or delegate in t.priorities[pid].required_leads
            rows = rows_of.get(delegate)
            if rows is None:
                rows = rows_of[delegate] = dict(by_delegate.get(delegate, _NONE))
            rows[(c.kind, pid)] = rows.get((c.kind, pid), 0) + c.amount
    progress, status, leads_ok = {}, {}, {}
    for pid in t.priority_order:
        if pid in touched:
            found = _priority_values(state, pid, touched[pid], led[pid], signatories[pid])
        else:
            found = plain.get(pid)
            if found is None:
                found = plain[pid] = _priority_values(state, pid, raw[pid], leads[pid], signatories[pid])
        progress[pid], leads_ok[pid], status[pid] = found
    # shared with the state when nothing conditional counts: a Derived is read-only and is
    # replaced at the next changed(), which every change of the totals makes
    return Derived(frozenset(effective), state.base_totals, extra, progress, status, signatories, leads_ok,
                   by_delegate, rows_of, {})


def _priority_values(state: State, pid: str, raw: float, leads_ok: bool, signatories: int) -> tuple[float, bool, str]:
    """Returns (progress, leads_ok, status) of one priority."""
    # Sums of fractional contributions land a hair off (19.799999999999997): a target reached to nine
    # decimals is reached, and every reader (status, reasons, conditions, views) sees the same number.
    progress = round(raw, 9)
    return progress, leads_ok, _status(state, pid, progress, leads_ok, signatories)


def _status(state: State, pid: str, progress: float, leads_ok: bool, signatories: int) -> str:
    target, partial_at, min_signatories, required = state.tables.status_rule[pid]
    if (progress >= target and leads_ok and signatories >= min_signatories
            and (not required or all(pid in state.delegates[r].signed for r in required))):
        return "secured"
    if progress >= partial_at:
        return "partial"
    return "failed"


def objective_results(state: State, seat: str) -> list[tuple[str, bool, int]]:
    """Returns (objective id, met, points) for each of the seat's private objectives."""
    t = state.tables
    return [(o.id, met := t.objective_when[(seat, o.id)](state), o.points if met else 0)
            for o in t.delegates[seat].objectives]


def score(state: State, seat: str) -> int:
    """Returns the seat's private-objective points as things stand."""
    return sum(points for _, _, points in objective_results(state, seat))


def coalition_outcome(state: State) -> str:
    """Returns a one-word summary: the outcome an end condition set (a collapse is a failure),
    else success (all secured), partial, or failure (none above failed)."""
    if state.end_outcome is not None:
        return state.end_outcome
    statuses = derived(state).status.values()
    if all(s == "secured" for s in statuses):
        return "success"
    if all(s == "failed" for s in statuses):
        return "failure"
    return "partial"
