"""A turn of the tutorial played as humans, with real pygame clicks and keys.

France and the United Kingdom are human (hot-seat), Germany and the US bots. France
composes an offer, meets a refusal, pledges; the curtain passes the screen to the UK,
which accepts in its inbox. Engine state and screenshots are both checked.
"""

import pygame
import pytest

from game.content.scenarios import load_scenario
from game.model.actions import Pledge
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, pixel_spread, region_changed


def rendered(driver: Driver) -> set[str]:
    """Returns every line of text the table has rendered so far."""
    return {key[0] for key in driver.app.text._renders}


def brief_lines(driver: Driver, seat: str) -> list[str]:
    brief = driver.scene.session.game.catalog.delegates[seat].confidential_brief.strip()
    width = driver.scene.layout.right.width - 2 * driver.scene.layout.px(12)
    # a one- or two-word tail ("Washington.") may also be a wrapped log line: not evidence
    return [line for line in driver.app.text.wrap(brief, "small", width) if len(line.split()) >= 3]


@pytest.fixture
def table(records):
    d = Driver()
    d.app.show_setup("tutorial", 7)
    d.frames(2)
    setup = d.scene
    d.click(setup.chip_rect("de", "cautious"))
    d.click(setup.chip_rect("us", "cooperative"))
    d.click(setup.button_rect("start"))
    yield d
    d.close()


def test_setup_preselects_the_core_classroom_set(records):
    d = Driver()
    d.app.show_setup("paris-2026", 3)
    d.frames(2)
    setup = d.scene
    scenario = setup.loaded.scenario
    assert {seat for seat, who in setup.controllers.items() if who == "human"} == {x.id for x in scenario.delegates if x.core}
    d.key(pygame.K_RIGHT)  # the first seat: human -> random
    assert setup.controllers[scenario.delegates[0].id] == "random"
    d.click(setup.button_rect("all_bots"))
    assert "human" not in setup.controllers.values()
    shot = d.shot()
    assert pixel_spread(shot, pygame.Rect(40, 240, 1200, 400)) > 10
    d.close()


def test_curtain_comes_before_secrets(table):
    d = table
    s = d.scene.session
    assert s.game.turn_seat == "fr" and s.game.controller("fr") == "human"
    assert s.cards, "the round-1 event card is shown first"
    d.click(d.scene.renderer.card_button())
    assert not s.cards and s.curtain_for == "fr" and s.viewer is None
    shot = d.shot()
    assert s.screen().me is None
    secret = brief_lines(d, "fr")
    assert not set(secret) & rendered(d), "France's brief was drawn before France had the screen"
    assert "Pass the screen to France" in rendered(d)
    d.click(d.scene.layout.curtain_button())
    assert s.viewer == "fr"
    after = d.shot()
    assert set(secret) <= rendered(d)
    right = d.scene.layout.right
    assert region_changed(shot, after, right) > 5
    for rect in (d.scene.layout.top, d.scene.layout.table, right, d.scene.layout.log):
        assert pixel_spread(after, rect) > 8, f"blank region {rect}"
    assert not set(brief_lines(d, "uk")) & rendered(d), "another seat's brief is never drawn"


