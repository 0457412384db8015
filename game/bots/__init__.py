"""Bots: policies that choose an action from one seat's view, the legal actions and an RNG."""

from game.bots.base import Bot, Check
from game.bots.registry import BOTS, make_bot
from game.bots.table import BotTable, IllegalBotAction

__all__ = ["BOTS", "Bot", "BotTable", "Check", "IllegalBotAction", "make_bot"]
