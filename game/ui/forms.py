"""The forms of a delegation's turn: pledge, sign, withdraw, renew, seek approval and the inbox.

Each is a `FormModel`: it offers choices read from the revealed seat's screen, and its
buttons call the controller, which builds the engine action. A form opens on a choice the
engine accepts, and Enter submits only such a choice; choices it would refuse (no free
units, a kind that does not advance a priority) stay selectable on purpose, the form says
why they would be refused, and the button still asks the engine, whose refusal explains the rule.
"""

from collections.abc import Callable
from typing import Any

import pygame

from game.engine import describe_item, renewal_words, term_words
from game.model.actions import Pledge, Renew, SeekApproval, Sign, Withdraw
from game.ui.controller import Controller, make_condition
from game.ui.session import Session
from game.ui.widgets import Choice, Entry, FormButton

ANY = "*"
CANCEL = FormButton("cancel", "Cancel (Esc)", pygame.K_ESCAPE, style="action")


class SeatForm:
    """Shared parts: the session, the controller and the revealed seat."""

    title = ""

    def __init__(self, session: Session, controller: Controller):
        self.session, self.controller = session, controller
        self.seat = session.viewer
        self.names = session.names

    @property
    def screen(self):
        return self.session.screen()

    def entries(self) -> list[Entry]:
        return []

    def info(self, values: dict[str, Any]) -> list[str]:
        return []

    def action(self, values: dict[str, Any]) -> Any | None:
        """Returns the engine action the primary button would send (None: nothing to send)."""
        return None

    def refusal(self, values: dict[str, Any]) -> str | None:
        """Returns the engine's reason why the chosen action would be refused, or None.

        A hosted game is not asked: its answer would come frames later, so the host's own
        refusal, shown when the action is sent, stands in for it."""
        action = self.action(values)
        if action is None or self.session.hosted:
            return None
        problem = self.session.game.check(action)
        return None if problem is None else problem.message

    def can(self, action: Any) -> bool:
        if self.session.hosted:  # choices come from the legal actions the host sent
            return True
        return self.session.game.check(action) is None

    def primary(self, key: str, label: str, values: dict[str, Any], style: str = "primary") -> FormButton:
        """The form's main button: Enter sends it only while the engine would accept the choice."""
        ok = self.action(values) is not None and self.refusal(values) is None
        return FormButton(key, f"{label} (Enter)" if ok else label, pygame.K_RETURN if ok else None, style=style)

    def warning(self, values: dict[str, Any]) -> list[str]:
        reason = self.refusal(values)
        return [f"As chosen, this would be refused: {reason} (Enter does nothing until it can succeed.)"] \
            if reason else []

    def kind_options(self, seat: str) -> list[tuple[str, str]]:
        d = self.screen.delegates[seat]
        options = []
        for kind in self.screen.kinds:
            if kind in d.free:
                state = "blocked" if kind in d.blocked else f"{d.free[kind]} free"
                options.append((kind, f"{self.names.kind_name(kind)} ({state})"))
        return options

    def priority_options(self, kind: str | None) -> list[tuple[str, str]]:
        options = []
        for pid in self.screen.priorities:
            per_unit = self.screen.contribution.get((kind, pid), 0) if kind else 0
            options.append((pid, f"{self.names.short[pid]} +{per_unit:g}" if per_unit else
                            f"{self.names.short[pid]} (0)"))
        return options

    def amount_options(self, seat: str, kind: str | None) -> list[tuple[int, str]]:
        free = self.screen.delegates[seat].free.get(kind, 0) if kind else 0
        return [(n, str(n)) for n in range(1, max(1, min(free, 12)) + 1)]

    def condition_rows(self, values: dict[str, Any]) -> list[Choice]:
        """Rows for "... if <delegation> commits <kind> to <priority>"."""
        rows = [Choice("conditional", "Condition", [(False, "none: firm"), (True, "only if another commits...")],
                       False)]
        if values.get("conditional"):
            seats = [(s, self.names(s)) for s in self.session.seats]
            rows += [Choice("if_who", "If", seats, next((s for s in self.session.seats if s != self.seat), None)),
                     Choice("if_kind", "commits", [(ANY, "anything"), *[(k, self.names.kind_name(k)) for k in self.screen.kinds]],
                            ANY),
                     Choice("if_priority", "to", [(ANY, "any priority"),
                                                  *[(p, self.names.short[p]) for p in self.screen.priorities]], ANY)]
        return rows

    @staticmethod
    def condition_of(values: dict[str, Any]) -> tuple | None:
        if not values.get("conditional") or not values.get("if_who"):
            return None
        kind, priority = values.get("if_kind"), values.get("if_priority")
        return values["if_who"], None if kind == ANY else kind, None if priority == ANY else priority


