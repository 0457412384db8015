"""The host: one authoritative Game, its journal, its join codes and everyone connected to it.

The host never assumes whose turn it is: after every change it asks the engine for each
connection's view and legal actions, and lets every bot-held seat with legal actions
play. An action is journaled (fsync) before anyone, its sender included, is told of it.
"""

import asyncio
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.bots import BOTS, BotTable, IllegalBotAction
from game.content.journal import JournalWriter
from game.engine import Game, Rejection
from game.model.actions import FACILITATOR, PUBLIC, EndPhase, action_to_dict
from game.model.wire import (
    AppliedReply,
    Checked,
    Clock,
    Codes,
    Presence,
    Rejected,
    TakenOver,
    Welcome,
)
from game.net.catalog import Words, table_message
from game.net.clock import PhaseClock
from game.net.codes import JoinCodes, share_sheet
from game.net.views import ViewEncoder, dumps

MAX_OUTBOX = 2000
"""Messages waiting for one slow client before the host gives up on it."""


@dataclass(eq=False)
class Connection:
    """One joined WebSocket: its role, its seat and what it was last sent."""

    role: str
    seat: str
    address: str
    close: Callable[[int, str], Any]
    outbox: asyncio.Queue = field(default_factory=asyncio.Queue)
    sent_log: int = 0
    last_view: tuple[str, str] = ("", "")
    took_over: str = ""
    """Set when this connection replaced another device holding the same code."""

    def send(self, message: Any) -> None:
        """Queues a message (a wire model or ready JSON text) for the connection's writer."""
        text = message if isinstance(message, str) else message.model_dump_json(exclude_none=True)
        if self.outbox.qsize() >= MAX_OUTBOX:
            self.close(1011, "too slow: the host stopped waiting for this connection")
            return
        self.outbox.put_nowait(text)


