"""Data version 2027.1, issue 16: the new options ipl, prp and biostimulatory_filler.

Pins each option's headline figures with their source ids, the scored serious risk and side
effect, the grade, and what each contraindication does to a person through ``compare()``.
"""

from __future__ import annotations

from typing import Any

import pytest

from antiage_compare import load_catalog
from antiage_compare.model import NoData, Range
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare

NEW = ("ipl", "prp", "biostimulatory_filler")


@pytest.fixture(scope="module")
def cat() -> Any:
    return load_catalog()


def _profile(**health: Any) -> Profile:
    d = example_profile().to_dict()
    d["health"].update(health)
    d["limits"] = {}
    return Profile.from_dict(d)


def _effect(cat: Any, oid: str, concern: str) -> tuple[str, str, str, str, tuple[str, ...]]:
    e = cat[oid].effects[concern]
    grade = (e.certainty or cat[oid].certainty).value  # the option's grade by default
    return e.size.value, e.low.value, e.high.value, grade, e.sources


def _range(q: Any) -> tuple[float, float | None, float]:
    assert isinstance(q, Range), q
    return q.low, q.typical, q.high


def _risk(cat: Any, oid: str, rid: str) -> Any:
    (r,) = [r for r in cat[oid].risks if r.id == rid]
    return r


def test_the_three_options_are_in_the_catalogue(cat: Any) -> None:
    ids = {o.id for o in cat}
    assert set(NEW) <= ids


# --- effects: size, low, high, own grade and sources -------------------------------------


@pytest.mark.parametrize(
    ("oid", "concern", "expected"),
    [
        (
            "ipl",
            "pigmentation",
            ("moderate", "slight", "moderate", "low", ("IPL1", "IPL4", "IPL3")),
        ),
        ("ipl", "texture", ("slight", "slight", "moderate", "low", ("IPL1", "IPL3"))),
        ("ipl", "wrinkles", ("none", "none", "slight", "low", ("IPL1", "IPL2"))),
        ("ipl", "fine_lines", ("none", "none", "slight", "low", ("IPL1", "IPL2", "IPL3"))),
        ("ipl", "laxity", ("not_studied", "not_studied", "not_studied", "low", ("IPL1", "IPL3"))),
        ("ipl", "acne_scars", ("not_studied", "not_studied", "not_studied", "low", ("IPL3",))),
        ("ipl", "volume_loss", ("none", "none", "none", "low", ("EDITORIAL",))),
        ("prp", "texture", ("slight", "none", "slight", "low", ("PRP1", "PRP2", "PRP3"))),
        ("prp", "fine_lines", ("slight", "none", "slight", "low", ("PRP1", "PRP2"))),
        ("prp", "wrinkles", ("none", "none", "slight", "very low", ("PRP6", "PRP3", "PRP2"))),
        ("prp", "pigmentation", ("none", "none", "slight", "low", ("PRP3", "PRP2", "PRP1"))),
        ("prp", "laxity", ("not_studied", "not_studied", "not_studied", "low", ("PRP3", "PRP1"))),
        (
            "prp",
            "acne_scars",
            ("not_studied", "not_studied", "not_studied", "low", ("PRP1", "M13")),
        ),
        ("prp", "volume_loss", ("not_studied", "not_studied", "not_studied", "low", ("PRP1",))),
        (
            "biostimulatory_filler",
            "volume_loss",
            ("moderate", "slight", "marked", "low", ("BF1", "BF11")),
        ),
        (
            "biostimulatory_filler",
            "wrinkles",
            ("moderate", "slight", "moderate", "low", ("BF5", "BF7", "BF8", "BF11")),
        ),
        ("biostimulatory_filler", "texture", ("slight", "none", "slight", "very low", ("BF1",))),
        (
            "biostimulatory_filler",
            "fine_lines",
            ("not_studied", "not_studied", "not_studied", "low", ("BF1",)),
        ),
        (
            "biostimulatory_filler",
            "laxity",
            ("not_studied", "not_studied", "not_studied", "low", ("BF11", "BF1")),
        ),
        (
            "biostimulatory_filler",
            "acne_scars",
            ("not_studied", "not_studied", "not_studied", "low", ("BF1", "BF2")),
        ),
        ("biostimulatory_filler", "pigmentation", ("none", "none", "none", "low", ("EDITORIAL",))),
    ],
)
def test_effect_figures_are_pinned(
    cat: Any, oid: str, concern: str, expected: tuple[Any, ...]
) -> None:
    assert _effect(cat, oid, concern) == expected


@pytest.mark.parametrize("oid", NEW)
def test_every_scored_effect_carries_its_own_grade(cat: Any, oid: str) -> None:
    """Effects that score (slight or more) each say how sure their own sources are."""
    for concern, e in cat[oid].effects.items():
        if e.size.value not in ("none", "not_studied"):
            assert e.certainty is not None, (oid, concern)


