"""The classroom pack: pages and text read back from the PDF with pypdf, for every bundled scenario."""

import re
import typing

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from game.cli import main
from game.content.scenarios import bundled_scenario_files, load_scenario, load_scenario_file
from game.engine import effect_words, explanations
from game.errors import CoalitionError
from game.model.conditions import Condition
from game.model.effects import Effect
from game.report import pack_layout
from game.report.hotwash import stage_of
from game.report.pack import pack_seats, write_pack
from game.report.pack_plans import PLAN_MINUTES, RESEAT_MINUTES, make_plan

SCENARIOS = sorted(load_scenario_file(p).scenario.meta.id for p in bundled_scenario_files())


def words(value: str) -> str:
    """Text as pypdf gives it back: one space between words."""
    return " ".join(value.replace("\u00ad", "").split())


class Pack:
    """A written pack: its layout (pages per section) and each page's text and glyph positions."""

    def __init__(self, scenario, path, everyone=False):
        self.scenario = scenario
        self.layout = write_pack(scenario, path, everyone=everyone)
        reader = PdfReader(path)
        footer = re.compile(r" ?" + re.escape(words(scenario.meta.title)) + r" · classroom pack [^·]*(· [^·]* )?· page \d+$")
        self.texts, self.outside = [], []
        for number, page in enumerate(reader.pages, 1):
            width, height = float(page.mediabox.width), float(page.mediabox.height)

            def visit(text, cm, tm, font, size, number=number, width=width, height=height):
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                if text.strip() and not (0 <= x <= width and 0 <= y <= height):
                    self.outside.append((number, text, x, y))

            self.texts.append(footer.sub("", words(page.extract_text(visitor_text=visit))))
        self.pages = len(reader.pages)

    def section_text(self, key: str) -> str:
        return " ".join(self.texts[p - 1] for p in self.layout[key])


@pytest.fixture(scope="module", params=[(s, every) for s in SCENARIOS for every in (False, True)],
                ids=lambda p: f"{p[0]}-{'all' if p[1] else 'core'}")
def pack(request, tmp_path_factory):
    scenario_id, everyone = request.param
    path = tmp_path_factory.mktemp("pack") / f"{scenario_id}.pdf"
    return Pack(load_scenario(scenario_id).scenario, path, everyone)


def test_each_delegation_has_its_own_pages_then_the_run_sheet(pack):
    seats = [key for key in pack.layout if key.startswith("seat:")]
    printed = pack_seats(pack.scenario, everyone=len(seats) == len(pack.scenario.delegates))
    assert seats == [f"seat:{d.id}" for d in printed]
    pages = [p for key in [*seats, "runsheet"] for p in pack.layout[key]]
    assert pages == list(range(1, pack.pages + 1)), "sections share a page or skip one"
    for delegate in printed:
        first = pack.texts[pack.layout[f"seat:{delegate.id}"][0] - 1]
        assert first.startswith(f"CONFIDENTIAL ROLE CARD · {words(pack.scenario.meta.title)} {words(delegate.name)}")


def test_a_card_holds_its_own_briefs_objectives_red_lines_and_capacities_and_no_one_elses(pack):
    for d in pack.scenario.delegates:
        key = f"seat:{d.id}"
        if key not in pack.layout:
            continue
        card = pack.section_text(key)
        for part in (d.public_brief, d.confidential_brief, d.red_lines.note, d.principal.name,
                     *(o.description for o in d.objectives)):
            assert words(part) in card, f"{d.id}: missing {part[:60]!r}"
        for kind in pack.scenario.commitment_kinds:
            if d.capacities.get(kind.id):
                assert words(kind.name) in card
        for body in {a.body for k, a in d.approvals.items() if a.required and d.capacities.get(k)}:
            assert words(body) in card
        others = [o for o in pack.scenario.delegates if o.id != d.id]
        leaked = [o.id for o in others if words(o.confidential_brief) in card]
        assert not leaked, f"{d.id}'s card shows the confidential brief of {leaked}"


def test_the_run_sheet_has_seats_plans_events_and_the_hotwash(pack):
    sheet = pack.section_text("runsheet")
    for d in pack.scenario.delegates:
        assert words(d.name) in sheet
    for minutes in PLAN_MINUTES:
        assert f"Lesson plan: {minutes} minutes" in sheet
    for event in pack.scenario.events:
        assert words(event.title) in sheet
    for question in pack.scenario.meta.debrief_questions:
        assert words(stage_of(question)[1]) in sheet
    for stage in ("1. Reactions", "2. What happened", "3. Why", "4. Lessons"):
        assert stage in sheet


