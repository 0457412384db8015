"""Start-up: how long `coalition run paris-2026` takes before its first line appears.

Spawns the installed `coalition` command N times, interleaved round by round with peers: a bare
interpreter (`python -c pass`, the floor), `python -c "import pydantic"`, the same command with
an empty scenario cache (what the first run after an edit pays) and, with `--before DIR`, an
older checkout of the project (`python -m game` run in DIR). Times the first byte on stdout. Then
explains the time: the phases of a run (median of three) and the imports by package. Target:
the first line within 250 ms. Prints the load average; `--json` prints one object.

    python benchmarks/bench_startup.py [--runs 10] [--json] [--before DIR]

For a before/after comparison: `git worktree add /tmp/before <commit>` (or `git archive <commit> |
tar -x -C /tmp/before`), then `--before /tmp/before`.
"""

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHASES = r"""
import io, json, time
t0 = time.perf_counter()
import game.cli, game.cli.headless, game.content.scenarios, game.sim.playthrough  # what `coalition run` imports
t1 = time.perf_counter()
loaded = game.content.scenarios.load_scenario("paris-2026")  # from the disk cache after the first run
t2 = time.perf_counter()
from rich.console import Console
from game.cli.common import LivePrinter
buffer = io.StringIO()
printer = LivePrinter(Console(file=buffer, width=100))
first = []
def step(game):
    printer(game)
    if not first and buffer.tell():
        first.append(time.perf_counter())
played = game.sim.playthrough.play(loaded.scenario, 1, content_hash=loaded.content_hash, on_step=step)
t3 = time.perf_counter()
printer.finish(played)
t4 = time.perf_counter()
game.content.scenarios.load_scenario_file(loaded.path)  # what a cache miss pays, validators included
t5 = time.perf_counter()
ms = lambda a, b: round((b - a) * 1000, 1)
print(json.dumps({"imports": ms(t0, t1), "load_scenario_cached": ms(t1, t2),
                  "first_line_in_play": ms(t2, first[0]), "play_and_print": ms(t2, t3),
                  "result_tables": ms(t3, t4), "parse_and_validate_uncached": ms(t4, t5)}))
"""


def command() -> list[str]:
    script = shutil.which("coalition", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "game"]


def first_line_ms(argv: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    """Returns the milliseconds from spawning argv to its first byte on stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdout.read(1)
    elapsed = (time.perf_counter() - start) * 1000
    process.stdout.close()
    process.wait(timeout=60)
    return elapsed


def cold_cache_ms(argv: list[str]) -> float:
    """Returns first_line_ms with an empty scenario cache (a fresh XDG_CACHE_HOME)."""
    with tempfile.TemporaryDirectory(prefix="coalition-cache-") as folder:
        return first_line_ms(argv, env={**os.environ, "XDG_CACHE_HOME": folder})


def imports_by_package(argv: list[str]) -> tuple[float, dict[str, float]]:
    """Returns the total import time and its self times grouped by package, in ms."""
    trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "game", *argv[1:]],
                           cwd=ROOT, capture_output=True, text=True, timeout=60).stderr
    groups: Counter = Counter()
    for match in re.finditer(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", trace):
        parts = match.group(2).split(".")
        groups[".".join(parts[:2]) if parts[0] == "game" else parts[0]] += int(match.group(1)) / 1000
    return round(sum(groups.values()), 1), {k: round(v, 1) for k, v in groups.most_common(12)}


def summary(samples: list[float]) -> dict:
    return {"median": round(statistics.median(samples), 1), "min": round(min(samples), 1),
            "runs": [round(s, 1) for s in samples]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="An older checkout to compare with, interleaved (run as `python -m game` in DIR).")
    args = parser.parse_args()
    run = [*command(), "run", "paris-2026"]
    contenders = {
        "coalition_run": lambda: first_line_ms(run),
        "python_floor": lambda: first_line_ms([sys.executable, "-c", "print()"]),
        "python_import_pydantic": lambda: first_line_ms([sys.executable, "-c", "import pydantic; print()"]),
        "coalition_run_cold_cache": lambda: cold_cache_ms(run),
    }
    # bytecode for both checkouts, written now: the warm-up runs write none where
    # PYTHONDONTWRITEBYTECODE is set, and a checkout compiled on every run is not a fair peer
    for checkout in (ROOT, args.before) if args.before else (ROOT,):
        compileall.compile_dir(checkout.resolve() / "game", quiet=1)
    if args.before:
        before = [sys.executable, "-m", "game", "run", "paris-2026"]
        contenders["before"] = lambda: first_line_ms(before, cwd=args.before.resolve())
        first_line_ms(before, cwd=args.before.resolve())
    first_line_ms(run)  # warm the disk cache, the scenario cache and .pyc files
    load_before = [round(x, 2) for x in os.getloadavg()]
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.runs):
        for name, measure in contenders.items():
            samples[name].append(measure())
    phase_runs = [json.loads(subprocess.run([sys.executable, "-c", PHASES], cwd=ROOT, capture_output=True,
                                            text=True, timeout=60, check=True).stdout) for _ in range(3)]
    phases = {k: statistics.median(s[k] for s in phase_runs) for k in phase_runs[0]}
    import_total, by_package = imports_by_package(run)
    result = {"command": "coalition run paris-2026", "runs": args.runs, "target_ms": 250,
              "first_line_ms_median": round(statistics.median(samples["coalition_run"]), 1),
              "first_line_ms_min": round(min(samples["coalition_run"]), 1),
              "first_line_ms": {name: summary(values) for name, values in samples.items()},
              "phases_ms": phases, "imports_ms": import_total, "imports_ms_by_package": by_package,
              "load_average": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
              "cores": os.cpu_count()}
    if args.json:
        print(json.dumps(result))
        return
    print(f"coalition run paris-2026: first line, {args.runs} interleaved rounds (median / min, ms; target 250)")
    for name, values in result["first_line_ms"].items():
        print(f"  {name:26} {values['median']:7.1f} / {values['min']:7.1f}")
    print("  phases of a run, median of 3 (ms): " + ", ".join(f"{k} {v}" for k, v in phases.items()))
    print(f"  imports {import_total} ms in all; by package (self time, ms): "
          + ", ".join(f"{k} {v}" for k, v in by_package.items()))
    print(f"  load average {result['load_average']} before, {result['load_average_after']} after "
          f"({result['cores']} cores)")


if __name__ == "__main__":
    main()
