"""The words come from the scenario: a game on another negotiation, reviewed, transcribed and
printed, says its own words and none of the flagship's; Paris still says its own."""

import copy
from html import unescape

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from game.content.scenarios import load_scenario
from game.model.scenario import Scenario
from game.model.vocabulary import Vocabulary
from game.report.pack import write_pack
from game.report.review import review_html, review_markdown
from game.report.transcript import transcript_text
from game.sim.playthrough import play
from tests.engine.tiny import BASE

PARIS_WORDS = ("declaration", "parliament", "coalition result", "binding guarantee", "the us ", "the us'",
               "the coalition", "ukrain")
"""What the flagship says, in lower case: no other scenario's outputs may say it unless its own text does."""


def neutral_scenario() -> Scenario:
    """A scenario with no vocabulary block whose own text has no Paris word: a delegation
    needs a vote with no body named, and a card takes binding authority away."""
    data = copy.deepcopy(BASE)
    data["commitment_kinds"][1]["contributes"] = {"p1": 1, "p2": 2}
    data["delegates"][2]["capacities"] = {"money": 1, "troops": 2}
    data["rules"]["events_per_round"] = 1
    return Scenario.model_validate(data)


def outputs(scenario: Scenario, seed: int, tmp_path) -> dict[str, str]:
    """Returns every text a finished game and its pack show, each in lower case."""
    game = play(scenario, seed)
    path = tmp_path / "pack.pdf"
    write_pack(scenario, path, everyone=True)
    pack = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    return {"transcript": transcript_text(game), "markdown": review_markdown(game),
            "html": unescape(review_html(game)), "pack": pack, "log": "\n".join(e.text for e in game.log)}


def test_the_defaults_are_neutral_words():
    v = Vocabulary()
    assert (v.text, v.clause, v.approval_body, v.binding, v.group, v.result) == (
        "agreement", "clause", "home government", "binding commitments", "table", "Result")
    text = " ".join(v.model_dump().values()).lower()
    assert not [w for w in PARIS_WORDS if w.strip(" '") in text]


@pytest.mark.parametrize("bad", [{"text": ""}, {"clause": "x" * 61}, {"parliament": "Diet"}, {"result": 3}])
def test_a_bad_vocabulary_is_refused(bad):
    data = copy.deepcopy(BASE) | {"vocabulary": bad}
    with pytest.raises(ValidationError):
        Scenario.model_validate(data)


def test_a_scenario_without_vocabulary_says_no_paris_word(tmp_path):
    scenario = neutral_scenario()
    assert "vocabulary" not in scenario.model_fields_set
    seen = outputs(scenario, 3, tmp_path)
    for where, text in seen.items():
        found = [w for w in PARIS_WORDS if w in text.lower()]
        assert not found, f"the {where} of a neutral scenario says {found}"
    assert "result: " in seen["markdown"].lower() and "coalition result" not in seen["markdown"].lower()
    assert "what the table must secure" in seen["pack"].lower()
    assert "your home government approves" in seen["pack"].lower()  # Cress's vote names no body
    assert "none: play for the table." in seen["pack"].lower()      # Cress has no objectives


def test_cop21_says_its_own_words(tmp_path):
    loaded = load_scenario("cop21-2015")
    seen = outputs(loaded.scenario, 45, tmp_path)
    everything = "\n".join(seen.values()).lower()
    for phrase in ("of the declaration", "coalition result", "binding guarantee", "play for the coalition",
                   "what the coalition", "your parliament", "its parliament", "ukrain"):
        assert phrase not in everything, phrase
    assert "conference result: " in seen["markdown"].lower() and "conference result: " in seen["html"].lower()
    assert "what the conference must secure" in seen["pack"].lower()


def test_paris_still_says_its_words(tmp_path):
    loaded = load_scenario("paris-2026")
    game = play(loaded.scenario, 7, content_hash=loaded.content_hash)
    assert "Coalition result: " in review_markdown(game)
    assert game.names.sign_title() == "Sign a clause of the declaration"
    assert game.names.vocabulary.approval_body == "parliament"
    path = tmp_path / "pack.pdf"
    write_pack(loaded.scenario, path)
    pack = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "What the coalition must secure" in pack
