"""The bot interface: a bot sees one seat's view, the legal actions and an RNG, and returns an action.

Bots never touch the engine's state. `check` is the engine's own legality test, for
open-ended actions (trade offers) that legal_actions cannot enumerate. A bot draws
chance only from the RNG it is handed, so playthroughs stay deterministic.
"""

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from game.engine import Rejection, Rng, SeatView

Check = Callable[[Any], Rejection | None]


class Bot(Protocol):
    personality: str

    def decide(self, view: SeatView, legal: Sequence[Any], rng: Rng, check: Check) -> Any:
        """Returns one of `legal`, or another action that `check` accepts."""
        ...
