"""Random games of both bundled scenarios keep the engine's promises (DESIGN.md §2).

Hypothesis picks the seed and every choice of a game: a legal action, a trade built from
the seat's own view (random partners, items within free capacity, sometimes conditional),
a counter-offer, a deliberately odd action, a facilitator action, or an undo. After every
step the bookkeeping, the legal actions, refusals and every seat's view are checked; at
the end, undo of the last action, replay of the record and save/load. The runs are
derandomized and use no example database, so CI plays exactly the same games.

Two engine bugs these games found are pinned by regression tests at the bottom.
"""

import dataclasses
import operator
from collections import Counter as Tally
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from game.content.records import load_game, save_record
from game.content.scenarios import load_scenario
from game.engine import CONTROLLERS, Applied, Game
from game.engine.rules import is_player_kind
from game.engine.state import ACTIVE, PENDING, SUSPENDED, Caches
from game.model.actions import (
    FACILITATOR,
    Accept,
    AdjustTrack,
    Counter,
    EndPhase,
    InjectEvent,
    OfferItem,
    Pass,
    Pause,
    Pledge,
    Propose,
    Reject,
    Resume,
    SeekApproval,
    SetController,
    Sign,
    Withdraw,
)
from game.model.conditions import Condition, FlagTest
from tests.engine.tiny import game, ok

CONDITION: TypeAdapter = TypeAdapter(Condition)
LOADED = {name: load_scenario(name) for name in ("tutorial", "paris-2026")}
STATUSES = {"secured", "partial", "failed"}
BUDGET = {"odd": 40, "facilitator": 16, "undo": 8}
"""Per game, so that a game's length stays bounded by its rules."""


def _settings(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    print_blob=False, suppress_health_check=[
                        HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])


# -- fingerprints -------------------------------------------------------------------

_SKIP = {"tables", "log", "rng", "offer_numbers", "caches", "holds"}
"""Not compared field by field: the static tables, the log and RNG (compared apart), and the
caches and their staleness markers, which two equal states may hold differently."""
_ATOMS = frozenset({str, int, float, bool, type(None)})
_GETTERS: dict[type, Callable[[Any], tuple]] = {}


def _getter(cls: type) -> Callable[[Any], tuple]:
    names = [f.name for f in dataclasses.fields(cls) if f.name not in _SKIP]
    get = operator.attrgetter(*names)
    return get if len(names) > 1 else lambda x: (get(x),)  # attrgetter of one name returns no tuple


def _plain(x):
    """Returns the engine's state object as comparable plain data (every field, recursively)."""
    kind = type(x)
    if kind in _ATOMS:
        return x
    if kind is dict:
        return tuple(sorted((k, _plain(v)) for k, v in x.items()))
    if kind is list or kind is tuple:
        return tuple(_plain(v) for v in x)
    if kind is set or kind is frozenset:
        return frozenset(x)
    get = _GETTERS.get(kind)
    if get is None:
        if not (dataclasses.is_dataclass(x) and kind.__module__ == "game.engine.state"):
            return x  # frozen values: actions, offer items, condition models
        get = _GETTERS[kind] = _getter(kind)
    return tuple(v if type(v) in _ATOMS else _plain(v) for v in get(x))


def snapshot(g: Game) -> tuple:
    """The whole state: every State field (caches aside), the RNG state and the log."""
    return _plain(g._state), g._state.rng.state, g._state.offer_numbers.state, tuple(g._state.log)


def log_dicts(g: Game) -> list[dict]:
    return [e.to_dict() for e in g.log]


# -- one random game --------------------------------------------------------------------


