"""A sweep's results: one summary per game, the statistics over them, and their files.

Kept apart from running games so that the report package and the cluster workers share
these plain dataclasses without pulling in a backend. Files are written whole or not at all.
"""

import csv
import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """priority -> the plain reasons it was not secured (empty when it was)."""
    end_reason: str = ""


@dataclass
class SweepResult:
    scenario: str
    priorities: list[str]
    delegates: list[str]
    games: list[GameSummary] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    requested: int = 0
    interrupted: bool = False
    failure: str | None = None


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
    summary = {
        "scenario": result.scenario,
        "games": n,
        "decisions": decisions,
        "seconds": round(result.seconds, 3),
        "workers": result.workers,
        "games_per_s": round(n / result.seconds, 1) if result.seconds else None,
        "us_per_decision": round(result.seconds * result.workers / decisions * 1e6, 1) if decisions else None,
        "outcomes": {o: sum(1 for g in result.games if g.outcome == o) for o in ("success", "partial", "failure")},
        "end_reasons": dict(Counter(g.end_reason for g in result.games).most_common()),
        "priorities": priorities,
        "delegates": {d: {"mean_score": round(sum(g.scores[d] for g in result.games) / n, 3) if n else 0}
                      for d in result.delegates},
        "events": _event_effects(result),
    }
    if result.interrupted:
        summary.update(interrupted=True, games_requested=result.requested)
    if result.failure:
        summary["failure"] = result.failure
    return summary


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
    header = (["scenario", "seed", "rounds", "decisions", "outcome"]
              + [f"status:{p}" for p in result.priorities] + [f"progress:{p}" for p in result.priorities]
              + [f"score:{d}" for d in result.delegates] + ["events", "end_reason"]
              + [f"missing:{p}" for p in result.priorities])

    def write(f) -> None:
        writer = csv.writer(f)
        writer.writerow(header)
        for g in result.games:
            writer.writerow([result.scenario, g.seed, g.rounds, g.decisions, g.outcome]
                            + [g.statuses[p] for p in result.priorities]
                            + [g.progress[p] for p in result.priorities]
                            + [g.scores[d] for d in result.delegates] + [";".join(g.events), g.end_reason]
                            + ["; ".join(g.missing.get(p, ())) for p in result.priorities])

    return _write_whole(Path(path), write)


def write_json(summary: dict[str, Any], path: str | Path) -> Path:
    """Writes the statistics as strict JSON."""
    return _write_whole(Path(path), lambda f: f.write(json.dumps(summary, indent=1, allow_nan=False) + "\n"))


def _write_whole(path: Path, write) -> Path:
    """Writes beside the target, then renames, so an interrupted write leaves no half file."""
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("w", newline="", encoding="utf-8") as f:
        write(f)
    os.replace(partial, path)
    return path
