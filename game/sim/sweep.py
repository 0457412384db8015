"""Seed sweeps: many headless games across processes, summarised as outcome statistics.

Seeds are split into fixed chunks and results are sorted by seed, so a sweep's numbers
are identical whatever the number of workers. Each worker loads the scenario once.
"""

import math
import os
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.scenarios import load_scenario
from game.sim.playthrough import play

CHUNK = 25


@dataclass(frozen=True, slots=True)
class GameSummary:
    seed: int
    rounds: int
    decisions: int
    outcome: str
    statuses: dict[str, str]
    progress: dict[str, float]
    scores: dict[str, int]
    events: tuple[str, ...]


@dataclass
class SweepResult:
    scenario: str
    priorities: list[str]
    delegates: list[str]
    games: list[GameSummary] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1


def play_summary(scenario_ref: str, seed: int, controllers: Mapping[str, str] | None = None) -> GameSummary:
    """Plays one game and keeps only what the statistics need."""
    loaded = load_scenario(scenario_ref)
    game = play(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=controllers)
    result = game.result()
    return GameSummary(
        seed, result["rounds_played"], result["decisions"], result["outcome"],
        {p: v["status"] for p, v in result["priorities"].items()},
        {p: v["progress"] for p, v in result["priorities"].items()},
        {d: v["score"] for d, v in result["delegates"].items()},
        tuple(result["events_fired"]))


def _play_chunk(args: tuple[str, list[int], dict[str, str] | None]) -> list[GameSummary]:
    scenario_ref, seeds, controllers = args
    return [play_summary(scenario_ref, seed, controllers) for seed in seeds]


def sweep(scenario_ref: str, seeds: range, *, workers: int | None = None,
          controllers: Mapping[str, str] | None = None,
          on_progress: Callable[[int], None] | None = None) -> SweepResult:
    """Plays every seed; `on_progress(n)` is called as chunks of n games finish."""
    loaded = load_scenario(scenario_ref)  # fail here, once, with a clear message
    ref = str(loaded.path)
    workers = max(1, workers or os.cpu_count() or 1)
    chunks = [(ref, list(seeds[i:i + CHUNK]), dict(controllers or {}) or None)
              for i in range(0, len(seeds), CHUNK)]
    result = SweepResult(loaded.scenario.meta.id, [p.id for p in loaded.scenario.priorities],
                         [d.id for d in loaded.scenario.delegates], workers=workers)
    start = time.perf_counter()
    for batch in _run(chunks, workers):
        result.games.extend(batch)
        if on_progress:
            on_progress(len(batch))
    result.seconds = time.perf_counter() - start
    result.games.sort(key=lambda g: g.seed)
    return result


def _run(chunks: list, workers: int) -> Iterator[list[GameSummary]]:
    if workers == 1 or len(chunks) <= 1:
        yield from map(_play_chunk, chunks)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        yield from pool.map(_play_chunk, chunks)


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Returns the 95% Wilson score interval for a rate."""
    if n == 0:
        return (0.0, 0.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def summarise(result: SweepResult) -> dict[str, Any]:
    """Returns the sweep's statistics as plain data (the JSON output)."""
    n = len(result.games)
    decisions = sum(g.decisions for g in result.games)
    priorities = {}
    for pid in result.priorities:
        counts = {s: sum(1 for g in result.games if g.statuses[pid] == s) for s in ("secured", "partial", "failed")}
        priorities[pid] = {
            **{f"{s}_rate": round(c / n, 4) if n else 0 for s, c in counts.items()},
            "secured_ci95": [round(x, 4) for x in wilson(counts["secured"], n)],
            "mean_progress": round(sum(g.progress[pid] for g in result.games) / n, 3) if n else 0,
        }
    return {
        "scenario": result.scenario,
        "games": n,
        "decisions": decisions,
        "seconds": round(result.seconds, 3),
        "workers": result.workers,
        "games_per_s": round(n / result.seconds, 1) if result.seconds else None,
        "us_per_decision": round(result.seconds * result.workers / decisions * 1e6, 1) if decisions else None,
        "outcomes": {o: sum(1 for g in result.games if g.outcome == o) for o in ("success", "partial", "failure")},
        "priorities": priorities,
        "delegates": {d: {"mean_score": round(sum(g.scores[d] for g in result.games) / n, 3) if n else 0}
                      for d in result.delegates},
        "events": _event_effects(result),
    }


def _secured_share(games: list[GameSummary]) -> float | None:
    if not games:
        return None
    return round(sum(sum(s == "secured" for s in g.statuses.values()) / len(g.statuses) for g in games)
                 / len(games), 4)


def _event_effects(result: SweepResult) -> dict[str, Any]:
    """For each event: how often it fired, and the share of priorities secured with and without it."""
    fired_ids = sorted({e for g in result.games for e in g.events})
    out = {}
    for event in fired_ids:
        with_it = [g for g in result.games if event in g.events]
        without = [g for g in result.games if event not in g.events]
        out[event] = {"fired_rate": round(len(with_it) / len(result.games), 4),
                      "secured_share_with": _secured_share(with_it),
                      "secured_share_without": _secured_share(without)}
    return out


def write_csv(result: SweepResult, path: str | Path) -> Path:
    """Writes one row per game: seed, outcome, each priority's status and progress, scores, events."""
    import csv

    path = Path(path)
    header = (["scenario", "seed", "rounds", "decisions", "outcome"]
              + [f"status:{p}" for p in result.priorities] + [f"progress:{p}" for p in result.priorities]
              + [f"score:{d}" for d in result.delegates] + ["events"])
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for g in result.games:
            writer.writerow([result.scenario, g.seed, g.rounds, g.decisions, g.outcome]
                            + [g.statuses[p] for p in result.priorities]
                            + [g.progress[p] for p in result.priorities]
                            + [g.scores[d] for d in result.delegates] + [";".join(g.events)])
    return path
