"""Keeps every local game at the table in a journal, so a crash or a closed window loses nothing.

One journal per game: a new one when a game starts, is loaded or forked; each accepted action
and undo is on disk (fsynced) before the table draws it. A hosted game is journaled by its host.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.content.journal import Journal, JournalWriter, default_journal
from game.errors import CoalitionError


class TableJournals:
    """The table's journals: the current game's writer and the actions already in it."""

    def __init__(self, first: Path | None = None, resumed: Journal | None = None, folder: Path | None = None,
                 say: Callable[[str], None] | None = None):
        self.say = say
        """Told of every new journal (the terminal, for `coalition play`)."""
        self.first = first
        """The path asked for with --journal, used by the first game only."""
        self.folder = folder
        """Where later games' journals go (None: the user's data folder)."""
        self.writer: JournalWriter | None = None
        self.game: Any = None
        self.kept: list[Any] = []
        """The actions the journal holds now, the same objects as the game's (undo keeps them)."""
        self.problem: str | None = None
        self.last: Path | None = resumed.path if resumed is not None else None
        """The current (or last) game's journal, open or closed."""
        if resumed is not None:
            self.writer = JournalWriter.reopen(resumed.path, resumed.good_bytes)
            self.game, self.kept = resumed.game, list(resumed.game.actions)

    @property
    def path(self) -> Path | None:
        return self.writer.path if self.writer else None

    def start(self, game: Any) -> Path | None:
        """Starts the journal of a game (new, loaded or forked), unless it is the resumed one; returns its path."""
        if game is self.game:
            return self.path
        self.close()
        self.game, self.problem = game, None
        path = self.first or default_journal(game.scenario.meta.id, self.folder)
        self.first = None
        try:
            self.writer = JournalWriter.create(path, game)
        except CoalitionError as err:
            self.problem = f"This game is not journaled: {err}. Save it with Ctrl+S."
            return None
        self.kept, self.last = list(game.actions), path
        if self.say is not None:
            self.say(f"journal: {path} (continue it with: coalition play --resume {path})")
        return path

    def follow(self, game: Any) -> str | None:
        """Brings the journal level with the game: undo lines for actions taken back, then the new
        actions, each fsynced. Returns a problem to show if the disk refused, else None."""
        if self.writer is None or game is not self.game:
            return None
        actions = game.actions
        same = min(len(self.kept), len(actions))
        while same and actions[same - 1] is not self.kept[same - 1]:
            same -= 1
        try:
            while len(self.kept) > same:
                self.writer.undo()
                self.kept.pop()
            for action in actions[same:]:
                self.writer.action(action)
                self.kept.append(action)
        except OSError as err:
            self.problem = (f"The journal {self.path} could not be written ({err.strerror}): "
                            "save the game with Ctrl+S.")
            self.writer = None
            return self.problem
        return None

    def farewell(self) -> str:
        """Says where the last game is kept, for the terminal when the table closes."""
        if self.problem:
            return self.problem
        if self.last is None or self.game is None:
            return "no game was journaled"
        end = "the game is over" if self.game.over else f"continue it with: coalition play --resume {self.last}"
        return f"journal: {len(self.kept)} actions kept in {self.last} ({end})"

    def close(self) -> None:
        if self.writer is not None:
            try:
                self.writer.close()
            except OSError:
                pass
            self.writer = None
