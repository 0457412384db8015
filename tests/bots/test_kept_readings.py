"""What bots keep between decisions (issue 16) never goes stale: at every decision of a few
games, the kept answer equals one worked out afresh from the view and the engine's listing, the
way the bots worked before they kept anything (the pledge table learned per scenario table, the
negotiator's generic asks, its ranking of what to give, what it asks for its unmet objectives,
the delegations an offer was refused for as excluded, the vote to seek, the asks each other seat
is asked for)."""

import gc
from dataclasses import replace
from math import ceil
from types import FrameType, SimpleNamespace

import pytest

from game.bots import BotTable, make_bot
from game.bots.asks import asks_of_others, toward_top_two
from game.bots.judgement import (
    Want,
    approval_to_seek,
    avoided,
    best_pledge,
    objective_priorities,
    wants,
)
from game.bots.listing import excluded_asks
from game.bots.negotiator import _ask_kept
from game.bots.reading import cannot_give, gaps
from game.content.scenarios import load_scenario
from game.engine import Game, Rng
from game.model.actions import Pledge
from game.sim.playthrough import default_controllers


def _fresh_best_pledge(view, legal, *, cap=None, priorities=None, avoid=None, approval_ok=True, min_odds=0.0):
    """best_pledge from the view and the engine's listed pledges alone."""
    seat = view.seat
    d = view.delegates[seat]
    listed = list(legal.of("pledge"))
    if not listed:
        return None
    held: dict[str, int] = {}
    for offer in view.offers:
        if offer.status == "open" and offer.proposer == seat:
            for item in offer.items:
                if item.giver == seat:
                    held[item.kind_id] = held.get(item.kind_id, 0) + item.amount
    spare = {k: u - held.get(k, 0) for k, u in d.free.items() if u - held.get(k, 0) > 0}
    order = {pair: i for i, pair in enumerate(view.contribution)}
    first: dict[str, int] = {}
    place, by_amount = {}, {}
    for action in listed:
        pair = (action.kind_id, action.priority)
        first.setdefault(action.kind_id, order[pair])
        place.setdefault(pair, ((first[action.kind_id], order[pair]), action))
        by_amount.setdefault(pair, {}).setdefault(action.amount, action)
    needs_vote = set(view.me.approval_odds)
    room_of = {pid: max(0.0, p.target - p.progress) for pid, p in view.priorities.items()}
    best, best_score, best_amount = None, 0.0, 0
    for kind, units in spare.items():
        if avoid and ((seat, kind) in avoid or (None, kind) in avoid):
            continue
        if cannot_give(view, seat, kind) or (kind in needs_vote and not approval_ok):
            continue
        chance = 1.0 if kind not in needs_vote else None
        for (k, pid), value in view.contribution.items():
            if k != kind or (kind, pid) not in place or room_of[pid] <= 0:
                continue
            if chance is None:
                chance = view.me.approval_odds[kind]
                if chance < min_odds:
                    break
            if priorities is not None and pid not in priorities:
                continue
            room = room_of[pid]
            amount = min(units, max(1, ceil(room / value)) if value > 0 else 0)
            if cap is not None and cap < amount:
                amount = cap
            score = min(amount * value, room) * chance
            if score > 0 and (score > best_score or (score == best_score and place[(kind, pid)][0] < best[0])):
                best, best_score, best_amount = (place[(kind, pid)][0], kind, pid), score, amount
    if best is None:
        return None
    _, kind, pid = best
    return by_amount[(kind, pid)].get(best_amount) or Pledge(seat, kind, best_amount, pid)


def _fresh_asks_by_seat(view) -> list[list]:
    """Each other seat's asks toward the two biggest open gaps, best first, in the delegates' order."""
    room = {pid: max(0.0, p.target - p.progress) for pid, p in view.priorities.items()}
    top = tuple(sorted((pid for pid in room if room[pid] > 0), key=lambda pid: -room[pid]))[:2]
    by_seat = []
    for seat, d in view.delegates.items():
        if seat == view.seat:
            continue
        asks = []
        for kind, units in d.free.items():
            if units > 0 and kind not in d.blocked:
                for pid in top:
                    value = view.contribution.get((kind, pid))
                    if value:
                        asks.append((-(units * value), seat, kind, pid))
        by_seat.append(sorted(asks))
    return by_seat


def _fresh_generic_asks(view) -> list:
    """Every ask of the other seats toward the two biggest open gaps, best first."""
    return sorted(ask for asks in _fresh_asks_by_seat(view) for ask in asks)


