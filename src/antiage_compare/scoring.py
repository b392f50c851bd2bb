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

import attrs
from attrs import frozen

from antiage_compare import mcda
from antiage_compare.catalog import Catalog
from antiage_compare.comparison import (
    BiasCheck,
    Comparison,
    Contribution,
    FitRange,
    ScoredOption,
)
from antiage_compare.criteria import (
    CRITERIA,
    NEUTRAL,
    Criterion,
    burden_figures,
    figure_value,
    performance,
)
from antiage_compare.eligibility import Eligibility, assess
from antiage_compare.errors import MethodError, WrongTypeError
from antiage_compare.loading import load_catalog
from antiage_compare.model import NoData, Option, Quantity
from antiage_compare.profile import Profile
from antiage_compare.tree import (
    DEFAULT_HORIZON_YEARS,
    Group,
    Leaf,
    benefit_figure,
    certainty_factor,
    lasting,
    lasting_factor,
)
from antiage_compare.tree import leaves as tree_leaves
from antiage_compare.weights import Weights, implied_tree_share, resolve_weights

__all__ = [
    "METHODS",
    "ValueRow",
    "compare",
    "criterion_spans",
    "fit_ranges",
    "value_row",
    "value_rows",
]

Method = Literal["mavt", "topsis", "vikor"]
METHODS: tuple[str, ...] = ("mavt", "topsis", "vikor")


@frozen
class ValueRow:
    """One option's figures and 0–1 values on every leaf of the value tree (point estimates).

    Attributes:
        option: the option.
        leaves: the leaves, benefit leaves first.
        raw: per leaf, the figure behind the value: the effect (0–1 range) for a benefit leaf,
            the criterion's figure (a range or "no data") for a burden.
        values: per leaf, the 0–1 value. A benefit leaf's is effect × certainty factor ×
            lasting factor; "no data" gets the neutral 0.5 (on the lasting factor's coverage for
            a benefit leaf) and is flagged.
        no_data: the keys of the leaves whose value used the neutral 0.5 somewhere.
        lasting: per leaf, the lasting factor (benefit leaves; ``None`` for burdens).
        low, high: per leaf, the value with every "no data" figure at the worst (0) and the
            best (1) end of its scale; equal to ``values`` where nothing is missing. They give
            the option's fit range.
    """

    option: Option
    leaves: tuple[Leaf, ...]
    raw: tuple[Quantity, ...]
    values: tuple[float, ...]
    no_data: frozenset[str]
    lasting: tuple[Quantity | None, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]


#: The most value rows one catalogue keeps (options × distinct concern lists); past it the memo
#: starts again, so a long-lived shared catalogue compared for many people stays bounded.
MEMO_MAX = 20_000


def value_row(
    option: Option,
    concerns: Sequence[str],
    criteria: Sequence[Criterion] = CRITERIA,
    *,
    lasting_weight: float = 0.0,
    horizon_years: float = DEFAULT_HORIZON_YEARS,
    tree: tuple[Leaf, ...] | None = None,
    certainty_weight: float = 0.0,
) -> ValueRow:
    """One option's figures and values on every leaf (pure; no memo).

    Args:
        option: the option.
        concerns: the person's concerns (all when empty).
        criteria: the catalogue's criteria (they carry its cost scale: ``catalog.criteria``).
        lasting_weight: how much lasting matters inside the benefit (``Weights.lasting``).
        horizon_years: the horizon over which the effect's coverage is counted.
        tree: the leaves, when the caller has them already (``tree.leaves(concerns, criteria)``).
        certainty_weight: how much strong evidence matters (``Weights.certainty``).
    """
    leaves = tree_leaves(concerns, criteria) if tree is None else tree
    perf = burden_figures(option, horizon_years)
    last = lasting(option, lasting_weight, horizon_years)
    unknown = isinstance(last, NoData)
    # A duration that is "no data" leaves the coverage unknown: the middle (0.5) for the fit,
    # 0 and 1 at the two ends of the fit range.
    last_point = lasting_factor(NEUTRAL, lasting_weight) if unknown else last.point  # type: ignore[union-attr]
    last_ends = (lasting_factor(0.0, lasting_weight), 1.0) if unknown else (last_point, last_point)
    raw: list[Quantity] = []
    values: list[float] = []
    low: list[float] = []
    high: list[float] = []
    missing: set[str] = set()
    lasting_col: list[Quantity | None] = []
    for leaf in leaves:
        if leaf.concern is not None:
            effect = benefit_figure(option, leaf.concern)
            raw.append(effect)
            scaled = effect.point * certainty_factor(
                option.certainty_of(leaf.concern), certainty_weight
            )
            values.append(scaled * last_point)
            low.append(scaled * last_ends[0])
            high.append(scaled * last_ends[1])
            lasting_col.append(last)
            if unknown and effect.high > 0:
                missing.add(leaf.key)
            continue
        q = perf[leaf.criterion.id]
        raw.append(q)
        lasting_col.append(None)
        if isinstance(q, NoData):
            values.append(NEUTRAL)
            low.append(0.0)
            high.append(1.0)
            missing.add(leaf.key)
        else:
            v = figure_value(leaf.criterion, q)
            values.append(v)
            low.append(v)
            high.append(v)
    return ValueRow(
        option,
        leaves,
        tuple(raw),
        tuple(values),
        frozenset(missing),
        tuple(lasting_col),
        tuple(low),
        tuple(high),
    )


