"""Data version 2027.1, issue 15 part 1: injectables, topicals, surgery, acupuncture and claims.

Each test pins a figure corrected from the December 2026 review's findings (checked at their
primary sources in ``docs/evidence/2027.1/``) and names the source the figure comes from, so a
later edit that changes the figure or drops its source fails here.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from antiage_compare import Certainty, load_catalog
from antiage_compare._paths import shipped_data
from antiage_compare.catalog import Catalog
from antiage_compare.model import EffectSize, NoData, Range, RuleLevel, Severity, Verdict
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare

MINE = (
    "botulinum_toxin",
    "ha_filler",
    "tretinoin",
    "sunscreen",
    "acupuncture",
    "facelift",
    "blepharoplasty",
    "no_procedure",
)
ORDER = ("none", "slight", "moderate", "marked")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _counts(catalog: Catalog, option: str, risk: str) -> tuple[float, float | None, float]:
    r = catalog[option].risk(risk)
    assert r is not None, f"{option} has no risk {risk}"
    assert isinstance(r.count, Range), f"{option}.{risk} is not a range"
    return (r.count.low, r.count.typical, r.count.high)


def _profile(**health: Any) -> Profile:
    d = example_profile().to_dict()
    d["health"].update(health)
    d["limits"] = {}
    return Profile.from_dict(d)


# --- new sources -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sid", "kind", "ident"),
    [
        ("B6", "cohort", "10.1097/DSS.0000000000002463"),  # SAKURA 3, daxibotulinumtoxinA
        ("B7", "systematic_review", "10.1016/j.jdin.2023.07.021"),  # Brin 2023, pooled trials
        ("B8", "news", ""),
        ("T7", "label", ""),  # Renova 0.02%
        ("T8", "label", ""),  # Renova 0.05%
        ("T9", "reference_page", ""),  # LactMed
        ("T10", "reference_page", ""),  # NHS SPS
        ("U2", "case_series", "10.1097/DSS.0000000000000879"),  # Randhawa 2016
        ("U3", "review", ""),  # Green 2020, Nambour safety
        ("U4", "rct", "10.1016/S0140-6736(98)12168-2"),  # Green 1999, Lancet
        ("S19", "registry", "10.1093/asj/sjad379"),  # TOPS, 38,569 patients
        ("A19", "rct", "10.1016/j.neuroimage.2009.05.083"),  # Harris 2009
        ("A20", "systematic_review", "10.3390/jcm8081140"),  # Armour 2019
        ("P10", "practitioner_page", ""),
        ("P11", "aggregator", ""),
        ("P12", "practitioner_page", ""),
        ("X_filler_syringes_pages", "practitioner_page", ""),
    ],
)
def test_new_sources_exist_with_their_kind(
    catalog: Catalog, sid: str, kind: str, ident: str
) -> None:
    s = catalog.sources[sid]
    assert s.kind.value == kind
    if ident:
        assert s.doi == ident


def test_new_sources_sit_in_the_injectables_block_of_sources_toml() -> None:
    text = (shipped_data() / "sources.toml").read_text(encoding="utf-8")
    start = text.index("Added in data version 2027.1: injectables, topicals, surgery, acupuncture")
    end = text.index("(end of the 2027.1 injectables, topicals, surgery, acupuncture and claims")
    block = text[start:end]
    for sid in ("B6", "B7", "B8", "T7", "T8", "T9", "T10", "U2", "U3", "U4", "S19", "A19", "A20"):
        assert f'id = "{sid}"' in block, sid


# --- botulinum toxin (C2, C3, C4, I1) -------------------------------------------------------------


def test_botulinum_toxin_certainty_is_moderate_with_its_reason(catalog: Catalog) -> None:
    """C3: 'high' was unconfirmed; risk of bias unclear in most trials (B1, Cochrane)."""
    o = catalog["botulinum_toxin"]
    assert o.certainty is Certainty.MODERATE
    assert "unclear" in o.certainty_reason
    assert "manufacturer" in o.certainty_reason
    assert "not seen" in o.certainty_reason
    assert "B1" in o.certainty_sources


def test_botulinum_toxin_serious_risk_is_zero_in_2691_from_sakura_3(catalog: Catalog) -> None:
    """C2: no treatment-related serious event in 2,691 people (B6, daxibotulinumtoxinA)."""
    o = catalog["botulinum_toxin"]
    r = o.serious_risk
    assert r is not None
    assert r.id == "serious_events"
    assert r.severity is Severity.SERIOUS
    assert isinstance(r.count, Range)
    assert r.count.zero_in == 2691
    assert r.count.low == 0
    assert math.isclose(r.count.high, 3 * 1000 / 2691)
    assert r.sources == ("B6",)
    assert "daxibotulinumtoxinA" in r.note
    assert "treatment-related" in r.note


def test_botulinum_toxin_spread_stays_serious_with_the_label_wording(catalog: Catalog) -> None:
    r = catalog["botulinum_toxin"].risk("toxin_spread")
    assert r is not None
    assert r.severity is Severity.SERIOUS
    assert isinstance(r.count, NoData)
    assert "recommended cosmetic dose" in r.count.reason
    assert r.sources == ("B2",)


def test_botulinum_toxin_side_effect_is_the_excess_over_placebo(catalog: Catalog) -> None:
    """I1: 33.1% vs 29.1% on placebo (40 in 1000); 36 to 64 (B7, pooled placebo-controlled)."""
    o = catalog["botulinum_toxin"]
    r = o.side_effects
    assert r is not None
    assert r.id == "excess_adverse_events"
    assert _counts(catalog, "botulinum_toxin", "excess_adverse_events") == (36, 40, 64)
    assert r.severity is Severity.COMMON
    assert r.sources == ("B7",)
    assert "expected" in r.note


def test_botulinum_toxin_eyelid_droop_from_pooled_trials_not_a_clinic_page(
    catalog: Catalog,
) -> None:
    """C4: 10 to 24 per 1000 patients per cycle, typical 18 (B7, B8), not 30-50 (clinic page)."""
    r = catalog["botulinum_toxin"].risk("eyelid_droop")
    assert r is not None
    assert _counts(catalog, "botulinum_toxin", "eyelid_droop") == (10, 18, 24)
    assert r.unit == "patients"
    assert "cycle" in r.time_frame
    assert r.severity is Severity.COMMON
    assert "B7" in r.sources
    assert "B8" in r.sources
    assert "X_botox_clinic_pages" not in r.sources


@pytest.mark.parametrize(
    ("risk", "low", "high"), [("brow_droop", 6, 15), ("eyelid_numbness", 7, 32)]
)
def test_botulinum_toxin_brow_droop_and_eyelid_numbness(
    catalog: Catalog, risk: str, low: float, high: float
) -> None:
    """C4: from the pooled placebo-controlled table (B7); temporary, so common."""
    r = catalog["botulinum_toxin"].risk(risk)
    assert r is not None
    lo, typ, hi = _counts(catalog, "botulinum_toxin", risk)
    assert (lo, typ, hi) == (low, None, high)
    assert r.severity is Severity.COMMON
    assert "B7" in r.sources


def test_botulinum_toxin_major_events_are_common_and_temporary(catalog: Catalog) -> None:
    """C4: the trials' 'major' events (eyelid droop, numbness, squint) wear off (B1)."""
    r = catalog["botulinum_toxin"].risk("major_adverse_events")
    assert r is not None
    assert r.severity is Severity.COMMON
    assert "temporary" in r.time_frame
    any_ae = catalog["botulinum_toxin"].risk("any_adverse_event")
    assert any_ae is not None
    assert _counts(catalog, "botulinum_toxin", "any_adverse_event") == (331, None, 424)
    assert "B7" in any_ae.sources


