"""The shipped JSON Schemas, checked against real output of the library and the command line.

The schemas are checked with ``jsonschema`` (the reference draft 2020-12 implementation, in the
``test`` extra), never with a validator of our own that could share a blind spot with them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from antiage_compare.cli import main
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.model import CONCERNS
from antiage_compare.profile import BURDEN_CRITERIA, Profile, example_profile
from antiage_compare.schemas import SCHEMA_NAMES, load_schema, schema_text
from antiage_compare.scoring import compare


def _flatten(error: Any) -> Iterator[Any]:
    yield error
    for sub in error.context or ():
        yield from _flatten(sub)


def check(name: str, value: Any) -> list[str]:
    """Every way ``value`` breaks the shipped schema ``name``, by the reference validator.

    Each problem reads ``"<json path>: <keyword>: <message>"``; errors inside ``oneOf``
    alternatives are included, so a test can look for the keyword that really failed.
    """
    schema = load_schema(name)  # type: ignore[arg-type]
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{e.json_path}: {e.validator}: {e.message}"
        for top in validator.iter_errors(value)
        for e in _flatten(top)
    ]


def profiles() -> list[Profile]:
    """Several real profiles, one per weighting method, with and without limits and health."""
    base = example_profile()
    d = base.to_dict()
    ranking = {**d, "profile": {**d["profile"], "weighting": "ranking"}}
    del ranking["importance"]
    ranking["ranking"] = {"order": ["serious_risk", "effectiveness", "cost"]}
    swing = {k: v for k, v in d.items() if k != "importance"}
    swing["profile"] = {**d["profile"], "weighting": "swing"}
    swing["swing"] = {"effectiveness": 100, "downtime": 60, "serious_risk": 80}
    bounds = {**swing, "profile": {**swing["profile"], "swing_range": "bounds"}}
    ahp = {k: v for k, v in d.items() if k != "importance"}
    ahp["profile"] = {**d["profile"], "weighting": "ahp"}
    ahp["ahp"] = {
        "criteria": ["effectiveness", "serious_risk"],
        "matrix": [[1, 0.5], [2, 1]],
    }
    pregnant = {**d, "health": {"pregnant": True, "isotretinoin_months_ago": 2}}
    strict = {**d, "limits": {"needles": False, "surgery": False, "max_cost": 100}}
    bare = {"importance": {"cost": 3}}
    return [base] + [
        Profile.from_dict(x, file="test")
        for x in (ranking, swing, bounds, ahp, pregnant, strict, bare)
    ]


def test_schemas_ship_with_the_package() -> None:
    """Both schema files sit inside the package (so the wheel carries them) and are draft 2020-12."""
    assert set(SCHEMA_NAMES) == {"profile", "comparison", "record"}
    for name in SCHEMA_NAMES:
        resource = files("antiage_compare") / "schemas" / f"{name}.schema.json"
        assert resource.is_file()
        data = json.loads(schema_text(name))  # type: ignore[arg-type]
        assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert data["type"] == "object"
    with pytest.raises(ValueError, match="unknown schema"):
        load_schema("catalog")  # type: ignore[arg-type]


def test_schemas_are_valid_draft_2020_12() -> None:
    """Both schemas are themselves valid under the draft 2020-12 meta-schema."""
    for name in SCHEMA_NAMES:
        jsonschema.Draft202012Validator.check_schema(load_schema(name))  # type: ignore[arg-type]


def test_schema_ids_match_the_code() -> None:
    """The criterion and concern ids listed in the schemas are the library's own."""
    prof = load_schema("profile")
    assert prof["$defs"]["criterion"]["enum"] == list(CRITERION_IDS)
    assert prof["$defs"]["concern"]["enum"] == list(CONCERNS)
    assert list(prof["properties"]["importance"]["properties"]) == list(CRITERION_IDS)
    comp = load_schema("comparison")
    assert comp["$defs"]["criterion"]["enum"] == list(CRITERION_IDS)
    assert comp["$defs"]["concern"]["enum"] == list(CONCERNS)
    leaf = re.compile(comp["$defs"]["leaf"]["pattern"])
    every_leaf = [*(f"effect:{c}" for c in CONCERNS), *BURDEN_CRITERIA]
    assert all(leaf.fullmatch(k) for k in every_leaf)
    assert not any(leaf.fullmatch(k) for k in ("evidence", "durability", "effectiveness"))