def test_offer_refusal_pledge_then_the_other_seat_accepts(table):
    d = table
    scene, s = d.scene, d.scene.session
    d.key(pygame.K_RETURN)  # the event card
    d.key(pygame.K_RETURN)  # the curtain: France takes the screen
    before = d.shot()

    d.click(scene.button_rect("offer"))
    form = scene.form
    d.click(form.chip_rect("parties", "uk"))
    d.click(form.chip_rect("kind", "funding"))
    d.click(form.chip_rect("priority", "monitoring"))
    d.click(form.button_rect("add"))
    d.click(form.chip_rect("giver", "uk"))
    d.click(form.chip_rect("kind", "monitoring_assets"))
    d.click(form.chip_rect("priority", "monitoring"))
    d.click(form.button_rect("add"))
    d.click(form.entry("note").rect)
    d.type("Monitoring first")
    d.click(form.button_rect("send"))
    offers = s.game.view("fr").offers
    assert len(offers) == 1 and offers[0].status == "open" and offers[0].note == "Monitoring first"
    assert {i.giver for i in offers[0].items} == {"fr", "uk"}
    assert form.closed

    d.key(pygame.K_p)
    form = scene.form
    d.click(form.chip_rect("kind", "monitoring_assets"))
    d.click(form.chip_rect("priority", "force"))
    expected = s.game.check(Pledge("fr", "monitoring_assets", 1, "force"))
    d.key(pygame.K_RETURN)  # Enter never sends a choice the engine can only refuse...
    assert not scene.form.closed and not (s.notice and s.notice.bad)
    assert any(expected.message in line for line in form.model.info(form.values))
    d.click(form.button_rect("pledge"))  # ...the button asks the engine, whose refusal teaches the rule
    assert s.notice.bad and s.notice.text == expected.message
    refused = d.shot()
    assert region_changed(before, refused, scene.layout.message) > 5
    assert any(line in rendered(d) for line in d.app.text.wrap(expected.message, "small", 2000))
    assert s.screen().actions_left == 1, "a refused action costs nothing"

    d.click(form.chip_rect("kind", "troops"))
    d.click(form.chip_rect("priority", "force"))
    d.click(form.button_rect("pledge"))
    pledges = [c for c in s.game.view("fr").commitments if c.delegate == "fr"]
    assert [(c.kind, c.priority, c.status) for c in pledges] == [("troops", "force", "active")]
    assert s.game.turn_seat == "uk" and s.curtain_for == "uk" and s.viewer is None
    assert scene.form is None or scene.form.closed

    d.click(scene.layout.curtain_button())
    assert s.viewer == "uk"
    d.click(scene.button_rect("inbox"))
    d.click(scene.form.button_rect("accept"))
    offer = s.game.view("uk").offers[0]
    assert offer.status == "accepted"
    deal = [c for c in s.game.view("uk").commitments if c.offer == offer.id]
    assert {(c.delegate, c.kind) for c in deal} == {("fr", "funding"), ("uk", "monitoring_assets")}
    after = d.shot()
    assert region_changed(refused, after, scene.layout.table) > 1, "the deal's lines and progress are drawn"


def test_a_single_human_needs_no_curtain_and_sees_only_its_own_secrets(records):
    d = Driver()
    scenario = load_scenario("paris-2026").scenario
    controllers = {x.id: ("human" if x.id == "ua" else x.bot) for x in scenario.delegates}
    session = start_session(d.app, "paris-2026", 4, controllers=controllers, pace="instant")
    d.app.show_table(session)
    for _ in range(200):
        d.frames(1)
        if session.my_turn():
            break
    assert session.viewer == "ua" and session.curtain_for is None and session.my_turn()
    mine = set(brief_lines(d, "ua"))
    assert mine <= rendered(d)
    for seat in session.seats:
        if seat != "ua":
            assert not set(brief_lines(d, seat)) & rendered(d), f"{seat}'s brief reached the screen"
    # a conditional pledge: Ukraine's troops count only if Poland commits something to the force
    d.key(pygame.K_p)
    form = d.scene.form
    d.click(form.chip_rect("kind", "troops"))
    d.click(form.chip_rect("priority", "armed_forces"))
    d.click(form.chip_rect("conditional", True))
    for _ in range(len(session.seats)):  # 17 seats: the row is a spinner (< name >)
        if form.values["if_who"] == "pl":
            break
        d.click(form.spinner_rect("if_who", +1))
    d.click(form.chip_rect("if_priority", "force"))
    d.click(form.button_rect("pledge"))
    mine = [c for c in session.game.view("ua").commitments if c.delegate == "ua"]
    assert mine and "Poland commits" in mine[-1].condition, session.notice
    d.close()


def test_nothing_private_stays_on_screen_when_the_turn_passes(table):
    d = table
    scene, s = d.scene, d.scene.session
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_o)
    form = scene.form
    d.click(form.chip_rect("parties", "uk"))
    d.click(form.chip_rect("priority", "force"))
    d.click(form.button_rect("add"))  # France's troops toward the force, and the UK's
    d.click(form.chip_rect("giver", "uk"))
    d.click(form.chip_rect("priority", "force"))
    d.click(form.button_rect("add"))
    d.click(form.button_rect("send"))
    number = s.game.view("fr").offers[0].id
    assert f"offer #{number}" in s.notice.text
    d.key(pygame.K_e)  # France passes: the curtain goes up for the UK
    assert s.curtain_for == "uk"
    assert s.notice is None, "the notice about France's private offer must not outlive France's turn"
    assert s.screen().offers == () and all(e.visible_to is None for e in s.screen().log)
    shot_rendered = rendered(d)
    d.shot()
    assert not any(f"offer #{number}" in line for line in rendered(d) - shot_rendered)
