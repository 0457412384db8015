"""The negotiator: trades in the service of its delegation's private objectives.

It asks for what its objectives need from others, offering something in return;
makes its military or vote-bound gifts conditional on what its objectives need from a
third party ("troops only if the US guarantees"); never promises the same units in two
open offers; shifts its asks when a partner's representative loses binding
authority (the US envoys); pledges on the backing its objectives want; counters greedy or
impossible offers once; and signs fully where it contributes, with reservations elsewhere.
"""

from collections.abc import Sequence
from typing import Any

from game.bots.asks import asks_of_others, best_four
from game.bots.bargaining import answer_order, conditional_pledge, counter_offer
from game.bots.base import Check
from game.bots.judgement import (
    Want,
    approval_to_seek,
    avoided,
    best_pledge,
    my_items,
    names_others,
    objective_priorities,
    offer_value,
    parse_objective,
    renewal,
    seat_facts,
    sign_choice,
    wants,
)
from game.bots.listing import approval_kinds, excluded_asks, refused_to_me
from game.bots.reading import (
    cannot_give,
    forgets_view,
    gaps,
    memo,
    offered,
    open_ids,
    pass_for,
    seat_store,
    unit_of,
)
from game.engine import Rng, SeatView
from game.model.actions import Accept, OfferItem, Propose, Reject
from game.model.conditions import ContributedTest


