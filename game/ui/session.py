"""What the table is showing: whose secrets are up, the curtain, event cards, notices, the clock.

Plain state, no pygame: the controller changes it, `draw_*` functions read it. Drawing
goes through `Screen`, which holds the public table plus only the revealed seat's own
secrets; with no seat revealed it holds none, so a draw function cannot leak one.
The game is a local `Game` or a hosted one (`table_game.TableGame`); a hosted one is polled
each frame, its answers arrive on later frames, and its screen is one seat's or none, never a curtain.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.bots import BOTS, BotTable
from game.engine import CARD_ENTRIES, Names, SeatView, describe_effects
from game.model.actions import PUBLIC
from game.ui.journals import TableJournals
from game.ui.palette import Palette
from game.ui.phase_clock import PhaseClock
from game.ui.table_game import Pending, TableGame, is_hosted


@dataclass
class Notice:
    """A line for the player: the engine's teaching message when an action is refused."""

    text: str
    bad: bool = False
    age: float = 0.0


@dataclass(frozen=True)
class Card:
    """An event card to show: its narrative and its effects in plain words."""

    seq: int
    event: str
    title: str
    text: str
    effects: tuple[str, ...]
    private: bool
    injected: bool
    seat: str | None = None
    """The only seat that may see a private card; None for a public one."""


@dataclass(frozen=True)
class Screen:
    """What may be drawn now: the public table, plus the revealed seat's secrets (or none)."""

    view: SeatView
    viewer: str | None
    log: tuple
    offers: tuple

    @property
    def me(self):
        return self.view.me if self.viewer else None

    def __getattr__(self, name: str) -> Any:
        # round, phase, turn_seat, actions_left, paused, over and the public parts
        if name in _PUBLIC:
            return getattr(self.view, name)
        raise AttributeError(name)

    def open_offers_to_me(self) -> list:
        return self.view.open_offers_to_me() if self.viewer else []


_PUBLIC = {"round", "phase", "turn_seat", "actions_left", "paused", "over", "end_reason", "public", "rounds",
           "tracks", "flags", "delegates", "priorities", "commitments", "events_fired", "kinds", "contribution"}


class HostBots:
    """The bots of a hosted game play in the host; the table only names them."""

    def __init__(self, game: TableGame):
        self.game = game

    def personality(self, seat: str) -> str:
        return self.game.controller(seat)

    def is_bot(self, seat: str) -> bool:
        return self.game.controller(seat) in BOTS