def test_ipl_honest_negative_on_wrinkles(cat: Any) -> None:
    """The randomised trial found no effect on wrinkles; the reason says so."""
    assert "not different" in cat["ipl"].effects["wrinkles"].reason


def test_prp_blinded_raters_saw_no_difference(cat: Any) -> None:
    assert "blinded dermatologists saw no difference" in cat["prp"].certainty_reason


# --- grades --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("oid", "grade", "sources"),
    [
        ("ipl", "low", ("IPL1", "IPL3")),
        ("prp", "low", ("PRP1", "PRP2")),
        ("biostimulatory_filler", "low", ("BF1", "BF5", "BF11")),
    ],
)
def test_grade(cat: Any, oid: str, grade: str, sources: tuple[str, ...]) -> None:
    o = cat[oid]
    assert o.certainty.value == grade
    assert o.certainty_sources == sources


# --- scored serious risk and side effect ---------------------------------------------------


def test_ipl_scored_risks(cat: Any) -> None:
    o = cat["ipl"]
    assert (o.serious_risk_id, o.side_effects_id) == ("lasting_scar", "blisters_crusting")
    scar = _risk(cat, "ipl", "lasting_scar")
    assert scar.severity.value == "serious"
    assert _range(scar.count) == (0, 7.8, 31)
    assert (scar.per, scar.sources) == (1000, ("IPL1", "IPL4", "EDITORIAL"))
    assert "our arithmetic" in scar.note
    blisters = _risk(cat, "ipl", "blisters_crusting")
    assert blisters.severity.value == "common"
    assert _range(blisters.count) == (31, 31, 31)
    assert blisters.sources == ("IPL4", "IPL1")
    assert "beyond the expected short reaction" in blisters.note


def test_prp_scored_risks_are_none_seen_in_19(cat: Any) -> None:
    o = cat["prp"]
    assert (o.serious_risk_id, o.side_effects_id) == ("serious_events", "other_side_effects")
    for rid in ("serious_events", "other_side_effects"):
        r = _risk(cat, "prp", rid)
        assert r.count.zero_in == 19
        assert r.count.low == 0
        assert r.count.high == pytest.approx(3 * 1000 / 19)
        assert r.sources == ("PRP2",)
        assert "Alam" in r.note
    assert _risk(cat, "prp", "serious_events").severity.value == "serious"
    assert "beyond the expected short reaction" in _risk(cat, "prp", "other_side_effects").note
    blind = _risk(cat, "prp", "blindness")
    assert blind.severity.value == "serious"
    assert isinstance(blind.count, NoData)
    assert blind.sources == ("PRP5", "PRP4")


def test_biostim_scored_risks(cat: Any) -> None:
    o = cat["biostimulatory_filler"]
    assert (o.serious_risk_id, o.side_effects_id) == ("severe_complications", "delayed_lumps")
    severe = _risk(cat, "biostimulatory_filler", "severe_complications")
    assert severe.severity.value == "serious"
    assert _range(severe.count) == (2.7, 2.7, 2.7)
    assert severe.sources == ("BF2", "BF1")
    lumps = _risk(cat, "biostimulatory_filler", "delayed_lumps")
    assert lumps.severity.value == "common"
    assert _range(lumps.count) == (8.5, None, 62)
    assert lumps.sources == ("BF2", "BF3", "BF4", "EDITORIAL")
    assert "beyond the expected short reaction" in lumps.note
    # the early reaction (21.8%) is listed but not the scored side effect
    assert _range(_risk(cat, "biostimulatory_filler", "early_reactions").count) == (218, 218, 218)


# --- downtime, sessions, cost, duration ----------------------------------------------------


@pytest.mark.parametrize(
    ("oid", "field", "expected", "sources"),
    [
        ("ipl", "sessions", (3, 4, 7), ("IPL3", "IPL1")),
        ("ipl", "downtime_days", (0, 0, 1), ("IPL8", "IPL1")),
        ("ipl", "duration_months", (6, None, 9), ("IPL1", "IPL2")),
        ("prp", "sessions", (1, None, 4), ("PRP2", "PRP6", "PRP8")),
        ("prp", "downtime_days", (0, None, 3), ("PRP8", "PRP2")),
        ("biostimulatory_filler", "sessions", (2, None, 4), ("BF5", "BF10", "BF7")),
        ("biostimulatory_filler", "downtime_days", (0, 0, 0), ("BF12", "BF10")),
        (
            "biostimulatory_filler",
            "duration_months",
            (12, None, 25),
            ("BF5", "BF7", "BF8", "BF1"),
        ),
    ],
)
def test_practical_figures(
    cat: Any, oid: str, field: str, expected: tuple[Any, ...], sources: tuple[str, ...]
) -> None:
    q = getattr(cat[oid], field)
    assert _range(q) == expected
    assert q.sources == sources


