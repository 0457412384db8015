"""draw_* functions for the table itself: gauges and the lines between seats and priorities
(the seat cards are in `seat_card.py`, the priority blocks in `priority_blocks.py`).

They read a `Screen` (the public table plus the revealed seat's own secrets) and change
nothing. The static parts are drawn once per window size.
"""

import math

import pygame

from game.engine import Names
from game.ui.drawing import curve_points, dashed_line, dashed_polyline, thick_arc
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
        label = pygame.Rect(cell.left + pad // 2, center[1] + layout.px(8), cell.width - pad, layout.px(36))
        text.blit_wrapped(surface, names(tid), label, _label_size(names(tid), label.width, text), c.muted,
                          max_lines=2)


def _label_size(label: str, width: int, text: Text) -> str | float:
    """Returns "tiny", or the largest smaller size (down to 10 px) at which the label fits two lines."""
    size: str | float = "tiny"
    while text.px(size) > 10 and (len(lines := text.wrap(label, size, width)) > 2 or lines[-1].endswith("…")):
        size = float(text.px(size) - 1)
    return size


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
