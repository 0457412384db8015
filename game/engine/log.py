"""Log entries: what happened, stamped with sequence, round, phase and actor.

Entry kinds are past tense (`Pledged`, `EventDrawn`); "event" alone always means an
event card. `visible_to` None means public; otherwise only those seats (and the
facilitator) may see the entry.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class LogEntry:
    seq: int
    round: int
    phase: str
    actor: str
    kind: str
    text: str
    auto: bool = False
    visible_to: tuple[str, ...] | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def visible(self, seat: str) -> bool:
        return self.visible_to is None or seat == "facilitator" or seat in self.visible_to

    def to_dict(self) -> dict[str, Any]:
        out = {"seq": self.seq, "round": self.round, "phase": self.phase, "actor": self.actor,
               "kind": self.kind, "text": self.text, "auto": self.auto}
        if self.visible_to is not None:
            out["visible_to"] = list(self.visible_to)
        if self.data:
            out["data"] = self.data
        return out


def record(state, actor: str, kind: str, text: str, *, auto: bool = False,
           visible_to: tuple[str, ...] | None = None, **data: Any) -> LogEntry:
    """Appends an entry to the state's log and returns it; inside a private event card's
    effects (`state.log_scope`), an entry is at most as public as the card."""
    scope = state.log_scope
    if scope is not None:
        visible_to = scope if visible_to is None else tuple(s for s in visible_to if s in scope)
    entry = LogEntry(len(state.log) + 1, state.round, state.phase, actor, kind, text, auto,
                     visible_to, data)
    state.log.append(entry)
    return entry


def possessive(name: str) -> str:
    """Returns "France's" or "United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


_NUMBER_WORDS = {"hundred", "thousand", "million", "billion"}


def quantity(amount: int, unit: str) -> str:
    """Returns "1 contingent" / "2 contingents" from a plural unit ("1 billion euros" stays)."""
    first, _, rest = unit.partition(" ")
    if amount == 1 and first not in _NUMBER_WORDS:
        words = unit.split(" ")
        last = words[-1]
        if last.endswith("ies"):
            words[-1] = last[:-3] + "y"
        elif last.endswith("s") and not last.endswith("ss"):
            words[-1] = last[:-1]
        unit = " ".join(words)
    return f"{amount} {unit}"
