"""Two branches side by side (`report --compare`), and the review's fork command per round."""

from click.testing import CliRunner

from game.bots import BotTable
from game.cli import main
from game.content.records import load_game, save_record
from game.content.scenarios import load_scenario
from game.report.branches import compare_document, parted_at
from game.report.review import review_html
from game.report.timeline import round_starts
from game.sim.playthrough import play


def _finish(game):
    bots = BotTable(game, {d.id: d.bot for d in game.scenario.delegates})
    while not game.over:
        bots.step(game.turn_seat)
    return game


def test_the_timeline_gives_each_round_the_step_that_forks_there():
    game = play(load_scenario("tutorial").scenario, 3)
    starts = round_starts(game)
    assert starts[1] == 0 and sorted(starts) == list(range(1, game.round + 1))
    for round_, step in starts.items():
        assert game.fork(step).round == round_
        if step:
            assert game.fork(step - 1).round == round_ - 1
    html = review_html(game)
    timeline = html[html.index('id="timeline"'):]
    for round_, step in starts.items():
        assert f"coalition fork RECORD --at {step} --out round-{round_}.yaml" in timeline


def test_compare_puts_a_game_and_its_fork_side_by_side(tmp_path):
    game = play(load_scenario("tutorial").scenario, 3)
    a = save_record(game, tmp_path / "a.yaml")
    branch = _finish(game.fork(10, 42, name="a.yaml"))
    b = save_record(branch, tmp_path / "b.yaml")
    assert parted_at(game, branch) >= 10
    document = compare_document(game, branch, ("a.yaml", "b.yaml"))
    assert [s.id for s in document.sections] == ["parting", "outcome", "delegations"]
    result = CliRunner().invoke(main, ["report", str(a), "--compare", str(b)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "a-vs-b.compare.html").read_text()
    assert "a fork of a.yaml at step 10" in page and "seed 42 after step 10" in page
    for p in load_game(b).result()["priorities"].values():
        for reason in p["missing"]:
            assert reason in page


def test_compare_refuses_games_of_different_scenarios(tmp_path):
    a = save_record(play(load_scenario("tutorial").scenario, 3), tmp_path / "a.yaml")
    b = save_record(play(load_scenario("paris-2026").scenario, 3), tmp_path / "b.yaml")
    result = CliRunner().invoke(main, ["report", str(a), "--compare", str(b)])
    assert result.exit_code == 1 and "different scenarios" in result.output and "Traceback" not in result.output
