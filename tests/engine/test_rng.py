"""The game's SplitMix64 generator: reproducible, pinned to the reference, fair enough.

Every number here is fixed by a seed, so these tests never flake: a failure means the
generator (and with it every saved game and golden log) changed.
"""

from collections import Counter

import pytest

from game.engine.rng import Rng, derive_seed

# Vigna's reference splitmix64.c: the first outputs for seeds 0 and 1234567.
REFERENCE = {
    0: [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F],
    1234567: [6457827717110365317, 3203168211198807973, 9817491932198370423,
              4593380528125082431, 16408922859458223821],
}


def _draws(rng: Rng, n: int) -> list[int]:
    return [rng.next_u64() for _ in range(n)]


@pytest.mark.parametrize("seed", sorted(REFERENCE))
def test_first_values_match_the_reference_splitmix64(seed):
    assert _draws(Rng(seed), len(REFERENCE[seed])) == REFERENCE[seed]


def test_derived_draws_are_pinned():
    """random(), below(), fork() and derive_seed() build on next_u64; pin them too."""
    assert Rng(42).random() == 0.7415648787718233
    assert [Rng(42).below(10), Rng(43).below(10)] == [3, 0]
    assert derive_seed(7, "bot:fr") == 7263023939779605088
    assert derive_seed(0, "") == 6751399182439078226


def test_same_seed_same_sequence_and_the_state_is_one_integer():
    a, b = Rng(2026), Rng(2026)
    assert _draws(a, 50) == _draws(b, 50)
    assert a.state == b.state
    resumed = Rng(0)
    resumed.state = a.state  # a save carries only this integer
    assert _draws(resumed, 10) == _draws(a, 10)
    assert _draws(Rng(1), 5) != _draws(Rng(2), 5)


def test_seeds_wrap_to_64_bits():
    assert _draws(Rng(-1), 3) == _draws(Rng(2**64 - 1), 3)
    assert _draws(Rng(2**64 + 5), 3) == _draws(Rng(5), 3)


def test_random_is_in_the_unit_interval():
    rng = Rng(3)
    values = [rng.random() for _ in range(5000)]
    assert all(0.0 <= v < 1.0 for v in values)
    assert 0.45 < sum(values) / len(values) < 0.55


@pytest.mark.parametrize("n", [1, 2, 3, 6, 7, 10, 1000, 2**63 + 1])
def test_below_stays_in_range(n):
    rng = Rng(n)
    assert all(0 <= rng.below(n) < n for _ in range(500))


def test_below_refuses_a_bound_that_is_not_positive():
    for n in (0, -3):
        with pytest.raises(ValueError, match="positive"):
            Rng(1).below(n)


def test_below_is_roughly_uniform():
    rng = Rng(11)
    n, draws = 6, 60_000
    counts = Counter(rng.below(n) for _ in range(draws))
    expected = draws / n
    chi2 = sum((counts[k] - expected) ** 2 / expected for k in range(n))
    assert set(counts) == set(range(n))
    assert chi2 < 20.5  # 5 degrees of freedom: p < 0.001 past 20.5


def test_below_with_a_huge_bound_has_no_modulo_bias():
    """Just above 2**63 a plain modulo would give the low half twice the weight."""
    rng = Rng(5)
    n = 2**63 + 2**62
    low = sum(rng.below(n) < n // 2 for _ in range(4000))
    assert 0.45 < low / 4000 < 0.55


def test_weighted_index_never_picks_a_zero_weight():
    rng = Rng(8)
    picks = Counter(rng.weighted_index([0, 2.5, 0, 1, 0]) for _ in range(5000))
    assert set(picks) == {1, 3}


def test_weighted_index_follows_the_proportions():
    rng = Rng(9)
    weights = [1, 3, 6]
    draws = 30_000
    picks = Counter(rng.weighted_index(weights) for _ in range(draws))
    for index, weight in enumerate(weights):
        assert abs(picks[index] / draws - weight / sum(weights)) < 0.015


def test_choice_and_shuffle_use_every_item():
    rng = Rng(4)
    items = list(range(20))
    assert {rng.choice(items) for _ in range(1000)} == set(items)
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert sorted(shuffled) == items and shuffled != items
    replay = Rng(4)
    for _ in range(1000):
        replay.choice(items)
    replayed = list(items)
    replay.shuffle(replayed)
    assert replayed == shuffled


def test_fork_is_independent_of_the_parent_and_of_other_labels():
    parent = Rng(99)
    before = parent.state
    bots = parent.fork("bots")
    assert parent.state == before  # forking draws nothing
    assert _draws(parent.fork("bots"), 5) == _draws(Rng(99).fork("bots"), 5)
    assert _draws(bots, 5) != _draws(parent.fork("events"), 5)
    fork = parent.fork("x")
    parent_next = _draws(parent, 5)
    assert _draws(fork, 5) != parent_next
    fork_alone = _draws(Rng(99).fork("x"), 10)
    interleaved_parent, interleaved_fork = Rng(99), Rng(99).fork("x")
    mixed = []
    for _ in range(10):
        interleaved_parent.next_u64()  # drawing from the parent does not move the fork
        mixed.append(interleaved_fork.next_u64())
    assert mixed == fork_alone


def test_derive_seed_is_stable_and_separates_labels_and_seeds():
    assert derive_seed(7, "sweep:1") == derive_seed(7, "sweep:1")
    labels = ("bot:fr", "bot:uk", "bot:de", "bot:ee", "sweep:1", "sweep:2")
    seeds = {derive_seed(s, label) for s in range(200) for label in labels}
    assert len(seeds) == 200 * len(labels)
    assert all(0 <= s < 2**64 for s in seeds)


def test_fork_streams_of_different_seeds_and_labels_do_not_coincide():
    # "de" and "ee" (Germany, Estonia) differ by 1 in their first byte, as do seeds 0 and 1.
    assert Rng(0).fork("de").state != Rng(1).fork("ee").state
    assert derive_seed(0, "a") != derive_seed(3, "b")


@pytest.mark.parametrize("n", [2**64 - 1, 2**64, 2**64 + 1, 10**30, 2**200])
def test_below_handles_bounds_past_64_bits(n):
    """A bound above 2**64 once made below() loop forever (its rejection limit became 0)."""
    rng = Rng(5)
    draws = [rng.below(n) for _ in range(50)]
    assert all(0 <= x < n for x in draws) and len(set(draws)) > 45
