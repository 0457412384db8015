"""The facade: everything a player, bot, test, UI or network client does goes through Game.

    game = Game.new(scenario, seed=7)
    game.legal_actions("fr"); game.check(action); game.apply(action)
    game.view("fr"); game.undo(); game.record()

A game is fully defined by (scenario hash, seed, actions): undo and load replay them.
Its state and compiled tables are private; outsiders read views, the scenario and the log.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from game.engine import flow, rules, wellformed
from game.engine.facilitation import CONTROLLERS
from game.engine.legal import LegalActions
from game.engine.log import LogEntry
from game.engine.reasons import missing
from game.engine.rng import derive_seed
from game.engine.rule import Rejection
from game.engine.scoring import coalition_outcome, derived, objective_results, score
from game.engine.state import initial_state
from game.engine.tables import Catalog, Tables, compile_tables
from game.engine.views import SeatView, build_view
from game.engine.words import Names
from game.model.actions import action_to_dict
from game.model.formats import entry_as_saved
from game.model.record import RECORD_FORMAT, ForkParent, GameRecord
from game.model.scenario import Scenario


class ReplayError(ValueError):
    """A record that does not belong to this scenario or whose actions no longer apply."""


class SetupError(ValueError):
    """A game that cannot start: a seed outside 64 bits, or a seat played by an unknown controller."""


MAX_SEED = 2**64 - 1
_UNCHECKED = object()


@dataclass(frozen=True, slots=True, init=False)
class Applied:
    """An accepted action and the log entries it produced (its automatic consequences too)."""

    action: Any
    entries: tuple[LogEntry, ...]
    ok: bool = True

    def __init__(self, action: Any, entries: tuple[LogEntry, ...], ok: bool = True):
        # one per action: setting the slots directly skips a frozen dataclass's object.__setattr__
        _set_action(self, action)
        _set_entries(self, entries)
        _set_ok(self, ok)


_set_action, _set_entries, _set_ok = (Applied.__dict__[name].__set__ for name in ("action", "entries", "ok"))
_new = object.__new__


def scenario_hash(scenario: Scenario) -> str:
    """Returns the content hash of a validated scenario: what a record is checked against."""
    return hashlib.sha256(scenario.model_dump_json().encode()).hexdigest()


class Game:
    def __init__(self, tables: Tables, seed: int, controllers: dict[str, str] | None = None,
                 parent: ForkParent | None = None, turns: str | None = None):
        _check_setup(tables, seed, controllers or {})
        if turns not in (None, "ordered", "simultaneous"):
            raise SetupError(f"turns are 'ordered' or 'simultaneous' (got {turns!r})")
        self.turns = turns
        """The host's choice of turn mode, or None for the scenario's own."""
        self._tables = tables
        self.seed = seed
        self.actions: list[Any] = []
        self.initial_controllers = dict(controllers or {})
        self.parent = parent
        """A fork's origin; its `reseeds` restart the RNG after the given steps (see fork())."""
        self._state = initial_state(tables, seed, self.initial_controllers, turns)
        flow.start_game(self._state)
        self._reseed(0)
        self._passed_state, self._passed_at = None, -1
        self._passed: dict[int, Any] = {}
        """The actions check() passed, by id, in state `_passed_state` at decision `_passed_at`:
        apply() need not check them again."""

    def _reseed(self, step: int) -> None:
        for at, seed in self.parent.reseeds if self.parent else ():
            if at == step:
                self._state.rng.state = derive_seed(seed, "fork")

    @classmethod
    def new(cls, scenario: Scenario, seed: int = 0, *, content_hash: str | None = None,
            controllers: dict[str, str] | None = None, turns: str | None = None) -> "Game":
        """Starts a game of the scenario; `controllers` maps seats to "human" or a bot personality;
        `turns` ("ordered" or "simultaneous") overrides the scenario's turn mode."""
        return cls(compile_tables(scenario, content_hash or scenario_hash(scenario)), seed, controllers,
                   turns=turns)

    # -- acting -----------------------------------------------------------------
    def check(self, action: Any) -> Rejection | None:
        """Returns why the action is refused now, or None if it is legal."""
        state = self._state
        problem = rules.check(state, action)
        if problem is None:
            if self._passed_state is not state or self._passed_at != state.decisions:
                self._passed_state, self._passed_at, self._passed = state, state.decisions, {}
            self._passed[id(action)] = action
        return problem

    def apply(self, action: Any) -> Applied | Rejection:
        """Applies a legal action; a refused one returns a Rejection and changes nothing."""
        state = self._state
        # an action check() passed since the last action is still legal: bots check the trades
        # they propose (their dearest check) and then apply the one they chose
        if (self._passed.get(id(action), _UNCHECKED) is not action or self._passed_state is not state
                or self._passed_at != state.decisions):
            problem = rules.check(state, action)
            if problem is not None:
                return problem
        log = state.log
        start = len(log)
        rules.apply_action(state, action)
        actions = self.actions
        actions.append(action)
        if self.parent is not None:
            self._reseed(len(actions))
        applied = _new(Applied)  # Applied.__init__, inlined: one per action
        _set_action(applied, action)
        _set_entries(applied, tuple(log[start:]))
        _set_ok(applied, True)
        return applied

    @staticmethod
    def parse_action(data: Any) -> Any:
        """Returns the action a JSON-style dict describes, or a Rejection (rule `malformed`) saying
        in plain words what is wrong; nothing is coerced."""
        return wellformed.from_dict(data)

    def apply_dict(self, data: dict[str, Any]) -> Applied | Rejection:
        """Validates a JSON-style action (from a file or the network) and applies it."""
        action = wellformed.from_dict(data)
        return action if isinstance(action, Rejection) else self.apply(action)

    def undo(self) -> Any | None:
        """Takes back the last action (a player's or the facilitator's); returns it, or None."""
        if not self.actions:
            return None
        last = self.actions[-1]
        self._rebuild(self.actions[:-1])
        return last

    def _rebuild(self, actions: list[Any]) -> None:
        self._state = initial_state(self._tables, self.seed, self.initial_controllers, self.turns)
        flow.start_game(self._state)
        self._reseed(0)
        self.actions = []
        for index, action in enumerate(actions):
            result = self.apply(action)
            if not isinstance(result, Applied):
                raise ReplayError(f"action {index + 1} ({action.kind} by {action.seat}) no longer applies: "
                                  f"{result.message}")

    def replay(self) -> Iterator[tuple[Applied, "Game"]]:
        """Walks the game again from its start: yields each step's Applied and the replaying game
        as it stands after it (read its views), for reviews that need more than the log."""
        game = Game(self._tables, self.seed, self.initial_controllers, self.parent, self.turns)
        for action in self.actions:
            applied = game.apply(action)
            if not isinstance(applied, Applied):  # cannot happen: these actions built this game
                raise ReplayError(f"{action.kind} by {action.seat} no longer applies: {applied.message}")
            yield applied, game

    # -- reading ----------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        """The scenario this game plays (validated pydantic data; treat it as read-only)."""
        return self._tables.scenario

    @property
    def content_hash(self) -> str:
        return self._tables.content_hash

    @property
    def seats(self) -> tuple[str, ...]:
        """Every delegation's id, in scenario order."""
        return self._tables.seats

    @property
    def catalog(self) -> Catalog:
        """The scenario's delegates, kinds, priorities, events, tracks and flags by id."""
        return self._tables.catalog

    @property
    def names(self) -> Names:
        """Display names for every id of the scenario, shared by every caller."""
        return self._tables.names

    def display_name(self, some_id: str) -> str:
        """Returns the display name of a delegate, priority or commitment kind id (else the id)."""
        return self._tables.display_name(some_id)

    @property
    def decisions(self) -> int:
        return self._state.decisions

    @property
    def round(self) -> int:
        return self._state.round

    @property
    def over(self) -> bool:
        return self._state.over

    @property
    def turn_seat(self) -> str | None:
        return self._state.turn_seat

    @property
    def log(self) -> list[LogEntry]:
        """The whole log (the facilitator's view of it): read it, never change it."""
        return self._state.log

    @property
    def last_action(self) -> Any | None:
        """Returns the last accepted action (the one undo() would take back), or None."""
        return self.actions[-1] if self.actions else None

    def controller(self, seat: str) -> str:
        return self._state.delegates[seat].controller

    def view(self, seat: str) -> SeatView:
        """Returns what the seat may know ("facilitator": everything; "public": a spectator's part)."""
        return build_view(self._state, seat)

    def legal_actions(self, seat: str) -> LegalActions:
        """Returns the seat's enumerable legal actions; trades are open-ended, so check() those.

        A read-only sequence, each kind listed when first read (`.of("pledge")`, `action in legal`);
        read it before the next action. Pledges come in two amounts per kind and priority:
        1 unit, and all that is free.
        """
        return rules.legal_actions(self._state, seat)

    def result(self) -> dict[str, Any]:
        """Returns the outcome as plain data: priorities, delegates' scores and objectives."""
        s, t = self._state, self._tables
        d = derived(s)
        return {
            "scenario": t.scenario.meta.id,
            "seed": self.seed,
            "rounds_played": s.round,
            "over": s.over,
            "end_reason": s.end_reason,
            "decisions": s.decisions,
            "events_fired": [e.data["event"] for e in s.log if e.kind in ("EventDrawn", "EventInjected")],
            "priorities": {p: {"progress": round(d.progress[p], 4), "target": t.priorities[p].target,
                               "status": d.status[p], "signatories": d.signatories[p], "missing": list(missing(s, d, p))}
                           for p in t.priority_order},
            "delegates": {seat: {"score": score(s, seat),
                                 "objectives": {oid: met for oid, met, _ in objective_results(s, seat)}}
                          for seat in t.seats},
            "tracks": dict(s.tracks),
            "outcome": coalition_outcome(s),
        }

    # -- the record ---------------------------------------------------------------
    def record(self) -> GameRecord:
        """Returns the game record: enough to replay and verify this game exactly."""
        return GameRecord(
            scenario_id=self.scenario.meta.id, scenario_hash=self.content_hash,
            seed=self.seed, actions=[action_to_dict(a) for a in self.actions],
            controllers=self.initial_controllers, decisions=self._state.decisions,
            rng_state=self._state.rng.state, log_digest=log_digest(self._state.log), parent=self.parent,
            turns=self.turns)

    def fork(self, step: int, seed: int | None = None, *, name: str = "") -> "Game":
        """Returns a new game that replays this one's first `step` actions and goes on from there;
        with `seed`, its RNG restarts from that seed after those steps. `name` is this game's file."""
        if not 0 <= step <= len(self.actions):
            raise ReplayError(f"step {step} is outside this game (0 to {len(self.actions)})")
        kept = [r for r in (self.parent.reseeds if self.parent else ()) if r[0] <= step]
        parent = ForkParent(record=name, digest=log_digest(self._state.log), step=step,
                            reseeds=kept + ([(step, seed)] if seed is not None else []))
        game = Game(self._tables, self.seed, self.initial_controllers, parent, self.turns)
        game._rebuild(self.actions[:step])
        return game

    @classmethod
    def from_record(cls, scenario: Scenario, record: GameRecord, *, content_hash: str | None = None) -> "Game":
        """Replays a record; raises ReplayError if it is for another scenario or does not replay."""
        digest = content_hash or scenario_hash(scenario)
        if record.scenario_id != scenario.meta.id:
            raise ReplayError(f"this record is a game of scenario '{record.scenario_id}', not '{scenario.meta.id}'")
        if record.scenario_hash != digest:
            raise ReplayError(
                f"this record was made with a different version of scenario '{record.scenario_id}' "
                f"(record hash {record.scenario_hash[:12]}…, scenario hash {digest[:12]}…)")
        try:
            game = cls(compile_tables(scenario, digest), record.seed, record.controllers, record.parent,
                       record.turns)
        except SetupError as err:
            raise ReplayError(str(err)) from None
        actions = []
        for index, data in enumerate(record.actions):
            action = wellformed.from_dict(data)
            if isinstance(action, Rejection):
                raise ReplayError(f"action {index + 1}: {action.message}")
            actions.append(action)
        game._rebuild(actions)
        state = game._state
        for what, saved, replayed in (("log digest", record.log_digest, log_digest(state.log, record.format)),
                                      ("number of decisions", record.decisions, state.decisions),
                                      ("random generator's state", record.rng_state, state.rng.state)):
            if saved != replayed:
                raise ReplayError(f"replaying the record gives a different {what} than when it was saved "
                                  f"(saved {saved}, replayed {replayed}): it was changed or is damaged")
        return game


def _check_setup(tables: Tables, seed: Any, controllers: dict[str, str]) -> None:
    if type(seed) is not int or not 0 <= seed <= MAX_SEED:
        raise SetupError(f"a seed is a whole number from 0 to 2**64 - 1 (got {seed!r})")
    for seat, controller in controllers.items():
        if seat not in tables.delegates:
            raise SetupError(f"there is no delegation '{seat}' in scenario '{tables.scenario.meta.id}'")
        if controller not in CONTROLLERS:
            raise SetupError(f"{seat} is played by '{controller}', which is neither a human nor a bot "
                             f"personality ({', '.join(CONTROLLERS)})")


def log_digest(log: list[LogEntry], version: int = RECORD_FORMAT) -> str:
    """Returns a short fingerprint of the log, to verify a replay; `version` is the record format
    whose payload names it uses (an older record's digest saw older names)."""
    h = hashlib.sha256()
    for entry in log:
        data = entry.to_dict() if version == RECORD_FORMAT else entry_as_saved(entry.to_dict(), version)
        h.update(json.dumps(data, sort_keys=True, default=str).encode())
    return h.hexdigest()[:32]
