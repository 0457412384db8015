"""Debrief questions placed in hotwash order; scenario text that looks like markup stays text."""

import pytest

from game.engine import Game
from game.model.actions import Pass
from game.report.hotwash import STAGES, hotwash, stage_of
from game.report.review import review_html, review_markdown
from tests.engine.tiny import BASE, scenario
from tests.report.test_review import assert_self_contained, check_html


@pytest.mark.parametrize(("question", "stage", "text"), [
    ("Reactions: how did it feel?", "reactions", "How did it feel?"),
    ("What happened - which offer won?", "what-happened", "Which offer won?"),
    ("Why: did the vote fail?", "why", "Did the vote fail?"),
    ("Lessons learned: what next?", "lessons", "What next?"),
    ("What surprised you most?", "reactions", "What surprised you most?"),
    ("Which offer unlocked the most, and why did the other side accept it?", "why",
     "Which offer unlocked the most, and why did the other side accept it?"),
    ("What would you do differently next time?", "lessons", "What would you do differently next time?"),
    ("Which round decided it?", "what-happened", "Which round decided it?"),
])
def test_a_question_finds_its_stage(question, stage, text):
    assert stage_of(question) == (stage, text)


def test_empty_stages_get_a_standard_prompt_in_order():
    staged = hotwash(["Why: did it work?"])
    assert [s.id for s, _, _ in staged] == [s.id for s in STAGES]
    by_id = {s.id: (questions, standard) for s, questions, standard in staged}
    assert by_id["why"] == (["Did it work?"], False)
    assert by_id["reactions"][1] and by_id["reactions"][0]


def hostile_game() -> Game:
    """A tiny game whose names, briefs and questions are full of markup and Markdown."""
    delegates = [dict(d) for d in BASE["delegates"]]
    delegates[0] = {**delegates[0], "name": "<script>alert(1)</script> & Co", "confidential_brief": "**bold** | <b>x</b>"}
    meta = {**BASE["meta"], "title": "A <i>tiny</i> & odd table", "debrief_questions": ["Why: <img src=x>?"]}
    reference = {"summary": "Real: <em>none</em>", "priorities": {"p1": {"status": "partial", "note": "a | b"}}}
    game = Game.new(scenario(delegates=delegates, meta=meta, reference_outcome=reference), seed=1)
    while not game.over:
        game.apply(Pass(game.turn_seat))
    return game


def test_scenario_text_is_escaped_in_the_page():
    html = review_html(hostile_game())
    checker = check_html(html)
    assert_self_contained(checker, html)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "<img src=x>" not in html and "<i>tiny</i>" not in html and "<em>none</em>" not in html


def test_scenario_text_is_escaped_in_the_write_up():
    markdown = review_markdown(hostile_game())
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*\\*bold\\*\\* \\| \\<b\\>x\\</b\\>" in markdown
    assert "a \\| b" in markdown  # a pipe inside a table cell does not split it
