"""Every player action by keyboard alone, and the facilitator panel: clock, pause, undo, injects,
track overrides, handing seats over, save and load."""

import pygame
import pytest

from game.content.records import load_game
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, pixel_spread

HOT_SEAT = {"fr": "human", "uk": "human", "de": "cautious", "us": "cooperative"}


@pytest.fixture
def table(records):
    d = Driver()
    session = start_session(d.app, "tutorial", 7, controllers=dict(HOT_SEAT))
    d.app.show_table(session)
    d.frames(2)
    d.key(pygame.K_RETURN)  # the event card
    d.key(pygame.K_RETURN)  # the curtain
    assert session.viewer == "fr"
    yield d
    d.close()


def kinds_in_log(session, seat):
    return [e.kind for e in session.game.view(seat).log]


def test_every_action_by_keyboard(table):
    d, s = table, table.scene.session
    d.key(pygame.K_s)  # sign: the first clause, with reservations
    d.key(pygame.K_r)
    assert s.game.view("fr").delegates["fr"].signed == {"monitoring": True}
    d.key(pygame.K_p)  # pledge France's third kind (funding); the form opened on a priority it can advance
    d.key(pygame.K_3)
    toward = d.scene.form.values["priority"]
    assert s.game.view("fr").contribution.get(("funding", toward), 0) > 0
    d.key(pygame.K_RETURN)
    assert [(c.kind, c.priority) for c in s.game.view("fr").commitments] == [("funding", toward)]
    assert s.game.turn_seat == "uk" and s.curtain_for == "uk"
    d.key(pygame.K_RETURN)
    # the UK composes an offer by keyboard: Down/Up pick a row, Left/Right or 1-9 a choice, Space toggles
    d.key(pygame.K_o)
    form = d.scene.form
    d.key(pygame.K_SPACE)  # "Offer to": the first other seat, France
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)  # "Gives": the UK's first kind, troops
    d.key(pygame.K_RIGHT)  # monitoring assets
    d.key(pygame.K_RETURN)  # add the item
    d.key(pygame.K_UP)  # "Who gives"
    d.key(pygame.K_RIGHT)  # France
    d.key(pygame.K_DOWN)
    d.key(pygame.K_3)  # France's third kind: funding
    assert form.values["giver"] == "fr" and form.values["kind"] == "funding"
    d.key(pygame.K_RETURN)
    assert [(i.giver, i.kind_id) for i in form.model.items] == [("uk", "monitoring_assets"), ("fr", "funding")]
    d.key(pygame.K_RETURN, pygame.KMOD_CTRL)  # send
    assert form.closed and s.game.view("uk").offers[0].parties == ("fr",), (form.model.items, s.notice)
    d.key(pygame.K_p)  # pledge troops toward Force
    d.key(pygame.K_DOWN)
    d.key(pygame.K_2)
    d.key(pygame.K_RETURN)
    assert any(c.delegate == "uk" and c.kind == "troops" for c in s.game.view("uk").commitments)
    # the bots play; France's turn comes back behind the curtain
    for _ in range(300):
        if s.curtain_for == "fr":
            break
        d.frames(1)
        s.cards.clear()
    d.key(pygame.K_RETURN)
    assert s.viewer == "fr" and s.my_turn()
    d.key(pygame.K_i)
    d.key(pygame.K_c)  # counter: the composer opens with the offer's items
    form = d.scene.form
    assert d.scene.form_name == "offer" and len(form.model.items) == 2
    d.key(pygame.K_BACKSPACE)  # drop France's funding: the UK's item stays
    d.key(pygame.K_DOWN)  # "Gives" (France's kinds): monitoring assets instead
    d.key(pygame.K_2)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN, pygame.KMOD_CTRL)
    assert "TradeCountered" in kinds_in_log(s, "fr"), s.notice
    d.key(pygame.K_w)  # withdraw France's funding pledge
    d.key(pygame.K_RETURN)
    assert "PledgeWithdrawn" in kinds_in_log(s, "fr"), s.notice
    assert s.curtain_for == "uk" or s.game.turn_seat != "fr"
    for _ in range(300):
        if s.curtain_for == "uk":
            break
        d.frames(1)
        s.cards.clear()
    d.key(pygame.K_RETURN)
    d.key(pygame.K_a)  # the UK asks the Commons for a troops mandate
    d.key(pygame.K_RETURN)
    assert "ApprovalSought" in kinds_in_log(s, "uk"), s.notice
    d.key(pygame.K_e)
    assert kinds_in_log(s, "uk")[kinds_in_log(s, "uk").index("ApprovalSought") + 1] == "Passed"


