"""Round trips and fuzzing of the catalogue format with Hypothesis."""

from __future__ import annotations

import contextlib
import copy
import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from antiage_compare import DataError
from antiage_compare._dump import option_to_dict, to_toml
from antiage_compare._parse import Refs, parse_option
from antiage_compare._reader import Table, parse_toml
from antiage_compare.model import Option

from .factories import option_dict
from .strategies import SOURCE_IDS, junk, options

REFS = Refs(set(SOURCE_IDS))


def _parse(text: str) -> Option:
    return parse_option(Table(parse_toml(text, "x.toml"), "x.toml"), REFS, currency="USD")


@given(options())
def test_option_toml_round_trip_is_identity(option: Option) -> None:
    """Model → data mapping → TOML text → model gives back an equal model."""
    text = to_toml(option_to_dict(option))
    assert _parse(text) == option


def _paths(d: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(d, dict):
        for k, v in d.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            out += _paths(v, (*prefix, i))
    return out


def _contains_non_finite(v: Any) -> bool:
    if isinstance(v, float):
        return not math.isfinite(v)
    if isinstance(v, dict):
        return any(_contains_non_finite(x) for x in v.values())
    if isinstance(v, list):
        return any(_contains_non_finite(x) for x in v)
    return False


@given(st.data())
def test_mutated_records_raise_only_data_error(data: st.DataObject) -> None:
    """A valid record with one field replaced, deleted or added either loads or raises DataError."""
    record = option_dict()
    paths = _paths(record)
    path = data.draw(st.sampled_from(paths))
    parent = record
    for step in path[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    value = data.draw(junk())
    if action == "replace":
        parent[path[-1]] = value
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=8))] = value
    else:
        parent.append(value)
    snapshot = copy.deepcopy(record)
    try:
        parse_option(Table(record, "m.toml"), REFS, currency="USD")
    except DataError as exc:
        assert "m.toml" in str(exc)
    assert record == snapshot or _contains_non_finite(snapshot), "parsing must not modify its input"


@given(st.text(max_size=200))
def test_random_text_raises_only_data_error(text: str) -> None:
    """Any text at all either parses as an option or raises DataError (never another error)."""
    with contextlib.suppress(DataError):
        _parse(text)
