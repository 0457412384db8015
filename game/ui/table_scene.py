"""The table scene: routes clicks and keys to commands, drives bots and the clock, draws frames.

Input reaches the engine only through the controller. The scene owns what is on screen
(the open form, the selected seat, overlays) and redraws only when something changed.
"""

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from game.ui.composer import OfferComposer
from game.ui.controller import Controller
from game.ui.facilitator import FacilitatorPanel
from game.ui.forms import SEAT_FORMS, InboxForm
from game.ui.guard import LOCKED_COMMANDS, PinForm
from game.ui.inputs import PLAYER_BUTTONS, PLAYER_COMMANDS, ROOM_BUTTONS, command_for_key
from game.ui.layout import compute_layout
from game.ui.palette import identities
from game.ui.priority_card import PREFIX
from game.ui.session import Session
from game.ui.table_view import Overlay, TableRenderer
from game.ui.widgets import Form

FORMS = SEAT_FORMS
TURN_COMMANDS = PLAYER_COMMANDS | {"renew"}
"""Commands only the delegation whose turn it is may run (renew has a key, not a button)."""
NOTICE_SECONDS = {False: 6.0, True: 20.0}
END_DELAY = 1.5


class TableScene:
    def __init__(self, app, session: Session):
        self.app, self.session = app, session
        self.controller = Controller(session)
        self.ids = identities(session.seats, app.palette, session.names.badges)
        self.renderer = TableRenderer(session, app.text, app.palette, self.ids)
        self.form: Form | None = None
        self.form_name: str | None = None
        self.help = False
        self.selected: str | None = None
        """The seat whose public card is up, or "@<priority id>" for a priority's card."""
        self.buttons: dict[str, UIButton] = {}
        self.dirty = True
        self.seen = (None, None, -1, "")
        self.end_timer = 0.0
        self._pending: list = []
        self.layout = None
        self.resize(app.size)

    # -- geometry -------------------------------------------------------------------------------
    def resize(self, size: tuple[int, int]) -> None:
        s = self.session
        self.layout = compute_layout(size[0], size[1], s.seats, tuple(p.id for p in s.scenario.priorities),
                                     tuple(t.id for t in s.scenario.tracks))
        self.renderer.set_layout(self.layout)
        self._build_bar()
        if self.form is not None and not self.form.closed:
            name, model = self.form_name, self.form.model
            self.form.close()
            self._show(name, model)
        self.dirty = True

    def _build_bar(self) -> None:
        for button in self.buttons.values():
            button.kill()
        self.buttons = {}
        bar, px = self.layout.bar, self.layout.px
        h, gap = bar.height - px(14), px(6)
        x = px(8)
        for command, label in PLAYER_BUTTONS:
            w = self.app.text.width(label + (" · 99" if command == "inbox" else ""), 18, True) + px(30)
            self.buttons[command] = self._button(pygame.Rect(x, bar.top + px(7), w, h), label, "#action")
            x += w + gap
        x = bar.right - px(8)
        for command, label in reversed(ROOM_BUTTONS):
            w = self.app.text.width(label, 18, True) + px(30)
            x -= w
            self.buttons[command] = self._button(pygame.Rect(x, bar.top + px(7), w, h), label, "#primary")
            x -= gap
        self._bar_state = None
        self._sync_bar()

    def _button(self, rect: pygame.Rect, label: str, style: str) -> UIButton:
        return UIButton(rect, label, self.app.manager, object_id=ObjectID(class_id="@bar", object_id=style))

    def _sync_bar(self) -> None:
        s = self.session
        mine = s.my_turn()
        waiting = len(s.screen().open_offers_to_me()) if mine else 0
        state = (mine, waiting)
        if state == self._bar_state:
            return
        self._bar_state = state
        for command in PLAYER_COMMANDS:
            button = self.buttons[command]
            button.enable() if mine else button.disable()
        self.buttons["inbox"].set_text(f"Inbox (I) · {waiting}" if waiting else "Inbox (I)")

    def button_rect(self, command: str) -> pygame.Rect:
        return self.buttons[command].rect

    # -- input ---------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        self.dirty = True
        if self.form is not None and not self.form.closed and self.form.handle(event):
            self._after_form()
            return
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for command, button in self.buttons.items():
                if event.ui_element is button:
                    self.run(command)
        elif event.type == pygame.KEYDOWN:
            command = command_for_key(event)
            if command:
                self.run(command)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        elif event.type == pygame.MOUSEWHEEL:
            self._wheel(event)

    def _click(self, pos: tuple[int, int]) -> None:
        layout, s = self.layout, self.session
        if self.help:
            self.help = False
        elif self._card_up():
            if self.renderer.card_rect().collidepoint(pos):
                self._dismiss_card()
        elif s.curtain_for is not None:
            if layout.curtain_button().collidepoint(pos) and not self._facilitating():
                self._reveal()
        elif self.form is None or self.form.closed:
            if self.app.manager.get_hovering_any_element():
                return
            seat = layout.seat_at(pos) or next((PREFIX + pid for pid, rect in layout.priorities.items()
                                                 if rect.collidepoint(pos)), None)
            if seat is not None:
                self.selected = None if seat == self.selected or seat == s.viewer else seat
                self.renderer.panel_scroll = 0

    def _wheel(self, event: pygame.event.Event) -> None:
        pos = pygame.mouse.get_pos()
        if self.layout.log.collidepoint(pos):
            self.renderer.log.scroll_by(event.y * 40, self.layout.log.height)
        elif self.layout.right.collidepoint(pos):
            self.renderer.scroll_panel(-event.y * 40)

    def run(self, command: str) -> None:
        """Runs a named command from a key or a button."""
        s, c = self.session, self.controller
        if command == "escape":
            self.help = False
            if self._card_up():
                self._dismiss_card()
            return
        if command == "confirm":
            if self._facilitating():
                return  # Enter never lifts the curtain under the facilitator's panel
            if self._card_up():
                self._dismiss_card()
            elif s.curtain_for is not None:
                self._reveal()
            return
        if command in TURN_COMMANDS and self._card_up():
            s.say("Read the event card first: Enter or OK closes it.", bad=True)
            return
        if command in TURN_COMMANDS and not s.my_turn():
            s.say("Wait for your turn: the buttons work once the turn's delegation has the screen.", bad=True)
            return
        if command in LOCKED_COMMANDS and s.pin and not self._facilitating():
            self._conceal()
            self._show("pin", PinForm(s, command, self._unlocked))
            return
        simple = {
            "pass": c.pass_turn, "pause": c.toggle_pause, "undo": c.undo, "save": c.save,
            "faster": lambda: c.faster(-1), "slower": lambda: c.faster(1),
            "help": lambda: setattr(self, "help", not self.help),
            "mine": lambda: setattr(self, "selected", None),
            "lines": self._cycle_lines,
            "log_end": lambda: setattr(self.renderer.log, "scroll", 0),
            "log_up": lambda: self.renderer.log.scroll_by(200, self.layout.log.height),
            "log_down": lambda: self.renderer.log.scroll_by(-200, self.layout.log.height),
        }
        if command in simple:
            simple[command]()
        elif command in ("facilitator", "load"):
            self.toggle_facilitator(force_open=command == "load")
        else:
            self.open_form(command)

    def _cycle_lines(self) -> None:
        words = {"all": "Commitment lines: every delegation's (L: one delegation's).",
                 "focus": "Commitment lines: only the selected delegation's, or the turn's (L: none).",
                 "off": "Commitment lines hidden (L: show them all)."}
        self.session.say(words[self.renderer.cycle_lines()])

    def open_form(self, name: str, model=None) -> None:
        s, c = self.session, self.controller
        if model is None:
            if name in FORMS:
                model = FORMS[name](s, c)
            elif name == "offer":
                seat = self.selected if self.selected in s.seats else None
                model = OfferComposer(s, c, parties=(seat,) if seat else ())
            elif name == "inbox":
                model = InboxForm(s, c, open_counter=lambda offer: self._pending.append(("counter", offer)))
        if model is not None:
            self._show(name, model)

    def _show(self, name: str, model) -> None:
        if self.form is not None and not self.form.closed:
            self.form.close()
        area = pygame.Rect(0, self.layout.top.bottom, self.layout.right.left, self.layout.message.top - self.layout.top.bottom)
        self.form = Form(self.app.manager, model, area, self.app.text, self.layout.scale)
        self.form_name = name

    def toggle_facilitator(self, force_open: bool = False) -> None:
        if self.form_name == "facilitator" and self.form is not None and not self.form.closed and not force_open:
            self.form.close()
            return
        self._conceal()
        self._show("facilitator", FacilitatorPanel(self.session, self.controller))

    def _facilitating(self) -> bool:
        """True while the facilitator's panel or the PIN form is up."""
        return self.form is not None and not self.form.closed and self.form_name in ("facilitator", "pin")

    def _conceal(self) -> None:
        """The curtain comes first: a delegation's private desk leaves the screen before the
        facilitator's controls appear; that delegation gets it back with Enter afterwards."""
        s = self.session
        if s.viewer is not None:
            s.viewer, s.curtain_for, s.notice = None, s.viewer, None
            s.cards = [card for card in s.cards if card.seat is None]
            self.selected = None
            self._close_seat_form()

    def _unlocked(self, command: str) -> None:
        """The right PIN: opens the panel, or takes back the last move (the PIN form closes)."""
        if command == "undo":
            self._pending.append(("undo", None))
        else:
            self._pending.append(("facilitator", command == "load"))

    def _after_form(self) -> None:
        pending, self._pending = self._pending, []
        for what, detail in pending:
            if what == "counter":
                self._show("offer", OfferComposer(self.session, self.controller, counter_of=detail))
            elif what == "undo":
                self.controller.undo()
            elif what == "facilitator":
                self._show("facilitator", FacilitatorPanel(self.session, self.controller))
        if self.form is not None and self.form.closed:
            self.form, self.form_name = None, None

    def _reveal(self) -> None:
        self.controller.reveal()
        self.selected = None
        self.renderer.panel_scroll = 0

    def _card_up(self) -> bool:
        return self.session.card() is not None

    def _dismiss_card(self) -> None:
        if self.session.cards:
            self.session.cards.pop(0)
            self.session.card_timer = 0.0

    # -- time -------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        s = self.session
        s.tick(dt)
        card_up = self._card_up()
        if s.pace == "instant":
            s.cards.clear()
        elif card_up and s.game.turn_seat is not None and s.is_bot(s.game.turn_seat) and not s.human_seats():
            s.card_timer += dt
            if s.card_timer > s.palette.event_card_seconds:
                self._dismiss_card()
        self.controller.drive_bots(dt, waiting=card_up)
        if s.notice is not None and s.notice.age > NOTICE_SECONDS[s.notice.bad]:
            s.notice = None
            self.dirty = True
        if self._facilitating() and s.viewer is not None:
            self._conceal()  # a single human's desk comes back after every change: keep it hidden
        view_state = (s.viewer, s.curtain_for, s.revision, s.clock.text())
        if view_state != self.seen:
            if view_state[:2] != self.seen[:2]:
                self._close_seat_form()
            self.seen = view_state
            self.dirty = True
        self._sync_bar()
        if s.game.over:
            self.end_timer += dt
            if self.end_timer >= END_DELAY:
                self.app.show_end(s)

    def _close_seat_form(self) -> None:
        """A seat's form never outlives its turn on screen: the next player must not see it."""
        if self.form is not None and self.form_name not in ("facilitator", "pin"):
            self.form.close()
            self.form, self.form_name = None, None

    def needs_draw(self) -> bool:
        return self.dirty or (self.form is not None and not self.form.closed and self.form.typing())

    def hint(self) -> str:
        s = self.session
        if s.curtain_for is not None:
            return f"Hand the screen to {s.names(s.curtain_for)}; the others look away once the brief is up."
        if s.my_turn():
            return ("Your turn: P pledge · O offer · I inbox · W withdraw · R renew · S sign · A approval · E pass"
                    " · H keys")
        if s.game.over:
            return "The game is over."
        return "Bots are playing · F facilitator · + / - bots' pace · click a seat for its public card · H keys"

    def draw(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Draws on `surface` (the window) what changed since the last frame; returns those rects."""
        overlay = Overlay(curtain=self.session.curtain_for is not None, card=self._card_up(), help=self.help)
        self.dirty = False
        return self.renderer.draw(surface, self.selected, overlay, self.hint(), self.app.lost)
