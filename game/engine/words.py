"""Every human wording the game shares: names, quantities, conditions, effects, controllers.

Written once here, so the engine's log, the table, the review and the transcript say the
same thing the same way. Pure functions of scenario data: no state, no IO.
"""

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from game.model.delegates import Delegate
from game.model.scenario import Scenario

_NUMBER_WORDS = {"hundred", "thousand", "million", "billion"}


def possessive(name: str) -> str:
    """Returns "France's" or "United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def number(amount: float) -> str:
    """Returns 3, 2.5 or 1000000 as written (whole numbers without a decimal point)."""
    if isinstance(amount, float) and amount.is_integer() and abs(amount) < 1e15:
        amount = int(amount)
    return f"{amount:g}" if isinstance(amount, float) else str(amount)


@lru_cache(maxsize=1024)
def singular(word: str) -> str:
    """Returns the singular of a plural unit: its head noun, the last word before any " of " or
    " (" ("batteries" -> "battery", "statements of support" -> "statement of support")."""
    cut = min((i for i in (word.find(" of "), word.find(" (")) if i > 0), default=len(word))
    head, rest = word[:cut], word[cut:]
    words = head.split(" ")
    last = words[-1]
    if last.endswith("ies"):
        words[-1] = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    return " ".join(words) + rest


def plural(count: float, word: str, words: str | None = None) -> str:
    """Returns "1 offer", "2 offers" (or `words` for an irregular plural)."""
    return f"{number(count)} {word if count == 1 else (words or word + 's')}"


def quantity(amount: float, unit: str) -> str:
    """Returns "1 contingent" / "2 contingents" from a plural unit ("1 billion euros" stays)."""
    if amount == 1 and unit.partition(" ")[0] not in _NUMBER_WORDS:
        unit = singular(unit)
    return f"{number(amount)} {unit}"


def controller_label(controller: str) -> str:
    """Returns "a human player" or "a cautious bot"."""
    return "a human player" if controller == "human" else f"a {controller} bot"


ROLE_WORDS = {"head_of_state": "head of state", "head_of_government": "head of government",
              "minister": "minister", "envoy": "envoy", "institution": "institution",
              "mediator": "mediator", "bloc": "negotiating bloc", "organisation": "organisation",
              "private_sector": "private sector", "observer": "observer"}
"""role -> its words; a test ties it to the model's `Role`."""


def role_label(role: str) -> str:
    """Returns "head of state" or "negotiating bloc"."""
    return ROLE_WORDS.get(role, role.replace("_", " "))


def spokesperson(delegate: Delegate) -> tuple[str, str]:
    """Returns (name, title) of who speaks for a delegation: its principal, or, for a party
    without one (a bloc, an organisation), the delegation itself and its role."""
    if delegate.principal is not None:
        return delegate.principal.name, delegate.principal.title
    return delegate.name, role_label(delegate.role)


def badge_letters(seat: str, badge: str | None = None) -> str:
    """Returns the letters on a seat's badge: its `badge` label, else from its id
    ("NATO" for nato, "FRA" for france)."""
    if badge:
        return badge
    return seat.upper()[:4] if len(seat) <= 4 else seat[:3].upper()


