"""The one place where input becomes engine actions.

Keys, clicks and forms call these methods with what the player chose; each builds the
engine action, applies it through the facade, and on a refusal shows the engine's own
teaching message. Bots are driven from here too, at the session's pace. With a hosted
game the same methods send the action to the host, and its answer is shown a few frames later.
"""

import time
from pathlib import Path
from typing import Any

from game.content.records import load_game, save_record
from game.engine import Rejection, term_words
from game.errors import CoalitionError
from game.model.actions import (
    PUBLIC,
    Accept,
    AdjustTrack,
    Announce,
    Counter,
    EndPhase,
    InjectEvent,
    OfferItem,
    Pass,
    Pause,
    Pledge,
    Propose,
    Reject,
    Renew,
    Resume,
    SeekApproval,
    SetController,
    Sign,
    Withdraw,
)
from game.model.conditions import ContributedTest
from game.ui.session import Session
from game.ui.table_game import Pending

PACES = ("instant", "fast", "normal", "slow")


def make_condition(spec: tuple[str, str | None, str | None] | None) -> ContributedTest | None:
    """Returns "if <delegate> commits <kind> to <priority>" as an engine condition."""
    if spec is None:
        return None
    delegate, kind, priority = spec
    return ContributedTest(test="contributed", delegate=delegate, kind=kind, priority=priority)


def make_item(giver: str, kind: str, amount: int, priority: str, condition=None) -> OfferItem:
    return OfferItem(giver, kind, amount, priority, make_condition(condition))


