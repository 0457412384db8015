"""A small scenario with a commitment term, for the table and browser tests of renewing: the
tutorial with `term: 2` on funding and a renewal that costs 1 political capital."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def termed_scenario(folder: Path) -> Path:
    """Writes the tutorial with a term on funding (under the id `termed`) and returns its path."""
    text = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
    for old, new in (("  id: tutorial\n", "  id: termed\n"),
                     ("    contributes: {monitoring: 1, force: 1}\n",
                      "    contributes: {monitoring: 1, force: 1}\n    term: 2\n"),
                     ("  withdraw_capital_cost: 1\n", "  withdraw_capital_cost: 1\n  renew_capital_cost: 1\n")):
        assert text.count(old) == 1, f"the tutorial changed: {old!r} is no longer there once"
        text = text.replace(old, new)
    path = folder / "termed.yaml"
    path.write_text("# written for a test: the tutorial with a term on funding\n" + text, encoding="utf-8")
    return path
