"""A suspended commitment stays on the table as a waiting line: made, but not counting now."""

import dataclasses

from game.ui.board import link_strokes
from game.ui.session import Screen
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver


def test_a_suspended_commitment_draws_a_waiting_line_not_a_firm_one():
    d = Driver((1280, 800))
    session = start_session(d.app, "paris-2026", 2, all_bots=True, pace="fast")
    d.app.show_table(session)
    scene = d.scene
    while not any(c.status == "active" and c.effective and c.condition == "" for c in session.screen().commitments):
        scene.controller._bot_step()
    screen = session.screen()
    firm = next(c for c in screen.commitments if c.status == "active" and c.effective and c.condition == "")
    only = tuple(c for c in screen.commitments if c.id == firm.id)
    renderer = scene.renderer

    def kinds(commitments) -> list[str]:
        view = dataclasses.replace(screen.view, public=dataclasses.replace(screen.view.public, commitments=commitments))
        shown = Screen(view, screen.viewer, screen.log, ())
        strokes = link_strokes(scene.layout, shown, renderer.board.ids, renderer.text, renderer.palette)
        return [s.kind for s in strokes]

    assert kinds(only) == ["firm"]
    suspended = (dataclasses.replace(firm, status="suspended", effective=False),)
    assert kinds(suspended) == ["waiting"]
    assert kinds((dataclasses.replace(firm, status="lapsed", effective=False),)) == []
