"""The flow of a game: rounds of the scenario's phases, turns, and the automatic steps.

Like boardgame.io's flow, after every step it checks game end, then phase end, then
turn end. Automatic phases (events, approvals, scoring) run straight through; the
engine stops only where a delegation must act (the negotiation phase). Passing, which
ends a delegation's turn, is the flow's own action.
"""

from game.engine.approvals import approvals_phase
from game.engine.commitments import lapse_unmet
from game.engine.effects import apply_effect, expire_timed
from game.engine.log import record
from game.engine.offers import end_turn, expire_offers, withdraw_unhonourable
from game.engine.rule import Rejection, Rule
from game.engine.scoring import coalition_outcome, derived
from game.engine.state import NOTHING, State
from game.engine.terms import drift_tracks, lapse_terms
from game.model.actions import Pass


def start_game(state: State) -> None:
    record(state, "game", "GameStarted", f"{state.tables.scenario.meta.title}: round 1 begins.", auto=True)
    _enter_phase(state, 0)


def _phases(state: State) -> list[str]:
    return state.tables.scenario.rules.phases


def _enter_phase(state: State, index: int) -> None:
    """Enters phase `index`, running automatic phases until one needs input or the game ends."""
    phases = _phases(state)
    while not state.over:
        if index >= len(phases):
            _end_round(state)
            if state.over:
                return
            index = 0
        state.phase_index, state.phase = index, phases[index]
        if state.phase == "negotiation":
            if _start_negotiation(state):
                return
        else:
            _AUTOMATIC[state.phase](state)
        index += 1


def end_phase(state: State) -> None:
    """Ends the current (negotiation) phase and moves on."""
    _enter_phase(state, state.phase_index + 1)


def actions_for(state: State, seat: str) -> int:
    return state.tables.actions_per_turn + state.delegates[seat].actions_shift


def _start_negotiation(state: State) -> bool:
    """Sets up the first turn; returns False if no seat can act this round."""
    seats = state.tables.seats
    shift = (state.round - 1) % len(seats) if state.tables.scenario.rules.turn_order == "rotate" else 0
    state.order = seats[shift:] + seats[:shift]
    state.turn_index, state.cycle, state.acted_this_cycle = 0, 0, False
    state.changed(None, NOTHING)  # views show the turn; no condition reads it
    record(state, "game", "PhaseStarted", f"Round {state.round}: negotiation.", auto=True)
    if state.simultaneous:
        turns = state.tables.scenario.rules.turns_per_round
        state.budget = {seat: actions_for(state, seat) * turns for seat in seats}
        state.passed = {seat for seat, left in state.budget.items() if left <= 0}
        return len(state.passed) < len(seats)
    return _settle_turn(state)


def _settle_turn(state: State) -> bool:
    """Skips seats with no actions; returns False when the phase has ended instead."""
    order, t, delegates = state.order, state.tables, state.delegates
    while True:
        if state.turn_index >= len(order):
            state.cycle += 1
            if state.cycle >= t.turns_per_round or not state.acted_this_cycle:
                return False
            state.turn_index, state.acted_this_cycle = 0, False
        left = state.actions_left = t.actions_per_turn + delegates[order[state.turn_index]].actions_shift
        if left > 0:
            return True
        state.turn_index += 1


def seat_done(state: State, seat: str) -> None:
    """Simultaneous rounds: the delegation is done for the round; the phase ends when all are."""
    state.passed.add(seat)
    end_turn(state, seat)
    if len(state.passed) >= len(state.budget):
        end_phase(state)


def next_turn(state: State) -> None:
    """Ends the current seat's turn; ends the phase when every seat has had its turns."""
    index = state.turn_index
    end_turn(state, state.order[index])
    state.turn_index = index + 1
    if not _settle_turn(state):
        end_phase(state)


