"""The seat panel's parts, kept as drawn by what each shows: a change draws again only the parts it touches.

A panel is a list of parts drawn one below the other, each (everything it shows, a function drawing it).
A part is drawn straight on the window; drawn again unchanged, the pixels of its rows are copied aside
afterwards, and from then on laid back instead of drawn. Parts draw nothing outside their own rows (a
line's descenders end above the height it returns), so those rows hold exactly the panel's background
and the part. A part is found again by its key, so the key must hold all that its function reads; keys
start with the part's name and whose it is (a seat, a priority), and the rest is compared by value.
"""

from collections import OrderedDict
from collections.abc import Callable

import pygame

from game.ui.drawing import copy_source

Part = tuple[tuple, Callable[[pygame.Surface], int]]
"""(everything the part shows, a function drawing it from the top left of a surface and returning its height)."""

VARIANTS = 2
"""Copies kept of one part (one seat's capacities before and after a pledge)."""
SIGHTINGS = 2
"""A part is copied aside when it is drawn this many times unchanged: most parts that change (a seat's
capacities) are drawn once, and a copy costs about half a drawing."""


class PanelParts:
    def __init__(self, capacity: int = 96):
        self.capacity = capacity
        """Parts kept at most (three for each of the Paris table's 24 seats, and some)."""
        self.kept: OrderedDict[tuple, list[list]] = OrderedDict()
        """(part name, whose) -> [[key, the part's pixels or None, its height, times drawn, y copied at]],
        newest first; the least recently used come first. Keys hold views' dicts: compared, not hashed."""
        self.nowhere = pygame.Surface((1, 1))
        """Where a part below the panel's bottom is drawn, to measure it."""
        self.renders = 0
        """Parts copied aside so far (tests count re-renders with it)."""
        self.laid = 0
        """Parts shown without drawing them again so far: laid back, or left as they are on the window."""
        self.tops: list[int] = []
        """Where each part of the panel drawn last begins, from the panel's top."""

    def forget(self) -> None:
        """Drops every part kept (after a resize, the panel's place and background change)."""
        self.kept.clear()

    def draw(self, canvas: pygame.Surface, area: pygame.Rect, parts: list[Part]) -> int:
        """Draws the parts one below the other on `canvas` (over the panel's background, within its clip)
        from the top of `area`; returns their height together. A part is drawn straight on the canvas
        until it has been drawn SIGHTINGS times unchanged; then its pixels are kept and laid back."""
        y, clip = area.top, canvas.get_clip()
        self.tops = []
        for key, draw in parts:
            self.tops.append(y - area.top)
            found = self._find(key)
            if found is None:
                found = [key, None, 0, 0, None]
                self._remember(found)
            elif found[3] and not clip.colliderect((area.left, y, area.width, found[2])):
                y += found[2]  # drawn before, so its height is known: nothing of it shows in the clip
                self.laid += 1
                continue
            found[3] += 1
            if found[1] is not None and found[4] == y:
                canvas.blit(found[1], (area.left, y))
                self.laid += 1
            else:
                found[2] = draw(self._room(canvas, area, y))
                if found[3] >= SIGHTINGS:
                    found[1], found[4] = self._copy(canvas, pygame.Rect(area.left, y, area.width, found[2]).clip(area)), y
            y += found[2]
        return y - area.top

    def changed_from(self, before: tuple, now: tuple) -> int | None:
        """Returns where the panel drawn last (from the parts keyed `before`) first differs from the one
        keyed `now`, from the panel's top (None if unknown: everything may differ)."""
        if len(before) != len(self.tops):
            return None
        for index, (old, new) in enumerate(zip(before, now, strict=False)):
            if old != new:
                return self.tops[index]
        return self.tops[len(now)] if len(now) < len(before) else None

    def _room(self, canvas: pygame.Surface, area: pygame.Rect, y: int) -> pygame.Surface:
        """Returns the canvas from `y` down to the area's bottom, clipped as the canvas is."""
        if y >= area.bottom:
            if self.nowhere.get_width() != area.width:
                self.nowhere = pygame.Surface((area.width, 1))
            return self.nowhere
        room = pygame.Rect(area.left, y, area.width, area.bottom - y)
        out = canvas.subsurface(room)
        out.set_clip(canvas.get_clip().clip(room).move(-room.left, -room.top))
        return out

    def _copy(self, canvas: pygame.Surface, rows: pygame.Rect) -> pygame.Surface | None:
        """Returns a copy of the part just drawn in `rows` (None if the canvas's clip hid some of it)."""
        if not rows.height or not canvas.get_clip().contains(rows):
            return None
        kept = copy_source(rows.size)
        kept.blit(canvas, (0, 0), rows)
        self.renders += 1
        return kept

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