def value_rows(
    options: Iterable[Option],
    concerns: Sequence[str],
    catalog: Catalog | None = None,
    *,
    lasting_weight: float = 0.0,
    horizon_years: float = DEFAULT_HORIZON_YEARS,
    certainty_weight: float = 0.0,
) -> list[ValueRow]:
    """Each option's figures and values on every leaf; "no data" gets the neutral value.

    With ``catalog`` (the catalogue the options come from), rows are kept in the catalogue's
    own memo (``Catalog._memo``), keyed by option id, concerns, lasting weight, horizon and
    certainty weight, and reused by later comparisons against the same catalogue. A row is reused only for the very
    option object it was made from, so an option from elsewhere with the same id is never given
    a stale row.
    """
    key = tuple(concerns)
    if catalog is None:
        return [
            value_row(
                o,
                key,
                lasting_weight=lasting_weight,
                horizon_years=horizon_years,
                certainty_weight=certainty_weight,
            )
            for o in options
        ]
    criteria = catalog.criteria
    leaves = tree_leaves(key, criteria)
    memo = catalog._memo  # the catalogue's private memo, kept for exactly this
    rows = []
    for o in options:
        memo_key = (o.id, key, lasting_weight, horizon_years, certainty_weight)
        row = memo.get(memo_key)
        if row is None or row.option is not o:
            row = value_row(
                o,
                key,
                criteria,
                lasting_weight=lasting_weight,
                horizon_years=horizon_years,
                tree=leaves,
                certainty_weight=certainty_weight,
            )
            if o.id in catalog and catalog[o.id] is o:  # only the catalogue's own options
                if len(memo) >= MEMO_MAX:
                    memo.clear()
                row = memo.setdefault(memo_key, row)
        rows.append(row)
    return rows


def criterion_spans(
    catalog: Catalog, concerns: Sequence[str], horizon_years: float = DEFAULT_HORIZON_YEARS
) -> dict[str, float]:
    """Each criterion's best-minus-worst value across the whole catalogue (for swing weights).

    Per *criterion*, not per leaf: a swing rating is for the change from the worst to the best
    option in the catalogue on that criterion (the effect averaged over the concerns).
    """
    criteria = catalog.criteria
    columns: list[list[float]] = [[] for _ in criteria]
    for option in catalog:
        perf = performance(option, concerns, horizon_years)
        for j, c in enumerate(criteria):
            q = perf[c.id]
            columns[j].append(NEUTRAL if isinstance(q, NoData) else figure_value(c, q))
    return {c.id: max(col) - min(col) for c, col in zip(criteria, columns, strict=True)}


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
    directions = [mcda.Direction.MAX] * len(weights)
    if method == "topsis":
        # Values are already on a common 0-1 benefit scale; shift by 1 so no column is all zero.
        shifted = [[v + 1.0 for v in row] for row in values]
        return tuple(100.0 * c for c in mcda.topsis(shifted, weights, directions))
    result = mcda.vikor(values, weights, directions)
    return tuple(100.0 * (1.0 - q) for q in result.q)


