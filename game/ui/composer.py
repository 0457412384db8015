"""The offer composer: who the offer is to, what each party gives, under which condition.

Build the bundle item by item (giver, kind, priority, amount, optional condition), then
send it as a proposal, or as a counter to an offer in the inbox. Only the seat's own
capacities and the public free counts are shown; other seats' red lines stay hidden
(the engine refuses an impossible item with a message that names no secret).
"""

from typing import Any

import pygame

from game.engine import describe_item
from game.ui.controller import Controller, make_item
from game.ui.forms import CANCEL, SeatForm
from game.ui.session import Session
from game.ui.widgets import Choice, Entry, FormButton


class OfferComposer(SeatForm):
    def __init__(self, session: Session, controller: Controller, counter_of: Any = None,
                 parties: tuple[str, ...] = ()):
        super().__init__(session, controller)
        self.counter_of = counter_of
        self.items: list = []
        if counter_of is not None:
            self.fixed = tuple(p for p in (counter_of.proposer, *counter_of.parties) if p != self.seat)
            self.items = list(counter_of.items)
        else:
            self.fixed = ()
        self.start_parties = frozenset(parties)

    @property
    def title(self) -> str:
        if self.counter_of is not None:
            return f"Counter offer #{self.counter_of.id}"
        return "Compose a trade offer"

    def parties(self, values: dict[str, Any]) -> tuple[str, ...]:
        if self.counter_of is not None:
            return self.fixed
        chosen = values.get("parties") or frozenset()
        return tuple(s for s in self.session.seats if s in chosen)

    def choices(self, values):
        rows = []
        if self.counter_of is None:
            others = [(s, self.names(s)) for s in self.session.seats if s != self.seat]
            rows.append(Choice("parties", "Offer to", others, self.start_parties, multi=True))
        givers = [self.seat, *self.parties(values)]
        rows.append(Choice("giver", "Who gives", [(s, "you" if s == self.seat else self.names(s)) for s in givers],
                           self.seat))
        giver = values.get("giver") if values.get("giver") in givers else self.seat
        kinds = self.kind_options(giver)
        d = self.screen.delegates[giver]
        usable = [k for k, _ in kinds if d.free.get(k) and k not in d.blocked and self._advances(k)]
        kind = values.get("kind", usable[0] if usable else None)
        rows.append(Choice("kind", "Gives", kinds, kind, follows="giver"))
        rows.append(Choice("priority", "Toward", self.priority_options(kind), self._advances(kind), follows="kind"))
        rows.append(Choice("amount", "How many", self.amount_options(giver, kind), 1))
        rows += self.condition_rows(values)
        return rows

    def _advances(self, kind: str | None) -> str | None:
        """Returns the first priority a unit of the kind advances (the item a form opens on)."""
        return next((p for p in self.screen.priorities if self.screen.contribution.get((kind, p), 0) > 0), None)

    def buttons(self, values):
        send = "Send counter (Ctrl+Enter)" if self.counter_of is not None else "Send offer (Ctrl+Enter)"
        return [FormButton("add", "Add item (Enter)", pygame.K_RETURN),
                FormButton("remove", "Remove last (Backspace)", pygame.K_BACKSPACE),
                FormButton("send", send, pygame.K_RETURN, ctrl=True, style="primary"), CANCEL]

    def entries(self):
        return [Entry("note", "Note", "")]

    def info(self, values):
        parties = self.parties(values)
        to = ", ".join(self.names(p) for p in parties) or "nobody yet: choose who below"
        lines = [f"To: {to}. Everyone named must accept; then every item becomes a commitment "
                 "(+n: progress per unit)."]
        if not self.items:
            lines.append("No items yet: choose what one side gives and press Add item; a trade needs two givers.")
        shown = self.items[-4:]
        if len(self.items) > len(shown):
            lines.append(f"({len(self.items) - len(shown)} earlier item(s) not shown)")
        for index, item in enumerate(shown, len(self.items) - len(shown) + 1):
            lines.append(f"{index}. {describe_item(item, self.names)}")
        return lines

    def submit(self, button, values, texts):
        if button == "cancel":
            return True
        if button == "add":
            if values.get("kind") is None or values.get("priority") is None:
                self.session.say("Choose what to give and toward which priority first.", bad=True)
                return False
            self.items.append(make_item(values["giver"], values["kind"], values["amount"], values["priority"],
                                        self.condition_of(values)))
            return False
        if button == "remove":
            if self.items:
                self.items.pop()
            return False
        note = texts.get("note", "").strip()
        if self.counter_of is not None:
            return self.controller.counter(self.counter_of.id, list(self.items), note)
        return self.controller.propose(self.parties(values), list(self.items), note)
