"""The pygame table: setup, the hot-seat table with its facilitator panel, and the end screen.

The only package that imports pygame. It reads the engine through seat views and turns
input into engine actions in one place (`controller.py`); `draw_*` functions change nothing.
Importing this package does not import pygame, so callers can choose the drivers first.
"""

import os

__all__ = ["use_dummy_drivers"]


def use_dummy_drivers(force: bool = False) -> None:
    """Selects SDL's dummy video and audio drivers (headless runs, tests); call before pygame.init."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if force or not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
