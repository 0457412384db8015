"""Sweep speed: flagship games with their default bots, on one worker and on all cores.

Prints games per second and microseconds per decision (per worker: wall time x
workers / decisions), with the load average. Issue 16 asks for 10,000 flagship games in
about a minute on 2 cores (`--games 10000`).
"""

import argparse
import json
import os

from measure import machine

from game.sim.sweep import summarise, sweep


def measure(scenario: str, games: int, workers: int) -> dict:
    summary = summarise(sweep(scenario, range(games), workers=workers))
    return {"workers": workers, "games": games, "decisions": summary["decisions"],
            "seconds": summary["seconds"], "games_per_s": summary["games_per_s"],
            "us_per_decision": summary["us_per_decision"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    before = machine()["load_average"]
    results = {"one": measure(args.scenario, max(50, args.games // 4), 1),
               "all": measure(args.scenario, args.games, cores)}
    results["scaling"] = round(results["all"]["games_per_s"] / results["one"]["games_per_s"], 2)
    results["load_average"], results["load_average_after"] = before, machine()["load_average"]
    if args.json:
        print(json.dumps({"scenario": args.scenario, **results}))
        return
    for label in ("one", "all"):
        r = results[label]
        print(f"{r['workers']} worker(s): {r['games']} games in {r['seconds']:.1f} s = {r['games_per_s']} games/s, "
              f"{r['us_per_decision']} µs per decision")
    print(f"scaling: {results['scaling']}x on {cores} cores; 10,000 games would take "
          f"{10_000 / results['all']['games_per_s']:.0f} s on {cores} cores (issue 16: about a minute on 2)")
    print(f"load average {results['load_average']} before, {results['load_average_after']} after")


if __name__ == "__main__":
    main()