def _fresh_best_give(view):
    """The negotiator's best give: the most valuable (kind, priority) with room and units it
    has not offered, toward its objectives' priorities counted twice; ties by kind and priority."""
    seat = view.seat
    preferred = objective_priorities(view)
    avoid = {pair for o in view.me.objectives for pair in _avoided_pairs(o.when)}
    offered: dict[str, int] = {}
    for offer in view.offers:
        if offer.status == "open":
            for item in offer.items:
                if item.giver == seat:
                    offered[item.kind_id] = offered.get(item.kind_id, 0) + item.amount
    room_of = {pid: max(0.0, p.target - p.progress) for pid, p in view.priorities.items()}
    best, best_score = None, 0.0
    for kind, units in view.delegates[seat].free.items():
        units -= offered.get(kind, 0)
        if units <= 0 or (seat, kind) in avoid:
            continue
        for (k, pid), value in view.contribution.items():
            if k == kind and room_of[pid] > 0:
                score = value * 2 if pid in preferred else value
                if best is None or score > best_score or (score == best_score and (kind, pid) < best[:2]):
                    best, best_score = (kind, pid, units), score
    return best


def _avoided_pairs(when) -> set:
    found = set()

    def walk(condition, negated):
        if condition.test == "contributed" and negated:
            found.add((condition.delegate, condition.kind))
        elif condition.test in ("all", "any"):
            for part in condition.of:
                walk(part, negated)
        elif condition.test == "not":
            walk(condition.of, not negated)

    for condition in when:
        walk(condition, False)
    return found


@pytest.mark.parametrize("scenario, seed", [("paris-2026", 4), ("paris-2026", 8), ("cop21-2015", 2), ("tutorial", 3)])
def test_what_the_bots_keep_between_decisions_is_what_they_would_work_out_afresh(scenario, seed):
    loaded = load_scenario(scenario)
    ids = [d.id for d in loaded.scenario.delegates]
    seats = default_controllers(loaded.scenario, {seat: "negotiator" for seat in ids[::2]})  # every kind of bot
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
    table = BotTable(game, seats)
    checked = {"pledge": 0, "asks": 0, "give": 0, "wants": 0}
    while not game.over:
        seat = game.turn_seat
        view, legal = game.view(seat), game.legal_actions(seat)
        for kwargs in ({}, {"cap": 1, "approval_ok": False, "min_odds": 0.45}, {"cap": 2, "min_odds": 0.35}):
            assert best_pledge(view, legal, **kwargs) == _fresh_best_pledge(view, legal, **kwargs)
            checked["pledge"] += 1
        assert gaps(view) == {pid: max(0.0, p.target - p.progress) for pid, p in view.priorities.items()}
        preferred, avoid = objective_priorities(view) or None, avoided(view)  # the negotiator's pledge, in one pass
        assert best_pledge(view, legal, cap=2, priorities=preferred, avoid=avoid, else_cap=1) == (
            _fresh_best_pledge(view, legal, cap=2, priorities=preferred, avoid=avoid)
            or _fresh_best_pledge(view, legal, cap=1, avoid=avoid))
        if table.personality(seat) == "negotiator":
            bot = table.bots.get((seat, "negotiator")) or make_bot("negotiator")
            me = view.seat
            if toward_top_two(view):
                assert list(asks_of_others(view)) == [asks[:4] for asks in _fresh_asks_by_seat(view)]
                fresh = _fresh_generic_asks(view)
                rng, twin = Rng(seed), Rng(seed)
                top = fresh[:4]
                twin.shuffle(top)
                assert bot._generic_asks(view, rng) == [(seat, kind, pid) for _, seat, kind, pid in top]
                assert bot._generic_count(view) == min(4, len(fresh))
                checked["asks"] += 1
            got = bot._best_give(view, legal)
            assert (got[:3] if got else None) == _fresh_best_give(view)
            checked["give"] += 1
            fresh = [bot._ask_for(view, w) for w in wants(view) if w.delegate and w.delegate != me]
            assert bot._asks(view) == [a for a in fresh if a is not None]
            checked["wants"] += 1
        table.step(seat)
    assert checked["pledge"] > 100 and checked["asks"] > 10 and checked["give"] > 10, checked