class Controller:
    def __init__(self, session: Session):
        self.session = session

    # -- applying -------------------------------------------------------------------------------
    def act(self, action: Any) -> bool:
        """Applies an action; shows the engine's message if refused. Returns True if applied, or
        sent to a host (its answer is shown when it arrives, on a later frame)."""
        s = self.session
        result = s.game.apply(action)
        if isinstance(result, Pending):
            s.await_answer(result, self._answered)
            return True
        return self._answered(result)

    def _answered(self, result: Any) -> bool:
        s = self.session
        if not result.ok:
            s.say(result.message, bad=True)
            return False
        viewer = s.viewer
        first = result.entries[0] if result.entries else None
        shown = first is not None and (first.visible_to is None or viewer in first.visible_to)
        s.say(first.text if shown else "Done.")
        s.changed()
        return True

    def _seat(self) -> str | None:
        """Returns the seat acting from this screen, or says why nobody may act now."""
        s = self.session
        if s.viewer is None:
            who = s.curtain_for or s.game.turn_seat
            s.say(f"Pass the screen to {s.names(who)} first." if who else "Nobody acts now.", bad=True)
            return None
        return s.viewer

    def _player(self, build) -> bool:
        seat = self._seat()
        return seat is not None and self.act(build(seat))

    # -- a delegation's actions -----------------------------------------------------------------
    def pledge(self, kind: str, amount: int, priority: str, condition=None) -> bool:
        return self._player(lambda seat: Pledge(seat, kind, amount, priority, make_condition(condition)))

    def propose(self, to: tuple[str, ...], items: list[OfferItem], note: str = "") -> bool:
        return self._player(lambda seat: Propose(seat, tuple(to), tuple(items), note))

    def accept(self, offer: int) -> bool:
        return self._player(lambda seat: Accept(seat, offer))

    def reject(self, offer: int) -> bool:
        return self._player(lambda seat: Reject(seat, offer))

    def counter(self, offer: int, items: list[OfferItem], note: str = "") -> bool:
        return self._player(lambda seat: Counter(seat, offer, tuple(items), note))

    def withdraw(self, commitment: int) -> bool:
        return self._player(lambda seat: Withdraw(seat, commitment))

    def renew(self, commitment: int) -> bool:
        return self._player(lambda seat: Renew(seat, commitment))

    def sign(self, priority: str, reservations: bool = False) -> bool:
        return self._player(lambda seat: Sign(seat, priority, reservations))

    def seek_approval(self, kind: str) -> bool:
        return self._player(lambda seat: SeekApproval(seat, kind))

    def pass_turn(self) -> bool:
        return self._player(Pass)

    def reveal(self) -> None:
        self.session.reveal()
        self.remind_renewals()

    def remind_renewals(self) -> None:
        """Tells the seat that takes the screen which of its commitments lapse this round unless
        renewed: those the engine offers to renew now."""
        s = self.session
        if not s.my_turn():
            return
        offered = {a.commitment for a in s.game.legal_actions(s.viewer) if a.kind == "renew"}
        screen = s.screen()
        lapsing = [f"#{c.id} ({s.names.quantity(c.amount, c.kind)} to {s.names.short[c.priority]}) "
                   f"{term_words(c.term_ends, screen.round, screen.rounds)}"
                   for c in screen.commitments if c.id in offered]
        if len(lapsing) == 1:
            s.say(f"Commitment {lapsing[0]}. R renews it.")
        elif lapsing:
            s.say(f"Commitments {'; '.join(lapsing)}. R renews them.")

    # -- the facilitator ------------------------------------------------------------------------
    def toggle_pause(self) -> bool:
        return self.act(Resume() if self.session.screen().paused else Pause())

    def extend_time(self, seconds: float = 60) -> None:
        if self.session.hosted:
            self.session.say("The host keeps the clock: pause (Space) to stop it, end the phase (X) when you "
                             "choose.", bad=True)
            return
        self.session.clock.extend(seconds)
        self.session.say(f"The phase clock gets {seconds / 60:g} more minute(s).")

    def end_phase(self) -> bool:
        return self.act(EndPhase())

    def inject(self, event: str) -> bool:
        return self.act(InjectEvent(event))

    def adjust_track(self, track: str, by: float, reason: str) -> bool:
        return self.act(AdjustTrack(track, by, reason))

    def hand_over(self, seat: str, controller: str) -> bool:
        return self.act(SetController(seat, controller))

    def announce(self, text: str, audience: str = "") -> bool:
        """A free-text inject: "Moscow: ..." names its speaker before the first colon."""
        speaker, colon, said = text.partition(":")
        if not colon or len(speaker) > 40:
            speaker, said = "", text
        return self.act(Announce(said.strip(), (audience,) if audience else (), speaker.strip()))

    def set_pace(self, pace: str) -> None:
        self.session.pace = pace
        self.session.say(f"Bots play at {pace} pace.")

    def faster(self, step: int) -> None:
        index = PACES.index(self.session.pace)
        self.set_pace(PACES[max(0, min(len(PACES) - 1, index + step))])

    def undo(self) -> bool:
        """Takes back the last move; a pause in force stays in force (a host undoes exactly the last action)."""
        s = self.session
        if s.hosted:
            s.await_answer(s.game.undo(), self._undone)
            return True
        game = s.game
        was_paused = s.screen().paused
        while game.last_action is not None and game.last_action.kind in ("pause", "resume"):
            game.undo()
        taken = game.undo()
        if was_paused and not game.view(PUBLIC).paused:
            game.apply(Pause())
        return self._undone(taken)

    def _undone(self, taken: Any) -> bool:
        s = self.session
        s.forget_seen()
        s.changed()
        if taken is None or isinstance(taken, Rejection):
            s.say(taken.message if taken is not None else "Nothing to undo.", bad=True)
            return False
        who = s.names(taken.seat) if taken.seat in s.names.seats else "the facilitator"
        s.say(f"Undone: {taken.kind.replace('_', ' ')} by {who}.")
        return True

    def save(self, path: str | Path | None = None) -> Path | None:
        s = self.session
        if path is None:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = s.records_dir / f"{s.scenario.meta.id}-seed{s.game.seed}-{stamp}.yaml"
        try:
            written = save_record(s.game, path)
        except CoalitionError as err:
            s.say(str(err), bad=True)
            return None
        s.last_record = written
        s.say(f"Saved the game record to {written}")
        return written

    def load(self, path: str | Path) -> bool:
        s = self.session
        if s.hosted:
            s.say("This table shows a hosted game: the host's journal is its record (resume the host from it).",
                  bad=True)
            return False
        try:
            game = load_game(path)
        except CoalitionError as err:
            s.say(str(err), bad=True)
            return False
        s.attach(game)
        s.last_record = Path(path)
        kept = f" It is kept in a new journal, {s.journal}." if s.journal else ""
        s.say(f"Loaded {path}: round {s.screen().round}, {s.screen().phase}.{kept}")
        return True

    # -- bots -------------------------------------------------------------------------------------
    def drive_bots(self, dt: float, waiting: bool, budget: float = 0.008) -> int:
        """Lets bot seats act at the session's pace; returns how many actions they took.

        `waiting` holds them (an event card being read). Instant pace plays as many moves as
        fit in `budget` seconds, so the window stays responsive."""
        s = self.session
        game = s.game
        if s.hosted or game.over or s.bots_halted or s.screen().paused:  # a host runs its own bots
            return 0
        delay = s.palette.pace_seconds[s.pace]
        if delay > 0:
            if waiting:
                return 0
            s.bot_timer += dt
            if s.bot_timer < delay:
                return 0
            s.bot_timer = 0.0
            return self._bot_step()
        deadline = time.perf_counter() + budget
        steps = 0
        while time.perf_counter() < deadline and self._bot_step():
            steps += 1
        return steps

    def _bot_step(self) -> int:
        s = self.session
        seat = s.game.turn_seat
        if seat is None or s.game.over or not s.is_bot(seat):
            return 0
        try:
            s.bots.step(seat)
        except Exception as err:  # a bot bug must not take the class's table down
            s.bots_halted = True
            s.say(f"The {s.names(seat)} bot stopped: {err}. Hand the seat to a human.", bad=True)
            return 0
        s.changed()
        return 1