class PledgeForm(SeatForm):
    title = "Pledge: commit on your own"

    def choices(self, values):
        kinds = self.kind_options(self.seat)
        first = self._first_legal([k for k, _ in kinds])
        kind = values.get("kind", first[0] if first else None)
        priorities = self.priority_options(kind)
        toward = first[1] if first and kind == first[0] else self._priority_for(kind)
        return [Choice("kind", "Give", kinds, kind),
                Choice("priority", "Toward", priorities, toward, follows="kind"),
                Choice("amount", "How many", self.amount_options(self.seat, kind), 1),
                *self.condition_rows(values)]

    def _first_legal(self, kinds: list[str]) -> tuple[str, str] | None:
        """Returns the first (kind, priority) where one unit may be pledged now."""
        for kind in kinds:
            priority = self._priority_for(kind)
            if priority is not None:
                return kind, priority
        return None

    def _priority_for(self, kind: str | None) -> str | None:
        return next((pid for pid in self.screen.priorities
                     if kind and self.can(Pledge(self.seat, kind, 1, pid))), None)

    def action(self, values):
        if not values.get("kind") or not values.get("priority") or not values.get("amount"):
            return None
        return Pledge(self.seat, values["kind"], values["amount"], values["priority"],
                      make_condition(self.condition_of(values)))

    def buttons(self, values):
        return [self.primary("pledge", "Pledge", values), CANCEL]

    def info(self, values):
        return [f"Your units count toward the priority at once; if your {self.names.vocabulary.approval_body} "
                "must approve this kind, "
                "they wait for its vote (seek approval). +n: progress one unit adds there; (0): it does not count.",
                *self.warning(values)]

    def submit(self, button, values, texts):
        if button != "pledge":
            return True
        return self.controller.pledge(values["kind"], values["amount"], values["priority"], self.condition_of(values))


class SignForm(SeatForm):
    @property
    def title(self) -> str:
        return self.names.sign_title()

    def choices(self, values):
        signed = self.screen.delegates[self.seat].signed
        options = []
        for pid in self.screen.priorities:
            state = " (signed, reservations)" if signed.get(pid) else " (signed)" if pid in signed else ""
            options.append((pid, f"{self.names.short[pid]}{state}"))
        first = next((pid for pid in self.screen.priorities if self.can(Sign(self.seat, pid))), None)
        clause = self.names.vocabulary.clause
        return [Choice("priority", clause[:1].upper() + clause[1:], options, first)]

    def action(self, values):
        return Sign(self.seat, values["priority"]) if values.get("priority") else None

    def buttons(self, values):
        return [self.primary("sign", "Sign", values),
                FormButton("reserve", "Sign with reservations (R)", pygame.K_r), CANCEL]

    def info(self, values):
        return ["Signing with reservations counts as signing but tells the room you have doubts; "
                "you can later sign fully.", *self.warning(values)]

    def submit(self, button, values, texts):
        if button == "cancel":
            return True
        return self.controller.sign(values["priority"], reservations=button == "reserve")


class WithdrawForm(SeatForm):
    title = "Withdraw a commitment"

    def mine(self):
        return [c for c in self.screen.commitments if c.delegate == self.seat and c.status in ("active", "pending")]

    def choices(self, values):
        options = [(c.id, f"#{c.id} {self.names.quantity(c.amount, c.kind)} to {self.names.short[c.priority]}"
                    + (" (pending)" if c.status == "pending" else "")) for c in self.mine()]
        first = next((c.id for c in self.mine() if self.can(Withdraw(self.seat, c.id))), None)
        return [Choice("commitment", "Commitment", options, first)] if options else []

    def action(self, values):
        return Withdraw(self.seat, values["commitment"]) if values.get("commitment") else None

    def buttons(self, values):
        if not self.mine():
            return [CANCEL]
        return [self.primary("withdraw", "Withdraw", values, style="danger"), CANCEL]

    def info(self, values):
        rules = self.session.scenario.rules
        costs = [f"{rules.withdraw_capital_cost} political capital"]
        costs += [f"{self.names(t.track)} {t.by:+g}" for t in rules.withdraw_track_effects]
        if not self.mine():
            return ["You have no commitment to withdraw."]
        return [f"Withdrawing costs {', '.join(costs)}.", *self.warning(values)]

    def submit(self, button, values, texts):
        if button != "withdraw":
            return True
        return self.controller.withdraw(values["commitment"])


