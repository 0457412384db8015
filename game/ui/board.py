"""draw_* functions for the table itself: gauges and the lines between seats and priorities
(the seat cards are in `seat_card.py`, the priority blocks in `priority_blocks.py`). Lines are
first listed as `Stroke`s with their boxes, so a frame redraws only where they changed.

They read a `Screen` (the public table plus the revealed seat's own secrets) and change
nothing. The static parts are drawn once per window size.
"""

import math
from dataclasses import dataclass

import pygame

from game.engine import Names
from game.ui.drawing import curve_points, dashed_line, dashed_polyline, thick_arc
from game.ui.layout import Layout
from game.ui.palette import Colour, Identity, Palette
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


@dataclass(frozen=True)
class Stroke:
    """One mark of the commitment lines, with the box it may colour: comparing the strokes of two
    frames tells which parts of the table changed (see `board_layer.py`)."""

    kind: str
    """One of: deal (a curve between the givers of an agreed deal); firm, waiting or dot (a seat's
    units for a priority: a solid or dashed line ending in a dot); offer (a dashed curve, numbered)."""
    colour: Colour
    width: int
    points: tuple
    label: str = ""
    boxes: tuple = ()
    """Boxes (x, y, w, h) that together hold every pixel the stroke colours."""


def link_strokes(layout: Layout, screen: Screen, ids: dict[str, Identity], text: Text, palette: Palette,
                 seats: frozenset[str] | None = None, memo: dict | None = None) -> tuple[Stroke, ...]:
    """Returns commitments (one line per seat and priority, thicker for more units; a commitment that
    does not count now, pending, conditional or suspended, draws a waiting line), agreed deals and
    the viewer's own open offers, in drawing order; with `seats`, only those delegations' lines.
    `memo` keeps strokes already placed for this layout (placing them is most of the cost)."""
    memo = {} if memo is None else memo
    totals: dict[tuple[str, str], list[int]] = {}
    deals: dict[int, set[str]] = {}
    for cm in screen.commitments:
        if cm.status not in ("active", "pending", "suspended") or (seats is not None and cm.delegate not in seats):
            continue
        slot = totals.setdefault((cm.delegate, cm.priority), [0, 0])
        slot[0 if cm.effective else 1] += cm.amount
        if cm.offer is not None:
            deals.setdefault(cm.offer, set()).add(cm.delegate)
    strokes = []
    for givers in deals.values():
        ordered = sorted(givers)
        for a, b in zip(ordered, ordered[1:], strict=False):
            strokes.append(_placed(memo, ("deal", a, b), layout, screen, ids, text, palette))
    for (seat, pid), (firm, waiting) in totals.items():
        kind = "firm" if firm else "waiting" if waiting else "dot"
        width = layout.px(2) + min(3, firm // 2) if firm else layout.px(2)
        strokes.append(_placed(memo, (kind, seat, pid, width), layout, screen, ids, text, palette))
    for offer in screen.offers:
        if offer.status != "open":
            continue
        for party in offer.parties:
            strokes.append(_placed(memo, ("offer", offer.proposer, party, offer.id), layout, screen, ids, text, palette))
    return tuple(strokes)


def _placed(memo: dict, key: tuple, layout: Layout, screen: Screen, ids: dict[str, Identity], text: Text,
            palette: Palette) -> Stroke:
    stroke = memo.get(key)
    if stroke is None:
        stroke = memo[key] = _place(key, layout, screen, ids, text, palette)
    return stroke


def _place(key: tuple, layout: Layout, screen: Screen, ids: dict[str, Identity], text: Text,
           palette: Palette) -> Stroke:
    """Returns the stroke a key names, placed on the layout."""
    c = palette.colours
    pull = layout.table.center
    kind, a, b = key[:3]
    if kind == "deal":
        return _stroke("deal", c.deal, 1, curve_points(layout.anchor(a), layout.anchor(b), pull, 0.5))
    if kind == "offer":
        points = curve_points(layout.anchor(a), layout.anchor(b), pull, 0.25)
        label = f"#{key[3]}"
        mid = points[len(points) // 2]
        box = text.render(label, "tiny", c.offer, True).get_rect(center=(int(mid[0]), int(mid[1])))
        return _stroke("offer", c.offer, layout.px(3), tuple(points), label, box)
    order = list(screen.priorities).index(b) - (len(screen.priorities) - 1) / 2
    start = _spread(layout, a, order)
    end = layout.priority_point(b, start)
    dot = layout.px(4)
    box = pygame.Rect(end[0] - dot, end[1] - dot, 2 * dot + 1, 2 * dot + 1)
    return _stroke(kind, ids[a].colour, key[3], (start, end), extra=box)


PIECE = 48
"""A line's damage is boxed piece by piece, about this many pixels long: a long diagonal's one box
would cover half the table."""


def _stroke(kind: str, colour: Colour, width: int, points, label: str = "", extra: pygame.Rect | None = None) -> Stroke:
    margin = width + 2  # a thick line spreads about half its width each side; round generously
    boxes = [_box(piece, margin) for piece in _pieces(list(points))]
    if extra is not None:
        boxes.append(extra.inflate(2, 2))
    return Stroke(kind, colour, width, tuple(points), label, tuple(tuple(box) for box in boxes))


def _pieces(points: list) -> list[list]:
    """Returns the polyline cut into runs about PIECE pixels long (a straight line is cut too)."""
    dense = [points[0]]
    for a, b in zip(points, points[1:], strict=False):
        steps = max(1, math.ceil(math.hypot(b[0] - a[0], b[1] - a[1]) / PIECE))
        dense += [(a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps) for i in range(1, steps + 1)]
    pieces, run, length = [], [dense[0]], 0.0
    for a, b in zip(dense, dense[1:], strict=False):
        run.append(b)
        length += math.hypot(b[0] - a[0], b[1] - a[1])
        if length >= PIECE:
            pieces.append(run)
            run, length = [b], 0.0
    if len(run) > 1 or not pieces:
        pieces.append(run)
    return pieces


def _box(points: list, margin: int) -> pygame.Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    left, top = math.floor(min(xs)) - margin, math.floor(min(ys)) - margin
    return pygame.Rect(left, top, math.ceil(max(xs)) + margin + 1 - left, math.ceil(max(ys)) + margin + 1 - top)


def draw_strokes(surface: pygame.Surface, strokes, layout: Layout, text: Text, palette: Palette) -> None:
    """Draws the strokes in order (each within the surface's clip, if one is set)."""
    dot = layout.px(4)
    for stroke in strokes:
        if stroke.kind == "deal":
            pygame.draw.lines(surface, stroke.colour, False, stroke.points, 1)
        elif stroke.kind == "offer":
            dashed_polyline(surface, stroke.colour, list(stroke.points), stroke.width)
            mid = stroke.points[len(stroke.points) // 2]
            text.blit(surface, stroke.label, (int(mid[0]), int(mid[1])), "tiny", stroke.colour, True, anchor="center")
        else:
            start, end = stroke.points
            if stroke.kind == "firm":
                pygame.draw.line(surface, stroke.colour, start, end, stroke.width)
            elif stroke.kind == "waiting":
                dashed_line(surface, stroke.colour, start, end, stroke.width)
            pygame.draw.circle(surface, stroke.colour, end, dot)


def draw_links(surface: pygame.Surface, layout: Layout, screen: Screen, ids: dict[str, Identity],
               text: Text, palette: Palette, seats: frozenset[str] | None = None) -> None:
    """Draws the commitment lines (see `link_strokes`)."""
    draw_strokes(surface, link_strokes(layout, screen, ids, text, palette, seats), layout, text, palette)


def _spread(layout: Layout, seat: str, offset: float) -> tuple[int, int]:
    """Returns the seat's anchor moved along its edge, so lines to different priorities part."""
    x, y = layout.anchor(seat)
    step = layout.px(14) * offset
    return (round(x + step), y) if layout.sides[seat] in ("top", "bottom") else (x, round(y + step))