def test_keys_do_nothing_to_the_game_when_it_is_not_your_turn(table):
    d, s = table, table.scene.session
    d.key(pygame.K_e)  # France passes
    assert s.curtain_for == "uk"
    actions = len(s.game.actions)
    d.key(pygame.K_p)
    assert s.notice.bad and len(s.game.actions) == actions and d.scene.form is None


def test_facilitator_pause_clock_undo_inject_adjust_hand_over_save_load(table):
    d, s = table, table.scene.session
    scene = d.scene
    start = s.clock.remaining
    d.frames(30)
    assert s.clock.remaining < start - 0.9
    d.key(pygame.K_p)
    d.key(pygame.K_RETURN)  # France pledges troops to the first priority... refused: troops do not advance it
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_e)  # France passes: one action to undo
    assert s.game.turn_seat == "uk"
    done = len(s.game.actions)

    d.key(pygame.K_f)
    panel = scene.form
    assert scene.form_name == "facilitator"
    d.click(panel.button_rect("pause"))
    assert s.screen().paused and "PAUSED" in {k[0] for k in d.app.text._renders}
    frozen = s.clock.remaining
    d.frames(20)
    assert s.clock.remaining == frozen, "the phase clock stops while paused"
    d.click(panel.button_rect("undo"))
    assert s.game.turn_seat == "fr" and s.screen().paused
    assert len(s.game.actions) == done  # the pass is gone, the pause is kept
    d.click(panel.button_rect("extend"))
    assert s.clock.limit == 150 + 60
    d.click(panel.button_rect("pause"))  # resume
    assert not s.screen().paused

    d.click(panel.spinner_rect("event", +1))
    event = panel.values["event"]
    d.click(panel.button_rect("inject"))
    assert s.game.view("facilitator").log[-1].kind in ("EventInjected", "MessageSent", "TrackMoved") or \
        event in s.screen().events_fired
    assert s.cards and s.cards[-1].injected

    d.click(panel.chip_rect("track", "cohesion"))
    d.click(panel.chip_rect("by", -1.0))
    d.click(panel.button_rect("adjust"))
    assert s.notice.bad and "reason" in s.notice.text.lower()
    d.click(panel.entry("reason").rect)
    d.type("walkout threat")
    d.click(panel.button_rect("adjust"))
    assert s.screen().tracks["cohesion"] == 5

    d.click(panel.spinner_rect("audience", +1))  # to the first delegation only
    audience = panel.values["audience"]
    d.click(panel.entry("announcement").rect)
    d.type("Moscow: talks are off")
    d.click(panel.button_rect("announce"))
    said = s.game.log[-1]
    assert said.kind == "MessageSent" and said.text == "Moscow: talks are off" and said.visible_to == (audience,)

    d.click(panel.chip_rect("seat", "uk"))
    d.click(panel.chip_rect("controller", "negotiator"))
    d.click(panel.button_rect("hand"))
    assert s.game.controller("uk") == "negotiator"


    d.click(panel.button_rect("save"))
    saved = s.last_record
    assert saved is not None and saved.exists()
    assert load_game(saved).log[-1].text == s.game.log[-1].text
    d.click(panel.button_rect("close"))
    assert scene.form is None or scene.form.closed
    d.key(pygame.K_z, pygame.KMOD_CTRL)  # undo the hand-over, then load the record that has it
    assert s.game.controller("uk") == "human"
    d.key(pygame.K_f)
    panel = scene.form
    assert panel.entry("path").get_text() == str(saved), "the last record is offered for loading"
    d.click(panel.button_rect("load"))
    d.key(pygame.K_RETURN)  # the game is in progress: the table asks first
    assert s.game.controller("uk") == "negotiator" and s.screen().tracks["cohesion"] == 5
    shot = d.shot()
    assert pixel_spread(shot, panel.rect) > 8
