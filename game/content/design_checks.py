"""Design-mistake warnings: a scenario that validates but cannot play as its author meant.

Each check proves a mistake from the file alone (a red-lined kind with capacity, an event
whose `when` can never hold, a target no table can reach), so a warning is never a guess:
where an event could change the answer, the check assumes the most generous case.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.content.messages import problem_at
from game.content.yaml_safe import parse_yaml
from game.errors import FileProblem
from game.model.scenario import Event, Scenario

Loc = tuple[str | int, ...]
DesignWarning = tuple[Loc, str]
UNBOUNDED = float("inf")


def design_warnings(scenario: Scenario, path: Path | str) -> list[FileProblem]:
    """Returns the design warnings of a validated scenario, each at its position in the file."""
    name = str(path)
    root = parse_yaml(Path(path).read_bytes(), name).root
    return [problem_at(root, loc, name, message) for loc, message in check_design(scenario)]


def format_warning(problem: FileProblem, *, as_error: bool = False) -> str:
    """Returns `FILE:LINE:COL: warning: path: message` (or `error: ... [--strict]`)."""
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    label = "error" if as_error else "warning"
    text = f"{problem.path}: {problem.message}" if problem.path else problem.message
    return f"{where}: {label}: {text}" + (" [--strict]" if as_error else "")


def check_design(s: Scenario) -> list[DesignWarning]:
    """Returns (location, message) for every design mistake, in file order."""
    reach = Reach.of(s)
    warnings = [*_red_lined_capacity(s), *_leads_and_signatories(s, reach),
                *_dead_events(s, reach), *_unreachable_targets(s, reach)]
    return sorted(warnings, key=lambda w: tuple((0, x) if isinstance(x, int) else (1, x) for x in w[0]))


# -- what the game can ever reach ---------------------------------------------------------

@dataclass
class Reach:
    """What can ever happen in a game of the scenario, computed as a least fixpoint over the
    deck: an event is drawable once its `when` can hold given the flags and authorities that
    the start and the drawable events can produce."""

    scenario: Scenario
    drawable: set[str] = field(default_factory=set)
    flags: dict[str, set[bool]] = field(default_factory=dict)
    authority: dict[str, set[bool]] = field(default_factory=dict)

    @classmethod
    def of(cls, s: Scenario) -> "Reach":
        reach = cls(s, set(), {f.id: {f.start} for f in s.flags},
                    {d.id: {d.binding_authority} for d in s.delegates})
        if not _deck_is_drawn(s):
            return reach
        changed = True
        while changed:
            changed = False
            for event in s.events:
                if event.id not in reach.drawable and reach.first_impossible(event.when, event) is None:
                    reach.drawable.add(event.id)
                    reach._absorb(event)
                    changed = True
        return reach

    def _absorb(self, event: Event) -> None:
        for effect in event.effects:
            if effect.op == "set_flag":
                self.flags[effect.flag].add(effect.value)
            elif effect.op == "replace_representative" and effect.binding_authority is not None:
                self.authority[effect.delegate].add(effect.binding_authority)

    def effects(self, op: str) -> Iterator[tuple[Event, object]]:
        for event in self.scenario.events:
            if event.id in self.drawable:
                for effect in event.effects:
                    if effect.op == op:
                        yield event, effect

    def max_capacity(self, delegate: str, kind: str) -> float:
        """Returns the most units of a kind the delegation could ever hold."""
        d = next(x for x in self.scenario.delegates if x.id == delegate)
        total: float = d.capacities.get(kind, 0)
        for event, e in self.effects("adjust_capacity"):
            if e.delegate == delegate and e.kind == kind and e.by > 0:
                total += UNBOUNDED if event.repeatable else e.by
        return total

    def max_contribution(self, kind: str, priority: str) -> float:
        """Returns the most one unit of a kind could ever add to a priority."""
        k = next(x for x in self.scenario.commitment_kinds if x.id == kind)
        total = k.contributes.get(priority, 0)
        for event, e in self.effects("adjust_contribution"):
            if e.kind == kind and e.priority == priority and e.by > 0:
                total += UNBOUNDED if event.repeatable else e.by
        return total

    # -- conditions: False only when provably impossible ------------------------------------
    def first_impossible(self, conditions: list, event: Event | None = None) -> tuple[int, str] | None:
        """Returns (index, reason) of the first condition that can never hold, or of the list
        as a whole (index -1) when its ranges contradict; None if the list could hold."""
        for index, condition in enumerate(conditions):
            reason = self.impossible(condition, event)
            if reason:
                return index, reason
        clash = _range_clash(conditions, self.scenario)
        return (-1, clash) if clash else None

    def impossible(self, c, event: Event | None = None) -> str | None:
        """Returns why the condition can never hold, or None."""
        check = _IMPOSSIBLE.get(c.test)
        return check(self, c, event) if check else None

    def always(self, c) -> bool:
        """Is the condition provably true in every state? (Used under `not`.)"""
        if c.test == "round":
            return (c.min is None or c.min <= 1) and (c.max is None or c.max >= self.scenario.rules.rounds)
        if c.test == "track":
            t = next(x for x in self.scenario.tracks if x.id == c.track)
            return (c.min is None or c.min <= t.min) and (c.max is None or c.max >= t.max)
        if c.test == "flag":
            return self.flags[c.flag] == {c.value}
        if c.test == "all":
            return all(self.always(x) for x in c.of)
        if c.test == "any":
            return any(self.always(x) for x in c.of)
        if c.test == "not":
            return self.impossible(c.of) is not None
        return False


def _deck_is_drawn(s: Scenario) -> bool:
    return "events" in s.rules.phases and s.rules.events_per_round > 0


def _between(low: float | None, high: float | None, lo: float, hi: float) -> bool:
    """Does [low, high] (open where None) meet [lo, hi]?"""
    return max(lo, low if low is not None else lo) <= min(hi, high if high is not None else hi)


def _round_impossible(r: Reach, c, event) -> str | None:
    rounds = r.scenario.rules.rounds
    if _between(c.min, c.max, 1, rounds):
        return None
    return f"round {_span(c.min, c.max)} never comes: the game has rounds 1 to {rounds}"


def _track_impossible(r: Reach, c, event) -> str | None:
    t = next(x for x in r.scenario.tracks if x.id == c.track)
    if _between(c.min, c.max, t.min, t.max):
        return None
    return f"track '{c.track}' {_span(c.min, c.max)} is outside its bounds [{t.min:g}, {t.max:g}]"


def _flag_impossible(r: Reach, c, event) -> str | None:
    if c.value in r.flags[c.flag]:
        return None
    start = next(f.start for f in r.scenario.flags if f.id == c.flag)
    return (f"flag '{c.flag}' is never {str(c.value).lower()}: it starts {str(start).lower()} "
            f"and no event that can be drawn sets it {str(c.value).lower()}")


def _event_fired_impossible(r: Reach, c, event) -> str | None:
    if event is not None and c.event == event.id and not event.repeatable:
        return "it waits for itself to have fired, and it is not repeatable"
    if c.event in r.drawable:
        return None
    return f"event '{c.event}' can never be drawn"


def _signed_impossible(r: Reach, c, event) -> str | None:
    d = next(x for x in r.scenario.delegates if x.id == c.delegate)
    if c.priority in d.red_lines.priorities:
        return f"'{c.delegate}' never signs '{c.priority}': it is one of its red lines"
    p = next((x for x in r.scenario.priorities if x.id == c.priority), None)
    if p is not None and not p.may_sign(c.delegate):
        return f"'{c.delegate}' never signs '{c.priority}': it is not among its `signers`"
    return None


def _authority_impossible(r: Reach, c, event) -> str | None:
    if c.value in r.authority[c.delegate]:
        return None
    return f"'{c.delegate}' never has binding authority {str(c.value).lower()}: no drawable event changes it"


def _status_impossible(r: Reach, c, event) -> str | None:
    return "an empty `status` list matches no status" if c.status == [] else None


def _contributed_impossible(r: Reach, c, event) -> str | None:
    if c.delegate is None or c.kind is None or c.min <= 0:
        return None
    why = _cannot_give(r, c.delegate, c.kind, c.priority)
    return f"'{c.delegate}' can never commit '{c.kind}'{' to ' + repr(c.priority) if c.priority else ''}: {why}" if why else None


def _all_impossible(r: Reach, c, event) -> str | None:
    found = r.first_impossible(c.of, event)
    return found[1] if found else None


def _any_impossible(r: Reach, c, event) -> str | None:
    reasons = [r.impossible(x, event) for x in c.of]
    return "none of its alternatives can hold: " + "; ".join(reasons) if all(reasons) else None


def _not_impossible(r: Reach, c, event) -> str | None:
    return "it negates a condition that always holds" if r.always(c.of) else None


_IMPOSSIBLE = {
    "round": _round_impossible, "track": _track_impossible, "flag": _flag_impossible,
    "event_fired": _event_fired_impossible, "signed": _signed_impossible,
    "binding_authority": _authority_impossible, "priority": _status_impossible,
    "contributed": _contributed_impossible, "all": _all_impossible, "any": _any_impossible,
    "not": _not_impossible,
}


def _span(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"within [{low:g}, {high:g}]"
    return f">= {low:g}" if low is not None else f"<= {high:g}"


def _range_clash(conditions: list, s: Scenario) -> str | None:
    """Finds round or track tests in one list that cannot hold together (min 7 and max 3)."""
    spans: dict[str, list[float]] = {}
    for c in conditions:
        if c.test in ("round", "track"):
            key = "round" if c.test == "round" else f"track '{c.track}'"
            lo, hi = spans.setdefault(key, [-UNBOUNDED, UNBOUNDED])
            spans[key] = [max(lo, c.min if c.min is not None else lo), min(hi, c.max if c.max is not None else hi)]
    for key, (lo, hi) in spans.items():
        if lo > hi:
            return f"its conditions on {key} cannot hold together (>= {lo:g} and <= {hi:g})"
    return None


# -- delegations, kinds and priorities ----------------------------------------------------

def _cannot_give(r: Reach, delegate: str, kind: str, priority: str | None) -> str | None:
    """Returns why the delegation can never commit the kind (toward the priority), or None."""
    d = next(x for x in r.scenario.delegates if x.id == delegate)
    if kind in d.red_lines.kinds:
        return "it red-lines that kind"
    if priority is not None and priority in d.red_lines.priorities:
        return f"it red-lines '{priority}'"
    p = next((x for x in r.scenario.priorities if x.id == priority), None)
    if p is not None and not p.may_contribute(delegate):
        return f"the rules of '{priority}' do not let it contribute (`contributors`, `excluded_contributors`)"
    if r.max_capacity(delegate, kind) <= 0:
        return "it has no capacity in it, and no event gives it any"
    if priority is not None and r.max_contribution(kind, priority) <= 0:
        return f"'{kind}' never counts toward '{priority}'"
    return None


def _red_lined_capacity(s: Scenario) -> Iterator[DesignWarning]:
    for i, d in enumerate(s.delegates):
        for kind in d.red_lines.kinds:
            if d.capacities.get(kind, 0) > 0:
                yield (("delegates", i, "capacities", kind),
                       f"'{d.id}' has {d.capacities[kind]} units of '{kind}' but red-lines the kind, "
                       f"so they can never be committed (drop the capacity or the red line)")


def _leads_and_signatories(s: Scenario, r: Reach) -> Iterator[DesignWarning]:
    by_id = {d.id: d for d in s.delegates}
    kinds = [k.id for k in s.commitment_kinds]
    for i, p in enumerate(s.priorities):
        for j, lead in enumerate(p.required_leads):
            reasons = {k: _cannot_give(r, lead, k, p.id) for k in kinds}
            if not p.may_contribute(lead):
                why = ("it is among its `excluded_contributors`" if lead in p.excluded_contributors
                       else "it is not among its `contributors`")
            elif all(reasons.values()):
                why = ("it red-lines the priority" if p.id in by_id[lead].red_lines.priorities
                       else "no kind it can commit counts toward it")
            else:
                continue
            yield (("priorities", i, "required_leads", j),
                   f"required lead '{lead}' can never contribute to '{p.id}': {why}, "
                   f"so '{p.id}' can never be secured")
        for j, who in enumerate(p.required_signatories):
            if p.id in by_id[who].red_lines.priorities or not p.may_sign(who):
                why = "one of its red lines" if p.may_sign(who) else "it is not among its `signers`"
                yield (("priorities", i, "required_signatories", j),
                       f"required signatory '{who}' never signs '{p.id}' ({why}), "
                       f"so '{p.id}' can never be secured")
        can_sign = sum(1 for d in s.delegates if p.id not in d.red_lines.priorities and p.may_sign(d.id))
        if p.min_signatories > can_sign:
            yield (("priorities", i, "min_signatories"),
                   f"'{p.id}' needs {p.min_signatories} signatures but only {can_sign} delegations "
                   f"may sign it, so it can never be secured")


def _dead_events(s: Scenario, r: Reach) -> Iterator[DesignWarning]:
    if not s.events:
        return
    if not _deck_is_drawn(s):
        where = ("rules", "events_per_round") if "events" in s.rules.phases else ("rules", "phases")
        yield where, (f"the deck is never drawn (no 'events' phase, or events_per_round is 0): "
                      f"its {len(s.events)} cards can only be injected by a facilitator")
        return
    for i, event in enumerate(s.events):
        if event.id in r.drawable:
            continue
        found = r.first_impossible(event.when, event)
        index, reason = found if found else (-1, "it depends on events that can never be drawn")
        loc = ("events", i, "when", index) if index >= 0 else ("events", i, "when", "[key]")
        yield loc, f"event '{event.id}' can never be drawn: {reason}"


def _unreachable_targets(s: Scenario, r: Reach) -> Iterator[DesignWarning]:
    for i, p in enumerate(s.priorities):
        best = 0.0
        for d in s.delegates:
            if p.id in d.red_lines.priorities or not p.may_contribute(d.id):
                continue
            for k in s.commitment_kinds:
                if k.id not in d.red_lines.kinds:
                    best += _product(r.max_capacity(d.id, k.id), r.max_contribution(k.id, p.id))
        if best < p.target:
            yield (("priorities", i, "target"),
                   f"'{p.id}' can never be secured: every delegation's whole capacity together "
                   f"adds at most {best:g} (target {p.target:g})")


def _product(units: float, per_unit: float) -> float:
    return 0.0 if units <= 0 or per_unit <= 0 else units * per_unit