class RandomGame:
    """Plays one game with hypothesis' choices, checking the invariants as it goes."""

    def __init__(self, data, name: str):
        self.data = data
        self.loaded = LOADED[name]
        scenario = self.loaded.scenario
        seed = data.draw(st.integers(0, 2**64 - 1), label="seed")
        self.game = Game.new(scenario, seed, content_hash=self.loaded.content_hash)
        t = self.game._tables
        self.seats = t.seats
        self.kinds = tuple(t.kinds)
        self.priorities = t.priority_order
        self.tracks = tuple(t.track_bounds)
        self.flags = tuple(f.id for f in scenario.flags)
        self.events = t.event_order
        self.briefs = {d.id: d.confidential_brief for d in scenario.delegates}
        self.budget = dict(BUDGET)
        self.seen: dict[str, tuple[int, int]] = {}
        """seat -> (its view's log length, the state log length) checked so far."""
        self.round_checked = 0
        self.before: tuple | None = None
        """(snapshot, result) before the last accepted action, for checking undo."""
        rules = scenario.rules
        self.bound = rules.rounds * rules.turns_per_round * len(self.seats) * (rules.actions_per_turn + 3)
        """Most player actions a game can take: every seat uses every action of every turn."""

    # choices: each shrinks toward the plainest game (index 0, no extras)
    def index(self, n: int) -> int:
        return self.data.draw(st.integers(0, n - 1)) if n > 1 else 0

    def pick(self, items):
        return items[self.index(len(items))]

    def chance(self, percent: int) -> bool:
        return self.data.draw(st.integers(0, 99)) >= 100 - percent

    def spend(self, what: str) -> bool:
        if self.budget[what] <= 0:
            return False
        self.budget[what] -= 1
        return True

    # the game
    def play(self) -> None:
        g = self.game
        self.check_state()
        self.check_views(full=True)
        limit = 4 * self.bound + sum(BUDGET.values())
        for _ in range(limit):
            if g.over:
                break
            self.step()
        assert g.over, f"the game did not end within {limit} steps"
        players = sum(1 for a in g.actions if is_player_kind(a.kind))
        assert players <= self.bound, f"{players} player actions; the rules allow at most {self.bound}"
        self.check_result()
        self.check_undo_of_the_last_action()

    def step(self) -> None:
        g = self.game
        if g._state.paused:
            assert all(g.legal_actions(s) == [] for s in self.seats), "a paused game offers actions"
            if self.chance(30) and self.spend("odd"):
                self.odd_action()
            elif self.chance(20) and self.spend("facilitator"):
                self.facilitator_action()
            else:
                self.attempt(Resume())
            return
        roll = self.data.draw(st.integers(0, 99))
        if roll < 60:
            self.legal_action()
        elif roll < 80:
            self.trade()
        elif roll < 88 and self.spend("odd"):
            self.odd_action()
        elif roll < 95 and self.spend("facilitator"):
            self.facilitator_action()
        elif roll >= 95 and self.spend("undo"):
            self.undo_check()
        else:
            self.legal_action()

    def attempt(self, action) -> bool:
        """Applies an action as check() predicts: accepted, or refused with the state unchanged."""
        g = self.game
        problem = g.check(action)
        before = snapshot(g)
        result_before = g.result() if problem is None else None
        result = g.apply(action)
        if problem is not None:
            assert result == problem, f"check() said {problem}, apply() said {result}"
            assert not result.ok and result.rule and result.message
            assert snapshot(g) == before, f"refusing {action} ({result.rule}) changed the state"
            return False
        assert isinstance(result, Applied) and result.ok, f"check() passed {action} but apply() refused: {result}"
        assert g.actions[-1] is action and g._state.decisions == len(g.actions)
        assert result.entries == tuple(g.log[len(g.log) - len(result.entries):])
        self.before = (before, result_before)
        self.check_state()
        self.check_views(full=g.over or g._state.round != self.round_checked)
        return True

    def legal_action(self) -> bool:
        g = self.game
        seat = g.turn_seat
        for other in self.seats:
            if other != seat:
                assert g.legal_actions(other) == [], f"{other} has actions on {seat}'s turn"
        actions = g.legal_actions(seat)
        assert actions and actions[0] == Pass(seat), "a seat on its turn can always pass"
        for action in actions:
            problem = g.check(action)
            assert problem is None, f"legal_actions offered {action}, check() refuses: {problem}"
        # Pick a kind, then one of its actions, so that the many pledges and withdrawals do
        # not crowd out the rest; withdrawals (each costs cohesion) come only now and then.
        by_kind: dict[str, list] = {}
        for action in actions:
            by_kind.setdefault(action.kind, []).append(action)
        if "withdraw" in by_kind and not self.chance(20):
            del by_kind["withdraw"]
        return self.attempt(self.pick(self.pick(list(by_kind.values()))))

    # trades, built only from what the seat may see
    def trade(self) -> bool:
        g = self.game
        seat = g.turn_seat
        view = g.view(seat)
        mine = view.open_offers_to_me()
        note = self.pick(("", "a fair split", "final offer"))
        if mine and self.chance(40):
            offer = self.pick(mine)
            others = [p for p in (offer.proposer, *offer.parties) if p != seat]
            return self.attempt(Counter(seat, offer.id, self.items(view, [seat, *others]), note))
        candidates = [s for s in self.seats if s != seat]
        partners = [self.pick(candidates)]
        if self.chance(25):
            rest = [s for s in candidates if s not in partners]
            partners.append(self.pick(rest))
        return self.attempt(Propose(seat, tuple(partners), self.items(view, [seat, *partners]), note))

    def items(self, view, givers: list[str]) -> tuple[OfferItem, ...]:
        """Random items within each giver's free capacity, as the view shows it; a giver may
        offer one kind twice, and together the items may then exceed what it has (refused)."""
        items = []
        contribution = view.public.contribution
        for giver in givers:
            free = {k: n for k, n in view.public.delegates[giver].free.items() if n > 0}
            for _ in range(1 + self.chance(20)):
                kinds = sorted(free)
                if not kinds:
                    break
                kind = self.pick(kinds)
                priorities = [p for (k, p) in contribution if k == kind]
                if not priorities:
                    continue
                amount = 1 + self.index(free[kind])
                condition = self.condition(giver) if self.chance(25) else None
                items.append(OfferItem(giver, kind, amount, self.pick(priorities), condition))
        return tuple(items)

    def condition(self, giver: str):
        other = self.pick([s for s in self.seats if s != giver])
        shapes = [
            {"test": "contributed", "delegate": other, "kind": self.pick(self.kinds), "min": 1 + self.index(3)},
            {"test": "contributed", "priority": self.pick(self.priorities), "min": 1 + self.index(6)},
            {"test": "signed", "delegate": other, "priority": self.pick(self.priorities)},
            {"test": "priority", "priority": self.pick(self.priorities), "status": ["secured", "partial"]},
            {"test": "track", "track": self.pick(self.tracks), "min": self.index(8)},
            {"test": "approved", "delegate": other, "kind": self.pick(self.kinds)},
            {"test": "not", "of": {"test": "round", "max": 1}},
            {"test": "any", "of": [{"test": "capital", "delegate": other, "min": 1},
                                   {"test": "binding_authority", "delegate": other}]},
            {"test": "flag", "flag": "no_such_flag"},  # refused: names something unknown
        ]
        if self.flags:
            shapes.append({"test": "flag", "flag": self.pick(self.flags), "value": self.chance(50)})
        return CONDITION.validate_python(self.pick(shapes))

    # odd actions: any kind, any seat, fields valid or not; check() and apply() must agree
    def odd_action(self) -> bool:
        g = self.game
        s = g._state
        turn = g.turn_seat or self.seats[0]
        seat = self.pick([turn, turn, *self.seats, "nobody", FACILITATOR])
        other = self.pick([s for s in self.seats if s != seat] or list(self.seats))
        kind = self.pick([*self.kinds, "nothing"])
        priority = self.pick([*self.priorities, "nowhere"])
        free = s.free(seat, kind) if seat in s.delegates and kind in self.kinds else 0
        amount = self.pick([1, free, free + 1, 0, -1, 10**6])
        offer = self.index(len(s.offers) + 2)
        commitment = self.index(len(s.commitments) + 2)
        makers = [
            lambda: Pledge(seat, kind, amount, priority),
            lambda: Pledge(seat, kind, amount, priority, FlagTest(test="flag", flag="no_such_flag")),
            lambda: Propose(seat, (other,), (OfferItem(seat, kind, amount, priority),
                                             OfferItem(other, self.pick(self.kinds), 1, priority))),
            lambda: Propose(seat, (seat,), (OfferItem(seat, kind, 1, priority),)),
            lambda: Propose(seat, (), ()),
            lambda: Accept(seat, offer),
            lambda: Reject(seat, offer),
            lambda: Counter(seat, offer, (OfferItem(other, kind, amount, priority),)),
            lambda: Withdraw(seat, commitment),
            lambda: Sign(seat, priority, self.chance(50)),
            lambda: SeekApproval(seat, kind),
            lambda: Pass(seat),
            lambda: InjectEvent(self.pick(self.events), seat=seat),
            lambda: EndPhase(seat=seat),
        ]
        return self.attempt(self.pick(makers)())

    def facilitator_action(self) -> bool:
        paused = self.game._state.paused
        makers = [
            lambda: InjectEvent(self.pick([*self.events, "no_such_event"])),
            lambda: AdjustTrack(self.pick([*self.tracks, "nowhere"]), self.pick([-3, -1, -0.5, 0, 0.5, 1, 2]),
                                self.pick(["a journalist leaks the draft", "", "  "])),
            lambda: Resume() if paused else Pause(),
            lambda: Pause() if paused else Resume(),  # refused: already so
            lambda: EndPhase(),
            lambda: SetController(self.pick([*self.seats, "nobody"]), self.pick([*CONTROLLERS, "oracle"])),
        ]
        return self.attempt(self.pick(makers)())

    # undo: back to exactly the state before the last action, and forward again
    def undo_check(self) -> None:
        """Any accepted action, a player's or the facilitator's, then undo and redo it."""
        act = self.pick((self.legal_action, self.trade, self.facilitator_action))
        if act():
            self.check_undo_of_the_last_action()

    def check_undo_of_the_last_action(self) -> None:
        g = self.game
        (state_before, result_before), last = self.before, g.actions[-1]
        after, result_after = snapshot(g), g.result()
        assert g.undo() is last
        self.seen = {}
        assert snapshot(g) == state_before, f"undo of {last} did not restore the state"
        assert log_dicts(g) == [e.to_dict() for e in state_before[3]]
        assert g.result() == result_before
        self.check_state()
        self.check_views(full=True)
        ok(g.apply(last))
        self.seen = {}
        assert snapshot(g) == after and g.result() == result_after, f"redoing {last} gave another state"

    # the invariants
    def check_state(self) -> None:
        g = self.game
        s = g._state
        held: Tally = Tally()
        for c in s.commitments:
            assert c.amount >= 1, f"commitment #{c.id} of {c.amount}"
            if c.status in (PENDING, ACTIVE, SUSPENDED):
                held[c.delegate, c.kind] += c.amount
        for seat, d in s.delegates.items():
            assert d.capital >= 0, f"{seat} has {d.capital} political capital"
            for kind, capacity in d.capacity.items():
                assert capacity >= 0, f"{seat} has capacity {capacity} of {kind}"
            for kind in set(d.committed) | {k for (x, k) in held if x == seat}:
                committed = d.committed.get(kind, 0)
                assert 0 <= committed <= d.capacity.get(kind, 0), \
                    f"{seat} has {committed} {kind} committed of a capacity of {d.capacity.get(kind, 0)}"
                expected = held[seat, kind]  # lapsed, withdrawn, rejected and cancelled units return
                assert committed == expected, \
                    f"{seat} counts {committed} {kind} committed; its pending and active commitments hold {expected}"
        for track, value in s.tracks.items():
            low, high = g._tables.track_bounds[track]
            assert low <= value <= high, f"track {track} at {value}, outside [{low}, {high}]"
        for offer in s.offers:
            assert offer.accepted_by <= set(offer.parties)

    def check_views_against_a_cold_rebuild(self) -> None:
        """Every view built from the caches equals one built from scratch (cleared caches)."""
        g = self.game
        warm = {seat: g.view(seat) for seat in (*self.seats, FACILITATOR, "public")}
        kept = g._state.caches
        g._state.caches = Caches()
        try:
            for seat, view in warm.items():
                assert g.view(seat) == view, f"{seat}'s cached view differs from one rebuilt from scratch"
        finally:
            g._state.caches = kept

    def check_views(self, full: bool = False) -> None:
        """Each seat sees only its own secrets, its own offers and the log entries meant for it."""
        g = self.game
        s = g._state
        for seat in self.seats:
            view = g.view(seat)
            assert list(view.private) == [seat], f"{seat}'s view holds the secrets of {list(view.private)}"
            assert [o.id for o in view.offers] == [
                o.id for o in s.offers if seat == o.proposer or seat in o.parties], f"{seat} sees others' offers"
            if full:
                self.seen.pop(seat, None)
            shown, logged = self.seen.get(seat, (0, 0))
            new = view.log[shown:]
            assert all(e.visible_to is None or seat in e.visible_to for e in new), f"{seat} sees a private entry"
            meant = [e for e in s.log[logged:] if e.visible_to is None or seat in e.visible_to]
            assert [dataclasses.replace(e, seq=0) for e in new] == [dataclasses.replace(e, seq=0) for e in meant], \
                f"{seat}'s log misses entries meant for it"
            assert [e.seq for e in new] == list(range(shown + 1, shown + 1 + len(new))), \
                f"{seat}'s log is not numbered in its own sequence: hidden entries show as gaps"
            self.seen[seat] = (len(view.log), len(s.log))
            if full:
                text = repr(view)
                assert self.briefs[seat] in text
                for other, brief in self.briefs.items():
                    assert other == seat or brief not in text, f"{seat}'s view shows {other}'s confidential brief"
        everything = g.view(FACILITATOR)
        if full:
            self.check_views_against_a_cold_rebuild()
        assert set(everything.private) == set(self.seats)
        assert len(everything.offers) == len(s.offers) and everything.log == tuple(s.log)
        if full:
            self.round_checked = s.round

    def check_result(self) -> None:
        g = self.game
        result = g.result()
        assert result["over"] and result["end_reason"] and g.log[-1].kind == "GameEnded"
        event(f"ended in round {result['rounds_played']}: {result['end_reason'][:40]}")  # --hypothesis-show-statistics
        event(f"{sum(a.kind == 'propose' for a in g.actions) // 10 * 10}+ accepted proposals")
        assert {p["status"] for p in result["priorities"].values()} <= STATUSES
        assert result["outcome"] in {"success", "partial", "failure"}
        assert g.legal_actions(g.turn_seat or self.seats[0]) == []
        assert g.check(Pass(self.seats[0])).rule == "game_over"

    def check_replay(self) -> None:
        g = self.game
        replay = Game.from_record(self.loaded.scenario, g.record(), content_hash=self.loaded.content_hash)
        self.same_game(replay, "replaying the record")

    def check_save_and_load(self, folder, suffix: str) -> None:
        loaded = load_game(save_record(self.game, folder / f"game{suffix}"))
        self.same_game(loaded, f"saving as {suffix} and loading")

    def same_game(self, other: Game, how: str) -> None:
        g = self.game
        assert log_dicts(other) == log_dicts(g), f"{how} gives another log"
        assert other._state.rng.state == g._state.rng.state, f"{how} leaves the RNG elsewhere"
        assert other.result() == g.result(), f"{how} gives another result"
        assert snapshot(other) == snapshot(g), f"{how} gives another state"


