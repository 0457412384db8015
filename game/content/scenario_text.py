"""A scenario carried inside a game record or journal: the YAML text of a scenario that is not bundled.

A record names its scenario by id and content hash. For a scenario file (not bundled, or a
bundled id whose content differs) it also carries the file's text, which loading parses with
the scenario loader and checks against that hash: a game on any file is then reviewed,
replayed and loaded anywhere, and the program never reads a path named inside a record.
"""

from pathlib import Path

import yaml

from game.content.scenarios import (
    LoadedScenario,
    bundled_scenario_file,
    bundled_scenario_files,
    load_scenario,
    parse_scenario,
    remember_source,
    scenario_source,
)
from game.errors import CoalitionError, FileProblem, RecordError, ScenarioError
from game.model.record import MAX_SCENARIO_TEXT
from game.model.scenario import Scenario

_CANONICAL_HEADER = "# The scenario as this program validated it (its file's own text was not at hand).\n"


def is_bundled(scenario_id: str, content_hash: str) -> bool:
    """True when a bundled scenario has this id and this very content."""
    path = bundled_scenario_file(scenario_id)
    if path is None:
        return False
    try:
        return load_scenario(path).content_hash == content_hash
    except CoalitionError:
        return False


def text_to_carry(scenario: Scenario, content_hash: str) -> str | None:
    """Returns the scenario's YAML text for a record or journal to carry, or None for a bundled scenario.

    The text is the file's own (comments and all) when this process read it; otherwise the
    validated scenario written out as YAML, kept only if it validates back to the same hash."""
    if is_bundled(scenario.meta.id, content_hash):
        return None
    raw = scenario_source(content_hash)
    if raw is not None:
        return raw.decode("utf-8-sig")
    data = scenario.model_dump(mode="json", exclude_defaults=True)
    text = _CANONICAL_HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    try:
        same = parse_scenario(text.encode(), "the scenario written out").content_hash == content_hash
    except ScenarioError:
        same = False
    return text if same and len(text) <= MAX_SCENARIO_TEXT else None


def scenario_from_text(text: str, where: str, scenario_id: str, scenario_hash: str,
                       at: tuple[int, int] | None = None) -> LoadedScenario:
    """Returns the scenario a record or journal carries, after checking it against the id and content
    hash the file names; raises RecordError. A bad scenario's problems are placed in `where` when `at`
    gives the lines and columns before the text there (a YAML block), else within the text itself."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate escaped into JSON text
        raise RecordError(f"{where}: the scenario this file carries (scenario_text) is not valid text "
                          f"(character {err.start + 1} cannot be UTF-8): the file is damaged") from None
    try:
        loaded = parse_scenario(raw, f"{where} (its scenario_text)")
    except ScenarioError as err:
        problems = err.problems if at is None else [_shifted(p, where, at) for p in err.problems]
        raise RecordError(f"{where}: the scenario this file carries (scenario_text) does not validate:\n"
                          + "\n".join(str(p) for p in problems)) from None
    if loaded.scenario.meta.id != scenario_id:
        raise RecordError(f"{where}: the scenario this file carries is '{loaded.scenario.meta.id}', but the file "
                          f"says its game is of scenario '{scenario_id}': the file was edited or is damaged")
    if loaded.content_hash != scenario_hash:
        raise RecordError(f"{where}: the scenario this file carries (scenario_text) does not match its "
                          f"scenario_hash ({loaded.content_hash[:12]}… against {scenario_hash[:12]}…): the "
                          "scenario was edited after the game was saved, or the file is damaged")
    remember_source(loaded.content_hash, raw)  # saving this game again carries the same text
    return loaded


def given_or_bundled(where: object, what: str, scenario_id: str, scenario: "str | Path | None") -> LoadedScenario:
    """Returns the scenario given (`--scenario`), else the bundled one of this id; raises RecordError
    saying what to do. `what` is "record" or "journal"; an id is never read as a path."""
    source = scenario or bundled_scenario_file(scenario_id)
    if source is None:
        bundled = ", ".join(p.stem for p in bundled_scenario_files()) or "none"
        raise RecordError(f"{where}: this {what} is a game of scenario '{scenario_id}', which is not bundled "
                          f"with this version (bundled: {bundled}); give the scenario's file with --scenario FILE")
    try:
        return load_scenario(source)
    except CoalitionError as err:
        raise RecordError(f"{where}: cannot load scenario '{source}' for this {what}: {err}") from None


def _shifted(problem: FileProblem, where: str, at: tuple[int, int]) -> FileProblem:
    if not problem.line:
        return FileProblem(where, 0, 0, problem.path, problem.message)
    return FileProblem(where, problem.line + at[0], problem.column + at[1], problem.path, problem.message)
