"""The game journal: an append-only JSON Lines file written (and fsynced) as a game is played.

Line 1 is a header (journal format, scenario id and content hash, seed, controllers; the
scenario's text when it is not bundled; for a fork, its whole start record, since its RNG
restarts where it branched); each
later line is one accepted action (the same dict a record holds) or a facade undo. A line
is on disk before anyone is told of the action, so a crash loses nothing accepted; a
kill -9 mid-write can only tear the last line, which loading drops with a note.
"""

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.scenario_text import given_or_bundled, scenario_from_text, text_to_carry
from game.engine import Game, ReplayError, SetupError
from game.errors import RecordError
from game.model.actions import ACTIONS, action_to_dict
from game.model.formats import migrate_action
from game.model.record import MAX_SCENARIO_TEXT, GameRecord

JOURNAL_FORMAT = 2
"""2: action lines use the field names of record format 2. A format-1 journal's lines are renamed
on load (`game.model.formats`); renaming leaves a newer line as it is, so a format-1 journal
resumed by this program (its header unchanged, new lines in format 2) loads too."""
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 256 * 1024


def journal_folder() -> Path:
    """Returns the user's data folder for journals (XDG_DATA_HOME, else ~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "coalition-table" / "journals"


def default_journal(scenario_id: str, folder: Path | None = None) -> Path:
    """Returns a new journal path (no file there yet) in `folder`, by default the user's data folder."""
    base = folder or journal_folder()
    stem = f"{scenario_id}-{time.strftime('%Y%m%d-%H%M%S')}"
    path, n = base / f"{stem}.jsonl", 1
    while path.exists():
        n += 1
        path = base / f"{stem}-{n}.jsonl"
    return path


