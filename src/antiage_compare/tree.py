"""The value tree: benefits against burdens, and how certainty and lasting qualify the effect.

Two groups share the weight: the **benefits** (the visible effect on each of the person's
concerns, one leaf per concern) and the **burdens** (serious risks, common side effects, time
off, invasiveness, cost, clinic visits). The person states the top-level trade-off (the share of
the weight on the benefits); ratings are normalised *within* each group, so the number of leaves
in a group can never decide the comparison (the splitting bias; Weber, Eisenführ & von
Winterfeldt 1988; Hämäläinen & Alaja 2003).

Certainty and durability are not leaves. They **qualify the effect**: an option's benefit value
on a concern is

    effect (0–1) × certainty factor × (1 − d + d × share of the horizon the effect covers)

where ``d`` (0–1) says how much lasting matters to the person. An option with no effect on a
concern gets 0 there, however sure or lasting; "no new treatment" gets nothing for certainty.
Everything here is pure: no I/O, no randomness.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence

from attrs import frozen

from antiage_compare.criteria import BY_ID, Criterion
from antiage_compare.horizon import DEFAULT_HORIZON_YEARS, covers_horizon
from antiage_compare.model import (
    CONCERN_LABELS,
    CONCERNS,
    Certainty,
    NoData,
    Option,
    Quantity,
    Range,
)

__all__ = [
    "BENEFIT_CRITERION",
    "BIAS_FACTOR",
    "BURDENS",
    "CAUTIOUS_FACTOR",
    "DEFAULT_HORIZON_YEARS",
    "QUALIFIERS",
    "Group",
    "Leaf",
    "benefit_figure",
    "certainty_factor",
    "coverage",
    "effect_key",
    "lasting",
    "lasting_factor",
    "leaf_weights",
    "leaves",
    "scored_concerns",
]


class Group(enum.Enum):
    """The two groups of the value tree."""

    BENEFIT = "benefit"
    BURDEN = "burden"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def plain(self) -> str:
        """The group in plain words."""
        return "the benefits" if self is Group.BENEFIT else "the burdens"


#: The criterion whose importance rating weighs the visible effect (split between concerns).
BENEFIT_CRITERION = "effectiveness"

#: The burden criteria, in display order: the leaves of the burden group.
BURDENS: tuple[str, ...] = (
    "serious_risk",
    "side_effects",
    "downtime",
    "invasiveness",
    "cost",
    "sessions",
)

#: Criteria that qualify the effect and never score on their own.
QUALIFIERS: tuple[str, ...] = ("evidence", "durability")

#: How much of an effect's value each certainty grade keeps for everyone (an editorial judgement,
#: stated in ``docs/methods.md``). It corrects the estimate, it does not punish doubt: studies
#: with design flaws tend to overstate effects, most on subjective outcomes such as appearance
#: (Wood et al. 2008; Page et al. 2016), so "moderate" and "low" keep 0.9 and 0.8. GRADE's "very
#: low" says more: "the true effect is likely to be substantially different from the estimate"
#: (Balshem et al. 2011), and the catalogue's very-low effects rest on uncontrolled or tiny
#: studies, so it keeps half. The spread itself is shown as uncertainty (fit ranges, SMAA).
BIAS_FACTOR: dict[Certainty, float] = {
    Certainty.HIGH: 1.0,
    Certainty.MODERATE: 0.9,
    Certainty.LOW: 0.8,
    Certainty.VERY_LOW: 0.5,
}

#: What each grade keeps for a person who says strong evidence matters to them as much as the
#: visible effect (``importance.evidence`` equal to ``effectiveness``): a quarter less per step.
#: How much to hold back for doubt is the person's attitude to uncertainty, so it is theirs to
#: state; lower ratings sit in proportion between the two ladders.
CAUTIOUS_FACTOR: dict[Certainty, float] = {
    Certainty.HIGH: 1.0,
    Certainty.MODERATE: 0.75,
    Certainty.LOW: 0.5,
    Certainty.VERY_LOW: 0.25,
}


def certainty_factor(certainty: Certainty, weight: float = 0.0) -> float:
    """How much of an effect's value its certainty grade keeps, for a person's ``weight`` (0–1).

    ``(1 − w) × BIAS_FACTOR + w × CAUTIOUS_FACTOR``, where ``w`` is how much strong evidence
    matters to the person (:attr:`Weights.certainty <antiage_compare.weights.Weights.certainty>`:
    evidence's rating ÷ the visible effect's, at most 1; 0 when not rated). So a "low" effect
    keeps 0.8 for someone who did not rate the evidence and 0.5 for someone who rated it as
    highly as the effect; "high" always keeps 1.
    """
    return (1.0 - weight) * BIAS_FACTOR[certainty] + weight * CAUTIOUS_FACTOR[certainty]


@frozen(kw_only=True)
class Leaf:
    """One leaf of the value tree: a concern's visible effect, or one burden criterion.

    Attributes:
        key: ``"effect:<concern>"`` for a benefit leaf, the criterion id for a burden.
        group: the group it belongs to.
        criterion: its criterion (``effectiveness`` for every benefit leaf).
        concern: the concern id of a benefit leaf, else ``None``.
    """

    key: str
    group: Group
    criterion: Criterion
    concern: str | None = None

    @property
    def label(self) -> str:
        """The leaf in plain words, for tables and sentences."""
        if self.concern is not None:
            return f"Visible effect on {CONCERN_LABELS[self.concern]}"
        return self.criterion.label


def effect_key(concern: str) -> str:
    """The key of the benefit leaf for ``concern``."""
    return f"effect:{concern}"


def scored_concerns(concerns: Sequence[str]) -> tuple[str, ...]:
    """The concerns the benefit is counted on: the person's, or every concern when none is given."""
    chosen = tuple(c for c in concerns if c in CONCERNS)
    return chosen or CONCERNS


