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
    and gives a fresh term of 2 rounds, counting this one.")."""
    price = f"costs {plural(cost, 'political capital', 'political capital')}" if cost else "costs nothing"
    fresh = f"a fresh term of {plural(term, 'round')}, counting this one" if term else "a fresh term"
    return f"Renewing {price} and gives {fresh}; a commitment not renewed lapses and its units return."


# -- effects: (who, what) pairs, so a sentence is "who what" and a summary can group by what --


def _for(effect: Any) -> str:
    rounds = getattr(effect, "rounds", None)
    if not rounds:
        return ""
    return " for 1 round" if rounds == 1 else f" for {rounds} rounds"


def _more_or_fewer(by: float, word: str) -> str:
    if abs(by) == 1:
        word = singular(word)
    return f"{number(abs(by))} more {word}" if by > 0 else f"{number(abs(by))} fewer {word}"


def _track(e, n: Names):
    return n(e.track), f"{'rises' if e.by > 0 else 'falls'} by {number(abs(e.by))}"


def _flag(e, n: Names):
    return "", f"{'Now true' if e.value else 'No longer true'}: {n(e.flag)}"


def _capacity(e, n: Names):
    return n(e.delegate), f"has {_more_or_fewer(e.by, n.units.get(e.kind, 'units'))} of {n.kind(e.kind)}{_for(e)}"


def _capital(e, n: Names):
    return n(e.delegate), f"{'gains' if e.by > 0 else 'loses'} {abs(e.by)} political capital"


def _block(e, n: Names):
    why = f" ({e.reason})" if e.reason else ""
    return n(e.delegate), f"cannot commit {n.kind(e.kind)}{_for(e)}{why}"


def _unblock(e, n: Names):
    return n(e.delegate), f"may commit {n.kind(e.kind)} again"


def _representative(e, n: Names):
    text = f"is represented by {e.name} ({e.title})"
    if e.binding_authority is False:
        text += f", without authority to give {n.vocabulary.binding}"
    return n(e.delegate), text + _for(e)


def _approval(e, n: Names):
    return (n(e.delegate), f"sees its odds of domestic approval for {n.kind(e.kind)} "
                           f"{'rise' if e.by > 0 else 'fall'} by {abs(e.by) * 100:.0f} points{_for(e)}")


def _contribution(e, n: Names):
    when = ("every unit, including those already committed," if getattr(e, "applies_to", "new") == "all"
            else "each unit committed from now on")
    return "", (f"Of {n.kind(e.kind)}, {when} counts {number(abs(e.by))} {'more' if e.by > 0 else 'less'} "
                f"toward {n(e.priority)}{_for(e)}")


def _actions(e, n: Names):
    return n(e.delegate), f"has {_more_or_fewer(e.by, 'actions')} per turn{_for(e)}"


def _cancel(e, n: Names):
    return n(e.delegate), "sees every open offer made to it or by it cancelled"


def _revoke(e, n: Names):
    return n(e.delegate), f"loses its domestic mandate for {n.kind(e.kind)}"


def _which(e, n: Names) -> str:
    """Returns " of ground troops to Force": the filter of an effect on existing commitments."""
    return (f" of {n.kind(e.kind)}" if e.kind else "") + (f" to {n.short.get(e.priority, e.priority)}"
                                                          if e.priority else "")


def _suspend(e, n: Names):
    return n(e.delegate), f"sees its commitments{_which(e, n)} suspended{_for(e)}: they do not count meanwhile"


def _resume(e, n: Names):
    return n(e.delegate), f"sees its suspended commitments{_which(e, n)} count again"


def _cancel_commitments(e, n: Names):
    return n(e.delegate), f"sees its commitments{_which(e, n)} cancelled for good (the units are free again)"


def _renew(e, n: Names):
    return n(e.delegate), f"sees its commitments{_which(e, n)} that have a term renewed for a fresh term"


def _message(e, n: Names):
    return "", f"News for {', '.join(n(s) for s in e.to)}: {e.text}" if e.to else f"News: {e.text}"


EFFECT_WORDS: dict[str, Callable[[Any, Names], tuple[str, str]]] = {
    "adjust_track": _track, "set_flag": _flag, "adjust_capacity": _capacity, "adjust_capital": _capital,
    "block_kind": _block, "unblock_kind": _unblock, "replace_representative": _representative,
    "adjust_approval": _approval, "adjust_contribution": _contribution, "adjust_actions": _actions,
    "cancel_offers": _cancel, "revoke_approval": _revoke, "message": _message,
    "suspend_commitments": _suspend, "resume_commitments": _resume, "cancel_commitments": _cancel_commitments,
    "renew_commitments": _renew,
}
"""op -> (who, what): the engine's effect registry checks that every op has its words."""


def effect_parts(effect: Any, names: Names) -> tuple[str, str]:
    """Returns (who, what) for one effect: who is a delegation's name or ""."""
    return EFFECT_WORDS[effect.op](effect, names)


def describe_effect(effect: Any, names: Names) -> str:
    """Returns one plain sentence for an effect."""
    who, what = effect_parts(effect, names)
    return f"{who} {what}" if who else what


def describe_effects(effects: list, names: Names, viewer: str | None) -> list[str]:
    """Returns one sentence per effect the viewer may read (private news to others is left out)."""
    return [describe_effect(e, names) for e in effects
            if not (e.op == "message" and e.to and viewer not in e.to)]


# -- conditions explained in full, for briefs and the printed pack -------------------------
# (describe_condition above is the short form that logs and offers use.)

def _x_statuses(statuses: list[str]) -> str:
    return "at least partial" if set(statuses) == {"secured", "partial"} else " or ".join(statuses)


