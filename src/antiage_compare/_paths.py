"""Where the shipped catalogue lives: ``data/`` in a checkout, ``antiage_compare/_data`` in a wheel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def shipped_data() -> Traversable:
    """The folder holding the shipped ``catalog.toml``, ``sources.toml`` and ``options/``.

    An installed wheel carries the data inside the package (``_data``, mapped there by the build);
    a source checkout or an editable install reads the top-level ``data/`` folder beside ``src/``.
    """
    from importlib.resources import files

    inside = files("antiage_compare") / "_data"
    if inside.is_dir():
        return inside
    checkout = Path(__file__).resolve().parent.parent.parent / "data"
    if (checkout / "catalog.toml").is_file():
        return checkout
    msg = (
        "the shipped catalogue was not found: expected antiage_compare/_data in an installed "
        f"package or {checkout} in a source checkout"
    )
    raise FileNotFoundError(msg)
