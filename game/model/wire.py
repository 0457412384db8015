"""Wire messages of the workshop protocol: JSON objects keyed by `type`, validated at the door.

Client messages are a strict discriminated union (unknown keys and types are refused);
server messages are models too, so tests and clients can validate what they receive.
The `view` message is composed by the host for speed; `ViewMessage` describes its shape.
"""

from typing import Annotated, Any, Literal, Union

from pydantic import Field, StrictBool, StrictInt, TypeAdapter

from game.model.base import Strict

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024
"""The largest client message the host reads; a bigger frame closes the connection."""

Code = Annotated[str, Field(min_length=1, max_length=64)]
RequestId = Annotated[int, Field(ge=0, le=2**53)]


# -- client to server -----------------------------------------------------------------

class Join(Strict):
    """The first message: a join code (seat or facilitator), or `spectator: true`."""

    type: Literal["join"]
    code: Code | None = None
    spectator: StrictBool = False


class Act(Strict):
    """Proposes an action (the same dict as in a game record); the seat comes from the code."""

    type: Literal["act"]
    action: dict[str, Any]
    id: RequestId | None = None


class Check(Strict):
    """Asks whether an action would be accepted now, without applying it (e.g. a trade bundle)."""

    type: Literal["check"]
    action: dict[str, Any]
    id: RequestId | None = None


class Undo(Strict):
    """Facilitator: take back the last accepted action."""

    type: Literal["undo"]
    id: RequestId | None = None


class Reissue(Strict):
    """Facilitator: revoke a seat's (or "facilitator") code and issue a new one."""

    type: Literal["reissue"]
    seat: Annotated[str, Field(min_length=1, max_length=64)]
    id: RequestId | None = None


class Sync(Strict):
    """Asks for a full view (with the whole visible log) again."""

    type: Literal["sync"]


class Ping(Strict):
    type: Literal["ping"]
    id: RequestId | None = None


ClientMessage = Annotated[Union[Join, Act, Check, Undo, Reissue, Sync, Ping], Field(discriminator="type")]
CLIENT_MESSAGES: TypeAdapter[Any] = TypeAdapter(ClientMessage)


# -- server to client -----------------------------------------------------------------

Role = Literal["seat", "facilitator", "spectator"]


class Welcome(Strict):
    type: Literal["welcome"] = "welcome"
    protocol: int = PROTOCOL_VERSION
    role: Role
    seat: str
    """The seat id; "facilitator" or "public" for those roles."""
    name: str
    scenario: str
    scenario_hash: str = ""
    """The content hash of the scenario the host plays: a client with its own copy checks it."""


class Rejected(Strict):
    """A refused join (then the connection closes) or a refused action, with the engine's rule."""

    type: Literal["rejected"] = "rejected"
    rule: str
    message: str
    id: RequestId | None = None
    action: dict[str, Any] | None = None


class AppliedReply(Strict):
    """The action was accepted and journaled; the new views follow."""

    type: Literal["applied"] = "applied"
    action: dict[str, Any]
    seq: StrictInt
    """The change's number: every view with this `seq` or later includes it."""
    id: RequestId | None = None


class Checked(Strict):
    type: Literal["checked"] = "checked"
    ok: bool
    rule: str = ""
    message: str = ""
    id: RequestId | None = None


class Error(Strict):
    """A message the host could not read; the game is untouched."""

    type: Literal["error"] = "error"
    message: str


class TakenOver(Strict):
    """Another device joined with this code; this connection is closed next."""

    type: Literal["taken_over"] = "taken_over"
    message: str


class Presence(Strict):
    """Facilitator only: who is connected now, and what just happened."""

    type: Literal["presence"] = "presence"
    connected: dict[str, int]
    """Seat (or "facilitator") -> open connections; spectators under "public"."""
    note: str = ""


class CodeEntry(Strict):
    code: str | None = None
    """None (left out) for the spectator, who needs no code."""
    url: str


class Codes(Strict):
    """Facilitator only, and the `--codes FILE` format: every join code and its page."""

    type: Literal["codes"] = "codes"
    url: str
    seats: dict[str, CodeEntry]
    facilitator: CodeEntry
    spectator: CodeEntry


class Clock(Strict):
    """The host's clock for the timed negotiation phase (only with --class-length)."""

    type: Literal["clock"] = "clock"
    round: int
    seconds_left: float | None
    """None when no phase is being timed; the clock stands still while the game is paused."""
    running: bool


class Pong(Strict):
    type: Literal["pong"] = "pong"
    id: RequestId | None = None


class ViewMessage(Strict):
    """A view: the role's full SeatView (see docs/protocol.md) without its log, the log
    entries from index `log_from` on, and the seat's legal actions."""

    type: Literal["view"] = "view"
    seq: StrictInt
    view: dict[str, Any]
    log_from: StrictInt
    log: list[dict[str, Any]]
    legal: list[dict[str, Any]]


ServerMessage = Annotated[
    Union[Welcome, Rejected, AppliedReply, Checked, Error, TakenOver, Presence, Codes, Clock, Pong,
          ViewMessage],
    Field(discriminator="type"),
]
SERVER_MESSAGES: TypeAdapter[Any] = TypeAdapter(ServerMessage)
