"""The facilitator's phase clock: counts the current phase down from the scenario's time limit.

It lives in the UI, not the engine (a rule never reads the clock). It advances by the
frame's time delta, so tests drive it with fixed steps; it stops while the game is paused.
"""

from dataclasses import dataclass


@dataclass
class PhaseClock:
    limits: dict[str, int]
    key: tuple[int, str] | None = None
    elapsed: float = 0.0
    extra: float = 0.0

    def follow(self, round_: int, phase: str) -> None:
        """Restarts the clock when the round or the phase changes."""
        if self.key != (round_, phase):
            self.key, self.elapsed, self.extra = (round_, phase), 0.0, 0.0

    @property
    def limit(self) -> float | None:
        if self.key is None or self.key[1] not in self.limits:
            return None
        return self.limits[self.key[1]] + self.extra

    def tick(self, dt: float, running: bool) -> None:
        if running:
            self.elapsed += dt

    def extend(self, seconds: float) -> None:
        self.extra += seconds

    @property
    def remaining(self) -> float | None:
        limit = self.limit
        return None if limit is None else limit - self.elapsed

    @property
    def overtime(self) -> bool:
        remaining = self.remaining
        return remaining is not None and remaining < 0

    def text(self) -> str:
        """Returns "09:41" (or "+00:12" in overtime, or the elapsed time when there is no limit)."""
        remaining = self.remaining
        seconds = self.elapsed if remaining is None else abs(remaining)
        sign = "+" if remaining is not None and remaining < 0 else ""
        whole = int(seconds) if sign or remaining is None else int(seconds + 0.999)
        return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
