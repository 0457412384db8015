"""The table redraws only what changed, and what it redraws is right.

Caching bugs show as stale pixels, so each check compares the frame drawn bit by bit with
a frame drawn from scratch (every cache dropped), and counts the cards and blocks rendered.
"""

import pygame
import pytest

from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, region_changed


def _redrawn_from_scratch(d: Driver) -> pygame.Surface:
    """Returns the frame as drawn with every cache dropped and the window drawn whole."""
    renderer, s = d.scene.renderer, d.scene.session
    renderer.forget()
    scroll, renderer.log.seen = renderer.log.scroll, ()
    renderer.log.sync(s.screen().log, d.scene.layout.log.width - 16, s.viewer)  # every line rendered again
    renderer.log.scroll = scroll
    d.app.whole = True
    d.scene.dirty = True
    d.app.frame(1 / 30)
    return d.app.window.copy()


def _same_as_from_scratch(d: Driver, label: str) -> None:
    d.scene.dirty = True
    d.app.frame(1 / 30)
    kept = d.app.window.copy()
    fresh = _redrawn_from_scratch(d)
    diff = region_changed(kept, fresh, kept.get_rect())
    assert diff == 0, f"{label}: the frame drawn bit by bit differs from one drawn afresh ({diff:.4f})"


def _bots_table(seed: int = 2) -> Driver:
    d = Driver((1280, 800))
    session = start_session(d.app, "paris-2026", seed, all_bots=True, pace="fast")
    d.app.show_table(session)
    return d


def _play(d: Driver, frames: int) -> None:
    for _ in range(frames):
        d.frames(1)
        d.scene.session.cards.clear()  # event cards would cover the table


def _bot_acts(d: Driver) -> None:
    revision = d.scene.session.revision
    while d.scene.session.revision == revision:
        d.scene.controller._bot_step()
    d.scene.session.cards.clear()


def test_a_bot_game_drawn_bit_by_bit_matches_a_fresh_drawing():
    d = _bots_table()
    for _ in range(4):
        _play(d, 40)
        _same_as_from_scratch(d, "mid-game")
    d.close()


def test_an_unchanged_frame_renders_no_card_and_draws_nothing():
    d = _bots_table()
    _play(d, 60)
    d.scene.session.bots_halted = True
    d.frames(2)
    board = d.scene.renderer.board
    renders = board.renders
    d.scene.dirty = True  # e.g. the mouse moved over the table: the frame is drawn, nothing changed
    drawn = d.scene.draw(d.app.window)
    assert drawn == [], f"nothing changed, yet {drawn} was drawn"
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(640, 400), rel=(1, 0), buttons=(0, 0, 0)))
    d.frames(3)
    assert board.renders == renders, "a still table rendered cards or blocks again"
    d.close()


def test_an_action_redraws_the_regions_that_show_it_and_only_those_cards():
    d = _bots_table()
    _play(d, 60)
    s, layout = d.scene.session, d.scene.layout
    s.bots_halted = True
    d.frames(2)
    before = d.app.window.copy()
    seat = s.game.turn_seat
    renders = d.scene.renderer.board.renders
    _bot_acts(d)
    d.frames(1)
    after = d.app.window.copy()
    assert region_changed(before, after, layout.top) > 0, "the top bar says whose turn it is and what is left"
    assert region_changed(before, after, layout.log) > 0, "the log shows the new entry"
    if s.game.turn_seat != seat:
        assert region_changed(before, after, layout.seats[seat]) > 0, "the card that had the turn loses its frame"
    rendered = d.scene.renderer.board.renders - renders
    assert 1 <= rendered <= 6, f"one action re-rendered {rendered} cards and blocks (of {len(layout.seats) + 5})"
    _same_as_from_scratch(d, "after a bot's action")
    d.close()


