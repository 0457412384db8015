"""The priorities on the table, and the words that explain an outcome to a room.

A block says its status, its progress against the partial and target marks, who signed,
and, while it is not secured, what is still missing, naming the delegations it needs.
Text wraps inside the block (a name falls back to its short form before it is cut);
the same wording serves the end screen and the priority card on the right.
"""

import pygame

from game.engine import PriorityView, plural
from game.ui.drawing import draw_tag, tag_width, window_surface
from game.ui.layout import Layout
from game.ui.palette import Palette
from game.ui.session import Screen
from game.ui.text import Text

STATUS_WORDS = {"secured": "SECURED", "partial": "PARTIAL", "failed": "SHORT"}


def status_word(p: PriorityView, over: bool) -> str:
    return "FAILED" if over and p.status == "failed" else STATUS_WORDS.get(p.status, p.status.upper())


def signature_words(p: PriorityView, reserved: int) -> str:
    """Returns "signed by 4 (1 with reservations)"."""
    return f"signed by {len(p.signatories)}" + (f" ({reserved} with reservations)" if reserved else "")


def facts(p: PriorityView, reserved: int) -> str:
    """Returns the block's summary: progress (unless a missing reason says it) and signatures."""
    progress = f"{p.progress:g} of {p.target:g} · " if p.progress >= p.target else ""
    return progress + signature_words(p, reserved)


def missing_words(p: PriorityView) -> str:
    """Returns "Missing: needs 10 signatures, has 8; needs France to sign." (or "" once secured)."""
    return f"Missing: {'; '.join(p.missing)}." if p.missing else ""


def needs_words(p: PriorityView, name) -> list[str]:
    """Returns what the priority requires besides progress, naming the delegations."""
    needs = []
    if p.required_leads:
        needs.append(f"Led by {' or '.join(name(s) for s in p.required_leads)} (one must commit to it)")
    if p.min_signatories:
        needs.append(f"At least {plural(p.min_signatories, 'signature')}")
    if p.required_signatories:
        needs.append(f"Signed by {', '.join(name(s) for s in p.required_signatories)}")
    return needs


def reserved_count(screen: Screen, p: PriorityView) -> int:
    return sum(1 for seat in p.signatories if screen.delegates[seat].signed.get(p.id))


def draw_priorities(surface: pygame.Surface, layout: Layout, screen: Screen, text: Text, palette: Palette) -> None:
    """Draws each priority block (see the module's docstring)."""
    for pid, p in screen.priorities.items():
        draw_priority(surface, layout.priorities[pid], layout, p, screen, text, palette)


TRANSPARENT = (255, 0, 255)
"""The colour key of a block's own surface: its rounded corners show the table and lines beneath."""


def render_priority_block(size: tuple[int, int], layout: Layout, p: PriorityView, screen: Screen, text: Text,
                          palette: Palette, heads: dict | None = None) -> pygame.Surface:
    """Returns one block on a surface of its own (opaque but for the colour-keyed corners, so text
    blends over the block's colour exactly as when drawn on the table). `heads` keeps, for one layout,
    blocks with only their ground, status and name drawn, by what those show: one is copied, rather
    than drawn again, when only the progress and words changed."""
    block = window_surface(size)
    key = (size, p.status, screen.over, p.name, p.short)
    head = heads.get(key) if heads is not None else None
    if head is None:
        head = window_surface(size)
        head.fill(TRANSPARENT)
        _draw_ground(head, head.get_rect(), layout, p, palette)
        _draw_head(head, head.get_rect(), layout, p, screen, text, palette)
        if heads is not None:
            heads[key] = head
    block.blit(head, (0, 0))
    _draw_body(block, block.get_rect(), layout, p, screen, text, palette)
    block.set_colorkey(TRANSPARENT)
    return block


def block_key(p: PriorityView, screen: Screen) -> tuple:
    """Returns everything a block's drawing reads: equal keys draw the same block."""
    return p, screen.over, reserved_count(screen, p)


def draw_priority(surface: pygame.Surface, rect: pygame.Rect, layout: Layout, p: PriorityView, screen: Screen,
                  text: Text, palette: Palette) -> None:
    _draw_ground(surface, rect, layout, p, palette)
    _draw_head(surface, rect, layout, p, screen, text, palette)
    _draw_body(surface, rect, layout, p, screen, text, palette)


def _edge_colour(p: PriorityView, palette: Palette):
    return palette.status_colour(p.status) if p.status != "failed" else palette.colours.panel_edge


def _draw_ground(surface: pygame.Surface, rect: pygame.Rect, layout: Layout, p: PriorityView,
                 palette: Palette) -> None:
    """Draws the blank block: its colour and its edge in the status's colour."""
    pygame.draw.rect(surface, palette.colours.panel, rect, border_radius=layout.px(8))
    pygame.draw.rect(surface, _edge_colour(p, palette), rect, 2, border_radius=layout.px(8))


