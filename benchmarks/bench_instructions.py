"""Machine instructions per bot decision, counted by valgrind's callgrind: the same count on a
busy machine as on a quiet one, so a change worth 1-2% shows where timings cannot tell it from
noise. Not seconds: use it to compare checkouts, and bench_split.py for where time goes.

Plays `--games` flagship bot games after `--warm` games under callgrind, and again with only the
warm games; the difference, over the decisions of the extra games, leaves out start-up and
imports. With `--before DIR` (another checkout), does the same there and prints the ratio.
String hashing is fixed (PYTHONHASHSEED=0): set orders change the work a little. Both
checkouts are byte-compiled first (this machine sets PYTHONDONTWRITEBYTECODE, so an uncompiled
file would be compiled on every run, inside the count). About a minute a checkout.

    python benchmarks/bench_instructions.py [--games 6] [--warm 2] [--before DIR] [--gc-threshold A,B,C] [--json]
"""

import argparse
import compileall
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from measure import load_average

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import gc, sys
if sys.argv[3]:
    gc.set_threshold(*map(int, sys.argv[3].split(",")))
from game.content.scenarios import load_scenario
from game.sim.playthrough import play
loaded = load_scenario(sys.argv[1])
print("decisions", sum(play(loaded.scenario, seed, content_hash=loaded.content_hash).decisions
                       for seed in range(int(sys.argv[2]))))
"""


def counted(checkout: Path, scenario: str, games: int, gc_threshold: str) -> tuple[int, int]:
    """Returns (instructions, decisions) of a run playing `games` games in `checkout`."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", CHILD,
         scenario, str(games), gc_threshold],
        cwd=checkout, env={"PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"},
        capture_output=True, text=True)
    decisions = re.search(r"^decisions (\d+)$", run.stdout, re.M)
    instructions = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not decisions or not instructions:
        raise SystemExit(f"the run in {checkout} failed (exit {run.returncode}):\n{run.stderr[-2000:]}")
    return int(instructions.group(1)), int(decisions.group(1))


def per_decision(checkout: Path, scenario: str, warm: int, games: int, gc_threshold: str) -> dict:
    compileall.compile_dir(checkout / "game", quiet=1)
    base, base_decisions = counted(checkout, scenario, warm, gc_threshold)
    total, decisions = counted(checkout, scenario, warm + games, gc_threshold)
    return {"checkout": str(checkout), "instructions_per_decision": round((total - base) / (decisions - base_decisions)),
            "decisions": decisions - base_decisions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="paris-2026")
    parser.add_argument("--games", type=int, default=6, help="games counted (after the warm ones)")
    parser.add_argument("--warm", type=int, default=2, help="games played first in both runs, left out")
    parser.add_argument("--before", type=Path, help="another checkout to count the same way")
    parser.add_argument("--gc-threshold", default="", metavar="A,B,C",
                        help="the cyclic collector's thresholds while playing (default: Python's)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.gc_threshold and not re.fullmatch(r"\d+,\d+,\d+", args.gc_threshold):
        raise SystemExit(f"--gc-threshold takes three whole numbers, as 50000,20,100 (got {args.gc_threshold!r})")
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    if args.before is not None and not (args.before / "game").is_dir():
        raise SystemExit(f"--before {args.before}: not a checkout of this project (no game/ folder)")
    rows = {"now": per_decision(ROOT, args.scenario, args.warm, args.games, args.gc_threshold)}
    if args.before is not None:
        rows["before"] = per_decision(args.before.resolve(), args.scenario, args.warm, args.games, args.gc_threshold)
    result = {"scenario": args.scenario, **rows, "load_average": load_average()}
    if "before" in rows:
        result["ratio"] = round(rows["now"]["instructions_per_decision"] / rows["before"]["instructions_per_decision"], 4)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.scenario}: instructions per bot decision (callgrind; {args.games} games after {args.warm})")
    for name, row in rows.items():
        print(f"  {name:7} {row['instructions_per_decision']:>10,}  ({row['decisions']} decisions; {row['checkout']})")
    if "ratio" in result:
        print(f"  now / before: {result['ratio']:.4f}")
    print(f"  load average {result['load_average']} (the counts do not depend on it)")


if __name__ == "__main__":
    main()
