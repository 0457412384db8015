"""The terminal is safe (issue 10): scenario and record text reaches it without escapes or controls."""

import re
from io import StringIO

import pytest
from rich.console import Console

from game.content.scenarios import load_scenario
from game.report.terminal_text import one_line, terminal_safe
from game.report.transcript import transcript, transcript_text
from game.sim.playthrough import play

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;title\x07"
# Other C0/C1 controls and sequences: bell, backspace, carriage return, 8-bit CSI and OSC,
# a DCS string, a cursor move, a charset switch, DEL, a bidi override.
OTHERS = "\x07\x08\r\x9b31m\x9d8;;http://x\x9c\x1bP1$r\x1b\\\x1b[10;10H\x1b(0\x7f\x85\u202e"
HOSTILE = CLEAR + TITLE + OTHERS


@pytest.mark.parametrize("raw, safe", [
    (f"France{CLEAR}", "France"),
    (f"{TITLE}United Kingdom", "United Kingdom"),
    ("a\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
    ("bell\x07 back\x08 cr\r nul\x00 del\x7f c1\x85\x9b2J", "bell back cr nul del c1"),
    ("two\nlines\tand a tab", "two\nlines and a tab"),
    ("Türkiye — «ça» 日本", "Türkiye — «ça» 日本"),
    ("\u202eevil\u2066", "evil"),
    ("trailing escape \x1b", "trailing escape "),
])
def test_terminal_safe_removes_whole_sequences_and_controls(raw, safe):
    assert terminal_safe(raw) == safe


def test_one_line_joins_lines():
    assert one_line(" a\nb\x1b[1m ") == "a b"


@pytest.fixture(scope="module")
def hostile_game():
    """The tutorial, with escape sequences in every name, brief, objective and event text."""
    scenario = load_scenario("tutorial").scenario
    delegates = [
        d.model_copy(update={
            "name": f"{d.name}{HOSTILE}", "objectives": [
                o.model_copy(update={"description": f"{HOSTILE}{o.description}"}) for o in d.objectives]})
        for d in scenario.delegates]
    priorities = [p.model_copy(update={"name": f"{TITLE}{p.name}{CLEAR}"}) for p in scenario.priorities]
    events = [e.model_copy(update={"title": f"{e.title}{HOSTILE}", "text": f"{CLEAR}{e.text}"})
              for e in scenario.events]
    hostile = scenario.model_copy(update={"delegates": delegates, "priorities": priorities, "events": events})
    game = play(hostile, 2)
    assert any(HOSTILE in e.text for e in game.view("facilitator").log)  # the engine's log carries it
    return game


def _assert_clean(output: str, *, colours: bool) -> None:
    sgr = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours, on a terminal
    rest = sgr.sub("", output) if colours else output
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", rest), \
        repr(sorted(set(re.findall(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", rest))))
    assert "[2J" not in rest and "0;title" not in rest and "http://x" not in rest


def test_the_transcript_prints_no_escape_from_a_hostile_scenario(hostile_game):
    text = transcript_text(hostile_game)
    _assert_clean(text, colours=False)
    assert "France" in text and "Ceasefire monitoring" in text
    assert "France contributes troops to the reassurance force." in text


def test_the_coloured_transcript_has_only_colour_escapes(hostile_game):
    buffer = StringIO()
    Console(file=buffer, width=120, force_terminal=True, color_system="truecolor").print(transcript(hostile_game))
    output = buffer.getvalue()
    assert "\x1b[" in output  # it did colour
    _assert_clean(output, colours=True)


def test_results_list_objective_text_not_ids():
    game = play(load_scenario("tutorial").scenario, 3)
    text = transcript_text(game)
    result = text[text.index("Private objectives (revealed)"):]
    assert "lead_force" not in result and "backstop_first" not in result
    met = sum(game.result()["delegates"][s]["objectives"][o] for s in game.seats
              for o in game.result()["delegates"][s]["objectives"])
    rows = result.split("\n", 2)[2]  # after the title and the header (which explains the marks)
    assert rows.count("✓") == met
    assert "France contributes troops to the reassurance force. (+3)" in " ".join(result.split())
