"""Conditions, effects and quantities of a scenario in plain words, for the printed pack.

Written from the scenario model alone (no game is running when a pack is printed).
A shared wording module for the table, the report and the pack is planned; until then
this one covers every condition `test` and effect `op` in a `kind → function` table.
"""

from typing import Any

from game.model.scenario import Scenario

_NUMBER_WORDS = ("hundred", "thousand", "million", "billion")


class Names:
    """Display names, units and vote bodies for the ids of one scenario."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.seats = {d.id: d.name for d in scenario.delegates}
        self.priorities = {p.id: p.name for p in scenario.priorities}
        self.kinds = {k.id: k.name for k in scenario.commitment_kinds}
        self.units = {k.id: k.unit for k in scenario.commitment_kinds}
        self.tracks = {t.id: t.name for t in scenario.tracks}
        self.flags = {f.id: f.name for f in scenario.flags}
        self.events = {e.id: e.title for e in scenario.events}
        self.bodies = {(d.id, k): a.body for d in scenario.delegates for k, a in d.approvals.items()}

    def __call__(self, some_id: str) -> str:
        for table in (self.seats, self.priorities, self.kinds, self.tracks, self.flags, self.events):
            if some_id in table:
                return table[some_id]
        return some_id.replace("_", " ")

    def quantity(self, amount: float, kind: str | None) -> str:
        """Returns "2 contingents", "1 contingent", "1 thousand troops"."""
        unit = self.units.get(kind, "units") if kind else "units"
        if amount == 1 and unit.endswith("s") and not unit.endswith("ss") and unit.split()[0] not in _NUMBER_WORDS:
            unit = unit[:-1]
        return f"{amount:g} {unit}"


def possessive(name: str) -> str:
    """Returns "France's", "the Netherlands'", "Estonia's" (a parenthesis is dropped)."""
    base = name.split(" (")[0]
    return base + ("'" if base.endswith("s") else "'s")


def _statuses(statuses: list[str]) -> str:
    return "at least partial" if set(statuses) == {"secured", "partial"} else " or ".join(statuses)


def _bounds(low: float | None, high: float | None, what: str = "") -> str:
    if low is not None and high is not None:
        return f"between {low:g} and {high:g}{what}"
    if low is not None:
        return f"at least {low:g}{what}"
    return f"at most {high:g}{what}" if high is not None else "any value"


def _round(c, n: Names) -> str:
    if c.min is not None and c.max is not None:
        return f"it is round {c.min}" if c.min == c.max else f"it is round {c.min} to {c.max}"
    if c.min is not None:
        return f"it is round {c.min} or later"
    return f"it is round {c.max} or earlier" if c.max is not None else "any round"


def _track(c, n: Names) -> str:
    return f"{n(c.track)} is {_bounds(c.min, c.max)}"


def _flag(c, n: Names) -> str:
    return f"“{n(c.flag)}” is {'true' if c.value else 'not true'}"


def _priority(c, n: Names) -> str:
    parts = []
    if c.status:
        parts.append(f"{n(c.priority)} ends {_statuses(c.status)}")
    if c.min_progress is not None:
        parts.append(f"{n(c.priority)} reaches a progress of at least {c.min_progress:g}")
    return " and ".join(parts) or f"{n(c.priority)} is on the agenda"


def _contributed(c, n: Names) -> str:
    who = n(c.delegate) if c.delegate else "the delegations together"
    what = n(c.kind).lower() if c.kind else "any kind"
    toward = f" for {n(c.priority)}" if c.priority else ""
    return f"{who} {'has' if c.delegate else 'have'} at least {n.quantity(c.min, c.kind)} of {what} in force{toward}"


def _signed(c, n: Names) -> str:
    manner = "" if c.reservations_ok else " without reservations"
    return f"{n(c.delegate)} signs {n(c.priority)}{manner}"


def _capacity(c, n: Names) -> str:
    return f"{n(c.delegate)} keeps {_bounds(c.min, c.max)} {n.units.get(c.kind, 'units')} of {n(c.kind).lower()} uncommitted"


def _capital(c, n: Names) -> str:
    return f"{possessive(n(c.delegate))} political capital is {_bounds(c.min, c.max)}"


def _approved(c, n: Names) -> str:
    body = n.bodies.get((c.delegate, c.kind), "its parliament")
    return f"{n(c.delegate)} wins a mandate from {body} for {n(c.kind).lower()}"


def _authority(c, n: Names) -> str:
    return f"{possessive(n(c.delegate))} representative {'can' if c.value else 'cannot'} give binding commitments"


def _event_fired(c, n: Names) -> str:
    return f"the event “{n(c.event)}” has come up"


def _all(c, n: Names) -> str:
    return describe_conditions(c.of, n)


def _any(c, n: Names) -> str:
    options = [describe_condition(x, n) for x in c.of]
    return options[0] if len(options) == 1 else "either " + ", or ".join(options)


def _not(c, n: Names) -> str:
    inner = c.of
    if inner.test == "contributed" and inner.min == 1:
        who = n(inner.delegate) if inner.delegate else "no delegation"
        toward = f" for {n(inner.priority)}" if inner.priority else ""
        what = n(inner.kind).lower() if inner.kind else "anything"
        return f"{who} commits no {what}{toward}" if inner.delegate else f"no delegation commits {what}{toward}"
    if inner.test == "signed":
        return f"{n(inner.delegate)} does not sign {n(inner.priority)}"
    if inner.test == "priority" and inner.status and inner.min_progress is None:
        return f"{n(inner.priority)} does not end {_statuses(inner.status)}"
    return f"it is not the case that {describe_condition(inner, n)}"


_CONDITIONS = {
    "round": _round, "track": _track, "flag": _flag, "priority": _priority, "contributed": _contributed,
    "signed": _signed, "capacity": _capacity, "capital": _capital, "approved": _approved,
    "binding_authority": _authority, "event_fired": _event_fired, "all": _all, "any": _any, "not": _not,
}


def describe_condition(condition: Any, names: Names) -> str:
    """Returns one condition in plain words ("France has 1 contingent or more of ground troops in force")."""
    return _CONDITIONS[condition.test](condition, names)


def _same_status_run(conditions: list) -> list:
    """Groups consecutive priority tests asking the same status, to say them once."""
    groups: list = []
    for c in conditions:
        plain = c.test == "priority" and c.status and c.min_progress is None
        if plain and groups and isinstance(groups[-1], list) and groups[-1][0].status == c.status:
            groups[-1].append(c)
        else:
            groups.append([c] if plain else c)
    return groups


def _each_ends(run: list, names: Names) -> str:
    if len(run) == 1:
        return describe_condition(run[0], names)
    listed = ", ".join(names(c.priority) for c in run[:-1]) + " and " + names(run[-1].priority)
    return f"{listed} each end {_statuses(run[0].status)}"


def describe_conditions(conditions: list, names: Names) -> str:
    """Returns a list of conditions (all must hold) in plain words, joined by "and"."""
    parts = [_each_ends(g, names) if isinstance(g, list) else describe_condition(g, names)
             for g in _same_status_run(list(conditions))]
    if not parts:
        return "always"
    return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]


def _for(e) -> str:
    rounds = getattr(e, "rounds", None)
    return "" if not rounds else (" for 1 round" if rounds == 1 else f" for {rounds} rounds")


def signed(number: float) -> str:
    """Returns a number with its sign, a true minus for negatives ("+3", "−10", "+0.5")."""
    return f"{round(number, 4):+g}".replace("-", "−")


def _signed_number(by: float, percent: bool = False) -> str:
    return f"{signed(by * 100)} points" if percent else signed(by)


_EFFECTS = {
    "adjust_track": lambda e, n: f"{n(e.track)} {'rises' if e.by > 0 else 'falls'} by {abs(e.by):g}",
    "set_flag": lambda e, n: f"“{n(e.flag)}” becomes {'true' if e.value else 'false'}",
    "adjust_capacity": lambda e, n: (f"{n(e.delegate)} {'gains' if e.by > 0 else 'loses'} "
                                     f"{n.quantity(abs(e.by), e.kind)} of {n(e.kind).lower()}{_for(e)}"),
    "adjust_capital": lambda e, n: f"{possessive(n(e.delegate))} political capital {_signed_number(e.by)}",
    "block_kind": lambda e, n: (f"{n(e.delegate)} cannot commit {n(e.kind).lower()}{_for(e)}"
                                + (f" ({e.reason})" if e.reason else "")),
    "unblock_kind": lambda e, n: f"{n(e.delegate)} may commit {n(e.kind).lower()} again",
    "replace_representative": lambda e, n: (
        f"{n(e.delegate)} is represented by {e.name} ({e.title})"
        + (", who cannot give binding commitments" if e.binding_authority is False else "") + _for(e)),
    "adjust_approval": lambda e, n: (f"{possessive(n(e.delegate))} odds of a vote on {n(e.kind).lower()} "
                                     f"{_signed_number(e.by, percent=True)}{_for(e)}"),
    "adjust_contribution": lambda e, n: (f"each unit of {n(e.kind).lower()} counts {signed(e.by)} toward "
                                         f"{n(e.priority)}{_for(e)}"),
    "adjust_actions": lambda e, n: (f"{n(e.delegate)} has {abs(e.by)} {'action' if abs(e.by) == 1 else 'actions'} "
                                    f"{'more' if e.by > 0 else 'fewer'} per turn{_for(e)}"),
    "cancel_offers": lambda e, n: f"{possessive(n(e.delegate))} open offers are cancelled",
    "revoke_approval": lambda e, n: f"{n(e.delegate)} loses its mandate for {n(e.kind).lower()}",
    "message": lambda e, n: (f"a message to {', '.join(n(s) for s in e.to)}: “{e.text}”" if e.to
                             else f"a message to all: “{e.text}”"),
}


def describe_effect(effect: Any, names: Names) -> str:
    """Returns what one event effect does, in plain words."""
    return _EFFECTS[effect.op](effect, names)


def percent(chance: float) -> str:
    """Returns a probability as a whole percentage ("75%")."""
    return f"{chance * 100:.0f}%"
