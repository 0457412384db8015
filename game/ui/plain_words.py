"""Event effects, offers and statuses in plain words, for cards, the inbox and the log.

Only public data is described: a private message addressed to other seats is left out,
so an event card never carries another delegation's news.
"""

from typing import Any

from game.model.scenario import Scenario


class Names:
    """Display names for the ids of one scenario."""

    def __init__(self, scenario: Scenario):
        self.seats = {d.id: d.name for d in scenario.delegates}
        self.priorities = {p.id: p.name for p in scenario.priorities}
        self.short = {p.id: p.short or p.name for p in scenario.priorities}
        self.kinds = {k.id: k.name for k in scenario.commitment_kinds}
        self.units = {k.id: k.unit for k in scenario.commitment_kinds}
        self.tracks = {t.id: t.name for t in scenario.tracks}
        self.flags = {f.id: f.name for f in scenario.flags}
        self.kind_short = _short_kinds([k.id for k in scenario.commitment_kinds])

    def __call__(self, x: str) -> str:
        for table in (self.seats, self.priorities, self.kinds, self.tracks, self.flags):
            if x in table:
                return table[x]
        return x.replace("_", " ")

    def quantity(self, amount: float, kind: str) -> str:
        unit = self.units.get(kind, "units")
        if amount == 1 and unit.endswith("s") and unit.split(" ")[0] not in ("thousand", "billion", "million"):
            unit = unit[:-1]
        return f"{amount:g} {unit}"


def _short_kinds(ids: list[str]) -> dict[str, str]:
    """Returns "Monitoring" for monitoring_assets, unless two kinds would share a first word."""
    first = [i.split("_")[0] for i in ids]
    return {i: (f if first.count(f) == 1 else i.replace("_", " ")).capitalize() for i, f in zip(ids, first, strict=True)}


def _rounds(effect: Any) -> str:
    rounds = getattr(effect, "rounds", None)
    if not rounds:
        return ""
    return " for 1 round" if rounds == 1 else f" for {rounds} rounds"


def _more_or_fewer(by: float, word: str) -> str:
    if abs(by) == 1 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return f"{abs(by):g} more {word}" if by > 0 else f"{abs(by):g} fewer {word}"


def _track(e, n: Names) -> str:
    verb = "rises" if e.by > 0 else "falls"
    return f"{n(e.track)} {verb} by {abs(e.by):g}"


def _flag(e, n: Names) -> str:
    return f"Now true: {n(e.flag)}" if e.value else f"No longer true: {n(e.flag)}"


def _capacity(e, n: Names) -> str:
    return f"{n(e.delegate)} has {_more_or_fewer(e.by, n.units.get(e.kind, 'units'))} of {n(e.kind).lower()}{_rounds(e)}"


def _capital(e, n: Names) -> str:
    verb = "gains" if e.by > 0 else "loses"
    return f"{n(e.delegate)} {verb} {abs(e.by)} political capital"


def _block(e, n: Names) -> str:
    why = f" ({e.reason})" if e.reason else ""
    return f"{n(e.delegate)} cannot commit {n(e.kind).lower()}{_rounds(e)}{why}"


def _unblock(e, n: Names) -> str:
    return f"{n(e.delegate)} may commit {n(e.kind).lower()} again"


def _representative(e, n: Names) -> str:
    text = f"{e.name} ({e.title}) now speak{'s' if ' and ' not in e.name else ''} for {n(e.delegate)}"
    if e.binding_authority is False:
        text += ", without authority to give binding guarantees"
    return text + _rounds(e)


def _approval(e, n: Names) -> str:
    verb = "rise" if e.by > 0 else "fall"
    return (f"{n(e.delegate)}'s odds of domestic approval for {n(e.kind).lower()} {verb} by "
            f"{abs(e.by) * 100:.0f} points{_rounds(e)}")


def _contribution(e, n: Names) -> str:
    return (f"Each unit of {n(e.kind).lower()} counts {abs(e.by):g} {'more' if e.by > 0 else 'less'} "
            f"toward {n(e.priority)}{_rounds(e)}")


def _actions(e, n: Names) -> str:
    word = "action" if abs(e.by) == 1 else "actions"
    return f"{n(e.delegate)} has {_more_or_fewer(e.by, word)} per turn{_rounds(e)}"


def _cancel(e, n: Names) -> str:
    return f"Every open offer made to or by {n(e.delegate)} is cancelled"


def _revoke(e, n: Names) -> str:
    return f"{n(e.delegate)} loses its domestic mandate for {n(e.kind).lower()}"


def _message(e, n: Names) -> str:
    return f"News: {e.text}"


_DESCRIBE = {
    "adjust_track": _track, "set_flag": _flag, "adjust_capacity": _capacity, "adjust_capital": _capital,
    "block_kind": _block, "unblock_kind": _unblock, "replace_representative": _representative,
    "adjust_approval": _approval, "adjust_contribution": _contribution, "adjust_actions": _actions,
    "cancel_offers": _cancel, "revoke_approval": _revoke, "message": _message,
}


def describe_effects(effects: list, names: Names, viewer: str | None) -> list[str]:
    """Returns one plain sentence per effect the viewer may read (private news to others is left out)."""
    lines = []
    for effect in effects:
        if effect.op == "message" and effect.to and viewer not in effect.to:
            continue
        describe = _DESCRIBE.get(effect.op)
        lines.append(describe(effect, names) if describe else effect.op.replace("_", " "))
    return lines


def describe_item(item: Any, names: Names) -> str:
    """Returns "France gives 1 thousand troops of ground troops to Force (if ...)"."""
    text = (f"{names(item.giver)} gives {names.quantity(item.amount, item.commitment)} "
            f"({names(item.commitment).lower()}) to {names.short.get(item.priority, item.priority)}")
    if item.condition is not None:
        text += f", if {describe_condition(item.condition, names)}"
    return text


def describe_condition(condition: Any, names: Names) -> str:
    """Returns the condition of a conditional offer in words (the UI writes only `contributed`)."""
    if getattr(condition, "test", "") == "contributed":
        who = names(condition.delegate) if condition.delegate else "the coalition"
        what = names(condition.kind).lower() if condition.kind else "anything"
        to = f" to {names.short.get(condition.priority, condition.priority)}" if condition.priority else ""
        return f"{who} commits {what}{to}"
    return getattr(condition, "test", "a condition").replace("_", " ")
