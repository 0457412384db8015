"""A hosted game behind the table's interface (`game.ui.table_game.TableGame`), from the views the host sends.

It never computes a rule: `apply`, `check` and `undo` send the host a message and return a
`Reply` that turns `done` on a later frame, once `poll()` has taken the answer (and, for an
action, the view that includes it) from the `NetClient`'s inbox. Names, the catalog and the
wording come from the same scenario, read locally; the secrets it holds are never drawn, since
the table draws only views, and a spectator's views hold none.
"""

import dataclasses
import itertools
import json
import time
from pathlib import Path
from typing import Any

from game.content.scenarios import bundled_scenario_file, load_scenario
from game.engine import Applied, Game, Rejection, SeatView
from game.errors import CoalitionError
from game.model.actions import PUBLIC, action_to_dict
from game.model.wire import Codes
from game.net.client import NetClient, RemoteView
from game.net.views import action_from_data

ANSWER_SECONDS = 15.0
"""How long an action waits for the host's answer before the table says so."""
VIEW_SECONDS = 1.0
"""How long an accepted action waits for the view that shows it (none comes if nothing visible changed)."""


class HostedGameError(CoalitionError):
    """A hosted game that cannot be joined or shown: no host, a refused code, an unknown scenario."""


@dataclasses.dataclass(eq=False)
class Reply:
    """An answer on its way from the host: `done` turns True, then `answer` holds what a local game returns."""

    kind: str
    """"act", "check" or "undo"."""
    action: Any
    sent_at: float
    done: bool = False
    answer: Any = None
    seq: int | None = None
    """For an accepted action: the change number whose view shows it."""
    log_mark: int = 0
    accepted_at: float = 0.0

    def settle(self, answer: Any) -> None:
        self.done, self.answer = True, answer


