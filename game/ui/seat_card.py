"""A delegation's card at the table, laid out row by row in the room its card has.

Rows are measured, never placed at fixed offsets, so nothing is drawn over anything else: a
name wraps (and shrinks, then drops a bracketed qualifier, then abbreviates long words with a
full stop) before anything is cut; on a small card the tags and "capital · free" share a row,
and a principal that does not fit is left to the seat's public card (a click away).
"""

import math
from dataclasses import dataclass

import pygame

from game.ui.badges import draw_badge
from game.ui.drawing import dashed_rect, draw_tag, tag_width
from game.ui.palette import Identity, Palette
from game.ui.text import Text

SMALLEST = 10
"""No word on a card is drawn smaller than this (pixels), nor smaller than 3/4 of "tiny"."""


def smallest(text: Text) -> float:
    """Returns the smallest size words on a card shrink to, in pixels, at the current scale."""
    return float(max(SMALLEST, round(text.px("tiny") * 0.75)))


@dataclass
class Fitted:
    """Lines of a name, the size they fit at, and how much was given up: 0 nothing, 1 the
    bracketed qualifier, 2 letters of long words."""

    lines: list[str]
    size: str | float
    loss: int = 0


def fitted_name(name: str, size: str, width: int, text: Text, max_lines: int = 2, height: int = 10_000) -> Fitted:
    """Returns the name in at most `max_lines` lines of `width` (and `height`): at `size`, or smaller
    (down to `smallest` px), then without its bracketed qualifier, then with its longest words abbreviated."""
    return text.remember(("fitted", name, size, width, max_lines, height),
                         lambda: _fitted_name(name, size, width, text, max_lines, height))


