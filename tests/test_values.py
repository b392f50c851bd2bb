"""Values that stay what they say: validated constructors, read-only mappings, hashable profiles."""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare import Health, Limits, Profile, ProfileError, ProfileTypeError, Weights
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.model import FrozenMap

#: (what is built, words the message must hold, also a TypeError?)
BAD: list[tuple[Callable[[], object], str, bool]] = [
    # the review's reproductions (code-review.md §1.4-3)
    (
        lambda: Profile(importance={"cost": -3, "evidence": 1}),
        "importance.cost: must be at least 0 (got -3)",
        False,
    ),
    (lambda: Profile(importance={}), "importance: at least one criterion must matter", False),
    (lambda: Profile(importance={"costs": 5}), "importance.costs: unknown criterion", False),
    (
        lambda: Profile(method="rank", importance={"cost": 1}),
        "method: must be one of direct, ranking, swing, ahp (got 'rank')",
        False,
    ),
    (
        lambda: Profile(concerns=("wrinkle",), importance={"cost": 1}),
        "concerns[0]: unknown concern",
        False,
    ),
    (
        lambda: Profile(importance={"cost": 1}, imprecision=math.nan),
        "imprecision: must be a finite number (got nan)",
        False,
    ),
    # the rest of what from_dict rejects
    (
        lambda: Profile(importance={"cost": 11}),
        "importance.cost: must be at most 10 (got 11)",
        False,
    ),
    (
        lambda: Profile(importance={"cost": "high"}),
        "importance.cost: expected a number, got a string",
        True,
    ),
    (lambda: Profile(importance={"cost": True}), "importance.cost: expected a number", True),
    (lambda: Profile(importance=[("cost", 1)]), "importance: expected a mapping", True),  # type: ignore[arg-type]
    (
        lambda: Profile(concerns=("laxity", "laxity"), importance={"cost": 1}),
        "concerns: lists a concern twice",
        False,
    ),
    (
        lambda: Profile(importance={"cost": 1}, imprecision=11),
        "imprecision: must be at most 10",
        False,
    ),
    (lambda: Profile(name=3, importance={"cost": 1}), "name: expected a string", True),  # type: ignore[arg-type]
    (lambda: Profile(method="ranking"), "ranking: must name at least one criterion", False),
    (
        lambda: Profile(method="ranking", ranking=("cost", "cost")),
        "ranking: names a criterion twice",
        False,
    ),
    (lambda: Profile(method="ranking", ranking=("price",)), "ranking[0]: unknown criterion", False),
    (lambda: Profile(ranking=("cost",)), "ranking: is given, but the method is 'direct'", False),
    (
        lambda: Profile(method="swing", swing={"cost": 0}),
        "swing: at least one swing must matter",
        False,
    ),
    (
        lambda: Profile(method="swing", swing={"cost": 101}),
        "swing.cost: must be at most 100",
        False,
    ),
    (
        lambda: Profile(method="ahp", ahp_criteria=("cost",)),
        "ahp_matrix: must be a list of 1 rows",
        False,
    ),
    (
        lambda: Profile(
            method="ahp", ahp_criteria=("cost", "downtime"), ahp_matrix=((1, 3), (3, 1))
        ),
        "ahp_matrix[0][1]: is not the reciprocal of the judgement at [1][0] (3) (got 3)",
        False,
    ),
    (
        lambda: Profile(
            method="ahp", ahp_criteria=("cost", "downtime"), ahp_matrix=((1, 0), (0, 1))
        ),
        "ahp_matrix[0][1]: must be a positive, finite number",
        False,
    ),
    (
        lambda: Profile(importance={"cost": 1}, limits={"max_cost": 5}),
        "limits: expected a Limits, got dict",
        True,
    ),  # type: ignore[arg-type]
    (lambda: Limits(max_cost=-1), "Limits: max_cost: must be at least 0 (got -1)", False),
    (
        lambda: Limits(max_downtime_days=math.inf),
        "Limits: max_downtime_days: must be a finite number",
        False,
    ),
    (lambda: Limits(needles="no"), "Limits: needles: expected true or false, got a string", True),  # type: ignore[arg-type]
    (lambda: Health(fitzpatrick=7), "Health: fitzpatrick: must be at most 6 (got 7)", False),
    (lambda: Health(fitzpatrick=0), "Health: fitzpatrick: must be at least 1 (got 0)", False),
    (
        lambda: Health(fitzpatrick=4.0),
        "Health: fitzpatrick: expected a whole number, got a number",
        True,
    ),  # type: ignore[arg-type]
    (lambda: Health(sex="f"), "Health: sex: must be one of female, male, other (got 'f')", False),
    (
        lambda: Health(pregnant=1),
        "Health: pregnant: expected true or false, got a whole number",
        True,
    ),  # type: ignore[arg-type]
    (
        lambda: Health(isotretinoin_months_ago=-1),
        "Health: isotretinoin_months_ago: must be at least 0",
        False,
    ),
    (
        lambda: Weights({"cost": 0.5}, "direct"),
        "Weights: values: must add up to 1 (they add up to 0.5)",
        False,
    ),
    (
        lambda: Weights({"cost": 1.5}, "direct"),
        "Weights: values.cost: must be a number from 0 to 1",
        False,
    ),
    (
        lambda: Weights({"cost": math.nan}, "direct"),
        "Weights: values.cost: must be a number from 0 to 1",
        False,
    ),
    (lambda: Weights({"price": 1.0}, "direct"), "Weights: values.price: unknown leaf", False),
    (
        lambda: Weights({"cost": 1.0}, "wsm"),
        "Weights: method: must be one of direct, ranking, swing, ahp",
        False,
    ),
    (
        lambda: Weights({"cost": 1.0}, "ranking", order=("cost", "cost")),
        "Weights: order: names a criterion twice",
        False,
    ),
    (
        lambda: Weights({"cost": 1.0}, "ahp", consistency_ratio=-1),
        "Weights: consistency_ratio: must be at least 0",
        False,
    ),
]


