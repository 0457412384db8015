"""Compiles scenario conditions into closures `predicate(state) -> bool`.

A `test -> compiler` table, one small function per test; scenario conditions are compiled
once per scenario and a commitment's condition when it is made, so the rules loop never
walks pydantic models. Their wording lives in `words.py`.
"""

from collections.abc import Callable, Sequence
from typing import Any

from game.engine.scoring import derived
from game.model import conditions as c

Predicate = Callable[[Any], bool]


def _between(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _round(t: c.RoundTest) -> Predicate:
    return lambda s: _between(s.round, t.min, t.max)


def _track(t: c.TrackTest) -> Predicate:
    return lambda s: _between(s.tracks[t.track], t.min, t.max)


def _flag(t: c.FlagTest) -> Predicate:
    return lambda s: s.flags[t.flag] == t.value


def _priority(t: c.PriorityTest) -> Predicate:
    statuses = set(t.status) if t.status else None

    def test(s) -> bool:
        d = derived(s)
        if statuses is not None and d.status[t.priority] not in statuses:
            return False
        return t.min_progress is None or d.progress[t.priority] >= t.min_progress

    return test


def _contributed(t: c.ContributedTest) -> Predicate:
    return lambda s: derived(s).contributed(t.delegate, t.kind, t.priority) >= t.min


def _signed(t: c.SignedTest) -> Predicate:
    def test(s) -> bool:
        reserved = s.delegates[t.delegate].signed.get(t.priority)
        return reserved is not None and (t.reservations_ok or not reserved)

    return test


def _capacity(t: c.CapacityTest) -> Predicate:
    return lambda s: _between(s.free(t.delegate, t.kind), t.min, t.max)


def _capital(t: c.CapitalTest) -> Predicate:
    return lambda s: _between(s.delegates[t.delegate].capital, t.min, t.max)


def _approved(t: c.ApprovedTest) -> Predicate:
    return lambda s: t.kind in s.delegates[t.delegate].mandates


def _authority(t: c.AuthorityTest) -> Predicate:
    return lambda s: s.delegates[t.delegate].rep.binding == t.value


def _event_fired(t: c.EventFiredTest) -> Predicate:
    return lambda s: s.fired.get(t.event, 0) > 0


def _all(t: c.AllTest) -> Predicate:
    return compile_all(t.of)


def _any(t: c.AnyTest) -> Predicate:
    parts = [compile_condition(x) for x in t.of]
    return lambda s: any(p(s) for p in parts)


def _not(t: c.NotTest) -> Predicate:
    inner = compile_condition(t.of)
    return lambda s: not inner(s)


_COMPILERS: dict[str, Callable[[Any], Predicate]] = {
    "round": _round,
    "track": _track,
    "flag": _flag,
    "priority": _priority,
    "contributed": _contributed,
    "signed": _signed,
    "capacity": _capacity,
    "capital": _capital,
    "approved": _approved,
    "binding_authority": _authority,
    "event_fired": _event_fired,
    "all": _all,
    "any": _any,
    "not": _not,
}


def compile_condition(condition: Any) -> Predicate:
    """Returns the predicate for one condition model."""
    return _COMPILERS[condition.test](condition)


def compile_all(conditions: Sequence[Any]) -> Predicate:
    """Returns a predicate that holds when every condition holds (true for an empty list)."""
    parts = [compile_condition(x) for x in conditions]
    if not parts:
        return lambda s: True
    if len(parts) == 1:
        return parts[0]
    return lambda s: all(p(s) for p in parts)


def tests_read(condition: Any) -> frozenset[str]:
    """Returns the tests a condition uses, nested ones included."""
    test = condition.test
    if test in ("all", "any"):
        return frozenset({test}).union(*(tests_read(part) for part in condition.of))
    if test == "not":
        return frozenset({test}) | tests_read(condition.of)
    return frozenset({test})


_UPWARD = ({"secured"}, {"partial", "secured"}, {"failed", "partial", "secured"})


def is_monotone(condition: Any, negated: bool = False) -> bool:
    """Whether more effective commitments can only make the condition true (or leave it be).

    Conditional commitments are resolved as a greatest fixed point, which is sound only
    for such conditions: `not` around a contribution, or a priority that must be `failed`,
    would let the result depend on the order things happened.
    """
    test = condition.test
    if test == "contributed":
        return not negated
    if test == "priority":
        return not negated and (condition.status is None or set(condition.status) in _UPWARD)
    if test in ("all", "any"):
        return all(is_monotone(part, negated) for part in condition.of)
    if test == "not":
        return is_monotone(condition.of, not negated)
    return True  # flags, tracks, rounds, signatures, capacity, capital...: not moved by effectiveness
