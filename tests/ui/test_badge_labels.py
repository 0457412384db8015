"""Badge labels: the table and the browser take a seat's letters from its `badge` label (the
engine's `Names.badges`), else from its id; a table on cop21-2015 draws "COP" for the presidency."""

from game.content.scenarios import load_scenario
from game.engine import Game, Names
from game.net.catalog import table_message
from game.ui.palette import identities, load_palette
from game.ui.session import Session
from tests.ui.driver import Driver, pixel_spread


def test_identities_take_the_label_else_the_ids_letters():
    ids = identities(["fr", "g77", "aosis", "nato"], load_palette(), {"fr": "COP"})
    assert [ids[s].letters for s in ("fr", "g77", "aosis", "nato")] == ["COP", "G77", "AOS", "NATO"]
    assert identities(["fr"], load_palette())["fr"].letters == "FR"  # no labels: as before


def test_the_browser_catalog_carries_each_badge_and_a_non_state_speaker():
    game = Game.new(load_scenario("cop21-2015").scenario, 1)
    delegates = table_message(game, "seat")["delegates"]
    assert delegates["fr"]["badge"] == "COP" and delegates["us"]["badge"] == "US"
    assert delegates["g77"]["country"] == "" and delegates["g77"]["principal"] == "Nozipho Mxakato-Diseko"


def test_the_table_draws_the_presidency_badge(tmp_path):
    scenario = load_scenario("cop21-2015").scenario
    d = Driver((1280, 800))
    game = Game.new(scenario, 5, controllers={x.id: x.bot for x in scenario.delegates})
    session = Session(game, d.app.palette, pace="fast")
    assert session.names.badges["fr"] == "COP" == Names(scenario).badges["fr"]
    d.app.show_table(session)
    session.bots_halted = True
    session.cards.clear()
    d.frames(3)
    assert d.scene.ids["fr"].letters == "COP"
    shot = tmp_path / "cop21-table.png"
    frame = d.shot(shot)
    assert shot.stat().st_size > 10_000
    assert pixel_spread(frame, frame.get_rect()) > 10
