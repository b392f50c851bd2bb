"""Data version 2027.1, lasers, peels and microneedling: the review's corrections (issue 15).

Each test pins a corrected figure and the source it rests on (ids as in data/sources.toml; the
changes are listed in data/CHANGELOG.md under "Lasers, peels and microneedling"). The figures
come from the verification notes in docs/evidence/2027.1/ (C1, C2, C5, C10, I1, I4, I5, I6, I7,
I10, I14 and the per-figure certainty table of K).
"""

from __future__ import annotations

from typing import Any

import pytest

from antiage_compare import Certainty, compare, load_catalog
from antiage_compare.catalog import Catalog
from antiage_compare.model import CONCERNS, EffectSize, NoData, Range, RuleLevel, Severity
from antiage_compare.profile import Profile, example_profile

MINE = (
    "laser_ablative",
    "laser_fractional_ablative",
    "laser_nonablative",
    "peel_deep",
    "peel_medium",
    "peel_superficial",
    "microneedling",
)

#: Words that mark a passing effect: a "serious" risk must never be described with them.
PASSING = ("fades", "fading", "temporary", "transient", "passing", "settle", "wears off")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _range(catalog: Catalog, option: str, risk: str) -> Range:
    r = catalog[option].risk(risk)
    assert r is not None, f"{option} has no risk {risk}"
    assert isinstance(r.count, Range), f"{option}.{risk} is not a figure"
    return r.count


def _profile(**health: Any) -> Profile:
    d = example_profile().to_dict()
    d["health"].update(health)
    d["limits"] = {}
    return Profile.from_dict(d)


# --- C1: the split, and what is scored ------------------------------------------------------


def test_the_split_keeps_the_old_id_and_adds_the_fractional_one(catalog: Catalog) -> None:
    """laser_ablative stays (fully ablative); laser_fractional_ablative is new; names say which."""
    full, frac = catalog["laser_ablative"], catalog["laser_fractional_ablative"]
    assert "fully ablative" in full.name.lower()
    assert "whole top layer" in full.name.lower()
    assert "fractional" not in full.name.lower()
    assert "fractional" in frac.name.lower()
    assert "tiny columns" in frac.name.lower()
    assert full.sessions.high == 1  # type: ignore[union-attr]
    assert frac.in_clinic
    assert frac.invasiveness is full.invasiveness


def test_fully_ablative_darkening_is_common_and_the_scored_side_effect(catalog: Catalog) -> None:
    """Darkening after CO2 is common and mostly fades (L8, L13, L17, L16): not the serious risk."""
    o = catalog["laser_ablative"]
    dark = o.risk("darkening")
    assert dark is not None
    assert dark.severity is Severity.COMMON
    assert o.side_effects_id == "darkening"
    assert o.serious_risk_id != "darkening"
    c = _range(catalog, "laser_ablative", "darkening")
    assert (c.low, c.typical, c.high) == (50, 170, 830)
    assert set(dark.sources) >= {"L8", "L13", "L17", "L16"}
    assert "excludes the expected reaction" in dark.note


def test_fully_ablative_serious_risk_is_lasting_lightening_ward_baker(catalog: Catalog) -> None:
    """6 of 47 still lighter at about 2.3 years (Ward & Baker 2008, L13); 17 of 211 earlier (L17)."""
    o = catalog["laser_ablative"]
    assert o.serious_risk_id == "scarring_lightening"
    r = o.serious_risk
    assert r is not None
    assert r.severity is Severity.SERIOUS
    assert "hypopigmentation" in r.name.lower()
    c = _range(catalog, "laser_ablative", "scarring_lightening")
    assert (c.low, c.typical, c.high) == (81, 128, 128)
    assert round(1000 * 6 / 47) == 128
    assert round(1000 * 17 / 211) == 81
    assert r.sources[:2] == ("L13", "L17")
    assert "6 of 47" in r.note
    assert "small series" in r.note.lower()
    assert "2.3 years" in r.note
    src = catalog.sources["L13"]
    assert src.authors == "Ward PD, Baker SR"
    assert src.year == 2008


