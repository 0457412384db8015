"""Engine speed: seeded games of a scenario with a random-legal-action policy.

Prints microseconds per applied action (decision) and games per second; `--json`
prints one object. The policy's own cost (enumerating legal actions and choosing)
is included, as a bot would pay it.
"""

import argparse
import json
import time

from game.content.scenarios import load_scenario
from game.engine import Game
from game.engine.rng import Rng


def play_random(scenario, content_hash: str, seed: int) -> int:
    game = Game.new(scenario, seed, content_hash=content_hash)
    rng = Rng(seed ^ 0xBEEF)
    while not game.over:
        seat = game.turn_seat
        game.apply(rng.choice(game.legal_actions(seat)))
    return game.decisions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    loaded = load_scenario(args.scenario)
    play_random(loaded.scenario, loaded.content_hash, -1)  # warm caches
    decisions = 0
    start = time.perf_counter()
    for seed in range(args.games):
        decisions += play_random(loaded.scenario, loaded.content_hash, seed)
    seconds = time.perf_counter() - start
    result = {
        "scenario": loaded.scenario.meta.id,
        "games": args.games,
        "decisions": decisions,
        "seconds": round(seconds, 3),
        "us_per_decision": round(seconds / decisions * 1e6, 2),
        "games_per_s": round(args.games / seconds, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['scenario']}: {args.games} games, {decisions} decisions in {seconds:.2f} s")
        print(f"  {result['us_per_decision']} µs per decision, {result['games_per_s']} games/s")


if __name__ == "__main__":
    main()
