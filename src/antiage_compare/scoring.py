"""Scoring: eligible options → values on each criterion → fit 0–100, ranks and dominance.

``compare(profile)`` is the front door. The default method is multi-attribute value theory
(``"mavt"``): each criterion's figure is mapped to 0–1 by a value function over fixed declared
bounds (see :mod:`antiage_compare.criteria`) and the fit is the weighted sum, times 100. Because
the bounds are fixed, an option's fit depends only on itself and the person, so adding or
removing options never reorders the others. ``"topsis"`` and ``"vikor"`` are offered on the same
values for comparison; both are relative methods, so their fits do depend on what is compared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from attrs import frozen

from antiage_compare import mcda
from antiage_compare.catalog import Catalog
from antiage_compare.comparison import Comparison, Contribution, ScoredOption
from antiage_compare.criteria import CRITERIA, CRITERION_IDS, NEUTRAL, Criterion, performance
from antiage_compare.eligibility import Eligibility, assess
from antiage_compare.errors import MethodError, WrongTypeError
from antiage_compare.loading import load_catalog
from antiage_compare.model import NoData, Option, Quantity
from antiage_compare.profile import Profile
from antiage_compare.weights import Weights, resolve_weights

__all__ = ["METHODS", "ValueRow", "compare", "criterion_spans", "value_row", "value_rows"]

Method = Literal["mavt", "topsis", "vikor"]
METHODS: tuple[str, ...] = ("mavt", "topsis", "vikor")
_MAX = tuple(mcda.Direction.MAX for _ in CRITERIA)


@frozen
class ValueRow:
    """One option's raw figures and their 0–1 values (point estimates), in criterion order."""

    option: Option
    raw: tuple[Quantity, ...]
    values: tuple[float, ...]
    no_data: frozenset[str]


#: The most value rows one catalogue keeps (options × distinct concern lists); past it the memo
#: starts again, so a long-lived shared catalogue compared for many people stays bounded.
MEMO_MAX = 20_000


def value_row(
    option: Option, concerns: Sequence[str], criteria: Sequence[Criterion] = CRITERIA
) -> ValueRow:
    """One option's figures on every criterion and their values (pure; no memo).

    ``criteria`` carries the cost scale: pass the catalogue's (``catalog.criteria``).
    """
    perf = performance(option, concerns)
    raw = tuple(perf[c.id] for c in criteria)
    values = tuple(
        NEUTRAL if isinstance(q, NoData) else c.value(q.point)
        for c, q in zip(criteria, raw, strict=True)
    )
    missing = frozenset(c.id for c, q in zip(criteria, raw, strict=True) if isinstance(q, NoData))
    return ValueRow(option, raw, values, missing)


def value_rows(
    options: Iterable[Option], concerns: Sequence[str], catalog: Catalog | None = None
) -> list[ValueRow]:
    """Each option's figures on every criterion and their values; "no data" gets the neutral value.

    With ``catalog`` (the catalogue the options come from), rows are kept in the catalogue's
    own memo (``Catalog._memo``), keyed by option id and concerns, and reused by later
    comparisons against the same catalogue. A row is reused only for the very option object it
    was made from, so an option from elsewhere with the same id is never given a stale row.
    """
    key = tuple(concerns)
    if catalog is None:
        return [value_row(o, key) for o in options]
    criteria = catalog.criteria
    memo = catalog._memo  # the catalogue's private memo, kept for exactly this
    rows = []
    for o in options:
        row = memo.get((o.id, key))
        if row is None or row.option is not o:
            row = value_row(o, key, criteria)
            if o.id in catalog and catalog[o.id] is o:  # only the catalogue's own options
                if len(memo) >= MEMO_MAX:
                    memo.clear()
                row = memo.setdefault((o.id, key), row)
        rows.append(row)
    return rows


def criterion_spans(catalog: Catalog, concerns: Sequence[str]) -> dict[str, float]:
    """Each criterion's best-minus-worst value across the whole catalogue (for swing weights)."""
    rows = value_rows(catalog, concerns, catalog)
    return {
        c: max(r.values[j] for r in rows) - min(r.values[j] for r in rows)
        for j, c in enumerate(CRITERION_IDS)
    }


