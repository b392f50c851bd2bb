"""Hypothesis strategies for model objects and data-file mappings."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from antiage_compare.model import (
    CONCERNS,
    Certainty,
    Contraindication,
    Cost,
    CostBasis,
    Effect,
    EffectSize,
    Experience,
    HealthCondition,
    Invasiveness,
    Maintenance,
    NoData,
    Option,
    Range,
    Risk,
    RuleLevel,
    Severity,
    WhileUsed,
)

SOURCE_IDS = ("S1", "S2")
texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
source_lists = st.lists(st.sampled_from(SOURCE_IDS), min_size=1, max_size=2, unique=True).map(tuple)
numbers = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def ranges(draw: st.DrawFn, *, upper: float = 1e6, meta: bool = True) -> Range:
    """A valid range, with or without a typical value."""
    vals = sorted(draw(st.lists(st.floats(0, upper, allow_nan=False), min_size=3, max_size=3)))
    typical = vals[1] if draw(st.booleans()) else None
    if not meta:
        return Range(low=vals[0], typical=typical, high=vals[2])
    return Range(
        low=vals[0],
        typical=typical,
        high=vals[2],
        unit=draw(st.sampled_from(["", "days", "USD"])),
        sources=draw(source_lists),
        note=draw(st.sampled_from(["", "a note"])),
        editorial=draw(st.booleans()),
    )


no_data = st.builds(NoData, st.sampled_from(["", "not found"]), st.just(()))
quantities = st.one_of(ranges(), no_data)


@st.composite
def effects(draw: st.DrawFn, concern: str) -> Effect:
    """A valid effect judgement for one concern."""
    if draw(st.booleans()):
        size = low = high = EffectSize.NOT_STUDIED
    else:
        levels = [EffectSize.NONE, EffectSize.SLIGHT, EffectSize.MODERATE, EffectSize.MARKED]
        picked = sorted(
            draw(st.lists(st.sampled_from(levels), min_size=3, max_size=3)), key=lambda e: e.value01
        )
        low, size, high = picked
    return Effect(
        concern=concern,
        size=size,
        low=low,
        high=high,
        reason=draw(texts),
        sources=draw(source_lists),
        certainty=draw(st.sampled_from(list(Certainty))),
    )


@st.composite
def risks(draw: st.DrawFn, rid: str) -> Risk:
    """A valid risk."""
    per = draw(st.sampled_from([100, 1000]))
    count = draw(st.one_of(ranges(upper=per, meta=False), no_data))
    return Risk(
        id=rid,
        name=draw(texts),
        severity=draw(st.sampled_from(list(Severity))),
        count=count,
        per=per,
        unit="patients",
        population=draw(texts),
        time_frame=draw(texts),
        sources=draw(source_lists),
        note=draw(st.sampled_from(["", "note"])),
    )


@st.composite
def options(draw: st.DrawFn, oid: str | None = None) -> Option:
    """A valid option with every field drawn."""
    n_risks = draw(st.integers(0, 3))
    risk_list = [draw(risks(f"r{i}")) for i in range(n_risks)]
    ids = [r.id for r in risk_list]
    pick = st.one_of(st.none(), st.sampled_from(ids)) if ids else st.none()
    rules = draw(
        st.lists(
            st.builds(
                Contraindication,
                when=st.sampled_from(list(HealthCondition)),
                level=st.sampled_from(list(RuleLevel)),
                text=texts,
                sources=source_lists,
            ),
            max_size=3,
        )
    )
    ongoing = draw(st.booleans())
    per = draw(st.sampled_from(list(CostBasis)))
    maintenance = None
    if not ongoing and per is not CostBasis.YEAR and draw(st.booleans()):
        every = draw(st.floats(0.5, 36.0))
        cited = tuple(draw(st.lists(st.sampled_from(SOURCE_IDS), min_size=1, unique=True)))
        maintenance = Maintenance(
            every_months=Range(
                low=every,
                high=every * draw(st.floats(1.0, 3.0)),
                unit="months",
                sources=cited,
            ),
            sources=cited,
            note=draw(texts),
            editorial=draw(st.booleans()),
        )
    return Option(
        id=oid or draw(st.from_regex(r"[a-z][a-z_]{0,12}", fullmatch=True)),
        name=draw(texts),
        summary=draw(texts),
        mechanism=draw(texts),
        mechanism_sources=draw(source_lists),
        invasiveness=draw(st.sampled_from(list(Invasiveness))),
        pierces_skin=draw(st.booleans()),
        in_clinic=draw(st.booleans()),
        ongoing=ongoing,
        concerns=draw(st.lists(st.sampled_from(CONCERNS), min_size=1, unique=True)),
        certainty=draw(st.sampled_from(list(Certainty))),
        certainty_reason=draw(texts),
        certainty_sources=draw(source_lists),
        sessions=draw(quantities),
        interval=draw(st.sampled_from(["", "monthly"])),
        interval_sources=draw(st.lists(st.sampled_from(SOURCE_IDS), max_size=2, unique=True)),
        downtime_days=draw(quantities),
        onset_days=draw(quantities),
        duration_months=WhileUsed(draw(texts), draw(source_lists)) if ongoing else draw(quantities),
        cost=Cost(per=per, amount=draw(quantities)),
        experience=Experience(
            pain=draw(texts), marks=draw(texts), time_off=draw(texts), sources=draw(source_lists)
        ),
        effects={c: draw(effects(c)) for c in CONCERNS},
        risks=risk_list,
        serious_risk_id=draw(pick),
        side_effects_id=draw(pick),
        contraindications=rules,
        maintenance=maintenance,
    )


def junk() -> st.SearchStrategy[Any]:
    """Values of every TOML type, and some that are out of range."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )
