"""Start-up: how long `coalition run paris-2026` takes before its first line appears.

Spawns the installed `coalition` command N times, interleaved with a bare interpreter
(`python -c pass`, the floor nothing can beat), and times the first byte on stdout. Then
explains the time: the phases of a run (median of three) (imports, loading the scenario, playing, the
transcript) and the import time grouped by package (from `python -X importtime`).
Target: the first line within 250 ms. Prints the load average; `--json` prints one object.

    python benchmarks/bench_startup.py [--runs 10] [--json]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHASES = r"""
import io, json, time
t0 = time.perf_counter()
import game.cli, game.content.scenarios, game.sim.playthrough  # what `coalition run` imports
t1 = time.perf_counter()
loaded = game.content.scenarios.load_scenario("paris-2026")
t2 = time.perf_counter()
played = game.sim.playthrough.play(loaded.scenario, 1, content_hash=loaded.content_hash)
t3 = time.perf_counter()
from rich.console import Console
from game.report.transcript import transcript
t4 = time.perf_counter()
whole = transcript(played)
t5 = time.perf_counter()
Console(file=io.StringIO(), width=100).print(whole)  # one print: nothing shows before the last line
t6 = time.perf_counter()
ms = lambda a, b: round((b - a) * 1000, 1)
print(json.dumps({"imports": ms(t0, t1), "load_scenario": ms(t1, t2), "play": ms(t2, t3),
                  "transcript_imports": ms(t3, t4), "transcript_build": ms(t4, t5),
                  "transcript_render": ms(t5, t6)}))
"""


def command() -> list[str]:
    script = shutil.which("coalition", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "game"]


def first_line_ms(argv: list[str]) -> float:
    """Returns the milliseconds from spawning argv to its first byte on stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdout.read(1)
    elapsed = (time.perf_counter() - start) * 1000
    process.stdout.close()
    process.wait(timeout=60)
    return elapsed


def imports_by_package(argv: list[str]) -> tuple[float, dict[str, float]]:
    """Returns the total import time and its self times grouped by package, in ms."""
    trace = subprocess.run([sys.executable, "-X", "importtime", *argv[1:]] if argv[0] == sys.executable
                           else [sys.executable, "-X", "importtime", "-m", "game", *argv[1:]],
                           cwd=ROOT, capture_output=True, text=True, timeout=60).stderr
    groups: Counter = Counter()
    for match in re.finditer(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", trace):
        parts = match.group(2).split(".")
        groups[".".join(parts[:2]) if parts[0] == "game" else parts[0]] += int(match.group(1)) / 1000
    return round(sum(groups.values()), 1), {k: round(v, 1) for k, v in groups.most_common(12)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    run = [*command(), "run", "paris-2026"]
    floor = [sys.executable, "-c", "print()"]
    first_line_ms(run)  # warm the disk cache and .pyc files
    load_before = [round(x, 2) for x in os.getloadavg()]
    ours, bare = [], []
    for _ in range(args.runs):
        ours.append(first_line_ms(run))
        bare.append(first_line_ms(floor))
    samples = [json.loads(subprocess.run([sys.executable, "-c", PHASES], cwd=ROOT, capture_output=True, text=True,
                                         timeout=60, check=True).stdout) for _ in range(3)]
    phases = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    import_total, by_package = imports_by_package(run)
    result = {"command": "coalition run paris-2026", "runs": args.runs,
              "first_line_ms_median": round(statistics.median(ours), 1), "first_line_ms_min": round(min(ours), 1),
              "python_floor_ms_median": round(statistics.median(bare), 1), "target_ms": 250,
              "phases_ms": phases, "imports_ms": import_total, "imports_ms_by_package": by_package,
              "load_average": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
              "cores": os.cpu_count()}
    if args.json:
        print(json.dumps(result))
        return
    print(f"coalition run paris-2026, {args.runs} runs interleaved with a bare interpreter")
    print(f"  first line after {result['first_line_ms_median']} ms median, {result['first_line_ms_min']} ms min "
          f"(target 250 ms); bare python: {result['python_floor_ms_median']} ms")
    print("  phases of a run, median of 3 (ms): " + ", ".join(f"{k} {v}" for k, v in phases.items()))
    print(f"  imports {import_total} ms in all; by package (self time, ms): "
          + ", ".join(f"{k} {v}" for k, v in by_package.items()))
    print(f"  load average {result['load_average']} before, {result['load_average_after']} after "
          f"({result['cores']} cores)")


if __name__ == "__main__":
    main()
