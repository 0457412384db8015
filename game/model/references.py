"""Cross-reference checks over a parsed scenario, reported as (location, message) pairs.

Pydantic checks each field's shape; this checks what names what: an effect naming an
unknown delegate, duplicate ids, a start value out of its range. Locations are
pydantic-style paths so the loader can map them to YAML lines.
"""

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.model.scenario import Scenario

Loc = tuple[str | int, ...]
Problem = tuple[Loc, str]

# A field of a condition or effect with one of these names refers to that namespace.
_REFERENCE_FIELDS = {
    "track": "tracks",
    "flag": "flags",
    "priority": "priorities",
    "delegate": "delegates",
    "kind": "commitment_kinds",
    "event": "events",
    "to": "delegates",
}
_NAMESPACES = ("priorities", "commitment_kinds", "tracks", "flags", "delegates", "events")
_SINGULAR = {
    "priorities": "priority",
    "commitment_kinds": "commitment kind",
    "tracks": "track",
    "flags": "flag",
    "delegates": "delegate",
    "events": "event",
}


def check_references(scenario: Scenario) -> list[Problem]:
    """Returns every cross-reference problem in the scenario, in file order."""
    ids = {ns: [item.id for item in getattr(scenario, ns)] for ns in _NAMESPACES}
    known = {ns: set(values) for ns, values in ids.items()}
    problems: list[Problem] = []
    problems += _duplicates(ids)
    problems += _reserved(ids["delegates"])
    problems += _walk_references(scenario, (), known)
    problems += _check_keys(scenario, known)
    problems += _check_ranges(scenario)
    return sorted(problems, key=lambda p: _sort_key(p[0]))


def _sort_key(loc: Loc) -> tuple:
    return tuple((0, x) if isinstance(x, int) else (1, x) for x in loc)


def _unknown(ns: str, value: str, known: dict[str, set[str]]) -> str:
    choices = ", ".join(sorted(known[ns])) or "none defined"
    return f"unknown {_SINGULAR[ns]} '{value}' (expected one of: {choices})"


RESERVED_SEATS = ("facilitator", "public")
"""The viewers that are not delegations (game.model.actions FACILITATOR and PUBLIC): a delegation
with one of these ids would be shown everything, or share the spectators' view."""


def _reserved(delegates: list[str]) -> Iterator[Problem]:
    for index, value in enumerate(delegates):
        if value in RESERVED_SEATS:
            yield ("delegates", index, "id"), (f"'{value}' is reserved for the {value} view, not a delegation: "
                                               "choose another id")


def _duplicates(ids: dict[str, list[str]]) -> Iterator[Problem]:
    for ns, values in ids.items():
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            if value in first:
                yield (ns, index, "id"), (f"duplicate {_SINGULAR[ns]} id '{value}' "
                                          f"(already used by {ns}[{first[value]}])")
            first.setdefault(value, index)


def _walk_references(node: Any, loc: Loc, known: dict[str, set[str]]) -> Iterator[Problem]:
    """Checks every condition and effect (any model with `test` or `op`) anywhere in the tree."""
    if isinstance(node, BaseModel):
        tag = getattr(node, "test", None) or getattr(node, "op", None)
        is_rule_term = isinstance(tag, str)
        if is_rule_term:
            loc += (tag,)  # pydantic's convention: a union member's location includes its tag
        for name in type(node).model_fields:
            value = getattr(node, name)
            if is_rule_term and name in _REFERENCE_FIELDS:
                yield from _check_named(value, _REFERENCE_FIELDS[name], loc + (name,), known)
            else:
                yield from _walk_references(value, loc + (name,), known)
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            yield from _walk_references(item, loc + (index,), known)
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _walk_references(item, loc + (key,), known)


def _check_named(value: Any, ns: str, loc: Loc, known: dict[str, set[str]]) -> Iterator[Problem]:
    if isinstance(value, str) and value not in known[ns]:
        yield loc, _unknown(ns, value, known)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _check_named(item, ns, loc + (index,), known)


