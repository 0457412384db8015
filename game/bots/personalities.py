"""The simpler personalities: random (for fuzzing), cautious and cooperative.

Both of the latter bargain too (`bargaining.py`): they pledge on the conditions their
objectives reward, counter offers that ask too much, and now and then propose a small
trade. The negotiator, which trades hardest, lives in `negotiator.py`.
"""

from collections.abc import Sequence
from typing import Any

from game.bots.bargaining import answer_order, conditional_pledge, counter_offer, small_trade
from game.bots.base import Check
from game.bots.judgement import (
    approval_to_seek,
    best_pledge,
    free,
    my_items,
    offer_value,
    renewal,
    sign_choice,
)
from game.bots.listing import approval_kinds
from game.bots.reading import any_pending, forgets_view, pass_for
from game.engine import Rng, SeatView
from game.model.actions import Accept, OfferItem, Propose, Reject, Withdraw


class RandomBot:
    """Uniform over legal actions, and now and then a random trade offer: for fuzzing."""

    personality = "random"

    def decide(self, view: SeatView, legal: Sequence[Any], rng: Rng, check: Check) -> Any:
        if rng.random() < 0.1:
            offer = random_offer(view, rng)
            if offer is not None and check(offer) is None:
                return offer
        return rng.choice(legal)


def random_offer(view: SeatView, rng: Rng) -> Propose | None:
    """Returns a random one-for-one trade with another seat, or None if none can be drawn."""
    partner = rng.choice([s for s in view.public.delegates if s != view.seat])
    items = []
    for giver in (view.seat, partner):
        options = [(k, p) for (k, p) in view.public.contribution if free(view, giver, k) > 0]
        if not options:
            return None
        kind, pid = rng.choice(options)
        items.append(OfferItem(giver, kind, 1 + rng.below(free(view, giver, kind)), pid))
    return Propose(view.seat, (partner,), tuple(items))


class CautiousBot:
    """Commits little, one unit at a time, keeps half its capacity back, honours its red lines,
    calls votes only on good odds, withdraws a pledge whose vote it now expects to lose,
    and signs with reservations."""

    personality = "cautious"

    def __init__(self) -> None:
        self.asked: set[tuple[int, str]] = set()

    @forgets_view
    def decide(self, view: SeatView, legal: Sequence[Any], rng: Rng, check: Check) -> Any:
        retreat = _doomed_pledge(view, legal)
        if retreat is not None:
            return retreat
        me = view.public.delegates[view.seat]
        committed = sum(me.committed.values())
        total = sum(me.free.values()) + committed
        for offer in answer_order(view):
            mine = my_items(offer, view.seat)
            small = all(item.amount <= 1 for item in mine) and (
                committed + sum(i.amount for i in mine)) * 2 <= total + 2
            accept = Accept(view.seat, offer.id)
            if small and _safe(view, legal, mine) and accept in legal:
                return accept
            return counter_offer(view, offer, check, "Less, and on our terms.") or Reject(view.seat, offer.id)
        vote = approval_to_seek(view, legal, min_odds=0.55)
        if vote:
            return vote
        room = (committed + 1) * 2 <= total + 2  # keeps about half back
        backed = conditional_pledge(view, check, max_units=1) if room else None
        if backed is not None:
            return backed  # costs nothing unless the backing comes
        if room and view.round >= 2 and view.actions_left > 1 and rng.random() < 0.15:
            trade = small_trade(view, legal, rng, check, self.asked)
            if trade is not None:
                return trade
        if committed * 2 < total and view.round >= 2 - (rng.random() < 0.3):
            # pledges a vote-bound kind only on fair odds (>= 45%): it withdraws below 30%
            pledge = best_pledge(view, legal, cap=1, approval_ok=rng.random() < 0.3, min_odds=0.45)
            if pledge:
                return pledge
        sign = sign_choice(view, legal, full_when_contributing=False, threshold="secured")
        return sign or pass_for(view.seat)


def _safe(view: SeatView, legal: Sequence[Any], mine: list) -> bool:
    """Returns whether every vote-bound kind the seat would give has fair odds (>= 45%); the
    odds are read only if it would give one."""
    needs_vote = approval_kinds(view, legal)
    risky = [item.kind_id for item in mine if item.kind_id in needs_vote]
    if not risky:
        return True
    odds = view.private[view.seat].approval_odds
    return all(odds.get(kind, 1.0) >= 0.45 for kind in risky)


def _doomed_pledge(view: SeatView, legal: Sequence[Any]) -> Withdraw | None:
    """Returns a withdrawal of a pledge still waiting for a vote the seat now expects to lose
    (the odds fell below 30%, say after a threat from Moscow), while it has capital to spare."""
    if view.public.delegates[view.seat].capital < 2 or not any_pending(view.mine):
        return None
    odds = None  # read only for a pledge waiting for its vote
    for c in view.mine:
        # a conditional pledge waits for its backing, which is what would raise the odds
        if c.status != "pending" or c.when is not None:
            continue
        if odds is None:
            odds = view.private[view.seat].approval_odds
        if odds.get(c.kind, 1.0) < 0.3:
            withdraw = Withdraw(view.seat, c.id)
            if withdraw in legal:
                return withdraw
    return None


class CooperativeBot:
    """Pushes the coalition's priorities: accepts what helps, fills the biggest gaps, signs."""

    personality = "cooperative"

    def __init__(self) -> None:
        self.asked: set[tuple[int, str]] = set()

    @forgets_view
    def decide(self, view: SeatView, legal: Sequence[Any], rng: Rng, check: Check) -> Any:
        for offer in answer_order(view):
            accept = Accept(view.seat, offer.id)
            if offer_value(view, offer) > 0 and accept in legal:  # the listing is read last
                return accept
            return counter_offer(view, offer, check) or Reject(view.seat, offer.id)
        kept = renewal(view, legal)  # a commitment whose term ends now, if it still matters
        if kept is not None:
            return kept
        vote = approval_to_seek(view, legal, min_odds=0.2)
        if vote:
            return vote
        backed = conditional_pledge(view, check)
        if backed is not None:
            return backed
        if view.actions_left > 1 and rng.random() < 0.25:
            trade = small_trade(view, legal, rng, check, self.asked)
            if trade is not None:
                return trade
        pledge = best_pledge(view, legal, cap=2 + rng.below(2))
        if pledge:
            return pledge
        sign = sign_choice(view, legal, full_when_contributing=True)
        return sign or pass_for(view.seat)