def _x_bounds(low: float | None, high: float | None, what: str = "") -> str:
    if low is not None and high is not None:
        return f"between {low:g} and {high:g}{what}"
    if low is not None:
        return f"at least {low:g}{what}"
    return f"at most {high:g}{what}" if high is not None else "any value"


def _x_round(c, n: Names) -> str:
    if c.min is not None and c.max is not None:
        return f"it is round {c.min}" if c.min == c.max else f"it is round {c.min} to {c.max}"
    if c.min is not None:
        return f"it is round {c.min} or later"
    return f"it is round {c.max} or earlier" if c.max is not None else "any round"


def _x_track(c, n: Names) -> str:
    return f"{n(c.track)} is {_x_bounds(c.min, c.max)}"


def _x_flag(c, n: Names) -> str:
    return f"“{n(c.flag)}” is {'true' if c.value else 'not true'}"


def _x_priority(c, n: Names) -> str:
    parts = []
    if c.status:
        parts.append(f"{n(c.priority)} ends {_x_statuses(c.status)}")
    if c.min_progress is not None:
        parts.append(f"{n(c.priority)} reaches a progress of at least {c.min_progress:g}")
    return " and ".join(parts) or f"{n(c.priority)} is on the agenda"


def _x_contributed(c, n: Names) -> str:
    who = n(c.delegate) if c.delegate else "the delegations together"
    what = n.kind(c.kind) if c.kind else "any kind"
    toward = f" for {n(c.priority)}" if c.priority else ""
    return f"{who} {'has' if c.delegate else 'have'} at least {n.quantity(c.min, c.kind)} of {what} in force{toward}"


def _x_signed(c, n: Names) -> str:
    manner = "" if c.reservations_ok else " without reservations"
    return f"{n(c.delegate)} signs {n(c.priority)}{manner}"


def _x_capacity(c, n: Names) -> str:
    return f"{n(c.delegate)} keeps {_x_bounds(c.min, c.max)} {n.units.get(c.kind, 'units')} of {n.kind(c.kind)} uncommitted"


def _x_capital(c, n: Names) -> str:
    return f"{possessive(n(c.delegate))} political capital is {_x_bounds(c.min, c.max)}"


def _x_approved(c, n: Names) -> str:
    body = n.bodies.get((c.delegate, c.kind), f"its {n.vocabulary.approval_body}")
    return f"{n(c.delegate)} wins a mandate from {body} for {n.kind(c.kind)}"


def _x_authority(c, n: Names) -> str:
    return f"{possessive(n(c.delegate))} representative {'can' if c.value else 'cannot'} give {n.vocabulary.binding}"


def _x_event_fired(c, n: Names) -> str:
    return f"the event “{n(c.event)}” has come up"


def _x_all(c, n: Names) -> str:
    return explain_conditions(c.of, n)


def _x_any(c, n: Names) -> str:
    options = [explain_condition(x, n) for x in c.of]
    return options[0] if len(options) == 1 else "either " + ", or ".join(options)


def _x_not(c, n: Names) -> str:
    inner = c.of
    if inner.test == "contributed" and inner.min == 1:
        who = n(inner.delegate) if inner.delegate else "no delegation"
        toward = f" for {n(inner.priority)}" if inner.priority else ""
        what = n.kind(inner.kind) if inner.kind else "anything"
        return f"{who} commits no {what}{toward}" if inner.delegate else f"no delegation commits {what}{toward}"
    if inner.test == "signed":
        return f"{n(inner.delegate)} does not sign {n(inner.priority)}"
    if inner.test == "priority" and inner.status and inner.min_progress is None:
        return f"{n(inner.priority)} does not end {_x_statuses(inner.status)}"
    return f"it is not the case that {explain_condition(inner, n)}"


_EXPLAIN = {
    "round": _x_round, "track": _x_track, "flag": _x_flag, "priority": _x_priority, "contributed": _x_contributed,
    "signed": _x_signed, "capacity": _x_capacity, "capital": _x_capital, "approved": _x_approved,
    "binding_authority": _x_authority, "event_fired": _x_event_fired, "all": _x_all, "any": _x_any, "not": _x_not,
}


def explain_condition(condition: Any, names: Names) -> str:
    """Returns one condition in plain words for a brief or a pack ("France has 1 contingent or more of ground troops in force")."""
    return _EXPLAIN[condition.test](condition, names)


def _x_same_status_run(conditions: list) -> list:
    """Groups consecutive priority tests asking the same status, to say them once."""
    groups: list = []
    for c in conditions:
        plain = c.test == "priority" and c.status and c.min_progress is None
        if plain and groups and isinstance(groups[-1], list) and groups[-1][0].status == c.status:
            groups[-1].append(c)
        else:
            groups.append([c] if plain else c)
    return groups


def _x_each_ends(run: list, names: Names) -> str:
    if len(run) == 1:
        return explain_condition(run[0], names)
    listed = ", ".join(names(c.priority) for c in run[:-1]) + " and " + names(run[-1].priority)
    return f"{listed} each end {_x_statuses(run[0].status)}"


def explain_conditions(conditions: list, names: Names) -> str:
    """Returns a list of conditions (all must hold) in plain words, joined by "and"."""
    parts = [_x_each_ends(g, names) if isinstance(g, list) else explain_condition(g, names)
             for g in _x_same_status_run(list(conditions))]
    if not parts:
        return "always"
    return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]


def signed(number: float) -> str:
    """Returns a number with its sign, a true minus for negatives ("+3", "−10", "+0.5")."""
    return f"{round(number, 4):+g}".replace("-", "−")


def percent(chance: float) -> str:
    """Returns a probability as a whole percentage ("75%")."""
    return f"{chance * 100:.0f}%"
