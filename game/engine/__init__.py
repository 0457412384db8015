"""The rules engine: a deterministic, event-sourced negotiation game behind one facade.

It imports no pygame, does no IO and never reads the clock; all chance comes from
the game's own seeded RNG.
"""

from game.engine.game import Applied, Game, ReplayError, scenario_hash
from game.engine.legality import Rejection
from game.engine.log import LogEntry
from game.engine.rng import Rng, derive_seed
from game.engine.views import SeatView

__all__ = ["Applied", "Game", "LogEntry", "Rejection", "ReplayError", "Rng", "SeatView", "derive_seed",
           "scenario_hash"]
