"""The layer map (tests/layers.toml) names every module, and imports only ever go down.

Each module's imports are read with :mod:`ast`, so an import counts wherever it is written: at
the top, inside a function, or under ``if TYPE_CHECKING:``; ``importlib.import_module`` and
``__import__`` with a constant name count too. ``from antiage_compare import x`` imports the
submodule ``x`` when there is one, and the package facade otherwise; ``import antiage_compare``
from inside the package is an import of the facade, the top layer. There is no exemption list.

Three checks: the map and the modules agree; no module imports one of a higher layer; and no
imports inside one layer form a cycle. (A cycle through two layers needs an upward import, which
the second check already refuses.)
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

PACKAGE = "antiage_compare"
SRC = Path(__file__).resolve().parent.parent / "src" / PACKAGE
MAP_FILE = Path(__file__).resolve().parent / "layers.toml"
FACADE = "__init__"


@attrs.frozen
class Layer:
    """One layer of the map: its number (0 is lowest), name and module patterns."""

    number: int
    name: str
    patterns: tuple[str, ...]

    def matches(self, module: str) -> bool:
        """Whether one of the patterns names ``module`` ("x.*" is the package x and below)."""
        for p in self.patterns:
            if p.endswith(".*"):
                base = p[:-2]
                if module == base or module.startswith(base + "."):
                    return True
            elif module == p:
                return True
        return False


@attrs.frozen
class Import:
    """One import statement (or call) in a module, resolved to a module of the package."""

    target: str
    line: int


def load_layers(path: Path = MAP_FILE) -> tuple[Layer, ...]:
    """The layers of the map file, lowest first."""
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Layer(number=n, name=entry["name"], patterns=tuple(entry["modules"]))
        for n, entry in enumerate(doc["layer"])
    )


def discover(src: Path = SRC) -> dict[str, Path]:
    """Every module of the package by its map name ("report.build", "uncertainty", "__init__")."""
    out = {}
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts) or FACADE] = path
    return out


def _resolve(dotted: str, known: set[str]) -> str | None:
    """The map name of an absolute module name, or ``None`` for a module outside the package."""
    if dotted == PACKAGE:
        return FACADE
    if not dotted.startswith(PACKAGE + "."):
        return None
    name = dotted[len(PACKAGE) + 1 :]
    while name not in known and "." in name:  # an attribute path, such as a.b.function
        name = name.rsplit(".", 1)[0]
    return name


def _package_of(module: str, is_package: bool) -> str:
    """The absolute name of the package a relative import in ``module`` starts from."""
    if module == FACADE:
        return PACKAGE
    parts = module.split(".")
    return ".".join([PACKAGE, *(parts if is_package else parts[:-1])])


def imports_of(
    source: str, module: str, known: set[str], *, is_package: bool = False
) -> Iterator[Import]:
    """Every import of a package module in ``source``, wherever it is written."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name, known)
                if target is not None:
                    yield Import(target, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = _package_of(module, is_package).split(".")
                pkg = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join([*pkg, base] if base else pkg)
            if _resolve(base, known) is None:
                continue
            for alias in node.names:
                sub = _resolve(f"{base}.{alias.name}", known)
                if sub is not None and sub in known and sub != _resolve(base, known):
                    yield Import(sub, node.lineno)  # a submodule, imported from its package
                else:
                    yield Import(_resolve(base, known) or FACADE, node.lineno)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                name in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                target = _resolve(first.value, known)
                if target is not None:
                    yield Import(target, node.lineno)


LAYERS = load_layers()
MODULES = discover()
KNOWN = set(MODULES)


def layer_of(module: str) -> Layer:
    """The layer that names ``module`` (the first, if the map is wrong and names it twice)."""
    found = next((layer for layer in LAYERS if layer.matches(module)), None)
    if found is None:
        msg = f"{module} is not in {MAP_FILE.name}; add it to the layer it belongs to"
        raise LookupError(msg)
    return found


def graph() -> dict[str, set[str]]:
    """Each module's imports of other package modules."""
    return {
        m: {
            i.target
            for i in imports_of(
                p.read_text(encoding="utf-8"), m, KNOWN, is_package=p.name == "__init__.py"
            )
            if i.target != m
        }
        for m, p in MODULES.items()
    }


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle in the directed graph ``edges`` (as a path back to its start), or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


# -- the map and the modules agree --------------------------------------------------------------


def test_the_map_names_every_module_exactly_once() -> None:
    """Each module is in one layer; each name in the map is a module that exists."""
    unnamed = sorted(m for m in MODULES if not any(layer.matches(m) for layer in LAYERS))
    assert unnamed == [], f"modules missing from {MAP_FILE.name}: {unnamed}"
    twice = sorted(m for m in MODULES if sum(layer.matches(m) for layer in LAYERS) > 1)
    assert twice == [], f"modules in more than one layer: {twice}"
    stale = sorted(
        p
        for layer in LAYERS
        for p in layer.patterns
        if not any(Layer(0, "", (p,)).matches(m) for m in MODULES)
    )
    assert stale == [], f"{MAP_FILE.name} names modules that do not exist: {stale}"


# -- imports only go down ---------------------------------------------------------------------


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_imports_nothing_above_its_layer(module: str) -> None:
    """Every import, wherever it is written, is of the module's own layer or a lower one."""
    mine = layer_of(module)
    path = MODULES[module]
    found = list(
        imports_of(
            path.read_text(encoding="utf-8"), module, KNOWN, is_package=path.name == "__init__.py"
        )
    )
    upward = [
        f"line {i.line}: {i.target} (layer {layer_of(i.target).number}, {layer_of(i.target).name})"
        for i in found
        if i.target in KNOWN and layer_of(i.target).number > mine.number
    ]
    unknown = [f"line {i.line}: {i.target}" for i in found if i.target not in KNOWN]
    assert unknown == [], f"{module} imports modules that do not exist: {unknown}"
    assert upward == [], (
        f"{module} (layer {mine.number}, {mine.name}) imports a higher layer: {upward}"
    )


@pytest.mark.parametrize("layer", LAYERS, ids=[layer.name for layer in LAYERS])
def test_no_import_cycle_within_a_layer(layer: Layer) -> None:
    """The imports among one layer's modules form no cycle."""
    edges = {
        m: {t for t in targets if layer.matches(t)}
        for m, targets in graph().items()
        if layer.matches(m)
    }
    cycle = find_cycle(edges)
    assert cycle is None, f"import cycle in layer {layer.number}: {' → '.join(cycle or [])}"


# -- the reader itself finds every kind of import ------------------------------------------------

KNOWN_FOR_TESTS = {FACADE, "model", "report", "report.build", "cli", "uncertainty.smaa"}


def _targets(source: str, module: str = "model", *, is_package: bool = False) -> list[str]:
    return [i.target for i in imports_of(source, module, KNOWN_FOR_TESTS, is_package=is_package)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import antiage_compare.report.build", ["report.build"]),
        ("from antiage_compare.report.build import build_report_data", ["report.build"]),
        ("def f():\n    from antiage_compare.cli import main\n", ["cli"]),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from antiage_compare.uncertainty.smaa import SmaaResult\n",
            ["uncertainty.smaa"],
        ),
        ("try:\n    import antiage_compare.cli\nexcept ImportError:\n    pass\n", ["cli"]),
        ("from antiage_compare import report", ["report"]),
        ("from antiage_compare.report import build", ["report.build"]),
        ("from antiage_compare import __version__", [FACADE]),
        ("import antiage_compare", [FACADE]),
        ("import antiage_compare as ac", [FACADE]),
        ("import importlib\nimportlib.import_module('antiage_compare.cli')", ["cli"]),
        ("from importlib import import_module\nimport_module('antiage_compare')", [FACADE]),
        ("__import__('antiage_compare.report.build')", ["report.build"]),
        ("import json, attrs\nfrom typing import Any", []),
    ],
)
def test_reader_finds_imports_wherever_they_are(source: str, expected: list[str]) -> None:
    """Top-level, in a function, under TYPE_CHECKING, in try, dynamic: each import is found."""
    assert _targets(source) == expected


