"""Damaged rectangles: the parts of the window a frame drew again, so only those are copied and shown.

A frame that changed one seat card copies one card's pixels to the window instead of the
whole window; `pygame.display.update(rects)` then shows just those rects.
"""

import pygame

MOST = 8
"""More rects than this are joined into one: a few large copies beat many small ones."""


def merge_rects(rects, bounds: pygame.Rect | None = None, most: int = MOST) -> list[pygame.Rect]:
    """Returns the rects (clipped to `bounds`), overlapping ones joined into their union."""
    merged: list[pygame.Rect] = []
    for rect in rects:
        rect = rect.clip(bounds) if bounds is not None else pygame.Rect(rect)
        if rect.width <= 0 or rect.height <= 0:
            continue
        index = rect.collidelist(merged)
        while index != -1:
            rect.union_ip(merged.pop(index))
            index = rect.collidelist(merged)
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
