"""Regenerates the golden playthroughs in tests/golden/ (as OpenSpiel keeps its playthroughs).

For each bundled scenario (or only those named: `python scripts/regen_golden.py cop21-2015`),
a fixed seed played by its default bots gives three files:
  <id>.actions.json    the game record: scenario hash, seed, controllers, the actions
  <id>.log.jsonl       the log those actions produce, one entry per line
  <id>.transcript.txt  the readable transcript, as `coalition run <id> --seed N` prints it
Run it after an intended change to rules, bots, scenarios or transcripts, and read the diff.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.content.scenarios import bundled_scenario_files, load_scenario  # noqa: E402
from game.report.transcript import transcript_text  # noqa: E402
from game.sim.playthrough import play  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
SEEDS = {"paris-2026": 7, "tutorial": 3, "cop21-2015": 45}
DEFAULT_SEED = 1
"""A seed per scenario, chosen for a game that shows its main events; others play seed 1."""


def regenerate(scenario_id: str, seed: int) -> None:
    loaded = load_scenario(scenario_id)
    game = play(loaded.scenario, seed, content_hash=loaded.content_hash)
    (GOLDEN / f"{scenario_id}.actions.json").write_text(
        json.dumps(game.record().model_dump(mode="json"), indent=1) + "\n", encoding="utf-8")
    (GOLDEN / f"{scenario_id}.log.jsonl").write_text(
        "".join(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) + "\n" for e in game.log),
        encoding="utf-8")
    (GOLDEN / f"{scenario_id}.transcript.txt").write_text(transcript_text(game), encoding="utf-8")
    print(f"{scenario_id} seed {seed}: {len(game.actions)} actions, {len(game.log)} log entries")


def main(names: list[str]) -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    bundled = [path.stem for path in bundled_scenario_files()]
    unknown = sorted(set(names) - set(bundled))
    if unknown:
        sys.exit(f"not bundled: {', '.join(unknown)} (bundled: {', '.join(bundled)})")
    for scenario_id in names or bundled:
        regenerate(scenario_id, SEEDS.get(scenario_id, DEFAULT_SEED))


if __name__ == "__main__":
    main(sys.argv[1:])
