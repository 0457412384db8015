"""Where everything goes, computed from the window size and the number of seats.

Tests click at positions taken from here, so layout is the single source of geometry.
Delegations sit around the table clockwise, top row first; the priorities lie on the
table between them, so a commitment is a short line from a seat to a priority.
"""

import math
from dataclasses import dataclass, field

import pygame

BASE_W, BASE_H = 1280, 800


def ui_scale(width: int, height: int) -> float:
    return max(0.75, min(2.5, min(width / BASE_W, height / BASE_H)))


@dataclass
class Layout:
    size: tuple[int, int]
    scale: float
    top: pygame.Rect
    left: pygame.Rect
    gauges: pygame.Rect
    log: pygame.Rect
    centre: pygame.Rect
    table: pygame.Rect
    right: pygame.Rect
    message: pygame.Rect
    bar: pygame.Rect
    seats: dict[str, pygame.Rect] = field(default_factory=dict)
    sides: dict[str, str] = field(default_factory=dict)
    priorities: dict[str, pygame.Rect] = field(default_factory=dict)
    tracks: dict[str, pygame.Rect] = field(default_factory=dict)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    @property
    def full_cards(self) -> bool:
        """True when seat cards are tall enough to list capacities by kind."""
        return bool(self.seats) and next(iter(self.seats.values())).height >= self.px(120)

    def anchor(self, seat: str) -> tuple[int, int]:
        """Returns the middle of the seat card's edge that faces the table."""
        rect = self.seats[seat]
        return {"top": rect.midbottom, "bottom": rect.midtop, "left": rect.midright,
                "right": rect.midleft}[self.sides[seat]]

    def priority_point(self, priority: str, toward: tuple[int, int]) -> tuple[int, int]:
        """Returns the point of the priority's block nearest to `toward`."""
        rect = self.priorities[priority]
        x = min(max(toward[0], rect.left + 6), rect.right - 6)
        y = min(max(toward[1], rect.top), rect.bottom)
        return x, y

    def seat_at(self, pos: tuple[int, int]) -> str | None:
        for seat, rect in self.seats.items():
            if rect.collidepoint(pos):
                return seat
        return None

    def curtain_button(self) -> pygame.Rect:
        rect = pygame.Rect(0, 0, self.px(620), self.px(86))
        rect.center = (self.size[0] // 2, self.size[1] // 2 + self.px(70))
        return rect


def compute_layout(width: int, height: int, seats: tuple[str, ...], priorities: tuple[str, ...],
                   tracks: tuple[str, ...]) -> Layout:
    """Returns the layout of the table screen for a window size."""
    s = ui_scale(width, height)

    def px(v: float) -> int:
        return max(1, round(v * s))

    many = len(seats) > 10
    top = pygame.Rect(0, 0, width, px(56))
    bar = pygame.Rect(0, height - px(60), width, px(60))
    message = pygame.Rect(0, bar.top - px(44), width, px(44))
    body = pygame.Rect(0, top.bottom, width, message.top - top.bottom)
    crowded = len(seats) > 20  # the table needs the width more than the panels do
    left_w, right_w = (236, 264) if crowded else (262, 300) if many else (290, 330)
    left = pygame.Rect(0, body.top, px(left_w), body.height)
    right = pygame.Rect(width - px(right_w), body.top, px(right_w), body.height)
    centre = pygame.Rect(left.right, body.top, right.left - left.right, body.height)
    rows = math.ceil(len(tracks) / 2)
    gauges = pygame.Rect(left.left, left.top, left.width, px(34) + rows * px(96))
    log = pygame.Rect(left.left, gauges.bottom, left.width, left.bottom - gauges.bottom)
    layout = Layout((width, height), s, top, left, gauges, log, centre, centre.copy(), right, message, bar)
    _seat_ring(layout, seats, len(priorities))
    _priority_blocks(layout, priorities)
    _gauge_cells(layout, tracks)
    return layout


CARD_MAX = ((4, 250, 146), (6, 210, 124), (10, 170, 104), (99, 150, 104))
"""The largest card (at 1280x800) for up to N seats: few delegations get big cards."""
ASPECT = 1.25
"""A card is laid out for about this width per unit of height."""


def _card_max(n: int) -> tuple[float, float]:
    return next((w, h) for most, w, h in CARD_MAX if n <= most)


@dataclass(frozen=True)
class Ring:
    """One way to seat n delegations: cards per top row and per side, and the card size."""

    counts: dict
    width: int
    height: int

    @property
    def score(self) -> tuple[float, int]:
        return min(self.width, self.height * ASPECT), self.width * self.height


def ring_options(n: int, inner: pygame.Rect, gap: int, largest: tuple[int, int], smallest_table: tuple[int, int]):
    """Yields every way to seat n cards around the edge of `inner` that leaves the priorities at
    least `smallest_table` (width, height) in the middle."""
    for k in range(1, max(1, math.ceil(n / 2)) + 1):
        if n <= 2 * k:
            counts = {"top": math.ceil(n / 2), "right": 0, "bottom": n // 2, "left": 0}
        else:
            rest = n - 2 * k
            counts = {"top": k, "right": rest // 2, "bottom": k, "left": rest - rest // 2}
        across, down = counts["top"], 2 + counts["left"]
        width = min(largest[0], (inner.width - (across - 1) * gap) // across)
        height = min(largest[1], (inner.height - (down - 1) * gap) // down)
        table_w = inner.width - (2 * (width + gap) if counts["left"] else 0)
        table_h = inner.height - 2 * (height + gap)
        if width > 0 and height > 0 and table_w >= smallest_table[0] and table_h >= smallest_table[1]:
            yield Ring(counts, width, height)


def _seat_ring(layout: Layout, seats: tuple[str, ...], priorities: int) -> None:
    """Seats the delegations: of every arrangement, the one whose cards are largest (in the
    card's proportions), keeping room in the middle for the priority blocks."""
    n = len(seats)
    gap = layout.px(6)
    inner = layout.centre.inflate(-2 * layout.px(8), -2 * layout.px(8))
    if not n:
        layout.table = inner
        return
    largest = tuple(layout.px(v) for v in _card_max(n))
    if priorities > 4:  # two columns of blocks (see `_priority_blocks`)
        smallest_table = (layout.px(424), math.ceil(priorities / 2) * layout.px(80) + layout.px(24))
    else:
        smallest_table = (min(inner.width // 2, layout.px(300)), priorities * layout.px(64) + layout.px(24))
    options = list(ring_options(n, inner, gap, largest, smallest_table)) or list(
        ring_options(n, inner, gap, largest, (0, 0)))
    ring = max(options, key=lambda r: r.score)
    counts, cw, ch = ring.counts, ring.width, ring.height
    order = iter(seats)

    def spread(count: int, start: int, stop: int, size: int) -> list[int]:
        if count == 1:
            return [(start + stop - size) // 2]
        span = count * size * 1.8  # few cards: keep them near the middle of the edge
        if span < stop - start:
            pad = (stop - start - span) / 2
            start, stop = int(start + pad), int(stop - pad)
        step = (stop - start - size) / (count - 1)
        return [round(start + i * step) for i in range(count)]

    places = []
    places += [("top", x, inner.top) for x in spread(counts["top"], inner.left, inner.right, cw)]
    side_top, side_bottom = inner.top + ch + gap, inner.bottom - ch - gap
    places += [("right", inner.right - cw, y) for y in spread(counts["right"], side_top, side_bottom, ch)]
    places += [("bottom", x, inner.bottom - ch)
               for x in reversed(spread(counts["bottom"], inner.left, inner.right, cw))]
    places += [("left", inner.left, y) for y in reversed(spread(counts["left"], side_top, side_bottom, ch))]
    for (side, x, y), seat in zip(places, order, strict=False):
        layout.seats[seat] = pygame.Rect(x, y, cw, ch)
        layout.sides[seat] = side
    left_edge = inner.left + (cw + gap if counts["left"] else 0)
    right_edge = inner.right - (cw + gap if counts["right"] else 0)
    top_edge = inner.top + ch + gap
    bottom_edge = inner.bottom - (ch + gap if counts["bottom"] else 0)
    layout.table = pygame.Rect(left_edge, top_edge, right_edge - left_edge, bottom_edge - top_edge)


def _priority_blocks(layout: Layout, priorities: tuple[str, ...]) -> None:
    """Lays the priority blocks down the table; when they would be too short to say what they
    miss, in two columns (the first column first, in the scenario's order)."""
    table = layout.table
    pad, gap = layout.px(8), layout.px(6)
    n = max(1, len(priorities))
    one_column = (table.height - 2 * pad - (n - 1) * gap) // n
    columns = 2 if n > 3 and one_column < layout.px(76) and table.width - 2 * pad >= 2 * layout.px(200) + gap else 1
    rows = math.ceil(n / columns)
    block_h = min(layout.px(104), (table.height - 2 * pad - (rows - 1) * gap) // rows)
    block_w = min((table.width - 2 * pad - (columns - 1) * gap) // columns, layout.px(560))
    left = table.centerx - (columns * block_w + (columns - 1) * gap) // 2
    top = table.centery - (rows * block_h + (rows - 1) * gap) // 2
    for index, pid in enumerate(priorities):
        column, row = divmod(index, rows)
        layout.priorities[pid] = pygame.Rect(left + column * (block_w + gap), top + row * (block_h + gap),
                                             block_w, block_h)


def _gauge_cells(layout: Layout, tracks: tuple[str, ...]) -> None:
    area = layout.gauges
    cell_w = area.width // 2
    cell_h = layout.px(96)
    for index, tid in enumerate(tracks):
        row, col = divmod(index, 2)
        layout.tracks[tid] = pygame.Rect(area.left + col * cell_w, area.top + layout.px(34) + row * cell_h,
                                         cell_w, cell_h)
