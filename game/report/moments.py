"""Key moments found in a game's log: what a debrief should stop on.

Turning points (a priority changing status), withdrawals and lapses, conditional chains
that unlocked or failed, votes lost and votes never held, deals that fell through, the
events that changed the most, and every facilitator intervention. `find_moments` returns
plain data (tests read it); `moments_section` lays it out.
"""

from dataclasses import dataclass

from game.engine import Game, possessive, quantity
from game.report.document import Bullets, Entries, Entry, Para, Section, Strong, Sub, Table, run
from game.report.event_impact import EventImpact, event_impacts
from game.report.history import Flip, RoundPoint, conditional_flips

UPSET = 0.65
"""A vote lost at these odds or better is called an upset."""
_FINAL = {"active": "in force at the end", "lapsed": "lapsed at the end: its condition never held",
          "withdrawn": "withdrawn", "rejected": "voted down at home", "pending": "still waiting for a vote"}


@dataclass(frozen=True, slots=True)
class Chain:
    """A conditional commitment: what it waited for, when that held, and how it ended."""

    commitment: int
    text: str
    condition: str
    rests_on: tuple[int, ...]
    """Commitments its condition names (by delegation, kind, priority)."""
    flips: tuple[Flip, ...]
    status: str
    effective: bool

    @property
    def unlocked(self) -> bool:
        return any(f.effective for f in self.flips)


@dataclass(frozen=True, slots=True)
class Moments:
    turning_points: tuple[str, ...]
    withdrawals: tuple[Entry, ...]
    lapses: tuple[Entry, ...]
    chains: tuple[Chain, ...]
    votes_lost: tuple[Entry, ...]
    awaiting_vote: tuple[str, ...]
    failed_deals: tuple[Entry, ...]
    events: tuple[EventImpact, ...]
    interventions: tuple[Entry, ...]


def find_moments(game: Game, points: list[RoundPoint]) -> Moments:
    """Returns the game's key moments."""
    view = game.view("facilitator")
    log = view.log
    commitments = {c.id: c for c in view.commitments}

    def entries(*kinds: str, tone: str = "bad") -> tuple[Entry, ...]:
        return tuple(Entry(f"Round {e.round}", _with_detail(game, e, commitments), tone)
                     for e in log if e.kind in kinds)

    votes_lost = tuple(Entry(f"Round {e.round}", e.text + (" An upset: the vote was expected to pass."
                                                           if e.data.get("chance", 0) >= UPSET else ""), "bad")
                       for e in log if e.kind == "ApprovalLost")
    return Moments(
        turning_points=tuple(_turning_points(game, points)),
        withdrawals=entries("PledgeWithdrawn"),
        lapses=entries("CommitmentLapsed"),
        chains=tuple(_chains(game, commitments)),
        votes_lost=votes_lost,
        awaiting_vote=tuple(describe(game, c) for c in commitments.values() if c.status == "pending"),
        failed_deals=entries("TradeFailed"),
        events=tuple(event_impacts(game, points)),
        interventions=tuple(Entry(f"Round {e.round}", e.text, "facilitator") for e in log
                            if e.actor == "facilitator"),
    )


def describe(game: Game, c) -> str:
    """Returns e.g. "#12 France: 2 contingents (ground troops) to Force"."""
    t = game.catalog
    kind = t.kinds[c.kind]
    priority = t.priorities[c.priority]
    return (f"#{c.id} {t.delegates[c.delegate].name}: {quantity(c.amount, kind.unit)} ({kind.name.lower()}) "
            f"to {priority.short or priority.name}")


def _with_detail(game: Game, entry, commitments: dict) -> str:
    c = commitments.get(entry.data.get("commitment"))
    if c is None or entry.kind not in ("PledgeWithdrawn", "CommitmentLapsed"):
        return entry.text
    t = game.catalog
    kind = t.kinds[c.kind]
    priority = t.priorities[c.priority]
    condition = f", if {c.condition}" if c.condition else ""
    return (f"{entry.text} It was {possessive(t.delegates[c.delegate].name)} {quantity(c.amount, kind.unit)} "
            f"({kind.name.lower()}) to {priority.short or priority.name}{condition}, made in round {c.round}.")


def _turning_points(game: Game, points: list[RoundPoint]):
    order = {"failed": 0, "partial": 1, "secured": 2}
    for before, after in zip(points, points[1:], strict=False):
        for pid, priority in game.catalog.priorities.items():
            old, new = before.status.get(pid), after.status.get(pid)
            if old != new:
                verb = "rose" if order.get(new, 0) > order.get(old, 0) else "fell"
                yield (f"Round {after.round}: {priority.name} {verb} from {old} to {new} "
                       f"({after.progress[pid]:g} of {priority.target:g}).")


def _chains(game: Game, commitments: dict):
    flips = conditional_flips(game)
    for c in commitments.values():
        if not c.condition:
            continue
        rests_on = tuple(other.id for other in commitments.values()
                         if other.id != c.id and _named_by(c.when, other))
        yield Chain(c.id, describe(game, c), c.condition, rests_on,
                    tuple(f for f in flips if f.commitment == c.id), c.status, c.effective)