def test_what_a_refused_offer_taught_is_the_scenario_s_exclusions():
    """A delegation a bot no longer asks toward a priority (the engine refused such an offer as
    `excluded`) is one the scenario excludes from it; and the bots still find those exclusions."""
    loaded = load_scenario("paris-2026")
    excluded = {(seat, p.id) for p in loaded.scenario.priorities for seat in p.excluded_contributors}
    learned = set()
    for seed in (1, 2, 3):
        seats = default_controllers(loaded.scenario)
        game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
        table = BotTable(game, seats)
        while not game.over:
            seat = game.turn_seat
            view, legal = game.view(seat), game.legal_actions(seat)
            found = excluded_asks(view, legal)
            assert found <= excluded, found - excluded
            learned |= found
            table.step(seat)
    assert learned  # the games do ask excluded delegations, and learn


def test_no_bot_keeps_a_view_once_it_has_decided():
    """What bots keep is keyed on parts of views; the view itself (and the game behind it) is let go."""
    loaded = load_scenario("paris-2026")
    seats = default_controllers(loaded.scenario)
    game = Game.new(loaded.scenario, 6, content_hash=loaded.content_hash, controllers=seats)
    table = BotTable(game, seats)
    for _ in range(400):
        if game.over:
            break
        seat = game.turn_seat
        personality = table.personality(seat)
        bot = table.bots.get((seat, personality)) or table.bots.setdefault((seat, personality), make_bot(personality))
        view = game.view(seat)
        action = bot.decide(view, game.legal_actions(seat), table.rngs[seat], game.check)
        holders = [r for r in gc.get_referrers(view) if not isinstance(r, FrameType)]
        assert not holders, (personality, [type(r).__name__ for r in holders])
        assert game.apply(action).ok


def _fresh_approval_to_seek(view, legal, min_odds):
    """The vote to call, worked out the way the bots did before: the listed requests for pending
    kinds first, then their odds."""
    pending = {c.kind for c in view.mine if c.status == "pending"}
    requests = [a for a in legal.of("seek_approval") if a.kind_id in pending]
    odds = view.me.approval_odds
    votes = [a for a in requests if odds.get(a.kind_id, 0) >= min_odds]
    return max(votes, key=lambda a: odds.get(a.kind_id, 0), default=None)


@pytest.mark.parametrize("scenario, seed", [("paris-2026", 5), ("cop21-2015", 6)])
def test_a_vote_is_sought_as_when_the_requests_were_listed_first(scenario, seed):
    """approval_to_seek reads the odds before it lists the requests (most pending kinds have too
    little odds for a request to matter): it picks the same vote, or none, at every decision."""
    loaded = load_scenario(scenario)
    seats = default_controllers(loaded.scenario)
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
    table = BotTable(game, seats)
    sought = 0
    while not game.over:
        seat = game.turn_seat
        view, legal = game.view(seat), game.legal_actions(seat)
        for min_odds in (0.0, 0.2, 0.35, 0.55, 0.9):
            found = approval_to_seek(view, legal, min_odds)
            assert found == _fresh_approval_to_seek(view, legal, min_odds)
            sought += found is not None
        table.step(seat)
    assert sought > 10


def test_a_kept_ask_follows_the_tables_and_the_open_priorities():
    """The negotiator keeps what it asks for each want while the partner's units, blocks and
    authority are the same: another contribution table, or (for a want of no priority) another
    priority in the lead, is asked for afresh."""
    loaded = load_scenario("paris-2026")
    game = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    seat = game.turn_seat
    view = game.view(seat)
    bot = make_bot("negotiator")
    partner = next(s for s, d in view.delegates.items() if s != seat and d.binding_authority
                   and sum(u > 0 for u in d.free.values()) > 1)
    want = Want(partner, None, None, 1.0)
    first = _ask_kept(bot, view, want)
    assert first is not None and first == bot._ask_for(view, want)
    # the same DelegateViews, but the pair asked for adds nothing now
    contribution = {pair: v for pair, v in view.contribution.items() if pair != first[1:]}
    other = replace(view, public=replace(view.public, contribution=contribution))
    asked = _ask_kept(bot, other, want)
    assert asked == bot._ask_for(other, want) and asked != first
    # the same DelegateViews and tables, but the priority asked toward has reached its target
    priorities = {pid: SimpleNamespace(target=p.target, progress=p.target if pid == first[2] else p.progress)
                  for pid, p in view.priorities.items()}
    other = replace(view, public=replace(view.public, priorities=priorities))
    assert _ask_kept(bot, view, want) == first  # kept again with the view's own tables
    asked = _ask_kept(bot, other, want)
    assert asked == bot._ask_for(other, want) and asked[2] != first[2]
