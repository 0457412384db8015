"""What every benchmark shares: the machine's load, interleaved rounds, percentiles, games played.

A number measured while other work shares the cores means little alone, so every script
prints the load average, and compares contenders in interleaved rounds (ours, peer, ours...)
rather than one after the other. Run as `python benchmarks/bench_*.py`; this file sits beside them.
"""

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # an uninstalled checkout works too

from game.engine import Game, Rng  # noqa: E402
from game.sim.playthrough import MAX_DECISIONS, play  # noqa: E402


def load_average() -> list[float]:
    """Returns the 1, 5 and 15 minute load averages (runnable processes; this machine's cores: cpu_count)."""
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict:
    return {"cores": os.cpu_count(), "load_average": load_average()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def interleave(contenders: dict[str, Callable[[int], tuple[int, int]]], rounds: int,
               games: int) -> dict[str, dict]:
    """Runs every contender `games` games per round, in turn, for `rounds` rounds.

    A contender is `play(seed) -> (decisions, games ended naturally)`. Returns, per contender,
    µs per decision of each round, the median, and ms per game. Garbage is collected before
    each contender's turn, so what the others left is not collected on its clock.
    """
    per_round: dict[str, list[float]] = {name: [] for name in contenders}
    totals = {name: [0, 0, 0.0, 0] for name in contenders}  # decisions, games, seconds, natural ends
    for r in range(rounds):
        for name, play_one in contenders.items():
            decisions = natural = 0
            gc.collect()  # the garbage other contenders left is not collected on this one's clock
            start = time.perf_counter()
            for g in range(games):
                d, n = play_one(r * games + g)
                decisions += d
                natural += n
            seconds = time.perf_counter() - start
            per_round[name].append(seconds / decisions * 1e6)
            total = totals[name]
            total[0] += decisions
            total[1] += games
            total[2] += seconds
            total[3] += natural
    return {name: {"us_per_decision": round(statistics.median(values), 2),
                   "us_per_decision_rounds": [round(v, 2) for v in values],
                   "ms_per_game": round(totals[name][2] / totals[name][1] * 1000, 2),
                   "decisions_per_game": round(totals[name][0] / totals[name][1], 1),
                   "games": totals[name][1], "ended_naturally": totals[name][3]}
            for name, values in per_round.items()}


def random_game(scenario, content_hash: str) -> Callable[[int], tuple[int, int]]:
    """Returns play(seed): a game where every seat takes a uniformly random legal action, to its end."""

    def play_one(seed: int) -> tuple[int, int]:
        game = Game.new(scenario, seed, content_hash=content_hash)
        rng = Rng(seed ^ 0xBEEF)
        while not game.over:
            if game.decisions > MAX_DECISIONS:
                raise RuntimeError(f"seed {seed}: no end within {MAX_DECISIONS} decisions")
            game.apply(rng.choice(game.legal_actions(game.turn_seat)))
        return game.decisions, 1

    return play_one


def bot_game(scenario, content_hash: str) -> Callable[[int], tuple[int, int]]:
    """Returns play(seed): a game with the scenario's default bots in every seat, to its end."""

    def play_one(seed: int) -> tuple[int, int]:
        game = play(scenario, seed, content_hash=content_hash)
        return game.decisions, int(game.over)

    return play_one
