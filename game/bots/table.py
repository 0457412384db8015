"""The bots seated at one game: who plays each seat, and one bot step at a time.

Each seat's bot gets its own RNG stream derived from the game seed, so the same
seed and the same controllers always give the same game, and the engine's RNG
(events, votes) is never touched by a bot. Used by headless runs and the table UI.
"""

from collections.abc import Mapping
from typing import Any

from game.bots.base import Bot
from game.bots.registry import BOTS, make_bot
from game.engine import Game, Rng, derive_seed


class IllegalBotAction(RuntimeError):
    """A bot chose an action the engine refused: a bug in the bot."""


class BotTable:
    def __init__(self, game: Game, defaults: Mapping[str, str]):
        """`defaults` maps each seat to the personality that plays it when no human does."""
        self.game = game
        self.defaults = dict(defaults)
        self.bots: dict[tuple[str, str], Bot] = {}
        self.rngs = {seat: Rng(derive_seed(game.seed, f"bot:{seat}")) for seat in game.seats}

    def personality(self, seat: str) -> str:
        """Returns the bot personality for the seat: its controller if a bot, else its default."""
        controller = self.game.controller(seat)
        return controller if controller in BOTS else self.defaults[seat]

    def is_bot(self, seat: str) -> bool:
        return self.game.controller(seat) in BOTS

    def choose(self, seat: str) -> Any:
        """Returns the action the seat's bot chooses now, without applying it."""
        personality = self.personality(seat)
        bot = self.bots.get((seat, personality))
        if bot is None:
            bot = self.bots[(seat, personality)] = make_bot(personality)
        game = self.game
        return bot.decide(game.view(seat), game.legal_actions(seat), self.rngs[seat], game.check)

    def step(self, seat: str) -> Any:
        """Lets the seat's bot take one action; returns the engine's result."""
        action = self.choose(seat)
        result = self.game.apply(action)
        if not result.ok:
            raise IllegalBotAction(f"{self.personality(seat)} bot for {seat} chose {action}: {result.message}")
        return result
