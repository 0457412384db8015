"""The facilitator's PIN and the curtain before the panel; forms that open on a choice the
engine accepts; and a fork loaded at the table, played on."""

import pygame

from game.content.records import load_game, save_record
from game.content.scenarios import load_scenario
from game.sim.playthrough import play
from game.ui.forms import ApprovalForm, PledgeForm, SignForm, WithdrawForm
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver

HOT_SEAT = {"fr": "human", "uk": "human", "de": "cautious", "us": "cooperative"}


def _table(pin: str = "", controllers=None) -> Driver:
    d = Driver()
    session = start_session(d.app, "tutorial", 7, controllers=dict(controllers or HOT_SEAT), pin=pin)
    d.app.show_table(session)
    d.frames(2)
    d.key(pygame.K_RETURN)  # the event card
    d.key(pygame.K_RETURN)  # the curtain: France's desk
    assert session.viewer == "fr"
    return d


def _brief_drawn(d: Driver, seat: str) -> bool:
    """True if a line of the seat's brief is in the frame drawn now."""
    d.app.text._renders.clear()
    d.scene.renderer.board_key = d.scene.renderer.panel_key = None
    d.shot()
    brief = d.scene.session.game.catalog.delegates[seat].confidential_brief.strip()
    width = d.scene.layout.right.width - 2 * d.scene.layout.px(12)
    lines = [line for line in d.app.text.wrap(brief, "small", width) if len(line.split()) >= 3]
    return bool(set(lines) & {key[0] for key in d.app.text._renders})


def test_the_pin_guards_the_panel_and_the_curtain_comes_first(records):
    d = _table(pin="4321")
    scene, s = d.scene, d.scene.session
    assert _brief_drawn(d, "fr")
    d.key(pygame.K_f)
    assert scene.form_name == "pin" and s.viewer is None and s.curtain_for == "fr"
    assert not _brief_drawn(d, "fr"), "the PIN form never opens over a delegation's desk"
    d.type("1111")
    d.key(pygame.K_RETURN)
    assert scene.form_name == "pin" and not scene.form.closed and s.notice.bad  # still locked
    scene.form.entry("pin").set_text("")
    d.type("4321")
    d.key(pygame.K_RETURN)
    assert scene.form_name == "facilitator" and not scene.form.closed
    d.key(pygame.K_RETURN)  # Enter under the panel never lifts the curtain
    assert s.viewer is None and s.curtain_for == "fr"
    d.key(pygame.K_ESCAPE)
    assert scene.form is None or scene.form.closed
    d.key(pygame.K_RETURN)  # France takes its desk back
    assert s.viewer == "fr"
    d.close()


def test_undo_needs_the_pin_too(records):
    d = _table(pin="77")
    scene, s = d.scene, d.scene.session
    d.key(pygame.K_e)  # France passes
    taken = len(s.game.actions)
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    assert scene.form_name == "pin" and len(s.game.actions) == taken
    d.key(pygame.K_ESCAPE)
    assert len(s.game.actions) == taken, "cancelled: nothing undone"
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    d.type("77")
    d.key(pygame.K_RETURN)
    assert len(s.game.actions) == taken - 1
    d.close()


def test_without_a_pin_the_panel_opens_but_still_behind_the_curtain(records):
    controllers = {"fr": "human", "uk": "cautious", "de": "cautious", "us": "cooperative"}
    d = _table(controllers=controllers)  # a single human: no curtain in play, the desk stays up
    scene, s = d.scene, d.scene.session
    d.key(pygame.K_f)
    assert scene.form_name == "facilitator" and s.viewer is None
    scene.form.model.submit("pause", scene.form.values, {})  # a change re-seats the single human...
    d.frames(2)
    assert s.viewer is None and not _brief_drawn(d, "fr"), "...but not under the panel"
    d.close()


def test_forms_open_on_a_choice_the_engine_accepts(records):
    controllers = {d.id: "human" for d in load_scenario("paris-2026").scenario.delegates}
    d = Driver()
    session = start_session(d.app, "paris-2026", 5, controllers=controllers, pace="instant")
    d.app.show_table(session)
    game, checked = session.game, 0
    for _ in range(40):  # many delegations' turns: each form's first choice must be legal
        session.cards.clear()
        session.reveal()
        for form in (PledgeForm, SignForm, WithdrawForm, ApprovalForm):
            model = form(session, d.scene.controller)
            values = {}
            for _ in range(3):
                for row in model.choices(values):
                    values.setdefault(row.key, row.value)
            action = model.action(values)
            if action is not None:
                assert game.check(action) is None, (form.__name__, action, game.check(action))
                checked += 1
        seat = game.turn_seat
        legal = [a for a in game.legal_actions(seat) if a.kind == "pledge"] or game.legal_actions(seat)
        assert game.apply(legal[0]).ok
        session.changed()
    assert checked > 60
    d.close()


def test_the_table_loads_a_fork_and_plays_on(records):
    parent = play(load_scenario("tutorial").scenario, 8)
    path = save_record(parent, records / "parent.yaml")
    fork_path = save_record(parent.fork(14, 5, name=path.name), records / "fork.yaml")
    d = Driver()
    session = start_session(d.app, "tutorial", 1, all_bots=True, pace="instant")
    d.app.show_table(session)
    assert d.scene.controller.load(fork_path)
    assert session.game.parent.record == "parent.yaml" and len(session.game.actions) == 14
    d.frames(20)
    assert len(session.game.actions) > 14, "the bots play on from the fork"
    saved = d.scene.controller.save(records / "on.yaml")
    again = load_game(saved)
    assert again.parent.step == 14 and again.record() == session.game.record()
    d.close()


def test_play_record_opens_a_fork_headless(records):
    from click.testing import CliRunner

    from game.cli import main

    parent = play(load_scenario("tutorial").scenario, 8)
    fork = save_record(parent.fork(10, name="parent.yaml"), records / "fork.yaml")
    shot = records / "fork.png"
    result = CliRunner().invoke(main, ["play", "--record", str(fork), "--frames", "30", "--screenshot", str(shot)])
    assert result.exit_code == 0, result.output
    assert shot.stat().st_size > 10_000
    bad = records / "bad.yaml"
    bad.write_text("format: 1\nscenario_id: tutorial\n")
    result = CliRunner().invoke(main, ["play", "--record", str(bad), "--frames", "3"])
    assert result.exit_code == 1 and "bad.yaml" in result.output and "Traceback" not in result.output
