"""A scenario's own words for the things every negotiation has: the text signed, its parts,
the domestic body that votes, what binding authority gives, the group at the table, the result.

The engine, the table, the review, the pack and the transcript read them from here, so no
scenario speaks another's language; the defaults are neutral, and every field is optional.
"""

from typing import Annotated

from pydantic import StringConstraints

from game.model.base import Strict

Word = Annotated[str, StringConstraints(min_length=1, max_length=60)]
"""A word or short phrase, written as it reads in the middle of a sentence."""


class Vocabulary(Strict):
    """The words the game uses for this negotiation (each as it reads mid-sentence)."""

    text: Word = "agreement"
    """What the delegations sign: "Sign a clause of the agreement"."""
    clause: Word = "clause"
    """One part of the text, as each priority is: "Sign an article of the agreement"."""
    approval_body: Word = "home government"
    """Who votes on a commitment when a delegation's `approvals` entry names no body."""
    binding: Word = "binding commitments"
    """What only a representative with binding authority can give."""
    group: Word = "table"
    """The delegations together: "What the table must secure", "play for the table"."""
    result: Word = "Result"
    """The name of the game's outcome, as a heading: "Result: partial"."""
