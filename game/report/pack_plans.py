"""Lesson plans for 45, 90 and 180 minutes, derived from a scenario's rules and a class of 12.

The timing model, in one place. At one screen the delegations take turns, so a round's
negotiation lasts about (human seats × turns per round) turns: 45 s a turn at ease, 30 s
when brisk; the scenario's own phase time limits (workshop timings) set a floor at ease.
Other phases take their scenario limit, or 3/3/2 minutes (events/approvals/scoring), or 1
minute each when brisk. A plan keeps the briefing and the debrief, fits as many rounds as
it can at ease, then brisk, and says what it cut; spare time goes to the debrief, or to a
second game when a whole one fits.
"""

from dataclasses import dataclass, replace

from game.model.delegates import Delegate
from game.model.scenario import Scenario

CLASS_SIZE = 12
PLAN_MINUTES = (45, 90, 180)
EASY_TURN_SECONDS, BRISK_TURN_SECONDS = 45, 30
RESEAT_MINUTES = 5
_DEFAULT_PHASES = {"events": 3, "approvals": 3, "scoring": 2}
_FRAME = {45: (7, 10, 0), 90: (12, 20, 0), 180: (20, 35, 10)}  # briefing, debrief, break (minutes)
_LONGEST_DEBRIEF = 45
_STOPWORDS = frozenset("the a an of to in on and or for with by from at its is are was be than this that".split())


@dataclass(frozen=True)
class Seating:
    humans: tuple[Delegate, ...]
    """The seats students play (the core seats, at most 12); bots play the rest."""
    per_seat: int
    """Students per human seat (12 // seats, at least 1)."""
    spare: int
    """Students left over after filling seats evenly (observers, press, a second facilitator)."""


@dataclass(frozen=True)
class Plan:
    minutes: int
    briefing: int
    debrief: int
    pause: int
    games: int
    rounds: int
    phases: tuple[tuple[str, int], ...]
    """(phase, minutes) for one round, in the scenario's phase order."""
    turn_seconds: int
    cuts: tuple[str, ...]
    injects: tuple[tuple[int, tuple[str, ...]], ...]
    """(round, event ids): a card to inject if the deck has not drawn it by then (one of the ids)."""

    @property
    def round_minutes(self) -> int:
        return sum(m for _, m in self.phases)


