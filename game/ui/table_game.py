"""What the table needs from a game: one interface that a local `Game` satisfies as it is and a
hosted game (`game.net.remote_game.RemoteGame`) satisfies over the network.

A local game answers `apply`, `check` and `undo` at once; a hosted one answers with a `Pending`
reply that the session picks up on a later frame, so the frame loop never waits on the network.
Both are structural types: nothing here is subclassed, and the UI never imports `game.net`.
"""

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from game.engine import Applied, Catalog, LogEntry, Names, Rejection, SeatView
from game.model.record import GameRecord
from game.model.scenario import Scenario


@runtime_checkable
class Pending(Protocol):
    """An answer still on its way: `done` turns True on a later frame, then `answer` holds what a
    local game would have returned (Applied or Rejection; for check a Rejection or None; for undo
    the action taken back, None, or a Rejection)."""

    done: bool
    answer: Any


@runtime_checkable
class TableGame(Protocol):
    """The game as the table sees it: the facade calls the screens, the controller and the
    facilitator panel make (and nothing else)."""

    seed: int | None

    @property
    def scenario(self) -> Scenario: ...

    @property
    def catalog(self) -> Catalog: ...

    @property
    def names(self) -> Names: ...

    @property
    def seats(self) -> tuple[str, ...]: ...

    @property
    def over(self) -> bool: ...

    @property
    def turn_seat(self) -> str | None: ...

    @property
    def log(self) -> Sequence[LogEntry]: ...

    def view(self, seat: str) -> SeatView: ...

    def legal_actions(self, seat: str) -> list[Any]: ...

    def controller(self, seat: str) -> str: ...

    def check(self, action: Any) -> Rejection | None | Pending: ...

    def apply(self, action: Any) -> Applied | Rejection | Pending: ...

    def undo(self) -> Any | None | Pending: ...

    def result(self) -> dict[str, Any]: ...

    def record(self) -> GameRecord: ...


@runtime_checkable
class HostedGame(TableGame, Protocol):
    """A game that lives elsewhere: it changes between frames, so the session polls it."""

    role: str
    """"seat", "facilitator" or "spectator": what this connection may see and do."""
    seat: str
    """The connection's seat id ("facilitator" or "public" for those roles)."""
    status: str
    """"connected", "reconnecting", "refused: …" or "closed"."""
    presence: dict[str, int]
    """Facilitator only: open connections per seat ("facilitator", and "public" for spectators)."""
    codes: dict[str, Any] | None
    """Facilitator only: every join code and page (the `--codes FILE` form)."""
    seconds_left: float | None
    """The host's time left in a timed phase, as last announced; the session takes it (and sets it to None)."""

    def poll(self) -> bool:
        """Takes in what arrived; returns True when the game (its view) changed."""
        ...

    def notes(self) -> list[str]:
        """Returns, once, what the host said that the table should show (joins, leaves, errors)."""
        ...

    def close(self) -> None: ...


def is_hosted(game: Any) -> bool:
    """True for a game that lives on a host (it must be polled; its answers come later)."""
    return isinstance(game, HostedGame)
