"""Conditions explained in full sentences, for briefs and the printed pack (the log and offers
use the short form, `words.describe_condition`)."""

from typing import Any

from game.engine.words import Names, possessive

# -- conditions explained in full, for briefs and the printed pack -------------------------
# (describe_condition above is the short form that logs and offers use.)

def _x_statuses(statuses: list[str]) -> str:
    return "at least partial" if set(statuses) == {"secured", "partial"} else " or ".join(statuses)


def _x_bounds(low: float | None, high: float | None, what: str = "") -> str:
    if low is not None and high is not None:
        return f"between {low:g} and {high:g}{what}"
    if low is not None:
        return f"at least {low:g}{what}"
    return f"at most {high:g}{what}" if high is not None else "any value"


def _x_round(c, n: Names) -> str:
    if c.min is not None and c.max is not None:
        return f"it is round {c.min}" if c.min == c.max else f"it is round {c.min} to {c.max}"
    if c.min is not None:
        return f"it is round {c.min} or later"
    return f"it is round {c.max} or earlier" if c.max is not None else "any round"


def _x_track(c, n: Names) -> str:
    return f"{n(c.track)} is {_x_bounds(c.min, c.max)}"


def _x_flag(c, n: Names) -> str:
    return f"“{n(c.flag)}” is {'true' if c.value else 'not true'}"


def _x_priority(c, n: Names) -> str:
    parts = []
    if c.status:
        parts.append(f"{n(c.priority)} ends {_x_statuses(c.status)}")
    if c.min_progress is not None:
        parts.append(f"{n(c.priority)} reaches a progress of at least {c.min_progress:g}")
    return " and ".join(parts) or f"{n(c.priority)} is on the agenda"


def _x_contributed(c, n: Names) -> str:
    who = n(c.delegate) if c.delegate else "the delegations together"
    what = n.kind(c.kind) if c.kind else "any kind"
    toward = f" for {n(c.priority)}" if c.priority else ""
    return f"{who} {'has' if c.delegate else 'have'} at least {n.quantity(c.min, c.kind)} of {what} in force{toward}"


def _x_signed(c, n: Names) -> str:
    manner = "" if c.reservations_ok else " without reservations"
    return f"{n(c.delegate)} signs {n(c.priority)}{manner}"


def _x_capacity(c, n: Names) -> str:
    return f"{n(c.delegate)} keeps {_x_bounds(c.min, c.max)} {n.units.get(c.kind, 'units')} of {n.kind(c.kind)} uncommitted"


def _x_capital(c, n: Names) -> str:
    return f"{possessive(n(c.delegate))} political capital is {_x_bounds(c.min, c.max)}"


def _x_approved(c, n: Names) -> str:
    body = n.bodies.get((c.delegate, c.kind), f"its {n.vocabulary.approval_body}")
    return f"{n(c.delegate)} wins a mandate from {body} for {n.kind(c.kind)}"


def _x_authority(c, n: Names) -> str:
    return f"{possessive(n(c.delegate))} representative {'can' if c.value else 'cannot'} give {n.vocabulary.binding}"


def _x_event_fired(c, n: Names) -> str:
    return f"the event “{n(c.event)}” has come up"


def _x_all(c, n: Names) -> str:
    return explain_conditions(c.of, n)


def _x_any(c, n: Names) -> str:
    options = [explain_condition(x, n) for x in c.of]
    return options[0] if len(options) == 1 else "either " + ", or ".join(options)


def _x_not(c, n: Names) -> str:
    inner = c.of
    if inner.test == "contributed" and inner.min == 1:
        who = n(inner.delegate) if inner.delegate else "no delegation"
        toward = f" for {n(inner.priority)}" if inner.priority else ""
        what = n.kind(inner.kind) if inner.kind else "anything"
        return f"{who} commits no {what}{toward}" if inner.delegate else f"no delegation commits {what}{toward}"
    if inner.test == "signed":
        return f"{n(inner.delegate)} does not sign {n(inner.priority)}"
    if inner.test == "priority" and inner.status and inner.min_progress is None:
        return f"{n(inner.priority)} does not end {_x_statuses(inner.status)}"
    return f"it is not the case that {explain_condition(inner, n)}"


_EXPLAIN = {
    "round": _x_round, "track": _x_track, "flag": _x_flag, "priority": _x_priority, "contributed": _x_contributed,
    "signed": _x_signed, "capacity": _x_capacity, "capital": _x_capital, "approved": _x_approved,
    "binding_authority": _x_authority, "event_fired": _x_event_fired, "all": _x_all, "any": _x_any, "not": _x_not,
}


def explain_condition(condition: Any, names: Names) -> str:
    """Returns one condition in plain words for a brief or a pack ("France has 1 contingent or more of ground troops in force")."""
    return _EXPLAIN[condition.test](condition, names)


def _x_same_status_run(conditions: list) -> list:
    """Groups consecutive priority tests asking the same status, to say them once."""
    groups: list = []
    for c in conditions:
        plain = c.test == "priority" and c.status and c.min_progress is None
        if plain and groups and isinstance(groups[-1], list) and groups[-1][0].status == c.status:
            groups[-1].append(c)
        else:
            groups.append([c] if plain else c)
    return groups


def _x_each_ends(run: list, names: Names) -> str:
    if len(run) == 1:
        return explain_condition(run[0], names)
    listed = ", ".join(names(c.priority) for c in run[:-1]) + " and " + names(run[-1].priority)
    return f"{listed} each end {_x_statuses(run[0].status)}"


def explain_conditions(conditions: list, names: Names) -> str:
    """Returns a list of conditions (all must hold) in plain words, joined by "and"."""
    parts = [_x_each_ends(g, names) if isinstance(g, list) else explain_condition(g, names)
             for g in _x_same_status_run(list(conditions))]
    if not parts:
        return "always"
    return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]
