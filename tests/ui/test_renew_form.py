"""Renewing at the table: the renew form lists only the renewals the engine offers, says what a
renewal costs and when each commitment lapses, and its button applies `renew`. Driven with real
pygame events on the tutorial with a term on funding; the screenshots are looked at."""

import time

import pygame
import pytest
from pygame_gui.elements import UIButton, UILabel

from game.content.scenarios import load_scenario
from game.model.actions import Pass, Pledge, Renew
from game.net.remote_game import RemoteGame
from game.ui.forms import SEAT_FORMS, RenewForm
from game.ui.inputs import KEYS, PLAYER_COMMANDS
from game.ui.remote_scene import open_hosted
from game.ui.session import Session
from game.ui.setup_scene import start_session
from tests.net.browsing import browser_host
from tests.termed import termed_scenario
from tests.ui.driver import Driver, pixel_spread


@pytest.fixture
def table(tmp_path):
    """Every seat human; France has pledged 2 billion euros of funding (term 2) in round 1."""
    loaded = load_scenario(termed_scenario(tmp_path))
    d = Driver()
    session = start_session(d.app, loaded, 3, controllers={x.id: "human" for x in loaded.scenario.delegates},
                            pace="instant")
    d.app.show_table(session)
    d.frames(2)
    assert session.game.apply(Pledge("fr", "funding", 2, "monitoring")).ok
    session.changed()
    yield d, session
    d.close()


def _to_frances_turn(d: Driver, session, round_: int) -> None:
    """Everyone passes until it is France's turn in the round; France takes the screen."""
    game = session.game
    for _ in range(60):
        if game.view("fr").round == round_ and game.turn_seat == "fr":
            break
        assert game.apply(Pass(game.turn_seat)).ok
    session.changed()
    d.frames(2)
    session.cards.clear()
    session.reveal()
    d.frames(2)
    assert session.viewer == "fr" and session.my_turn()


def until(d: Driver, predicate, seconds: float = 20.0) -> None:
    """Runs frames until predicate holds (the host's bots and answers take their time), bounded."""
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "the host's answer did not arrive"
        d.frames(1)
        time.sleep(0.01)


def _open(d: Driver, session):
    d.scene.open_form("renew", SEAT_FORMS["renew"](session, d.scene.controller))
    d.frames(2)
    return d.scene.form


def _texts(d: Driver) -> list[str]:
    return [e.text for e in d.app.manager.get_sprite_group().sprites() if isinstance(e, UILabel | UIButton)]


def test_in_the_last_round_of_its_term_the_form_offers_the_renewal_and_applies_it(table, tmp_path):
    d, session = table
    _to_frances_turn(d, session, 2)
    legal = [a for a in session.game.legal_actions("fr") if a.kind == "renew"]
    assert legal == [Renew("fr", 1)]
    form = _open(d, session)
    assert isinstance(form.model, RenewForm)
    shot = d.shot(tmp_path / "renew-offered.png")
    texts = " | ".join(_texts(d))
    assert "Renew a commitment" in texts
    assert "Renewing costs 1 political capital and gives another 2 rounds after this one" in texts, texts
    chip = form.chip_rect("commitment", 1)
    assert pixel_spread(shot, chip) > 10
    label = dict(form.rows[0].options)[1]
    assert label == "#1 2 billion euros to Monitor: lapses at the end of round 2 (this round) unless renewed"
    d.click(form.button_rect("renew"))
    assert form.closed, session.notice
    assert session.game.actions[-1] == Renew("fr", 1)
    view = session.game.view("fr")
    assert view.mine[0].term_ends == 4 and view.delegates["fr"].capital == 2
    assert "renews commitment #1" in session.notice.text


def test_taking_the_screen_in_the_terms_last_round_tells_what_lapses(table):
    d, session = table
    game = session.game
    while not (game.view("fr").round == 2 and game.turn_seat == "fr"):
        assert game.apply(Pass(game.turn_seat)).ok
    session.changed()
    d.frames(2)
    assert session.curtain_for == "fr"
    session.cards.clear()
    d.key(pygame.K_RETURN)  # France takes the screen
    assert session.viewer == "fr"
    assert session.notice.text == ("Commitment #1 (2 billion euros to Monitor) lapses at the end of round 2 "
                                   "(this round) unless renewed. R renews it."), session.notice


