"""The one registry of action kinds, and the steps every action shares.

`RULES` joins each concept module's table; everything else about action kinds (which are
the facilitator's, which end a turn, the order legal actions are listed in) derives from it.
The cases every action shares (game over, paused, whose turn) are checked once, here.
"""

from typing import Any

from game.engine import (
    approvals,
    commitments,
    facilitation,
    flow,
    offers,
    signatures,
    terms,
    wellformed,
)
from game.engine.legal import GROUP_OF, LegalActions
from game.engine.rule import Rejection, Rule
from game.engine.state import State
from game.engine.views import settle_views
from game.engine.words import possessive
from game.model.actions import FACILITATOR

RULES: dict[str, Rule] = {
    **flow.RULES, **commitments.RULES, **offers.RULES, **signatures.RULES, **approvals.RULES,
    **terms.RULES, **facilitation.RULES,
}
"""kind -> Rule; legal actions are listed in this order."""
_ENUMERATORS = tuple(rule.enumerate for rule in RULES.values() if rule.enumerate is not None)
GROUP_OF.update({listed: index for index, (kind, rule) in enumerate(
    (kind, rule) for kind, rule in RULES.items() if rule.enumerate is not None)
    for listed in (kind, *rule.also_lists)})


def check(state: State, action: Any) -> Rejection | None:
    """Returns why the action is refused now, or None if it is legal."""
    if id(action) not in state.tables.memo_ids:  # the engine's own listed actions are well formed
        malformed = wellformed.problem(action)
        if malformed is not None:
            return malformed
    rule = RULES[action.kind]
    if state.over:
        return Rejection("game_over", f"The game is over ({state.end_reason}).")
    if rule.facilitator:
        if action.seat != FACILITATOR:
            return Rejection("facilitator_only", f"Only the facilitator may {action.kind.replace('_', ' ')}.")
        return rule.check(state, action)
    if (not state.paused and not state.simultaneous and state.phase == "negotiation" and state.order
            and action.seat == state.order[state.turn_index]):  # state.turn_seat, inlined
        return rule.check(state, action)  # the common case: the checks below would all pass
    if action.seat not in state.delegates:
        return Rejection("unknown_seat", f"There is no delegation '{action.seat}' at this table.")
    if state.paused:
        return Rejection("paused", "The facilitator has paused the game; wait until it resumes.")
    if state.simultaneous:
        if state.phase != "negotiation":
            return Rejection("not_negotiating", f"Delegations act in the negotiation phase (now: {state.phase}).")
        if action.seat in state.passed:
            return Rejection("done_this_round", f"{state.tables.display_name(action.seat)} is done for this round "
                                                f"(it passed or used all its actions); wait for the next round.")
        return rule.check(state, action)
    turn_seat = state.turn_seat
    if turn_seat != action.seat:
        if turn_seat is None:
            return Rejection("not_negotiating", f"Delegations act in the negotiation phase (now: {state.phase}).")
        name = state.tables.display_name
        return Rejection("not_your_turn", f"It is {possessive(name(turn_seat))} turn, "
                                          f"not {possessive(name(action.seat))}.")
    return rule.check(state, action)


def apply_action(state: State, action: Any) -> None:
    """Applies a checked action and advances the turn for a delegation's action."""
    settle_views(state)  # views built before it stay snapshots of the state before it
    rule = RULES[action.kind]
    rule.apply(state, action)
    state.decisions += 1
    if rule.facilitator or state.over:
        return
    if state.simultaneous:
        if state.phase == "negotiation" and action.seat not in state.passed:
            state.budget[action.seat] -= 1
            if rule.ends_turn or state.budget[action.seat] <= 0:
                flow.seat_done(state, action.seat)
        return
    if rule.ends_turn:
        flow.next_turn(state)
        return
    state.acted_this_cycle = True
    state.actions_left -= 1
    if state.actions_left <= 0:
        flow.next_turn(state)


def legal_actions(state: State, seat: str) -> LegalActions:
    """Returns the seat's enumerable legal actions, each kind listed when first read; trades
    are open-ended, so check() those."""
    if state.over or state.paused or not state.may_act(seat):
        return LegalActions(state, seat, None)
    return LegalActions(state, seat, _ENUMERATORS)


def is_player_kind(kind: str) -> bool:
    rule = RULES.get(kind)
    return rule is not None and not rule.facilitator