def seating(scenario: Scenario) -> Seating:
    """Returns who plays what in a class of 12: the core seats (every seat if none is core)."""
    core = tuple(d for d in scenario.delegates if d.core) or tuple(scenario.delegates)
    humans = core[:CLASS_SIZE]
    return Seating(humans, max(1, CLASS_SIZE // len(humans)), max(0, CLASS_SIZE - len(humans) * (CLASS_SIZE // len(humans))))


def _phase_minutes(scenario: Scenario, humans: int, brisk: bool) -> list[tuple[str, int]]:
    rules = scenario.rules
    turns = humans * rules.turns_per_round
    out = []
    for phase in rules.phases:
        limit = rules.phase_time_limits.get(phase)
        if phase == "negotiation":
            seconds = turns * (BRISK_TURN_SECONDS if brisk else EASY_TURN_SECONDS)
            if not brisk and limit:
                seconds = max(seconds, limit)
            out.append((phase, max(1, round(seconds / 60))))
        else:
            out.append((phase, 1 if brisk else max(1, round(limit / 60)) if limit else _DEFAULT_PHASES[phase]))
    return out


def make_plan(scenario: Scenario, minutes: int) -> Plan:
    """Returns the plan for a lesson of this many minutes."""
    rules, humans = scenario.rules, len(seating(scenario).humans)
    briefing, debrief, pause = _FRAME.get(minutes, (round(minutes * 0.14), round(minutes * 0.22), 0))
    play = minutes - briefing - debrief - pause
    easy, brisk = _phase_minutes(scenario, humans, False), _phase_minutes(scenario, humans, True)
    easy_round, brisk_round = sum(m for _, m in easy), sum(m for _, m in brisk)
    if rules.rounds * easy_round <= play:
        rounds, phases = rules.rounds, easy
    else:
        rounds = max(1, min(rules.rounds, play // brisk_round))
        per_round = play // rounds
        others = brisk if per_round < easy_round else easy
        fixed = sum(m for p, m in others if p != "negotiation")
        talk = max(dict(brisk).get("negotiation", 0), min(dict(easy).get("negotiation", 0), per_round - fixed))
        phases = [(p, talk if p == "negotiation" else m) for p, m in others]
    used = rounds * sum(m for _, m in phases)
    games, spare = 1, play - used
    if rounds == rules.rounds and minutes >= 90:  # a whole game fits again: play it with seats rotated
        extra = min(2, spare // (used + RESEAT_MINUTES))
        games, spare = 1 + extra, spare - extra * (used + RESEAT_MINUTES)
    if debrief + spare > _LONGEST_DEBRIEF:
        briefing += debrief + spare - _LONGEST_DEBRIEF
        debrief = _LONGEST_DEBRIEF
    else:
        debrief += spare
    turns = humans * rules.turns_per_round
    talk = dict(phases).get("negotiation", 0)
    turn_seconds = round(talk * 60 / turns) if turns else 0
    plan = Plan(minutes, briefing, debrief, pause, games, rounds, tuple(phases), turn_seconds, (), ())
    return replace(plan, cuts=tuple(_cuts(scenario, plan, easy)), injects=tuple(inject_schedule(scenario, rounds)))


def _cuts(scenario: Scenario, plan: Plan, easy: list[tuple[str, int]]) -> list[str]:
    rules, cuts = scenario.rules, []
    if plan.rounds < rules.rounds:
        cuts.append(f"Play {plan.rounds} of the {rules.rounds} rounds: after round {plan.rounds} is scored, save "
                    "(Ctrl+S) and debrief on the standings as they are; say so to the class at the start.")
    full, now = dict(easy), dict(plan.phases)
    if now.get("negotiation", 0) < full.get("negotiation", 0):
        cuts.append(f"Negotiation {now['negotiation']} minutes a round instead of {full['negotiation']}: about "
                    f"{plan.turn_seconds} s a turn; end the phase (X in the facilitator panel) when time is up.")
    if any(now[p] < full[p] for p in now if p != "negotiation"):
        cuts.append("Event cards read aloud once, votes and scoring announced without discussion: "
                    "questions wait for the debrief.")
    if plan.debrief < 20:
        cuts.append("A short debrief: one question per stage, reactions and lessons first; the review "
                    "(`coalition report`) can go home with the students.")
    if plan.games > 1:
        cuts.append(f"Nothing to cut: play the game {plan.games} times, rotating seats (or with a new seed) "
                    "between games, and debrief them together.")
    return cuts or ["Nothing to cut: every round at an easy pace."]


def _round_window(event) -> tuple[int, int]:
    low, high = 1, 10_000
    for c in event.when:
        if c.test == "round":
            low = max(low, c.min or 1)
            high = min(high, c.max if c.max is not None else high)
    return low, high


def debrief_events(scenario: Scenario) -> list[tuple[str, ...]]:
    """Returns the event cards the debrief questions talk about, in deck order.

    A card is named by its id ("venezuela") or two words of its title ("drone incursion").
    Cards named by the same words ("ceasefire violation") are alternatives: one group.
    """
    questions = " ".join([*scenario.meta.debrief_questions,
                          *((q.after_event or "").replace("_", " ") for q in scenario.meta.conditional_questions)]).casefold()
    groups: dict[str, list[str]] = {}
    for event in scenario.events:
        words = [w.strip("'\"“”‘’:,.!?()").casefold() for w in event.title.split()]
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
                 if a not in _STOPWORDS and b not in _STOPWORDS and len(a) > 3 and len(b) > 3]
        phrases = [event.id.replace("_", " ").replace("-", " "), *pairs]
        found = next((p for p in phrases if p and p in questions), None)
        if found:
            groups.setdefault(found, []).append(event.id)
    return [tuple(ids) for ids in groups.values()]


def inject_schedule(scenario: Scenario, rounds: int) -> list[tuple[int, tuple[str, ...]]]:
    """Returns (round, event ids) for the debrief's cards: one group per round, within its cards' round windows."""
    events = {e.id: e for e in scenario.events}
    taken: dict[int, tuple[str, ...]] = {}
    for group in debrief_events(scenario):
        low = min(_round_window(events[i])[0] for i in group)
        high = max(_round_window(events[i])[1] for i in group)
        free = [r for r in range(low, min(high, rounds) + 1) if r not in taken]
        if free:
            taken[free[0]] = group
    return sorted(taken.items())