@pytest.mark.parametrize(("build", "words", "type_error"), BAD)
def test_constructors_reject_bad_values_naming_class_field_and_value(
    build: Callable[[], object], words: str, type_error: bool
) -> None:
    """Profile, Limits, Health and Weights reject, on construction, what from_dict rejects.

    The error is a ProfileError (ProfileTypeError for a wrong Python type), never a
    ZeroDivisionError or an MCDAError from deep inside compare(); its message starts with the
    class built, then the field and the value.
    """
    with pytest.raises(ProfileError) as info:
        build()
    text = str(info.value)
    assert words in text
    assert text.split(":")[0] in ("Profile", "Limits", "Health", "Weights")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ProfileTypeError) is type_error


def test_evolve_is_validated_too() -> None:
    """attrs.evolve goes through the same checks, so a bad value cannot be slipped in."""
    p = ac.example_profile()
    with pytest.raises(ProfileError, match=r"importance\.cost: must be at least 0"):
        attrs.evolve(p, importance={**p.importance, "cost": -1})
    with pytest.raises(ProfileError, match="max_cost"):
        attrs.evolve(p.limits, max_cost=-5)


def test_valid_direct_construction_equals_from_dict() -> None:
    """A profile built directly equals the same profile read from its mapping form."""
    p = Profile(
        name="Ann",
        concerns="laxity",
        importance={"cost": 4, "downtime": 7},
        limits=Limits(max_cost=2000),
        health=Health(fitzpatrick=3, sex="female"),
    )
    assert p.concerns == ("laxity",)
    assert Profile.from_dict(p.to_dict()) == p
    assert Weights({"cost": 1.0}, "direct").values == {"cost": 1.0}


# -- constructor and from_dict agree -----------------------------------------------------------

