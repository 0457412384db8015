"""The disk cache of validated scenarios: used when the bytes were validated before, and ignored
(the file is parsed instead) whenever an entry is missing, damaged, forged or unwritable."""

import pickle
import shutil
from pathlib import Path

import pytest

from game.content import scenario_cache, scenarios
from game.content.scenarios import load_scenario, load_scenario_file
from game.errors import ScenarioError

TUTORIAL = Path(__file__).parents[2] / "scenarios" / "tutorial.yaml"
BUNDLED = sorted(TUTORIAL.parent.glob("*.yaml"))
EXPLODED: list[str] = []


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache folder, an empty in-process memo, and a count of the files actually parsed."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(scenarios, "_cache", {})
    parsed: list[str] = []
    parse = scenarios.parse_scenario

    def counting(raw, name, path=None):
        parsed.append(name)
        return parse(raw, name, path)

    monkeypatch.setattr(scenarios, "parse_scenario", counting)
    return parsed


def _copy(tmp_path: Path, source: Path = TUTORIAL) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


def _forget() -> None:
    """Forgets the in-process memo, as a new `coalition` process would start without it."""
    scenarios._cache.clear()


@pytest.mark.parametrize("source", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_a_second_load_comes_from_the_cache_and_equals_a_fresh_parse(cache, tmp_path, source):
    path = _copy(tmp_path, source)
    first = load_scenario(path)
    assert cache == [str(path)]
    assert scenario_cache.entry_path(path.read_bytes()).is_file()
    _forget()
    second = load_scenario(path)
    assert cache == [str(path)], "the second load parsed the file again"
    fresh = load_scenario_file(path)
    assert second.scenario == fresh.scenario == first.scenario
    assert second.content_hash == fresh.content_hash == first.content_hash
    assert second.path == path


def test_changed_bytes_miss_the_cache(cache, tmp_path):
    path = _copy(tmp_path)
    load_scenario(path)
    path.write_bytes(path.read_bytes() + b"\n# a comment changes the bytes, not the content\n")
    _forget()
    again = load_scenario(path)
    assert cache == [str(path), str(path)]
    assert again.content_hash == load_scenario_file(TUTORIAL).content_hash


def _explode():
    EXPLODED.append("ran")
    return "boom"


class _Forged:
    def __reduce__(self):
        return (_explode, ())


def _digest_framed(payload: bytes) -> bytes:
    import hashlib

    return scenario_cache.MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _retitled(data: bytes) -> bytes:
    """One letter of a text changed: still a valid pickle, so only the digest can tell."""
    assert b"tutorial" in data
    return data.replace(b"tutorial", b"tutoriaL", 1)


DAMAGE = {
    "a changed letter": _retitled,
    "a flipped byte": lambda data: data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:],
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "not a cache file": lambda data: b"meta:\n  id: nonsense\n",
    "a forged entry calling a function": lambda data: _digest_framed(pickle.dumps((_Forged(), "0" * 64))),
    "a well-formed entry of the wrong type": lambda data: _digest_framed(pickle.dumps(("a scenario", "0" * 64))),
    "a well-formed entry naming a non-model class": lambda data: _digest_framed(pickle.dumps((Path("x"), "0" * 64))),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_or_tampered_entry_is_ignored_and_replaced(cache, tmp_path, damage):
    path = _copy(tmp_path)
    expected = load_scenario(path)
    entry = scenario_cache.entry_path(path.read_bytes())
    entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    EXPLODED.clear()
    _forget()
    loaded = load_scenario(path)
    assert EXPLODED == [], "the forged entry ran a function"
    assert cache == [str(path), str(path)], "the damaged entry was used instead of parsing the file"
    assert loaded.scenario == expected.scenario and loaded.content_hash == expected.content_hash
    assert scenario_cache.read_cached(path.read_bytes()) is not None, "the entry was not written again"


def test_an_unwritable_cache_is_skipped(cache, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = _copy(tmp_path)
    first = load_scenario(path)
    _forget()
    second = load_scenario(path)
    assert cache == [str(path), str(path)]
    assert first.scenario == second.scenario


def test_a_relative_cache_home_is_ignored_as_the_spec_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert scenario_cache.cache_dir() == tmp_path / ".cache" / "coalition-table" / "scenarios"


def test_a_file_with_problems_is_never_cached_and_says_the_same_each_time(cache, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(TUTORIAL.read_text(encoding="utf-8").replace("rounds:", "roundz:", 1), encoding="utf-8")
    messages = []
    for _ in range(2):
        _forget()
        with pytest.raises(ScenarioError) as err:
            load_scenario(path)
        messages.append(str(err.value))
    assert messages[0] == messages[1] and "roundz" in messages[0]
    assert not scenario_cache.entry_path(path.read_bytes()).exists()
    with pytest.raises(ScenarioError) as direct:
        load_scenario_file(path)
    assert str(direct.value) == messages[0]


def test_the_key_covers_the_validating_code(monkeypatch, tmp_path):
    """A changed model (same scenario bytes) must not find the entry the old model wrote."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    raw = TUTORIAL.read_bytes()
    before = scenario_cache.entry_path(raw)
    monkeypatch.setattr(scenario_cache, "code_fingerprint", lambda: b"another model")
    assert scenario_cache.entry_path(raw) != before


def test_without_the_validating_code_to_read_there_is_no_cache(cache, tmp_path, monkeypatch):
    monkeypatch.setattr(scenario_cache, "_SOURCES", ("game/model/*.py", "game/no-such-module.py"))
    scenario_cache.code_fingerprint.cache_clear()
    try:
        assert scenario_cache.code_fingerprint() is None
        path = _copy(tmp_path)
        load_scenario(path)
        _forget()
        load_scenario(path)
        assert cache == [str(path), str(path)]
        assert not (tmp_path / "cache").exists()
    finally:
        scenario_cache.code_fingerprint.cache_clear()


def test_an_entry_in_a_folder_others_may_write_is_not_trusted(cache, tmp_path):
    path = _copy(tmp_path)
    load_scenario(path)
    raw = path.read_bytes()
    entry = scenario_cache.entry_path(raw)
    assert scenario_cache.read_cached(raw) is not None
    entry.parent.chmod(0o777)  # another user could have planted the entry
    try:
        assert scenario_cache.read_cached(raw) is None
        _forget()
        load_scenario(path)
        assert cache == [str(path), str(path)]  # parsed again, as with no cache
    finally:
        entry.parent.chmod(0o700)