def leaves(concerns: Sequence[str], criteria: Sequence[Criterion]) -> tuple[Leaf, ...]:
    """The leaves for a person's concerns, benefits first, with the catalogue's ``criteria``."""
    by_id = {c.id: c for c in criteria}
    benefit = by_id.get(BENEFIT_CRITERION, BY_ID[BENEFIT_CRITERION])
    out = [
        Leaf(key=effect_key(c), group=Group.BENEFIT, criterion=benefit, concern=c)
        for c in scored_concerns(concerns)
    ]
    out.extend(Leaf(key=k, group=Group.BURDEN, criterion=by_id[k]) for k in BURDENS)
    return tuple(out)


def coverage(option: Option, horizon_years: float) -> Quantity:
    """The share (0–1) of the horizon that the option's effect covers.

    An option that works only while it is used covers the whole horizon while used, and so
    does one kept up by repeat treatments (their cost and visits over the horizon are counted
    as burdens; :mod:`antiage_compare.horizon`). Otherwise the effect's duration is divided by
    the horizon (capped at 1); a duration that is "no data" makes the coverage "no data" too,
    never a guess.
    """
    if covers_horizon(option):
        note = "works while it is used" if option.ongoing else "kept up by repeat treatments"
        return Range(low=1.0, high=1.0, typical=1.0, note=note)
    months = option.duration_months
    if isinstance(months, NoData):
        return NoData(months.reason or "how long the effect lasts is not known", months.sources)
    assert isinstance(months, Range)
    span = 12.0 * horizon_years

    def share(x: float) -> float:
        return min(1.0, x / span)

    return Range(
        low=share(months.low),
        high=share(months.high),
        typical=None if months.typical is None else share(months.typical),
        sources=months.sources,
        note=f"of a {horizon_years:g}-year horizon",
    )


def lasting_factor(cover: float, weight: float) -> float:
    """``1 − d + d × cover``: how much of the effect's value lasting keeps (``d`` = ``weight``)."""
    return 1.0 - weight + weight * cover


def lasting(option: Option, weight: float, horizon_years: float) -> Quantity:
    """The lasting factor of an option as a range (or "no data" when its duration is unknown).

    With ``weight`` 0 (lasting does not matter) it is exactly 1, known, whatever the duration.
    """
    if weight <= 0.0:
        return Range(low=1.0, high=1.0, typical=1.0)
    cover = coverage(option, horizon_years)
    if isinstance(cover, NoData):
        return cover
    return Range(
        low=lasting_factor(cover.low, weight),
        high=lasting_factor(cover.high, weight),
        typical=None if cover.typical is None else lasting_factor(cover.typical, weight),
        sources=cover.sources,
        note=cover.note,
    )


def benefit_figure(option: Option, concern: str) -> Range:
    """The expected effect of ``option`` on ``concern``, 0–1 (none 0 … marked 1), as a range."""
    return option.effects[concern].as_range


def leaf_weights(
    shares: Mapping[str, float], ratings: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """Leaf weights of a two-level tree: the group's share × the leaf's share within its group.

    Args:
        shares: each group's share of the weight (they need not sum to 1; they are used as given).
        ratings: for each group, the leaves' ratings (any non-negative scale: only their ratios
            within the group matter).

    A group whose ratings are all 0 gives its leaves weight 0. This is the whole of hierarchical
    weighting (Hiview-style normalisation within each node): splitting a leaf into two, or
    rating every leaf of a group k times higher, moves no weight between the groups.
    """
    out: dict[str, float] = {}
    for group, leaf_ratings in ratings.items():
        total = math.fsum(leaf_ratings.values())
        share = shares.get(group, 0.0)
        for leaf, r in leaf_ratings.items():
            out[leaf] = share * r / total if total > 0 else 0.0
    return out
