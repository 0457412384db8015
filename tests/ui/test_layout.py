"""Geometry: seats never overlap and stay on screen, priorities lie on the table, at the sizes a
class uses (laptop, 1280x800 projector, full HD); the window resizes and keeps working."""

import itertools

import pygame
import pytest

from game.content.scenarios import load_scenario
from game.ui.layout import compute_layout
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, pixel_spread


def ids(scenario: str):
    s = load_scenario(scenario).scenario
    return (tuple(d.id for d in s.delegates), tuple(p.id for p in s.priorities), tuple(t.id for t in s.tracks))


@pytest.mark.parametrize("scenario", ["tutorial", "paris-2026"])
@pytest.mark.parametrize("size", [(1024, 640), (1280, 800), (1920, 1080)])
def test_seats_priorities_and_gauges_fit(scenario, size):
    seats, priorities, tracks = ids(scenario)
    layout = compute_layout(*size, seats, priorities, tracks)
    assert set(layout.seats) == set(seats)
    for a, b in itertools.combinations(layout.seats.values(), 2):
        assert not a.colliderect(b), f"seat cards overlap: {a} {b}"
    for rect in layout.seats.values():
        assert layout.centre.contains(rect)
    for rect in layout.priorities.values():
        assert layout.table.contains(rect) and rect.height >= 40
    for rect in layout.seats.values():
        assert not any(rect.colliderect(p) for p in layout.priorities.values())
    for rect in layout.tracks.values():
        assert layout.gauges.contains(rect)
    assert layout.log.height > 150


def test_resize_and_full_screen_keep_the_table_working(records):
    d = Driver()
    session = start_session(d.app, "paris-2026", 2, all_bots=True, pace="fast")
    d.app.show_table(session)
    d.frames(5)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=1000, size=(1600, 1000)))
    d.frames(5)
    assert d.app.size == (1600, 1000) and d.scene.layout.size == (1600, 1000)
    assert d.scene.layout.scale > 1.2
    shot = d.shot()
    assert shot.get_size() == (1600, 1000)
    assert pixel_spread(shot, d.scene.layout.table) > 10
    assert d.scene.button_rect("facilitator").right <= 1600
    d.key(pygame.K_F11)  # the dummy driver may refuse full screen: the table must survive either way
    d.frames(3)
    assert d.scene.layout.size == d.app.size
    d.close()