def test_nothing_is_drawn_off_the_page(pack):
    assert pack.outside == []


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_plans_fill_their_time_and_never_play_more_rounds_than_the_rules(scenario_id):
    scenario = load_scenario(scenario_id).scenario
    rounds = []
    for minutes in PLAN_MINUTES:
        plan = make_plan(scenario, minutes)
        played = plan.games * plan.rounds * plan.round_minutes + (plan.games - 1) * RESEAT_MINUTES
        assert plan.briefing + plan.pause + played + plan.debrief == minutes
        assert 1 <= plan.rounds <= scenario.rules.rounds
        assert plan.cuts
        for round_, ids in plan.injects:
            assert 1 <= round_ <= plan.rounds and all(i in {e.id for e in scenario.events} for i in ids)
        rounds.append(plan.games * plan.rounds)
    assert rounds == sorted(rounds)


def test_paris_plans_cut_rounds_at_one_screen_and_inject_the_debrief_cards():
    scenario = load_scenario("paris-2026").scenario
    short, long = make_plan(scenario, 90), make_plan(scenario, 180)
    assert short.rounds < scenario.rules.rounds and any("Play 3 of the 6 rounds" in c for c in short.cuts)
    assert long.rounds == scenario.rules.rounds
    injected = {i for _, ids in long.injects for i in ids}
    assert {"secretary_returns", "attention_drifts", "legitimate_targets"} <= injected


def _tutorial_with(**delegate_changes):
    scenario = load_scenario("tutorial").scenario
    first = scenario.delegates[0].model_copy(update=delegate_changes)
    return scenario.model_copy(update={"delegates": [first, *scenario.delegates[1:]]})


def test_non_latin_text_and_markup_characters_print_as_written(tmp_path):
    scenario = _tutorial_with(name="Україна & <b>Ελλάδα</b>", public_brief="Київ чекає; 5 < 6 & \"quotes\".")
    pack = Pack(scenario, tmp_path / "u.pdf")
    card = pack.section_text("seat:fr")
    assert "Україна & <b>Ελλάδα</b>" in card and "Київ чекає; 5 < 6 & \"quotes\"." in card


def test_a_long_brief_runs_onto_more_pages_of_the_same_card(tmp_path):
    brief = " ".join(f"Clause {n} of the secret instructions must be kept." for n in range(400))
    pack = Pack(_tutorial_with(confidential_brief=brief), tmp_path / "long.pdf")
    assert len(pack.layout["seat:fr"]) >= 3
    assert words(brief) in pack.section_text("seat:fr")
    assert pack.texts[pack.layout["seat:uk"][0] - 1].startswith("CONFIDENTIAL ROLE CARD")
    assert pack.outside == []


def test_without_dejavu_the_pack_falls_back_to_helvetica(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_layout, "_registered", None)
    monkeypatch.setattr(pack_layout, "_SYSTEM_FONTS", ())
    monkeypatch.setattr(pack_layout, "_matplotlib_fonts", lambda: None)
    assert pack_layout.register_fonts().regular == "Helvetica"
    assert pack_layout.text("Türkiye → Україна") == "Turkiye ? ???????"
    pack = Pack(_tutorial_with(name="Türkiye"), tmp_path / "h.pdf")
    assert pack.texts[0].startswith("CONFIDENTIAL ROLE CARD") and "Turkiye" in pack.texts[0]


def test_dejavu_is_found_on_this_machine():
    fonts = pack_layout.register_fonts()
    assert fonts.unicode and fonts.source.endswith("DejaVuSans.ttf")
    assert pack_layout._matplotlib_fonts().joinpath("DejaVuSans.ttf").is_file()  # the fallback ships with a dependency


def test_write_pack_refuses_a_missing_folder(tmp_path):
    target = tmp_path / "nowhere" / "pack.pdf"
    with pytest.raises(CoalitionError, match="does not exist"):
        write_pack(load_scenario("tutorial").scenario, target)
    assert not target.parent.exists()


def test_the_pack_command(tmp_path):
    runner = CliRunner()
    out = tmp_path / "tutorial.pdf"
    ok = runner.invoke(main, ["pack", "tutorial", "--out", str(out)])
    assert ok.exit_code == 0 and out.read_bytes().startswith(b"%PDF")
    assert re.search(r"4 role cards and the run sheet, \d+ pages", ok.stderr)
    missing = runner.invoke(main, ["pack", "tutorial", "--out", str(tmp_path / "no" / "p.pdf")])
    assert missing.exit_code == 1 and missing.output.count("\n") == 1
    assert "folder" in missing.output and "does not exist" in missing.output and "Traceback" not in missing.output
    unknown = runner.invoke(main, ["pack", "atlantis", "--out", str(out)])
    assert unknown.exit_code == 1 and "Traceback" not in unknown.output


def _literals(union, field: str) -> set[str]:
    members = typing.get_args(typing.get_args(union)[0])
    return {typing.get_args(m.model_fields[field].annotation)[0] for m in members}


def test_the_wording_covers_every_condition_and_effect():
    assert set(explanations._EXPLAIN) == _literals(Condition, "test")
    assert set(effect_words.EFFECT_WORDS) == _literals(Effect, "op")
