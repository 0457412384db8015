"""The sweep report: many seeded games (the CSV of `coalition sweep --csv`) as one HTML page.

It shows how often each priority ends secured, with 95% Wilson intervals, and how the
secured rate differs between games where an event card fired and games where it did not.
Those differences are associations, not causes (cards have conditions), and the page says so.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from game.content.scenarios import load_scenario
from game.errors import CoalitionError, ContentError
from game.report import charts
from game.report.document import Document, Figure, Para, Section, Strong, Table, run
from game.report.review import write_page
from game.report.review_html import render_html
from game.sim.sweep import wilson

STATUSES = ("secured", "partial", "failed")
REQUIRED = ("scenario", "seed", "outcome", "events")
FEW = 10
"""Fewer games than this on either side of an event's comparison is flagged."""


@dataclass(frozen=True, slots=True)
class SweepGame:
    seed: int
    outcome: str
    statuses: dict[str, str]
    progress: dict[str, float]
    scores: dict[str, float]
    events: frozenset[str]


@dataclass(frozen=True, slots=True)
class SweepData:
    path: Path
    scenario: str
    priorities: tuple[str, ...]
    delegates: tuple[str, ...]
    games: tuple[SweepGame, ...]


def load_sweep_csv(path: str | Path) -> SweepData:
    """Reads a sweep CSV; raises ContentError naming the file, the row and the problem."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
            header = rows[0].keys() if rows else []
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ContentError(f"{path}: cannot read the sweep CSV: {getattr(err, 'strerror', None) or err}") from None
    if not rows:
        raise ContentError(f"{path}: no games in this CSV (expected the output of `coalition sweep --csv`)")
    missing = [c for c in REQUIRED if c not in header]
    priorities = tuple(c.split(":", 1)[1] for c in header if c.startswith("status:"))
    if missing or not priorities:
        what = ", ".join(missing + ([] if priorities else ["status:<priority>"]))
        raise ContentError(f"{path}: not a sweep CSV: missing column(s) {what} "
                           f"(expected the output of `coalition sweep --csv`)")
    delegates = tuple(c.split(":", 1)[1] for c in header if c.startswith("score:"))
    games = tuple(_game(path, n, row, priorities, delegates) for n, row in enumerate(rows, start=2))
    scenarios = sorted({row["scenario"] for row in rows})
    if len(scenarios) > 1:
        raise ContentError(f"{path}: mixes games of several scenarios ({', '.join(scenarios)}); "
                           f"report one sweep at a time")
    return SweepData(path, scenarios[0], priorities, delegates, games)


def _game(path: Path, line: int, row: dict, priorities: tuple[str, ...], delegates: tuple[str, ...]) -> SweepGame:
    try:
        statuses = {p: row[f"status:{p}"] for p in priorities}
        bad = [s for s in statuses.values() if s not in STATUSES]
        if bad:
            raise ValueError(f"status '{bad[0]}' is not one of {', '.join(STATUSES)}")
        progress = {p: float(row[f"progress:{p}"]) for p in priorities if row.get(f"progress:{p}") not in (None, "")}
        scores = {d: float(row[f"score:{d}"]) for d in delegates if row.get(f"score:{d}") not in (None, "")}
        events = frozenset(e for e in (row["events"] or "").split(";") if e)
        return SweepGame(int(row["seed"]), row["outcome"], statuses, progress, scores, events)
    except (TypeError, ValueError) as err:
        raise ContentError(f"{path}:{line}: bad row: {err}") from None


# -- statistics -----------------------------------------------------------------------------------

def secured_rate(games, pid: str) -> float | None:
    return sum(g.statuses[pid] == "secured" for g in games) / len(games) if games else None


def secured_share(games) -> float | None:
    """Returns the mean share of priorities secured per game."""
    if not games:
        return None
    return sum(sum(s == "secured" for s in g.statuses.values()) / len(g.statuses) for g in games) / len(games)


def event_rows(data: SweepData) -> list[dict]:
    """Returns, per event that fired, its rate and the secured rates with and without it."""
    out = []
    for event in sorted({e for g in data.games for e in g.events}):
        with_it = [g for g in data.games if event in g.events]
        without = [g for g in data.games if event not in g.events]
        share_with, share_without = secured_share(with_it), secured_share(without)
        out.append({"event": event, "n_with": len(with_it), "n_without": len(without),
                    "with": share_with, "without": share_without,
                    "delta": None if share_without is None else share_with - share_without,
                    "per_priority": {p: (None if not without else secured_rate(with_it, p) - secured_rate(without, p))
                                     for p in data.priorities}})
    return sorted(out, key=lambda r: -abs(r["delta"] or 0))


# -- the page -------------------------------------------------------------------------------------

def sweep_document(data: SweepData) -> Document:
    """Returns the sweep report as a document."""
    names, short, events, delegates, title = _names(data)
    n = len(data.games)
    seeds = sorted(g.seed for g in data.games)
    outcomes = {o: sum(g.outcome == o for g in data.games) for o in ("success", "partial", "failure")}
    overview = Para(run(f"{n} games, seeds {seeds[0]}–{seeds[-1]}. Outcomes: ",
                        ", ".join(f"{o} {c} ({c / n:.0%})" for o, c in outcomes.items()), "."), "lead")
    sections = (
        Section("overview", "Overview", (overview,), intro=f"Read from {data.path.name}."),
        _priorities_section(data, names, short),
        _events_section(data, short, events),
    )
    if data.delegates and any(g.scores for g in data.games):
        rows = tuple((run(delegates.get(d, d)), run(f"{sum(g.scores.get(d, 0) for g in data.games) / n:.2f}"))
                     for d in data.delegates)
        sections += (Section("objectives", "Private objectives", (Table(("Delegation", "Mean score"), rows,
                                                                        frozenset({1})),),
                             intro="Mean private-objective score per delegation across the games."),)
    return Document(title=f"Sweep report: {title}", subtitle="Seeded headless games with bots: how often each "
                    "priority ends secured, and what the event cards go with.",
                    facts=(("Scenario", data.scenario), ("Games", str(n)), ("Seeds", f"{seeds[0]}–{seeds[-1]}")),
                    sections=sections, footer=f"Coalition Table sweep report of {data.path.name}.")


def _names(data: SweepData):
    """Returns display names from the bundled scenario, or the ids if it cannot be loaded."""
    try:
        s = load_scenario(data.scenario).scenario
    except CoalitionError:
        return {}, {}, {}, {}, data.scenario
    return ({p.id: p.name for p in s.priorities}, {p.id: p.short or p.name for p in s.priorities},
            {e.id: e.title for e in s.events}, {d.id: d.name for d in s.delegates}, s.meta.title)


def _priorities_section(data: SweepData, names: dict, short: dict) -> Section:
    n = len(data.games)
    rates, intervals, rows = [], [], []
    for pid in data.priorities:
        counts = {s: sum(g.statuses[pid] == s for g in data.games) for s in STATUSES}
        rate = {s: c / n for s, c in counts.items()}
        low, high = wilson(counts["secured"], n)
        progress = [g.progress[pid] for g in data.games if pid in g.progress]
        rates.append(rate)
        intervals.append((low, high))
        rows.append((run(Strong(names.get(pid, pid))), run(f"{rate['secured']:.0%}"), run(f"{low:.0%}–{high:.0%}"),
                     run(f"{rate['partial']:.0%}"), run(f"{rate['failed']:.0%}"),
                     run(f"{sum(progress) / len(progress):.3g}" if progress else "—")))
    table = Table(("Priority", "Secured", "95% interval", "Partial", "Failed", "Mean progress"), tuple(rows),
                  frozenset(range(1, 6)))
    labels = [names.get(p, p) for p in data.priorities]
    figure = Figure("rates", "Secured rate per priority",
                    "Share of games in which each priority ended secured, partial or failed; the whisker is the 95% "
                    "Wilson interval of the secured rate.",
                    lambda: charts.rates_chart(labels, rates, intervals), table)
    return Section("priorities", "Secured rate per priority", (figure,),
                   intro="How often the table secures each priority with these bots.")


def _events_section(data: SweepData, short: dict, events: dict) -> Section:
    rows_data = event_rows(data)
    if not rows_data:
        return Section("events", "Effect of each event", (Para(run("No event card fired in these games."), "note"),))
    rows = []
    for r in rows_data:
        few = " (few games)" if min(r["n_with"], r["n_without"]) < FEW else ""
        rows.append((run(events.get(r["event"], r["event"])), run(f"{r['n_with'] / len(data.games):.0%}"),
                     run(_pct(r["with"])), run(_pct(r["without"])),
                     run(("—" if r["delta"] is None else f"{r['delta'] * 100:+.0f} points") + few)))
    table = Table(("Event", "Fired", "Secured with it", "Secured without", "Difference"), tuple(rows),
                  frozenset({1, 2, 3, 4}), caption="Secured = mean share of priorities secured per game.")
    labels = [events.get(r["event"], r["event"]) for r in rows_data]
    priorities = [short.get(p, p) for p in data.priorities]
    deltas = [[r["per_priority"][p] for p in data.priorities] for r in rows_data]
    figure = Figure("events", "Secured rate with the event minus without it",
                    "For each event card and priority: the secured rate in games where the card fired minus the rate "
                    "in games where it did not, in percentage points (n/a: it fired in every game).",
                    lambda: charts.event_effect_chart(labels, priorities, deltas), table)
    caution = Para(run("These are associations, not causes: cards have conditions, so the games where a card fires "
                       "differ in other ways too, and a rare card's difference rests on few games."), "note")
    return Section("events", "Effect of each event", (figure, caution),
                   intro="Which cards go with a better or a worse result.")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def write_sweep_report(csv_path: str | Path, out: str | Path) -> Path:
    """Reads a sweep CSV and writes its HTML report to `out`; returns the path."""
    html = render_html(sweep_document(load_sweep_csv(csv_path)))
    return write_page(Path(out), html)
