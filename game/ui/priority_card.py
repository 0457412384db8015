"""A priority's card on the right, opened by clicking its block: everything the block has no
room for. It names the delegations the priority needs (its leads and required signatories),
who has signed, and what is still missing, in the words of the end screen and the review.
"""

import pygame

from game.engine import Names, PriorityView
from game.ui.priority_blocks import missing_words, needs_words, status_word
from game.ui.session import Screen
from game.ui.text import Text

PREFIX = "@"
"""The scene's selection names a priority as "@<id>" (no seat id starts with "@")."""


def draw_priority_panel(out: pygame.Surface, screen: Screen, p: PriorityView, description: str, names: Names,
                        text: Text, palette, scale: float) -> int:
    """Draws the priority's card (status, progress, what it needs, who signed, what is missing) from the
    top left of `out`; returns its height."""
    c = palette.colours
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    width = out.get_width()
    pad = px(12)
    inner = pygame.Rect(pad, pad, width - 2 * pad, px(1500))

    def para(words: str, size: str = "small", colour=c.text, bold: bool = False) -> None:
        inner.top = text.blit_wrapped(out, words, inner, size, colour, bold) + px(2)

    def heading(title: str) -> None:
        inner.top = text.blit(out, title.upper(), (pad, inner.top + px(6)), "tiny", c.accent, True).bottom + 2

    para(p.name, "heading", c.text, True)
    para(f"{status_word(p, screen.over)} · progress {p.progress:g} of {p.target:g} (partial at {p.partial_at:g})",
         "small", palette.status_colour(p.status), True)
    para(description.strip(), "small", c.muted)
    needs = needs_words(p, names)
    if needs:
        heading("It needs")
        for line in needs:
            para(f"• {line}")
    heading("Signed")
    signed = [names(s) + (" (reservations)" if screen.delegates[s].signed.get(p.id) else "") for s in p.signatories]
    para(", ".join(signed) or "nobody yet")
    heading("Still missing" if p.missing else "Secured")
    para(missing_words(p).removeprefix("Missing: ") if p.missing else "Nothing is missing.",
         "small", c.danger if p.missing else c.ok)
    inner.top = text.blit(out, "Click the block again, or Tab, to close", (pad, inner.top + px(8)), "tiny",
                          c.accent).bottom
    return inner.top + pad
