"""Profiles: validation naming the key, round trips, and the shipped example."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antiage_compare import ProfileError, example_profile, load_profile
from antiage_compare._dump import to_toml
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.model import CONCERNS, HealthCondition
from antiage_compare.profile import Profile

from .strategies import junk


def _base() -> dict[str, Any]:
    return example_profile().to_dict()


def test_example_profile_matches_the_documented_form() -> None:
    """The shipped example loads, names concerns, and round-trips through to_dict()."""
    p = example_profile()
    assert p.name == "Example client"
    assert p.concerns == ("wrinkles", "fine_lines")
    assert p.imprecision == 2
    assert Profile.from_dict(p.to_dict()) == p


def test_issue_toml_form_loads(tmp_path: Path) -> None:
    """The TOML form given in the issue loads as written."""
    path = tmp_path / "p.toml"
    path.write_text(
        """
[profile]
name = "Example client"
concerns = ["fine_lines", "laxity"]
[importance]
effectiveness = 8
serious_risk = 9
downtime = 7
cost = 4
[limits]
max_downtime_days = 7
max_cost = 2000
needles = false
surgery = false
[health]
pregnant = false
breastfeeding = false
anticoagulants = false
isotretinoin_months_ago = 3
keloid_tendency = false
fitzpatrick = 4
smoker = false
cold_sores = false
neuromuscular_disorder = false
active_skin_infection = false
sex = "female"
""",
        encoding="utf-8",
    )
    p = load_profile(path)
    assert p.importance == {"effectiveness": 8, "serious_risk": 9, "downtime": 7, "cost": 4}
    assert p.limits.needles is False
    assert p.health.conditions() == {
        HealthCondition.ISOTRETINOIN_RECENT,
        HealthCondition.SKIN_TYPE_4_6,
    }


@pytest.mark.parametrize(
    ("change", "key", "value"),
    [
        (
            lambda d: d["importance"].update(effectivness=3),
            "importance.effectivness",
            "'effectivness'",
        ),
        (lambda d: d["importance"].update(cost=11), "importance.cost", "11"),
        (lambda d: d["importance"].update(cost=-1), "importance.cost", "-1"),
        (
            lambda d: d["profile"].update(concerns=["wrinkles", "crows_feet"]),
            "profile.concerns[1]",
            "'crows_feet'",
        ),
        (lambda d: d["health"].update(fitzpatrick=7), "health.fitzpatrick", "7"),
        (lambda d: d["health"].update(pregnant="no"), "health.pregnant", "'no'"),
        (lambda d: d["health"].update(sex="f"), "health.sex", "'f'"),
        (lambda d: d["limits"].update(max_downtime_days=-3), "limits.max_downtime_days", "-3"),
        (lambda d: d.update(extra={"x": 1}), "extra", "'extra'"),
        (
            lambda d: d["health"].update(isotretinoin_months_ago=float("nan")),
            "health.isotretinoin_months_ago",
            "nan",
        ),
    ],
)
def test_bad_values_name_key_and_value(change: Any, key: str, value: str) -> None:
    """Each invalid profile raises ProfileError naming the key and the bad value."""
    d = _base()
    change(d)
    with pytest.raises(ProfileError) as info:
        Profile.from_dict(d)
    assert key in str(info.value)
    assert value in str(info.value)


def test_all_zero_importance_is_an_error() -> None:
    """A profile in which nothing matters cannot be weighted."""
    d = _base()
    d["importance"] = dict.fromkeys(CRITERION_IDS, 0)
    with pytest.raises(ProfileError, match="at least one criterion must matter"):
        Profile.from_dict(d)


def test_two_weighting_forms_is_an_error() -> None:
    """Weights must be stated one way only."""
    d = _base()
    d["ranking"] = {"order": ["cost"]}
    with pytest.raises(ProfileError, match="one way only"):
        Profile.from_dict(d)


def test_non_reciprocal_ahp_matrix_is_rejected() -> None:
    """An AHP matrix must be reciprocal."""
    d = {"ahp": {"criteria": ["cost", "downtime"], "matrix": [[1, 3], [3, 1]]}}
    with pytest.raises(ProfileError, match=r"ahp\.matrix\[0\]\[1\].*reciprocal"):
        Profile.from_dict(d)


def test_long_unicode_name_is_accepted_and_round_trips(tmp_path: Path) -> None:
    """Names are any Unicode text of at least 200 characters, and survive TOML and JSON."""
    name = ("Zoë 漢字 <b>&\"' " * 20)[:240]
    d = _base()
    d["profile"]["name"] = name
    p = Profile.from_dict(d)
    path = tmp_path / "p.toml"
    path.write_text(to_toml(p.to_dict()), encoding="utf-8")
    assert load_profile(path) == p
    assert Profile.from_dict(json.loads(json.dumps(p.to_dict()))) == p


def test_load_profile_errors_name_the_file(tmp_path: Path) -> None:
    """A broken profile file names the file."""
    path = tmp_path / "bad.toml"
    path.write_text("[importance]\ncost = 'high'\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert "bad.toml" in str(info.value)
    assert "importance.cost" in str(info.value)
    assert isinstance(info.value, TypeError)


def test_load_profile_rejects_invalid_toml_and_folders(tmp_path: Path) -> None:
    """Not-TOML and folders give ProfileError, missing files FileNotFoundError."""
    bad = tmp_path / "x.toml"
    bad.write_text("[[[", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(bad)
    with pytest.raises(ProfileError, match="folder"):
        load_profile(tmp_path)
    with pytest.raises(FileNotFoundError):
        load_profile(tmp_path / "missing.toml")


@st.composite
def profile_dicts(draw: st.DrawFn) -> dict[str, Any]:
    form = draw(st.sampled_from(["importance", "ranking", "swing"]))
    d: dict[str, Any] = {
        "profile": {
            "name": draw(st.text(max_size=250)),
            "concerns": draw(st.lists(st.sampled_from(CONCERNS), unique=True)),
        }
    }
    if form == "importance":
        imp = draw(st.dictionaries(st.sampled_from(CRITERION_IDS), st.integers(0, 10), min_size=1))
        imp.setdefault("cost", 1)
        imp["cost"] = imp["cost"] or 1
        d["importance"] = imp
    elif form == "ranking":
        d["ranking"] = {
            # a ranking must order something that is weighed: evidence and durability only
            # qualify the effect (a ranking of them alone is a ProfileError, tested elsewhere)
            "order": draw(
                st.lists(st.sampled_from(CRITERION_IDS), unique=True, min_size=1).filter(
                    lambda order: any(c not in ("evidence", "durability") for c in order)
                )
            )
        }
    else:
        d["swing"] = {"cost": draw(st.integers(1, 100))}
    d["health"] = {"fitzpatrick": draw(st.integers(1, 6)), "smoker": draw(st.booleans())}
    return d


@given(profile_dicts())
def test_from_dict_to_dict_round_trip(d: dict[str, Any]) -> None:
    """from_dict(to_dict(p)) == p, and to_dict is JSON-ready, for any valid profile."""
    p = Profile.from_dict(d)
    assert Profile.from_dict(p.to_dict()) == p
    assert Profile.from_dict(json.loads(json.dumps(p.to_dict()))) == p


@given(profile_dicts(), st.data())
def test_mutated_profiles_raise_only_profile_error(d: dict[str, Any], data: st.DataObject) -> None:
    """Replacing any value with junk either still validates or raises ProfileError."""
    table = data.draw(st.sampled_from(sorted(d)))
    key = data.draw(st.sampled_from(sorted(d[table]) or ["x"]))
    d[table][key] = data.draw(junk())
    try:
        Profile.from_dict(d)
    except ProfileError as exc:
        assert key in str(exc) or table in str(exc)


def test_non_mapping_is_profile_error() -> None:
    """A list or None is not a profile: a ProfileError that is also a TypeError."""
    for bad in (None, [], "profile"):
        with pytest.raises(ProfileError) as info:
            Profile.from_dict(bad)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)


def test_every_health_flag_is_asked_stored_and_switches_on_its_condition() -> None:
    """HEALTH_FLAGS is the one list of yes-or-no health facts.

    Each flag is a Health field, a catalogue condition of the same id, a profile schema
    property, a question of the interview, and survives a round trip.
    """
    import attrs

    from antiage_compare.interview import HEALTH_QUESTIONS
    from antiage_compare.model import HealthCondition
    from antiage_compare.profile import HEALTH_FLAGS, Health, Profile
    from antiage_compare.schemas import load_schema

    schema = load_schema("profile")
    health_schema = json.dumps(schema)
    assert [k for k, _ in HEALTH_QUESTIONS] == list(HEALTH_FLAGS)
    for name in HEALTH_FLAGS:
        assert f'"{name}"' in health_schema
        h = Health(**{name: True})
        assert h.conditions() == {HealthCondition(name)}
        d = example_profile().to_dict()
        d["health"][name] = True
        assert Profile.from_dict(d).health == attrs.evolve(example_profile().health, **{name: True})
    assert Health().conditions() == frozenset()
