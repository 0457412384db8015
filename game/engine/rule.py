"""What an action kind is to the engine: a `Rule` (check, apply, enumerate, ends_turn), and
the `Rejection` a check returns.

Each concept module (offers, commitments, signatures, approvals, facilitation, flow)
declares its kinds' rules in a `RULES` table; `rules.py` joins them into the one registry.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Rejection:
    """A refused action: the rule that refused it and a message for the player."""

    rule: str
    message: str

    @property
    def ok(self) -> bool:
        return False

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Rule:
    """How the engine handles one action kind."""

    check: Callable[[Any, Any], Rejection | None]
    """(state, action) -> why it is refused now, or None; the shared cases are checked before."""
    apply: Callable[[Any, Any], None]
    """(state, action): changes the state and logs it; called only after check passed."""
    enumerate: Callable[[Any, str], Iterable[Any]] | None = None
    """(state, seat) -> the seat's legal actions of this kind (and of the kinds in `also_lists`)."""
    also_lists: tuple[str, ...] = ()
    """Other kinds its enumerator lists too (accept's lists the rejections)."""
    ends_turn: bool = False
    facilitator: bool = False
    """Only the facilitator may take it; it does not use up a delegation's actions."""