def fit_ranges(
    rows: Sequence[ValueRow], weights: Sequence[float], method: str, scores: Sequence[float]
) -> tuple[FitRange, ...]:
    """Each option's fit with its own "no data" figures at the worst (0) and best (1) ends.

    Under MAVT the fit is a weighted sum, so this is the whole range of fits the option could
    have, whatever its missing figures turn out to be. Under TOPSIS and VIKOR the other options
    are held at their point values (their fits depend on what else is compared). An option
    with nothing missing that matters (weight above 0) gets its fit at both ends.
    """
    out = []
    values = [list(r.values) for r in rows]
    for i, r in enumerate(rows):
        missing = tuple(
            leaf.key
            for j, leaf in enumerate(r.leaves)
            if leaf.key in r.no_data and weights[j] > 0 and r.low[j] != r.high[j]
        )
        if not missing:
            out.append(FitRange(low=scores[i], high=scores[i], missing=()))
            continue
        if method == "mavt":
            lo, hi = fits([r.low, r.high], weights, method)
        else:
            ends = []
            for row in (r.low, r.high):
                values[i] = list(row)
                ends.append(fits(values, weights, method)[i])
            values[i] = list(r.values)
            lo, hi = min(ends), max(ends)
        out.append(FitRange(low=min(lo, scores[i]), high=max(hi, scores[i]), missing=missing))
    return tuple(out)


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
    spans = (
        criterion_spans(catalog, profile.concerns, profile.horizon_years)
        if profile.method == "swing" and profile.swing_range == "catalogue"
        else None
    )
    weights = resolve_weights(profile, spans)
    eligibility = assess(catalog, profile, currency=catalog.currency)
    rows = value_rows(
        eligibility.eligible,
        profile.concerns,
        catalog,
        lasting_weight=weights.lasting,
        horizon_years=profile.horizon_years,
        certainty_weight=weights.certainty,
    )
    comparison = _assemble(profile, catalog, method, weights, eligibility, rows)
    if weights.tree or not rows:
        return comparison
    return attrs.evolve(comparison, bias=_bias_check(comparison, rows))


def tree_weights(weights: Weights, share: float) -> Weights:
    """``weights`` with the benefit share set to ``share`` and each group's inner split kept."""
    benefit = sum(w for k, w in weights.values.items() if k.startswith("effect:"))
    burden = 1.0 - benefit
    values = {
        k: (share * w / benefit if benefit > 0 else 0.0)
        if k.startswith("effect:")
        else ((1.0 - share) * w / burden if burden > 0 else 0.0)
        for k, w in weights.values.items()
    }
    return attrs.evolve(weights, values=values, benefit=share, tree=True, notes=())


#: How far (in points of 100) the tree's benefit share may exceed a flat profile's before the
#: comparison flags the flat weighting as likely to be splitting-biased.
BIAS_MARGIN = 10.0


def _bias_check(flat: Comparison, rows: list[ValueRow]) -> BiasCheck:
    """The tree ranking a flat profile would get, and whether the flat one looks biased."""
    weights = flat.weights
    share = implied_tree_share(weights.raw)
    tree = tree_weights(weights, share)
    w = tree.vector()
    scores = fits([r.values for r in rows], w, flat.method)
    ranking = mcda.rank(scores, ties="min")
    order = sorted(
        range(len(rows)), key=lambda i: (ranking.ranks[i], -scores[i], rows[i].option.id)
    )
    reasons = []
    gap = 100.0 * (share - weights.benefit)
    if gap > BIAS_MARGIN:
        reasons.append(
            f"Your strongest benefit rating against your strongest burden rating gives the "
            f"benefits {100 * share:.0f}% of the weight, but the flat weighting gives them "
            f"{100 * weights.benefit:.0f}%: the burdens outnumber the benefits and share the "
            f"weight between more criteria."
        )
    top = flat.scored[0]
    benefit_points = math.fsum(
        c.points for c in top.contributions if c.group == Group.BENEFIT.value
    )
    if benefit_points <= 0.0:
        reasons.append(
            f"{top.option.name} comes first while scoring no points for a visible effect: it "
            f"wins on the burdens alone."
        )
    return BiasCheck(
        flat_share=weights.benefit,
        tree_share=share,
        flagged=bool(reasons),
        reasons=tuple(reasons),
        tree_ranking=tuple((rows[i].option.id, scores[i], ranking.ranks[i]) for i in order),
    )


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
    ranges = fit_ranges(rows, w, method, scores)
    ranking = mcda.rank(scores, ties="min") if rows else mcda.Ranking((), ())
    active = [j for j, x in enumerate(w) if x > 0]
    projected = [[r.values[j] for j in active] for r in rows]
    dominated_by = mcda.dominators(projected, [mcda.Direction.MAX] * len(active)) if rows else ()
    tie_of = {i: group for group in ranking.ties for i in group}
    scored = []
    for i, r in enumerate(rows):
        contributions = tuple(
            Contribution(
                criterion=leaf.criterion.id,
                weight=w[j],
                value=r.values[j],
                points=100.0 * w[j] * r.values[j],
                raw=r.raw[j],
                no_data=leaf.key in r.no_data,
                leaf=leaf.key,
                group=leaf.group.value,
                concern=leaf.concern,
                certainty=None if leaf.concern is None else r.option.certainty_of(leaf.concern),
                lasting=r.lasting[j],
            )
            for j, leaf in enumerate(r.leaves)
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
                fit_range=ranges[i],
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
