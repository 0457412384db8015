"""Small drawing helpers the table's draw_* functions share: tags, dashes, curves, arcs, ticks."""

import math

import pygame

from game.ui.palette import Colour
from game.ui.text import Text


def window_surface(size: tuple[int, int]) -> pygame.Surface:
    """Returns an opaque surface in the window's pixel format, made in that format (making a surface
    and then `convert()`ing it took 40 times as long here: a second buffer and a converting copy)."""
    return pygame.Surface(size, 0, pygame.display.get_surface())


def copy_source(size: tuple[int, int]) -> pygame.Surface:
    """Returns an opaque surface in the window's format that SDL copies from and to quickly at any x.

    SDL copies opaque pixels between surfaces whose rows all start on 16-byte boundaries with
    streaming stores, which are many times slower than a plain copy (`memcpy`) when the target's
    rows do not start on 64-byte boundaries (a blit at x = 8 took 5-18 times as long as at x = 0 or
    x = 9 here). This surface's rows are one pixel longer than it is wide, so SDL copies with `memcpy`."""
    width, height = size
    return window_surface((width + 1, height)).subsurface(pygame.Rect(0, 0, width, height))


def draw_tag(surface: pygame.Surface, text: Text, label: str, pos: tuple[int, int], colour: Colour,
             size: str | int = "tiny", filled: bool = True) -> pygame.Rect:
    """Draws a small rounded label ("ENVOY", "BOT") and returns its rect."""
    image = text.render(label, size, (15, 15, 15) if filled else colour, True)
    rect = image.get_rect(topleft=pos).inflate(10, 2)
    rect.topleft = pos
    if filled:
        pygame.draw.rect(surface, colour, rect, border_radius=rect.height // 2)
    else:
        pygame.draw.rect(surface, colour, rect, 2, border_radius=rect.height // 2)
    surface.blit(image, image.get_rect(center=rect.center))
    return rect


def tag_width(text: Text, label: str, size: str | int = "tiny") -> int:
    return text.width(label, size, True) + 10


def dashed_line(surface: pygame.Surface, colour: Colour, a: tuple[float, float], b: tuple[float, float],
                width: int = 2, dash: int = 10, gap: int = 7) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length < 1:
        return
    ux, uy = dx / length, dy / length
    pos = 0.0
    while pos < length:
        end = min(pos + dash, length)
        pygame.draw.line(surface, colour, (a[0] + ux * pos, a[1] + uy * pos), (a[0] + ux * end, a[1] + uy * end), width)
        pos = end + gap


def dashed_rect(surface: pygame.Surface, colour: Colour, rect: pygame.Rect, width: int = 2, dash: int = 9) -> None:
    corners = [rect.topleft, rect.topright, rect.bottomright, rect.bottomleft, rect.topleft]
    for a, b in zip(corners, corners[1:], strict=False):
        dashed_line(surface, colour, a, b, width, dash, dash - 3)


def curve_points(a: tuple[float, float], b: tuple[float, float], pull: tuple[float, float],
                 bend: float = 0.35, steps: int = 18) -> list[tuple[float, float]]:
    """Returns a quadratic curve from a to b bent toward `pull` (the table's centre)."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    cx, cy = mx + (pull[0] - mx) * bend, my + (pull[1] - my) * bend
    points = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        points.append((u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]))
    return points


def dashed_polyline(surface: pygame.Surface, colour: Colour, points: list, width: int = 2) -> None:
    for index, (a, b) in enumerate(zip(points, points[1:], strict=False)):
        if index % 2 == 0:
            pygame.draw.line(surface, colour, a, b, width)


def thick_arc(surface: pygame.Surface, colour: Colour, center: tuple[int, int], radius: int, width: int,
              start: float, stop: float) -> None:
    """Fills an arc band between angles (radians, counter-clockwise from east, y up)."""
    if stop - start < 0.01:
        return
    steps = max(2, int((stop - start) * radius / 6))
    outer, inner = [], []
    for i in range(steps + 1):
        a = start + (stop - start) * i / steps
        outer.append((center[0] + radius * math.cos(a), center[1] - radius * math.sin(a)))
        inner.append((center[0] + (radius - width) * math.cos(a), center[1] - (radius - width) * math.sin(a)))
    pygame.draw.polygon(surface, colour, outer + inner[::-1])


def draw_check(surface: pygame.Surface, rect: pygame.Rect, done: bool, colour: Colour, tick: Colour) -> None:
    """Draws a checkbox, ticked when done (a drawn tick: the font has no check-mark glyph)."""
    pygame.draw.rect(surface, colour, rect, 2, border_radius=3)
    if done:
        x, y, w, h = rect
        pygame.draw.lines(surface, tick, False, [(x + w * 0.2, y + h * 0.55), (x + w * 0.42, y + h * 0.78),
                                                 (x + w * 0.82, y + h * 0.24)], max(2, w // 6))