def test_before_the_last_round_of_its_term_nothing_is_offered_and_the_lapse_is_told(table, tmp_path):
    d, session = table
    _to_frances_turn(d, session, 1)  # France pledged in its first turn and still has an action
    form = _open(d, session)
    d.shot(tmp_path / "renew-none.png")
    assert form.rows == [] and list(form.built.buttons) == ["cancel"]
    texts = " | ".join(_texts(d))
    assert "None of your commitments can be renewed now" in texts
    assert "#1 2 billion euros to Monitor: lapses at the end of round 2 unless renewed" in texts, texts
    d.key(pygame.K_ESCAPE)
    assert form.closed and len(session.game.actions) == 1


def test_off_turn_the_form_offers_nothing(table):
    d, session = table
    _to_frances_turn(d, session, 2)
    assert session.game.apply(Pass("fr")).ok
    session.changed()
    assert not session.my_turn()
    model = RenewForm(session, d.scene.controller)
    assert model.offered() == [] and model.info({})[0].startswith("Renew on your turn")
    assert [b.key for b in model.buttons({})] == ["cancel"]


def test_every_seat_command_with_a_form_has_one_in_the_registry():
    assert set(SEAT_FORMS) == (PLAYER_COMMANDS - {"offer", "inbox", "pass"}) | {"renew"}
    assert KEYS[pygame.K_r] == "renew"


def test_the_r_key_opens_the_renew_form(table):
    d, session = table
    _to_frances_turn(d, session, 2)
    d.key(pygame.K_r)
    assert d.scene.form_name == "renew" and isinstance(d.scene.form.model, RenewForm)


def _passes(session) -> int:
    return sum(1 for e in session.screen().log if e.kind == "Passed" and e.actor == "fr")


def test_a_hosted_seat_renews_from_its_laptop(tmp_path):
    """The same form on a seat of a hosted game: its list is the host's legal list."""
    bots = {"uk": "cautious", "de": "cautious", "us": "cautious"}
    path = str(termed_scenario(tmp_path))
    with browser_host(tmp_path, scenario=path, seed=5, bots=bots) as hosted:
        d = Driver()
        game = RemoteGame.join(hosted.url, hosted.code("fr"), scenario=path)
        try:
            session = Session(game, d.app.palette)
            open_hosted(d.app, session)
            d.frames(3)
            until(d, session.my_turn)
            assert d.scene.controller.pledge("funding", 2, "monitoring")
            until(d, lambda: not game.waiting() and len(session.screen().view.mine) == 1)
            for passes in range(3):  # France passes until the round its term ends
                until(d, session.my_turn)
                if session.screen().round == 2:
                    break
                assert d.scene.controller.pass_turn()
                until(d, lambda n=passes + 1: _passes(session) == n)  # this screen has seen the pass
            session.cards.clear()
            form = _open(d, session)
            assert dict(form.rows[0].options) == {
                1: "#1 2 billion euros to Monitor: lapses at the end of round 2 (this round) unless renewed"}
            d.shot(tmp_path / "renew-hosted.png")
            d.click(form.button_rect("renew"))
            until(d, lambda: not game.waiting())
            assert [a for a in hosted.journal_actions() if a["kind"] == "renew"] == [
                {"kind": "renew", "seat": "fr", "commitment": 1}]
            until(d, lambda: session.screen().view.mine[0].term_ends == 4)
        finally:
            d.close()
            game.close()


def test_the_seat_panel_lists_what_lapses_and_marks_this_round(table, tmp_path):
    d, session = table
    _to_frances_turn(d, session, 2)
    d.app.text._renders.clear()
    d.scene.dirty = True
    d.app.whole = True
    d.frames(2)
    drawn = " ".join(key[0] for key in d.app.text._renders)
    assert "TERMS (R RENEWS IN THE LAST ROUND)" in drawn, drawn[:400]
    assert "lapses at the end of round 2 (this round) unless renewed" in drawn
    d.shot(tmp_path / "terms-panel.png")