@dataclass
class Session:
    game: TableGame
    palette: Palette
    pace: str = "normal"
    records_dir: Path = field(default_factory=lambda: Path.cwd() / "records")
    viewer: str | None = None
    curtain_for: str | None = None
    notice: Notice | None = None
    cards: list[Card] = field(default_factory=list)
    pin: str = ""
    """The facilitator's PIN, set on the setup screen ("" for none): it guards the panel and undo."""
    revision: int = 0
    bot_timer: float = 0.0
    card_timer: float = 0.0
    bots_halted: bool = False
    last_record: Path | None = None
    journals: TableJournals | None = None
    """Where local games are kept as they are played (None: not journaled, as in most tests)."""
    question: Any = None
    """A `confirm.Question` waiting for an answer before something ends the game in progress."""

    def __post_init__(self) -> None:
        self.attach(self.game, fresh=True)

    def attach(self, game: TableGame, fresh: bool = False) -> None:
        """Seats a new or loaded game: its bots, clock and names; nothing revealed yet.

        A fresh game shows the cards already drawn in round 1; a loaded one shows none of the past."""
        self.game = game
        scenario = game.scenario
        self.scenario = scenario
        self.seats = tuple(game.seats)
        self.names = Names(scenario)
        self.hosted = game if is_hosted(game) else None
        self.bots = HostBots(game) if self.hosted else BotTable(game, {d.id: d.bot for d in scenario.delegates})
        self.clock = PhaseClock(dict(scenario.rules.phase_time_limits))
        self.viewer, self.curtain_for, self.cards = None, None, []
        self.answers: list[tuple[Pending, Callable]] = []
        self._screen: tuple[tuple, Screen] | None = None
        self.public_seen = self.private_seen_base = 0 if fresh else self._last_seq()
        if self.hosted:  # joining a hosted game: this round's cards, not the whole past
            self.public_seen = self.private_seen_base = max(
                (e.seq for e in game.log if e.round < game.view(PUBLIC).round), default=0)
        self.private_seen: dict[str, int] = {}
        if self.journals is not None and not self.hosted:
            path = self.journals.start(game)
            self.say(f"This game is kept in the journal {path}" if path else self.journals.problem,
                     bad=path is None)
        self.changed()

    @property
    def journal(self) -> Path | None:
        """The file the game in progress is kept in as it is played (None: not journaled here)."""
        return self.journals.path if self.journals is not None and not self.hosted else None

    def in_progress(self) -> bool:
        """True when a local game has moves and is not over: ending it now should be asked first."""
        return not self.hosted and not self.game.over and bool(getattr(self.game, "actions", ()))

    # -- reading ----------------------------------------------------------------------------
    def human_seats(self) -> list[str]:
        return [seat for seat in self.seats if self.game.controller(seat) == "human"]

    def is_bot(self, seat: str) -> bool:
        return self.bots.is_bot(seat)

    def screen(self) -> Screen:
        """Returns what may be drawn now, rebuilt only when the game or the viewer changed."""
        key = (self.revision, self.viewer)
        if self._screen is None or self._screen[0] != key:
            if self.viewer:
                view = self.game.view(self.viewer)
                screen = Screen(view, self.viewer, view.log, view.offers)
            else:
                view = self.game.view(PUBLIC)
                screen = Screen(view, None, view.log, ())
            self._screen = (key, screen)
        return self._screen[1]

    def my_turn(self) -> bool:
        """True when the revealed seat may act now (on a hosted seat: when the host lists its actions)."""
        g = self.game
        if self.hosted:
            return self.viewer is not None and bool(g.legal_actions(self.viewer))
        return (self.viewer is not None and self.curtain_for is None and not g.over
                and g.turn_seat == self.viewer and not self.screen().paused)

    # -- changing -----------------------------------------------------------------------------
    def changed(self) -> None:
        """Marks the game as changed: the screen, the curtain and the cards follow."""
        self.revision += 1
        if self.journals is not None and not self.hosted:
            problem = self.journals.follow(self.game)
            if problem:
                self.say(problem, bad=True)
        self.sync_turn()
        self.collect_cards()
        screen = self.screen()
        self.clock.follow(screen.round, screen.phase)

    def sync_turn(self) -> None:
        """Puts the curtain up before a human seat's turn when several humans share the screen;
        a private card not yet read, and the last notice (it may name a private offer), leave with
        the seat they were for."""
        before = self.viewer
        self._follow_turn()
        self.cards = [card for card in self.cards if card.seat is None or card.seat == self.viewer]
        if self.viewer != before and before is not None:
            self.notice = None

    def _follow_turn(self) -> None:
        g = self.game
        if self.hosted:  # this device is one seat's screen, or nobody's: no curtain
            self.viewer, self.curtain_for = (g.seat if g.role == "seat" else None), None
            return
        humans = self.human_seats()
        if g.over:
            self.viewer, self.curtain_for = None, None
            return
        turn = g.turn_seat
        if len(humans) <= 1:
            self.viewer, self.curtain_for = (humans[0] if humans else None), None
        elif turn in humans:
            if self.viewer != turn:
                self.viewer, self.curtain_for = None, turn
        else:
            self.viewer, self.curtain_for = None, None

    def reveal(self) -> None:
        """The seat behind the curtain has the screen: its secrets may now be drawn."""
        if self.curtain_for is not None:
            self.viewer, self.curtain_for = self.curtain_for, None
            self.collect_cards()

    def card(self) -> Card | None:
        """Returns the event card to show now: public ones at once, private ones to their seat only."""
        if not self.cards:
            return None
        card = self.cards[0]
        if card.seat is not None and card.seat != self.viewer:
            return None
        if card.seat is None or self.curtain_for is None:
            return card
        return None

    def collect_cards(self) -> None:
        """Queues the event cards the screen has not shown yet (private ones only to their seat)."""
        # The game's own log, numbered for the whole table (a seat's view numbers its entries
        # in its own sequence); only what the current viewer may see becomes a card.
        for entry in self.game.log:
            if entry.kind not in CARD_ENTRIES or not entry.visible(self.viewer or "public"):
                continue
            private = entry.visible_to is not None
            seen = self.private_seen.get(self.viewer, self.private_seen_base) if private else self.public_seen
            if entry.seq > seen:
                self.cards.append(self._card(entry, private))
        last = self._last_seq()
        self.public_seen = max(self.public_seen, last)
        if self.viewer:
            self.private_seen[self.viewer] = max(self.private_seen.get(self.viewer, 0), last)

    def forget_seen(self) -> None:
        """After undo or load: nothing already played is shown again as a card."""
        self.cards.clear()
        self.public_seen = self.private_seen_base = self._last_seq()
        self.private_seen.clear()

    def _last_seq(self) -> int:
        log = self.game.log
        return log[-1].seq if log else 0

    def _card(self, entry, private: bool) -> Card:
        event = self.game.catalog.events[entry.data["event"]]
        effects = describe_effects(event.effects, self.names, self.viewer)
        return Card(entry.seq, event.id, event.title, event.text, tuple(effects), private,
                    entry.kind == "EventInjected", self.viewer if private else None)

    def say(self, text: str, bad: bool = False) -> None:
        self.notice = Notice(text, bad)

    def tick(self, dt: float) -> None:
        if self.hosted:
            self._follow_host()
        screen = self.screen()
        self.clock.tick(dt, running=not screen.paused and not screen.over)
        if self.notice is not None:
            self.notice.age += dt

    # -- a hosted game ------------------------------------------------------------------------
    def await_answer(self, answer: Pending, then: Callable) -> None:
        """Calls `then(answer.answer)` on the frame the host's answer arrives."""
        self.answers.append((answer, then))
        if len(self.answers) == 1:
            self.say("Sending to the host…")

    def _follow_host(self) -> None:
        """Takes in what the host sent: new views, answers, and notes (joins, leaves, a lost host)."""
        host = self.hosted
        if host.poll():
            self.changed()
        if host.seconds_left is not None:
            self._follow_host_clock(host.seconds_left)
            host.seconds_left = None
        for note in host.notes():
            self.say(note, bad=host.status != "connected")
            self.revision += 1  # redraw: the note is news
        done = [(answer, then) for answer, then in self.answers if answer.done]
        if done:
            self.answers = [(answer, then) for answer, then in self.answers if not answer.done]
            for answer, then in done:
                then(answer.answer)
            self.revision += 1