class RemoteGame:
    """One connection's game: its view, legal actions, presence, codes and clock, as last sent."""

    def __init__(self, client: NetClient, welcome: dict[str, Any], first: RemoteView, scenario: Any,
                 content_hash: str, *, early: list | None = None, clock=time.monotonic):
        self.client = client
        self.role: str = welcome["role"]
        self.seat: str = welcome["seat"]
        self.latest = first
        self.status = "connected"
        self.presence: dict[str, int] = {}
        self.codes: dict[str, Any] | None = None
        self.seconds_left: float | None = None
        self.seed: int | None = None
        self._clock = clock
        self._blank = Game.new(scenario, 0, content_hash=content_hash)
        """A copy of the scenario that is never played: only its catalog and names are read."""
        self._ids = itertools.count(1)
        self._waiting: dict[int, Reply] = {}
        self._notes: list[str] = []
        self._public: tuple[int, SeatView] | None = None
        self._handlers = {"presence": self._presence, "codes": self._codes, "clock": self._clock_message,
                          "taken_over": self._taken_over, "error": self._error, "rejected": self._refused,
                          "welcome": self._welcome, "pong": lambda m: None}
        for message in early or ():  # the codes come before the first view
            self._message(message)

    @classmethod
    def join(cls, url: str, code: str | None = None, *, spectator: bool = False, scenario: str | None = None,
             timeout: float = 10.0) -> "RemoteGame":
        """Connects, joins and waits (bounded) for the first view; raises HostedGameError saying why not."""
        client = NetClient(url, code, spectator=spectator).start()
        welcome, first, early = _first_view(client, url, timeout)
        try:  # the host's word names a bundled scenario only: never a path on this machine
            bundled = bundled_scenario_file(str(welcome["scenario"]))
            if scenario is None and bundled is None:
                raise CoalitionError(f"'{str(welcome['scenario'])[:60]}' is not a scenario bundled here")
            loaded = load_scenario(scenario or bundled)
        except CoalitionError as err:
            client.close()
            raise HostedGameError(f"the host plays scenario '{welcome['scenario']}', which this machine cannot "
                                  f"open ({str(err).splitlines()[0]}); pass its file: coalition play FILE --join "
                                  f"{url} ...") from None
        if loaded.scenario.meta.id != welcome["scenario"]:
            client.close()
            raise HostedGameError(f"{scenario} is scenario '{loaded.scenario.meta.id}', but the host plays "
                                  f"'{welcome['scenario']}'")
        if welcome.get("scenario_hash") and loaded.content_hash != welcome["scenario_hash"]:
            client.close()
            raise HostedGameError(f"the host plays another version of scenario '{welcome['scenario']}' than "
                                  f"{scenario or 'the one bundled here'} (their contents differ); pass the "
                                  f"host's file: coalition play FILE --join {url} ...")
        return cls(client, welcome, first, loaded.scenario, loaded.content_hash, early=early)

    # -- the frame loop ------------------------------------------------------------------------
    def poll(self) -> bool:
        """Takes in everything that arrived; returns True when the view changed."""
        changed = False
        for item in self.client.poll():
            if isinstance(item, RemoteView):
                self.latest, changed = item, True
            elif isinstance(item, tuple):
                self._status(item[1])
            elif isinstance(item, dict):
                self._message(item)
        self._settle_accepted()
        self._expire()
        return changed

    def notes(self) -> list[str]:
        notes, self._notes = self._notes, []
        return notes

    def close(self) -> None:
        self.client.close()

    def _message(self, message: dict[str, Any]) -> None:
        reply = self._waiting.get(message.get("id")) if message.get("id") is not None else None
        if reply is not None:
            self._answer(reply, message)
            return
        handler = self._handlers.get(message.get("type"))
        if handler is not None:
            handler(message)

    def _answer(self, reply: Reply, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "rejected":
            del self._waiting[message["id"]]
            reply.settle(Rejection(message.get("rule", "refused"), message.get("message", "The host refused it.")))
        elif kind == "checked":
            del self._waiting[message["id"]]
            reply.settle(None if message.get("ok") else Rejection(message.get("rule", ""), message.get("message", "")))
        elif kind == "applied":
            reply.seq, reply.log_mark, reply.accepted_at = message["seq"], len(self.log), self._clock()
            if reply.kind == "undo":
                taken = message["action"].get("took_back")
                reply.log_mark = -1  # the log comes again whole after an undo
                reply.action = action_from_data(taken) if taken else None

    def _settle_accepted(self) -> None:
        """An accepted action is done once a view that includes it arrived (or a second passed)."""
        for request, reply in list(self._waiting.items()):
            if reply.seq is None:
                continue
            seen = self.latest.seq >= reply.seq
            if not seen and self._clock() - reply.accepted_at < VIEW_SECONDS:
                continue
            del self._waiting[request]
            if reply.kind == "undo":
                reply.settle(reply.action)
            else:
                log = self.log
                entries = tuple(log[reply.log_mark:]) if seen and 0 <= reply.log_mark <= len(log) else ()
                reply.settle(Applied(reply.action, entries))

    def _expire(self) -> None:
        now = self._clock()
        for request, reply in list(self._waiting.items()):
            if reply.seq is None and now - reply.sent_at > ANSWER_SECONDS:
                del self._waiting[request]
                reply.settle(Rejection("no_answer", f"The host did not answer in {ANSWER_SECONDS:g} seconds; "
                                                    "look at the table before trying again."))

    def _status(self, status: str) -> None:
        if status == self.status:
            return
        self.status = status
        if status != "connected":
            self._notes.append(_STATUS_NOTES.get(status, f"The host {status}."))
            for reply in self._waiting.values():  # a dropped connection loses what was in flight
                reply.settle(Rejection("offline", "The connection to the host dropped before it answered; "
                                                  "look at the table once it is back, then try again."))
            self._waiting.clear()
        else:
            self._notes.append("Connected to the host.")

    def _presence(self, message: dict[str, Any]) -> None:
        self.presence = dict(message.get("connected", {}))
        if message.get("note"):
            self._notes.append(message["note"][0].upper() + message["note"][1:] + ".")

    def _codes(self, message: dict[str, Any]) -> None:
        self.codes = {key: message[key] for key in ("url", "seats", "facilitator", "spectator")}

    def _clock_message(self, message: dict[str, Any]) -> None:
        self.seconds_left = message.get("seconds_left")

    def _welcome(self, message: dict[str, Any]) -> None:
        """A welcome after a reconnection: the host may have come back with another scenario."""
        scenario, played = self._blank.scenario.meta.id, message.get("scenario_hash")
        if message.get("scenario") == scenario and (not played or played == self._blank.content_hash):
            return
        self._notes.append(f"The host came back with another scenario ('{str(message.get('scenario'))[:60]}', not "
                           f"this table's '{scenario}'): this table closed. Join again, with the host's file.")
        self.client.close()
        self._status("closed")

    def _taken_over(self, message: dict[str, Any]) -> None:
        self._notes.append(message.get("message", "Another device took over this code."))

    def _error(self, message: dict[str, Any]) -> None:
        self._notes.append(f"The host could not read a message: {message.get('message', '')}")

    def _refused(self, message: dict[str, Any]) -> None:
        self._notes.append(message.get("message", "The host closed this connection."))

    # -- the table's interface ---------------------------------------------------------------
    def _send(self, kind: str, action: Any, message: dict[str, Any]) -> Reply:
        request = next(self._ids)
        reply = Reply(kind, action, self._clock())
        self._waiting[request] = reply
        self.client.send({**message, "id": request})
        return reply

    def apply(self, action: Any) -> Reply:
        """Sends the action to the host; the Reply holds Applied or the host's Rejection later."""
        return self._send("act", action, {"type": "act", "action": action_to_dict(action)})

    def check(self, action: Any) -> Reply:
        """Asks the host whether it would accept the action now; the Reply holds None or a Rejection."""
        return self._send("check", action, {"type": "check", "action": action_to_dict(action)})

    def undo(self) -> Reply:
        """Asks the host (facilitator only) to take back the last action; the Reply holds what it took back."""
        return self._send("undo", None, {"type": "undo"})

    def waiting(self) -> int:
        """Returns how many answers are still on their way."""
        return len(self._waiting)

    def view(self, seat: str) -> SeatView:
        """Returns this connection's view, or its public part; never another seat's."""
        own = self.latest.view
        if seat == own.seat:
            return own
        if seat == PUBLIC:
            return self._public_view()
        raise ValueError(f"this connection sees {own.seat}'s view, not {seat}'s")

    def _public_view(self) -> SeatView:
        """The public part of this connection's view: what the engine's public view holds."""
        if self._public is None or self._public[0] != self.latest.seq:
            own = self.latest.view
            events = self.catalog.events
            fired = {e: n for e, n in own.events_fired.items() if events[e].visibility == "public"}
            log = tuple(e for e in own.log if e.visible_to is None)
            self._public = (self.latest.seq, dataclasses.replace(own, seat=PUBLIC, private={}, offers=(), log=log,
                                                                 events_fired=fired, mine=()))
        return self._public[1]

    def legal_actions(self, seat: str) -> list[Any]:
        return list(self.latest.legal) if seat == self.seat else []

    def controller(self, seat: str) -> str:
        return self.latest.view.public.delegates[seat].controller

    @property
    def scenario(self):
        return self._blank.scenario

    @property
    def catalog(self):
        return self._blank.catalog

    @property
    def names(self):
        return self._blank.names

    @property
    def content_hash(self) -> str:
        return self._blank.content_hash

    @property
    def seats(self) -> tuple[str, ...]:
        return self._blank.seats

    def display_name(self, some_id: str) -> str:
        return self._blank.display_name(some_id)

    @property
    def over(self) -> bool:
        return self.latest.view.over

    @property
    def turn_seat(self) -> str | None:
        return self.latest.view.turn_seat

    @property
    def round(self) -> int:
        return self.latest.view.round

    @property
    def log(self) -> tuple:
        return self.latest.view.log

    def result(self) -> dict[str, Any]:
        """Returns the outcome as the view shows it: scores only for the seats this connection may see."""
        view = self.latest.view
        end = next((e for e in reversed(view.log) if e.kind == "GameEnded"), None)
        outcome = end.data.get("outcome") if end is not None else None
        if outcome is None and end is not None and "Outcome: " in end.text:
            outcome = end.text.rsplit("Outcome: ", 1)[1].rstrip(".")
        return {
            "scenario": self.scenario.meta.id, "seed": self.seed, "rounds_played": view.round, "over": view.over,
            "end_reason": view.end_reason, "events_fired": list(view.events_fired),
            "priorities": {pid: {"progress": p.progress, "target": p.target, "status": p.status,
                                 "signatories": len(p.signatories), "missing": list(p.missing)}
                           for pid, p in view.priorities.items()},
            "delegates": {seat: {"score": p.score, "objectives": {o.id: o.met for o in p.objectives}}
                          for seat, p in view.private.items()},
            "tracks": dict(view.tracks), "outcome": outcome or ("not over yet" if not view.over else "see the log"),
        }

    def record(self):
        raise HostedGameError("a hosted game's record is the host's journal: copy it from the host's laptop "
                              "(the host printed where it is) and replay it with `coalition replay JOURNAL`")


def load_codes(path: str | Path) -> dict[str, Any]:
    """Returns the join codes from the file `coalition host --codes FILE` wrote; raises HostedGameError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Codes.model_validate(data).model_dump(exclude={"type"})
    except OSError as err:
        raise HostedGameError(f"{path}: cannot read the codes file ({err.strerror})") from None
    except ValueError as err:  # bad JSON, or not the host's codes format (pydantic's errors are ValueErrors)
        raise HostedGameError(f"{path}: not a codes file written by `coalition host --codes` "
                              f"({str(err).splitlines()[0]})") from None


_STATUS_NOTES = {"reconnecting": "Lost the host; reconnecting by itself…", "closed": "The connection to the host "
                 "is closed."}


def _first_view(client: NetClient, url: str, timeout: float) -> tuple[dict[str, Any], RemoteView, list]:
    """Waits for the welcome and the first view (keeping the messages in between); raises
    HostedGameError on a refusal or silence."""
    welcome, first, early = None, None, []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for item in client.poll():
            if isinstance(item, tuple) and item[1].startswith("refused"):
                client.close()
                raise HostedGameError(f"the host at {url} {item[1].replace(':', ' the join:', 1)}")
            if isinstance(item, dict) and item.get("type") == "welcome":
                welcome = item
            elif isinstance(item, dict):
                early.append(item)
            elif isinstance(item, RemoteView) and welcome is not None:
                first = item
        if first is not None:
            return welcome, first, early
        time.sleep(0.02)
    client.close()
    raise HostedGameError(f"no host answered at {url} within {timeout:g} seconds (is `coalition host` running, "
                          "and is this the address it printed?)")


__all__ = ["HostedGameError", "RemoteGame", "Reply", "load_codes"]