# --- HA filler (C6, I1) ------------------------------------------------------------------------


def test_filler_occlusion_is_scored_per_treatment_session(catalog: Catalog) -> None:
    """C6: 1 in 6,410 syringes (F3) × 1 to 3 syringes: 0.16 to 0.47 per 1000 sessions."""
    o = catalog["ha_filler"]
    r = o.serious_risk
    assert r is not None
    assert r.id == "vascular_occlusion_session"
    assert _counts(catalog, "ha_filler", "vascular_occlusion_session") == (0.16, 0.31, 0.47)
    assert r.unit == "treatment sessions"
    assert r.severity is Severity.SERIOUS
    assert "F3" in r.sources
    assert "EDITORIAL" in r.sources
    assert "arithmetic" in r.note.lower()
    assert "lower bound" in r.note
    assert "dermatologists" in r.population
    # the per-syringe row stays as context
    per_syringe = o.risk("vascular_occlusion_needle")
    assert per_syringe is not None
    assert per_syringe.unit == "syringes"


def test_filler_side_effect_beyond_the_expected_reaction_is_no_data(catalog: Catalog) -> None:
    """I1: F1's 580 'any complication' is the expected injection reaction; it is not scored."""
    o = catalog["ha_filler"]
    r = o.side_effects
    assert r is not None
    assert r.id == "side_effects_beyond_expected"
    assert isinstance(r.count, NoData)
    assert "expected" in r.count.reason
    assert "F1" in r.count.sources
    assert _counts(catalog, "ha_filler", "any_complication") == (460, 580, 700)
    assert o.side_effects_id != "any_complication"