@pytest.fixture(scope="module")
def saves(tmp_path_factory):
    return tmp_path_factory.mktemp("saves")


@_settings(examples=150)
@given(data=st.data())
def test_random_tutorial_games_keep_the_engine_promises(data, saves):
    run = RandomGame(data, "tutorial")
    run.play()
    run.check_replay()
    run.check_save_and_load(saves, data.draw(st.sampled_from([".yaml", ".json"])))


@_settings(examples=50)
@given(data=st.data())
def test_random_paris_games_keep_the_engine_promises(data, saves):
    run = RandomGame(data, "paris-2026")
    run.play()
    run.check_replay()
    run.check_save_and_load(saves, data.draw(st.sampled_from([".json", ".yaml"])))


# -- engine bugs found by the random games -----------------------------------------------


def test_a_bundle_cannot_commit_more_than_the_giver_has():
    g = game()  # Alba has 3 bn of funding
    items = (OfferItem("a", "money", 2, "p1"), OfferItem("a", "money", 2, "p2"), OfferItem("b", "money", 1, "p1"))
    if g.apply(Propose("a", ("b",), items)).ok:
        ok(g.apply(Pass("a")))
        g.apply(Accept("b", g._state.offers[0].id))
    d = g._state.delegates["a"]
    assert d.committed.get("money", 0) <= d.capacity["money"]


def test_lapsed_commitments_return_their_units():
    g = game()
    ok(g.apply(Pledge("a", "money", 2, "p1", FlagTest(test="flag", flag="backstop"))))
    while not g.over:
        ok(g.apply(EndPhase()))
    assert [c.status for c in g._state.commitments] == ["lapsed"]
    assert g._state.delegates["a"].committed.get("money", 0) == 0
    assert g.view("a").public.delegates["a"].free["money"] == 3
