"""draw_* functions for the table itself: seats, gauges and the lines between seats and priorities
(the priority blocks are in `priority_blocks.py`).

They read a `Screen` (the public table plus the revealed seat's own secrets) and change
nothing. The static parts are drawn once per window size; seat cards are rendered once
per change of that seat and then only blitted.
"""

import math

import pygame

from game.engine import Names
from game.ui.badges import draw_badge
from game.ui.drawing import (
    curve_points,
    dashed_line,
    dashed_polyline,
    dashed_rect,
    draw_tag,
    thick_arc,
)
from game.ui.layout import Layout
from game.ui.palette import Identity, Palette
from game.ui.session import Screen
from game.ui.text import Text


def draw_static(surface: pygame.Surface, layout: Layout, names: Names, track_ids: tuple[str, ...],
                text: Text, palette: Palette) -> None:
    """Draws what only changes with the window size: panels, the table, headings, dial faces."""
    c = palette.colours
    surface.fill(c.background)
    for rect in (layout.left, layout.right):
        pygame.draw.rect(surface, c.panel, rect)
        pygame.draw.line(surface, c.panel_edge, rect.topleft, rect.bottomleft if rect is layout.right else rect.topright, 2)
    pygame.draw.line(surface, c.panel_edge, layout.left.topright, layout.left.bottomright, 2)
    pygame.draw.rect(surface, c.panel, layout.top)
    pygame.draw.line(surface, c.panel_edge, layout.top.bottomleft, layout.top.bottomright, 2)
    pygame.draw.rect(surface, c.panel, layout.bar)
    felt = layout.table.inflate(-layout.px(4), -layout.px(4))
    pygame.draw.rect(surface, c.table, felt, border_radius=layout.px(40))
    pygame.draw.rect(surface, c.table_edge, felt, layout.px(3), border_radius=layout.px(40))
    pad = layout.px(10)
    text.blit(surface, "Tracks", (layout.gauges.left + pad, layout.gauges.top + layout.px(6)), "small", c.muted, True)
    text.blit(surface, "Log", (layout.log.left + pad, layout.log.top + layout.px(4)), "small", c.muted, True)
    pygame.draw.line(surface, c.panel_edge, (layout.log.left + pad, layout.log.top),
                     (layout.log.right - pad, layout.log.top), 1)
    for tid in track_ids:
        cell = layout.tracks[tid]
        center, radius = _dial(layout, cell)
        thick_arc(surface, c.gauge_empty, center, radius, layout.px(10), 0, math.pi)
        text.blit_wrapped(surface, names(tid), pygame.Rect(cell.left + pad // 2, center[1] + layout.px(8),
                                                           cell.width - pad, layout.px(36)), "tiny", c.muted,
                          max_lines=2)


