"""A clinic's own catalogue file, merged over a base catalogue (see ``loading.load_clinic``).

A clinic may set its name and competing-interest statement, its prices and currency, the options
it does not offer (hidden, or shown as "not offered here"), and options of its own (validated like
shipped ones, with sources). It can never remove or weaken a contraindication: the override file
has no field for them, and an own option may not reuse a shipped id.

```toml
schema_version = 1
[clinic]
name = "Example Skin Clinic"
competing_interests = "We sell most of the treatments in this report."
currency = "GBP"                      # optional; default: the catalogue's
not_offered = ["facelift", "peel_deep"]
show_not_offered = true               # list them as "not offered here" (default: hide)
[cost_scale]                          # required when the currency differs from the catalogue's
worst = 15000                         # the course cost that scores 0, in the clinic's currency
[prices.botulinum_toxin]
per = "session"
amount = { low = 150, typical = 200, high = 300 }
[[source]]                            # sources for the clinic's own options
...
[[option]]                            # own options, same fields as data/options/*.toml
...
```
"""

from __future__ import annotations

import attrs

from antiage_compare._parse import (
    Refs,
    parse_cost_scale,
    parse_currency,
    parse_option,
    parse_range,
    parse_source,
)
from antiage_compare._reader import Table
from antiage_compare.catalog import NO_PROCEDURE, Catalog
from antiage_compare.model import Cost, CostBasis, NoData, Option, Range, Source, SourceKind

__all__ = ["CLINIC_SOURCE_ID", "apply_clinic"]

#: The source id that stands for a clinic's own price list.
CLINIC_SOURCE_ID = "CLINIC"


def _price(t: Table, key: str, currency: str) -> Cost:
    pt = t.table(key)
    per: CostBasis = pt.choice("per", CostBasis.parse)
    amount = parse_range(pt, "amount", Refs(None), meta=False, no_data_ok=False)
    pt.done()
    assert isinstance(amount, Range)
    amount = attrs.evolve(amount, unit=currency, sources=(CLINIC_SOURCE_ID,))
    return Cost(per=per, amount=amount, currency=currency, from_clinic=True)


def apply_clinic(base: Catalog, doc: Table) -> Catalog:
    """Merge the clinic file ``doc`` over ``base`` and return the new catalogue."""
    raw_version = doc.raw("schema_version")
    if raw_version != 1:
        raise doc.fail(
            "schema_version", "unsupported schema version (this library reads 1)", raw_version
        )
    ct = doc.table("clinic")
    name = ct.text("name")
    interests = ct.text("competing_interests")
    currency = parse_currency(ct, "currency", base.info.currency)
    not_offered = ct.texts("not_offered", [])
    show_not_offered = ct.flag("show_not_offered", False)
    ct.done()
    cost_scale = base.info.cost_scale
    if currency != base.info.currency:
        if not doc.has("cost_scale"):
            raise doc.fail(
                "cost_scale.worst",
                f"required: this clinic prices in {currency}, the catalogue in "
                f"{base.info.currency}, and no currency is ever converted, so the clinic "
                f"declares the course cost that scores worst in {currency} "
                f"(the catalogue's is {base.info.cost_scale})",
            )
        cost_scale = parse_cost_scale(doc, currency)
    elif doc.has("cost_scale"):
        raise doc.fail(
            "cost_scale",
            f"only a clinic that prices in another currency than the catalogue "
            f"({base.info.currency}) declares a cost scale; this one uses the catalogue's "
            f"({base.info.cost_scale})",
            doc.raw("cost_scale"),
        )
    for i, oid in enumerate(not_offered):
        if oid not in base:
            raise ct.fail(
                f"not_offered[{i}]",
                f"the catalogue has no option with this id (known: {', '.join(base.ids)})",
                oid,
            )
        if oid == NO_PROCEDURE:
            raise ct.fail(f"not_offered[{i}]", "'no_procedure' is always shown", oid)

    sources = dict(base.sources)
    sources[CLINIC_SOURCE_ID] = Source(
        id=CLINIC_SOURCE_ID,
        title=f"Price list of {name}",
        kind=SourceKind.PRACTITIONER_PAGE,
        note="supplied by the clinic, not checked by the catalogue authors",
    )
    for st in doc.tables("source", []):
        s = parse_source(st)
        if s.id in sources:
            raise st.fail("id", "a source with this id already exists", s.id)
        sources[s.id] = s
    refs = Refs(sources)

    figures: set[str] = set()
    prices: dict[str, Cost] = {}
    if doc.has("prices"):
        pt = doc.table("prices")
        for oid in list(pt.data):
            if oid not in base:
                raise pt.fail(
                    oid,
                    f"the catalogue has no option with this id (known: {', '.join(base.ids)})",
                    oid,
                )
            prices[oid] = _price(pt, oid, currency)
            figures.add(f"{oid}.cost")
        pt.done()

    own: list[Option] = []
    for ot in doc.tables("option", []):
        o = parse_option(ot, refs, currency=currency)
        if o.id in base or any(x.id == o.id for x in own):
            raise ot.fail(
                "id", "an option with this id already exists; override its price instead", o.id
            )
        own.append(o)
        figures.add(f"{o.id}.*")
    doc.done()

    options: list[Option] = []
    hidden: list[Option] = []
    for o in base.options:
        cost = prices.get(o.id)
        free = isinstance(o.cost.amount, Range) and o.cost.amount.high == 0
        if cost is None and currency != base.info.currency and free:
            # Nothing costs nothing in every currency ("no procedure"): keep it a known zero.
            assert isinstance(o.cost.amount, Range)
            amount = attrs.evolve(o.cost.amount, unit=currency)
            cost = attrs.evolve(o.cost, amount=amount, currency=currency)
        elif cost is None and currency != base.info.currency:
            cost = Cost(
                per=CostBasis.COURSE,
                amount=NoData(f"{name} gave no price in {currency}"),
                currency=currency,
                from_clinic=True,
            )
        if cost is not None:
            o = attrs.evolve(o, cost=cost)
        if o.id in not_offered:
            hidden.append(attrs.evolve(o, offered=False))
        else:
            options.append(o)
    options.extend(own)
    info = attrs.evolve(
        base.info,
        clinic_name=name,
        competing_interests=interests,
        currency=currency,
        cost_scale=cost_scale,
    )
    return Catalog(
        options=options,
        sources=sources,
        claims=base.claims,
        info=info,
        clinic_figures=figures,
        not_offered=hidden if show_not_offered else (),
    )
