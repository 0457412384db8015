"""Engine speed: seeded games of a scenario played to their natural end (the rules end them).

Two policies, interleaved round by round so a change in machine load hits both alike:
- random: every seat takes a uniformly random legal action (the engine and enumeration);
- bots: the scenario's default bots (views, legal actions and judgement: what a sweep pays).
Prints microseconds per decision (applied action), milliseconds per game and the load
average; `--json` prints one object.

    python benchmarks/bench_engine.py [SCENARIO] [--games 40] [--rounds 5] [--json]
"""

import argparse
import json

from measure import bot_game, interleave, machine, random_game

from game.content.scenarios import load_scenario


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=40, help="games per policy per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    loaded = load_scenario(args.scenario)
    contenders = {"random": random_game(loaded.scenario, loaded.content_hash),
                  "bots": bot_game(loaded.scenario, loaded.content_hash)}
    for play_one in contenders.values():
        play_one(10**6)  # warm caches and lazy imports
    before = machine()
    results = interleave(contenders, args.rounds, args.games)
    result = {"scenario": loaded.scenario.meta.id, **results, "load_average_before": before["load_average"],
              "load_average_after": machine()["load_average"], "cores": before["cores"]}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['scenario']}: {args.rounds} interleaved rounds of {args.games} games per policy, "
          f"every game to its natural end")
    for name in contenders:
        r = results[name]
        print(f"  {name:6} {r['us_per_decision']:7.1f} µs per decision (rounds: {r['us_per_decision_rounds']}), "
              f"{r['ms_per_game']} ms per game, {r['decisions_per_game']} decisions per game")
    print(f"  load average {result['load_average_before']} before, {result['load_average_after']} after "
          f"({result['cores']} cores)")


if __name__ == "__main__":
    main()
