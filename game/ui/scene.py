"""What the window asks of a screen: the one protocol the setup, table and end scenes satisfy.

`App` runs whichever scene is current through these five methods and the `dirty` flag, so
a new screen (a lobby, a hosted game's waiting room) is one class that satisfies it.
"""

from typing import Protocol, runtime_checkable

import pygame


@runtime_checkable
class Scene(Protocol):
    dirty: bool
    """True when the next frame must be drawn (set it to force a redraw, e.g. for a screenshot)."""

    def handle(self, event: pygame.event.Event) -> None:
        """Takes one pygame event (after pygame_gui has seen it)."""

    def update(self, dt: float) -> None:
        """Lets `dt` seconds pass: bots, clocks, timers; may switch the app to another scene."""

    def needs_draw(self) -> bool:
        """Returns True if the frame changed since the last draw."""

    def draw(self, surface: pygame.Surface) -> "list[pygame.Rect] | None":
        """Draws the frame on the window (pygame_gui's widgets are drawn over it by the app). Returns
        None when it drew all of it, or the rects it drew again; a scene that draws only what changed
        draws everything when `app.lost` moves (the window lost its pixels: a resize, a dialog)."""

    def resize(self, size: tuple[int, int]) -> None:
        """Lays the scene out again for a new window size."""
