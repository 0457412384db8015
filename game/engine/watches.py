"""What a condition watches, key by key: which pledges could change whether it holds.

A new unconditional commitment moves one delegation's contribution of one kind to one
priority, that priority's progress and status, and the delegation's free units of the kind.
A condition that reads none of these holds as before, so when no active conditional
commitment's condition does, the derived values are patched for the one priority instead
of resolved again (`State.add_commitment`, `scoring.derived`).
"""

from functools import lru_cache
from typing import Any

Key = tuple
ANY = ""
"""A key part meaning any delegate, kind or priority (no id is empty; keys stay sortable)."""


def watch_keys(condition: Any) -> frozenset[Key]:
    """Returns the keys a pledge would have to hit to move the condition: ("contributed",
    delegate, kind, priority) with ANY for a part it leaves open, ("priority", id), ("capacity", delegate, kind)."""
    test = condition.test
    if test in ("all", "any"):
        return frozenset().union(*(watch_keys(part) for part in condition.of))
    if test == "not":
        return watch_keys(condition.of)
    if test == "contributed":
        return frozenset({("contributed", condition.delegate or ANY, condition.kind or ANY, condition.priority or ANY)})
    if test == "priority":
        return frozenset({("priority", condition.priority)})
    if test == "capacity":
        return frozenset({("capacity", condition.delegate, condition.kind)})
    return frozenset()  # rounds, tracks, flags, signatures, capital...: no pledge moves them


@lru_cache(maxsize=4096)  # asked at every pledge; a table has a few hundred combinations
def pledge_keys(delegate: str, kind: str, priority: str) -> tuple[Key, ...]:
    """Returns every key a pledge of `kind` by `delegate` to `priority` hits."""
    return (*(("contributed", d, k, p) for d in (delegate, ANY) for k in (kind, ANY) for p in (priority, ANY)),
            ("priority", priority), ("capacity", delegate, kind))
