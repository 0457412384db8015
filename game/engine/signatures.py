"""Signatures: a delegation signs a priority's clause, with or without reservations.

A clean signature may follow one with reservations, never the reverse; a priority on a
delegation's red lines cannot be signed, and a priority with `signers` only by those parties.
"""

from game.engine.log import record
from game.engine.rule import Rejection, Rule
from game.engine.state import State
from game.engine.words import not_a_signer
from game.model.actions import Sign


def check_sign(state: State, a) -> Rejection | None:
    t = state.tables
    priority = t.priorities.get(a.priority)
    if priority is None:
        return Rejection("unknown_priority", f"Unknown priority '{a.priority}'.")
    signers = priority.signers
    if signers is not None and a.seat not in signers:  # priority.may_sign
        who = t.display_name(a.seat)
        return Rejection("not_a_signer", not_a_signer(who, priority.name, [t.display_name(s) for s in signers],
                                                      priority.may_contribute(a.seat)))
    if a.priority in t.red_priorities[a.seat]:
        return Rejection("red_line", f"{t.display_name(a.seat)} will not sign {priority.name}: it is one of its "
                                     f"red lines.")
    current = state.delegates[a.seat].signed.get(a.priority)
    if current is False or (current is True and a.reservations):
        return Rejection("already_signed", f"{t.display_name(a.seat)} already signed {priority.name}"
                                           f"{' with reservations' if current else ''}.")
    return None


def apply_sign(state: State, a) -> None:
    state.sign(a.seat, a.priority, a.reservations)
    t = state.tables
    how = " with reservations" if a.reservations else ""
    record(state, a.seat, "Signed", f"{t.display_names[a.seat]} signs {t.priorities[a.priority].name}{how}.",
           priority=a.priority, reservations=a.reservations)


def legal_signatures(state: State, seat: str) -> list:
    """Returns a clean and a reserved signature for each unsigned priority, and a clean one
    where the seat signed with reservations."""
    t = state.tables
    signable = t.listed.get(("sign", seat))
    if signable is None:  # (priority, its clean signature, its reserved one) that the seat may sign
        red = t.red_priorities[seat]
        signable = t.listed["sign", seat] = tuple(
            (pid, t.action(Sign, seat, pid), t.action(Sign, seat, pid, True)) for pid in t.priority_order
            if pid not in red and t.priorities[pid].may_sign(seat))
    signed = state.delegates[seat].signed
    found: list = []
    for pid, clean, reserved in signable:
        if pid not in signed:
            found += (clean, reserved)
        elif signed[pid]:
            found.append(clean)
    return found


RULES = {"sign": Rule(check_sign, apply_sign, legal_signatures)}
