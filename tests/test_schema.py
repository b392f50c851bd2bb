"""The shipped JSON Schemas, checked against real output of the library and the command line.

``jsonschema`` is not a dependency, so a compact validator for the keywords the schemas use is
defined here; a test makes sure the schemas use no other keyword, so nothing is silently skipped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from antiage_compare.cli import main
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.model import CONCERNS
from antiage_compare.profile import Profile, example_profile
from antiage_compare.schemas import SCHEMA_NAMES, load_schema, schema_text
from antiage_compare.scoring import compare

SUPPORTED = {
    "$schema", "$id", "$defs", "$ref", "title", "description",
    "type", "enum", "required", "properties", "additionalProperties", "items",
    "minimum", "maximum", "exclusiveMinimum", "minItems", "minLength", "uniqueItems", "oneOf",
}  # fmt: skip

_TYPES = {
    "object": lambda v: isinstance(v, Mapping),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
}


def errors(
    schema: Mapping[str, Any], value: Any, root: Mapping[str, Any], at: str = "$"
) -> Iterator[str]:
    """Every way ``value`` breaks ``schema`` (the keyword subset in ``SUPPORTED``)."""
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), ref
        yield from errors(root["$defs"][ref.removeprefix("#/$defs/")], value, root, at)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            yield f"{at}: {value!r} is not of type {types}"
            return
    if "enum" in schema and value not in schema["enum"]:
        yield f"{at}: {value!r} is not one of {schema['enum']}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            yield f"{at}: {value} < minimum {schema['minimum']}"
        if "maximum" in schema and value > schema["maximum"]:
            yield f"{at}: {value} > maximum {schema['maximum']}"
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            yield f"{at}: {value} <= exclusiveMinimum {schema['exclusiveMinimum']}"
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        yield f"{at}: shorter than {schema['minLength']}"
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield f"{at}: fewer than {schema['minItems']} items"
        if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) < len(
            value
        ):
            yield f"{at}: items are not unique"
        if "items" in schema:
            for i, item in enumerate(value):
                yield from errors(schema["items"], item, root, f"{at}[{i}]")
    if isinstance(value, Mapping):
        for key in schema.get("required", []):
            if key not in value:
                yield f"{at}: missing required {key!r}"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                yield from errors(props[key], item, root, f"{at}.{key}")
            elif extra is False:
                yield f"{at}: unexpected key {key!r}"
            elif isinstance(extra, Mapping):
                yield from errors(extra, item, root, f"{at}.{key}")
    if "oneOf" in schema:
        passing = sum(not list(errors(s, value, root, at)) for s in schema["oneOf"])
        if passing != 1:
            yield f"{at}: matches {passing} of the oneOf alternatives, not exactly one"


def check(name: str, value: Any) -> list[str]:
    """The errors of ``value`` against the shipped schema ``name``."""
    schema = load_schema(name)  # type: ignore[arg-type]
    return list(errors(schema, value, schema))


def keywords(schema: Any) -> Iterator[str]:
    """Every keyword used anywhere in a schema (property names excluded)."""
    if isinstance(schema, Mapping):
        for k, v in schema.items():
            yield k
            if k in ("properties", "$defs"):
                for sub in v.values():
                    yield from keywords(sub)
            elif k in ("items", "additionalProperties"):
                yield from keywords(v)
            elif k == "oneOf":
                for sub in v:
                    yield from keywords(sub)


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
        Profile.from_dict(x, file="test") for x in (ranking, swing, ahp, pregnant, strict, bare)
    ]


def test_schemas_ship_with_the_package() -> None:
    """Both schema files sit inside the package (so the wheel carries them) and are draft 2020-12."""
    assert set(SCHEMA_NAMES) == {"profile", "comparison"}
    for name in SCHEMA_NAMES:
        resource = files("antiage_compare") / "schemas" / f"{name}.schema.json"
        assert resource.is_file()
        data = json.loads(schema_text(name))  # type: ignore[arg-type]
        assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert data["type"] == "object"
    with pytest.raises(ValueError, match="unknown schema"):
        load_schema("catalog")  # type: ignore[arg-type]


def test_schemas_use_only_keywords_the_test_validator_knows() -> None:
    """The compact validator above covers every keyword, so no rule is silently skipped."""
    for name in SCHEMA_NAMES:
        used = set(keywords(load_schema(name)))  # type: ignore[arg-type]
        assert used <= SUPPORTED, used - SUPPORTED


def test_schema_ids_match_the_code() -> None:
    """The criterion and concern ids listed in the schemas are the library's own."""
    prof = load_schema("profile")
    assert prof["$defs"]["criterion"]["enum"] == list(CRITERION_IDS)
    assert prof["$defs"]["concern"]["enum"] == list(CONCERNS)
    assert list(prof["properties"]["importance"]["properties"]) == list(CRITERION_IDS)
    comp = load_schema("comparison")
    assert comp["$defs"]["criterion"]["enum"] == list(CRITERION_IDS)
    assert comp["properties"]["weights"]["properties"]["values"]["required"] == list(CRITERION_IDS)


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
        (lambda d: d["importance"].update(charm=3), "unexpected key 'charm'"),
        (lambda d: d["importance"].update(cost=11), "> maximum 10"),
        (lambda d: d["importance"].update(cost=True), "is not of type"),
        (lambda d: d["profile"].update(concerns=["eyebrows"]), "is not one of"),
        (lambda d: d["health"].update(fitzpatrick=7), "> maximum 6"),
        (lambda d: d["health"].update(sex="unknown"), "is not one of"),
        (lambda d: d.update(swing={"cost": 50}), "oneOf"),
        (lambda d: d.pop("importance"), "oneOf"),
        (lambda d: d["limits"].update(max_cost=-1), "< minimum 0"),
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
        (lambda d: d["eligible"][0].update(fit=101), "> maximum 100"),
        (lambda d: d["eligible"][0].pop("rank"), "missing required 'rank'"),
        (lambda d: d["eligible"][0].update(rank=0), "< minimum 1"),
        (lambda d: d["excluded"][0].update(reasons=[]), "fewer than 1"),
        (lambda d: d["excluded"][0]["reasons"][0].update(kind="maybe"), "is not one of"),
        (lambda d: d.update(extra=1), "unexpected key 'extra'"),
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


@pytest.mark.parametrize("index", range(7))
def test_independent_draft_2020_12_validator_agrees(index: int) -> None:
    """The reference jsonschema implementation accepts the schemas and the real output too."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator
    profile = profiles()[index]
    for name, data in (
        ("profile", profile.to_dict()),
        ("comparison", json.loads(json.dumps(compare(profile).to_dict()))),
    ):
        schema = load_schema(name)
        validator.check_schema(schema)
        problems = sorted(str(e.message) for e in validator(schema).iter_errors(data))
        assert problems == []
    broken = compare(profile).to_dict()
    broken["eligible"] = [{"id": 3}]
    assert list(validator(load_schema("comparison")).iter_errors(broken))