class NegotiatorBot:
    personality = "negotiator"

    def __init__(self) -> None:
        self.proposed: set[tuple[int, str]] = set()
        """(round, partner) pairs already offered to, so it does not repeat itself."""

    @forgets_view
    def decide(self, view: SeatView, legal: Sequence[Any], rng: Rng, check: Check) -> Any:
        for offer in answer_order(view):
            return self._answer(view, offer, legal, check)
        kept = renewal(view, legal)  # a commitment whose term ends now, if it still matters
        if kept is not None:
            return kept
        vote = approval_to_seek(view, legal, min_odds=0.35)
        if vote:
            return vote
        backed = conditional_pledge(view, check)
        if backed is not None:
            return backed
        if view.actions_left > 1 or rng.random() < 0.5:
            offer = self._offer(view, legal, rng, check)
            if offer is not None:
                return offer
        # toward a priority its objectives name, else anywhere one unit (one pass for both)
        pledge = best_pledge(view, legal, cap=2, priorities=objective_priorities(view) or None,
                             avoid=avoided(view), else_cap=1)
        if pledge and (view.round > 1 or rng.random() < 0.5):
            return pledge
        sign = sign_choice(view, legal, full_when_contributing=True)
        return sign or pass_for(view.seat)

    # -- answering ---------------------------------------------------------------
    def _answer(self, view: SeatView, offer: Any, legal: Sequence[Any], check: Check) -> Any:
        accept = Accept(view.seat, offer.id)
        if accept not in legal:
            return counter_offer(view, offer, check, "Not that; this instead.") or Reject(view.seat, offer.id)
        cheap = sum(item.amount for item in my_items(offer, view.seat)) <= 2
        if (cheap and offer_value(view, offer) >= 1) or any(  # what its objectives want is read last
                self._serves(view, item) for item in offer.items if item.giver != view.seat):
            return accept
        return counter_offer(view, offer, check, "A smaller share from us.") or Reject(view.seat, offer.id)

    def _serves(self, view: SeatView, item: Any) -> bool:
        return any((w.delegate in (None, item.giver)) and (w.kind in (None, item.kind_id))
                   and (w.priority in (None, item.priority)) for w in wants(view))

    # -- offering ----------------------------------------------------------------
    def _offer(self, view: SeatView, legal: Sequence[Any], rng: Rng, check: Check) -> Propose | None:
        best = self._best_give(view, legal)
        if best is None or cannot_give(view, view.seat, best[0]) or refused_to_me(view, legal, best[0], best[1]):
            # nothing it may give in return, whoever the partner: no offer, but the same draws
            if not self._asks(view, first=True):
                rng.shuffle([None] * self._generic_count(view))
            return None
        asks = self._asks(view) or self._generic_asks(view, rng)
        excluded = excluded_asks(view, legal)
        for partner, kind, pid in asks:
            if (view.round, partner) in self.proposed or cannot_give(view, partner, kind) or (partner, pid) in excluded:
                continue  # the last: the engine refuses it, whatever the seat gives
            give = self._give(view, partner)
            offer = Propose(view.seat, (partner,), (give, unit_of(partner, kind, pid)))
            refused = check(offer)
            if refused is None:
                self.proposed.add((view.round, partner))
                return offer
            if refused.rule == "excluded":  # the partner's item: the seat's give is never refused
                excluded.add((partner, pid))
        return None

    def _asks(self, view: SeatView, first: bool = False) -> list[tuple[str, str, str]]:
        """Returns what to ask for each want of another delegation in the seat's unmet objectives
        (see `_ask_for`), in their order, or only the first if `first`; whether an objective is met
        (and the objectives at all) is read only if something could be asked for it (reading it
        costs the engine a pass over every objective)."""
        if not names_others(view):
            return []
        asks = []
        objectives = None
        for index, others in enumerate(_others_wanted(view)):
            for want in others:
                ask = _ask_kept(self, view, want)
                if ask is None:
                    continue
                if objectives is None:
                    objectives = view.private[view.seat].objectives
                if not objectives[index].met:
                    asks.append(ask)
                    if first:
                        return asks
        return asks

    def _ask_for(self, view: SeatView, want: Want) -> tuple[str, str, str] | None:
        """Turns a want into (partner, kind, priority) the partner can give now, adapting
        to events: a partner without binding authority is asked for something non-binding."""
        partner = view.public.delegates[want.delegate]
        kinds_seen = view.public.kinds
        spare = partner.free
        kinds = [want.kind] if want.kind else list(kinds_seen)
        if not partner.binding_authority:
            kinds = [k for k in kinds_seen if not kinds_seen[k].needs_binding_authority
                     and spare.get(k, 0) > 0] or kinds
        contribution = view.public.contribution
        for kind in kinds:
            if spare.get(kind, 0) <= 0 or kind in partner.blocked:
                continue
            if kinds_seen[kind].needs_binding_authority and not partner.binding_authority:
                continue
            pids = [want.priority] if want.priority else open_ids(view) or list(view.public.priorities)
            for pid in pids:
                if contribution.get((kind, pid), 0) > 0:
                    return want.delegate, kind, pid
        return None

    def _generic_asks(self, view: SeatView, rng: Rng) -> list[tuple[str, str, str]]:
        """Asks the seats with the most free capacity toward the biggest open gap."""
        top = best_four(view)  # sorted(every other seat's asks)[:4]
        rng.shuffle(top)
        return [(seat, kind, pid) for _, seat, kind, pid in top]

    def _generic_count(self, view: SeatView) -> int:
        """Returns how many asks `_generic_asks` would shuffle (at most 4), without choosing them
        (each seat's list holds at most four, so the count is the same)."""
        count = 0
        for asks in asks_of_others(view):
            count += len(asks)
            if count >= 4:
                return 4
        return count

    def _give(self, view: SeatView, partner: str) -> OfferItem | None:
        """Returns what the seat offers in return: its best contribution toward a priority its
        objectives name; when military or vote-bound, conditional on what its objectives need
        from someone outside the deal."""
        best = self._best_give(view)
        if best is None:
            return None
        kind, pid, units, risky = best
        condition = None
        if risky and names_others(view):
            w = next((w for w in wants(view) if w.delegate not in (None, view.seat, partner)), None)
            if w is not None:
                condition = _contributed(view, w)
        return OfferItem(view.seat, kind, min(units, 2), pid, condition)

    def _best_give(self, view: SeatView, legal: Sequence[Any] | None = None) -> tuple[str, str, int, bool] | None:
        """Returns (kind, priority, spare units, risky) of the seat's best contribution to give,
        the same whoever the partner: read once per view, and kept for the game's contribution
        table while the seat's free units, what it offers and the gaps are the same dicts."""
        m = memo(view)
        if "give" in m:
            return m["give"]
        free = view.public.delegates[view.seat].free
        promised = offered(view)
        room_of = gaps(view)
        store = seat_store(view)
        hit = store.get("best give")
        if hit is not None and hit[0] is free and hit[1] is promised and hit[2] is room_of:
            best = m["give"] = hit[3]
            return best
        best = None
        for kind, pid in _give_ranking(view, free):  # the most valuable first, then by kind and priority
            if room_of[pid] > 0:
                units = free.get(kind, 0) - promised.get(kind, 0)
                if units > 0:
                    best = (kind, pid, units)
                    break
        if best is not None:
            kind, pid, units = best
            best = (kind, pid, units, view.public.kinds[kind].military or kind in approval_kinds(view, legal))
        m["give"] = best
        store["best give"] = (free, promised, room_of, best)  # holds the dicts, so their ids are not reused
        return best


