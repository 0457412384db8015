"""What every `coalition` command shares: one message per user error, seat and bot options, output.

Every error a user can cause prints one clear message and exits 1 (2 for usage
errors, as click does); a traceback means a bug. Seats are named as a person would
(id, name or country, any case); JSON output is strict (no NaN or Infinity).
"""

import functools
import json
import math
import os
import sys
import unicodedata

import click

from game.errors import CoalitionError, ScenarioError


def user_errors(command):
    """Turns a CoalitionError into one message on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CoalitionError as err:
            click.echo(f"error: {err}" if not isinstance(err, ScenarioError) else str(err), err=True)
            sys.exit(1)

    return wrapper


def name_key(text: str) -> str:
    """Returns the form names are compared in: case-folded, accents and extra spaces dropped."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _bad_bot(message: str) -> click.BadParameter:
    return click.BadParameter(message, param_hint="--bot")


def bot_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """Parses --bot SEAT=KIND options; KIND in any case. Seats are resolved by check_seats."""
    from game.bots import BOTS

    kinds = {name_key(kind): kind for kind in BOTS}
    overrides: dict[str, str] = {}
    for pair in pairs:
        seat, sep, kind = pair.partition("=")
        if not sep or not seat.strip() or name_key(kind) not in kinds:
            raise _bad_bot(f"expected SEAT=KIND with KIND one of {', '.join(BOTS)} (got '{pair}')")
        seat = seat.strip()
        if any(name_key(seat) == name_key(earlier) for earlier in overrides):
            raise _bad_bot(f"seat '{seat}' is given twice; give each seat one --bot")
        overrides[seat] = kinds[name_key(kind)]
    return overrides


def resolve_seat(scenario, name: str) -> str:
    """Returns the seat id a user means by an id, display name or country, in any case."""
    key = name_key(name)
    matches = {d.id for d in scenario.delegates if key in (name_key(d.id), name_key(d.name), name_key(d.country))}
    if len(matches) == 1:
        return matches.pop()
    choices = ", ".join(f"{d.id} ({d.name})" for d in scenario.delegates)
    if matches:
        raise _bad_bot(f"'{name}' could be any of {', '.join(sorted(matches))}; use the id (seats: {choices})")
    raise _bad_bot(f"no delegation '{name}' in {scenario.meta.id} (seats: {choices})")


def seat_overrides(scenario, pairs: tuple[str, ...]) -> dict[str, str]:
    """Parses --bot SEAT=KIND options into {seat id: bot kind}, refusing unknown and repeated seats."""
    overrides = bot_overrides(pairs)
    check_seats(scenario, overrides)
    return overrides


def check_seats(scenario, overrides: dict[str, str]) -> None:
    """Rewrites the keys of `overrides` (as typed) to seat ids, in place; refuses unknown or repeated seats."""
    resolved: dict[str, str] = {}
    typed: dict[str, str] = {}
    for name, kind in overrides.items():
        seat = resolve_seat(scenario, name)
        if seat in resolved:
            raise _bad_bot(f"seat '{seat}' is given twice (as '{typed[seat]}' and '{name}'); "
                           "give each seat one --bot")
        resolved[seat], typed[seat] = kind, name
    overrides.clear()
    overrides.update(resolved)


def _non_finite(data, path: str = "") -> str | None:
    """Returns the path of the first NaN or infinite float in plain data, or None."""
    if isinstance(data, float):
        return None if math.isfinite(data) else f"{path or 'the value'} = {data}"
    if isinstance(data, dict):
        items = ((f"{path}.{k}" if path else str(k), v) for k, v in data.items())
    elif isinstance(data, list | tuple):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(data))
    else:
        return None
    return next((found for p, v in items if (found := _non_finite(v, p))), None)


def strict_json(data, indent: int | None = 1) -> str:
    """Returns data as strict JSON; a NaN or infinite number is refused with a CoalitionError naming it.

    JSON has no NaN or Infinity (Python would print bare `Infinity`, which other tools
    cannot read), and printing null instead would hide a broken number, so we refuse.
    """
    found = _non_finite(data)
    if found:
        raise CoalitionError(f"cannot print JSON: {found} is not a finite number")
    return json.dumps(data, indent=indent, allow_nan=False)


def echo_json(data) -> None:
    """Prints data as strict JSON on stdout (see strict_json)."""
    click.echo(strict_json(data))


def emit(game, as_json: bool) -> None:
    """Prints a game's result as strict JSON, or its transcript one part at a time."""
    if as_json:
        echo_json(game.result())
        return
    from rich.console import Console

    from game.report.transcript import transcript_parts

    console = Console()
    for part in transcript_parts(game):
        console.print(part)


class LivePrinter:
    """Prints a transcript while its game is played: call it after each decision, then `finish`.

    The first line appears with the first turn, not after the whole game; the text is the same
    as emit's, because the same `LogLines` make it and each batch prints as one rich Group."""

    def __init__(self, console=None):
        from rich.console import Console

        self.console = console or Console()
        self.lines = None
        self.shown = 0
        self.closed = False
        """The reader went away (`coalition run ... | head`): the game plays on and is saved, unprinted."""
        self.console.on_broken_pipe = self._reader_left  # rich's own would exit at once, saving nothing

    def __call__(self, game) -> None:
        from rich.console import Group  # imported by Console already: a dictionary look-up per call

        if self.lines is None:
            from game.report.transcript import LogLines

            self.lines = LogLines(game)
        log = game.log
        if self.closed:
            return
        parts = list(self.lines.lines(log[self.shown:]))
        self.shown = len(log)
        if parts:
            self._print(Group(*parts))

    def finish(self, game) -> None:
        """Prints what the last decision logged, then the result."""
        from game.report.transcript import ending

        self(game)
        for part in ending(game):
            self._print(part)

    def _print(self, renderable) -> None:
        if not self.closed:
            self.console.print(renderable)

    def _reader_left(self) -> None:
        self.closed = self.console.quiet = True
        try:  # what is still buffered, and anything printed later, goes nowhere instead of failing
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass


SEED = click.IntRange(0, 2**64 - 1)
"""A game's seed: what its record can hold."""
SCENARIO_ARG = click.argument("scenario", default="paris-2026", required=False)
