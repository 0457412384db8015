"""The seat panel's parts, kept rendered by what each shows: a change renders only the parts it touches.

A panel is a list of parts drawn one below the other, each (everything it shows, a function drawing it).
A part is drawn once on a scratch surface filled with the panel's colour and kept with that colour as
its colour key: laid on the panel, it copies exactly the pixels its text and marks drew, so the panel
looks as if drawn there. A part is found again by its key, so the key must hold all that its function reads;
keys start with the part's name and whose it is (a seat, a priority), and the rest is compared by value.
"""

from collections import OrderedDict
from collections.abc import Callable

import pygame

from game.ui.palette import Colour

Part = tuple[tuple, Callable[[pygame.Surface], int]]
"""(everything the part shows, a function drawing it from the top left of a surface and returning its height)."""

SPILL = 64
"""Rows below a part's height that its last line's descenders may reach."""
VARIANTS = 2
"""Renderings kept of one part (one seat's capacities before and after a pledge)."""
SIGHTINGS = 3
"""A part is rendered to be kept when it is drawn this many times unchanged: rendering one costs as much
as drawing it two or three times, and most parts that change (a seat's capacities) are drawn once or twice."""


class PanelParts:
    def __init__(self, background: Colour, capacity: int = 96):
        self.background = background
        self.capacity = capacity
        """Parts kept at most (three for each of the Paris table's 24 seats, and some)."""
        self.kept: OrderedDict[tuple, list[list]] = OrderedDict()
        """(part name, whose) -> [[key, the part rendered or None, its height, times drawn]], newest first;
        the least recently used come first. Keys hold views' dicts, so they are compared, not hashed."""
        self.scratch: pygame.Surface | None = None
        self.scratch_used = 0
        """Rows of the scratch surface drawn on since it was last cleared."""
        self.nowhere: pygame.Surface | None = None
        """Where a part below the panel's bottom is drawn, to measure it."""
        self.renders = 0
        """Parts rendered to be kept so far (tests count re-renders with it)."""
        self.laid = 0
        """Parts laid on the panel as kept so far."""

    def set_size(self, width: int, most: int) -> None:
        """Sets the panel's width and the tallest a part may be (after a resize); every part goes."""
        if self.scratch is None or self.scratch.get_size() != (width, most):
            # rows of whole cache lines (16 pixels): SDL fills and copies those many times faster
            self.scratch = pygame.Surface((-(-width // 16) * 16, most)).convert().subsurface(0, 0, width, most)
            self.scratch.fill(self.background)
            self.scratch_used = 0
            self.nowhere = pygame.Surface((width, 1))
        self.forget()

    def forget(self) -> None:
        """Drops every part kept: the next panel drawn renders all its parts afresh."""
        self.kept.clear()

    def draw(self, canvas: pygame.Surface, area: pygame.Rect, parts: list[Part]) -> int:
        """Lays the parts one below the other on `canvas` from the top of `area` (within the canvas's
        clip); returns their height together. A part is drawn straight on the canvas until it has been
        drawn SIGHTINGS times unchanged; then it is rendered, kept and laid."""
        y = area.top
        for key, draw in parts:
            found = self._find(key)
            if found is None:
                found = [key, None, 0, 0]
                self._remember(found)
            found[3] += 1
            if found[1] is None and found[3] >= SIGHTINGS:
                found[1], found[2] = self._render(draw)
            if found[1] is not None:
                canvas.blit(found[1], (area.left, y))
                self.laid += 1
            else:
                found[2] = draw(self._room(canvas, area, y))
            y += found[2]
        return y - area.top

    def _room(self, canvas: pygame.Surface, area: pygame.Rect, y: int) -> pygame.Surface:
        """Returns the canvas from `y` down to the area's bottom, clipped as the canvas is."""
        if y >= area.bottom:
            return self.nowhere
        room = pygame.Rect(area.left, y, area.width, area.bottom - y)
        out = canvas.subsurface(room)
        out.set_clip(canvas.get_clip().clip(room).move(-room.left, -room.top))
        return out

    def _find(self, key: tuple) -> list | None:
        variants = self.kept.get(key[:2])
        if variants is None:
            return None
        self.kept.move_to_end(key[:2])
        for index, found in enumerate(variants):
            if found[0] == key:  # views share unchanged parts, so this mostly compares by identity
                variants.insert(0, variants.pop(index))
                return found
        return None

    def _remember(self, found: list) -> None:
        variants = self.kept.setdefault(found[0][:2], [])
        self.kept.move_to_end(found[0][:2])
        variants.insert(0, found)
        del variants[VARIANTS:]
        if len(self.kept) > self.capacity:
            self.kept.popitem(last=False)

    def _render(self, draw: Callable[[pygame.Surface], int]) -> tuple[pygame.Surface, int]:
        scratch = self.scratch
        width, most = scratch.get_size()
        scratch.fill(self.background, pygame.Rect(0, 0, width, self.scratch_used))
        height = draw(scratch)
        rows = max(1, min(most, height + SPILL))
        self.scratch_used = rows
        surface = pygame.Surface((-(-width // 16) * 16, rows), 0, scratch)
        surface.blit(scratch, (0, 0), pygame.Rect(0, 0, width, rows))
        surface.set_colorkey(self.background, pygame.RLEACCEL)  # laying it on copies only what was drawn
        self.renders += 1
        return surface, height


def draw_parts(out: pygame.Surface, parts: list[Part]) -> int:
    """Draws the parts one below the other from the top of `out`, as they are (nothing kept); returns
    their height together (parts starting below `out` are not drawn)."""
    y = 0
    width, most = out.get_size()
    for _key, draw in parts:
        if y >= most:
            break
        y += draw(out.subsurface(pygame.Rect(0, y, width, most - y)))
    return y
