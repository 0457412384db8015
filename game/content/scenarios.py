"""Finds, loads and validates scenario files; the one place scenarios are read.

Every problem of a file is reported at once, each with FILE:LINE:COL. Loaded scenarios are
cached by path and modification time, and on disk by content (`scenario_cache`), so a command
that loads a file validated before imports neither YAML nor the error messages.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from game.content import scenario_cache
from game.content.data_dirs import scenarios_dir
from game.content.files import MAX_BYTES, UnreadableFile, read_bounded
from game.errors import FileProblem, ScenarioError, UnknownScenarioError
from game.model.scenario import Scenario


@dataclass(frozen=True)
class LoadedScenario:
    scenario: Scenario
    path: Path
    content_hash: str
    """sha256 of the validated content (not the bytes): comments and layout don't change it."""


@dataclass(frozen=True)
class BundledScenario:
    id: str
    title: str
    path: Path


_cache: dict[tuple[Path, float], LoadedScenario] = {}


def load_scenario(name_or_path: str | Path) -> LoadedScenario:
    """Returns the validated scenario named by bundled id or path; raises CoalitionError."""
    path = resolve_scenario(name_or_path)
    key = (path.resolve(), path.stat().st_mtime)
    if key not in _cache:
        raw = _read(path)
        cached = scenario_cache.read_cached(raw)
        if cached is not None:
            _cache[key] = LoadedScenario(cached[0], path, cached[1])
        else:
            _cache[key] = parse_scenario(raw, str(path), path)
            scenario_cache.write_cached(raw, _cache[key].scenario, _cache[key].content_hash)
        remember_source(_cache[key].content_hash, raw)  # a record of a game on it carries these bytes
    return _cache[key]


def load_scenario_file(path: Path) -> LoadedScenario:
    """Parses and validates one file, never from a cache; raises ScenarioError listing every problem."""
    raw = _read(path)
    loaded = parse_scenario(raw, str(path), path)
    remember_source(loaded.content_hash, raw)
    return loaded


def _read(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_BYTES)
    except UnreadableFile as err:
        raise ScenarioError([err.problem]) from None


def parse_scenario(raw: bytes, name: str, path: Path | None = None) -> LoadedScenario:
    """Validates scenario bytes; `name` is what messages call the file."""
    from pydantic import ValidationError

    from game.content.messages import problem_at, pydantic_problems
    from game.content.yaml_safe import YamlProblem, parse_yaml
    from game.model.references import check_references

    try:
        parsed = parse_yaml(raw, name)
    except YamlProblem as err:
        raise ScenarioError([err.problem]) from None
    problems = list(parsed.problems)
    try:
        scenario = Scenario.model_validate(parsed.data)
    except ValidationError as err:
        problems += pydantic_problems(err.errors(), parsed.root, name)
        raise ScenarioError(_sorted(problems)) from None
    for loc, message in check_references(scenario):
        problems.append(problem_at(parsed.root, loc, name, message))
    if problems:
        raise ScenarioError(_sorted(problems))
    digest = hashlib.sha256(scenario.model_dump_json().encode()).hexdigest()
    return LoadedScenario(scenario, path or Path(name), digest)


_sources: dict[str, bytes] = {}
_MAX_SOURCES = 16


def remember_source(content_hash: str, raw: bytes) -> None:
    """Keeps the bytes a scenario was read from, so a record of its game can carry them (records.py)."""
    _sources.pop(content_hash, None)
    _sources[content_hash] = raw
    while len(_sources) > _MAX_SOURCES:  # a table that loads many records keeps only the latest
        del _sources[next(iter(_sources))]


def scenario_source(content_hash: str) -> bytes | None:
    """Returns the bytes a scenario of this content hash was read from in this process, or None."""
    return _sources.get(content_hash)


def _sorted(problems: list[FileProblem]) -> list[FileProblem]:
    return sorted(problems, key=lambda p: (p.line, p.column))


def resolve_scenario(name_or_path: str | Path) -> Path:
    """Returns the file for a bundled id (`paris-2026`) or a path; raises UnknownScenarioError."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    candidate = scenarios_dir() / f"{name_or_path}.yaml"
    if candidate.is_file():
        return candidate
    known = ", ".join(s.stem for s in bundled_scenario_files()) or "none"
    raise UnknownScenarioError(
        f"unknown scenario '{name_or_path}': not a file, and not a bundled scenario id "
        f"(bundled: {known})"
    )


def bundled_scenario_file(scenario_id: str) -> Path | None:
    """Returns the bundled file of this id, or None; an id is never read as a path."""
    for path in bundled_scenario_files():
        if path.stem == scenario_id:
            return path
    return None


def bundled_scenario_files() -> list[Path]:
    return sorted(scenarios_dir().glob("*.yaml"))


def bundled_scenarios() -> list[BundledScenario]:
    """Returns every bundled scenario that validates, with its title, for pickers."""
    found = []
    for path in bundled_scenario_files():
        try:
            loaded = load_scenario(path)
        except ScenarioError:
            continue
        found.append(BundledScenario(loaded.scenario.meta.id, loaded.scenario.meta.title, path))
    return found
