"""The scenario compiled once into plain lookups and condition closures for the rules loop."""

from dataclasses import dataclass
from typing import Any

from game.engine.conditions import Predicate, compile_all
from game.engine.words import Names, lower_name, number, quantity
from game.model.delegates import Delegate
from game.model.scenario import CommitmentKind, Event, Flag, Priority, Scenario, Track


@dataclass(frozen=True, slots=True)
class Catalog:
    """The scenario's parts by id, for readers outside the engine (the UI, the review): read-only."""

    scenario: Scenario
    seats: tuple[str, ...]
    delegates: dict[str, Delegate]
    kinds: dict[str, CommitmentKind]
    priorities: dict[str, Priority]
    priority_order: tuple[str, ...]
    events: dict[str, Event]
    tracks: dict[str, Track]
    flags: dict[str, Flag]
    partial_at: dict[str, float]
    """priority -> the progress at which it counts as partial (half its target unless set)."""


@dataclass(frozen=True, slots=True)
class Tables:
    scenario: Scenario
    content_hash: str
    seats: tuple[str, ...]
    seat_index: dict[str, int]
    """seat -> its place in the scenario's order (lists of seats keep it)."""
    delegates: dict[str, Delegate]
    kinds: dict[str, CommitmentKind]
    priorities: dict[str, Priority]
    priority_order: tuple[str, ...]
    events: dict[str, Event]
    event_order: tuple[str, ...]
    event_when: dict[str, Predicate]
    event_deck: tuple[tuple[str, bool, Predicate, float], ...]
    """(event id, repeatable, its `when`, its weight) in scenario order: what a draw reads."""
    objective_when: dict[tuple[str, str], Predicate]
    end_when: tuple[tuple[str, Predicate], ...]
    approval_mods: dict[tuple[str, str], tuple[tuple[Predicate, float], ...]]
    partial_at: dict[str, float]
    status_rule: dict[str, tuple[float, float, int, tuple[str, ...]]]
    """priority -> (target, partial_at, min_signatories, required_signatories): what its status reads."""
    needs_approval: frozenset[tuple[str, str]]
    """(delegate, kind) pairs whose commitments need a domestic mandate."""
    approval_kinds: dict[str, tuple[str, ...]]
    """seat -> the kinds it needs a mandate for (outside its red lines), in scenario order."""
    objectives: dict[str, tuple]
    """seat -> its objectives, each with `when` as a tuple (what a view hands its own seat)."""
    red_kinds: dict[str, frozenset[str]]
    red_priorities: dict[str, frozenset[str]]
    track_bounds: dict[str, tuple[float, float]]
    known: dict[str, set[str]]
    """Every id by namespace, for checking conditions that players write into offers."""
    action_memo: dict
    """Enumerated actions are immutable values: legal_actions reuses them across turns and games."""
    memo_ids: set
    """The ids of the memoised actions (kept alive by the memo): known well formed."""
    listed: dict
    """What legal-action enumerators list that depends only on the scenario and the key they
    file it under (the signatures a seat may make, its pledges by free units), kept across games."""
    described: dict
    """(giver, kind, amount, priority) -> what the log calls that commitment without a condition."""
    names: Names
    catalog: Catalog
    display_names: dict[str, str]
    """delegate, priority or kind id -> its name (a delegate's first, then a priority's)."""
    kind_words: dict[str, tuple[str, str, str]]
    """kind -> (its name in mid-sentence, its unit, "1 <unit in the singular>"): what the log says."""
    binding_kinds: frozenset[str]
    """The kinds that need a representative with binding authority."""
    contributor_rule: dict[str, tuple[frozenset[str], frozenset[str] | None]]
    """priority -> (its excluded contributors, its only contributors or None for everyone)."""
    open_items: tuple[frozenset[tuple[str, str, str]], frozenset[tuple[str, str, str]]]
    """(giver, kind, priority) that the scenario's standing rules let a giver commit: (to
    another's offer, with red lines unseen; of its own, within its red lines)."""
    actions_per_turn: int
    rounds: int
    attributes: dict[str, tuple[str, ...]]
    """seat -> its attributes, as a view shows them."""
    turns_per_round: int

    def display_name(self, some_id: str) -> str:
        """Returns the display name of a delegate, priority or commitment kind id (else the id)."""
        return self.display_names.get(some_id, some_id)

    def quantity(self, kind: str, amount: float) -> str:
        """Returns `words.quantity(amount, unit)` for the kind's unit ("1 contingent", "3 contingents")."""
        _, unit, one = self.kind_words[kind]
        return one if amount == 1 else f"{number(amount)} {unit}"

    def action(self, cls, *args):
        """Returns the memoised action cls(*args)."""
        key = (cls, *args)
        found = self.action_memo.get(key)
        if found is None:
            found = self.action_memo[key] = cls(*args)
            self.memo_ids.add(id(found))
        return found