def test_a_pledge_by_a_human_redraws_its_card_block_and_lines():
    d = Driver((1280, 800))
    controllers = {seat: "cautious" for seat in ("fr", "uk", "de", "us")}
    controllers["fr"] = "human"
    session = start_session(d.app, "tutorial", 3, controllers=controllers, pace="fast")
    d.app.show_table(session)
    d.frames(2)
    session.cards.clear()
    for _ in range(200):
        if session.my_turn():
            break
        d.frames(1)
        session.cards.clear()
    assert session.my_turn(), "France's turn comes"
    d.frames(2)
    before = d.app.window.copy()
    pledge = next(a for a in session.game.legal_actions("fr") if type(a).__name__ == "Pledge")
    assert d.scene.controller.act(pledge)
    d.frames(2)
    after = d.app.window.copy()
    layout = d.scene.layout
    assert region_changed(before, after, layout.seats["fr"]) > 0, "France's card shows what it has left"
    assert region_changed(before, after, layout.priorities[pledge.priority]) > 0, "the block shows the progress"
    _same_as_from_scratch(d, "after a human's pledge")
    d.close()


@pytest.mark.parametrize("step", ["select", "priority", "lines", "help", "log", "panel", "facilitator", "pause"])
def test_what_the_player_opens_and_closes_is_drawn_as_from_scratch(step):
    d = _bots_table(3)
    _play(d, 90)
    layout = d.scene.layout
    seat = sorted(layout.seats)[2]
    if step == "select":
        d.click(layout.seats[seat])
        _play(d, 20)
    elif step == "priority":
        d.click(next(iter(layout.priorities.values())).move(0, layout.px(20)).midleft)
        _play(d, 20)
    elif step == "lines":
        d.key(pygame.K_l)
        _play(d, 20)
    elif step == "help":
        d.key(pygame.K_h)
        _play(d, 20)
        _same_as_from_scratch(d, "help up")
        d.key(pygame.K_h)
    elif step in ("log", "panel"):
        where = layout.log.center if step == "log" else layout.right.center
        pygame.mouse.set_pos(where)
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=3 if step == "log" else -3, flipped=False))
        _play(d, 20)
    elif step in ("facilitator", "pause"):
        d.key(pygame.K_f)
        _play(d, 10)
        if step == "pause":
            d.key(pygame.K_SPACE)
        _same_as_from_scratch(d, "facilitator panel up")
        d.key(pygame.K_ESCAPE)
        _play(d, 10)
    _same_as_from_scratch(d, step)
    d.close()


def test_the_curtain_and_an_event_card_come_and_go_cleanly():
    d = Driver((1280, 800))
    session = start_session(d.app, "paris-2026", 4, pace="fast")  # the core seats are human
    d.app.show_table(session)
    d.frames(2)
    assert session.card() is not None or session.curtain_for is not None
    _same_as_from_scratch(d, "card or curtain")
    for _ in range(3):
        d.key(pygame.K_RETURN)
        _same_as_from_scratch(d, "after Enter")
    d.close()


def test_an_overlay_redraws_only_what_it_covers_and_uncovers():
    d = _bots_table()
    _play(d, 60)
    d.scene.session.bots_halted = True
    d.frames(2)
    renderer, drawn = d.scene.renderer, []
    draw = renderer.draw

    def spy(*args, **kwargs):
        rects = draw(*args, **kwargs)
        drawn.append(rects)
        return rects

    renderer.draw = spy
    layout = d.scene.layout
    for _ in range(2):  # the keys help comes, then goes
        drawn.clear()
        d.key(pygame.K_h)
        area = sum(rect.width * rect.height for rects in drawn for rect in rects)
        assert 0 < area < layout.centre.width * layout.centre.height, "the help lies over the table only"
        assert all(layout.centre.contains(rect) for rects in drawn for rect in rects)
    renderer.draw = draw
    _same_as_from_scratch(d, "help gone")
    d.close()


def test_a_button_whose_text_changes_without_input_is_drawn_again():
    d = _bots_table()
    _play(d, 10)
    d.scene.session.bots_halted = True
    d.frames(2)
    button = d.scene.buttons["inbox"]
    before = d.app.window.copy()
    button.set_text("Inbox (I) · 7")  # what the bar does when an offer arrives while nobody touches anything
    d.frames(3)  # pygame_gui redraws the label in place a frame or two later
    d.scene.dirty = True  # the next change of the table, elsewhere
    d.frames(1)
    assert region_changed(before, d.app.window, button.rect) > 0, "the new label is on screen"
    d.close()