def fits(
    values: Sequence[Sequence[float]], weights: Sequence[float], method: str
) -> tuple[float, ...]:
    """Fit 0–100 for each row of 0–1 values under ``method`` (pure; used by SMAA too)."""
    if method == "mavt":
        return tuple(
            100.0 * math.fsum(w * v for w, v in zip(weights, row, strict=True)) for row in values
        )
    if len(values) == 1:
        return (100.0 * math.fsum(w * v for w, v in zip(weights, values[0], strict=True)),)
    if method == "topsis":
        # Values are already on a common 0-1 benefit scale; shift by 1 so no column is all zero.
        shifted = [[v + 1.0 for v in row] for row in values]
        return tuple(100.0 * c for c in mcda.topsis(shifted, weights, _MAX))
    result = mcda.vikor(values, weights, _MAX)
    return tuple(100.0 * (1.0 - q) for q in result.q)


def compare(
    profile: Profile,
    catalog: Catalog | None = None,
    *,
    method: Method = "mavt",
) -> Comparison:
    """Compare every option in ``catalog`` for ``profile``.

    Unsafe or unacceptable options are excluded first, with reasons and sources; the rest are
    scored and ranked, with ties explicit, per-criterion contributions and dominance.
    "No procedure" is always among the options scored.

    Raises:
        MethodError: ``method`` is unknown.
        AntiageError: the profile cannot be weighted.
    """
    if not isinstance(profile, Profile):
        problem = f"expected a Profile, got {type(profile).__name__}"
        if isinstance(profile, Mapping):
            problem += "; build one from a mapping with Profile.from_dict(data)"
        raise WrongTypeError(problem, origin="compare()", path="profile", value=profile)
    if catalog is None:
        catalog = load_catalog()
    elif not isinstance(catalog, Catalog):
        problem = f"expected a Catalog, got {type(catalog).__name__}"
        raise WrongTypeError(problem, origin="compare()", path="catalog", value=catalog)
    if method not in METHODS:
        msg = f"unknown method {method!r}; choose one of {', '.join(METHODS)}"
        raise MethodError(msg)
    spans = criterion_spans(catalog, profile.concerns) if profile.method == "swing" else None
    weights = resolve_weights(profile, spans)
    eligibility = assess(catalog, profile, currency=catalog.currency)
    rows = value_rows(eligibility.eligible, profile.concerns, catalog)
    return _assemble(profile, catalog, method, weights, eligibility, rows)


def _assemble(
    profile: Profile,
    catalog: Catalog,
    method: str,
    weights: Weights,
    eligibility: Eligibility,
    rows: list[ValueRow],
) -> Comparison:
    w = weights.vector()
    scores = fits([r.values for r in rows], w, method) if rows else ()
    ranking = mcda.rank(scores, ties="min") if rows else mcda.Ranking((), ())
    active = [j for j, x in enumerate(w) if x > 0]
    projected = [[r.values[j] for j in active] for r in rows]
    dominated_by = mcda.dominators(projected, [mcda.Direction.MAX] * len(active)) if rows else ()
    tie_of = {i: group for group in ranking.ties for i in group}
    scored = []
    for i, r in enumerate(rows):
        contributions = tuple(
            Contribution(
                criterion=c.id,
                weight=w[j],
                value=r.values[j],
                points=100.0 * w[j] * r.values[j],
                raw=r.raw[j],
                no_data=c.id in r.no_data,
            )
            for j, c in enumerate(catalog.criteria)
        )
        scored.append(
            ScoredOption(
                option=r.option,
                fit=scores[i],
                rank=ranking.ranks[i],
                tied_with=tuple(rows[k].option.id for k in tie_of.get(i, ()) if k != i),
                contributions=contributions,
                dominated_by=tuple(rows[k].option.id for k in dominated_by[i]),
                cautions=eligibility.cautions_for(r.option.id),
            )
        )
    scored.sort(key=lambda s: (s.rank, -s.fit, s.option.id))
    return Comparison(
        profile=profile,
        catalog=catalog,
        method=method,
        weights=weights,
        scored=tuple(scored),
        excluded=eligibility.excluded,
        notes=eligibility.notes,
    )