def test_filler_cost_note_mentions_syringes(catalog: Catalog) -> None:
    o = catalog["ha_filler"]
    assert isinstance(o.cost.amount, Range)
    assert o.cost.amount.typical == 644
    assert "per syringe" in o.cost.amount.note
    assert o.maintenance is not None


# --- tretinoin (C2, I1, I2, I3) ----------------------------------------------------------------


def test_tretinoin_side_effect_is_severe_irritation_from_the_renova_label(
    catalog: Catalog,
) -> None:
    """I2: 32% of 339 had severe or treatment-interrupting irritation (T7, Renova 0.02%)."""
    o = catalog["tretinoin"]
    r = o.side_effects
    assert r is not None
    assert r.id == "severe_irritation"
    assert _counts(catalog, "tretinoin", "severe_irritation") == (320, 320, 320)
    assert r.sources == ("T7",)
    assert r.severity is Severity.COMMON
    assert "expected" in r.note
    assert _counts(catalog, "tretinoin", "stopped_for_side_effects") == (40, 40, 40)
    expected = o.risk("expected_irritation")
    assert expected is not None
    assert "almost all" in expected.note
    assert "EDITORIAL" in expected.sources


def test_tretinoin_serious_risk_is_no_data_with_a_reason(catalog: Catalog) -> None:
    r = catalog["tretinoin"].serious_risk
    assert r is not None
    assert isinstance(r.count, NoData)
    assert "no source reports serious harms" in r.count.reason
    assert "T7" in r.count.sources


def test_tretinoin_breastfeeding_rule_is_a_caution_from_lactmed(catalog: Catalog) -> None:
    """I3: LactMed 'low risk' (T9), NHS SPS 'negligible' (T10); the label: may be postponed (T7)."""
    rules = [r for r in catalog["tretinoin"].contraindications if r.when.value == "breastfeeding"]
    assert len(rules) == 1
    assert rules[0].level is RuleLevel.CAUTION
    assert set(rules[0].sources) == {"T9", "T10", "T7"}
    assert "breast" in rules[0].text
    assert "low" in rules[0].text


def test_breastfeeding_now_cautions_tretinoin_instead_of_excluding_it() -> None:
    c = compare(_profile(breastfeeding=True))
    assert "tretinoin" in c.ids
    assert "tretinoin" not in {e.option.id for e in c.excluded}
    cautions = c["tretinoin"].cautions
    assert any("T9" in r.sources and "LactMed" in r.text for r in cautions)
    # pregnancy still excludes it
    assert "tretinoin" not in compare(_profile(pregnant=True)).ids


# --- sunscreen (C2, I13, A1) -------------------------------------------------------------------


