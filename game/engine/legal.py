"""A seat's legal actions, listed kind by kind only when read.

Most readers want one kind ("the pledges", "is this accept legal?"), so listing every
kind eagerly after every action cost bot games a seventh of their time. `LegalActions`
is a read-only sequence in the registry's order (what `legal_actions` always returned)
that enumerates a kind's group the first time it is asked for. It reads the state it was
made from, so it must be read before the next action: a late read raises instead of
answering for a game that has moved on.
"""

from collections.abc import Callable, Iterable
from typing import Any

from game.engine.gathered import Gathered

Enumerator = Callable[[Any, str], Iterable[Any]]


class StaleLegalActions(RuntimeError):
    """Legal actions read after the game took another action: ask the game again."""


class LegalActions(Gathered):
    __slots__ = ("_state", "_seat", "_stamp", "_enumerators", "_groups", "_all")

    def __init__(self, state: Any, seat: str, enumerators: tuple[Enumerator, ...] | None):
        """`enumerators` None: nothing is legal (the game is over or paused, or not the seat's turn)."""
        self._state, self._seat = state, seat
        self._stamp = state.decisions
        self._groups: list[tuple | None] = [None] * len(enumerators) if enumerators else []
        self._all: tuple | None = None if enumerators else ()
        self._enumerators = enumerators

    def _fresh(self) -> None:
        """Refuses a read after the game's next action, even of a kind listed before it."""
        if self._state.decisions != self._stamp:
            raise StaleLegalActions(f"legal actions of {self._seat} read after the game moved on; ask again")

    def _group(self, index: int) -> tuple:
        self._fresh()
        found = self._groups[index]
        if found is None:
            found = self._groups[index] = tuple(self._enumerators[index](self._state, self._seat))
        return found

    def of(self, kind: str) -> tuple:
        """Returns the legal actions of one kind ("pledge", "sign", "accept"...), in listed order."""
        index = GROUP_OF.get(kind)
        if index is None or self._all == ():
            return ()
        return tuple(a for a in self._group(index) if a.kind == kind)

    def _gather(self) -> tuple:
        found = self._all
        if found == ():  # nothing is legal: nothing to go stale
            return ()
        self._fresh()
        if found is None:
            state, seat, groups, enumerators = self._state, self._seat, self._groups, self._enumerators
            listed: list = []
            for index, group in enumerate(groups):
                if group is None:  # _group, inlined: every kind is listed here
                    group = groups[index] = tuple(enumerators[index](state, seat))
                listed += group
            found = self._all = tuple(listed)
        return found

    def __contains__(self, action: object) -> bool:
        index = GROUP_OF.get(getattr(action, "kind", None))
        if index is None or self._all == ():
            return False
        return action in self._group(index)

    def __bool__(self) -> bool:
        return self._all != () and any(self._group(i) for i in range(len(self._groups)))


GROUP_OF: dict[str, int] = {}
"""action kind -> the index of the enumerator that lists it (filled by rules.py)."""