def _draw_head(surface: pygame.Surface, rect: pygame.Rect, layout: Layout, p: PriorityView, screen: Screen,
               text: Text, palette: Palette) -> None:
    """Draws a block's status tag and name over its ground (they read p.status, p.name, p.short and
    whether the game is over)."""
    pad = layout.px(8)
    word = status_word(p, screen.over)
    tag_w = tag_width(text, word)
    draw_tag(surface, text, word, (rect.right - pad - tag_w, rect.top + layout.px(5)), palette.status_colour(p.status))
    room = rect.width - 3 * pad - tag_w
    size, name = fitting_name(text, p, room)
    text.blit(surface, name, (rect.left + pad, rect.top + layout.px(3)), size, palette.colours.text, True, width=room)


def _draw_body(surface: pygame.Surface, rect: pygame.Rect, layout: Layout, p: PriorityView, screen: Screen,
               text: Text, palette: Palette) -> None:
    """Draws a block's progress bar and words below its name."""
    c = palette.colours
    status_colour = palette.status_colour(p.status)
    pad = layout.px(8)
    bar_top = rect.top + text.height("small", True) + layout.px(4)
    bar = pygame.Rect(rect.left + pad, bar_top, rect.width - 2 * pad, max(5, layout.px(8)))
    draw_bar(surface, bar, p, status_colour, layout, palette)
    body = block_body(rect, layout, text)
    words = block_words(p, screen)
    size = block_size(words, body, text)
    text.blit_wrapped(surface, words, body, size, c.text if p.missing else c.muted,
                      max_lines=block_lines(body, text, size))


def block_body(rect: pygame.Rect, layout: Layout, text: Text) -> pygame.Rect:
    """Returns where a block's words go: below its name and bar."""
    top = rect.top + text.height("small", True) + layout.px(4) + max(5, layout.px(8)) + layout.px(4)
    pad = layout.px(8)
    return pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, rect.bottom - layout.px(3) - top)


def block_lines(body: pygame.Rect, text: Text, size: str | float = "tiny") -> int:
    """Returns how many lines of words a block holds (the last may overhang by a third, as in
    `Text.blit_wrapped`: the descenders of a last line never reach the block's edge)."""
    step = text.height(size)
    return max(1, (body.height + step // 3) // step)


SMALLEST_PX = 11
"""The block's words shrink to this size before a line is cut (1024x768 draws "tiny" at 11)."""


def block_size(words: str, body: pygame.Rect, text: Text) -> str | float:
    """Returns the largest size, from "tiny" down to SMALLEST_PX, at which the words fit the block."""
    size: str | float = "tiny"
    while len(text.wrap(words, size, body.width)) > block_lines(body, text, size) and text.px(size) > SMALLEST_PX:
        size = float(text.px(size) - 1)
    return size


def block_words(p: PriorityView, screen: Screen) -> str:
    """Returns a block's words: its facts while secured, else what is missing (with the signatures
    so far, unless a missing signature count already says them)."""
    if not p.missing:
        return facts(p, reserved_count(screen, p))
    counted = p.min_signatories and len(p.signatories) < p.min_signatories
    return ("" if counted else signature_words(p, reserved_count(screen, p)) + " · ") + missing_words(p)


def fitting_name(text: Text, p: PriorityView, width: int) -> tuple[str, str]:
    """Returns (size, name): the full name if it fits, smaller if need be, else the short name."""
    for size in ("small", "tiny"):
        if text.width(p.name, size, True) <= width:
            return size, p.name
    return "small" if text.width(p.short, "small", True) <= width else "tiny", p.short


def draw_bar(surface: pygame.Surface, bar: pygame.Rect, p: PriorityView, colour, layout: Layout,
             palette: Palette) -> None:
    """Draws progress against the partial mark (orange) and the target (white)."""
    c = palette.colours
    top = max(p.target * 1.12, p.progress)
    pygame.draw.rect(surface, c.bar_empty, bar, border_radius=3)
    fill = bar.copy()
    fill.width = int(bar.width * min(1.0, p.progress / top))
    if fill.width:
        pygame.draw.rect(surface, colour if p.status != "failed" else c.bar_fill, fill, border_radius=3)
    for mark, mark_colour in ((p.partial_at, c.bar_partial_mark), (p.target, c.bar_target_mark)):
        x = bar.left + int(bar.width * mark / top)
        pygame.draw.line(surface, mark_colour, (x, bar.top - layout.px(3)), (x, bar.bottom + layout.px(3)), 3)
