"""Colours, type sizes, bot paces and seat identities, read from `assets/table.json`.

Themes are data: changing the look means editing the JSON, not this module. Each seat
gets an Okabe-Ito colour *and* a shape *and* letters, so colour is never the only cue.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from game.content.data_dirs import assets_dir
from game.engine import badge_letters

Colour = tuple[int, int, int]


def hex_rgb(text: str) -> Colour:
    """Returns (r, g, b) for "#rrggbb"."""
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def ink_for(colour: Colour) -> Colour:
    """Returns black or white, whichever reads better on the colour."""
    r, g, b = colour
    return (15, 15, 15) if 0.299 * r + 0.587 * g + 0.114 * b > 140 else (250, 250, 250)


@dataclass(frozen=True)
class Identity:
    """How a delegation is recognised everywhere on screen."""

    seat: str
    colour: Colour
    ink: Colour
    shape: str
    letters: str


@dataclass(frozen=True)
class Palette:
    colours: SimpleNamespace
    seat_colours: tuple[Colour, ...]
    seat_shapes: tuple[str, ...]
    font_px: dict[str, int]
    pace_seconds: dict[str, float]
    event_card_seconds: float

    def status_colour(self, status: str) -> Colour:
        return getattr(self.colours, f"status_{status}", self.colours.muted)


def theme_path() -> Path:
    """Returns the pygame_gui theme file."""
    return assets_dir() / "theme.json"


@lru_cache(maxsize=4)
def load_palette(path: str | None = None) -> Palette:
    """Reads the table theme (by default `assets/table.json`)."""
    data = json.loads(Path(path or assets_dir() / "table.json").read_text(encoding="utf-8"))
    colours = SimpleNamespace(**{k: hex_rgb(v) for k, v in data["colours"].items()})
    return Palette(colours, tuple(hex_rgb(c) for c in data["seat_colours"]), tuple(data["seat_shapes"]),
                   dict(data["font_px"]), dict(data["bot_pace_seconds"]), float(data["event_card_seconds"]))


def identities(seats: tuple[str, ...] | list[str], palette: Palette,
               badges: Mapping[str, str] | None = None) -> dict[str, Identity]:
    """Returns a distinct (colour, shape, letters) per seat; pairs repeat only after 56 seats.
    The letters are the scenario's badge labels (`Names.badges`) when given, else from the id."""
    found = {}
    used: set[tuple] = set()
    colours, shapes = palette.seat_colours, palette.seat_shapes
    for index, seat in enumerate(seats):
        colour = colours[index % len(colours)]
        letters = badges[seat] if badges and seat in badges else badge_letters(seat)
        shape = shapes[index % len(shapes)]
        if len(letters) > 2 and shape in NARROW_SHAPES:  # NATO does not fit in a triangle
            roomy = [shapes[(index + k) % len(shapes)] for k in range(1, len(shapes))]
            shape = next((x for x in roomy if x not in NARROW_SHAPES and (colour, x) not in used), shape)
        used.add((colour, shape))
        found[seat] = Identity(seat, colour, ink_for(colour), shape, letters)
    return found


NARROW_SHAPES = frozenset({"triangle", "star"})
