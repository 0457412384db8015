"""Forgiving names (issue 15), a refused repeated --bot SEAT and strict JSON (issue 10)."""

import json
import math

import click
import pytest
from click.testing import CliRunner

from game.cli import main
from game.cli.common import check_seats, echo_json, name_key, seat_overrides, strict_json
from game.content.scenarios import load_scenario
from game.errors import CoalitionError


@pytest.fixture(scope="module")
def paris():
    return load_scenario("paris-2026").scenario


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("typed", ["France=random", "FR=Random", "fr=random", " france = RANDOM", "FRANCE=random"])
def test_a_seat_is_found_by_id_or_name_in_any_case(paris, typed):
    assert seat_overrides(paris, (typed,)) == {"fr": "random"}


def test_names_with_accents_and_countries_are_found(paris):
    assert seat_overrides(paris, ("turkiye=cautious",)) == {"tr": "cautious"}
    assert seat_overrides(paris, ("Türkiye=cautious",)) == {"tr": "cautious"}
    assert seat_overrides(paris, ("estonia (FOR the baltic states)=random",)) == {"ee": "random"}


def test_a_country_and_the_full_name_are_the_same_seat_and_refused_twice(paris):
    with pytest.raises(click.BadParameter, match="given twice"):
        seat_overrides(paris, ("Estonia=random", "Estonia (for the Baltic states)=cautious"))
    assert seat_overrides(paris, ("Estonia=random",)) == {"ee": "random"}


def test_an_unknown_seat_names_the_choices(paris):
    with pytest.raises(click.BadParameter) as err:
        seat_overrides(paris, ("Atlantis=random",))
    message = err.value.format_message()
    assert "no delegation 'Atlantis'" in message
    for choice in ("fr (France)", "tr (Türkiye)", "nato (NATO)"):
        assert choice in message


@pytest.mark.parametrize("pairs", [("fr=random", "fr=cautious"), ("fr=random", "FR=random"),
                                   ("France=random", "fr=cautious")])
def test_the_same_seat_twice_is_refused(paris, pairs):
    with pytest.raises(click.BadParameter, match="given twice"):
        seat_overrides(paris, pairs)


def test_check_seats_rewrites_names_to_ids_for_existing_callers(paris):
    overrides = {"United Kingdom": "negotiator", "DE": "cautious"}
    check_seats(paris, overrides)
    assert overrides == {"uk": "negotiator", "de": "cautious"}


def test_the_cli_accepts_names_and_refuses_repeats():
    by_name = json.loads(invoke("run", "tutorial", "--seed", "1", "--json", "--bot", "France=Random").output)
    by_id = json.loads(invoke("run", "tutorial", "--seed", "1", "--json", "--bot", "fr=random").output)
    assert by_name == by_id
    twice = invoke("run", "tutorial", "--bot", "fr=random", "--bot", "France=cautious")
    assert twice.exit_code == 2
    assert "given twice" in twice.output and "Traceback" not in twice.output
    wrong_kind = invoke("run", "tutorial", "--bot", "fr=wizard")
    assert wrong_kind.exit_code == 2 and "random, cautious" in wrong_kind.output


def test_name_key_folds_case_accents_and_spaces():
    assert name_key("  Türkiye ") == name_key("TURKIYE") == "turkiye"
    assert name_key("United   Kingdom") == "united kingdom"


def test_strict_json_refuses_non_finite_numbers_and_names_where():
    assert json.loads(strict_json({"a": [1.5, 2]})) == {"a": [1.5, 2]}
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(CoalitionError, match=r"priorities\.force\.progress = .* not a finite number"):
            strict_json({"priorities": {"force": {"progress": bad}}})
    with pytest.raises(CoalitionError, match=r"tracks\[1\]"):
        strict_json({"tracks": [0.0, math.inf]})


def test_echo_json_through_a_command_gives_one_message_and_exit_1():
    from game.cli.common import user_errors

    @click.command()
    @user_errors
    def dump():
        echo_json({"progress": float("inf")})

    result = CliRunner().invoke(dump, [])
    assert result.exit_code == 1
    assert result.output.strip() == "error: cannot print JSON: progress = inf is not a finite number"