class Host:
    def __init__(self, game: Game, journal: JournalWriter, codes: JoinCodes, *, codes_path: Path,
                 base_url: str, share_path: Path | None = None, say: Callable[[str], None] = print,
                 clock: PhaseClock | None = None):
        self.game = game
        self.journal = journal
        self.codes = codes
        self.codes_path = codes_path
        self.base_url = base_url
        self.share_path = share_path
        self.say = say
        self.connections: set[Connection] = set()
        self.seq = 0
        self.encoder = ViewEncoder()
        self.words = Words(game)
        self.bots = BotTable(game, {seat: "negotiator" for seat in game.seats})
        self.bots_wanted = asyncio.Event()
        self.bots_wanted.set()
        self.ended = asyncio.Event()
        self.clock = clock
        self.clock_state: tuple = ()
        self.narrated: tuple = ()
        self.waiting: tuple = ()
        self.stopping = False
        self.replies: list[tuple[Connection, dict[str, Any], int | None, Any]] = []
        """Accepted actions journaled but not yet synced: answered at the next flush."""
        self.flush_due = False
        self._seen_seq = -1
        self._seen: dict[str, tuple] = {}
        """Per seat, the view sent at change number `_seen_seq`: built once for all its connections."""

    # -- joining ------------------------------------------------------------------------
    def join(self, code: str | None, spectator: bool, address: str, close: Callable) -> Connection | None:
        """Returns the new connection for a code (or a spectator), or None for an unknown code."""
        if self.stopping:
            return None
        if spectator:
            role, seat = "spectator", PUBLIC
        else:
            seat = self.codes.seat_for(code or "")
            if seat is None:
                return None
            role = "facilitator" if seat == FACILITATOR else "seat"
        conn = Connection(role, seat, address, close)
        for old in [c for c in self.connections if role != "spectator" and c.seat == seat]:
            old.send(TakenOver(message="Another device joined with this code and took over the seat."))
            old.close(4001, "taken over by another device")
            self.connections.discard(old)
            conn.took_over = f"{self.name(seat)}: a second device (from {address}) took over; the first was told"
        self.connections.add(conn)
        return conn

    def admit(self, conn: Connection) -> None:
        """Welcomes a joined connection: welcome, (codes,) the table, its full view, then tells the facilitator."""
        conn.send(self.welcome(conn))
        if conn.role == "facilitator":
            self.send_codes(conn)
        conn.send(dumps(table_message(self.game, conn.role)))
        self.resync(conn)
        if self.clock is not None and self.clock.round is not None:
            conn.send(self.clock_message())
        if conn.role != "spectator":
            self.presence(conn.took_over or f"{self.name(conn.seat)} joined from {conn.address}")

    def leave(self, conn: Connection) -> None:
        if conn in self.connections:
            self.connections.discard(conn)
            if conn.role != "spectator":
                self.presence(f"{self.name(conn.seat)} left")

    def name(self, seat: str) -> str:
        return "the facilitator" if seat == FACILITATOR else self.game.display_name(seat)

    def connected(self) -> dict[str, int]:
        counts = {seat: 0 for seat in (*self.game.seats, FACILITATOR, PUBLIC)}
        for conn in self.connections:
            counts[conn.seat] += 1
        return counts

    def presence(self, note: str) -> None:
        """Tells every facilitator who is connected, and prints it on the host's console."""
        self.say(note)
        self._note_waiting()
        message = Presence(connected=self.connected(), note=note)
        for conn in self.connections:
            if conn.role == "facilitator":
                conn.send(message)

    def send_codes(self, conn: Connection) -> None:
        conn.send(Codes.model_validate(share_sheet(self.codes, self.base_url, self.game.seats)))

    # -- acting -------------------------------------------------------------------------
    def act(self, conn: Connection, data: dict[str, Any], request: int | None) -> None:
        """Checks, applies, journals and announces an action proposed by a connection."""
        action, refusal = self._typed(conn, data)
        if refusal is not None:
            conn.send(Rejected(rule=refusal[0], message=refusal[1], id=request, action=data))
            return
        result = self.game.apply(action)
        if not result.ok:
            conn.send(Rejected(rule=result.rule, message=result.message, id=request, action=data))
            return
        if not self._journal(lambda: self.journal.action(action, sync=False), conn, request, data):
            return
        self.replies.append((conn, action_to_dict(action), request, data))
        self.changed()  # the reply and the views go out once the journal is synced (flush)

    def check(self, conn: Connection, data: dict[str, Any], request: int | None) -> None:
        action, refusal = self._typed(conn, data)
        if refusal is None:
            problem = self.game.check(action)
            refusal = (problem.rule, problem.message) if problem is not None else None
        conn.send(Checked(ok=refusal is None, rule=refusal[0] if refusal else "",
                          message=refusal[1] if refusal else "", id=request))

    def undo(self, conn: Connection, request: int | None) -> None:
        if conn.role != "facilitator":
            conn.send(Rejected(rule="facilitator_only", message="Only the facilitator may undo.", id=request))
            return
        last = self.game.undo()
        if last is None:
            conn.send(Rejected(rule="nothing_to_undo", message="There is no action to take back.", id=request))
            return
        if not self._journal(self.journal.undo, conn, request, None, redo=last):
            return
        self.say(f"undo: took back {last.kind} by {self.name(last.seat)}")
        for other in self.connections:
            other.sent_log = 0  # the log was rebuilt: everyone gets it whole again
        conn.send(AppliedReply(action={"kind": "undo", "took_back": action_to_dict(last)}, id=request,
                               seq=self.seq + 1))
        self.changed()

    def reissue(self, conn: Connection, seat: str, request: int | None) -> None:
        """Revokes a code, issues a new one, and closes every other connection that used the old."""
        if conn.role != "facilitator":
            conn.send(Rejected(rule="facilitator_only", message="Only the facilitator may reissue codes.",
                               id=request))
            return
        if seat not in self.codes.by_seat:
            conn.send(Rejected(rule="unknown_seat", message=f"There is no seat '{seat[:40]}'.", id=request))
            return
        self.codes.reissue(seat)
        self.save_codes()
        for other in [c for c in self.connections if c.seat == seat and c is not conn]:
            other.send(Rejected(rule="code_revoked", message="The facilitator revoked this code."))
            other.close(4003, "code revoked")
            self.connections.discard(other)
        self.presence(f"new code issued for {self.name(seat)} (the old one no longer works)")
        self.send_codes(conn)

    def save_codes(self) -> None:
        self.codes.save(self.codes_path)
        if self.share_path is not None:
            sheet = share_sheet(self.codes, self.base_url, self.game.seats)
            try:
                fd = os.open(self.share_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(json.dumps(sheet, indent=1) + "\n")
            except OSError as err:
                self.say(f"cannot write {self.share_path}: {err.strerror}")

    def _typed(self, conn: Connection, data: dict[str, Any]) -> tuple[Any, tuple[str, str] | None]:
        """Returns the typed action with the connection's seat, or why it is refused before the engine."""
        if conn.role == "spectator":
            return None, ("spectator", "A spectator watches; it cannot act.")
        data = dict(data)
        seat = data.setdefault("seat", conn.seat)
        if seat != conn.seat:
            return None, ("not_your_seat", f"This code plays {self.name(conn.seat)}; it cannot act for "
                                           f"'{str(seat)[:40]}'.")
        action = Game.parse_action(data)
        if isinstance(action, Rejection):
            return None, (action.rule, action.message)
        return action, None

    def _journal(self, write: Callable, conn: Connection, request: int | None, data: Any, redo: Any = None) -> bool:
        """Writes to the journal; on failure takes the change back and refuses it."""
        try:
            write()
            return True
        except OSError as err:
            if redo is not None:
                self.game.apply(redo)
            else:
                self.game.undo()
            self.say(f"JOURNAL WRITE FAILED ({err.strerror}); the change was refused")
            conn.send(Rejected(rule="journal_failed", message="The host could not save this; try again.",
                               id=request, action=data))
            return False

    # -- telling everyone -----------------------------------------------------------------
    def changed(self) -> None:
        """After any change: a flush soon, which tells every connection what it may see.

        Changes that arrive together (a class acting at once) are journaled with one fsync and
        announced with one round of views: a flush runs once the messages already waiting
        have been handled."""
        self.seq += 1
        if self.flush_due:
            return
        self.flush_due = True
        try:
            asyncio.get_running_loop().call_soon(self.flush)
        except RuntimeError:  # no loop (a caller outside the server): tell everyone now
            self.flush()

    def flush(self) -> None:
        """Syncs the journal, answers the actions it holds, and sends every connection its view."""
        self.flush_due = False
        self._seen_seq = -1  # views are built afresh for each flush
        try:
            self.journal.sync()
        except OSError as err:
            self.say(f"JOURNAL WRITE FAILED ({err.strerror}); {len(self.replies)} change(s) refused")
            for conn, _, request, data in reversed(self.replies):
                self.game.undo()
                conn.send(Rejected(rule="journal_failed", message="The host could not save this; try again.",
                                   id=request, action=data))
            self.replies.clear()
        for conn, action, request, _ in self.replies:
            conn.send(AppliedReply(action=action, id=request, seq=self.seq))
        self.replies.clear()
        for conn in list(self.connections):
            self.send_view(conn)
        self.bots_wanted.set()
        self._narrate()
        self._note_waiting()
        if self.clock is not None:
            self._follow_clock()

    def _note_waiting(self) -> None:
        """Prints, once, which seats the game waits for while nobody holds them."""
        game, counts = self.game, self.connected()
        waiting = tuple(seat for seat in game.seats if counts[seat] == 0 and game.controller(seat) not in BOTS
                        and game.legal_actions(seat))
        if waiting != self.waiting:
            self.waiting = waiting
            if waiting:
                self.say(f"waiting for {', '.join(self.name(s) for s in waiting)}: not connected "
                         "(join with the code, or the facilitator hands the seat to a bot)")

    def _narrate(self) -> None:
        """Prints each new round and the end on the host's console (public facts only)."""
        view = self.game.view(PUBLIC)
        if (view.round, view.over) == self.narrated:
            return
        self.narrated = (view.round, view.over)
        if view.over:
            self.ended.set()
            self.say(f"the game is over ({view.end_reason}); outcome: {self.game.result()['outcome']}; "
                     f"{len(self.game.actions)} actions journaled")
        else:
            self.say(f"round {view.round} of {view.rounds} ({len(self.game.actions)} actions so far)")

    # -- the phase clock (with --class-length) ------------------------------------------------
    def _follow_clock(self) -> None:
        view = self.game.view(PUBLIC)
        self.clock.update(view.round, view.phase, view.paused)
        message = self.clock_message()
        state = (message.round, message.running, message.seconds_left is None)
        if state != self.clock_state:
            self.clock_state = state
            for conn in self.connections:
                conn.send(message)

    def clock_message(self) -> Clock:
        left = self.clock.remaining()
        return Clock(round=self.clock.round or 0, seconds_left=None if left is None else round(left, 1),
                     running=self.clock.since is not None)

    async def run_clock(self) -> None:
        """Ends a timed negotiation phase when its time is up, as a journaled facilitator action."""
        while True:
            left = self.clock.remaining()
            await asyncio.sleep(min(left, 1.0) if left else 1.0)
            if not self.clock.expired():
                continue
            action = EndPhase()
            if self.game.apply(action).ok:
                try:
                    self.journal.action(action)
                except OSError as err:
                    self.game.undo()
                    self.say(f"JOURNAL WRITE FAILED ({err.strerror}); the phase goes on")
                    continue
                self.say(f"time is up: the host ended round {self.clock.round}'s negotiation")
                self.changed()
            else:
                self._follow_clock()

    def send_view(self, conn: Connection) -> None:
        """Sends the connection its view and legal actions, unless nothing it may see changed."""
        seen = self._seen.get(conn.seat) if self._seen_seq == self.seq else None
        if seen is None:
            if self._seen_seq != self.seq:
                self._seen_seq, self._seen = self.seq, {}
            view = self.game.view(conn.seat)
            legal = self.game.legal_actions(conn.seat) if conn.role == "seat" else []
            seen = self._seen[conn.seat] = (view, self.encoder.view_json(view), self.encoder.actions_json(legal), {})
        view, view_text, legal_text, messages = seen
        if conn.sent_log > len(view.log):
            conn.sent_log = 0
        if (view_text, legal_text) == conn.last_view and conn.sent_log == len(view.log):
            return
        message = messages.get(conn.sent_log)
        if message is None:  # connections of one seat (spectators, a second device) that saw as much share it
            new = view.log[conn.sent_log:]
            words = dumps({"cards": self.words.cards(new, conn.seat), "offers": self.words.offers(view.offers),
                           "outcome": self.words.outcome()})
            message = messages[conn.sent_log] = (
                f'{{"type":"view","seq":{self.seq},"log_from":{conn.sent_log},"view":{view_text},'
                f'"log":{self.encoder.log_json(new)},"words":{words},"legal":{legal_text}}}')
        conn.send(message)
        conn.last_view = (view_text, legal_text)
        conn.sent_log = len(view.log)

    def resync(self, conn: Connection) -> None:
        conn.sent_log, conn.last_view = 0, ("", "")
        self.send_view(conn)

    # -- bots -------------------------------------------------------------------------------
    async def run_bots(self) -> None:
        """Lets every bot-held seat with legal actions play, one action at a time, forever."""
        while True:
            await self.bots_wanted.wait()
            self.bots_wanted.clear()
            while (seat := self._bot_ready()) is not None:
                try:
                    result = self.bots.step(seat)
                except IllegalBotAction as err:
                    self.say(f"bot error: {err}; the seat waits for the facilitator")
                    break
                try:
                    self.journal.action(result.action)
                except OSError as err:
                    self.game.undo()
                    self.say(f"JOURNAL WRITE FAILED ({err.strerror}); bots stop until the next change")
                    break
                self.changed()
                await asyncio.sleep(0)  # let people's messages and the writers in between bot moves

    def _bot_ready(self) -> str | None:
        game = self.game
        for seat in game.seats:
            if game.controller(seat) in BOTS and game.legal_actions(seat):
                return seat
        return None

    # -- reading ------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        view = self.game.view(PUBLIC)
        counts = self.connected()
        return {"scenario": self.game.scenario.meta.id, "round": view.round, "rounds": view.rounds,
                "phase": view.phase, "over": view.over, "paused": view.paused,
                "actions": len(self.game.actions),
                "connected": {seat: counts[seat] > 0 for seat in self.game.seats},
                "facilitator_connected": counts[FACILITATOR] > 0, "spectators": counts[PUBLIC],
                "controllers": {seat: self.game.controller(seat) for seat in self.game.seats}}


    def welcome(self, conn: Connection) -> Welcome:
        name = self.name(conn.seat) if conn.role != "spectator" else "spectator"
        return Welcome(role=conn.role, seat=conn.seat, name=name, scenario=self.game.scenario.meta.id,
                       scenario_hash=self.game.content_hash)