@pytest.mark.parametrize(
    ("oid", "expected", "sources"),
    [
        ("ipl", (200, None, 600), ("IPL6", "IPL7")),
        ("prp", (500, None, 2500), ("PRP7",)),
        ("biostimulatory_filler", (650, 1500, 1500), ("BF13", "BF12", "BF14")),
    ],
)
def test_cost_per_session_from_low_quality_pages(
    cat: Any, oid: str, expected: tuple[Any, ...], sources: tuple[str, ...]
) -> None:
    o = cat[oid]
    assert o.cost.per.value == "session"
    assert o.cost.currency == "USD"
    assert _range(o.cost.amount) == expected
    assert o.cost.amount.sources == sources
    assert "low" in o.cost.amount.note.lower()
    for sid in sources:
        assert cat.sources[sid].kind.value in ("aggregator", "practitioner_page")


def test_prp_duration_is_no_data_with_reason(cat: Any) -> None:
    d = cat["prp"].duration_months
    assert isinstance(d, NoData)
    assert "not known" in d.reason
    assert d.sources == ("PRP1", "PRP2")


def test_biostim_top_ups_are_editorial_every_12_to_25_months(cat: Any) -> None:
    m = cat["biostimulatory_filler"].maintenance
    assert m is not None
    assert m.editorial
    assert (m.every_months.low, m.every_months.high) == (12, 25)
    assert m.every_months.sources == ("BF5", "BF7", "BF4")
    assert cat["ipl"].maintenance is None
    assert cat["prp"].maintenance is None


# --- contraindications through compare() ---------------------------------------------------


def _excluded(c: Any, oid: str) -> Any:
    assert oid not in c.ids
    (exc,) = [e for e in c.excluded if e.option.id == oid]
    return exc


@pytest.mark.parametrize(
    ("health", "oid", "sources"),
    [
        ({"active_skin_infection": True}, "ipl", ("IPL5", "EDITORIAL")),
        ({"active_skin_infection": True}, "prp", ("EDITORIAL",)),
        (
            {"active_skin_infection": True},
            "biostimulatory_filler",
            ("BF10", "X_filler_clinic_pages"),
        ),
        ({"keloid_tendency": True}, "biostimulatory_filler", ("BF9",)),
    ],
)
def test_exclusions(health: dict[str, Any], oid: str, sources: tuple[str, ...]) -> None:
    exc = _excluded(compare(_profile(**health)), oid)
    (rule,) = [r for r in exc.reasons if r.kind == "contraindication"]
    assert tuple(rule.sources) == sources


@pytest.mark.parametrize(
    ("health", "oid", "phrase"),
    [
        ({"fitzpatrick": 5}, "ipl", "skin types I to IV"),
        ({"fitzpatrick": 4}, "ipl", "skin types I to IV"),
        ({"pregnant": True}, "ipl", "pregnancy"),
        ({"keloid_tendency": True}, "ipl", "keloid"),
        ({"anticoagulants": True}, "prp", "blood thinners"),
        ({"anticoagulants": True}, "biostimulatory_filler", "blood thinners"),
        ({"cold_sores": True}, "biostimulatory_filler", "cold sores"),
        ({"pregnant": True}, "biostimulatory_filler", "pregnancy"),
        ({"breastfeeding": True}, "biostimulatory_filler", "breastfeeding"),
    ],
)
def test_cautions_keep_the_option(health: dict[str, Any], oid: str, phrase: str) -> None:
    c = compare(_profile(**health))
    assert oid in c.ids
    assert any(phrase in r.text for r in c[oid].cautions)


@pytest.mark.parametrize("oid", NEW)
def test_no_rule_applies_to_a_person_without_health_facts(oid: str) -> None:
    c = compare(_profile())
    assert oid in c.ids
    assert not c[oid].cautions


def test_fitzpatrick_3_is_not_cautioned_for_ipl() -> None:
    c = compare(_profile(fitzpatrick=3))
    assert not c["ipl"].cautions


def test_new_sources_resolve_and_cite_no_review(cat: Any) -> None:
    """Every new source id resolves; none is the December review (never cited)."""
    for oid in NEW:
        o = cat[oid]
        ids = set(o.certainty_sources) | set(o.mechanism_sources)
        for e in o.effects.values():
            ids |= set(e.sources)
        for r in o.risks:
            ids |= set(r.sources)
        for sid in ids:
            s = cat.sources[sid]
            assert "catalogue-review" not in s.url
