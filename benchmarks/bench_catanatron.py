"""Side by side with catanatron (random bots), in one process, interleaved round by round.

Each round plays: our engine with random legal actions, catanatron with four RandomPlayers,
and our engine with the default bots; every game to its end. Prints µs per decision of each
(median of the rounds, and every round) with the load average, and the ratios the scale
issue sets targets on. Needs catanatron: `pip install 'coalition-table[bench]'`.

    python benchmarks/bench_catanatron.py [--games 20] [--rounds 5] [--json]
"""

import argparse
import json
import sys

from measure import bot_game, interleave, machine, random_game

from game.content.scenarios import load_scenario


def catanatron_game():
    """Returns play(seed): a catanatron game of four random players, to a winner or its turn limit."""
    from catanatron import Color, Game, RandomPlayer
    from catanatron.game import TURNS_LIMIT

    colors = (Color.RED, Color.BLUE, Color.ORANGE, Color.WHITE)

    def play_one(seed: int) -> tuple[int, int]:
        game = Game([RandomPlayer(c) for c in colors], seed=seed + 1)  # seed 0 would mean "unseeded"
        while game.winning_color() is None and game.state.num_turns < TURNS_LIMIT:
            game.play_tick()
        return len(game.state.actions), int(game.winning_color() is not None)

    return play_one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=20, help="games per contender per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    try:
        import catanatron
    except ImportError:
        print("catanatron is not installed: pip install 'coalition-table[bench]'", file=sys.stderr)
        sys.exit(1)
    loaded = load_scenario(args.scenario)
    contenders = {"ours_random": random_game(loaded.scenario, loaded.content_hash),
                  "catanatron_random": catanatron_game(),
                  "ours_bots": bot_game(loaded.scenario, loaded.content_hash)}
    for play_one in contenders.values():
        play_one(10_000)  # warm caches and lazy imports
    before = machine()
    results = interleave(contenders, args.rounds, args.games)
    peer = results["catanatron_random"]["us_per_decision"]
    result = {"scenario": loaded.scenario.meta.id, "catanatron_version": getattr(catanatron, "__version__", None)
              or _version("catanatron"), **results,
              "random_speedup_vs_catanatron": round(peer / results["ours_random"]["us_per_decision"], 2),
              "bots_cost_vs_catanatron_random": round(results["ours_bots"]["us_per_decision"] / peer, 2),
              "load_average_before": before["load_average"], "load_average_after": machine()["load_average"],
              "cores": before["cores"]}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.rounds} interleaved rounds of {args.games} games each (ours: {result['scenario']}; "
          f"catanatron {result['catanatron_version']}, 4 random players)")
    for name in contenders:
        r = results[name]
        print(f"  {name:18} {r['us_per_decision']:7.1f} µs per decision  rounds {r['us_per_decision_rounds']}  "
              f"{r['decisions_per_game']} decisions, {r['ms_per_game']} ms per game, "
              f"{r['ended_naturally']}/{r['games']} ended by the rules")
    print(f"  random policy: ours is {result['random_speedup_vs_catanatron']}x catanatron's speed per decision")
    print(f"  our bot games cost {result['bots_cost_vs_catanatron_random']}x catanatron's random decision "
          f"(target: at most 1x)")
    print(f"  load average {result['load_average_before']} before, {result['load_average_after']} after "
          f"({result['cores']} cores)")


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


if __name__ == "__main__":
    main()
