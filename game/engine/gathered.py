"""A read-only sequence gathered on first read, for what most readers never read whole
(a seat's log, its legal actions): a subclass says how to gather it."""

from collections.abc import Sequence


class Gathered(Sequence):
    __slots__ = ()

    def _gather(self) -> tuple:
        """Returns the whole sequence, gathered once and kept."""
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._gather())

    def __getitem__(self, index):
        return self._gather()[index]

    def __iter__(self):
        return iter(self._gather())

    def __reversed__(self):
        return reversed(self._gather())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Gathered):
            other = other._gather()
        return isinstance(other, tuple | list) and self._gather() == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._gather()!r})"
