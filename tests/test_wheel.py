"""The built wheel carries the catalogue, loads it from outside the source tree, knows its version."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The one version source; the installed package must report it.
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("antiage_compare-*.whl")
    return found


def test_wheel_contains_data_templates_and_marker(wheel: Path) -> None:
    """The wheel holds the TOML catalogue, py.typed, the example profile, templates and schemas."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "antiage_compare/_data/catalog.toml" in names
    assert "antiage_compare/_data/options/no_procedure.toml" in names
    assert "antiage_compare/py.typed" in names
    assert "antiage_compare/example_profile.toml" in names
    assert "antiage_compare/report/templates/report.html.j2" in names
    assert "antiage_compare/report/templates/report.css" in names
    assert "antiage_compare/schemas/comparison.schema.json" in names
    assert "antiage_compare/schemas/profile.schema.json" in names
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_loads_catalogue_outside_source_tree(wheel: Path, tmp_path: Path) -> None:
    """In a clean venv, run from an unrelated folder, the shipped catalogue loads in full."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import antiage_compare as ac, pathlib;"
        "c = ac.load_catalog();"
        "import antiage_compare._paths as p;"
        "print(len(c), c['acupuncture'].certainty, 'site-packages' in str(p.shipped_data()));"
        "assert 'not medical advice' in ac.render_html(ac.compare(ac.example_profile()));"
        f"assert ac.__version__ == {PYPROJECT_VERSION!r}, ac.__version__"
    )
    run = subprocess.run(
        [str(py), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    count, certainty, inside = (
        run.stdout.split()[0],
        run.stdout.split()[1:3],
        run.stdout.split()[-1],
    )
    assert int(count) == 24
    assert certainty == ["very", "low"]
    assert inside == "True"
