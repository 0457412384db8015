"""The facilitator's actions: inject an event card, adjust a track, pause and resume, end the
negotiation phase early, hand a seat to a bot or back. They are recorded like any action.
"""

import math
from typing import get_args

from game.engine import flow
from game.engine.effects import clamp_track
from game.engine.log import record
from game.engine.rule import Rejection, Rule
from game.engine.state import State
from game.engine.words import controller_label
from game.model.delegates import Personality

CONTROLLERS = ("human", *get_args(Personality))
"""Who may play a seat: a human, or a bot personality the scenario format names."""


def check_inject(state: State, a) -> Rejection | None:
    event = state.tables.events.get(a.event)
    if event is None:
        return Rejection("unknown_event", f"Unknown event '{a.event}' (known: {', '.join(state.tables.events)}).")
    if not event.repeatable and state.fired.get(a.event, 0):
        return Rejection("already_played", f"'{event.title}' has already been played and is not repeatable.")
    return None


def apply_inject(state: State, a) -> None:
    flow.fire_event(state, a.event, "facilitator")


def check_adjust_track(state: State, a) -> Rejection | None:
    if a.track not in state.tracks:
        return Rejection("unknown_track", f"Unknown track '{a.track}' (known: {', '.join(state.tracks)}).")
    if not isinstance(a.by, int | float) or not math.isfinite(a.by) or not a.by:
        return Rejection("no_change", "Adjust the track by a non-zero number.")
    if not a.reason.strip():
        return Rejection("no_reason", "Give a reason for the record when adjusting a track.")
    return None


def apply_adjust_track(state: State, a) -> None:
    before = state.tracks[a.track]
    state.tracks[a.track] = clamp_track(state, a.track, before + a.by)
    state.changed()
    record(state, "facilitator", "TrackAdjusted",
           f"The facilitator moves {a.track.replace('_', ' ')} {before:g} → {state.tracks[a.track]:g}: {a.reason}",
           track=a.track, before=before, after=state.tracks[a.track], reason=a.reason)


def check_pause(state: State, a) -> Rejection | None:
    return Rejection("already_paused", "The game is already paused.") if state.paused else None


def apply_pause(state: State, a) -> None:
    state.paused = True
    record(state, "facilitator", "Paused", "The facilitator pauses the game.")


def check_resume(state: State, a) -> Rejection | None:
    return None if state.paused else Rejection("not_paused", "The game is not paused.")


def apply_resume(state: State, a) -> None:
    state.paused = False
    record(state, "facilitator", "Resumed", "The facilitator resumes the game.")


def check_end_phase(state: State, a) -> Rejection | None:
    if state.phase != "negotiation":
        return Rejection("not_negotiating", "Only the negotiation phase can be ended early.")
    return None


def apply_end_phase(state: State, a) -> None:
    record(state, "facilitator", "PhaseEnded", f"The facilitator ends the {state.phase} phase.")
    flow.end_phase(state)


def check_set_controller(state: State, a) -> Rejection | None:
    if a.delegate not in state.delegates:
        return Rejection("unknown_seat", f"There is no delegation '{a.delegate}' at this table.")
    if a.controller not in CONTROLLERS:
        return Rejection("unknown_controller", f"A seat is played by one of: {', '.join(CONTROLLERS)}.")
    return None


def apply_set_controller(state: State, a) -> None:
    state.set_controller(a.delegate, a.controller)
    record(state, "facilitator", "SeatHandedOver",
           f"{state.tables.delegates[a.delegate].name} is now played by {controller_label(a.controller)}.",
           delegate=a.delegate, controller=a.controller)


def check_announce(state: State, a) -> Rejection | None:
    if not a.text.strip():
        return Rejection("no_text", "Write what is announced.")
    unknown = [seat for seat in a.to if seat not in state.delegates]
    if unknown:
        return Rejection("unknown_seat", f"There is no delegation '{unknown[0]}' at this table.")
    return None


def apply_announce(state: State, a) -> None:
    text = f"{a.speaker.strip()}: {a.text.strip()}" if a.speaker.strip() else a.text.strip()
    record(state, "facilitator", "MessageSent", text, visible_to=tuple(a.to) or None,
           speaker=a.speaker.strip(), announced=True)


RULES = {
    "inject_event": Rule(check_inject, apply_inject, facilitator=True),
    "adjust_track": Rule(check_adjust_track, apply_adjust_track, facilitator=True),
    "pause": Rule(check_pause, apply_pause, facilitator=True),
    "resume": Rule(check_resume, apply_resume, facilitator=True),
    "end_phase": Rule(check_end_phase, apply_end_phase, facilitator=True),
    "set_controller": Rule(check_set_controller, apply_set_controller, facilitator=True),
    "announce": Rule(check_announce, apply_announce, facilitator=True),
}