def party_list(names: list[str]) -> str:
    """Returns "A", "A and B" or "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def not_a_signer(who: str, priority: str, signers: list[str], may_contribute: bool) -> str:
    """Explains why a delegation may not sign a clause, and what it may still do."""
    parties = f"only {party_list(signers)} sign it" if signers else "no delegation signs it at this table"
    still = (f" {who} can still commit to it, or broker a deal between its parties."
             if may_contribute else f" {who} can still broker a deal between its parties.")
    return f"{who} is not a party to {priority}: {parties}.{still}"


def not_a_contributor(who: str, priority: str, contributors: list[str], may_sign: bool) -> str:
    """Explains why a delegation may not commit to a priority, and what it may still do."""
    givers = f"only {party_list(contributors)} commit to it" if contributors else "no one commits to it"
    still = (f" {who} may still sign it, or broker a deal between those who give."
             if may_sign else f" {who} may still broker a deal between those who give.")
    return f"{who} may not commit anything to {priority}: {givers}.{still}"


@lru_cache(maxsize=4096)
def lower_name(name: str) -> str:
    """Returns a sentence-case name for the middle of a sentence: its first letter in lower
    case, unless its first word is an acronym ("US backstop"); proper names later keep theirs."""
    first = name.split(" ", 1)[0]
    return name if len(first) > 1 and first.isupper() else name[:1].lower() + name[1:]


class Names:
    """Display names for the ids of one scenario (delegations, priorities, kinds, tracks, flags), and its vocabulary."""

    def __init__(self, scenario: Scenario):
        self.seats = {d.id: d.name for d in scenario.delegates}
        self.priorities = {p.id: p.name for p in scenario.priorities}
        self.short = {p.id: p.short or p.name for p in scenario.priorities}
        self.kinds = {k.id: k.name for k in scenario.commitment_kinds}
        self.units = {k.id: k.unit for k in scenario.commitment_kinds}
        self.tracks = {t.id: t.name for t in scenario.tracks}
        self.flags = {f.id: f.name for f in scenario.flags}
        self.kind_short = _short_kinds([k.id for k in scenario.commitment_kinds])
        self.events = {e.id: e.title for e in scenario.events}
        self.bodies = {(d.id, k): a.body for d in scenario.delegates for k, a in d.approvals.items()}
        self.vocabulary = scenario.vocabulary  # the text signed, its clauses, the approval body, the result
        self.badges = {d.id: badge_letters(d.id, d.badge) for d in scenario.delegates}
        """seat -> the letters on its badge (its `badge` label, else from its id)."""

    def __call__(self, some_id: str) -> str:
        """Returns the display name of an id of unknown table (delegations first, then priorities),
        else the id in words. A caller that knows it holds a kind asks `kind_name` or `kind`: a
        scenario may give a kind the id of a priority (cop21's `finance` is both)."""
        for table in (self.seats, self.priorities, self.kinds, self.tracks, self.flags, self.events):
            if some_id in table:
                return table[some_id]
        return some_id.replace("_", " ")

    def entity(self, some_id: str) -> str:
        """Returns the name of a delegation, priority or kind, else the id unchanged."""
        for table in (self.seats, self.priorities, self.kinds):
            if some_id in table:
                return table[some_id]
        return some_id

    def kind_name(self, kind: str) -> str:
        """Returns a commitment kind's display name as written ("Climate finance"), from the
        kinds alone, else the id in words."""
        return self.kinds.get(kind) or kind.replace("_", " ")

    def kind(self, kind: str) -> str:
        """Returns a commitment kind's name in lower case, for the middle of a sentence
        (acronyms such as US or NATO keep their capitals)."""
        return lower_name(self.kinds[kind]) if kind in self.kinds else kind.replace("_", " ")

    def quantity(self, amount: float, kind: str | None) -> str:
        return quantity(amount, self.units.get(kind, "units") if kind else "units")

    def body(self, seat: str, kind: str) -> str:
        """Returns who votes on the seat's commitments of a kind: its `approvals` body, else the
        scenario's word for a domestic body ("parliament")."""
        return self.bodies.get((seat, kind), self.vocabulary.approval_body)

    def sign_title(self) -> str:
        """Returns "Sign a clause of the declaration" or "Sign an article of the agreement"."""
        clause, text = self.vocabulary.clause, self.vocabulary.text
        return f"Sign {'an' if clause[:1].lower() in 'aeiou' else 'a'} {clause} of the {text}"


def _short_kinds(ids: list[str]) -> dict[str, str]:
    """Returns "Monitoring" for monitoring_assets, unless two kinds would share a first word."""
    first = [i.split("_")[0] for i in ids]
    return {i: (f if first.count(f) == 1 else i.replace("_", " ")).capitalize()
            for i, f in zip(ids, first, strict=True)}


def describe_condition(condition: Any, names: Callable[[str], str] = str) -> str:
    """Returns a short English rendering of a condition, for offers, logs and briefs."""
    t = condition
    kind = t.test
    if kind == "contributed":
        who = f"{names(t.delegate)} commits" if t.delegate else "the delegations together commit"
        what = t.kind.replace("_", " ") if t.kind else "anything"
        to = f" to {names(t.priority)}" if t.priority else ""
        return f"{who} {what}{to}" + (f" (at least {t.min:g})" if t.min != 1 else "")
    if kind == "flag":
        return f"{'' if t.value else 'not '}{t.flag.replace('_', ' ')}"
    if kind == "track":
        bounds = " and ".join(x for x in (f">= {t.min:g}" if t.min is not None else "",
                                           f"<= {t.max:g}" if t.max is not None else "") if x)
        return f"{t.track.replace('_', ' ')} {bounds}"
    if kind == "signed":
        return f"{names(t.delegate)} signs {names(t.priority)}"
    if kind == "priority":
        return f"{names(t.priority)} is {' or '.join(t.status or ['progressing'])}"
    if kind == "approved":
        return f"{names(t.delegate)} wins approval for {t.kind.replace('_', ' ')}"
    if kind in ("all", "any"):
        joiner = " and " if kind == "all" else " or "
        return joiner.join(describe_condition(x, names) for x in t.of)
    if kind == "not":
        return f"not ({describe_condition(t.of, names)})"
    return kind.replace("_", " ")


def describe_item(item: Any, names: Names) -> str:
    """Returns "France gives 1 thousand troops (ground troops) to Force, if ..."."""
    text = (f"{names(item.giver)} gives {names.quantity(item.amount, item.kind_id)} "
            f"({names.kind(item.kind_id)}) to {names.short.get(item.priority, item.priority)}")
    if item.condition is not None:
        text += f", if {describe_condition(item.condition, names)}"
    return text


def term_words(term_ends: int | None, now: int, rounds: int) -> str:
    """Returns when a commitment with a term stops counting: "lapses at the end of round 3 unless
    renewed", "... round 2 (this round) ...", or "counts to the end of the game" (a term running past
    the last round); "" for a commitment without a term (`CommitmentView.term_ends` None)."""
    if term_ends is None:
        return ""
    if term_ends >= rounds:
        return "counts to the end of the game"
    current = " (this round)" if term_ends == now else ""
    return f"lapses at the end of round {term_ends}{current} unless renewed"


def renewal_words(cost: int, term: int | None) -> str:
    """Returns what renewing a commitment costs and gives ("Renewing costs 1 political capital
    and gives another 2 rounds after this one; ...")."""
    price = f"costs {plural(cost, 'political capital', 'political capital')}" if cost else "costs nothing"
    more = f"another {plural(term, 'round')} after this one" if term else "another term"
    return f"Renewing {price} and gives {more}; a commitment not renewed lapses and its units return."


def signed(number: float) -> str:
    """Returns a number with its sign, a true minus for negatives ("+3", "−10", "+0.5")."""
    return f"{round(number, 4):+g}".replace("-", "−")


def percent(chance: float) -> str:
    """Returns a probability as a whole percentage ("75%")."""
    return f"{chance * 100:.0f}%"
