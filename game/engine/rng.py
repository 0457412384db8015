"""The game's seeded random number generator: SplitMix64, in pure Python.

Its own generator, not `random.Random`, so a game draws the same numbers on every
machine and every Python version, and its whole state is one integer a save can carry.
"""

from collections.abc import Sequence

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


class Rng:
    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def next_u64(self) -> int:
        self.state = (self.state + _GOLDEN) & _MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """Returns a float in [0, 1) with 53 random bits."""
        return (self.next_u64() >> 11) * (1.0 / (1 << 53))

    def below(self, n: int) -> int:
        """Returns an integer in [0, n), without modulo bias; any positive bound."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        if n > _MASK:
            return self._below_big(n)
        limit = _MASK - (_MASK % n)
        while True:
            x = self.next_u64()
            if x < limit:
                return x % n

    def _below_big(self, n: int) -> int:
        """Rejection-samples from enough 64-bit words for bounds past 2**64."""
        bits = n.bit_length()
        while True:
            x, got = 0, 0
            while got < bits:
                x, got = (x << 64) | self.next_u64(), got + 64
            x >>= got - bits
            if x < n:
                return x

    def choice(self, items: Sequence):
        return items[self.below(len(items))]

    def weighted_index(self, weights: Sequence[float]) -> int:
        """Returns an index drawn with probability proportional to its weight."""
        total = sum(weights)
        target = self.random() * total
        running = 0.0
        for index, weight in enumerate(weights):
            running += weight
            if target < running:
                return index
        return len(weights) - 1

    def shuffle(self, items: list) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def fork(self, label: str) -> "Rng":
        """Returns an independent generator derived from this one's state and a label: the
        label is hashed (FNV-1a) and mixed with the state through SplitMix64, so nearby
        seeds and similar labels give unrelated streams."""
        h = 0xCBF29CE484222325
        for byte in label.encode():
            h = ((h ^ byte) * 0x100000001B3) & _MASK
        return Rng(Rng(self.state ^ Rng(h).next_u64()).next_u64())


def derive_seed(seed: int, label: str) -> int:
    """Returns a seed for a separate stream (a bot's, a sweep game's) from a game seed."""
    return Rng(seed).fork(label).next_u64()
