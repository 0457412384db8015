"""Seed sweeps: statistics, identical results whatever the number of workers, the CSV."""

import csv

from game.sim.sweep import summarise, sweep, wilson, write_csv


def test_results_do_not_depend_on_the_number_of_workers():
    one = sweep("tutorial", range(60), workers=1)
    two = sweep("tutorial", range(60), workers=2)
    assert one.games == two.games
    a, b = summarise(one), summarise(two)
    for key in ("games", "decisions", "outcomes", "priorities", "delegates", "events"):
        assert a[key] == b[key]


def test_summary_holds_rates_intervals_scores_and_event_effects():
    summary = summarise(sweep("tutorial", range(40), workers=1))
    assert summary["games"] == 40 and summary["decisions"] > 0 and summary["seconds"] > 0
    for p in summary["priorities"].values():
        assert abs(p["secured_rate"] + p["partial_rate"] + p["failed_rate"] - 1) < 1e-9
        low, high = p["secured_ci95"]
        assert 0 <= low <= p["secured_rate"] <= high <= 1
    assert set(summary["delegates"]) == {"fr", "uk", "de", "us"}
    for event in summary["events"].values():
        assert 0 < event["fired_rate"] <= 1


def test_progress_callback_counts_every_game():
    seen = []
    sweep("tutorial", range(30), workers=1, on_progress=seen.append)
    assert sum(seen) == 30


def test_csv_has_a_row_per_game(tmp_path):
    result = sweep("tutorial", range(10), workers=1)
    path = write_csv(result, tmp_path / "s.csv")
    rows = list(csv.DictReader(path.open()))
    assert [int(r["seed"]) for r in rows] == list(range(10))
    assert {"status:force", "progress:monitoring", "score:fr", "events"} <= set(rows[0])


def test_wilson_interval():
    assert wilson(0, 0) == (0.0, 0.0)
    low, high = wilson(50, 100)
    assert 0.40 < low < 0.5 < high < 0.60


def test_a_task_plays_under_its_collector_thresholds_and_restores_the_callers(monkeypatch):
    import gc

    from game.sim import sweep as sweeping

    seen = []
    real = sweeping.play_summary
    monkeypatch.setattr(sweeping, "play_summary", lambda *a: seen.append(gc.get_threshold()) or real(*a))
    before = gc.get_threshold()
    games = sweeping.play_chunk("tutorial", None, [3, 4], None)
    assert seen == [sweeping.GC_THRESHOLD] * 2 and gc.get_threshold() == before
    assert games == [real("tutorial", seed) for seed in (3, 4)]  # the same games as outside a task


def test_tasks_in_threads_give_the_thresholds_back_when_the_last_ends():
    import gc
    import threading

    from game.sim import sweep as sweeping

    before = gc.get_threshold()
    steps = {name: (threading.Event(), threading.Event()) for name in ("first", "second")}

    def task(name):
        inside, leave = steps[name]
        with sweeping._collector_tuned():
            inside.set()
            leave.wait(10)

    threads = {name: threading.Thread(target=task, args=(name,)) for name in steps}
    threads["first"].start()
    assert steps["first"][0].wait(10)
    threads["second"].start()
    assert steps["second"][0].wait(10)
    steps["first"][1].set()  # the first task ends while the second still plays
    threads["first"].join(10)
    assert gc.get_threshold() == sweeping.GC_THRESHOLD
    steps["second"][1].set()
    threads["second"].join(10)
    assert gc.get_threshold() == before
