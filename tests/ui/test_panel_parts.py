"""The seat panel is laid from parts kept by what they show: kept parts must never show stale content.

Each check compares the panel as drawn (from parts kept over many frames) bit by bit with the panel
drawn afresh, every part dropped, after what changes it: seats acting and taking turns, a seat
selected again after its capacities changed, scrolling, a resize, a delegation's own desk.
"""

import pygame

from game.ui.setup_scene import start_session
from game.ui.table_view import Overlay, TableRenderer
from tests.ui.driver import Driver, region_changed


def _panel_as_from_scratch(d: Driver, label: str) -> None:
    """Checks the panel on the window against one drawn by a new renderer, which has kept nothing
    (the table's renderer keeps its parts, so stale ones would show later)."""
    scene, right = d.scene, d.scene.layout.right
    scene.dirty = True
    d.app.frame(1 / 30)
    fresh = TableRenderer(scene.session, d.app.text, d.app.palette, scene.ids)
    fresh.set_layout(scene.layout)
    fresh.panel_scroll = scene.renderer.panel_scroll
    canvas = pygame.Surface(d.app.size).convert()
    fresh.draw(canvas, scene.selected, Overlay(), scene.hint())
    diff = region_changed(d.app.window, canvas, right)
    assert diff == 0, f"{label}: the panel laid from kept parts differs from one drawn afresh ({diff:.4f})"


def _bots_table(seed: int = 2, size: tuple[int, int] = (1280, 800)) -> Driver:
    d = Driver(size)
    session = start_session(d.app, "paris-2026", seed, all_bots=True, pace="fast")
    d.app.show_table(session)
    d.frames(2)
    session.bots_halted = True  # the test moves the game on, one action at a time
    session.cards.clear()  # event cards would cover the table
    d.frames(1)
    return d


def _bot_acts(d: Driver) -> None:
    s = d.scene.session
    revision = s.revision
    while s.revision == revision and not s.game.over:
        d.scene.controller._bot_step()
    s.cards.clear()
    d.frames(1)


def test_the_turns_panel_stays_right_while_seats_act_and_come_back():
    d = _bots_table()
    parts = d.scene.renderer.parts
    for step in range(80):
        _bot_acts(d)
        _panel_as_from_scratch(d, f"after action {step}")
    assert parts.laid > 40, "the panel's unchanged parts are laid as kept, not drawn again"
    d.close()


def test_a_seat_selected_again_shows_what_changed_meanwhile():
    d = _bots_table(3)
    s, layout = d.scene.session, d.scene.layout
    seen: dict[str, object] = {}
    for _ in range(60):
        seat = s.game.turn_seat
        d.click(layout.seats[seat])  # its card is up, then the turn's panel again
        assert d.scene.selected == seat
        seen[seat] = s.screen().delegates[seat]
        d.click(layout.seats[seat])
        _bot_acts(d)
        _bot_acts(d)
        changed = [other for other, view in seen.items() if s.screen().delegates[other] != view]
        if changed:
            d.click(layout.seats[changed[0]])
            assert d.scene.selected == changed[0]
            _panel_as_from_scratch(d, f"{changed[0]} selected again after it changed")
            return
    raise AssertionError("no seat selected earlier changed within 60 turns")


def test_scrolling_and_resizing_lay_the_panel_afresh():
    d = _bots_table(4)
    for _ in range(30):
        _bot_acts(d)
    right = d.scene.layout.right
    pygame.mouse.set_pos(right.center)
    for wheel in (-3, 3):  # down, then back up to the parts kept
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=wheel, flipped=False))
        d.frames(2)
        _panel_as_from_scratch(d, f"scrolled by {wheel}")
    for size in ((1024, 700), (1280, 800), (1290, 806)):  # the last: the panel as high, but wider
        d.app.resize(size)
        d.frames(2)
        _panel_as_from_scratch(d, f"resized to {size}")
        _bot_acts(d)
        _panel_as_from_scratch(d, f"an action at {size}")
    d.close()


def test_a_delegations_own_desk_stays_right_turn_after_turn():
    d = Driver((1280, 800))
    session = start_session(d.app, "paris-2026", 5, pace="fast")  # the core seats are human
    d.app.show_table(session)
    d.frames(2)
    checked = 0
    for _ in range(400):
        session.cards.clear()
        turn = session.game.turn_seat
        if turn is not None and not session.is_bot(turn):
            if session.curtain_for is not None:
                d.key(pygame.K_RETURN)
                continue
            _panel_as_from_scratch(d, f"{turn}'s desk")
            checked += 1
            d.scene.controller.pass_turn()
        else:
            d.scene.controller._bot_step()
        d.frames(1)
        if checked >= 4:
            break
    assert checked >= 4, "four human turns came"
    d.close()


def test_a_seats_panel_shows_its_new_political_capital():
    from game.model.actions import InjectEvent

    d = _bots_table(6)
    s, layout = d.scene.session, d.scene.layout
    parts = d.scene.renderer.parts
    for _ in range(5):  # the UK's card up, down, up...: drawn unchanged often enough to be kept
        d.click(layout.seats["uk"])
    assert d.scene.selected == "uk" and parts.laid > 0
    laid = parts.laid
    before = s.screen().delegates["uk"].capital
    assert s.game.apply(InjectEvent("commons_vote")).ok  # gives the UK 1 political capital
    s.changed()
    s.cards.clear()
    d.frames(1)
    assert s.screen().delegates["uk"].capital == before + 1
    _panel_as_from_scratch(d, "the UK after its capital rose")
    assert parts.laid > laid, "its unchanged parts (capacities, signatures) were laid as kept"
    d.close()