def test_fully_ablative_scarring_and_cold_sores(catalog: Catalog) -> None:
    """Scarring 2 of 211 (L17); cold sores with antivirals 0-11 (L18, L10), common (I6)."""
    c = _range(catalog, "laser_ablative", "scarring")
    assert (c.low, c.high) == (9, 9)
    assert catalog["laser_ablative"].risk("scarring").sources[0] == "L17"  # type: ignore[union-attr]
    cold = catalog["laser_ablative"].risk("cold_sore_flare")
    assert cold is not None
    assert cold.severity is Severity.COMMON
    assert (cold.count.low, cold.count.high) == (0, 11)  # type: ignore[union-attr]
    assert set(cold.sources) == {"L18", "L10"}
    spread = catalog["laser_ablative"].risk("infection")
    assert spread is not None
    assert spread.severity is Severity.SERIOUS
    assert isinstance(spread.count, NoData)
    assert "spreading" in spread.name.lower()
    assert "L18" in spread.sources


def test_fractional_figures_from_its_own_series(catalog: Catalog) -> None:
    """Fractional: 0 in 374 patients for lasting harm (L14); side effects 99-136-236 (L14, L12)."""
    o = catalog["laser_fractional_ablative"]
    assert o.serious_risk_id == "lasting_harm"
    harm = o.serious_risk
    assert harm is not None
    assert harm.severity is Severity.SERIOUS
    assert isinstance(harm.count, Range)
    assert harm.count.zero_in == 374
    assert harm.count.low == 0
    assert harm.count.high == pytest.approx(3 * 1000 / 374)
    assert harm.sources[0] == "L14"
    assert "490" in harm.note
    assert o.side_effects_id == "any_complication"
    c = _range(catalog, "laser_fractional_ablative", "any_complication")
    assert (c.low, c.typical, c.high) == (99, 136, 236)
    assert "excludes the expected reaction" in o.side_effects.note  # type: ignore[union-attr]
    dark = _range(catalog, "laser_fractional_ablative", "darkening")
    assert (dark.low, dark.typical, dark.high) == (12, 99, 446)
    assert set(o.risk("darkening").sources) >= {"L14", "L12", "L15"}  # type: ignore[union-attr]
    assert catalog.sources["L14"].pmid == "21761414"
    assert catalog.sources["L12"].doi == "10.1177/1090820X10386930"


def test_fractional_is_far_less_harmful_than_fully_ablative(catalog: Catalog) -> None:
    """The reason for the split: lasting harm and darkening differ by about tenfold."""
    full = catalog["laser_ablative"].serious_risk.per_1000()  # type: ignore[union-attr]
    frac = catalog["laser_fractional_ablative"].serious_risk.per_1000()  # type: ignore[union-attr]
    assert frac.high < full.low  # type: ignore[union-attr]
    fd = _range(catalog, "laser_fractional_ablative", "darkening")
    ad = _range(catalog, "laser_ablative", "darkening")
    assert fd.typical < ad.typical  # type: ignore[operator]


def test_fractional_option_is_complete(catalog: Catalog) -> None:
    """Every field an option has: all seven concerns with reasons and sources, rules, cost."""
    o = catalog["laser_fractional_ablative"]
    assert set(o.effects) == set(CONCERNS)
    for e in o.effects.values():
        assert e.reason.strip()
        assert e.sources
    assert isinstance(o.cost.amount, Range)
    assert o.cost.amount.sources
    assert o.experience.pain
    assert o.experience.marks
    assert o.experience.time_off
    assert {r.when.value for r in o.contraindications} >= {
        "keloid_tendency",
        "skin_type_4_6",
        "isotretinoin_recent",
        "cold_sores",
        "active_skin_infection",
    }


# --- C10: keloid and skin-type rules, through compare() ------------------------------------


@pytest.mark.parametrize("fitzpatrick", [5, 6])
def test_skin_types_5_6_exclude_fully_ablative_as_editorial(fitzpatrick: int) -> None:
    """Types V-VI: fully ablative excluded, our judgement (EDITORIAL + L16); fractional cautioned."""
    c = compare(_profile(fitzpatrick=fitzpatrick))
    assert "laser_ablative" not in c.ids
    (exc,) = [e for e in c.excluded if e.option.id == "laser_ablative"]
    rule = [r for r in exc.reasons if r.kind == "contraindication"]
    assert rule
    assert "EDITORIAL" in rule[0].sources
    assert "L16" in rule[0].sources
    assert "our judgement" in rule[0].text.lower()
    assert "laser_fractional_ablative" in c.ids
    assert any("L15" in r.sources for r in c["laser_fractional_ablative"].cautions)


def test_skin_type_4_only_cautions_fully_ablative() -> None:
    """The exclusion is for types 5 and 6 only; type 4 keeps the caution."""
    c = compare(_profile(fitzpatrick=4))
    assert "laser_ablative" in c.ids
    assert c["laser_ablative"].cautions
    assert "laser_ablative" in compare(_profile(fitzpatrick=3)).ids


