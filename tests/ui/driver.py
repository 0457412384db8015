"""Drives the table with real pygame events: clicks at layout positions, key presses, typing.

pygame_gui turns a click into a UI_BUTTON_PRESSED event on the *next* pass over the queue,
so every input is followed by a few frames with a fixed time step.
"""

import os

import numpy  # noqa: F401  (pygame.surfarray needs it; fail early and clearly if missing)
import pygame

from game.ui.app import App

DT = 1 / 30


def pixel_spread(surface: pygame.Surface, rect: pygame.Rect) -> float:
    """Returns the standard deviation of the region's pixel values: near 0 means blank."""
    import numpy as np

    region = pygame.surfarray.array3d(surface.subsurface(rect)).astype(float)
    return float(np.std(region))


def region_changed(before: pygame.Surface, after: pygame.Surface, rect: pygame.Rect) -> float:
    """Returns the mean absolute pixel difference of a region between two frames."""
    import numpy as np

    a = pygame.surfarray.array3d(before.subsurface(rect)).astype(float)
    b = pygame.surfarray.array3d(after.subsurface(rect)).astype(float)
    return float(np.mean(np.abs(a - b)))


class Driver:
    def __init__(self, size: tuple[int, int] = (1280, 800)):
        assert os.environ.get("SDL_VIDEODRIVER") == "dummy"
        self.app = App(size, fixed_dt=DT)

    @property
    def scene(self):
        return self.app.scene

    def frames(self, n: int = 3) -> None:
        for _ in range(n):
            self.app.frame(DT)

    def click(self, target) -> None:
        """Clicks the centre of a rect (or a point) with the left mouse button."""
        pos = target.center if isinstance(target, pygame.Rect) else target
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frames(3)

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
        self.frames(2)

    def type(self, text: str) -> None:
        for char in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.frames(2)

    def shot(self, path=None) -> pygame.Surface:
        """Returns a copy of the current frame (and saves it when a path is given)."""
        if path is not None:
            self.app.save_screenshot(path)
        else:
            self.app.scene.dirty = True
            self.app.frame(DT)
        return self.app.window.copy()

    def close(self) -> None:
        pygame.quit()
