"""Time at the round boundary: commitments whose kind has a `term` lapse unless renewed, and
tracks with a `drift` move by themselves. Both are logged; the `renew` action lives here too.

A term counts the round a commitment is made: `term: 2` made in round 3 counts in rounds 3
and 4, may be renewed in round 4, and lapses at the end of round 4 if it is not.
"""

from game.engine.commitments import affordable, own_commitment, release
from game.engine.conditions import compile_all
from game.engine.effects import LIVE, clamp_track, renew
from game.engine.log import record
from game.engine.rule import Rejection, Rule
from game.engine.state import LAPSED, State
from game.engine.words import number, possessive, quantity
from game.model.actions import Renew

_TRACK = frozenset({"track"})
_DRIFT_WHEN: dict[int, tuple] = {}
"""id(track) -> (track, its compiled drift_when): scenario models live as long as their tables."""


def lapse_terms(state: State) -> None:
    """At the end of a round: commitments whose term ends with it lapse and their units return."""
    if not state.terms:
        return
    t = state.tables
    for cid in sorted(cid for cid, last in state.terms.items() if last <= state.round):
        last = state.terms.pop(cid)
        c = state.commitments[cid - 1]
        if c.status not in LIVE:
            continue  # withdrawn, voted down or cancelled before its term ended
        state.suspensions.pop(cid, None)
        release(state, c, LAPSED)
        record(state, "game", "CommitmentExpired",
               f"{possessive(t.delegates[c.delegate].name)} commitment #{c.id} "
               f"({quantity(c.amount, t.kinds[c.kind].unit)} to {t.priorities[c.priority].short or t.priorities[c.priority].name}) "
               f"lapsed: its term ended with round {last} and it was not renewed.",
               auto=True, commitment=c.id, delegate=c.delegate)


def drift_tracks(state: State) -> None:
    """At the start of a round after the first: each track with a drift moves by it (within
    its bounds) if its `drift_when` conditions hold."""
    moved = False
    for track in state.tables.scenario.tracks:
        if not track.drift or not _drift_holds(state, track):
            continue
        before = state.tracks[track.id]
        after = clamp_track(state, track.id, before + track.drift)
        if after != before:
            state.tracks[track.id] = after
            moved = True
            record(state, "game", "TrackDrifted", f"{track.name} drifts: {number(before)} → {number(after)}.",
                   auto=True, track=track.id, before=before, after=after)
    if moved:
        state.changed(None, _TRACK)


def _drift_holds(state: State, track) -> bool:
    if not track.drift_when:
        return True
    hit = _DRIFT_WHEN.get(id(track))
    if hit is None or hit[0] is not track:
        hit = _DRIFT_WHEN[id(track)] = (track, compile_all(track.drift_when))
    return hit[1](state)


# -- renew ------------------------------------------------------------------------

def check_renew(state: State, a) -> Rejection | None:
    t = state.tables
    refused = own_commitment(state, a, LIVE, "renew")
    if refused is not None:
        return refused
    c = state.commitments[a.commitment - 1]
    last = state.terms.get(c.id)
    if last is None:
        return Rejection("no_term", f"Commitment #{a.commitment} has no term: it counts until the end "
                                    f"unless withdrawn.")
    if state.round >= t.scenario.rules.rounds:
        return Rejection("not_renewable", f"This is the last round: commitment #{a.commitment} counts to the end "
                                          f"of the game without renewal.")
    if last != state.round:
        return Rejection("not_renewable", f"Commitment #{a.commitment} runs to the end of round {last}; "
                                          f"it can be renewed only in that round.")
    return affordable(state, a.seat, t.scenario.rules.renew_capital_cost, "Renewing")


def apply_renew(state: State, a) -> None:
    t = state.tables
    c = state.commitments[a.commitment - 1]
    cost = t.scenario.rules.renew_capital_cost
    state.spend_capital(a.seat, cost)
    last = renew(state, c)
    price = f"; it costs {cost} political capital" if cost else ""
    record(state, a.seat, "CommitmentRenewed",
           f"{t.delegates[a.seat].name} renews commitment #{c.id} "
           f"({quantity(c.amount, t.kinds[c.kind].unit)}) to the end of round {last}{price}.",
           commitment=c.id, delegate=a.seat, until=last)


def legal_renewals(state: State, seat: str) -> list:
    """Returns a renewal of each of the seat's commitments in the last round of its term."""
    terms = state.terms
    if not terms:
        return []
    t = state.tables
    if state.delegates[seat].capital < t.scenario.rules.renew_capital_cost or state.round >= t.scenario.rules.rounds:
        return []  # in the last round every term still running counts to the end
    now = state.round
    return [t.action(Renew, seat, c.id) for c in state.delegates[seat].own if terms.get(c.id) == now and c.status in LIVE]


RULES = {"renew": Rule(check_renew, apply_renew, legal_renewals)}