def test_sunscreen_side_effect_is_25_of_812_irritation_complaints(catalog: Catalog) -> None:
    """C2: 25 of 812 daily users (U3), group sizes 404 + 408 (U4): 31 per 1000."""
    o = catalog["sunscreen"]
    r = o.side_effects
    assert r is not None
    assert r.id == "side_effects"
    assert _counts(catalog, "sunscreen", "side_effects") == (31, 31, 31)
    assert round(25 / 812 * 1000) == 31
    assert set(r.sources) == {"U3", "U4"}
    assert "812" in r.population


def test_sunscreen_serious_risk_is_no_data_with_a_reason(catalog: Catalog) -> None:
    r = catalog["sunscreen"].serious_risk
    assert r is not None
    assert r.severity is Severity.SERIOUS
    assert isinstance(r.count, NoData)
    assert "no source reports serious harms" in r.count.reason
    assert "U1" in r.count.sources


def test_sunscreen_certainty_keeps_moderate_with_the_trials_limitation(catalog: Catalog) -> None:
    """I13: Hughes 2013 (U1): some outcome data missing, modest power."""
    o = catalog["sunscreen"]
    assert o.certainty is Certainty.MODERATE
    assert "missing" in o.certainty_reason
    assert "power" in o.certainty_reason


def test_sunscreen_pigmentation_texture_fine_lines_from_randhawa_2016(catalog: Catalog) -> None:
    """A1: single-arm, 32 light-skinned women, maker-funded (U2): each graded for what it is."""
    e = catalog["sunscreen"].effects
    pig = e["pigmentation"]
    assert (pig.size, pig.low, pig.high) == (
        EffectSize.SLIGHT,
        EffectSize.NONE,
        EffectSize.MODERATE,
    )
    assert pig.certainty is Certainty.VERY_LOW
    assert "U2" in pig.sources
    assert "32" in pig.reason
    assert "uncontrolled" in pig.reason
    tex = e["texture"]
    assert (tex.size, tex.low, tex.high) == (
        EffectSize.SLIGHT,
        EffectSize.NONE,
        EffectSize.MODERATE,
    )
    assert tex.certainty is Certainty.LOW
    assert {"U1", "U2"} <= set(tex.sources)
    fl = e["fine_lines"]
    assert (fl.size, fl.low, fl.high) == (EffectSize.SLIGHT, EffectSize.NONE, EffectSize.SLIGHT)
    assert fl.certainty is Certainty.LOW
    assert fl.reason.startswith("Mostly prevention")


# --- a certainty per figure (K part 2) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "concern", "grade"),
    [
        ("botulinum_toxin", "fine_lines", Certainty.MODERATE),
        ("botulinum_toxin", "wrinkles", Certainty.MODERATE),
        ("ha_filler", "fine_lines", Certainty.VERY_LOW),
        ("ha_filler", "wrinkles", Certainty.MODERATE),
        ("ha_filler", "volume_loss", Certainty.LOW),
        ("tretinoin", "fine_lines", Certainty.MODERATE),
        ("tretinoin", "wrinkles", Certainty.LOW),
        ("tretinoin", "texture", Certainty.MODERATE),
        ("tretinoin", "pigmentation", Certainty.MODERATE),
        ("sunscreen", "fine_lines", Certainty.LOW),
        ("sunscreen", "wrinkles", Certainty.LOW),
        ("sunscreen", "texture", Certainty.LOW),
        ("sunscreen", "pigmentation", Certainty.VERY_LOW),
        ("acupuncture", "wrinkles", Certainty.VERY_LOW),
        ("acupuncture", "laxity", Certainty.VERY_LOW),
        ("facelift", "wrinkles", Certainty.VERY_LOW),
        ("facelift", "laxity", Certainty.LOW),
        ("blepharoplasty", "fine_lines", Certainty.VERY_LOW),
        ("blepharoplasty", "laxity", Certainty.LOW),
    ],
)
def test_each_effect_figure_has_its_own_grade(
    catalog: Catalog, option: str, concern: str, grade: Certainty
) -> None:
    e = catalog[option].effects[concern]
    assert e.certainty is grade, f"{option}.{concern}"
    assert catalog[option].certainty_of(concern) is grade


