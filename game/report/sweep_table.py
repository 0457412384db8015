"""Prints a sweep's statistics as rich tables."""

from rich.console import Console
from rich.table import Table


def print_sweep(summary: dict, scenario, console: Console | None = None) -> None:
    console = console or Console()
    names = {p.id: p.name for p in scenario.priorities}
    head = (f"{summary['games']} games of {summary['scenario']} in {summary['seconds']} s "
            f"({summary['games_per_s']} games/s on {summary['workers']} workers); outcomes: "
            + ", ".join(f"{k} {v}" for k, v in summary["outcomes"].items()))
    console.print(head)
    table = Table(title="Priorities", title_justify="left")
    for column in ("Priority", "Secured", "95% interval", "Partial", "Failed", "Mean progress"):
        table.add_column(column, justify="left" if column == "Priority" else "right")
    for pid, p in summary["priorities"].items():
        low, high = p["secured_ci95"]
        table.add_row(names.get(pid, pid), f"{p['secured_rate']:.0%}", f"{low:.0%}–{high:.0%}",
                      f"{p['partial_rate']:.0%}", f"{p['failed_rate']:.0%}", f"{p['mean_progress']:g}")
    console.print(table)
    delegates = Table(title="Mean private-objective score", title_justify="left")
    delegates.add_column("Delegation")
    delegates.add_column("Mean score", justify="right")
    dnames = {d.id: d.name for d in scenario.delegates}
    for did, d in summary["delegates"].items():
        delegates.add_row(dnames.get(did, did), f"{d['mean_score']:.2f}")
    console.print(delegates)
    events = Table(title="Events: how often they fired, and the share of priorities secured with and without them",
                   title_justify="left")
    for column in ("Event", "Fired", "Secured with", "Secured without"):
        events.add_column(column, justify="left" if column == "Event" else "right")
    titles = {e.id: e.title for e in scenario.events}
    for eid, e in sorted(summary["events"].items(), key=lambda kv: -kv[1]["fired_rate"]):
        events.add_row(titles.get(eid, eid), f"{e['fired_rate']:.0%}", _percent(e["secured_share_with"]),
                       _percent(e["secured_share_without"]))
    console.print(events)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"
