"""The review's chart sections: progress and tracks over the rounds; contributions and trades.

Each figure carries a `draw` closure over plain data (charts.py draws it) and the same
numbers as a table, so the Markdown write-up and screen readers get them too.
"""

from collections import Counter
from functools import partial
from itertools import combinations

from game.engine import Game, quantity
from game.report import charts
from game.report.document import Figure, Para, Section, Sub, Table, run
from game.report.history import RoundPoint

_OFFER_STATES = ("accepted", "rejected", "countered", "expired", "failed", "cancelled", "open")


def rounds_section(game: Game, points: list[RoundPoint]) -> Section:
    """Returns priority progress and tracks over the rounds."""
    t = game.catalog
    rounds = [p.round for p in points]
    pids = list(t.priority_order)
    priorities = [(t.priorities[p].name, t.priorities[p].target, t.partial_at[p]) for p in pids]
    progress = [[pt.progress.get(p, 0.0) for pt in points] for p in pids]
    progress_data = Table(("Round", *(t.priorities[p].short or t.priorities[p].name for p in pids)),
                          tuple((run(_round(r)), *(run(f"{pt.progress.get(p, 0.0):g}") for p in pids))
                                for r, pt in zip(rounds, points, strict=True)),
                          frozenset(range(1, len(pids) + 1)))
    blocks: list = [Figure("progress", "Priority progress over the rounds",
                           "Progress of each priority after each round, against its target (dashed) and the "
                           "partial line (dotted).",
                           partial(charts.progress_chart, priorities, rounds, progress), progress_data)]
    tracks = list(t.scenario.tracks)
    if tracks:
        series = [[pt.tracks.get(tr.id, tr.start) for pt in points] for tr in tracks]
        labels = _event_labels(game)
        data = Table(("Round", *(tr.name for tr in tracks)),
                     tuple((run(_round(r) + (f" ({labels[r]})" if r in labels else "")),
                            *(run(f"{pt.tracks.get(tr.id, tr.start):g}") for tr in tracks))
                           for r, pt in zip(rounds, points, strict=True)),
                     frozenset(range(1, len(tracks) + 1)))
        blocks.append(Figure("tracks", "Tracks over the rounds",
                             "Each track's value at the start and after each round; the event cards drawn "
                             "in a round are named under it.",
                             partial(charts.tracks_chart, [(tr.name, tr.min, tr.max) for tr in tracks], rounds,
                                     series, labels), data))
    return Section("rounds", "Over the rounds", tuple(blocks),
                   intro="How the table moved, round by round. Round 0 is the start.")


def _round(r: int) -> str:
    return "start" if r == 0 else str(r)


def _event_labels(game: Game) -> dict[int, str]:
    labels: dict[int, list[str]] = {}
    for entry in game.view("facilitator").log:
        if entry.kind in ("EventDrawn", "EventInjected"):
            labels.setdefault(entry.round, []).append(entry.data.get("title", entry.data["event"]))
    return {r: " + ".join(titles) for r, titles in labels.items()}


def contributions_section(game: Game) -> Section:
    """Returns contributions by delegation and kind, who traded with whom, and what became of offers."""
    blocks: list = [_contributions(game), _trades(game), _offers(game)]
    return Section("contributions", "Contributions and trades", tuple(b for b in blocks if b),
                   intro="Who put what on the table, and who dealt with whom.")


def _contributions(game: Game):
    t = game.catalog
    view = game.view("facilitator")
    units: dict[str, Counter] = {seat: Counter() for seat in t.seats}
    for c in view.commitments:
        if c.effective:
            units[c.delegate][c.kind] += c.amount
    givers = sorted((s for s in t.seats if units[s]), key=lambda s: -sum(units[s].values()))
    if not givers:
        return Sub("Contributions by delegation and kind", (Para(run("No commitment was in force at the end."),
                                                                 "note"),))
    kinds = [k for k in t.kinds if any(units[s][k] for s in givers)]
    names = [t.delegates[s].name for s in givers]
    matrix = [[units[s][k] for k in kinds] for s in givers]
    data = Table(("Delegation", "Units", "What"),
                 tuple((run(t.delegates[s].name), run(str(sum(units[s].values()))),
                        run(", ".join(f"{quantity(units[s][k], t.kinds[k].unit)} ({t.kinds[k].name.lower()})"
                                      for k in kinds if units[s][k])))
                       for s in givers), frozenset({1}))
    return Figure("contributions", "Contributions by delegation and kind",
                  "Units of each commitment kind that each delegation had in force at the end (pending, "
                  "withdrawn, voted-down and lapsed commitments excluded).",
                  partial(charts.contributions_chart, names, [t.kinds[k].name for k in kinds], matrix), data)


def _trades(game: Game):
    t = game.catalog
    pairs: Counter = Counter()
    for entry in game.view("facilitator").log:
        if entry.kind == "TradeAgreed":
            for a, b in combinations(sorted(set(entry.data["parties"]), key=t.seats.index), 2):
                pairs[(a, b)] += 1
    if not pairs:
        return Sub("Who traded with whom", (Para(run("No trade was agreed."), "note"),))
    seats = [s for s in t.seats if any(s in pair for pair in pairs)]
    index = {s: i for i, s in enumerate(seats)}
    matrix = [[0] * len(seats) for _ in seats]
    for (a, b), n in pairs.items():
        matrix[index[a]][index[b]] = matrix[index[b]][index[a]] = n
    data = Table(("Delegations", "Deals"), tuple((run(f"{t.delegates[a].name} and {t.delegates[b].name}"), run(str(n)))
                                                 for (a, b), n in pairs.most_common()), frozenset({1}))
    return Figure("trades", "Who traded with whom",
                  "Number of agreed trades between each pair of delegations (a deal among three counts for "
                  "each pair).",
                  partial(charts.trades_chart, [t.delegates[s].name for s in seats], matrix), data)


def _offers(game: Game):
    offers = game.view("facilitator").offers
    if not offers:
        return None
    rows = []
    for seat, d in game.catalog.delegates.items():
        made = Counter(o.status for o in offers if o.proposer == seat)
        if made:
            rows.append((run(d.name), run(str(sum(made.values()))), *(run(str(made[s])) for s in _OFFER_STATES[:6])))
    table = Table(("Proposer", "Offers", "Agreed", "Rejected", "Countered", "Expired", "Failed", "Withdrawn"),
                  tuple(rows), frozenset(range(1, 8)),
                  caption="What became of the offers each delegation made. Withdrawn: the proposer spent what it "
                          "offered (or an event took it away) before the offer was accepted.")
    return Sub("What became of the offers", (table,))