def test_keloid_tendency_cautions_both_ablative_lasers_ramsdell() -> None:
    """A keloid history: caution for both ablative options (Ramsdell 2012, L11); both stay eligible."""
    c = compare(_profile(keloid_tendency=True))
    for oid in ("laser_ablative", "laser_fractional_ablative"):
        assert oid in c.ids
        assert any("L11" in r.sources and "keloid" in r.text.lower() for r in c[oid].cautions)
    assert not any("L11" in r.sources for r in compare(_profile())["laser_ablative"].cautions)


def test_isotretinoin_excludes_fully_but_cautions_fractional() -> None:
    """Fully ablative laser not within 6 months; fractional ablative no reason to delay (L19)."""
    c = compare(_profile(isotretinoin_months_ago=2))
    assert "laser_ablative" not in c.ids
    assert "laser_fractional_ablative" in c.ids
    assert any("L19" in r.sources for r in c["laser_fractional_ablative"].cautions)


def test_rules_use_existing_condition_ids(catalog: Catalog) -> None:
    """The new rules: keloid_tendency caution both; skin_type_5_6 exclude for fully ablative only."""

    def level(oid: str, cond: str) -> RuleLevel | None:
        rules = [r for r in catalog[oid].contraindications if r.when.value == cond]
        return rules[0].level if rules else None

    assert level("laser_ablative", "keloid_tendency") is RuleLevel.CAUTION
    assert level("laser_fractional_ablative", "keloid_tendency") is RuleLevel.CAUTION
    assert level("laser_ablative", "skin_type_5_6") is RuleLevel.EXCLUDE
    assert level("laser_fractional_ablative", "skin_type_5_6") is None
    assert level("laser_fractional_ablative", "skin_type_4_6") is RuleLevel.CAUTION
    assert level("laser_ablative", "skin_type_4_6") is RuleLevel.CAUTION


# --- C2 / I5: "0 events in N" --------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "risk", "n", "sources"),
    [
        ("laser_nonablative", "lasting_harm", 1817, ("L1", "L2")),
        ("peel_superficial", "lasting_harm", 473, ("C5",)),
        ("microneedling", "serious_events", 1845, ("M7",)),
        ("laser_fractional_ablative", "lasting_harm", 374, ("L14",)),
    ],
)
def test_zero_event_denominators_are_scored(
    catalog: Catalog, option: str, risk: str, n: int, sources: tuple[str, ...]
) -> None:
    """Large series that saw no lasting harm give "0 in N", scored as the serious risk."""
    o = catalog[option]
    assert o.serious_risk_id == risk
    r = o.serious_risk
    assert r is not None
    assert r.severity is Severity.SERIOUS
    assert isinstance(r.count, Range)
    assert r.count.zero_in == n
    assert set(sources) <= set(r.sources)
    assert r.note.strip()


def test_nonablative_zero_in_names_both_series(catalog: Catalog) -> None:
    """1,817 = 961 (L1) + 856 (L2) treatments; the note names both."""
    r = catalog["laser_nonablative"].serious_risk
    assert r is not None
    assert 961 + 856 == 1817
    assert "961" in r.note
    assert "856" in r.note
    assert "[L1]" in r.note
    assert "[L2]" in r.note
    assert r.unit == "treatments"


def test_superficial_peel_lasting_harm_is_vemula(catalog: Catalog) -> None:
    """0 of 473 peels with a complication at 8 months (Vemula et al. 2018, C5)."""
    r = catalog["peel_superficial"].serious_risk
    assert r is not None
    assert "8 months" in r.time_frame
    assert catalog.sources["C5"].pmid == "29518457"
    assert "Vemula" in r.note


# --- C5 / I10: deep peel ---------------------------------------------------------------------


def test_deep_peel_heart_rhythm_is_a_range_with_the_protocol(catalog: Catalog) -> None:
    """66 (with monitoring, IV fluids, staged application; C7 via news) to 230 (Truppman, C15)."""
    o = catalog["peel_deep"]
    assert o.serious_risk_id == "heart_rhythm"
    r = o.serious_risk
    assert r is not None
    assert r.severity is Severity.SERIOUS
    c = _range(catalog, "peel_deep", "heart_rhythm")
    assert (c.low, c.typical, c.high) == (66, 66, 230)
    assert r.sources[:2] == ("C7", "C15")
    for words in ("monitoring", "staged", "Truppman", "textbook", "news", "one centre"):
        assert words in r.note, words
    assert catalog.sources["C15"].kind.value == "textbook"


