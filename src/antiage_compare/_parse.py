"""Turn parsed TOML tables into model objects, strictly (see ``docs/data-format.md``).

One function per record type. Each reads through :class:`~antiage_compare._reader.Table`, so every
error names the file, the field path and the value, and unknown keys are rejected.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

from antiage_compare._reader import Table
from antiage_compare.model import (
    CONCERNS,
    CatalogInfo,
    Certainty,
    Claim,
    Contraindication,
    Cost,
    CostBasis,
    Duration,
    Effect,
    EffectSize,
    Experience,
    HealthCondition,
    Invasiveness,
    Maintenance,
    Money,
    NoData,
    Option,
    ProductWarning,
    Quantity,
    Range,
    Risk,
    RuleLevel,
    Severity,
    Source,
    SourceKind,
    Verdict,
    WhileUsed,
    figure_grade,
    zero_in_range,
)

SCHEMA_VERSION = 1

#: The duration of an option that works only while it is used (``ongoing = true``).
WHILE_USED = "while used"
NO_DATA = "no data"
_REQUIRED: Any = object()


def check_schema(t: Table) -> None:
    """Read and check ``schema_version``."""
    version = t.raw("schema_version")
    if version != SCHEMA_VERSION:
        raise t.fail(
            "schema_version",
            f"unsupported schema version (this library reads {SCHEMA_VERSION})",
            version,
        )


class Refs:
    """The source ids that exist, so every citation can be checked where it is read."""

    def __init__(self, known: Container[str] | None) -> None:
        self.known = known

    def ids(self, t: Table, key: str, *, required: bool = True) -> tuple[str, ...]:
        """Read a list of source ids and check that each resolves."""
        ids = t.texts(key) if required or t.has(key) else t.texts(key, [])
        if required and not ids:
            raise t.fail(key, "must cite at least one source id", [])
        if self.known is not None:
            for i, sid in enumerate(ids):
                if sid not in self.known:
                    raise t.fail(f"{key}[{i}]", "unknown source id (not in sources.toml)", sid)
        return ids

    def check_grade(self, t: Table, grade: Certainty, ids: Sequence[str], *, stated: bool) -> None:
        """Refuse a figure graded above what the best of its sources can bear.

        A clinic page is never "high" (:attr:`SourceKind.ceiling`). ``stated`` says whether the
        grade was written on the figure or taken from the option's own grade.
        """
        if not isinstance(self.known, Mapping):
            return
        kinds = [self.known[s].kind for s in ids if s in self.known]
        most = figure_grade(grade, kinds)
        if most.level >= grade.level:
            return
        whence = "" if stated else " (the option's grade; give this figure its own)"
        problem = (
            f"graded {grade.value!r}{whence}, but the best of its sources "
            f"({', '.join(sorted({k.value for k in kinds}))}) bears at most {most.value!r}"
        )
        raise t.fail("certainty", problem, grade.value)


def parse_range(
    t: Table, key: str, refs: Refs, *, meta: bool = True, no_data_ok: bool = True
) -> Quantity:
    """Read a range table, or ``"no data"``, at ``key`` of ``t``."""
    value = t.raw(key)
    if value == NO_DATA and no_data_ok:
        stem = key.rsplit("_", 1)[0] if key.endswith(("_days", "_months")) else key
        reason = t.text(f"{stem}_reason", "", empty=True)
        sources = refs.ids(t, f"{stem}_sources", required=False)
        return NoData(reason, sources)
    if isinstance(value, str):
        raise t.fail(key, f"expected a range table or {NO_DATA!r}", value)
    r = t.table(key)
    if r.has("no_data"):
        if r.raw("no_data") is not True:
            raise r.fail("no_data", "may only be true", r.data["no_data"])
        nd = NoData(r.text("reason", "", empty=True), refs.ids(r, "sources", required=False))
        r.done()
        return nd
    low = r.number("low", minimum=None)
    high = r.number("high", minimum=None)
    typical = r.number("typical", None, minimum=None) if r.has("typical") else None
    kw: dict[str, Any] = {}
    if meta:
        kw = {
            "unit": r.text("unit", "", empty=True),
            "sources": refs.ids(r, "sources"),
            "note": r.text("note", "", empty=True),
            "editorial": r.flag("editorial", False),
        }
    r.done()
    for name, v in (("low", low), ("typical", typical), ("high", high)):
        if v is not None and v < 0:
            raise r.fail(name, "must not be negative", v)
    return r.convert("low", lambda: Range(low=low, high=high, typical=typical, **kw))


def parse_source(t: Table) -> Source:
    """Read one ``[[source]]``."""
    s = Source(
        id=t.text("id"),
        title=t.text("title"),
        kind=t.choice("kind", SourceKind.parse),
        authors=t.text("authors", "", empty=True),
        container=t.text("container", "", empty=True),
        year=t.integer("year", 0, maximum=2100),
        doi=t.text("doi", "", empty=True),
        pmid=t.text("pmid", "", empty=True),
        url=t.text("url", "", empty=True),
        note=t.text("note", "", empty=True),
    )
    if s.url and not s.url.startswith(("https://", "http://")):
        raise t.fail("url", "must start with https:// or http://", s.url)
    t.done()
    return s


def parse_claim(t: Table, refs: Refs, option_ids: Container[str] | None) -> Claim:
    """Read one ``[[claim]]``."""
    claim = Claim(
        id=t.text("id"),
        option_id=t.text("option_id"),
        text=t.text("text"),
        verdict=t.choice("verdict", Verdict.parse),
        reason=t.text("reason"),
        sources=refs.ids(t, "sources"),
    )
    if option_ids is not None and claim.option_id not in option_ids:
        raise t.fail("option_id", "no option has this id", claim.option_id)
    t.done()
    return claim


def parse_warning(t: Table, refs: Refs) -> ProductWarning:
    """Read one ``[[warning]]``: a product sold for anti-ageing that is not an option."""
    concerns = t.texts("concerns")
    warning = t.convert(
        "concerns",
        lambda: ProductWarning(
            id=t.text("id"),
            name=t.text("name"),
            concerns=concerns,
            text=t.text("text"),
            sources=refs.ids(t, "sources"),
        ),
    )
    t.done()
    return warning


def parse_currency(t: Table, key: str, default: Any = _REQUIRED) -> str:
    """Read a three-letter currency code (``USD``, ``JPY``): a label, never converted."""
    value = t.text(key) if default is _REQUIRED else t.text(key, default)
    return t.convert(key, lambda: Money(amount=0, currency=value).currency)


def parse_cost_scale(t: Table, currency: str) -> Money:
    """Read ``[cost_scale] worst = …``: the cost that scores 0, in ``currency``."""
    st = t.table("cost_scale")
    worst = st.number("worst")
    st.done()
    if worst <= 0:
        raise st.fail("worst", "must be above 0 (the cost that scores worst)", worst)
    return Money(amount=float(worst), currency=currency)


def parse_info(t: Table) -> CatalogInfo:
    """Read the catalogue metadata table."""
    data_version = t.text("data_version")
    reviewed = t.date("reviewed")
    next_review = t.date("next_review")
    update_policy = t.text("update_policy")
    currency = parse_currency(t, "currency")
    cost_scale = parse_cost_scale(t, currency)
    cost_note = t.text("cost_note", "", empty=True)
    authors = t.text("authors")
    funding = t.text("funding")
    competing_interests = t.text("competing_interests")
    return t.convert(
        "next_review",
        lambda: CatalogInfo(
            data_version=data_version,
            reviewed=reviewed,
            next_review=next_review,
            update_policy=update_policy,
            currency=currency,
            cost_scale=cost_scale,
            cost_note=cost_note,
            authors=authors,
            funding=funding,
            competing_interests=competing_interests,
        ),
    )


def _effect(t: Table, concern: str, refs: Refs, grade: Certainty) -> Effect:
    """One concern's effect; its certainty is the option's ``grade`` unless the figure has one."""
    size: EffectSize = t.choice("size", EffectSize.parse)
    low: EffectSize = t.choice("low", EffectSize.parse, size)
    high: EffectSize = t.choice("high", EffectSize.parse, size)
    certainty: Certainty = t.choice("certainty", Certainty.parse, grade)
    reason = t.text("reason")
    sources = refs.ids(t, "sources")
    if high.value01 > 0.0:  # a grade that scales an effect (none and not_studied score 0)
        refs.check_grade(t, certainty, sources, stated=t.has("certainty"))
    t.done()
    return t.convert(
        "size",
        lambda: Effect(
            concern=concern,
            size=size,
            low=low,
            high=high,
            reason=reason,
            sources=sources,
            certainty=certainty,
        ),
    )


def _risk(t: Table, refs: Refs) -> Risk:
    rid = t.text("id")
    name = t.text("name")
    severity: Severity = t.choice("severity", Severity.parse)
    zero_in: int | None = None
    if isinstance(t.raw("count", None), dict) and "zero_in" in t.raw("count"):
        ct = t.table("count")
        zero_in = ct.integer("zero_in", minimum=1)
        ct.done()  # "0 events in N" is the whole figure: low, high and typical follow from N
        count: Quantity = NoData()
    else:
        count = parse_range(t, "count", refs, meta=False)
    per = t.integer("per", minimum=1)
    unit = t.text("unit")
    population = t.text("population")
    time_frame = t.text("time_frame")
    sources = refs.ids(t, "sources")
    note = t.text("note", "", empty=True)
    t.done()
    if zero_in is not None:
        n = zero_in
        count = t.convert("per", lambda: zero_in_range(n, per, sources=sources))
    return t.convert(
        "id",
        lambda: Risk(
            id=rid,
            name=name,
            severity=severity,
            count=count,
            per=per,
            unit=unit,
            population=population,
            time_frame=time_frame,
            sources=sources,
            note=note,
        ),
    )


def _raises(t: Table, level: RuleLevel, risk_ids: Sequence[str]) -> tuple[str, ...]:
    """A caution's ``raises``: ids of the option's own risks, each named once."""
    ids = t.texts("raises", []) if t.has("raises") else ()
    if ids and level is not RuleLevel.CAUTION:
        raise t.fail(
            "raises", "only a caution can raise a risk (an excluded option is not scored)", ids[0]
        )
    for i, rid in enumerate(ids):
        if rid not in risk_ids:
            known = ", ".join(risk_ids) or "none"
            raise t.fail(
                f"raises[{i}]", f"no risk of this option has this id (risk ids: {known})", rid
            )
        if rid in ids[:i]:
            raise t.fail(f"raises[{i}]", "named twice", rid)
    return ids


def parse_option(t: Table, refs: Refs, *, currency: str, expected_id: str | None = None) -> Option:
    """Read one option (a whole ``options/<id>.toml`` file, or one ``[[option]]`` table)."""
    oid = t.text("id")
    if expected_id is not None and oid != expected_id:
        raise t.fail("id", f"does not match the file name ({expected_id}.toml)", oid)
    name = t.text("name")
    summary = t.text("summary")
    mechanism = t.text("mechanism")
    mechanism_sources = refs.ids(t, "mechanism_sources")
    invasiveness: Invasiveness = t.choice("invasiveness", Invasiveness.parse)
    pierces_skin = t.flag("pierces_skin")
    in_clinic = t.flag("in_clinic")
    ongoing = t.flag("ongoing")
    concerns = t.texts("concerns")
    for i, c in enumerate(concerns):
        if c not in CONCERNS:
            raise t.fail(f"concerns[{i}]", f"unknown concern id (known: {', '.join(CONCERNS)})", c)

    ct = t.table("certainty")
    certainty: Certainty = ct.choice("level", Certainty.parse)
    certainty_reason = ct.text("reason")
    certainty_sources = refs.ids(ct, "sources")
    ct.done()

    st = t.table("sessions")
    sessions = parse_range(st, "count", refs)
    interval = st.text("interval", "", empty=True)
    interval_sources = refs.ids(st, "interval_sources", required=False)
    st.done()

    dtab = t.table("downtime")
    downtime = parse_range(dtab, "days", refs)
    dtab.done()

    et = t.table("effect")
    onset = parse_range(et, "onset_days", refs)
    duration: Duration
    if et.raw("duration_months", None) == WHILE_USED:
        duration = WhileUsed(
            et.text("duration_reason", "", empty=True),
            refs.ids(et, "duration_sources", required=False),
        )
    else:
        duration = parse_range(et, "duration_months", refs)
    et.done()
    if ongoing is not isinstance(duration, WhileUsed):
        if ongoing:
            problem = f"must be {WHILE_USED!r} for an option that works only while used"
        else:
            problem = f"{WHILE_USED!r} is only for an option with ongoing = true"
        raise et.fail("duration_months", problem, et.data.get("duration_months"))

    maintenance: Maintenance | None = None
    if t.has("maintenance"):
        mt = t.table("maintenance")
        every = parse_range(mt, "every_months", refs, no_data_ok=False)
        per_visit = (
            parse_range(mt, "sessions", refs, no_data_ok=False)
            if mt.has("sessions")
            else Range(low=1.0, high=1.0, typical=1.0, unit="sessions")
        )
        note = mt.text("note", "", empty=True)
        editorial = mt.flag("editorial", False)
        mt.done()
        assert isinstance(every, Range)
        assert isinstance(per_visit, Range)
        if every.low <= 0:
            raise mt.fail("every_months", "must be above 0 months", every.low)
        maintenance = Maintenance(
            every_months=every,
            sessions=per_visit,
            note=note,
            sources=every.sources,
            editorial=editorial,
        )

    cot = t.table("cost")
    per: CostBasis = cot.choice("per", CostBasis.parse)
    amount = parse_range(cot, "amount", refs)
    cot.done()

    xt = t.table("experience")
    experience = Experience(
        pain=xt.text("pain"),
        marks=xt.text("marks"),
        time_off=xt.text("time_off"),
        sources=refs.ids(xt, "sources"),
    )
    xt.done()

    efft = t.table("effects")
    effects: dict[str, Effect] = {}
    for concern in CONCERNS:
        effects[concern] = _effect(efft.table(concern), concern, refs, certainty)
    efft.done()

    risks = [_risk(rt, refs) for rt in t.tables("risks", [])]
    risk_ids = [r.id for r in risks]

    sc = t.table("scoring")
    refs_by_role: dict[str, str | None] = {}
    for role in ("serious_risk", "side_effects"):
        ref = sc.text(role)
        if ref == NO_DATA:
            refs_by_role[role] = None
        elif ref not in risk_ids:
            raise sc.fail(
                role, f"no risk has this id (risk ids: {', '.join(risk_ids) or 'none'})", ref
            )
        else:
            refs_by_role[role] = ref
    sc.done()

    rules = []
    for ct2 in t.tables("contraindications", []):
        level = ct2.choice("level", RuleLevel.parse)
        rules.append(
            Contraindication(
                when=ct2.choice("when", HealthCondition.parse),
                level=level,
                text=ct2.text("text"),
                sources=refs.ids(ct2, "sources"),
                raises=_raises(ct2, level, risk_ids),
            )
        )
        ct2.done()
    t.raw("schema_version", None)  # checked by the caller for whole files
    offered = t.flag("offered", True)
    t.done()

    return t.convert(
        "id",
        lambda: Option(
            id=oid,
            name=name,
            summary=summary,
            mechanism=mechanism,
            mechanism_sources=mechanism_sources,
            invasiveness=invasiveness,
            pierces_skin=pierces_skin,
            in_clinic=in_clinic,
            ongoing=ongoing,
            concerns=concerns,
            certainty=certainty,
            certainty_reason=certainty_reason,
            certainty_sources=certainty_sources,
            sessions=sessions,
            interval=interval,
            interval_sources=interval_sources,
            downtime_days=downtime,
            onset_days=onset,
            duration_months=duration,
            cost=Cost(per=per, amount=amount, currency=currency),
            experience=experience,
            effects=effects,
            risks=risks,
            serious_risk_id=refs_by_role["serious_risk"],
            side_effects_id=refs_by_role["side_effects"],
            contraindications=rules,
            offered=offered,
            maintenance=maintenance,
        ),
    )
