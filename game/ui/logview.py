"""The scrollable log panel: entries wrapped and rendered once, then only blitted.

Entries arrive in order and the log only grows (undo and load start it afresh), so
new entries are appended to the cache instead of re-rendering the whole log.
"""

import pygame

from game.engine import ENTRY_KINDS
from game.ui.badges import draw_badge
from game.ui.palette import Identity, Palette
from game.ui.text import Text

_COLOUR = {
    "event": "highlight", "good": "ok", "signal": "accent", "bad": "danger", "facilitator": "bot",
    "bookkeeping": "muted", "quiet": "faint", "neutral": "text", "minor": "text",
}
"""The palette colour of each tone the engine declares for its entry kinds."""
SIZE = "small"
"""16 px at 1280x800: read from the back of a classroom."""


class LogPanel:
    def __init__(self, text: Text, palette: Palette, ids: dict[str, Identity]):
        self.text, self.palette, self.ids = text, palette, ids
        self.rows: list[tuple[pygame.Surface | None, str | None, bool]] = []
        """(line image, actor seat for a badge on the first line, round separator)."""
        self.seen: tuple = ()
        self.width = 0
        self.scroll = 0
        """Pixels scrolled up from the newest entry."""
        self.version = 0
        """Counts the changes to the cached lines: the table redraws the log when it moves."""

    def sync(self, log: tuple, width: int, viewer: str | None) -> bool:
        """Brings the cached lines up to date with the log; returns True if anything changed."""
        first = log[0].seq if log else 0
        key = (viewer, first, width)
        fresh = not (self.seen and self.seen[0] == key and self.seen[1] <= len(log))
        if fresh:
            self.rows, start, self.scroll = [], 0, 0
        else:
            start = self.seen[1]
            if start == len(log):
                return False
        last_round = self.seen[2] if self.seen and start else 0
        for entry in log[start:]:
            if entry.round != last_round:
                last_round = entry.round
                self.rows.append((self.text.render(f"Round {entry.round}", SIZE, self.palette.colours.faint, True), None, True))
            self._add(entry, width)
        self.seen = (key, len(log), last_round)
        self.version += 1
        return True

    def _add(self, entry, width: int) -> None:
        c = self.palette.colours
        declared = ENTRY_KINDS.get(entry.kind)
        colour = getattr(c, _COLOUR[declared.tone] if declared else "text")
        if entry.visible_to is not None:
            colour = c.accent
        body = entry.text + (" (private)" if entry.visible_to is not None else "")
        lines = self.text.wrap(body, SIZE, width - 26)
        actor = entry.actor if entry.actor in self.ids else None
        for index, line in enumerate(lines):
            self.rows.append((self.text.render(line, SIZE, colour), actor if index == 0 else None, False))

    def scroll_by(self, pixels: int, view_height: int) -> None:
        total = len(self.rows) * self.text.height(SIZE)
        self.scroll = max(0, min(max(0, total - view_height), self.scroll + pixels))

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Draws the newest lines that fit (or older ones when scrolled up) inside rect."""
        step = self.text.height(SIZE)
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip))
        y = rect.bottom - step + self.scroll
        for image, actor, separator in reversed(self.rows):
            if y < rect.top:
                break
            if y + step <= rect.bottom + 2:
                x = rect.left + 22
                if separator:
                    pygame.draw.line(surface, self.palette.colours.panel_edge, (rect.left, y + step // 2),
                                     (rect.right, y + step // 2), 1)
                    x = rect.left + 8
                elif actor:
                    draw_badge(surface, self.ids[actor], (rect.left + 9, y + step // 2), 7, None, letters=False)
                surface.blit(image, (x, y))
            y -= step
        surface.set_clip(clip)
        if self.scroll:
            self.text.blit(surface, "scrolled up: End for newest", (rect.right - 4, rect.top), 12,
                           self.palette.colours.accent, anchor="topright")