def test_deep_peel_cold_sores_split_by_prophylaxis(catalog: Catalog) -> None:
    """With antivirals 0-83 (scored), no history 66, history without antivirals 500 (C6)."""
    o = catalog["peel_deep"]
    assert o.risk("cold_sore_flare") is None
    rows = {
        "cold_sore_flare_prophylaxis": (0, 83),
        "cold_sore_flare_no_history": (66, 66),
        "cold_sore_flare_untreated_history": (500, 500),
    }
    for rid, (low, high) in rows.items():
        c = _range(catalog, "peel_deep", rid)
        assert (c.low, c.high) == (low, high), rid
        assert o.risk(rid).severity is Severity.COMMON  # type: ignore[union-attr]
        assert o.risk(rid).sources == ("C6",)  # type: ignore[union-attr]
    assert o.side_effects_id == "cold_sore_flare_prophylaxis"
    assert "excludes the expected reaction" in o.side_effects.note  # type: ignore[union-attr]


# --- I6, I1 and the severity rule ------------------------------------------------------------


def test_an_uncomplicated_cold_sore_is_common_everywhere(catalog: Catalog) -> None:
    """One severity for a cold-sore flare in every laser, peel and microneedling option (I6)."""
    seen = 0
    for oid in MINE:
        for r in catalog[oid].risks:
            if r.id.startswith("cold_sore_flare"):
                seen += 1
                assert r.severity is Severity.COMMON, f"{oid}.{r.id}"
    assert seen >= 7


def test_no_serious_risk_is_described_as_passing(catalog: Catalog) -> None:
    """Serious = lasting, needing treatment, or a threat to life; never a passing effect."""
    for oid in MINE:
        for r in catalog[oid].risks:
            if r.severity is Severity.SERIOUS:
                words = f"{r.name} {r.time_frame}".lower()
                assert not any(w in words for w in PASSING), f"{oid}.{r.id}: {words}"


@pytest.mark.parametrize(
    ("option", "risk", "severity"),
    [
        ("laser_ablative", "darkening", Severity.COMMON),
        ("laser_ablative", "scarring_lightening", Severity.SERIOUS),
        ("laser_ablative", "scarring", Severity.SERIOUS),
        ("laser_fractional_ablative", "prolonged_redness", Severity.COMMON),
        ("laser_fractional_ablative", "darkening", Severity.COMMON),
        ("peel_medium", "cold_sore_flare", Severity.COMMON),
        ("peel_superficial", "cold_sore_flare", Severity.COMMON),
        ("peel_deep", "colour_change", Severity.SERIOUS),
        ("microneedling", "lasting_marks", Severity.SERIOUS),
    ],
)
def test_severities_follow_the_rule(
    catalog: Catalog, option: str, risk: str, severity: Severity
) -> None:
    r = catalog[option].risk(risk)
    assert r is not None
    assert r.severity is severity


def test_every_scored_side_effect_excludes_the_expected_reaction(catalog: Catalog) -> None:
    """I1: the scored side effect is common, never an expected_ row, and says it excludes it."""
    for oid in MINE:
        o = catalog[oid]
        r = o.side_effects
        assert r is not None, oid
        assert r.severity is Severity.COMMON, oid
        assert not r.id.startswith("expected_"), oid
        text = f"{r.note} {getattr(r.count, 'reason', '')}".lower()
        assert "expected" in text, oid


def test_microneedling_expected_rows_are_named_and_not_scored(catalog: Catalog) -> None:
    """The review's reported redness, scaling, burning and itching are the expected reaction."""
    o = catalog["microneedling"]
    ids = {r.id for r in o.risks}
    assert {"expected_redness", "expected_scaling", "expected_burning", "expected_itching"} <= ids
    assert not ids & {"reported_redness", "scaling", "burning", "itching"}
    assert isinstance(o.side_effects.count, NoData)  # type: ignore[union-attr]
    assert _range(catalog, "microneedling", "expected_redness").high == 68


# --- I4, I7, I14 -----------------------------------------------------------------------------