def test_every_measured_effect_of_these_options_has_an_explicit_grade(catalog: Catalog) -> None:
    """Every effect above 'none' (not the 'none'/'not studied' judgements) carries its own grade."""
    for oid in MINE:
        for concern, e in catalog[oid].effects.items():
            if e.size in (EffectSize.NONE, EffectSize.NOT_STUDIED) and e.high is EffectSize.NONE:
                continue
            if e.size is EffectSize.NOT_STUDIED:
                continue
            assert e.certainty is not None, f"{oid}.{concern} inherits its grade"


@pytest.mark.parametrize(
    ("option", "concern"),
    [("acupuncture", "fine_lines"), ("ha_filler", "laxity"), ("ha_filler", "acne_scars")],
)
def test_unmeasured_concerns_are_not_studied(catalog: Catalog, option: str, concern: str) -> None:
    """I12 and K part 2: the reason says nothing measured it, so the size says so too."""
    e = catalog[option].effects[concern]
    assert e.size is EffectSize.NOT_STUDIED
    assert e.low is EffectSize.NOT_STUDIED
    assert e.high is EffectSize.NOT_STUDIED


# --- acupuncture, surgery (C7, C9, I11, I17) ---------------------------------------------------


def test_acupuncture_serious_events_say_they_are_imported_from_body_acupuncture(
    catalog: Catalog,
) -> None:
    """C7: 1.01 per 10,000 patients (A11) is from acupuncture anywhere on the body."""
    o = catalog["acupuncture"]
    r = o.serious_risk
    assert r is not None
    assert r.id == "serious_events"
    assert _counts(catalog, "acupuncture", "serious_events") == (0.023, 0.101, 0.233)
    assert "imported" in r.name
    assert "imported" in r.note.lower()
    assert "A11" in r.sources
    assert o.certainty is Certainty.VERY_LOW  # C8, agreed


def test_facelift_duration_is_a_floor_and_tops_corroborates(catalog: Catalog) -> None:
    """I11: 66 months is the only time point (S10); C9: TOPS 1.2% of 38,569 (S19)."""
    o = catalog["facelift"]
    d = o.duration_months
    assert isinstance(d, Range)
    assert (d.low, d.high) == (66, 66)
    assert "floor" in d.note
    r = o.risk("major_complication")
    assert r is not None
    assert _counts(catalog, "facelift", "major_complication") == (15, 18, 37)
    assert "S19" in r.sources
    assert "38,569" in r.note
    assert catalog.sources["S10"].doi == "10.1097/PRS.0b013e31826d9f7f"


def test_blepharoplasty_major_complication_within_30_days(catalog: Catalog) -> None:
    """I17: the primary outcome was within 30 days (S15)."""
    r = catalog["blepharoplasty"].risk("major_complication")
    assert r is not None
    assert r.time_frame == "within 30 days of surgery"
    assert _counts(catalog, "blepharoplasty", "major_complication") == (4, 4, 4)
    assert "S15" in r.sources
    assert "S19" in r.sources
    loss = catalog["blepharoplasty"].risk("permanent_visual_loss")
    assert loss is not None
    assert "from memory" in loss.population


# --- rules that hold for every option here -----------------------------------------------------


def test_ranges_are_ordered(catalog: Catalog) -> None:
    for oid in MINE:
        for r in catalog[oid].risks:
            if isinstance(r.count, Range):
                c = r.count
                assert c.low <= c.high, f"{oid}.{r.id}"
                if c.typical is not None:
                    assert c.low <= c.typical <= c.high, f"{oid}.{r.id}"
        for concern, e in catalog[oid].effects.items():
            if e.size is not EffectSize.NOT_STUDIED:
                lo, mid, hi = (ORDER.index(x.value) for x in (e.low, e.size, e.high))
                assert lo <= mid <= hi, f"{oid}.{concern}"