@pytest.mark.parametrize("index", range(7))
def test_real_profiles_match_the_profile_schema(index: int) -> None:
    """Profile.to_dict() of real profiles (all four weightings) satisfies the profile schema."""
    profile = profiles()[index]
    assert check("profile", profile.to_dict()) == []
    assert check("profile", json.loads(json.dumps(profile.to_dict()))) == []


@pytest.mark.parametrize("method", ["mavt", "topsis", "vikor"])
@pytest.mark.parametrize("index", range(7))
def test_real_comparisons_match_the_comparison_schema(index: int, method: str) -> None:
    """Comparison.to_dict() for several profiles and every method satisfies the schema."""
    profile = profiles()[index]
    data = json.loads(json.dumps(compare(profile, method=method).to_dict()))  # type: ignore[arg-type]
    assert check("comparison", data) == []
    assert check("profile", data["profile"]) == []
    assert data["eligible"] or data["excluded"]


def test_cli_json_output_matches_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """What `compare --json` prints satisfies the comparison schema."""
    assert main(["compare", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert check("comparison", data) == []
    ranks = [e["rank"] for e in data["eligible"]]
    assert ranks == sorted(ranks)


def test_example_profile_file_matches_the_schema() -> None:
    """The shipped example profile TOML, read as plain data, satisfies the profile schema."""
    import tomllib

    text = (files("antiage_compare") / "example_profile.toml").read_text(encoding="utf-8")
    assert check("profile", tomllib.loads(text)) == []


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d["importance"].update(charm=3), "additionalProperties"),
        (lambda d: d["importance"].update(cost=11), "maximum"),
        (lambda d: d["importance"].update(cost=True), ": type:"),
        (lambda d: d["profile"].update(concerns=["eyebrows"]), "enum"),
        (lambda d: d["health"].update(fitzpatrick=7), "maximum"),
        (lambda d: d["health"].update(sex="unknown"), "enum"),
        (lambda d: d.update(swing={"cost": 50}), "oneOf"),
        (lambda d: d.pop("importance"), "oneOf"),
        (lambda d: d["limits"].update(max_cost=-1), "minimum"),
    ],
)
def test_profile_schema_rejects_what_from_dict_rejects(mutate: Any, needle: str) -> None:
    """Each broken profile fails both the schema and Profile.from_dict (the two agree)."""
    from antiage_compare import ProfileError

    data = json.loads(json.dumps(example_profile().to_dict()))
    mutate(data)
    problems = check("profile", data)
    assert any(needle in p for p in problems), problems
    with pytest.raises(ProfileError):
        Profile.from_dict(data)


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d["eligible"][0].update(fit=101), "maximum"),
        (lambda d: d["eligible"][0].pop("rank"), "'rank' is a required property"),
        (lambda d: d["eligible"][0].update(rank=0), "minimum"),
        (lambda d: d["excluded"][0].update(reasons=[]), "minItems"),
        (lambda d: d["excluded"][0]["reasons"][0].update(kind="maybe"), "enum"),
        (lambda d: d.update(extra=1), "additionalProperties"),
    ],
)
def test_comparison_schema_catches_broken_output(mutate: Any, needle: str) -> None:
    """The comparison schema is strict enough to catch a changed or broken output."""
    data = json.loads(json.dumps(compare(example_profile()).to_dict()))
    assert data["excluded"], "the example profile should exclude something"
    mutate(data)
    problems = check("comparison", data)
    assert any(needle in p for p in problems), problems


def test_schema_files_are_valid_json_text(tmp_path: Path) -> None:
    """The schema text round-trips through a file unchanged (apps can copy it out)."""
    for name in SCHEMA_NAMES:
        text = schema_text(name)  # type: ignore[arg-type]
        out = tmp_path / f"{name}.json"
        out.write_text(text, encoding="utf-8")
        assert json.loads(out.read_text(encoding="utf-8")) == load_schema(name)  # type: ignore[arg-type]


def test_a_broken_comparison_is_rejected() -> None:
    """A comparison whose option lacks every field fails the schema (the check can fail)."""
    broken = compare(example_profile()).to_dict()
    broken["eligible"] = [{"id": 3}]
    assert check("comparison", broken)