def _dial(layout: Layout, cell: pygame.Rect) -> tuple[tuple[int, int], int]:
    radius = min(cell.width // 2 - layout.px(14), layout.px(40))
    return (cell.centerx, cell.top + radius + layout.px(6)), radius


def draw_gauges(surface: pygame.Surface, layout: Layout, screen: Screen, bounds: dict, text: Text,
                palette: Palette) -> None:
    """Draws each track as a dial: the filled arc and the value."""
    c = palette.colours
    for tid, value in screen.tracks.items():
        cell = layout.tracks.get(tid)
        if cell is None:
            continue
        low, high = bounds[tid]
        share = 0 if high == low else (value - low) / (high - low)
        center, radius = _dial(layout, cell)
        thick_arc(surface, c.gauge_fill, center, radius, layout.px(10), math.pi * (1 - share), math.pi)
        text.blit(surface, f"{value:g}", (center[0], center[1] + layout.px(2)), "heading", c.text, True,
                  anchor="midbottom")


def draw_links(surface: pygame.Surface, layout: Layout, screen: Screen, ids: dict[str, Identity],
               text: Text, palette: Palette, seats: frozenset[str] | None = None) -> None:
    """Draws commitments (one line per seat and priority, thicker for more units), agreed deals
    and the viewer's own open offers; with `seats`, only those delegations' lines."""
    c = palette.colours
    totals: dict[tuple[str, str], list[int]] = {}
    deals: dict[int, set[str]] = {}
    for cm in screen.commitments:
        if cm.status not in ("active", "pending") or (seats is not None and cm.delegate not in seats):
            continue
        slot = totals.setdefault((cm.delegate, cm.priority), [0, 0])
        slot[0 if cm.effective else 1] += cm.amount
        if cm.offer is not None:
            deals.setdefault(cm.offer, set()).add(cm.delegate)
    pull = layout.table.center
    for givers in deals.values():
        ordered = sorted(givers)
        for a, b in zip(ordered, ordered[1:], strict=False):
            pygame.draw.lines(surface, c.deal, False, curve_points(layout.anchor(a), layout.anchor(b), pull, 0.5), 1)
    order = {pid: i - (len(screen.priorities) - 1) / 2 for i, pid in enumerate(screen.priorities)}
    for (seat, pid), (firm, waiting) in totals.items():
        start = _spread(layout, seat, order[pid])
        end = layout.priority_point(pid, start)
        colour = ids[seat].colour
        if firm:
            pygame.draw.line(surface, colour, start, end, layout.px(2) + min(3, firm // 2))
        if waiting and not firm:
            dashed_line(surface, colour, start, end, layout.px(2))
        pygame.draw.circle(surface, colour, end, layout.px(4))
    for offer in screen.offers:
        if offer.status != "open":
            continue
        for party in offer.parties:
            points = curve_points(layout.anchor(offer.proposer), layout.anchor(party), pull, 0.25)
            dashed_polyline(surface, c.offer, points, layout.px(3))
            mid = points[len(points) // 2]
            text.blit(surface, f"#{offer.id}", (int(mid[0]), int(mid[1])), "tiny", c.offer, True, anchor="center")


def _spread(layout: Layout, seat: str, offset: float) -> tuple[int, int]:
    """Returns the seat's anchor moved along its edge, so lines to different priorities part."""
    x, y = layout.anchor(seat)
    step = layout.px(14) * offset
    return (round(x + step), y) if layout.sides[seat] in ("top", "bottom") else (x, round(y + step))


def render_seat_card(d, identity: Identity, size: tuple[int, int], *, turn: bool, you: bool, selected: bool,
                     full: bool, priorities: tuple[str, ...], kinds: dict, short_kinds: dict, bot: str, text: Text,
                     palette: Palette, scale: float) -> pygame.Surface:
    """Returns the card of one delegation (a DelegateView): who speaks for it, what it can still give."""
    c = palette.colours
    card = pygame.Surface(size, pygame.SRCALPHA)
    rect = card.get_rect()
    pygame.draw.rect(card, c.card_active if turn else c.card, rect, border_radius=8)
    edge = c.highlight if turn else (c.accent if selected else identity.colour)
    pygame.draw.rect(card, edge, rect, 5 if turn else 2, border_radius=8)
    if d.role == "envoy" or not d.binding_authority:
        dashed_rect(card, c.envoy, rect.inflate(-8, -8), 2)
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    radius = px(17 if full else 12)
    pad = px(6 if full else 5)
    draw_badge(card, identity, (pad + radius, pad + radius), radius, text)
    name_x = pad * 2 + radius * 2
    rep_y = pad + px(18 if full else 13)
    _name_lines(card, d, (name_x, pad - px(2)), rep_y, rect.width - name_x - pad, full, text, palette)
    y = max(pad + radius * 2 + px(3), rep_y + px(17))
    x = pad
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
    for label, colour in tags:
        x = draw_tag(card, text, label, (x, y), colour).right + px(4)
    if full:
        text.blit(card, d.title, (x, y), "tiny", c.faint, width=rect.width - x - pad)
    y += px(20)
    free_total = sum(d.free.values())
    text.blit(card, f"capital {d.capital} · free {free_total}", (pad, y - px(1)), "tiny", c.text,
              width=rect.width - 2 * pad)
    y += px(18)
    if full:
        y = _capacity_lines(card, d, kinds, short_kinds, pad, y, rect.width - 2 * pad, text, palette, px)
    size = px(10 if full else 9)
    _signature_pips(card, d, priorities, (pad, rect.height - pad - size), size, palette)
    return card


def _name_lines(card, d, pos: tuple[int, int], rep_y: int, width: int, full: bool, text: Text,
                palette: Palette) -> None:
    """Writes the delegation's name, then its principal (by surname on a small card). A name too
    long for one line takes the principal's line (the seat's public card names the principal); a
    long word shrinks the type
    down to 10 px, and a name that still does not fit drops its bracketed qualifier
    ("Estonia (for the Baltic states)" becomes "Estonia") before anything is cut."""
    c = palette.colours
    for name in dict.fromkeys((d.name, d.name.split(" (")[0])):
        size, lines = _fitted_name(name, "small" if full else "tiny", width, text)
        if lines is not None:
            break
    if lines is None:
        lines = text.wrap(name, size, width, bold=True)
    text.blit(card, lines[0], pos, size, c.text, True, width=width)
    if len(lines) == 1:
        rep = _short_person(d.representative, d.title, width, text)
        text.blit(card, rep, (pos[0], rep_y), text.shrink(rep, "tiny", width), c.muted, width=width)
    else:
        text.blit(card, " ".join(lines[1:]), (pos[0], rep_y), size, c.text, True, width=width)


def _short_person(name: str, title: str, width: int, text: Text) -> str:
    """Returns the principal's name for a small card: without a bracketed note, and a person's
    name ("Emmanuel Macron": capitalised words, none from the title) by surname when it does not fit."""
    name = name.split(" (")[0]
    words = name.split()
    person = 2 <= len(words) <= 3 and all(w[:1].isupper() and w not in title.split() for w in words)
    if text.width(name, "tiny") > width and person:
        return words[-1]
    return name


def _fitted_name(name: str, size: str, width: int, text: Text) -> tuple[str | float, list[str] | None]:
    """Returns the largest size (down to 10 px) at which the name fits two lines, and the lines;
    None for the lines if it never does."""
    current: str | float = size
    while True:
        lines = text.wrap(name, current, width, bold=True)
        if len(lines) <= 2 and not any(line.endswith("…") or text.width(line, current, True) > width
                                       for line in lines):
            return current, lines
        if text.px(current) <= 10:
            return current, None
        current = float(text.px(current) - 1)


def _capacity_lines(card, d, kinds: dict, short: dict, x: int, y: int, width: int, text: Text, palette: Palette, px) -> int:
    c = palette.colours
    column = width // 2
    for index, (kind, free) in enumerate(sorted(d.free.items(), key=lambda kv: list(kinds).index(kv[0]))):
        total = free + d.committed.get(kind, 0)
        label = f"{short[kind]} {free}/{total}"
        colour = c.danger if kind in d.blocked else (c.text if free else c.faint)
        text.blit(card, label, (x + (index % 2) * column, y + (index // 2) * px(16)), 13, colour,
                  width=column - px(4))
    return y + math.ceil(len(d.free) / 2) * px(16)


def _signature_pips(card, d, priorities: tuple[str, ...], pos: tuple[int, int], size: int, palette: Palette) -> None:
    """One square per priority: empty = not signed, filled = signed, half = with reservations."""
    c = palette.colours
    x, y = pos
    for pid in priorities:
        box = pygame.Rect(x, y, size, size)
        if pid in d.signed:
            if d.signed[pid]:
                pygame.draw.polygon(card, c.text, [box.topleft, box.bottomleft, box.topright])
            else:
                pygame.draw.rect(card, c.text, box)
        pygame.draw.rect(card, c.muted, box, 1)
        x += size + 4
