"""The personalities by name."""

from game.bots.base import Bot
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
