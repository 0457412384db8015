"""`missing`: the plain reasons a priority is not secured, on the view and in the result."""

from game.model.actions import Pass, Pledge, Sign
from tests.engine.tiny import BASE, game, ok


def _p1_needs(**extra):
    priorities = [dict(BASE["priorities"][0], **extra), BASE["priorities"][1]]
    return game(priorities=priorities)


def test_progress_and_signatures_are_named_until_secured():
    g = game()
    assert g.view("a").priorities["p1"].missing == ("progress 0 of 4", "needs 1 signature, has 0")
    ok(g.apply(Pledge("a", "money", 3, "p1")))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))
    assert g.view("a").priorities["p1"].missing == ("needs 1 signature, has 0",)
    ok(g.apply(Sign("b", "p1")))
    p1 = g.view("c").priorities["p1"]
    assert p1.status == "secured" and p1.missing == ()
    assert g.result()["priorities"]["p1"]["missing"] == []


def test_a_missing_lead_is_named():
    g = game()
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 2, "p2")))
    ok(g.apply(Pledge("b", "guarantee", 1, "p2")))
    p2 = g.view("public").priorities["p2"]
    assert p2.status == "partial" and p2.required_leads == ("a",)
    assert p2.missing == ("needs Alba to lead",)
    assert g.result()["priorities"]["p2"]["missing"] == ["needs Alba to lead"]


def test_required_signatories_are_listed_and_named_when_unsigned():
    g = _p1_needs(min_signatories=0, required_signatories=["b", "c"])
    p1 = g.view("a").priorities["p1"]
    assert p1.required_signatories == ("b", "c") and p1.min_signatories == 0
    assert p1.missing[-1] == "needs Bors and Cress to sign"
    ok(g.apply(Sign("a", "p1")))
    ok(g.apply(Pass("a")))
    ok(g.apply(Sign("b", "p1")))
    assert g.view("a").priorities["p1"].missing[-1] == "needs Cress to sign"


def test_reasons_agree_with_the_status_in_a_bot_game():
    from game.content.scenarios import load_scenario
    from game.sim.playthrough import play

    g = play(load_scenario("paris-2026").scenario, 3)
    for pid, p in g.result()["priorities"].items():
        assert (p["status"] == "secured") == (p["missing"] == []), pid
        view = g.view("public").priorities[pid]
        assert list(view.missing) == p["missing"]
