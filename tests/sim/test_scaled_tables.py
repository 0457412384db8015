"""The larger tables `benchmarks/bench_scaling.py` builds are valid scenarios that play to the end."""

import importlib.util
import sys
from pathlib import Path

from game.content.scenarios import load_scenario
from game.engine import scenario_hash
from game.model.references import check_references
from game.sim.playthrough import play

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_bench_scaling():
    spec = importlib.util.spec_from_file_location("bench_scaling", BENCHMARKS / "bench_scaling.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCHMARKS))  # it imports measure.py from beside itself
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module


def test_scaled_tables_have_new_ids_valid_references_and_scaled_targets():
    base = load_scenario("paris-2026").scenario
    scaled = load_bench_scaling().scaled
    for copies in (2, 8):
        table = scaled(base, copies)
        ids = [d.id for d in table.delegates]
        assert len(ids) == len(set(ids)) == len(base.delegates) * copies
        assert check_references(table) == []
        assert [p.target for p in table.priorities] == [p.target * copies for p in base.priorities]
        assert {f"{d.id}-{copies}" for d in base.delegates} <= set(ids)


def test_a_doubled_table_plays_to_its_end():
    table = load_bench_scaling().scaled(load_scenario("paris-2026").scenario, 2)
    game = play(table, 3, content_hash=scenario_hash(table))
    assert game.over and set(game.result()["delegates"]) == {d.id for d in table.delegates}
