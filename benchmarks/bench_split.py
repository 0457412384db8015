"""Where a bot decision's time goes: building the view, listing legal actions, the bot's own
reasoning, applying the action (µs per decision of flagship bot games, CPU time of this process).

With `--before DIR` (another checkout of the repository), each round runs this checkout and
that one in turn, each in a fresh interpreter, so the two are compared under the same load.

    python benchmarks/bench_split.py [--games 12] [--rounds 3] [--before DIR] [--json]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from measure import load_average

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("view", "legal", "decide", "apply")

CHILD = r'''
import json, sys, time
from game.bots import BotTable
from game.bots.registry import make_bot
from game.content.scenarios import load_scenario
from game.engine import Game
from game.sim.playthrough import default_controllers

loaded = load_scenario(sys.argv[1])
clock = time.process_time  # CPU time: other jobs on a shared machine do not inflate it
spent = dict.fromkeys(("view", "legal", "decide", "apply"), 0.0)
decisions = 0
for seed in range(int(sys.argv[2])):
    seats = default_controllers(loaded.scenario)
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
    table = BotTable(game, seats)
    while not game.over:
        seat = game.turn_seat
        personality = table.personality(seat)
        bot = table.bots.get((seat, personality))
        if bot is None:
            bot = table.bots[seat, personality] = make_bot(personality)
        a = clock(); view = game.view(seat); b = clock(); legal = game.legal_actions(seat); c = clock()
        action = bot.decide(view, legal, table.rngs[seat], game.check)
        del view, legal  # as BotTable.choose: no view outlives the decision
        d = clock(); game.apply(action); e = clock()
        spent["view"] += b - a; spent["legal"] += c - b; spent["decide"] += d - c; spent["apply"] += e - d
        decisions += 1
print(json.dumps({**{k: v / decisions * 1e6 for k, v in spent.items()}, "decisions": decisions}))
'''


def run(checkout: Path, scenario: str, games: int) -> dict:
    """Plays the games in a fresh interpreter that imports `checkout`'s game package."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-c", CHILD, scenario, str(games)], cwd=checkout, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=12, help="games per checkout per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, metavar="DIR", help="another checkout, interleaved round by round")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    checkouts = {"now": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    load_before = load_average()
    rounds: dict[str, list[dict]] = {name: [] for name in checkouts}
    for _ in range(args.rounds):
        for name, checkout in checkouts.items():
            rounds[name].append(run(checkout, args.scenario, args.games))
    result = {name: {part: round(statistics.median(r[part] for r in found), 1) for part in PARTS}
              | {"total": round(statistics.median(sum(r[p] for p in PARTS) for r in found), 1),
                 "decisions": found[0]["decisions"]}
              for name, found in rounds.items()}
    result |= {"load_average_before": load_before, "load_average_after": load_average()}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.scenario}: µs of CPU per bot decision, median of {args.rounds} rounds of {args.games} games")
    for name in checkouts:
        r = result[name]
        print(f"  {name:7} total {r['total']:6.1f}  " + "  ".join(f"{p} {r[p]:5.1f}" for p in PARTS)
              + f"  ({r['decisions']} decisions a round)")
    print(f"  load average {result['load_average_before']} before, {result['load_average_after']} after")


if __name__ == "__main__":
    main()
