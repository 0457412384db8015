"""Bots: policies that choose an action from one seat's view, the legal actions and an RNG."""

from game.bots.base import Bot, Check
from game.bots.negotiator import NegotiatorBot
from game.bots.personalities import CautiousBot, CooperativeBot, RandomBot

BOTS = {
    "random": RandomBot,
    "cautious": CautiousBot,
    "cooperative": CooperativeBot,
    "negotiator": NegotiatorBot,
}


def make_bot(personality: str) -> Bot:
    """Returns a fresh bot of the personality (bots may remember things within one game)."""
    return BOTS[personality]()


__all__ = ["BOTS", "Bot", "Check", "make_bot"]
