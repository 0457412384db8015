"""Cost per decision as the table grows: the flagship (24 seats) at 1, 2, 4 and 8 copies.

Builds the larger tables itself: every delegation is cloned with new ids (`fr-2`, `fr-3`...)
through the pydantic model, priorities' targets, partial marks and signatory minimums scale
with the copies, and the result is validated again (schema and cross-references) before
play. The sizes are played interleaved, round by round, with the default bots (or random
legal actions with `--policy random`), every game to its natural end.

    python benchmarks/bench_scaling.py [--games 2] [--rounds 3] [--policy bots] [--json]
"""

import argparse
import json

from measure import bot_game, interleave, machine, random_game

from game.content.scenarios import load_scenario
from game.engine import scenario_hash
from game.model.references import check_references
from game.model.scenario import Scenario

COPIES = (1, 2, 4, 8)


def scaled(scenario: Scenario, copies: int) -> Scenario:
    """Returns the scenario with every delegation present `copies` times, validated again."""
    data = scenario.model_dump()
    clones = []
    for copy in range(2, copies + 1):
        for delegate in scenario.delegates:
            clone = delegate.model_dump()
            clone.update(id=f"{delegate.id}-{copy}", name=f"{delegate.name} {copy}", core=False)
            clones.append(clone)
    data["delegates"] += clones
    for priority in data["priorities"]:
        priority["target"] *= copies
        if priority["partial_at"] is not None:
            priority["partial_at"] *= copies
        priority["min_signatories"] *= copies
    data["meta"]["id"] = f"{scenario.meta.id}-x{copies}"
    bigger = Scenario.model_validate(data)
    problems = check_references(bigger)
    if problems:
        raise SystemExit(f"the x{copies} table is invalid: {problems[:3]}")
    return bigger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=2, help="games per size per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--policy", choices=("bots", "random"), default="bots")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    base = load_scenario(args.scenario).scenario
    make = bot_game if args.policy == "bots" else random_game
    tables = {copies: scaled(base, copies) for copies in COPIES}
    contenders = {len(s.delegates): make(s, scenario_hash(s)) for s in tables.values()}
    for play_one in contenders.values():
        play_one(999_999)  # warm caches and lazy imports (a seed no round uses)
    before = machine()
    results = interleave({str(seats): play_one for seats, play_one in contenders.items()}, args.rounds, args.games)
    rows = [results[str(seats)] for seats in contenders]
    result = {"seats": list(contenders), "us_per_decision": [r["us_per_decision"] for r in rows],
              "ms_per_game": [r["ms_per_game"] for r in rows],
              "decisions_per_game": [r["decisions_per_game"] for r in rows],
              "ratio_largest_to_smallest": round(rows[-1]["us_per_decision"] / rows[0]["us_per_decision"], 2),
              "policy": args.policy, "games_per_size": args.games * args.rounds,
              "load_average": before["load_average"], "load_average_after": machine()["load_average"],
              "cores": before["cores"]}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.scenario} scaled, {args.policy}: {args.rounds} interleaved rounds of {args.games} games per size")
    for seats, r in zip(contenders, rows, strict=True):
        print(f"  {seats:4} seats: {r['us_per_decision']:7.1f} µs per decision, {r['ms_per_game']:8.1f} ms per game, "
              f"{r['decisions_per_game']} decisions per game")
    print(f"  {result['seats'][-1]} seats cost {result['ratio_largest_to_smallest']}x per decision of "
          f"{result['seats'][0]} (target: at most 1.5x)")
    print(f"  load average {result['load_average']} before, {result['load_average_after']} after "
          f"({result['cores']} cores)")


if __name__ == "__main__":
    main()