class RenewForm(SeatForm):
    """Lists only the renewals among the engine's legal actions: the rule (the last round of a
    term, not the game's last round, enough capital) is the engine's alone."""

    title = "Renew a commitment"

    def __init__(self, session: Session, controller: Controller):
        super().__init__(session, controller)
        self._offered: tuple[Any, list] = (None, [])

    def offered(self) -> list:
        """Returns the seat's commitments the engine offers to renew now, in its order."""
        screen = self.screen
        if self._offered[0] is not screen:  # one legal list per screen
            legal = self.session.game.legal_actions(self.seat) if self.session.my_turn() else []
            ids = {a.commitment for a in legal if a.kind == "renew"}
            self._offered = (screen, [c for c in screen.commitments if c.id in ids])
        return self._offered[1]

    def termed(self) -> list:
        """Returns the seat's commitments that have a term running (those that may lapse)."""
        return [c for c in self.screen.commitments if c.delegate == self.seat and c.term_ends is not None]

    def describe(self, c) -> str:
        """Returns "#3 2 billion euros to Monitor: lapses at the end of round 2 (this round) unless renewed"."""
        return (f"#{c.id} {self.names.quantity(c.amount, c.kind)} to {self.names.short[c.priority]}: "
                f"{term_words(c.term_ends, self.screen.round, self.screen.rounds)}")

    def choices(self, values):
        options = [(c.id, self.describe(c)) for c in self.offered()]
        return [Choice("commitment", "Renew", options, options[0][0])] if options else []

    def action(self, values):
        return Renew(self.seat, values["commitment"]) if values.get("commitment") else None

    def buttons(self, values):
        if not self.offered():
            return [CANCEL]
        return [self.primary("renew", "Renew", values), CANCEL]

    def info(self, values):
        if not self.session.my_turn():
            return ["Renew on your turn: R opens this form while your delegation has the screen."]
        offered = {c.id for c in self.offered()}
        others = [f"• {self.describe(c)}" for c in self.termed() if c.id not in offered]
        if not offered:
            head = ["None of your commitments can be renewed now: a commitment is renewed in the last round "
                    "of its term, before the game's last round, if you have the political capital."]
            return head + (["Your commitments with a term:", *others] if others else
                           ["You have no commitment with a term."])
        chosen = next((c for c in self.offered() if c.id == values.get("commitment")), None)
        kind = self.session.game.catalog.kinds.get(chosen.kind) if chosen else None
        lines = [renewal_words(self.session.scenario.rules.renew_capital_cost, kind.term if kind else None)]
        if others:
            lines += ["Your other commitments with a term:", *others]
        return [*lines, *self.warning(values)]

    def submit(self, button, values, texts):
        if button != "renew":
            return True
        return self.controller.renew(values["commitment"])


class ApprovalForm(SeatForm):
    title = "Seek domestic approval"

    def choices(self, values):
        me = self.screen.me
        options = [(kind, f"{self.names.kind_name(kind)}: {self.names.body(self.seat, kind)}, odds {odds:.0%}")
                   for kind, odds in me.approval_odds.items()]
        first = next((k for k, _ in options if self.can(SeekApproval(self.seat, k))), None)
        return [Choice("kind", "Ask for", options, first)] if options else []

    def action(self, values):
        return SeekApproval(self.seat, values["kind"]) if values.get("kind") else None

    def buttons(self, values):
        if not self.screen.me.approval_odds:
            return [CANCEL]
        return [self.primary("ask", "Ask for a vote", values), CANCEL]

    def info(self, values):
        if not self.screen.me.approval_odds:
            return ["Your delegation needs no domestic approval for anything it can give."]
        return ["The vote is held at the end of the round; if it is won, your pending units of that kind count.",
                *self.warning(values)]

    def submit(self, button, values, texts):
        if button != "ask":
            return True
        return self.controller.seek_approval(values["kind"])


class InboxForm(SeatForm):
    title = "Inbox: offers waiting for your answer"

    def __init__(self, session: Session, controller: Controller, open_counter: Callable[[Any], None]):
        super().__init__(session, controller)
        self.open_counter = open_counter

    def waiting(self):
        return self.screen.open_offers_to_me()

    def choices(self, values):
        options = [(o.id, f"#{o.id} from {self.names(o.proposer)}") for o in self.waiting()]
        return [Choice("offer", "Offer", options)] if options else []

    def buttons(self, values):
        if not self.waiting():
            return [FormButton("close", "Close (Esc)", pygame.K_ESCAPE)]
        return [FormButton("accept", "Accept (A)", pygame.K_a, style="primary"),
                FormButton("reject", "Reject (R)", pygame.K_r, style="danger"),
                FormButton("counter", "Counter (C)", pygame.K_c),
                FormButton("close", "Close (Esc)", pygame.K_ESCAPE)]

    def info(self, values):
        offers = {o.id: o for o in self.waiting()}
        offer = offers.get(values.get("offer"))
        if offer is None:
            return ["No offers wait for you."]
        to = ", ".join(self.names(p) for p in offer.parties)
        lines = [f"Offer #{offer.id} from {self.names(offer.proposer)} to {to}:"]
        lines += [f"• {describe_item(item, self.names)}" for item in offer.items]
        if offer.note:
            lines.append(f"Note: “{offer.note}”")
        if offer.accepted_by:
            lines.append("Already accepted by " + ", ".join(self.names(p) for p in sorted(offer.accepted_by)))
        return lines

    def submit(self, button, values, texts):
        offer = values.get("offer")
        if button == "close" or offer is None:
            return True
        if button == "accept":
            return self.controller.accept(offer)
        if button == "reject":
            return self.controller.reject(offer)
        chosen = next(o for o in self.waiting() if o.id == offer)
        self.open_counter(chosen)
        return True


SEAT_FORMS = {"pledge": PledgeForm, "withdraw": WithdrawForm, "renew": RenewForm, "sign": SignForm,
              "approval": ApprovalForm}
"""command -> the form it opens with the session and the controller (the offer composer and the
inbox need more, and the table scene opens them itself)."""