def test_reader_resolves_relative_imports() -> None:
    """``from . import x`` and ``from .x import y`` resolve against the module's own package."""
    assert _targets("from . import build", "report.render") == ["report.build"]
    assert _targets("from .build import build_report_data", "report.render") == ["report.build"]
    assert _targets("from .. import cli", "report.render") == ["cli"]
    assert _targets("from .build import x", "report", is_package=True) == ["report.build"]
    assert _targets("from . import model", FACADE, is_package=True) == ["model"]


def test_an_upward_import_fails_the_check(tmp_path: Path) -> None:
    """A lower module importing a higher one, even inside a function, is reported."""
    (tmp_path / "model.py").write_text(
        "def f():\n    from antiage_compare.report.build import x\n", encoding="utf-8"
    )
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "report" / "build.py").write_text(
        "from antiage_compare.model import y\n", encoding="utf-8"
    )
    found = discover(tmp_path)
    assert sorted(found) == ["model", "report", "report.build"]
    targets = list(imports_of(found["model"].read_text(encoding="utf-8"), "model", set(found)))
    assert targets == [Import("report.build", 2)]
    assert layer_of("report.build").number > layer_of("model").number


def test_find_cycle() -> None:
    """A cycle is found and shown as a path; a graph without one gives None."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"x": {"y"}, "y": {"y"}}) == ["y", "y"]