def _check_keys(s: Scenario, known: dict[str, set[str]]) -> Iterator[Problem]:
    """Checks ids used as mapping keys or list items outside conditions and effects."""

    def each(values, ns, loc):
        for index, value in enumerate(values):
            if value not in known[ns]:
                yield loc + (index,), _unknown(ns, value, known)

    def keys(mapping, ns, loc):
        for key in mapping:
            if key not in known[ns]:
                yield loc + (key, "[key]"), _unknown(ns, key, known)

    for k, kind in enumerate(s.commitment_kinds):
        yield from keys(kind.contributes, "priorities", ("commitment_kinds", k, "contributes"))
    for p, priority in enumerate(s.priorities):
        yield from each(priority.required_leads, "delegates", ("priorities", p, "required_leads"))
        yield from each(priority.required_signatories, "delegates", ("priorities", p, "required_signatories"))
        yield from each(priority.signers or [], "delegates", ("priorities", p, "signers"))
        yield from each(priority.contributors or [], "delegates", ("priorities", p, "contributors"))
    for d, delegate in enumerate(s.delegates):
        base = ("delegates", d)
        yield from keys(delegate.capacities, "commitment_kinds", base + ("capacities",))
        yield from keys(delegate.approvals, "commitment_kinds", base + ("approvals",))
        yield from each(delegate.red_lines.kinds, "commitment_kinds", base + ("red_lines", "kinds"))
        yield from each(delegate.red_lines.priorities, "priorities", base + ("red_lines", "priorities"))
        seen: set[str] = set()
        for o, objective in enumerate(delegate.objectives):
            if objective.id in seen:
                yield base + ("objectives", o, "id"), f"duplicate objective id '{objective.id}'"
            seen.add(objective.id)
    for e, event in enumerate(s.events):
        yield from each(event.recipients, "delegates", ("events", e, "recipients"))
        if event.visibility == "private" and not event.recipients:
            yield ("events", e, "visibility"), "a private event needs at least one recipient"
    for t, delta in enumerate(s.rules.withdraw_track_effects):
        yield from _check_named(delta.track, "tracks", ("rules", "withdraw_track_effects", t, "track"), known)
    for phase in s.rules.phase_time_limits:
        if phase not in s.rules.phases:
            yield ("rules", "phase_time_limits", phase, "[key]"), f"phase '{phase}' is not among rules.phases"
    if s.reference_outcome:
        yield from keys(s.reference_outcome.priorities, "priorities", ("reference_outcome", "priorities"))
        yield from keys(s.reference_outcome.delegates, "delegates", ("reference_outcome", "delegates"))
        for key, ref in s.reference_outcome.delegates.items():
            base = ("reference_outcome", "delegates", key)
            yield from each(ref.signed, "priorities", base + ("signed",))
            yield from each(ref.refused, "priorities", base + ("refused",))


def _check_ranges(s: Scenario) -> Iterator[Problem]:
    if len(set(s.rules.phases)) != len(s.rules.phases):
        yield ("rules", "phases"), "each phase may appear once in a round"
    low, high = s.rules.approval_chance_bounds
    if not 0 <= low <= high <= 1:
        yield ("rules", "approval_chance_bounds"), f"expected 0 <= low <= high <= 1 (got {low}, {high})"
    for t, track in enumerate(s.tracks):
        if track.min >= track.max:
            yield ("tracks", t, "max"), f"max must be greater than min (got min {track.min}, max {track.max})"
        elif not track.min <= track.start <= track.max:
            yield ("tracks", t, "start"), f"start must lie within [{track.min}, {track.max}] (got {track.start})"
    for p, priority in enumerate(s.priorities):
        if priority.partial_at is not None and not 0 <= priority.partial_at <= priority.target:
            yield ("priorities", p, "partial_at"), f"partial_at must lie within [0, target={priority.target}] (got {priority.partial_at})"
    for k, kind in enumerate(s.commitment_kinds):
        if not kind.contributes:
            yield ("commitment_kinds", k, "contributes"), "a kind must contribute to at least one priority"
    phases = s.rules.phases
    if "negotiation" not in phases:
        yield ("rules", "phases"), "a round needs a 'negotiation' phase"


def unknown_references(node: Any, known: dict[str, set[str]]) -> list[str]:
    """Returns a message for each unknown id named inside a condition or effect."""
    return [message for _, message in _walk_references(node, (), known)]
