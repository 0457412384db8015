"""Locates the bundled `scenarios/` and `assets/` folders.

A built wheel carries them inside the package (`game/_data/`, via hatchling
force-include); a checkout or editable install finds them beside `game/`.
"""

from importlib.resources import files
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(files("game"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def scenarios_dir() -> Path:
    return _data_dir("scenarios")


def assets_dir() -> Path:
    return _data_dir("assets")