junk_numbers = st.one_of(
    st.integers(-20, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(10**400),
    st.booleans(),
    st.sampled_from(["5", "", "high"]),
)


def _outcome(build: Callable[[], object], prefix: str = "") -> tuple[Any, ...]:
    try:
        build()
    except ProfileError as exc:
        path = exc.path.removeprefix(prefix)
        return (type(exc).__name__, path, exc.problem if isinstance(exc, ProfileTypeError) else "")
    return ("ok",)


@given(
    st.dictionaries(
        st.sampled_from([*CRITERION_IDS, "costs"]), junk_numbers, min_size=1, max_size=4
    )
)
def test_profile_and_from_dict_agree_on_importance(importance: dict[str, Any]) -> None:
    """For any importance table, Profile(...) and from_dict accept the same and name the same key."""
    direct = _outcome(lambda: Profile(importance=importance))
    mapped = _outcome(lambda: Profile.from_dict({"importance": importance}))
    assert direct[:2] == mapped[:2]


@given(
    st.sampled_from(
        [
            (Limits, "limits", "max_downtime_days"),
            (Limits, "limits", "max_cost"),
            (Limits, "limits", "needles"),
            (Health, "health", "isotretinoin_months_ago"),
            (Health, "health", "fitzpatrick"),
            (Health, "health", "pregnant"),
            (Health, "health", "sex"),
        ]
    ),
    st.one_of(junk_numbers, st.sampled_from(["female", "male", "other", "f"])),
)
def test_limits_and_health_agree_with_from_dict(case: tuple[type, str, str], value: Any) -> None:
    """For any value of a limits or health field, the constructor and from_dict agree."""
    cls, table, key = case
    direct = _outcome(lambda: cls(**{key: value}))
    mapped = _outcome(
        lambda: Profile.from_dict({"importance": {"cost": 1}, table: {key: value}}), f"{table}."
    )
    assert direct[:2] == mapped[:2]


def test_from_dict_keeps_file_and_key_in_its_messages() -> None:
    """Errors the constructor finds come out of from_dict with the file and the mapping's key."""
    with pytest.raises(ProfileError) as info:
        Profile.from_dict({"importance": {"cost": 1}, "health": {"fitzpatrick": 9}}, file="p.toml")
    assert str(info.value) == "p.toml: health.fitzpatrick: must be at most 6 (got 9)"
    with pytest.raises(ProfileError) as info:
        Profile.from_dict({"profile": {"concerns": ["laxity", "crows"]}, "importance": {"cost": 1}})
    assert str(info.value).startswith("<data>: profile.concerns[1]: unknown concern")
    with pytest.raises(ProfileError, match=r"^<data>: ranking\.order\[0\]: unknown criterion"):
        Profile.from_dict({"ranking": {"order": ["price"]}})


def test_an_ahp_matrix_a_profile_accepts_is_one_compare_accepts() -> None:
    """The profile checks reciprocity with the AHP's own tolerance.

    Before, from_dict allowed 1e-6 and mcda 1e-9, so [[1, 3], [0.3333333, 1]] loaded and then
    failed inside compare() with an MCDAError.
    """
    loose = {"ahp": {"criteria": ["cost", "downtime"], "matrix": [[1, 3], [0.3333333, 1]]}}
    with pytest.raises(ProfileError, match=r"ahp\.matrix\[0\]\[1\]: is not the reciprocal"):
        Profile.from_dict(loose)
    exact = {"ahp": {"criteria": ["cost", "downtime"], "matrix": [[1, 3], [1 / 3, 1]]}}
    assert ac.compare(Profile.from_dict(exact)).scored


# -- frozen means frozen ------------------------------------------------------------------------


def test_the_shared_catalogue_cannot_be_changed_by_a_caller() -> None:
    """`del load_catalog().sources["A1"]` is a TypeError; every later caller sees all sources."""
    catalog = ac.load_catalog()
    count = len(catalog.sources)
    with pytest.raises(TypeError):
        del catalog.sources["A1"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        catalog.sources["X"] = catalog.sources["A1"]  # type: ignore[index]
    with pytest.raises(TypeError):
        catalog["acupuncture"].effects["wrinkles"] = None  # type: ignore[index]
    assert len(ac.load_catalog().sources) == count
    assert "A1" in ac.load_catalog().sources


def test_profile_and_weights_mappings_are_read_only() -> None:
    """A profile's importance and swing and a Weights' values cannot be changed in place."""
    p = ac.example_profile()
    for mapping in (p.importance, p.swing, ac.compare(p).weights.values):
        assert isinstance(mapping, FrozenMap)
        with pytest.raises(TypeError):
            mapping["cost"] = 10  # type: ignore[index]
        with pytest.raises(TypeError):
            del mapping["cost"]  # type: ignore[attr-defined]
    assert p == ac.example_profile()


def test_to_dict_still_gives_plain_dicts() -> None:
    """The mapping forms are unchanged: plain dicts, equal to what they were."""
    p = ac.example_profile()
    d = p.to_dict()
    assert type(d["importance"]) is dict
    assert d["importance"] == dict(p.importance)
    c = ac.compare(p).to_dict()
    assert type(c["weights"]["values"]) is dict


def test_profiles_are_hashable_and_pickle() -> None:
    """Equal profiles hash equal (so a profile can key a cache); values survive pickling."""
    p = ac.example_profile()
    q = Profile.from_dict(p.to_dict())
    assert hash(p) == hash(q)
    assert {p: 1}[q] == 1
    assert hash(attrs.evolve(p, importance={"cost": 1, "effectiveness": 1})) != hash(p)
    assert pickle.loads(pickle.dumps(p)) == p
    catalog = ac.load_catalog()
    assert pickle.loads(pickle.dumps(catalog)) == catalog


def test_frozen_map_reads_like_a_dict() -> None:
    """FrozenMap keeps order, compares equal to a dict with the same items, and repr shows them."""
    m = FrozenMap({"b": 1, "a": 2})
    assert list(m) == ["b", "a"]
    assert m == {"a": 2, "b": 1}
    assert m == {"a": 2, "b": 1}
    assert m != {"a": 2}
    assert m.get("c", 3) == 3
    assert repr(m) == "FrozenMap({'b': 1, 'a': 2})"
    assert hash(m) == hash(FrozenMap({"a": 2, "b": 1}))


def test_profile_errors_pickle_with_their_class_and_origin() -> None:
    """A ProfileError crossing a process boundary keeps its class, fields and message."""
    with pytest.raises(ProfileError) as info:
        Health(fitzpatrick=7)
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is ProfileError
    assert str(back) == str(info.value)
    assert back.origin == "Health"


def test_shared_lookup_tables_are_read_only() -> None:
    """The module-level tables every caller shares cannot be changed by one of them."""
    from antiage_compare.criteria import BY_ID
    from antiage_compare.mcda import SAATY_RANDOM_INDEX
    from antiage_compare.model import CONCERN_LABELS

    for table, key in ((CONCERN_LABELS, "laxity"), (BY_ID, "cost"), (SAATY_RANDOM_INDEX, 3)):
        with pytest.raises(TypeError):
            table[key] = table[key]  # type: ignore[index]