class JournalWriter:
    """Appends lines to a journal, each written and fsynced before the call returns."""

    def __init__(self, path: str | Path, fd: int):
        self.path = Path(path)
        self._fd = fd
        self._dirty = False

    @classmethod
    def create(cls, path: str | Path, game: Game) -> "JournalWriter":
        """Starts a new journal for a game that has no actions yet; refuses to overwrite a file."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
        except FileExistsError:
            raise RecordError(f"{path}: a journal already exists there (use --resume to continue it)") from None
        except OSError as err:
            raise RecordError(f"{path}: cannot create the journal: {err.strerror}") from None
        writer = cls(path, fd)
        record = game.record()
        header = {"journal": JOURNAL_FORMAT, "scenario_id": game.scenario.meta.id,
                  "scenario_hash": game.content_hash, "seed": game.seed,
                  "controllers": dict(record.controllers), **({"turns": game.turns} if game.turns else {})}
        carried = text_to_carry(game.scenario, game.content_hash)
        if carried is not None:  # a scenario file: the journal carries it, as a record does
            header["scenario_text"] = carried
        if record.parent is not None:  # a fork: its RNG restarts where it branched, so keep its whole start
            header["start"] = record.model_dump(mode="json")
            writer._write(header)
            return writer
        writer._write(header)
        for action in game.actions:
            writer.action(action)
        return writer

    @classmethod
    def reopen(cls, path: str | Path, good_bytes: int) -> "JournalWriter":
        """Reopens a journal to append, first cutting a torn last line (everything past `good_bytes`)."""
        path = Path(path)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND)
            if os.fstat(fd).st_size > good_bytes:
                os.ftruncate(fd, good_bytes)
                os.fsync(fd)
        except OSError as err:
            raise RecordError(f"{path}: cannot reopen the journal: {err.strerror}") from None
        return cls(path, fd)

    def action(self, action: Any, *, sync: bool = True) -> None:
        """Journals an accepted action; with sync=False the caller must `sync()` before telling anyone."""
        self._write({"action": action_to_dict(action)}, sync=sync)

    def sync(self) -> None:
        """Flushes every line written so far to disk (one fsync for a batch of actions)."""
        if self._dirty:
            os.fsync(self._fd)
            self._dirty = False

    def undo(self) -> None:
        """Journals a facade undo (the last journaled action is taken back)."""
        self._write({"undo": True})

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    def _write(self, data: dict[str, Any], sync: bool = True) -> None:
        line = (json.dumps(data, separators=(",", ":"), allow_nan=False, ensure_ascii=False) + "\n").encode()
        view = memoryview(line)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self._dirty = True
        if sync:
            self.sync()


@dataclass
class Journal:
    """A loaded journal: the record it replays to, and what loading had to say."""

    path: Path
    record: GameRecord
    game: Game
    good_bytes: int
    """Bytes up to the end of the last complete line (a resumed writer appends there)."""
    notes: list[str] = field(default_factory=list)
    undos: int = 0


def read_journal(path: str | Path, scenario: str | Path | None = None) -> Journal:
    """Reads and replays a journal (against `scenario`, by default the one its header carries, else the
    bundled one of its id)."""
    path = Path(path)
    raw = _read(path)
    lines, good_bytes, notes = _split(path, raw)
    if not lines:
        raise RecordError(f"{path}: an empty journal (no header line)")
    header = _header(path, lines[0])
    loaded = _scenario_for(path, header, scenario)
    if header["scenario_hash"] != loaded.content_hash:
        raise RecordError(f"{path}: this journal was written for another version of scenario "
                          f"'{header['scenario_id']}' (its content hash differs)")
    game = _start(path, header, loaded)
    undos = 0
    for number, data in enumerate(lines[1:], start=2):
        undos += _replay_line(path, number, data, game, header["journal"])
    return Journal(path, game.record(), game, good_bytes, notes, undos)


def _scenario_for(path: Path, header: dict[str, Any], scenario: str | Path | None):
    """Returns the scenario to replay against: the one given, the one the header carries, or the
    bundled one of its id (an id is never read as a path)."""
    if scenario is None and "scenario_text" in header:
        return scenario_from_text(header["scenario_text"], f"{path}:1", header["scenario_id"], header["scenario_hash"])
    return given_or_bundled(path, "journal", header["scenario_id"], scenario)


def load_journal(path: str | Path, scenario: str | Path | None = None) -> GameRecord:
    """Returns the game record a journal replays to (a torn last line is dropped)."""
    return read_journal(path, scenario).record


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_JOURNAL_BYTES:
            raise RecordError(f"{path}: larger than {MAX_JOURNAL_BYTES // 2**20} MB; not a journal")
        return path.read_bytes()
    except OSError as err:
        raise RecordError(f"{path}: cannot read the journal: {err.strerror}") from None


def _split(path: Path, raw: bytes) -> tuple[list[dict[str, Any]], int, list[str]]:
    """Returns the parsed lines, the length of the complete ones, and notes on a torn tail."""
    parts = raw.split(b"\n")
    tail = parts.pop()  # after the last newline: b"" when the file ends cleanly
    notes = []
    lines: list[dict[str, Any]] = []
    for number, part in enumerate(parts, start=1):
        data = _parse_line(part, MAX_JOURNAL_BYTES if number == 1 else MAX_LINE_BYTES)
        if data is None:  # a complete line (it has its newline) cannot be torn: refuse it
            raise RecordError(f"{path}:{number}: not a journal line (expected one JSON object)")
        lines.append(data)
    good_bytes = len(raw) - len(tail)
    if tail:
        notes.append(f"{path}:{len(parts) + 1}: dropped a torn last line ({len(tail)} bytes, no newline): "
                     "the program stopped while writing it, so that action was never confirmed to anyone")
    return lines, good_bytes, notes


def _parse_line(part: bytes, limit: int) -> dict[str, Any] | None:
    if len(part) > limit:
        return None
    try:
        data = json.loads(part)
    except ValueError:  # also catches bad UTF-8 and integers too long to read
        return None
    return data if isinstance(data, dict) else None


def _header(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("journal")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordError(f"{path}:1: not a game journal (the first line has no 'journal' format number)")
    if version > JOURNAL_FORMAT:
        raise RecordError(f"{path}:1: journal format {version} is newer than this program reads "
                          f"({JOURNAL_FORMAT}); update Coalition Table")
    problems = [name for name, kind in (("scenario_id", str), ("scenario_hash", str), ("seed", int),
                                        ("controllers", dict))
                if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool)]
    if not isinstance(data.get("scenario_text", ""), str) or len(data.get("scenario_text", "")) > MAX_SCENARIO_TEXT:
        problems.append(f"scenario_text (the scenario's YAML text, up to {MAX_SCENARIO_TEXT // 2**20} MB)")
    if problems:
        raise RecordError(f"{path}:1: the journal header lacks a valid {', '.join(problems)}")
    if not 0 <= data["seed"] < 2**64:
        raise RecordError(f"{path}:1: the seed must be between 0 and 2**64 - 1")
    return data


def _start(path: Path, header: dict[str, Any], loaded) -> Game:
    """Returns the game the journal starts from: a new one, or a fork's start record replayed."""
    try:
        if "start" not in header:
            return Game.new(loaded.scenario, header["seed"], content_hash=loaded.content_hash,
                            controllers=header["controllers"], turns=header.get("turns"))
        start = GameRecord.model_validate(header["start"])
        return Game.from_record(loaded.scenario, start, content_hash=loaded.content_hash)
    except (SetupError, ReplayError) as err:
        raise RecordError(f"{path}:1: {err}") from None
    except ValueError as err:
        raise RecordError(f"{path}:1: the fork's start record is damaged: {str(err).splitlines()[0]}") from None


def _replay_line(path: Path, number: int, data: dict[str, Any], game: Game, version: int) -> int:
    """Applies one journal line to the game; returns 1 for an undo, else 0."""
    if data == {"undo": True}:
        if game.undo() is None:
            raise RecordError(f"{path}:{number}: an undo with no action left to take back")
        return 1
    if set(data) != {"action"} or not isinstance(data["action"], dict):
        raise RecordError(f"{path}:{number}: expected {{\"action\": {{...}}}} or {{\"undo\": true}}")
    try:
        action = ACTIONS.validate_python(migrate_action(data["action"], version))
    except ValueError as err:
        raise RecordError(f"{path}:{number}: a malformed action: {str(err).splitlines()[0]}") from None
    result = game.apply(action)
    if not result.ok:
        raise RecordError(f"{path}:{number}: the action no longer applies: {result.message}")
    return 0
