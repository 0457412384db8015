"""Join codes: the only credentials of a hosted game, one per seat and one for the facilitator.

A code is 8 characters of Crockford's base32 (40 bits from `secrets`), shown as
"K7QF-2M9C"; typing accepts lower case, spaces, hyphens, O for 0 and I or L for 1.
Codes live in an owner-only (0600) JSON file beside the journal, so a resumed game
keeps them and nobody needs a new slip of paper.
"""

import json
import os
import secrets
from pathlib import Path

from game.errors import CoalitionError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32: no I, L, O or U, so nothing reads as another character."""
CODE_LENGTH = 8
BITS = CODE_LENGTH * 5
FACILITATOR = "facilitator"
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


class CodesError(CoalitionError):
    """A codes file that cannot be read or written."""


def new_code() -> str:
    """Returns a fresh code with 40 bits of entropy, grouped 4-4 for reading aloud."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(typed: str) -> str:
    """Returns the canonical form of a typed code ("k7qf 2m9c" -> "K7QF-2M9C"), or "" if it cannot be one."""
    raw = "".join(ch for ch in typed.upper() if ch not in " -_").translate(_TYPOS)
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return ""
    return f"{raw[:4]}-{raw[4:]}"


class JoinCodes:
    """Who each code admits: seat id (or "facilitator") -> code, and back."""

    def __init__(self, by_seat: dict[str, str]):
        self.by_seat = dict(by_seat)
        self._by_code = {code: seat for seat, code in self.by_seat.items()}

    @classmethod
    def fresh(cls, seats: tuple[str, ...] | list[str]) -> "JoinCodes":
        """Returns new codes for every seat and the facilitator (all distinct)."""
        codes: dict[str, str] = {}
        for seat in (*seats, FACILITATOR):
            code = new_code()
            while code in codes.values():
                code = new_code()
            codes[seat] = code
        return cls(codes)

    def seat_for(self, typed: str) -> str | None:
        """Returns the seat a typed code admits, or None. Compares in constant time per code."""
        code = normalise(typed)
        if not code:
            return None
        found = None
        for known, seat in self._by_code.items():
            if secrets.compare_digest(known, code):
                found = seat
        return found

    def reissue(self, seat: str) -> str:
        """Revokes the seat's code and returns a new one."""
        old = self.by_seat[seat]
        code = new_code()
        while code in self._by_code:
            code = new_code()
        del self._by_code[old]
        self.by_seat[seat] = code
        self._by_code[code] = seat
        return code

    # -- the owner-only file ----------------------------------------------------------
    def save(self, path: Path) -> None:
        """Writes the codes to an owner-only file (replaced atomically, never world-readable)."""
        tmp = path.with_name(path.name + ".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                os.fchmod(out.fileno(), 0o600)
                json.dump({"format": 1, "codes": self.by_seat}, out, indent=1)
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(path)
        except OSError as err:
            raise CodesError(f"{path}: cannot write the join codes: {err.strerror}") from None

    @classmethod
    def load(cls, path: Path, seats: tuple[str, ...]) -> "JoinCodes":
        """Reads a codes file written by `save`; every seat must have a valid code."""
        try:
            if path.stat().st_size > 1_000_000:
                raise CodesError(f"{path}: too large to be a codes file")
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise CodesError(f"{path}: cannot read the join codes: {err.strerror}") from None
        except ValueError as err:
            raise CodesError(f"{path}: not a codes file (bad JSON: {err})") from None
        codes = data.get("codes") if isinstance(data, dict) else None
        if not isinstance(codes, dict):
            raise CodesError(f"{path}: not a codes file (no 'codes' object)")
        for seat in (*seats, FACILITATOR):
            code = codes.get(seat)
            if not isinstance(code, str) or normalise(code) != code:
                raise CodesError(f"{path}: no valid code for '{seat}'")
        return cls({seat: codes[seat] for seat in (*seats, FACILITATOR)})


def codes_path_for(journal: Path) -> Path:
    """Returns where the codes of a journal live: beside it, `<journal>.codes.json`."""
    return journal.with_name(journal.name + ".codes.json")


def share_sheet(codes: JoinCodes, base_url: str, seats: tuple[str, ...]) -> dict:
    """Returns the `--codes FILE` object: the URL, each seat's code and page, the facilitator's, the spectator's."""
    return {
        "url": base_url,
        "seats": {seat: {"code": codes.by_seat[seat], "url": f"{base_url}/seat/{codes.by_seat[seat]}"}
                  for seat in seats},
        "facilitator": {"code": codes.by_seat[FACILITATOR],
                        "url": f"{base_url}/facilitator/{codes.by_seat[FACILITATOR]}"},
        "spectator": {"url": f"{base_url}/spectator"},
    }
