"""Words about commitments: a kind and a priority may share an id (cop21's `finance`), so whoever
means a kind asks the kinds table; when a commitment with a term lapses, and what renewing costs."""

from game.content.scenarios import load_scenario
from game.engine import Names, explain_condition, renewal_words, term_words
from game.model.conditions import ApprovedTest, CapacityTest, ContributedTest, NotTest
from game.report.pack import red_lines_story
from game.report.pack_layout import styles

PRIORITY = "Climate finance: $100 billion a year and beyond"


def _cop21():
    return load_scenario("cop21-2015").scenario


def test_the_shared_id_names_the_kind_when_a_kind_is_meant():
    names = Names(_cop21())
    assert names("finance") == PRIORITY  # an id of unknown table: delegations, then priorities
    assert names.kind_name("finance") == "Climate finance"
    assert names.kind("finance") == "climate finance"
    assert names.kind_name("no_such_kind") == "no such kind"


def test_conditions_on_a_kind_name_the_kind():
    names = Names(_cop21())
    gave = ContributedTest(test="contributed", delegate="us", kind="finance", min=1)
    said = [explain_condition(gave, names), explain_condition(NotTest(test="not", of=gave), names),
            explain_condition(CapacityTest(test="capacity", delegate="us", kind="finance", min=1), names),
            explain_condition(ApprovedTest(test="approved", delegate="us", kind="finance"), names)]
    assert all("climate finance" in s and "$100 billion" not in s for s in said), said


def test_the_pack_names_a_red_lined_kind():
    scenario = _cop21()
    china = next(d for d in scenario.delegates if d.id == "cn")
    story = red_lines_story(china, Names(scenario), styles())[1].text
    assert "climate finance" in story and "$100 billion" not in story, story


def test_term_words_say_when_a_commitment_lapses():
    assert term_words(None, 1, 3) == ""
    assert term_words(2, 1, 3) == "lapses at the end of round 2 unless renewed"
    assert term_words(2, 2, 3) == "lapses at the end of round 2 (this round) unless renewed"
    assert term_words(3, 2, 3) == term_words(5, 3, 3) == "counts to the end of the game"


def test_renewal_words_say_the_cost_and_the_fresh_term():
    assert renewal_words(1, 2).startswith("Renewing costs 1 political capital and gives another 2 rounds after this one")
    assert renewal_words(0, 1).startswith("Renewing costs nothing and gives another 1 round after this one;")
