"""The engine's words for a scenario's own things: the approval body a delegation does not
name, what binding authority gives, the sign form's title, and a refusal's example."""

import copy

import pytest

from game.engine import Names, describe_effect, explain_condition
from game.model.actions import Pass, Pledge, SeekApproval
from game.model.conditions import ApprovedTest, AuthorityTest, ContributedTest, NotTest
from game.model.effects import ReplaceRepresentative
from tests.engine.tiny import BASE, game, ok, refused, scenario


def _no_body_named():
    delegates = copy.deepcopy(BASE["delegates"])
    delegates[0]["approvals"] = {}  # Alba's troops need a vote (the kind says so), by no body named
    return delegates


@pytest.mark.parametrize(("vocabulary", "body"), [({}, "home government"), ({"approval_body": "Storting"}, "Storting")])
def test_a_vote_with_no_body_named_is_held_by_the_scenarios_word(vocabulary, body):
    g = game(seed=3, delegates=_no_body_named(), vocabulary=vocabulary)
    ok(g.apply(Pledge("a", "troops", 1, "p2")))
    ok(g.apply(SeekApproval("a", "troops")))
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))
    texts = {e.kind: e.text for e in g.log}
    assert f"needs {body} approval" in texts["Pledged"]
    assert texts["ApprovalSought"].startswith(f"Alba asks {body} to approve troops")
    assert texts["VoteAnnounced"].startswith(f"{body[0].upper()}{body[1:]} ")  # it opens the sentence
    assert "parliament" not in " ".join(texts.values()).lower()


def test_names_carry_the_vocabulary():
    plain = Names(scenario())
    assert plain.sign_title() == "Sign a clause of the agreement"
    assert plain.body("a", "troops") == "Diet" and plain.body("c", "troops") == "home government"
    own = Names(scenario(vocabulary={"text": "Paris Agreement", "clause": "article", "binding": "treaty obligations"}))
    assert own.sign_title() == "Sign an article of the Paris Agreement"
    envoy = ReplaceRepresentative(op="replace_representative", delegate="b", name="Envoy", title="Envoy",
                                  role="envoy", binding_authority=False)
    assert describe_effect(envoy, plain).endswith("without authority to give binding commitments")
    assert describe_effect(envoy, own).endswith("without authority to give treaty obligations")
    assert explain_condition(AuthorityTest(test="binding_authority", delegate="b"), own).endswith(
        "can give treaty obligations")
    assert explain_condition(ApprovedTest(test="approved", delegate="c", kind="troops"), plain) == (
        "Cress wins a mandate from its home government for troops")


def test_a_refused_condition_gives_an_example_in_the_scenarios_own_names():
    g = game()
    missing = NotTest(test="not", of=ContributedTest(test="contributed", delegate="b", kind="money"))
    message = refused(g.apply(Pledge("a", "money", 1, "p1", condition=missing)), "bad_condition").message
    assert "e.g. 'if Bors commits funding'" in message
    assert "the US" not in message