def _events_phase(state: State) -> None:
    t = state.tables
    drawn: set[str] = set()
    fired = state.fired
    for _ in range(t.scenario.rules.events_per_round):
        eligible = [(eid, weight) for eid, repeatable, when, weight in t.event_deck if eid not in drawn
                    and (repeatable or not fired.get(eid)) and when(state)]
        if not eligible:
            record(state, "game", "DeckEmpty", "No event card can be drawn this round.", auto=True)
            return
        eid = eligible[state.rng.weighted_index([weight for _, weight in eligible])][0]
        drawn.add(eid)
        fire_event(state, eid, "game")


def fire_event(state: State, event_id: str, actor: str) -> None:
    """Plays an event card: logs it (publicly or to its recipients) and applies its effects."""
    event = state.tables.events[event_id]
    state.fired[event_id] = state.fired.get(event_id, 0) + 1
    state.cards_played += 1
    state.changed(None, _EVENT_FIRED)  # even a card with no effects changes what conditions and views read
    private = tuple(event.recipients) if event.visibility == "private" else None
    kind = "EventInjected" if actor == "facilitator" else "EventDrawn"
    record(state, actor, kind, f"{event.title}: {event.text}", auto=actor != "facilitator",
           visible_to=private, event=event_id, title=event.title)
    state.log_scope = private  # what a private card does is logged only for its recipients
    try:
        for effect in event.effects:
            apply_effect(state, effect, event_id)
    finally:
        state.log_scope = None
    withdraw_unhonourable(state)  # a cut, a block or a lost authority can void a standing offer


def _scoring_phase(state: State) -> None:
    d = derived(state)
    t = state.tables
    summary = ", ".join(f"{t.priorities[p].short or p} {d.progress[p]:g}/{t.priorities[p].target:g}"
                        for p in t.priority_order)
    record(state, "game", "RoundScored", f"Round {state.round} progress: {summary}.", auto=True,
           progress={p: round(d.progress[p], 4) for p in t.priority_order}, status=dict(d.status),
           tracks=dict(state.tracks))


def _end_round(state: State) -> None:
    """Closes the round: offers expire; the game ends on the state its last round was scored
    on, or timed effects due now are reverted, ended terms lapse, and the next round begins
    with the tracks' drift."""
    t = state.tables
    if t.scenario.rules.offers_expire == "end_of_round":
        expire_offers(state)
    for end_id, predicate in t.end_when:
        if predicate(state):
            condition = next(c for c in t.scenario.rules.end_conditions if c.id == end_id)
            return finish(state, condition.description, condition.outcome)
    if state.round >= t.scenario.rules.rounds:
        return finish(state, f"all {t.scenario.rules.rounds} rounds played")
    expire_timed(state)
    lapse_terms(state)
    withdraw_unhonourable(state)
    state.round += 1
    state.changed(None, _ROUND)
    record(state, "game", "RoundStarted", f"Round {state.round} begins.", auto=True)
    drift_tracks(state)


def finish(state: State, reason: str, outcome: str | None = None) -> None:
    """Ends the game: conditional commitments that never held lapse; the result is logged.
    `outcome`, set by an end condition (a collapse is a failure), overrides the priorities'."""
    lapse_unmet(state, derived(state).effective)
    state.changed()
    state.over, state.end_reason, state.phase = True, reason, "over"
    state.end_outcome = outcome
    final = derived(state)
    record(state, "game", "GameEnded", f"The game ends: {reason}. Outcome: {coalition_outcome(state)}.",
           auto=True, status=dict(final.status), progress={p: round(v, 4) for p, v in final.progress.items()})


_ROUND, _EVENT_FIRED = frozenset({"round"}), frozenset({"event_fired"})
_AUTOMATIC = {"events": _events_phase, "approvals": approvals_phase, "scoring": _scoring_phase}


def _check_pass(state: State, a) -> Rejection | None:
    return None


def _apply_pass(state: State, a) -> None:
    record(state, a.seat, "Passed", f"{state.tables.display_names[a.seat]} passes.")


def _legal_pass(state: State, seat: str) -> tuple:
    return (state.tables.action(Pass, seat),)


RULES = {"pass": Rule(_check_pass, _apply_pass, _legal_pass, ends_turn=True)}
