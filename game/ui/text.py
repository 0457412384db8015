"""Fonts and a cache of rendered text: rendering glyphs is the costliest part of a redraw.

Sizes are named (title, heading, body, small, tiny) in `assets/table.json` and scaled with
the window, so the table stays readable on a projector and in full screen.
"""

from collections import OrderedDict

import pygame

from game.ui.palette import Colour, Palette

FONT_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
# Glyphs the bundled Noto Sans lacks, as they appear in engine and scenario texts.
_SUBSTITUTES = str.maketrans({"→": "->", "←": "<-", "⇄": "<->", "✓": "v", "✗": "x", "◆": "*", "−": "-",
                              "★": "*", "⚠": "!"})


def printable(text: str) -> str:
    """Returns the text with glyphs the font lacks replaced by plain ones."""
    return text.translate(_SUBSTITUTES)


def _font_path(bold: bool) -> str | None:
    try:
        from importlib.resources import files

        return str(files("pygame_gui.data") / FONT_FILES[bold])
    except (ImportError, FileNotFoundError):  # fall back to pygame's bundled font
        return None


class Text:
    """Named font sizes, word wrapping and a bounded cache of rendered lines."""

    def __init__(self, palette: Palette, scale: float = 1.0, capacity: int = 3000):
        self.palette = palette
        self.scale = scale
        self.capacity = capacity
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._renders: OrderedDict = OrderedDict()
        self._wraps: OrderedDict = OrderedDict()
        self._widths: OrderedDict = OrderedDict()
        self._measures: OrderedDict = OrderedDict()

    def set_scale(self, scale: float) -> None:
        """Changes the type scale (after a resize); cached renders are dropped."""
        if scale != self.scale:
            self.scale = scale
            self._fonts.clear()
            self._renders.clear()
            self._wraps.clear()
            self._widths.clear()
            self._measures.clear()

    def px(self, size: str | int | float) -> int:
        """Returns the pixel size: a name ("body") or an int are sizes at 1280x800, scaled with the
        window like the pygame_gui theme; a float is an exact pixel size (badge letters)."""
        if isinstance(size, float):
            return max(8, round(size))
        base = size if isinstance(size, int) else self.palette.font_px[size]
        return max(9, round(base * self.scale))

    def font(self, size: str | int | float, bold: bool = False) -> pygame.font.Font:
        key = (self.px(size), bold)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pygame.font.Font(_font_path(bold), key[0])
        return font

    def render(self, text: str, size: str | int, colour: Colour, bold: bool = False) -> pygame.Surface:
        """Returns the rendered line, from the cache when it was drawn before."""
        key = (text, size, colour, bold)
        surface = self._renders.get(key)
        if surface is None:
            surface = self.font(size, bold).render(printable(text), True, colour)
            self._renders[key] = surface
            if len(self._renders) > self.capacity:
                self._renders.popitem(last=False)
        else:
            self._renders.move_to_end(key)
        return surface

    def width(self, text: str, size: str | int, bold: bool = False) -> int:
        key = (text, size, bold)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = self.font(size, bold).size(text)[0]
            if len(self._widths) > self.capacity:
                self._widths.popitem(last=False)
        return found

    def height(self, size: str | int, bold: bool = False) -> int:
        return self.font(size, bold).get_linesize()

    def fit(self, text: str, size: str | int, width: int, bold: bool = False) -> str:
        """Returns the text, shortened with an ellipsis to fit the width (cached)."""
        key = ("fit", text, size, width, bold)
        fitted = self._wraps.get(key)
        if fitted is None:
            fitted = self._wraps[key] = self._fit(text, size, width, bold)
            if len(self._wraps) > self.capacity:
                self._wraps.popitem(last=False)
        return fitted

    def remember(self, key: tuple, compute):
        """Returns compute(), kept under `key` until the type scale changes: for measurements
        made of several renders (a name fitted to a card), which are as costly as drawing."""
        found = self._measures.get(key, self)
        if found is self:
            found = self._measures[key] = compute()
            if len(self._measures) > self.capacity:
                self._measures.popitem(last=False)
        return found

    def _fit(self, text: str, size: str | int, width: int, bold: bool) -> str:
        font = self.font(size, bold)
        text = printable(text)
        if font.size(text)[0] <= width:
            return text
        low, high = 0, len(text)
        while low < high:
            mid = (low + high + 1) // 2
            if font.size(text[:mid].rstrip() + "…")[0] <= width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + "…"

    def shrink(self, text: str, size: str | int, width: int, bold: bool = False, smallest: int = 10) -> str | int | float:
        """Returns `size`, or the largest smaller pixel size (a float) at which the line fits the width
        (down to `smallest`, where `fit` then cuts it): a name shrinks before it is cut."""
        return self.remember(("shrink", text, size, width, bold, smallest),
                             lambda: self._shrink(text, size, width, bold, smallest))

    def _shrink(self, text: str, size: str | int, width: int, bold: bool, smallest: int) -> str | int | float:
        px = self.px(size)
        while px > smallest and self.font(float(px), bold).size(printable(text))[0] > width:
            px -= 1
        return size if px == self.px(size) else float(px)

    def wrap(self, text: str, size: str | int, width: int, bold: bool = False) -> list[str]:
        """Returns the text broken into lines no wider than `width` (cached)."""
        key = (text, size, width, bold)
        lines = self._wraps.get(key)
        if lines is None:
            lines = self._wraps[key] = self._wrap(text, size, width, bold)
            if len(self._wraps) > self.capacity:
                self._wraps.popitem(last=False)
        return lines

    def _wrap(self, text: str, size: str | int, width: int, bold: bool) -> list[str]:
        font = self.font(size, bold)
        text = printable(text)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width or not line:
                    line = candidate
                else:
                    lines.append(line)
                    line = word
            lines.append(self.fit(line, size, width, bold))
        return lines

    def blit(self, surface: pygame.Surface, text: str, pos: tuple[int, int], size: str | int,
             colour: Colour, bold: bool = False, anchor: str = "topleft", width: int | None = None) -> pygame.Rect:
        """Draws one line (shortened to `width` if given) and returns its rect."""
        if width is not None:
            text = self.fit(text, size, width, bold)
        image = self.render(text, size, colour, bold)
        rect = image.get_rect(**{anchor: pos})
        surface.blit(image, rect)
        return rect

    def blit_wrapped(self, surface: pygame.Surface, text: str, rect: pygame.Rect, size: str | int,
                     colour: Colour, bold: bool = False, max_lines: int | None = None) -> int:
        """Draws wrapped text inside rect; returns the y below the last line."""
        y = rect.top
        step = self.height(size, bold)
        lines = self.wrap(text, size, rect.width, bold)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines - 1] + [self.fit(lines[max_lines - 1] + " …", size, rect.width, bold)]
        for line in lines:
            if y + step > rect.bottom + step // 3:
                break
            surface.blit(self.render(line, size, colour, bold), (rect.left, y))
            y += step
        return y
