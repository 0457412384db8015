"""A table a room can read: screenshots at 1024x768 and 1920x1080, what the priority blocks say,
names that wrap instead of being cut, the log's size, and the commitment-lines switch."""

import pygame
import pytest

from game.content.scenarios import load_scenario
from game.sim.playthrough import play
from game.ui.logview import SIZE as LOG_SIZE
from game.ui.priority_blocks import block_body, block_lines, block_size, block_words, fitting_name
from game.ui.session import Session
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, pixel_spread, region_changed


def rendered(d: Driver) -> set[str]:
    return {key[0] for key in d.app.text._renders}


def _mid_game(size, frames: int = 240) -> Driver:
    d = Driver(size)
    session = start_session(d.app, "paris-2026", 2, all_bots=True, pace="fast")
    d.app.show_table(session)
    for _ in range(frames):
        d.frames(1)
        session.cards.clear()  # event cards would cover the table
    assert not session.game.over
    return d


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_table_reads_at_projector_sizes(size, tmp_path):
    d = _mid_game(size)
    scene, text = d.scene, d.app.text
    scene.session.bots_halted = True  # hold the table still, and draw it afresh (the text cache is bounded)
    scene.renderer.board_key = None
    shot = d.shot(tmp_path / f"table-{size[0]}x{size[1]}.png")
    assert (tmp_path / f"table-{size[0]}x{size[1]}.png").stat().st_size > 10_000
    layout, screen = scene.layout, scene.session.screen()
    drawn = rendered(d)
    for pid, p in screen.priorities.items():
        rect = layout.priorities[pid]
        body = block_body(rect, layout, text)
        words = block_words(p, screen)
        fitted = block_size(words, body, text)
        lines = text.wrap(words, fitted, body.width)
        assert len(lines) <= block_lines(body, text, fitted), f"{pid}: its words do not fit its block"
        assert text.px(fitted) >= 11
        assert not any(line.endswith("…") for line in lines), f"{pid}: a line was cut"
        assert set(lines) <= drawn, f"{pid}: the block's words were not all drawn"
        size_name, name = fitting_name(text, p, rect.width)
        assert text.width(name, size_name, True) <= rect.width
        assert rect.bottom <= layout.table.bottom and rect.top >= layout.table.top
    names = " ".join(dv.name for dv in screen.delegates.values())
    cut = [k for k in drawn if k.endswith("…") and k[:-1].rstrip() in names]
    assert not cut, f"names were cut: {cut}"
    for rect in (layout.top, layout.table, layout.right, layout.log, layout.gauges):
        assert pixel_spread(shot, rect) > 8, f"blank region {rect}"
    d.close()


def test_the_log_is_16_px_at_1280x800():
    d = Driver((1280, 800))
    assert d.app.text.px(LOG_SIZE) >= 16
    d.close()


def test_priority_blocks_name_what_is_missing():
    d = _mid_game((1280, 800), frames=30)
    d.scene.renderer.board_key = None
    d.shot()
    screen = d.scene.session.screen()
    force = screen.priorities["force"]
    assert force.required_leads == ("fr", "uk") and force.required_signatories == ("tr",)
    assert any("to lead" in reason or "to sign" in reason or "signatures" in reason for reason in force.missing)
    body = block_body(d.scene.layout.priorities["force"], d.scene.layout, d.app.text)
    words = block_words(force, screen)
    lines = d.app.text.wrap(words, block_size(words, body, d.app.text), body.width)
    assert "Missing:" in " ".join(lines) and set(lines) <= rendered(d)
    d.close()


def test_commitment_lines_switch_between_all_one_and_none(tmp_path):
    d = _mid_game((1280, 800))
    scene = d.scene
    scene.session.bots_halted = True  # hold the table still
    scene.session.pace = "slow"
    d.frames(2)
    screen = scene.session.screen()
    committed = sorted({cm.delegate for cm in screen.commitments if cm.status in ("active", "pending")})
    assert len(committed) >= 2, "mid-game, several delegations have committed something"
    d.click(scene.layout.seats[committed[0]])  # "one delegation's" lines are the selected one's
    assert scene.selected == committed[0]
    centre = scene.layout.centre
    every = d.shot(tmp_path / "lines-all.png")
    d.key(pygame.K_l)
    assert scene.renderer.lines == "focus" and "selected delegation" in scene.session.notice.text
    one = d.shot(tmp_path / "lines-one.png")
    d.key(pygame.K_l)
    assert scene.renderer.lines == "off"
    none = d.shot(tmp_path / "lines-off.png")
    assert region_changed(every, one, centre) > 0.05, "one delegation's lines are fewer than all"
    assert region_changed(one, none, centre) > 0.01, "hiding the lines changes the table"
    assert region_changed(every, none, centre) > region_changed(every, one, centre)
    d.key(pygame.K_l)
    assert scene.renderer.lines == "all"
    d.close()


def test_every_scene_satisfies_the_scene_protocol(records):
    from game.ui.end_scene import EndScene
    from game.ui.scene import Scene

    d = Driver()
    d.app.show_setup(load_scenario("tutorial"), 3)
    assert isinstance(d.scene, Scene) and d.scene.loaded.scenario.meta.id == "tutorial"
    session = start_session(d.app, load_scenario("tutorial"), 3, all_bots=True, pace="instant")
    d.app.show_table(session)
    assert isinstance(d.scene, Scene)
    assert isinstance(EndScene(d.app, session), Scene)
    d.close()


def test_clicking_a_priority_names_its_leads_and_required_signatories(tmp_path):
    d = _mid_game((1024, 768), frames=30)
    scene = d.scene
    scene.session.bots_halted = True
    d.click(scene.layout.priorities["force"].move(0, scene.layout.px(20)).midleft)
    assert scene.selected == "@force"
    d.app.text._renders.clear()
    scene.renderer.panel_key = None
    shot = d.shot(tmp_path / "force-card.png")
    drawn = " ".join(key[0] for key in d.app.text._renders)  # in the order drawn: a name may wrap
    for name in ("France", "United Kingdom", "Türkiye", "It needs".upper()):
        assert name in drawn, name
    assert pixel_spread(shot, scene.layout.right) > 8
    d.close()


def test_the_end_screen_says_what_was_missing_and_whom_it_needed(records, tmp_path):
    from game.ui.end_scene import EndScene

    d = Driver((1024, 768))
    loaded = load_scenario("paris-2026")
    # the first seed (of a bounded few) whose game leaves something unsecured
    game = next(g for g in (play(loaded.scenario, seed, content_hash=loaded.content_hash) for seed in range(1, 21))
                if any(p.missing for p in g.view("public").priorities.values()))
    session = Session(game, d.app.palette, pace="instant")
    d.app.show(EndScene, session)
    d.app.text._renders.clear()
    d.shot(tmp_path / "end-1024x768.png")
    drawn = " ".join(key[0] for key in d.app.text._renders)  # in the order drawn: a name may wrap
    unsecured = [p for p in session.screen().priorities.values() if p.missing]
    assert unsecured
    for p in unsecured:
        assert "Missing:" in drawn and p.missing[0].split(",")[0].split()[-1] in drawn
    assert "Türkiye" in drawn and "United Kingdom" in drawn  # the force's required signatory and a lead
    assert not [k for k in rendered(d) if k.endswith("…") and "Estonia" in k]
    d.close()
