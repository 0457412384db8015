"""cop21's kind `finance` shares its id with a priority: the table's forms name the kind."""

from game.content.scenarios import load_scenario
from game.ui.forms import ApprovalForm, PledgeForm
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver

PRIORITY = "Climate finance: $100 billion a year and beyond"


def test_the_table_forms_name_the_kind_of_finance():
    scenario = load_scenario("cop21-2015").scenario
    d = Driver()
    session = start_session(d.app, "cop21-2015", 5, controllers={x.id: "human" for x in scenario.delegates},
                            pace="instant")
    session.viewer = "us"  # the US gives finance and needs Congress for it
    pledge = PledgeForm(session, None)
    kinds = dict(pledge.kind_options("us"))
    assert kinds["finance"].startswith("Climate finance ("), kinds
    conditional = pledge.condition_rows({"conditional": True})
    if_kind = dict(next(r for r in conditional if r.key == "if_kind").options)
    assert if_kind["finance"] == "Climate finance"
    approval = dict(next(iter(ApprovalForm(session, None).choices({}))).options)
    assert approval["finance"].startswith("Climate finance: "), approval
    assert all(PRIORITY not in text for text in (*kinds.values(), *if_kind.values(), *approval.values()))
    d.close()
