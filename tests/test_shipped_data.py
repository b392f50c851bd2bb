"""The shipped catalogue: complete, honest and traceable to sources."""

from __future__ import annotations

import attrs
import pytest

from antiage_compare import Certainty, UnknownIdError, load_catalog
from antiage_compare._paths import shipped_data
from antiage_compare.catalog import Catalog
from antiage_compare.model import (
    CONCERNS,
    EffectSize,
    NoData,
    Range,
    RuleLevel,
    Severity,
    Verdict,
    WhileUsed,
)

IDS = {
    "acupuncture",
    "microneedling",
    "peel_superficial",
    "peel_medium",
    "peel_deep",
    "facelift",
    "blepharoplasty",
    "botulinum_toxin",
    "ha_filler",
    "laser_nonablative",
    "laser_ablative",
    "laser_fractional_ablative",
    "tretinoin",
    "sunscreen",
    "no_procedure",
    # 2027.1, issue 16: the options a person also weighs
    "rf_microneedling",
    "microfocused_ultrasound",
    "ipl",
    "thread_lift",
    "prp",
    "retinol",
    "tazarotene",
    "biostimulatory_filler",
    "oral_collagen",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_all_shipped_ids_load(catalog: Catalog) -> None:
    """Exactly these 24 options are shipped, each id once.

    2027.1 split the ablative laser (issue 15) and added nine options (issue 16); a shipped id is
    never removed.
    """
    assert set(catalog.ids) == IDS
    assert len(catalog.ids) == len(set(catalog.ids)) == 24


def test_shipped_catalog_is_cached_and_equals_explicit_load(catalog: Catalog) -> None:
    """load_catalog() is cached, and loading the same folder explicitly gives an equal catalogue."""
    assert load_catalog() is catalog
    explicit = load_catalog(shipped_data())  # type: ignore[arg-type]
    assert explicit == catalog
    assert explicit is not catalog


def _quantities(catalog: Catalog) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for o in catalog:
        out += [
            (f"{o.id}.sessions", o.sessions),
            (f"{o.id}.downtime", o.downtime_days),
            (f"{o.id}.onset", o.onset_days),
            (f"{o.id}.duration", o.duration_months),
            (f"{o.id}.cost", o.cost.amount),
        ]
    return out


def test_every_figure_has_a_range_and_resolving_source_or_is_no_data(catalog: Catalog) -> None:
    """Every numeric field is a Range citing at least one known source, or explicit NoData."""
    for where, q in _quantities(catalog):
        if where.endswith(".duration") and isinstance(q, WhileUsed):
            assert q.sources, f"{where} cites no source"  # works while used: not a duration
            continue
        assert isinstance(q, Range | NoData), where
        if isinstance(q, Range):
            assert q.low <= q.high, where
            assert q.sources, f"{where} cites no source"
            for sid in q.sources:
                assert sid in catalog.sources, f"{where} cites unknown {sid}"
    for o in catalog:
        for r in o.risks:
            assert r.sources, f"{o.id}.{r.id}"
            assert all(s in catalog.sources for s in r.sources)
            if isinstance(r.count, Range):
                assert 0 <= r.count.low <= r.count.high <= r.per


def test_every_cited_source_resolves(catalog: Catalog) -> None:
    """Every source id cited anywhere (options and claims) exists in sources.toml."""
    for o in catalog:
        for sid in o.sources:
            assert sid in catalog.sources, f"{o.id} cites unknown {sid}"
    for c in catalog.claims:
        assert all(s in catalog.sources for s in c.sources), c.id


def test_certainty_ratings_match_the_evidence_file(catalog: Catalog) -> None:
    """Acupuncture's certainty is very low; botulinum toxin's is moderate.

    Botulinum toxin was "high" until data version 2027.1; issue 15 C3 graded it moderate (risk of
    bias unclear in most trials, B1; the Cochrane GRADE tables were not seen).
    """
    assert catalog["acupuncture"].certainty is Certainty.VERY_LOW
    assert str(catalog["acupuncture"].certainty) == "very low"
    assert catalog["botulinum_toxin"].certainty is Certainty.MODERATE
    assert {str(c) for c in Certainty} == {"high", "moderate", "low", "very low"}


def test_every_option_describes_every_concern(catalog: Catalog) -> None:
    """Each option has an effect judgement, with a reason and sources, for all seven concerns."""
    for o in catalog:
        assert set(o.effects) == set(CONCERNS)
        for e in o.effects.values():
            assert e.reason.strip()
            assert e.sources


def test_not_studied_is_distinct_from_none(catalog: Catalog) -> None:
    """Acupuncture's unstudied concerns are "not studied", not "none"."""
    acu = catalog["acupuncture"]
    assert acu.effects["acne_scars"].size is EffectSize.NOT_STUDIED
    assert acu.effects["pigmentation"].size is EffectSize.NOT_STUDIED
    assert catalog["no_procedure"].effects["wrinkles"].size is EffectSize.NONE


def test_acupuncture_bruising_is_the_commonest_named_side_effect(catalog: Catalog) -> None:
    """Among acupuncture's specific common side effects, bruising/bleeding has the highest count."""
    acu = catalog["acupuncture"]
    specific = [
        r
        for r in acu.risks
        if r.severity is Severity.COMMON
        and isinstance(r.count, Range)
        and "any" not in r.name.lower()
    ]
    top = max(specific, key=lambda r: r.per_1000().point)  # type: ignore[union-attr]
    assert "bruis" in top.name.lower()


def test_eight_acupuncture_claims_with_verdicts(catalog: Catalog) -> None:
    """The six claims of section 10 and the two of issue 15 K7 are there; none is "supported"."""
    claims = catalog.claims_about("acupuncture")
    assert len(claims) == 8
    verdicts = {c.verdict for c in claims}
    assert Verdict.SUPPORTED not in verdicts
    collagen = [c for c in claims if "collagen" in c.text.lower()]
    injury = [c for c in claims if "injury" in c.text.lower()]
    assert collagen
    assert collagen[0].verdict is Verdict.UNSUPPORTED
    assert injury
    assert injury[0].verdict is Verdict.CONTRADICTED


@pytest.mark.parametrize(
    ("option", "condition", "level"),
    [
        ("tretinoin", "pregnant", RuleLevel.EXCLUDE),
        ("tretinoin", "breastfeeding", RuleLevel.CAUTION),  # exclude until 2027.1 (issue 15 I3)
        ("botulinum_toxin", "neuromuscular_disorder", RuleLevel.EXCLUDE),
        ("laser_ablative", "isotretinoin_recent", RuleLevel.EXCLUDE),
        ("peel_medium", "isotretinoin_recent", RuleLevel.EXCLUDE),
        ("peel_deep", "isotretinoin_recent", RuleLevel.EXCLUDE),
        ("peel_superficial", "isotretinoin_recent", RuleLevel.CAUTION),
        ("laser_nonablative", "isotretinoin_recent", RuleLevel.CAUTION),
        ("peel_deep", "skin_type_5_6", RuleLevel.EXCLUDE),
        ("facelift", "smoker", RuleLevel.CAUTION),
        ("facelift", "anticoagulants", RuleLevel.CAUTION),
        ("peel_superficial", "cold_sores", RuleLevel.CAUTION),
        ("laser_ablative", "cold_sores", RuleLevel.CAUTION),
        ("peel_deep", "heart_disease", RuleLevel.EXCLUDE),  # 2027.1: phenol and the heart (C7, C15)
        ("biostimulatory_filler", "immunosuppressed", RuleLevel.CAUTION),  # 2027.1: label (BF9)
        ("microfocused_ultrasound", "electronic_implant", RuleLevel.EXCLUDE),  # maker (MFU5)
        ("rf_microneedling", "electronic_implant", RuleLevel.EXCLUDE),  # clinic pages
        ("tazarotene", "facial_eczema", RuleLevel.EXCLUDE),  # label (TAZ11)
        ("tazarotene", "photosensitising_medicine", RuleLevel.CAUTION),  # label (TAZ11)
        ("microfocused_ultrasound", "metal_implant", RuleLevel.CAUTION),  # maker (MFU5)
        ("microfocused_ultrasound", "autoimmune_disease", RuleLevel.CAUTION),  # maker (MFU5)
        ("microfocused_ultrasound", "bleeding_disorder", RuleLevel.CAUTION),  # maker (MFU5)
        ("rf_microneedling", "metal_implant", RuleLevel.EXCLUDE),  # clinic pages
        ("rf_microneedling", "autoimmune_disease", RuleLevel.CAUTION),  # clinic pages
        ("rf_microneedling", "immunosuppressed", RuleLevel.CAUTION),  # clinic pages
    ],
)
def test_required_rules_are_in_the_data(
    catalog: Catalog, option: str, condition: str, level: RuleLevel
) -> None:
    """The rules the evidence file requires are present as data, with sources."""
    rules = [r for r in catalog[option].contraindications if r.when.value == condition]
    assert rules, f"{option} has no rule for {condition}"
    assert rules[0].level is level
    assert rules[0].sources


def test_active_infection_excludes_every_in_clinic_option(catalog: Catalog) -> None:
    """Every in-clinic option is excluded by an active skin infection; topicals are not."""
    for o in catalog:
        has = any(
            r.when.value == "active_skin_infection" and r.level is RuleLevel.EXCLUDE
            for r in o.contraindications
        )
        assert has == o.in_clinic, o.id
    assert not catalog["sunscreen"].in_clinic
    assert not catalog["tretinoin"].in_clinic


def test_unknown_id_lists_known_ids(catalog: Catalog) -> None:
    """Indexing by an unknown id raises an error naming the known ids."""
    with pytest.raises(UnknownIdError) as info:
        catalog["acupunture"]
    assert "acupuncture" in str(info.value)
    assert isinstance(info.value, KeyError)


def test_only_and_without_return_new_catalogues(catalog: Catalog) -> None:
    """only() keeps the named options plus no_procedure; without() drops them; the original is unchanged."""
    small = catalog.only("acupuncture", "sunscreen")
    assert set(small.ids) == {"acupuncture", "sunscreen", "no_procedure"}
    fewer = catalog.without("facelift")
    assert "facelift" not in fewer
    assert len(fewer) == len(IDS) - 1
    assert len(catalog) == len(IDS)
    with pytest.raises(UnknownIdError):
        catalog.only("nope")


def test_no_procedure_cannot_be_removed(catalog: Catalog) -> None:
    """The natural course is always kept (IPDAS)."""
    with pytest.raises(ValueError, match="no_procedure"):
        catalog.without("no_procedure")


def test_values_are_frozen(catalog: Catalog) -> None:
    """Model objects are immutable."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        catalog["acupuncture"].name = "x"  # type: ignore[misc]