_ASKED: dict[int, tuple] = {}
"""id(want) -> (the want, the partner's free units, blocks and authority, the kinds and
contribution tables, the open priorities for a want of no priority, what `_ask_for` found)."""


def _ask_kept(bot: NegotiatorBot, view: SeatView, want: Want) -> tuple[str, str, str] | None:
    """Returns bot._ask_for(view, want), kept while what it reads of the view is the same: the
    partner's free units, blocks and authority, the tables, and the open priorities if the want
    names none (wants are static parts of the seat's objectives)."""
    partner = view.public.delegates[want.delegate]
    free, blocked, authority = partner.free, partner.blocked, partner.binding_authority
    public = view.public
    opened = None if want.priority else open_ids(view)
    hit = _ASKED.get(id(want))
    if (hit is not None and hit[0] is want and hit[1] is free and hit[2] is blocked and hit[3] is authority
            and hit[4] is public.kinds and hit[5] is public.contribution and hit[6] == opened):
        return hit[7]
    found = bot._ask_for(view, want)
    if len(_ASKED) >= 4096:  # wants of many tables (a remote bot): start again
        _ASKED.clear()
    _ASKED[id(want)] = (want, free, blocked, authority, public.kinds, public.contribution, opened, found)
    return found


def _others_wanted(view: SeatView) -> tuple[tuple[Want, ...], ...]:
    """Returns, for each of the seat's objectives, the wants of it that name another delegation."""
    facts = seat_facts(view)
    found = facts.get("others wanted")
    if found is None:
        seat = view.seat
        found = facts["others wanted"] = tuple(
            tuple(w for w in parse_objective(o.when).wants if w.delegate and w.delegate != seat)
            for o in view.me.objectives)
    return found


def _give_ranking(view: SeatView, free: dict[str, int]) -> tuple[tuple[str, str], ...]:
    """Returns every (kind, priority) the seat might give toward, of the kinds in `free` (the kinds
    it has capacity of) but none its objectives want it not to commit, by value to it: progress
    per unit, twice that toward a priority its objectives name; ties by kind and priority. Kept
    for the game's contribution table while the seat has capacity of the same kinds."""
    store = seat_store(view)
    hit = store.get("give ranking")
    if hit is None or free.keys() != hit[0]:
        preferred = objective_priorities(view)
        avoid = avoided(view)
        seat = view.seat
        scored = sorted((-(value * 2 if pid in preferred else value), kind, pid)
                        for (kind, pid), value in view.public.contribution.items()
                        if kind in free and (seat, kind) not in avoid)
        hit = store["give ranking"] = (frozenset(free), tuple((kind, pid) for _, kind, pid in scored))
    return hit[1]


def _contributed(view: SeatView, want: Want) -> ContributedTest:
    """Returns the condition that `want` is contributed (a static model: built once per seat and want)."""
    facts = seat_facts(view)
    key = ("contributed", want)
    found = facts.get(key)
    if found is None:
        found = facts[key] = ContributedTest(test="contributed", delegate=want.delegate, kind=want.kind,
                                             priority=want.priority)
    return found
