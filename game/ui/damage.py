"""Damaged rectangles: the parts of the window a frame drew again, so only those are copied and shown.

A frame that changed one seat card copies one card's pixels to the window instead of the
whole window; `pygame.display.update(rects)` then shows just those rects.
"""

import pygame

MOST = 24
"""More rects than this are joined into one: a few large copies beat many small ones."""
SLACK = 1.3
"""Two rects are joined when their union is at most this much larger than the two apart."""


def merge_rects(rects, bounds: pygame.Rect | None = None, most: int = MOST) -> list[pygame.Rect]:
    """Returns the rects (clipped to `bounds`), those close enough joined into their union. Rects may
    still overlap: whoever draws them draws each whole, from the bottom up."""
    merged: list[pygame.Rect] = []
    for rect in rects:
        rect = rect.clip(bounds) if bounds is not None else pygame.Rect(rect)
        if rect.width <= 0 or rect.height <= 0:
            continue
        joined = True
        while joined:
            joined = False
            area = rect.width * rect.height
            for index, other in enumerate(merged):
                union = rect.union(other)
                if other.contains(rect) or union.width * union.height <= SLACK * (area + other.width * other.height):
                    rect = union
                    del merged[index]
                    joined = True
                    break
        merged.append(rect)
    if len(merged) > most:
        return [merged[0].unionall(merged[1:])]
    return merged


def outermost(rects) -> list[pygame.Rect]:
    """Returns the rects not inside another one (the widgets of a form lie inside its panel)."""
    kept: list[pygame.Rect] = []
    for rect in sorted(rects, key=lambda r: r.width * r.height, reverse=True):
        if not any(big.contains(rect) for big in kept):
            kept.append(rect)
    return kept
