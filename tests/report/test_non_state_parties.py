"""A party with no country and no principal (a mediator, a bloc) prints everywhere a state does:
the review's cards, the transcript and the classroom pack name it by its own name and role."""

import copy

from pypdf import PdfReader

from game.model.scenario import Scenario
from game.report.pack import write_pack
from game.report.review import review_markdown
from game.report.transcript import transcript_text
from game.sim.playthrough import play
from tests.engine.tiny import BASE


def _scenario() -> Scenario:
    data = copy.deepcopy(BASE)
    c = data["delegates"][2]
    del c["country"], c["principal"]
    c.update(role="mediator", badge="CoP")
    b = data["delegates"][1]
    del b["principal"]
    b.update(role="bloc")
    return Scenario.model_validate(data)


def test_the_review_and_transcript_name_a_party_without_a_principal():
    game = play(_scenario(), 4)
    review = review_markdown(game)
    assert "Cress: Cress, mediator" in review and "Bors: Bors, negotiating bloc" in review
    assert "Alba: Ann, PM" in review
    assert "Cress" in transcript_text(game)


def test_the_pack_prints_its_role_instead_of_a_person(tmp_path):
    out = tmp_path / "pack.pdf"
    write_pack(_scenario(), out, everyone=True)
    text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "mediator" in text and "negotiating bloc" in text
    assert "Ann, PM" in text and "Cress, mediator" in text  # the run sheet's seat table
