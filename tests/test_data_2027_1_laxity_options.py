"""Data 2027.1, issue 16: the laxity options (RF microneedling, microfocused ultrasound, thread lift).

Pins each option's headline figures and their sources, the scored serious risk and side effect,
the grade, and what each contraindication does through compare().
"""

from __future__ import annotations

from typing import Any

import pytest

from antiage_compare import load_catalog
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare

NEW = ("rf_microneedling", "microfocused_ultrasound", "thread_lift")


@pytest.fixture(scope="module")
def options() -> dict[str, Any]:
    cat = load_catalog()
    return {o.id: o for o in cat.options if o.id in NEW}


def _profile(**health: Any) -> Profile:
    d = example_profile().to_dict()
    d["profile"]["concerns"] = ["laxity", "wrinkles"]
    d["health"].update(health)
    d["limits"] = {}
    return Profile.from_dict(d)


def _range(r: Any) -> tuple[Any, Any, Any]:
    return (r.low, r.typical, r.high)


def test_all_three_are_shipped_and_plain_microneedling_stays(options: dict[str, Any]) -> None:
    assert set(options) == set(NEW)
    ids = load_catalog().ids
    assert "microneedling" in ids


# -- headline effects: size, range, own grade and sources ---------------------------------------

EFFECTS = [
    # option, concern, size, low, high, certainty, sources
    ("rf_microneedling", "laxity", "slight", "slight", "moderate", "low", ("RF3", "RF4")),
    ("rf_microneedling", "wrinkles", "slight", "slight", "moderate", "low", ("RF2", "RF3", "RF4")),
    ("rf_microneedling", "acne_scars", "moderate", "slight", "moderate", "low", ("RF5", "RF1")),
    ("rf_microneedling", "pigmentation", "not_studied", "not_studied", "not_studied", None, None),
    (
        "microfocused_ultrasound",
        "laxity",
        "slight",
        "slight",
        "moderate",
        "low",
        ("MFU2", "MFU1", "MFU4"),
    ),
    (
        "microfocused_ultrasound",
        "wrinkles",
        "slight",
        "none",
        "slight",
        "low",
        ("MFU1", "MFU2", "MFU4"),
    ),
    ("microfocused_ultrasound", "fine_lines", "slight", "none", "slight", "very low", ("MFU1",)),
    ("thread_lift", "laxity", "slight", "none", "slight", "very low", ("TH1", "TH4", "TH3", "TH6")),
    ("thread_lift", "volume_loss", "not_studied", "not_studied", "not_studied", None, None),
]


@pytest.mark.parametrize(("oid", "concern", "size", "low", "high", "grade", "sources"), EFFECTS)
def test_headline_effects(
    options: dict[str, Any],
    oid: str,
    concern: str,
    size: str,
    low: str,
    high: str,
    grade: str | None,
    sources: tuple[str, ...] | None,
) -> None:
    e = options[oid].effects[concern]
    assert (e.size.value, e.low.value, e.high.value) == (size, low, high)
    if grade is not None:
        assert e.certainty.value == grade
    if sources is not None:
        assert e.sources == sources


def test_every_concern_has_a_figure_with_a_reason(options: dict[str, Any]) -> None:
    concerns = {
        "wrinkles",
        "fine_lines",
        "laxity",
        "texture",
        "pigmentation",
        "acne_scars",
        "volume_loss",
    }
    for o in options.values():
        assert set(o.effects) == concerns
        assert all(e.reason and e.sources for e in o.effects.values())


@pytest.mark.parametrize(
    ("oid", "grade"),
    [("rf_microneedling", "low"), ("microfocused_ultrasound", "low"), ("thread_lift", "very low")],
)
def test_grade(options: dict[str, Any], oid: str, grade: str) -> None:
    o = options[oid]
    assert o.certainty.value == grade
    assert o.effects["laxity"].certainty.value == grade  # the main effect sets the grade


# -- practical facts ------------------------------------------------------------------------------


def test_rf_microneedling_practical_facts(options: dict[str, Any]) -> None:
    o = options["rf_microneedling"]
    assert _range(o.sessions) == (3, 3, 3)
    assert o.sessions.sources == ("RF2", "RF3")
    assert _range(o.downtime_days) == (4, 7, 10)
    assert o.downtime_days.sources == ("RF3",)
    assert o.downtime_days.editorial
    assert (o.duration_months.low, o.duration_months.high) == (6, 6)
    assert (o.cost.amount.low, o.cost.amount.high) == (500, 3900)
    assert o.cost.amount.sources == ("X_thelist_morpheus8",)
    assert o.maintenance is None


def test_microfocused_ultrasound_practical_facts(options: dict[str, Any]) -> None:
    o = options["microfocused_ultrasound"]
    assert _range(o.sessions) == (1, 1, 1)
    assert (o.downtime_days.low, o.downtime_days.high) == (0, 1)
    assert o.downtime_days.editorial
    assert (o.duration_months.low, o.duration_months.high) == (12, 12)
    assert o.duration_months.sources == ("MFU2",)
    assert (o.cost.amount.low, o.cost.amount.high) == (4000, 6000)
    assert o.maintenance is not None
    assert o.maintenance.editorial
    m = o.maintenance.every_months
    assert (m.low, m.high) == (12, 24)
    assert m.sources == ("X_ultherapy_cost_pages", "MFU2")


