"""The errors a user can cause, each printed as one clear message by the CLI.

    CoalitionError                  anything a user can fix; the CLI prints it and exits 1
    ├── ContentError                a file that cannot be used: scenario, save or sweep CSV
    │   ├── ScenarioError           every problem of one scenario file, with positions
    │   └── RecordError             a save file that is corrupt or belongs to another scenario
    └── UnknownScenarioError        a scenario name that is neither a bundled id nor a file

Rejected game actions are not exceptions: the engine returns a `Rejection` value.
"""

from dataclasses import dataclass


class CoalitionError(Exception):
    """Base of every error a user can cause and fix."""


class ContentError(CoalitionError):
    """A file that cannot be used."""


@dataclass(frozen=True)
class FileProblem:
    """One problem at a position in a file; line and column are 1-based (0 when unknown)."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ScenarioError(ContentError):
    """All problems found in one scenario file."""

    def __init__(self, problems: list[FileProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RecordError(ContentError):
    """A game record (save file) that cannot be loaded or replayed."""


class UnknownScenarioError(CoalitionError):
    """A scenario name that is neither a bundled id nor an existing file."""
