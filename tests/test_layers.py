"""Guards the layers by reading every module's imports with `ast` (nothing is imported to check).

model <- content, engine <- bots <- sim, report <- ui. The engine stays pure: no pygame, no
YAML, no clock, no filesystem and no `random` (it owns a seeded RNG, so replays are exact).
A layer whose package does not exist yet, or is still empty, is skipped.
"""

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

GAME = Path(__file__).parents[1] / "game"
STDLIB = frozenset(sys.stdlib_module_names)
SHARED = ("game.errors",)  # the error tree every layer may raise; it imports only stdlib
EXCEPTIONS = {
    # Loading a save replays it through the engine. The engine never imports content, so
    # there is no cycle; scenario loading itself stays engine-free.
    "game.content.records": ("game.engine",),
    "game.content.journal": ("game.engine",),  # the journal replays like a record
}
GUI = ("pygame", "pygame_gui")


@dataclass(frozen=True)
class Layer:
    package: str
    game_imports: tuple[str, ...]
    """game.* packages it may import (besides itself and SHARED)."""
    third_party: tuple[str, ...] | None
    """Non-stdlib packages it may import; None means any except GUI."""
    banned_stdlib: tuple[str, ...] = ()


ENGINE_BANNED = (
    "random", "secrets", "uuid",  # chance comes from the engine's seeded Rng, and is logged
    "time", "datetime",  # a rule never reads the clock
    "os", "pathlib", "io", "socket", "subprocess",  # the engine does no IO
)

LAYERS = [
    Layer("game.model", (), ("pydantic",)),
    Layer("game.content", ("game.model",), ("pydantic", "yaml")),
    Layer("game.engine", ("game.model",), (), ENGINE_BANNED),
    Layer("game.bots", ("game.engine", "game.model"), ()),
    Layer("game.sim", ("game.engine", "game.model", "game.bots", "game.content"), None),
    Layer("game.report", ("game.engine", "game.model", "game.sim", "game.content"), None),
    Layer("game.net", ("game.engine", "game.model", "game.content", "game.bots", "game.report"), None),
]


def modules(package: str) -> list[Path]:
    folder = GAME.parent.joinpath(*package.split("."))
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Returns (line, absolute module name) for every import, including relative and dynamic ones."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
        elif _is_dynamic_import(node):
            found.append((node.lineno, node.args[0].value))
    return found


def _is_dynamic_import(node: ast.AST) -> bool:
    """`importlib.import_module("x")` or `__import__("x")` with a literal name."""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("import_module", "__import__") and isinstance(node.args[0], ast.Constant) \
        and isinstance(node.args[0].value, str)


def within(module: str, packages: tuple[str, ...] | list[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def violation(layer: Layer, module: str, importer: str = "") -> str | None:
    """Returns why the layer's module `importer` may not import module, or None when it may."""
    top = module.partition(".")[0]
    if top == "game":
        allowed = (layer.package, *layer.game_imports, *SHARED, *EXCEPTIONS.get(importer, ()))
        return None if within(module, allowed) else f"{layer.package} may not import {module}"
    if top in STDLIB:
        return f"{layer.package} may not import {top}" if top in layer.banned_stdlib else None
    if top in GUI:
        return f"only game.ui may import {top}"
    if layer.third_party is None or top in layer.third_party:
        return None
    return f"{layer.package} may not import the third-party package {top}"


@pytest.mark.parametrize("layer", LAYERS, ids=[layer.package for layer in LAYERS])
def test_layer_imports(layer):
    paths = modules(layer.package)
    if not paths:
        pytest.skip(f"{layer.package} has no modules yet")
    problems = [
        f"{path.relative_to(GAME.parent)}:{line}: {why}"
        for path in paths
        for line, module in imports(path)
        if (why := violation(layer, module, module_name(path)))
    ]
    assert not problems, "layering broken:\n" + "\n".join(problems)


def test_only_the_ui_imports_pygame():
    problems = [
        f"{path.relative_to(GAME.parent)}:{line}: imports {module}"
        for path in sorted(GAME.rglob("*.py"))
        if not within(module_name(path), ["game.ui"])
        for line, module in imports(path)
        if within(module, GUI)
    ]
    assert not problems, "pygame outside game/ui:\n" + "\n".join(problems)


def test_errors_import_nothing_of_the_game():
    # Every layer may import game.errors, so it must not pull any layer in.
    assert all(module.partition(".")[0] in STDLIB for _, module in imports(GAME / "errors.py"))


# --- The guard itself ---------------------------------------------------------------------------

def test_guard_reads_relative_and_dynamic_imports(tmp_path, monkeypatch):
    fake = tmp_path / "game" / "engine"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text(
        "import random\nfrom ..content import scenarios\nfrom . import rng\n"
        "import importlib\nyaml = importlib.import_module('yaml')\n")
    monkeypatch.setattr(sys.modules[__name__], "GAME", tmp_path / "game")
    found = [module for _, module in imports(fake / "bad.py")]
    assert found == ["random", "game.content", "game.engine", "importlib", "yaml"]
    engine = LAYERS[2]
    assert [violation(engine, m) for m in found] == [
        "game.engine may not import random",
        "game.engine may not import game.content",
        None,
        None,
        "game.engine may not import the third-party package yaml",
    ]


def test_guard_rules_for_the_gui():
    sim = LAYERS[4]
    assert violation(sim, "pygame.display") == "only game.ui may import pygame"
    assert violation(sim, "matplotlib.pyplot") is None
    assert violation(LAYERS[0], "yaml") == "game.model may not import the third-party package yaml"


# --- The engine's facade ----------------------------------------------------------------------

PRIVATE_PARTS = frozenset({"state", "tables", "_state", "_tables"})
"""A game's state and compiled tables: only the engine's own modules reach them."""


def facade_problems(path: Path) -> list[str]:
    """Returns every place where a module outside the engine reaches past `game.engine.__all__`."""
    import game.engine

    public = set(game.engine.__all__)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and within(node.module, ["game.engine"]):
            if node.module != "game.engine":
                found.append(f"{node.lineno}: imports the engine submodule {node.module}")
            else:
                found += [f"{node.lineno}: imports {a.name}, which game.engine does not export"
                          for a in node.names if a.name not in public]
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno}: imports the engine submodule {a.name}" for a in node.names
                      if within(a.name, ["game.engine"]) and a.name != "game.engine"]
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_PARTS:
            found.append(f"{node.lineno}: reaches into .{node.attr}")
    return found


def test_outside_the_engine_everything_goes_through_its_facade():
    problems = [
        f"{path.relative_to(GAME.parent)}:{problem}"
        for path in sorted(GAME.rglob("*.py"))
        if not within(module_name(path), ["game.engine"])
        for problem in facade_problems(path)
    ]
    assert not problems, "reaching past the engine's facade:\n" + "\n".join(problems)


def test_the_facade_guard_catches_submodules_private_names_and_state(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from game.engine.views import SeatView\nimport game.engine.rules\n"
                   "from game.engine import Game, check\nx = game.state.round\ny = g._tables.seats\n")
    assert [p.split(":")[0] for p in facade_problems(bad)] == ["1", "2", "3", "4", "5"]
