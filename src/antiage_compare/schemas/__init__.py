"""The JSON Schemas (draft 2020-12) of the JSON boundary, shipped with the package.

* ``profile.schema.json``: what :meth:`Profile.from_dict` accepts and :meth:`Profile.to_dict`
  returns (the same shape as a profile TOML file).
* ``comparison.schema.json``: what :meth:`Comparison.to_dict` returns and
  ``antiage-compare compare --json`` prints.
* ``record.schema.json``: the consultation record that ``antiage-compare report --record``
  and :func:`antiage_compare.report.record.record_json` write; its ``profile`` refers to the
  profile schema by its ``$id``.

>>> from antiage_compare.schemas import load_schema
>>> load_schema("profile")["title"]
'antiage_compare profile'
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, Literal

__all__ = ["SCHEMA_NAMES", "load_schema", "schema_text"]

#: The schemas that ship with the package.
SCHEMA_NAMES: tuple[str, ...] = ("comparison", "profile", "record")


def schema_text(name: Literal["profile", "comparison", "record"]) -> str:
    """The text of one shipped schema file, e.g. to save it next to an app's own schemas.

    Raises:
        ValueError: ``name`` is not one of :data:`SCHEMA_NAMES`.
    """
    if name not in SCHEMA_NAMES:
        msg = f"unknown schema {name!r}; choose one of {', '.join(SCHEMA_NAMES)}"
        raise ValueError(msg)
    return (files(__name__) / f"{name}.schema.json").read_text(encoding="utf-8")


def load_schema(name: Literal["profile", "comparison", "record"]) -> dict[str, Any]:
    """One shipped schema as a mapping (a fresh copy on every call).

    Raises:
        ValueError: ``name`` is not one of :data:`SCHEMA_NAMES`.
    """
    data: dict[str, Any] = json.loads(schema_text(name))
    return data
