"""Delegation badges drawn with pygame: a coloured shape with letters (no downloaded art).

Shape, colour and letters together identify a seat, so the table reads in greyscale and
for colour-blind players too.
"""

import math

import pygame

from game.ui.palette import Identity
from game.ui.text import Text

OUTLINE = (12, 12, 12)


def _polygon(center: tuple[float, float], radius: float, sides: int, turn: float = -math.pi / 2) -> list:
    cx, cy = center
    return [(cx + radius * math.cos(turn + 2 * math.pi * i / sides),
             cy + radius * math.sin(turn + 2 * math.pi * i / sides)) for i in range(sides)]


def _star(center: tuple[float, float], radius: float) -> list:
    cx, cy = center
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.5
        a = -math.pi / 2 + math.pi * i / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def shape_points(shape: str, center: tuple[float, float], radius: float) -> list | None:
    """Returns the outline of a badge shape, or None for a circle."""
    if shape == "circle":
        return None
    if shape == "square":
        r = radius * 0.86
        cx, cy = center
        return [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    if shape == "triangle":
        return _polygon((center[0], center[1] + radius * 0.2), radius * 1.15, 3)
    if shape == "diamond":
        return _polygon(center, radius * 1.1, 4, 0)
    if shape == "pentagon":
        return _polygon(center, radius * 1.02, 5)
    if shape == "hexagon":
        return _polygon(center, radius, 6, 0)
    return _star(center, radius * 1.2)


def draw_badge(surface: pygame.Surface, identity: Identity, center: tuple[int, int], radius: int,
               text: Text | None = None, letters: bool = True) -> None:
    """Draws the seat's badge centred at `center`."""
    points = shape_points(identity.shape, center, radius)
    if points is None:
        pygame.draw.circle(surface, identity.colour, center, radius)
        pygame.draw.circle(surface, OUTLINE, center, radius, 2)
    else:
        pygame.draw.polygon(surface, identity.colour, points)
        pygame.draw.polygon(surface, OUTLINE, points, 2)
    if letters and text is not None and radius >= 9:
        shrink = 0.78 if identity.shape in ("triangle", "star") else 1.0
        size = max(9.0, radius * (0.95 if len(identity.letters) <= 2 else 0.62) * shrink)  # exact pixels
        label = text.render(identity.letters, size, identity.ink, True)
        room = radius * (0.85 if identity.shape in ("triangle", "star") else 1.6)  # width inside the shape
        if label.get_width() > room:  # four letters (NATO) in a triangle: smaller, never clipped
            label = text.render(identity.letters, max(6.0, size * room / label.get_width()), identity.ink, True)
        offset = radius * 0.22 if identity.shape == "triangle" else 0
        surface.blit(label, label.get_rect(center=(center[0], center[1] + offset)))
