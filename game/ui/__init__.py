"""The pygame table: setup, the hot-seat table with its facilitator panel, and the end screen.

The only package that imports pygame. It reads the engine through seat views and turns
input into engine actions in one place (`controller.py`); `draw_*` functions change nothing.
Importing this package does not import pygame, so callers can choose the drivers first.
"""

import os

__all__ = ["use_dummy_drivers"]


def use_dummy_drivers(force: bool = False) -> None:
    """Selects SDL's dummy video driver when there is no display (headless runs, tests), and
    always the dummy audio driver unless the user chose one: the table makes no sound, and
    SDL's real audio drivers fill stderr with ALSA errors on machines without a sound card.
    Call before pygame.init."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    if force or not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
