"""How each effect op is said, as (who, what) pairs: a sentence is "who what", and a summary
can group effects by what. The engine's effect registry checks that every op has its words."""

from collections.abc import Callable
from typing import Any

from game.engine.words import Names, number, singular

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
    return n(e.delegate), f"sees its commitments{_which(e, n)} that have a term renewed for another term"


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
