"""The table over a hosted game: the facilitator's console, the projector, or one seat on a laptop.

The same table scene as hot-seat play, over a session whose game lives on the host. The
facilitator's console adds who is connected to the panel and a lobby of join codes (L); the
projector shows the public table, lets event cards go by themselves and never opens the
debrief's secrets at the end; a seat's laptop is that seat's screen, with no curtain.
"""

import pygame

from game.ui.facilitator import FacilitatorPanel
from game.ui.lobby_scene import LobbyScene
from game.ui.session import Session
from game.ui.table_scene import TableScene
from game.ui.widgets import FormButton

PANEL_QUIET = 0.4
"""Seconds after the last input before an open facilitator panel is rebuilt with the host's news."""
LOCAL_ONLY = ("extend", "save", "load")
"""Panel buttons that act on a local game only: the host keeps the clock and the journal."""


class ConsolePanel(FacilitatorPanel):
    """The facilitator panel of a hosted game: who is connected, and the lobby of codes."""

    title = "Facilitator (hosted game)"

    def __init__(self, session: Session, controller, open_lobby):
        super().__init__(session, controller)
        self.open_lobby = open_lobby

    def buttons(self, values):
        kept = [b for b in super().buttons(values) if b.key not in LOCAL_ONLY]
        return [*kept[:-1], FormButton("lobby", "Lobby and codes (L)", pygame.K_l), kept[-1]]

    def entries(self):
        return [e for e in super().entries() if e.key != "path"]

    def info(self, values):
        return [*super().info(values), *connection_lines(self.session)]

    def submit(self, button, values, texts):
        if button == "lobby":
            self.open_lobby()
            return True
        return super().submit(button, values, texts)


def connection_lines(session: Session) -> list[str]:
    """Returns who is connected to the host, in words, for the facilitator."""
    host = session.hosted
    presence = host.presence
    if not presence:
        return [f"Host: {host.status}"]
    humans = [seat for seat in session.seats if host.controller(seat) == "human"]
    joined = [seat for seat in humans if presence.get(seat)]
    missing = [session.names(seat) for seat in humans if not presence.get(seat)]
    screens = presence.get("public", 0)
    lines = [f"Host: {host.status} · {len(joined)} of {len(humans)} human delegations connected · "
             f"{screens} spectator screen{'s' if screens != 1 else ''}"]
    if missing:
        lines.append("Not connected: " + ", ".join(missing))
    return lines


class RemoteTableScene(TableScene):
    def __init__(self, app, session: Session):
        self.role = session.hosted.role
        self.panel_revision, self.panel_age, self.panel_shown = session.revision, 0.0, ()
        super().__init__(app, session)
        if self.role == "spectator":
            self.end_timer = float("-inf")  # the projector stays on the public table: the end screen shows secrets
        if self.role == "facilitator":
            self.toggle_facilitator()
        seat = session.hosted.seat
        pygame.display.set_caption(f"Coalition Table · {session.names(seat) if self.role == 'seat' else CAPTIONS[self.role]}")

    def resize(self, size: tuple[int, int]) -> None:
        super().resize(size)
        for command, button in self.buttons.items():  # nobody plays from the projector; only the console runs the room
            if (self.role == "spectator" and command != "help") or (self.role == "seat" and command == "facilitator"):
                button.hide()

    def show_lobby(self) -> None:
        """Shows the join codes and QR codes; the lobby comes back here when closed."""
        session = self.session
        self.app.show(LobbyScene, session, lambda: self.app.show(RemoteTableScene, session))

    def toggle_facilitator(self, force_open: bool = False) -> None:
        if self.role != "facilitator":
            self.session.say("The facilitator runs the room from their console; this screen "
                             + ("watches." if self.role == "spectator" else "plays one delegation."), bad=True)
            return
        if self.form_name == "facilitator" and self.form is not None and not self.form.closed and not force_open:
            self.form.close()
            return
        self._show("facilitator", ConsolePanel(self.session, self.controller, self.show_lobby))

    def update(self, dt: float) -> None:
        super().update(dt)
        s = self.session
        self._refresh_panel(dt)
        if self.role == "spectator" and self._card_up():  # nobody at the projector closes a card
            turn = s.game.turn_seat
            if not (turn is not None and s.is_bot(turn) and not s.human_seats()):  # else the table times it
                s.card_timer += dt
                if s.card_timer > s.palette.event_card_seconds:
                    self._dismiss_card()
                    self.dirty = True

    def _refresh_panel(self, dt: float) -> None:
        """The host's news reaches an open panel (pause state, presence) when what it says changed, never
        while the facilitator types a reason or within a moment of a click (a rebuild would lose it)."""
        form = self.form
        self.panel_age += dt
        if self.form_name != "facilitator" or form is None or form.closed or form.typing():
            return
        if self.session.revision == self.panel_revision or self.panel_age < PANEL_QUIET:
            return
        self.panel_revision = self.session.revision
        model, values = form.model, form.values
        shown = (tuple(model.info(values)), tuple(b.label for b in model.buttons(values)))
        if shown != self.panel_shown:
            self.panel_shown = shown
            form.refresh()
            self.dirty = True

    def handle(self, event: pygame.event.Event) -> None:
        self.panel_age = 0.0
        typing = self.form is not None and not self.form.closed and self.form.typing()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_l and not typing and self.role != "seat" \
                and not event.mod & pygame.KMOD_CTRL:
            self.show_lobby()
            return
        super().handle(event)

    def hint(self) -> str:
        s = self.session
        host = s.hosted
        if host.status != "connected":
            return f"The host: {host.status}. The table shows the last view it sent."
        if self.role == "spectator":
            return "The public table of the hosted game · L join codes · H keys"
        if self.role == "facilitator":
            return "Facilitator's console · F panel (pause, inject, tracks, seats, undo) · L lobby and codes · H keys"
        return super().hint()


CAPTIONS = {"facilitator": "facilitator's console", "spectator": "projector"}


def open_hosted(app, session: Session, lobby: bool = False) -> None:
    """Shows a hosted game: the lobby first when asked (and codes are known), else the table."""
    if lobby and session.hosted.codes:
        app.show(LobbyScene, session, lambda: app.show(RemoteTableScene, session))
    else:
        app.show(RemoteTableScene, session)