def test_thread_lift_practical_facts(options: dict[str, Any]) -> None:
    o = options["thread_lift"]
    assert _range(o.sessions) == (1, 1, 1)
    assert o.sessions.sources == ("TH1",)
    assert (o.downtime_days.low, o.downtime_days.high) == (1, 2)
    assert (o.duration_months.low, o.duration_months.high) == (6, 12)
    assert o.duration_months.sources == ("TH1", "TH4")
    assert "absent by 1 year" in o.duration_months.note
    assert (o.cost.amount.low, o.cost.amount.high) == (1500, 4500)
    assert o.maintenance is None


def test_low_quality_cost_sources_are_marked(options: dict[str, Any]) -> None:
    cat = load_catalog()
    for o in options.values():
        for sid in o.cost.amount.sources:
            assert cat.source(sid).kind.value in {"practitioner_page", "aggregator"}
        assert "Low-quality" in o.cost.amount.note


# -- scored risks ---------------------------------------------------------------------------------


def test_rf_microneedling_scored_risks(options: dict[str, Any]) -> None:
    o = options["rf_microneedling"]
    s = o.serious_risk
    assert s.id == "serious_events"
    assert s.severity.value == "serious"
    assert s.count.zero_in == 29
    assert s.sources == ("RF2",)
    assert s.count.low == 0
    assert s.count.high == pytest.approx(3 * 1000 / 29)
    f = o.side_effects
    assert f.id == "dark_patches"
    assert f.severity.value == "common"
    assert (f.count.low, f.count.high, f.per) == (0, 40, 1000)
    assert f.sources[0] == "X_acneorg_rfmn"
    assert "beyond the expected short reaction" in f.note
    fda = o.risk("reported_serious_harms")
    assert fda.severity.value == "serious"
    assert fda.sources == ("X_fda_rfmn_2025",)


def test_microfocused_ultrasound_scored_risks(options: dict[str, Any]) -> None:
    o = options["microfocused_ultrasound"]
    s = o.serious_risk
    assert s.id == "significant_harm"
    assert s.severity.value == "serious"
    assert _range(s.count) == (2, 2, 2)
    assert s.per == 1000
    assert s.sources[0] == "MFU3"
    assert "EDITORIAL" in s.sources
    assert "506" in s.note
    assert "our arithmetic" in s.note
    f = o.side_effects
    assert f.id == "other_side_effects"
    assert _range(f.count) == (20, 20, 20)
    assert f.sources == ("MFU2",)
    assert "beyond the expected short reaction" in f.note


def test_thread_lift_scored_risks_are_the_unflattering_ones(options: dict[str, Any]) -> None:
    o = options["thread_lift"]
    s = o.serious_risk
    assert s.id == "infection"
    assert s.severity.value == "serious"
    assert (s.count.low, s.count.high, s.per) == (20, 62, 1000)
    assert s.sources == ("TH5", "TH1")
    f = o.side_effects
    assert f.id == "thread_problems"
    assert _range(f.count) == (188, 188, 188)
    assert "30 of 160" in f.note
    assert "our arithmetic" in f.note
    assert "EDITORIAL" in f.sources
    early = o.risk("any_early_complication")
    assert _range(early.count) == (344, 344, 344)
    assert early.sources == ("TH1",)


# -- contraindications, through compare() -----------------------------------------------------------

RULES = [
    # health, option, level
    ({"active_skin_infection": True}, "rf_microneedling", "exclude"),
    ({"active_skin_infection": True}, "microfocused_ultrasound", "exclude"),
    ({"active_skin_infection": True}, "thread_lift", "exclude"),
    ({"cold_sores": True}, "rf_microneedling", "caution"),
    ({"keloid_tendency": True}, "rf_microneedling", "caution"),
    ({"anticoagulants": True}, "rf_microneedling", "caution"),
    ({"isotretinoin_months_ago": 3}, "rf_microneedling", "caution"),
    ({"pregnant": True}, "rf_microneedling", "caution"),
    ({"fitzpatrick": 5}, "rf_microneedling", "caution"),
    ({"anticoagulants": True}, "microfocused_ultrasound", "caution"),
    ({"pregnant": True}, "microfocused_ultrasound", "caution"),
    ({"breastfeeding": True}, "microfocused_ultrasound", "caution"),
    ({"cold_sores": True}, "microfocused_ultrasound", "caution"),
    ({"keloid_tendency": True}, "microfocused_ultrasound", "caution"),
    ({"electronic_implant": True}, "microfocused_ultrasound", "exclude"),  # maker (MFU5)
    ({"electronic_implant": True}, "rf_microneedling", "exclude"),  # clinic pages
]


@pytest.mark.parametrize(("health", "oid", "level"), RULES)
def test_contraindication_through_compare(health: dict[str, Any], oid: str, level: str) -> None:
    c = compare(_profile(**health))
    if level == "exclude":
        assert oid not in c.ids
        (exc,) = [e for e in c.excluded if e.option.id == oid]
        assert any(r.kind == "contraindication" and r.sources for r in exc.reasons)
    else:
        assert oid in c.ids
        assert c[oid].cautions
        assert all(r.sources for r in c[oid].cautions)


def test_healthy_profile_scores_all_three_without_cautions() -> None:
    c = compare(_profile())
    for oid in NEW:
        assert oid in c.ids
        assert not c[oid].cautions


def test_contraindications_use_only_existing_condition_ids(options: dict[str, Any]) -> None:
    counts = {oid: len(o.contraindications) for oid, o in options.items()}
    assert counts == {"rf_microneedling": 11, "microfocused_ultrasound": 10, "thread_lift": 1}