def test_severities_follow_the_rule(catalog: Catalog) -> None:
    """A temporary, passing effect is 'common'; the scored risks sit in their own role."""
    for oid in MINE:
        o = catalog[oid]
        for r in o.risks:
            if "temporary" in r.time_frame:
                assert r.severity is Severity.COMMON, f"{oid}.{r.id}"
        assert o.serious_risk is not None, oid
        assert o.serious_risk.severity is Severity.SERIOUS, oid
        assert o.side_effects is not None, oid
        assert o.side_effects.severity is Severity.COMMON, oid


def test_every_scored_side_effect_says_it_is_beyond_the_expected_reaction(
    catalog: Catalog,
) -> None:
    """I1: one definition for every option; each scored side effect's note says so."""
    for oid in MINE:
        r = catalog[oid].side_effects
        assert r is not None, oid
        assert "expected" in r.note, oid


# --- claims (K1-K7) ----------------------------------------------------------------------------


def _claim(catalog: Catalog, cid: str) -> Any:
    (c,) = [c for c in catalog.claims if c.id == cid]
    return c


def test_safer_claim_is_unsupported_as_a_comparative_claim(catalog: Catalog) -> None:
    """K5: no comparison exists; the format has no 'misleading' verdict."""
    c = _claim(catalog, "acupuncture_safer")
    assert c.verdict is Verdict.UNSUPPORTED
    assert "misleading as a comparative claim" in c.reason.lower()
    assert {"A11", "F3"} <= set(c.sources)


def test_endorphin_claim_is_balanced_and_cites_harris_2009(catalog: Catalog) -> None:
    """K6: real but not sham acupuncture raised opioid-receptor binding (A19)."""
    c = _claim(catalog, "acupuncture_endorphins")
    assert c.verdict is Verdict.UNSUPPORTED
    assert "A19" in c.sources
    assert "A17" in c.sources
    assert "opioid" in c.reason
    assert catalog.sources["A17"].authors.startswith("Chapman CR")


@pytest.mark.parametrize(
    ("cid", "words", "source"),
    [
        ("acupuncture_results_last", "2 to 3 years", "P5"),
        ("acupuncture_natural_alternative", "natural alternative", "P10"),
    ],
)
def test_two_new_claims_are_unsupported(
    catalog: Catalog, cid: str, words: str, source: str
) -> None:
    """K7."""
    c = _claim(catalog, cid)
    assert c.option_id == "acupuncture"
    assert words in c.text
    assert c.verdict is Verdict.UNSUPPORTED
    assert source in c.sources


def test_blood_flow_claim_stays_weakly_supported(catalog: Catalog) -> None:
    c = _claim(catalog, "acupuncture_blood_flow")
    assert c.verdict is Verdict.WEAKLY_SUPPORTED
    assert "one of seven" in c.reason


# --- the data changelog ------------------------------------------------------------------------


def _changelog_section() -> str:
    text = (Path(__file__).parents[1] / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    start = text.index("### Injectables, topicals, surgery, acupuncture and claims")
    end = text.index("(end of injectables, topicals, surgery, acupuncture and claims)")
    return text[start:end]


@pytest.mark.parametrize(
    "entry",
    [
        "botulinum_toxin · certainty.level: high → moderate",
        "botulinum_toxin · scoring.serious_risk",
        "botulinum_toxin · risks.eyelid_droop.count",
        "ha_filler · scoring.serious_risk",
        "ha_filler · scoring.side_effects",
        "tretinoin · scoring.side_effects",
        "tretinoin · contraindications.breastfeeding: exclude",
        "sunscreen · scoring.side_effects",
        "sunscreen · effects.pigmentation: not_studied →",
        "acupuncture · effects.fine_lines",
        "blepharoplasty · risks.major_complication.time_frame",
        "claims · acupuncture_safer.verdict: weakly_supported → unsupported",
    ],
)
def test_each_change_is_in_the_data_changelog(entry: str) -> None:
    assert entry in _changelog_section()
