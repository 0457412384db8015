"""Reading client messages at the door: size, JSON, then the pydantic wire models.

Whatever a client sends, the answer is a parsed message or one plain error; nothing
here touches the game. Failed joins are counted per address and refused for a while
once there are too many (join codes are guessable only by brute force).
"""

import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from game.model.wire import CLIENT_MESSAGES, MAX_MESSAGE_BYTES


class BadMessage(ValueError):
    """A client message that cannot be read; its text is sent back as an `error`."""


def parse_message(text: str) -> Any:
    """Returns the typed client message for a text frame, or raises BadMessage saying why."""
    if len(text) > MAX_MESSAGE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise BadMessage(f"message too large (limit {MAX_MESSAGE_BYTES} bytes)")
    try:
        data = json.loads(text)
    except ValueError:  # bad JSON, or an integer too long to read
        raise BadMessage("not JSON: send one JSON object per message") from None
    if not isinstance(data, dict):
        raise BadMessage("expected a JSON object with a 'type'")
    kind = data.get("type")
    if not isinstance(kind, str):
        raise BadMessage("expected a JSON object with a 'type'")
    try:
        return CLIENT_MESSAGES.validate_python(data)
    except ValidationError as err:
        return _raise_plain(kind, err)


def _raise_plain(kind: str, err: ValidationError) -> Any:
    first = err.errors()[0]
    if first["type"] == "union_tag_invalid":
        raise BadMessage(f"unknown message type '{kind[:40]}' (expected join, act, check, undo, reissue, "
                         "sync or ping)") from None
    where = ".".join(str(p) for p in first["loc"][1:]) or "message"
    raise BadMessage(f"bad '{kind[:40]}' message: {where}: {first['msg']}") from None


@dataclass
class JoinLimiter:
    """Allows `limit` failed joins per address in any `window` seconds; then refuses that address."""

    limit: int = 10
    window: float = 60.0
    clock: Any = time.monotonic
    _failures: dict[str, deque] = field(default_factory=dict)

    def blocked(self, address: str) -> bool:
        """Returns whether the address has used up its failed attempts for now."""
        failures = self._failures.get(address)
        if not failures:
            return False
        now = self.clock()
        while failures and now - failures[0] > self.window:
            failures.popleft()
        if not failures:
            del self._failures[address]
        return len(failures) >= self.limit

    def failed(self, address: str) -> None:
        self._failures.setdefault(address, deque()).append(self.clock())
        if len(self._failures) > 10_000:  # a flood of addresses: forget the oldest
            self._failures.pop(next(iter(self._failures)))
