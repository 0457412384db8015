"""The debrief questions, ordered as a hotwash: reactions, what happened, why, lessons.

Professional debriefs run in that order (B8: reactions → what happened → why → lessons →
how to apply them). A scenario question may name its stage ("Why: ..."); one that does
not is placed by its wording. A stage the scenario leaves empty gets a standard prompt.
A conditional question (one that names an event, a flag or an end condition) is asked
only after a game in which that happened: the debrief follows the game.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    title: str
    guidance: str
    show: tuple[tuple[str, str], ...]
    """(section id, title) to put on the screen during this stage."""
    standard: tuple[str, ...]
    """Prompts used when the scenario has no question for this stage."""


STAGES = (
    Stage("reactions", "1. Reactions",
          "Straight after the game, before any numbers: let every delegation speak once, quiet ones first. "
          "Nothing is wrong yet; just how it felt.",
          (("outcome", "Outcome"),),
          ("In one sentence: how did the game feel from your seat?",
           "What surprised you most?")),
    Stage("what-happened", "2. What happened",
          "Establish the facts together from the record: the outcome, the turning points, the timeline.",
          (("outcome", "Outcome"), ("rounds", "Over the rounds"), ("moments", "Key moments"),
           ("timeline", "Timeline")),
          ("Which round decided the outcome, and what happened in it?",)),
    Stage("why", "3. Why",
          "Now open the secrets: reveal the confidential briefs and private objectives, and explain the moves "
          "that puzzled the table.",
          (("delegations", "Private objectives"), ("briefs", "Confidential briefs"),
           ("contributions", "Contributions and trades")),
          ("Which hidden objective or red line explains a move that puzzled you?",)),
    Stage("lessons", "4. Lessons",
          "Link back to reality: compare with what was actually agreed, and name what to do differently.",
          (("reality", "Compared with reality"),),
          ("What would you do differently, and what does that tell us about the real negotiation?",)),
)

# A question's own stage label ("Reactions:", "What happened -", "Lessons learned:").
_PREFIX = re.compile(r"^\s*(reactions?|what happened|why|lessons?(?: learned)?|how to apply(?: them)?|apply)"
                     r"\s*[:\-–—]\s*", re.IGNORECASE)
_LABELS = {"reaction": "reactions", "reactions": "reactions", "what happened": "what-happened", "why": "why",
           "lesson": "lessons", "lessons": "lessons", "lessons learned": "lessons", "lesson learned": "lessons",
           "how to apply": "lessons", "how to apply them": "lessons", "apply": "lessons"}
# Wording that places an unlabelled question, checked in this order.
_WORDS = (("reactions", ("feel", "felt", "surpris", "frustrat", "reaction", "enjoy")),
          ("lessons", ("lesson", "next time", "differently", "real negotiat", "learn", "advice", "would you tell")),
          ("why", ("why", "what made", "what caused", "explain", "because")))


def stage_of(question: str) -> tuple[str, str]:
    """Returns (stage id, the question without its stage label)."""
    match = _PREFIX.match(question)
    if match:
        rest = question[match.end():].strip()
        return _LABELS[match.group(1).lower()], rest[:1].upper() + rest[1:]
    lowered = question.lower()
    for stage, words in _WORDS:
        if any(w in lowered for w in words):
            return stage, question.strip()
    return "what-happened", question.strip()


def questions_for(scenario, events_fired, flags: dict[str, bool], end_reason: str) -> list[str]:
    """Returns the scenario's questions for one finished game: every plain question, and each
    conditional one whose event fired, whose flag ended as named and whose end condition ended it."""
    ended = {c.id for c in scenario.rules.end_conditions if c.description == end_reason}
    asked = list(scenario.meta.debrief_questions)
    for q in scenario.meta.conditional_questions:
        if q.after_event is not None and q.after_event not in events_fired:
            continue
        if q.flag is not None and flags.get(q.flag, False) != q.flag_value:
            continue
        if q.ended_by is not None and q.ended_by not in ended:
            continue
        asked.append(q.text)
    return asked


def hotwash(questions: list[str]) -> list[tuple[Stage, list[str], bool]]:
    """Returns each stage in order with its questions, and whether they are the standard prompts."""
    staged: dict[str, list[str]] = {s.id: [] for s in STAGES}
    for question in questions:
        stage, text = stage_of(question)
        staged[stage].append(text)
    return [(stage, staged[stage.id] or list(stage.standard), not staged[stage.id]) for stage in STAGES]