_tables_cache: dict[str, Tables] = {}


def compile_tables(scenario: Scenario, content_hash: str) -> Tables:
    """Returns the compiled tables for a scenario, cached by content hash."""
    if content_hash in _tables_cache:
        return _tables_cache[content_hash]
    delegates = {d.id: d for d in scenario.delegates}
    kinds = {k.id: k for k in scenario.commitment_kinds}
    priorities = {p.id: p for p in scenario.priorities}
    events = {e.id: e for e in scenario.events}
    needs: set[tuple[str, str]] = set()
    mods: dict[tuple[str, str], Any] = {}
    for d in scenario.delegates:
        for k in scenario.commitment_kinds:
            approval = d.approvals.get(k.id)
            if (approval.required if approval else k.needs_approval):
                needs.add((d.id, k.id))
            if approval:
                mods[(d.id, k.id)] = tuple((compile_all(m.when), m.by) for m in approval.modifiers)
    event_when = {e.id: compile_all(e.when) for e in scenario.events}
    partial_at = {p.id: p.target / 2 if p.partial_at is None else p.partial_at for p in scenario.priorities}
    tables = Tables(
        scenario=scenario,
        content_hash=content_hash,
        seats=tuple(delegates),
        seat_index={seat: i for i, seat in enumerate(delegates)},
        delegates=delegates,
        kinds=kinds,
        priorities=priorities,
        priority_order=tuple(priorities),
        events=events,
        event_order=tuple(e.id for e in scenario.events),
        event_when=event_when,
        event_deck=tuple((e.id, e.repeatable, event_when[e.id], e.weight) for e in scenario.events),
        objective_when={(d.id, o.id): compile_all(o.when) for d in scenario.delegates for o in d.objectives},
        end_when=tuple((c.id, compile_all(c.when)) for c in scenario.rules.end_conditions),
        approval_mods=mods,
        partial_at=partial_at,
        status_rule={p.id: (p.target, partial_at[p.id], p.min_signatories, tuple(p.required_signatories))
                     for p in scenario.priorities},
        needs_approval=frozenset(needs),
        objectives={d.id: tuple(o.model_copy(update={"when": tuple(o.when)}) for o in d.objectives)
                    for d in scenario.delegates},
        approval_kinds={d.id: tuple(k.id for k in scenario.commitment_kinds if (d.id, k.id) in needs
                                    and k.id not in d.red_lines.kinds) for d in scenario.delegates},
        red_kinds={d.id: frozenset(d.red_lines.kinds) for d in scenario.delegates},
        red_priorities={d.id: frozenset(d.red_lines.priorities) for d in scenario.delegates},
        track_bounds={t.id: (t.min, t.max) for t in scenario.tracks},
        known={ns: {x.id for x in getattr(scenario, ns)} for ns in
               ("priorities", "commitment_kinds", "tracks", "flags", "delegates", "events")},
        action_memo={},
        memo_ids=set(),
        listed={},
        described={},
        names=Names(scenario),
        display_names={some_id: item.name for table in (kinds, priorities, delegates)
                       for some_id, item in table.items()},
        kind_words={k.id: (lower_name(k.name), k.unit, quantity(1, k.unit)) for k in scenario.commitment_kinds},
        binding_kinds=frozenset(k.id for k in scenario.commitment_kinds if k.needs_binding_authority),
        contributor_rule={p.id: (frozenset(p.excluded_contributors),
                                 None if p.contributors is None else frozenset(p.contributors))
                          for p in scenario.priorities},
        open_items=_open_items(scenario),
        actions_per_turn=scenario.rules.actions_per_turn,
        rounds=scenario.rules.rounds,
        attributes={d.id: tuple(d.attributes) for d in scenario.delegates},
        turns_per_round=scenario.rules.turns_per_round,
        catalog=Catalog(scenario, tuple(delegates), delegates, kinds, priorities, tuple(priorities), events,
                        {t.id: t for t in scenario.tracks}, {f.id: f for f in scenario.flags}, partial_at),
    )
    _tables_cache[content_hash] = tables
    return tables


def _open_items(scenario: Scenario) -> tuple[frozenset, frozenset]:
    """Returns the (giver, kind, priority) triples no excluded/contributors rule forbids, and
    those of them outside the giver's red lines (see `commitments.check_item`)."""
    allowed, own = set(), set()
    for p in scenario.priorities:
        for d in scenario.delegates:
            if d.id in p.excluded_contributors or (p.contributors is not None and d.id not in p.contributors):
                continue
            for k in scenario.commitment_kinds:
                allowed.add((d.id, k.id, p.id))
                if p.id not in d.red_lines.priorities and k.id not in d.red_lines.kinds:
                    own.add((d.id, k.id, p.id))
    return frozenset(allowed), frozenset(own)