def test_microneedling_cost_from_low_quality_sources(catalog: Catalog) -> None:
    """USD 100-700 per session (X_botoxnearme_mn aggregator, X_dover2025 opinion article)."""
    o = catalog["microneedling"]
    a = o.cost.amount
    assert isinstance(a, Range)
    assert (a.low, a.high) == (100, 700)
    assert set(a.sources) == {"X_botoxnearme_mn", "X_dover2025"}
    assert "low-quality" in a.note.lower()
    dover = catalog.sources["X_dover2025"]
    assert dover.doi == "10.35841/aara-9.2.262"
    assert dover.authors == "Dover A"
    for sid in a.sources:
        assert catalog.sources[sid].kind.value in {"aggregator", "practitioner_page"}


def test_no_maintenance_without_a_sourced_interval(catalog: Catalog) -> None:
    """I7: no source gives a repeat interval for lasers, peels or microneedling."""
    for oid in MINE:
        assert catalog[oid].maintenance is None, oid


def test_nonablative_certainty_reason(catalog: Catalog) -> None:
    """I14: kept low; the reason names the level-1 evidence and the small trials (L5)."""
    o = catalog["laser_nonablative"]
    assert o.certainty is Certainty.LOW
    assert "level-1" in o.certainty_reason
    assert "small" in o.certainty_reason
    assert "L5" in o.certainty_sources


# --- a certainty per figure (K part 2) -------------------------------------------------------

GRADES = {
    "laser_ablative": {
        "fine_lines": "low",
        "wrinkles": "low",
        "texture": "low",
        "pigmentation": "very low",
        "acne_scars": "very low",
    },
    "laser_fractional_ablative": {
        "fine_lines": "low",
        "wrinkles": "low",
        "texture": "low",
        "pigmentation": "very low",
        "acne_scars": "very low",
    },
    "laser_nonablative": dict.fromkeys(
        ("fine_lines", "wrinkles", "texture", "pigmentation", "acne_scars"), "low"
    ),
    "microneedling": {
        **dict.fromkeys(
            ("fine_lines", "wrinkles", "laxity", "texture", "pigmentation"), "very low"
        ),
        "acne_scars": "low",
    },
    "peel_deep": dict.fromkeys(
        ("fine_lines", "wrinkles", "texture", "pigmentation", "acne_scars"), "very low"
    ),
    "peel_medium": dict.fromkeys(
        ("fine_lines", "wrinkles", "texture", "pigmentation", "acne_scars"), "very low"
    ),
    "peel_superficial": {
        "fine_lines": "low",
        "wrinkles": "very low",
        "texture": "low",
        "pigmentation": "low",
    },
}


@pytest.mark.parametrize("option", sorted(GRADES))
def test_each_effect_figure_has_its_own_grade(catalog: Catalog, option: str) -> None:
    """Every studied effect figure carries the grade of its own sources (K part 2)."""
    o = catalog[option]
    for concern, grade in GRADES[option].items():
        e = o.effects[concern]
        assert e.size is not EffectSize.NOT_STUDIED, (option, concern)
        assert e.certainty is Certainty.parse(grade), (option, concern, e.certainty)
    for concern, e in o.effects.items():
        if e.size is not EffectSize.NOT_STUDIED:
            assert concern in GRADES[option], (option, concern)
        assert e.low.value01 <= e.size.value01 <= e.high.value01, (option, concern)


def test_no_effect_figure_is_graded_above_its_option(catalog: Catalog) -> None:
    """None of these options' figures is better than "low": no large low-bias trials."""
    for oid in MINE:
        for concern in CONCERNS:
            assert catalog[oid].certainty_of(concern) in {Certainty.LOW, Certainty.VERY_LOW}


def test_superficial_peel_acne_scars_not_studied(catalog: Catalog) -> None:
    """No source measured acne scars after superficial peels: not_studied, not "slight"."""
    assert catalog["peel_superficial"].effects["acne_scars"].size is EffectSize.NOT_STUDIED


# --- every range ordered, every source resolving ---------------------------------------------


def test_ranges_are_ordered_and_sources_resolve(catalog: Catalog) -> None:
    for oid in MINE:
        o = catalog[oid]
        for r in o.risks:
            assert r.sources, (oid, r.id)
            assert all(s in catalog.sources for s in r.sources), (oid, r.id)
            if isinstance(r.count, Range):
                c = r.count
                assert 0 <= c.low <= c.high <= r.per, (oid, r.id)
                if c.typical is not None:
                    assert c.low <= c.typical <= c.high, (oid, r.id)
        for q in (o.sessions, o.downtime_days, o.cost.amount):
            if isinstance(q, Range):
                assert q.low <= q.high
                if q.typical is not None:
                    assert q.low <= q.typical <= q.high
                assert all(s in catalog.sources for s in q.sources)
