"""Scenario loading speed: read, parse, check and validate one file, bypassing the cache.

Times `load_scenario_file` (what `coalition validate` and a cache miss pay) N times and
prints the median and minimum, plus the YAML share and the first load in the process
(which also pays pydantic's lazy set-up), with the load average. Target: well under 100 ms for the flagship.
`--json` prints one object.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

from measure import load_average

from game.content.data_dirs import scenarios_dir
from game.content.scenarios import load_scenario_file, resolve_scenario
from game.content.yaml_safe import parse_yaml


def flagship() -> str:
    return "paris-2026" if (scenarios_dir() / "paris-2026.yaml").is_file() else "tutorial"


def time_ms(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def measure(path: Path, runs: int) -> dict:
    first = time_ms(load_scenario_file, path)
    loads = [time_ms(load_scenario_file, path) for _ in range(runs)]
    raw = path.read_bytes()
    parses = [time_ms(parse_yaml, raw, str(path)) for _ in range(runs)]
    return {
        "scenario": load_scenario_file(path).scenario.meta.id,
        "path": str(path),
        "bytes": len(raw),
        "lines": raw.count(b"\n"),
        "runs": runs,
        "first_load_ms": round(first, 2),
        "load_ms_median": round(statistics.median(loads), 2),
        "load_ms_min": round(min(loads), 2),
        "yaml_ms_median": round(statistics.median(parses), 2),
        "load_average": load_average(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", help="bundled id or path (default: paris-2026, else tutorial)")
    parser.add_argument("-n", "--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(resolve_scenario(args.scenario or flagship()), args.runs)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['scenario']}: {result['lines']} lines, {result['bytes']:,} bytes, {args.runs} uncached loads")
    print(f"  load+validate  median {result['load_ms_median']} ms, min {result['load_ms_min']} ms")
    print(f"  of which YAML  median {result['yaml_ms_median']} ms (parse and node checks)")
    print(f"  first load in the process {result['first_load_ms']} ms")
    print(f"  load average {result['load_average']}")


if __name__ == "__main__":
    main()