def _fitted_name(name: str, size: str, width: int, text: Text, max_lines: int, height: int) -> Fitted:
    forms = list(dict.fromkeys((name, name.split(" (")[0])))

    def allowed(current: str | float) -> int:
        return max(1, min(max_lines, height // text.height(current, True)))

    for loss, form in enumerate(forms):
        current: str | float = size
        while True:
            lines = text.wrap(form, current, width, bold=True)
            if _fits(lines, current, width, allowed(current), text):
                return Fitted(lines, current, loss)
            if text.px(current) <= smallest(text):
                break
            current = float(text.px(current) - 1)
    small = smallest(text)
    return Fitted(_abbreviated(forms[-1], small, width, allowed(small), text), small, 2)


def pips_top(height: int, full: bool, scale: float) -> tuple[int, int]:
    """Returns where a card's row of signature squares starts, and the squares' size (clear of the
    turn's 5-pixel frame)."""
    pip = max(1, round((10 if full else 9) * scale))
    return height - max(6, round((6 if full else 5) * scale)) - pip, pip


def _fits(lines: list[str], size: str | float, width: int, max_lines: int, text: Text) -> bool:
    return len(lines) <= max_lines and not any(line.endswith("…") or text.width(line, size, True) > width
                                               for line in lines)


def _abbreviated(name: str, size: float, width: int, max_lines: int, text: Text) -> list[str]:
    """Shortens the longest word ("Herzegovina" to "Herzeg.") until the name fits; failing that,
    uses the initials of its capitalised words ("OSCE"); the last line is cut only if neither fits."""
    words = name.split()
    while True:
        lines = text.wrap(" ".join(words), size, width, bold=True)
        if _fits(lines, size, width, max_lines, text):
            return lines
        longest = max(range(len(words)), key=lambda i: text.width(words[i], size, True))
        stem = words[longest].rstrip(".")
        if len(stem) <= 4:
            break
        words[longest] = stem[:-1] + "."
    initials = "".join(part[0] for word in name.split() for part in word.split("-") if part[:1].isupper())
    if len(initials) >= 2 and text.width(initials, size, True) <= width:
        return [initials]
    return lines[:max_lines - 1] + [text.fit(" ".join(lines[max_lines - 1:]), size, width, True)]


def principal_line(name: str, title: str, width: int, text: Text) -> tuple[str, str | float] | None:
    """Returns (words, size) for the principal on a card: the name without a bracketed note, a
    person's surname, or the title, at "tiny" if one fits, else smaller; None when none fits (the
    public card names the principal)."""
    name = name.split(" (")[0]
    words = name.split()
    person = 2 <= len(words) <= 3 and all(w[:1].isupper() and w not in title.split() for w in words)
    forms = list(dict.fromkeys([name] + ([words[-1]] if person else []) + [title.split(" (")[0]]))
    for size in ("tiny", smallest(text)):
        for form in forms:
            if text.width(form, size) <= width:
                return form, size
    return None


def capital_words(capital: int, free: int, width: int, text: Text) -> tuple[str, str | float] | None:
    """Returns ("capital 4 · free 13", size), or a shorter or smaller form that fits the width;
    None if none does."""
    for size in ("tiny", smallest(text)):
        for form in (f"capital {capital} · free {free}", f"cap. {capital} · free {free}"):
            if text.width(form, size) <= width:
                return form, size
    return None


def render_seat_card(d, identity: Identity, size: tuple[int, int], *, turn: bool, you: bool, selected: bool,
                     full: bool, priorities: tuple[str, ...], kinds: dict, short_kinds: dict, bot: str, text: Text,
                     palette: Palette, scale: float, heads: dict | None = None) -> pygame.Surface:
    """Returns the card of one delegation (a DelegateView): who speaks for it, what it can still give.
    `heads` keeps, for one layout, cards with only their ground, frame and header (badge, name,
    principal) drawn, by what those show: one is copied when only the rows below changed."""
    c = palette.colours
    rect = pygame.Rect((0, 0), size)
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    pad = max(4, px(6 if full else 5))
    pip_top, pip = pips_top(rect.height, full, scale)
    radius = px(17 if full else 12)
    inner = rect.width - 2 * pad
    tag_h, line = text.height("tiny", True) + 2, text.height("tiny")
    name_size = "small" if full else "tiny"
    # Decided by the card's size alone, so every card of a table shows the same rows in the same places.
    two_rows = pip_top - (pad + 2 * text.height(name_size, True)) >= tag_h + line + px(2)
    budget = pip_top - px(2) - tag_h - (line if two_rows else 0)  # the header ends here
    room = budget - pad
    beside = fitted_name(d.name, name_size, inner - pad - 2 * radius, text, height=room)
    above = fitted_name(d.name, name_size, inner, text, height=room) if beside.loss else beside
    stacked = above.loss < beside.loss or beside.loss == 2  # a narrow card: the name takes the whole width
    key = (identity, d.name, d.representative, d.title, d.role, d.binding_authority, size, full, turn, selected)
    kept = heads.get(key) if heads is not None else None
    if kept is not None:
        card, y = kept[0].copy(), kept[1]
    else:
        card = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.rect(card, c.card_active if turn else c.card, rect, border_radius=8)
        edge = c.highlight if turn else (c.accent if selected else identity.colour)
        pygame.draw.rect(card, edge, rect, 5 if turn else 2, border_radius=8)
        if d.role == "envoy" or not d.binding_authority:
            dashed_rect(card, c.envoy, rect.inflate(-8, -8), 2)
        if stacked:
            y = _name_lines(card, above, (pad, pad - 2), text, palette) + 2
        else:
            y = _header(card, d, beside, (pad, pad * 2 + radius * 2), radius, budget, identity, text, palette)
        if heads is not None:
            heads[key] = (card.copy(), y)
    y = y if full else max(y, budget)
    tags = _tags(d, bot, you, turn, full, palette)
    capital, free = d.capital, sum(d.free.values())
    tags_right = pad + inner
    if stacked:  # the badge goes at the end of the row below the name, if the words leave room
        small = max(6, min(radius, tag_h // 2 if two_rows else (pip_top - y - px(2)) // 2))
        if two_rows or capital_words(capital, free, inner - 2 * small - pad, text):
            draw_badge(card, identity, (rect.width - pad - small, y + tag_h // 2), small, text)
            tags_right -= 2 * small + pad
            inner = inner if two_rows else inner - 2 * small - pad
    if two_rows:
        x = _draw_tags(card, tags, (pad, y), tags_right, text, px)
        if full and text.width(d.title, "tiny") <= tags_right - x:
            text.blit(card, d.title, (x, y), "tiny", c.faint)
        y += tag_h + (max(0, min(px(4), pip_top - y - tag_h - line)) if full else 0)
        words, size = capital_words(capital, free, inner, text) or (f"{capital} · {free}", smallest(text))
        text.blit(card, words, (pad, y), size, c.text)
        if full:
            _capacity_lines(card, d, kinds, short_kinds, pad, y + line, inner, pip_top - px(2), text, palette, px)
    else:
        _shared_row(card, [t for t in tags if t[0] != "BOT"], capital, free, (pad, y), inner, text, palette, px)
    _signature_pips(card, d, priorities, (pad, pip_top), pip, rect.width - 2 * pad, palette)
    return card


def _name_lines(card, name: Fitted, pos: tuple[int, int], text: Text, palette: Palette) -> int:
    """Draws the name's lines from `pos`; returns the y below them."""
    step = text.height(name.size, True)
    for index, line in enumerate(name.lines):
        text.blit(card, line, (pos[0], pos[1] + index * step), name.size, palette.colours.text, True)
    return pos[1] + len(name.lines) * step


def _header(card, d, name: Fitted, pos: tuple[int, int], radius: int, bottom: int, identity: Identity,
            text: Text, palette: Palette) -> int:
    """Draws the badge, the name beside it and, if it fits, the principal; returns the y below."""
    pad, name_x = pos
    width = card.get_width() - name_x - pad
    below = _name_lines(card, name, (name_x, pad - 2), text, palette)
    who = d.representative if d.representative != d.name else d.title  # a party speaking for itself: its role
    principal = principal_line(who, d.title, width, text) if len(name.lines) == 1 else None
    line = text.height("tiny")
    if principal is not None and below + line <= bottom:
        text.blit(card, principal[0], (name_x, below - 1), principal[1], palette.colours.muted)
        below += line - 1
    draw_badge(card, identity, (pad + radius, pad + radius), radius, text)
    return max(below, pad + 2 * radius) + 2


def _tags(d, bot: str, you: bool, turn: bool, full: bool, palette: Palette) -> list[tuple[str, tuple]]:
    c = palette.colours
    tags = []
    if d.role == "envoy":
        tags.append(("ENVOY", c.envoy))
    elif not d.binding_authority:
        tags.append(("NOT BINDING", c.envoy))
    if bot:
        tags.append((f"BOT {bot}" if full else "BOT", c.bot))
    if you:
        tags.append(("YOU", c.accent))
    if turn:
        tags.append(("TURN", c.highlight))
    return tags


def _draw_tags(card, tags, pos: tuple[int, int], right: int, text: Text, px) -> int:
    x, y = pos
    for label, colour in tags:
        if x + tag_width(text, label) > right:
            break
        x = draw_tag(card, text, label, (x, y), colour).right + px(4)
    return x


def _shared_row(card, tags, capital: int, free: int, pos: tuple[int, int], width: int, text: Text,
                palette: Palette, px) -> None:
    """Draws the tags and "capital · free" on one row (no BOT tag: it would fit some cards and not
    others; the seat's public card says who plays it): tags go first from the least telling (YOU)
    until the words fit; the turn is also the card's thick yellow frame."""
    tags = list(tags)
    while True:
        used = sum(tag_width(text, label) + px(4) for label, _ in tags)
        words = capital_words(capital, free, width - used, text)
        if words is not None or not tags:
            break
        drop = next((t for t in tags if t[0] == "YOU"), tags[-1])
        tags.remove(drop)
    x = _draw_tags(card, tags, pos, pos[0] + width, text, px)
    words, size = words or (f"{capital} · {free}", smallest(text))
    text.blit(card, words, (x, pos[1] + 1), size, palette.colours.text)


def _capacity_lines(card, d, kinds: dict, short: dict, x: int, y: int, width: int, bottom: int, text: Text,
                    palette: Palette, px) -> None:
    """Lists free / total units by kind in two columns, as many rows as the card holds."""
    c = palette.colours
    column = width // 2
    step = px(16)
    rows = max(0, (bottom - y) // step)
    ordered = sorted(d.free.items(), key=lambda kv: list(kinds).index(kv[0]))
    if math.ceil(len(ordered) / 2) > rows:
        ordered = ordered[:max(0, 2 * rows)]
    for index, (kind, free) in enumerate(ordered):
        total = free + d.committed.get(kind, 0)
        colour = c.danger if kind in d.blocked else (c.text if free else c.faint)
        text.blit(card, f"{short[kind]} {free}/{total}", (x + (index % 2) * column, y + (index // 2) * step), 13,
                  colour, width=column - px(4))


def _signature_pips(card, d, priorities: tuple[str, ...], pos: tuple[int, int], size: int, width: int,
                    palette: Palette) -> None:
    """One square per priority: empty = not signed, filled = signed, half = with reservations
    (squares get narrower when eight priorities share a small card)."""
    c = palette.colours
    x, y = pos
    gap = 4 if len(priorities) * (size + 4) <= width else 2
    size = min(size, max(4, (width + gap) // max(1, len(priorities)) - gap))
    for pid in priorities:
        box = pygame.Rect(x, y, size, size)
        if pid in d.signed:
            if d.signed[pid]:
                pygame.draw.polygon(card, c.text, [box.topleft, box.bottomleft, box.topright])
            else:
                pygame.draw.rect(card, c.text, box)
        pygame.draw.rect(card, c.muted, box, 1)
        x += size + gap
