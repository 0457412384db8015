"""Class-length presets and the phase clock: time lives in the host, never in the engine.

A preset gives each round's negotiation a time limit; when it runs out the host takes the
facilitator's EndPhase action, which is journaled like any other, so replay stays exact.
"""

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassPlan:
    """How a class of `minutes` is spent: a briefing, the rounds, a debrief."""

    minutes: int
    briefing: int
    debrief: int
    rounds: int

    @property
    def round_minutes(self) -> float:
        return (self.minutes - self.briefing - self.debrief) / self.rounds

    def describe(self) -> str:
        return (f"{self.minutes}-minute class: {self.briefing} min briefing, {self.rounds} rounds of "
                f"{self.round_minutes:.1f} min (negotiation ends when time is up), {self.debrief} min debrief")


PRESETS = {45: (5, 10), 90: (10, 15), 180: (15, 25)}
"""Class length -> (briefing, debrief) minutes."""


def class_plan(minutes: int, rounds: int) -> ClassPlan:
    briefing, debrief = PRESETS[minutes]
    return ClassPlan(minutes, briefing, debrief, rounds)


class PhaseClock:
    """Times each round's negotiation phase; paused time does not count."""

    def __init__(self, seconds: float, clock=time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.round: int | None = None
        self.left = 0.0
        self.since: float | None = None
        """When the clock last started running (None while stopped)."""

    def update(self, round_: int, phase: str, paused: bool) -> bool:
        """Follows the game after a change; returns True when a new timed phase started."""
        now = self.clock()
        started = False
        if phase == "negotiation" and round_ != self.round:
            self.round, self.left, self.since, started = round_, self.seconds, None, True
        if phase != "negotiation":
            self.left = 0.0
        running = phase == "negotiation" and round_ == self.round and not paused and self.left > 0
        if self.since is not None and not running:
            self.left = max(0.0, self.left - (now - self.since)) if phase == "negotiation" else 0.0
            self.since = None
        elif self.since is None and running:
            self.since = now
        return started

    def remaining(self) -> float | None:
        """Returns the seconds left in the timed phase, or None when no phase is being timed."""
        if self.since is None:
            return self.left if self.left > 0 else None
        return max(0.0, self.left - (self.clock() - self.since))

    def expired(self) -> bool:
        return self.since is not None and self.remaining() == 0.0
