"""The table's forms say the scenario's words: cop21 signs articles of the Paris Agreement and
votes in its own bodies; Paris still signs clauses of the declaration."""

import pygame
import pytest
from pygame_gui.elements import UILabel

from game.content.scenarios import load_scenario
from game.ui.forms import ApprovalForm, PledgeForm, SignForm
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver


def _labels(d: Driver) -> list[str]:
    return [e.text for e in d.app.manager.get_sprite_group().sprites() if isinstance(e, UILabel)]


def _open_sign_form(scenario_id: str, tmp_path) -> tuple[Driver, list[str]]:
    """Seats humans everywhere, reveals the first seat and opens its sign form with the S key."""
    controllers = {d.id: "human" for d in load_scenario(scenario_id).scenario.delegates}
    d = Driver()
    session = start_session(d.app, scenario_id, 5, controllers=controllers, pace="instant")
    d.app.show_table(session)
    d.frames(2)
    session.cards.clear()
    session.reveal()
    d.frames(2)
    d.key(pygame.K_s)
    d.shot(tmp_path / f"{scenario_id}-sign.png")
    return d, _labels(d)


@pytest.mark.parametrize(("scenario_id", "title", "row"), [
    ("cop21-2015", "Sign an article of the Paris Agreement", "Article"),
    ("paris-2026", "Sign a clause of the declaration", "Clause"),
])
def test_the_sign_form_says_the_scenarios_words(scenario_id, title, row, tmp_path):
    d, labels = _open_sign_form(scenario_id, tmp_path)
    assert d.scene.form_name == "sign"
    assert title in labels and row in labels, labels
    d.close()


def test_cop21_forms_name_its_bodies_and_never_a_parliament_of_its_own(tmp_path):
    d, _ = _open_sign_form("cop21-2015", tmp_path)
    session = d.scene.session
    session.viewer = "eu"  # the EU names its body; a pledge form speaks of the scenario's word
    approval = ApprovalForm(session, d.scene.controller)
    options = [label for row in approval.choices({}) for _, label in row.options]
    assert options and all("Council of the EU and European Parliament" in o for o in options), options
    info = " ".join(PledgeForm(session, d.scene.controller).info({}))
    assert "if your legislature must approve" in info
    assert "declaration" not in SignForm(session, d.scene.controller).title
    d.close()
