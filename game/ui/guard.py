"""The facilitator's PIN at a shared screen: a small form that unlocks the panel or one undo.

The PIN is optional (set on the setup screen). It is a classroom lock, not security: it
keeps a curious student's F or Ctrl+Z from pausing, undoing or reading the deck. While the
PIN form or the panel is up, the table shows no delegation's private desk.
"""

from collections.abc import Callable

import pygame

from game.ui.session import Session
from game.ui.widgets import Entry, FormButton

LOCKED_COMMANDS = ("facilitator", "load", "undo")
"""What the PIN guards: the panel (F, Ctrl+O opens it too) and undo (Ctrl+Z)."""


class PinForm:
    title = "Facilitator PIN"
    enter_submits = True
    """Enter in the PIN field unlocks: it is the form's only entry."""

    def __init__(self, session: Session, command: str, unlocked: Callable[[str], None]):
        self.session, self.command, self.unlocked = session, command, unlocked
        self.tries = 0

    def choices(self, values):
        return []

    def entries(self):
        return [Entry("pin", "PIN", "", hidden=True, focus=True)]

    def info(self, values):
        what = "undo the last move" if self.command == "undo" else "open the facilitator panel"
        lines = [f"Type the facilitator's PIN to {what}, then Enter."]
        if self.tries:
            lines.append(f"Wrong PIN ({self.tries} {'try' if self.tries == 1 else 'tries'}).")
        return lines

    def buttons(self, values):
        return [FormButton("unlock", "Unlock (Enter)", pygame.K_RETURN, style="primary"),
                FormButton("cancel", "Cancel (Esc)", pygame.K_ESCAPE)]

    def submit(self, button, values, texts):
        if button != "unlock":
            return True
        if texts.get("pin", "").strip() != self.session.pin:
            self.tries += 1
            self.session.say("Wrong PIN: the facilitator's controls stay locked.", bad=True)
            return False
        self.unlocked(self.command)
        return True