def _named_by(condition, commitment) -> bool:
    """Whether a `contributed` test in the condition counts this commitment."""
    test = condition.test
    if test in ("all", "any"):
        return any(_named_by(x, commitment) for x in condition.of)
    if test == "not":
        return _named_by(condition.of, commitment)
    if test != "contributed":
        return False
    return all(getattr(condition, field) in (None, getattr(commitment, attr))
               for field, attr in (("delegate", "delegate"), ("kind", "kind"), ("priority", "priority")))


# -- layout -------------------------------------------------------------------------------------

def moments_section(game: Game, moments: Moments) -> Section:
    """Returns the key-moments section."""
    chains = {c.commitment: c for c in moments.chains}
    groups = [
        _group("Turning points", [Entry("Status", t, "event") for t in moments.turning_points],
               "No priority changed status."),
        _events(moments.events),
        _group("Commitments withdrawn", moments.withdrawals, "No delegation withdrew a commitment."),
        _group("Commitments that lapsed", moments.lapses, "No conditional commitment lapsed."),
        _group("Conditional chains", [_chain_entry(c, chains) for c in moments.chains],
               "No commitment was made conditional."),
        _group("Votes lost at home", moments.votes_lost, "No vote was lost."),
        _group("Still waiting for a vote at the end", [Entry("Pending", t, "bad") for t in moments.awaiting_vote],
               "Every commitment that needed a vote got one."),
        _group("Deals that fell through", moments.failed_deals, "Every agreed deal went through."),
        _group("Facilitator interventions", moments.interventions, "The facilitator did not intervene."),
    ]
    return Section("moments", "Key moments", tuple(groups),
                   intro="Found in the log: where the game turned, what broke and what unlocked.")


def _group(title: str, items, empty: str) -> Sub:
    return Sub(title, (Entries(tuple(items)),) if items else (Para(run(empty), "note"),))


def _chain_entry(chain: Chain, chains: dict[int, Chain]) -> Entry:
    text = f"{chain.text}, if {chain.condition}."
    for flip in chain.flips:
        if flip.made:
            text += f" In force as soon as it was made (round {flip.round}): its condition already held."
            continue
        verb = "Unlocked" if flip.effective else "Fell away"
        text += f" {verb} in round {flip.round}, after “{flip.cause.rstrip('.')}”."
    if chain.rests_on:
        links = [f"#{cid}" + (" (itself conditional)" if cid in chains else "") for cid in chain.rests_on[:6]]
        more = f" and {len(chain.rests_on) - 6} more" if len(chain.rests_on) > 6 else ""
        text += f" It rested on {', '.join(links)}{more}."
    text += f" Finally: {_FINAL.get(chain.status, chain.status)}."
    label = "Unlocked" if chain.effective else ("Failed" if chain.status in ("lapsed", "rejected") else "Conditional")
    return Entry(label, text, "good" if chain.effective else "bad")


def _events(impacts: tuple[EventImpact, ...]) -> Sub:
    if not impacts:
        return Sub("Events that changed the most", (Para(run("No event card was drawn."), "note"),))
    rows = []
    for i in impacts:
        tracks = "; ".join(f"{name} {b:g} → {a:g}" for name, b, a in i.tracks) or "—"
        progress = "; ".join(f"{name} {d:+g}" for name, d in i.progress) or "no change"
        if i.statuses:
            progress += ". " + "; ".join(i.statuses)
        title = i.title + (" (injected by the facilitator)" if i.injected else "")
        rows.append((run(title), run(str(i.round)), run("; ".join(i.effects) or "—"), run(tracks), run(progress)))
    table = Table(("Event", "Round", "What it did", "Tracks moved", "Progress in its round"), tuple(rows),
                  frozenset({1}), caption="Progress in a round comes mostly from the delegations' moves; it is "
                                          "shown beside the card, not credited to it.")
    return Sub("Events that changed the most", (Bullets(tuple(_leaders(impacts))), table))


def _leaders(impacts: tuple[EventImpact, ...]):
    """Yields the cards that stand out: most effects, most track movement, the biggest round."""
    most = max(impacts, key=lambda i: len(i.effects))
    yield run(Strong("Most far-reaching: "), f"{most.title} (round {most.round}), {len(most.effects)} effects.")
    moved = max(impacts, key=lambda i: i.track_change)
    if moved.track_change:
        yield run(Strong("Moved the tracks most: "), f"{moved.title} (round {moved.round}): "
                  + "; ".join(f"{n} {b:g} → {a:g}" for n, b, a in moved.tracks) + ".")
    swing = max(impacts, key=lambda i: (len(i.statuses), i.progress_change))
    if swing.statuses:
        yield run(Strong("Drawn in the round that changed most: "), f"{swing.title} (round {swing.round}): "
                  + "; ".join(swing.statuses) + ".")
