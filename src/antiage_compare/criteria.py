"""The nine criteria, their fixed declared bounds and value functions, and how to read them off an option.

Scores use multi-attribute value theory: each criterion's raw figure is mapped to a value in 0–1
over **fixed, declared bounds** (not the min/max of what happens to be compared), so adding or
removing an option never changes another option's values. Risks and costs use a logarithmic
value function, because going from 1 to 10 in 1,000 matters about as much as going from 10 to 100.

A figure that is ``"no data"`` gets the neutral value 0.5 and is flagged, never silently imputed.
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs
from attrs import field, frozen

from antiage_compare.horizon import (
    DEFAULT_HORIZON_YEARS,
    horizon_cost,
    horizon_sessions,
    years_of_effect,
)
from antiage_compare.model import CONCERN_LABELS, CONCERNS, Money, NoData, Option, Quantity, Range

__all__ = [
    "CRITERIA",
    "CRITERION_IDS",
    "NEUTRAL",
    "Criterion",
    "Scale",
    "ValueForm",
    "burden_figures",
    "criteria_for",
    "figure_value",
    "open_span",
    "performance",
    "unseen_span",
]

#: The value given to a "no data" figure: the middle of the scale, shown as such.
NEUTRAL = 0.5

#: The cost scale of the shipped catalogue (``data/catalog.toml``); other catalogues and clinic
#: files in other currencies declare their own (see :func:`criteria_for`).
SHIPPED_COST_SCALE = Money(amount=20_000.0, currency="USD")

#: The cost value is ``1 − log10(1 + 99·x/worst) / 2``: the scale spans two decades, from 1% of
#: the worst bound (where the curve bends) to the bound itself. Each tenfold rise in cost above
#: about 1% of the bound costs about half the scale; below it, costs are nearly free.
COST_DECADES_KNEE = 99.0


class Scale(enum.Enum):
    """The shape of a value function between the bounds."""

    LINEAR = "linear"
    LOG = "log"


@frozen(kw_only=True)
class ValueForm:
    """A criterion's value function as numbers: ``value(x) = clip(t)`` (flipped if falling).

    With ``g(x) = x`` (linear) or ``log10(1 + max(x, 0) / knee)`` (log),
    ``t = (g(x) − lo) / (hi − lo)`` for a rising criterion (more is better) and ``1 − t`` for a
    falling one; ``lo`` and ``hi`` are the declared bounds, low end first, on the ``g`` scale.

    Attributes:
        log: whether ``g`` is the log form.
        lo, hi: the bounds on the ``g`` scale (``lo < hi``).
        rising: true when more is better.
        knee: for the log form, the figure where the curve bends (1.0 for the risks, per 1,000;
            a share of the catalogue's cost scale for cost). A sampler that draws ``x`` divides
            it by ``knee`` and then takes ``log10(1 + x)``.
    """

    log: bool
    lo: float
    hi: float
    rising: bool
    knee: float = 1.0

    def g(self, x: float) -> float:
        """The figure on the value function's scale (identity, or ``log10(1 + max(x, 0) / knee)``)."""
        return math.log10(1 + max(x, 0.0) / self.knee) if self.log else x

    def affine(self) -> tuple[float, float]:
        """``(a, b)`` with ``value(x) = clip(a + b·g(x), 0, 1)``: one multiply-add per draw."""
        b = 1.0 / (self.hi - self.lo)
        if self.rising:
            return -self.lo * b, b
        return 1.0 + self.lo * b, -b


@frozen(kw_only=True)
class Criterion:
    """One criterion: what it measures, which way is better, its bounds and value function."""

    id: str
    label: str
    question: str
    unit: str
    higher_is_better: bool
    worst: float
    best: float
    scale: Scale = Scale.LINEAR
    #: For a log scale, the figure at which the curve bends: the value falls with
    #: ``log10(1 + x / knee)``, so each tenfold rise above the knee costs the same share.
    knee: float = 1.0

    _form: ValueForm = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        lo, hi = (self.worst, self.best) if self.higher_is_better else (self.best, self.worst)
        log = self.scale is Scale.LOG
        k = self.knee if log else 1.0
        if log:
            lo, hi = math.log10(1 + lo / k), math.log10(1 + hi / k)
        object.__setattr__(
            self, "_form", ValueForm(log=log, lo=lo, hi=hi, rising=self.higher_is_better, knee=k)
        )

    def value_form(self) -> ValueForm:
        """The value function's shape, stated once: its scale ``g`` and bounds on that scale.

        :meth:`value` computes from it, and so does SMAA's fused sampler (through
        :meth:`ValueForm.affine`), so a new :class:`Scale` or a change to the log form is made
        here only. Worked out once, when the criterion is made.
        """
        return self._form

    def value(self, x: float) -> float:
        """Map a raw figure to 0 (at the worst bound) … 1 (at the best bound), clipped."""
        form = self._form
        t = (form.g(x) - form.lo) / (form.hi - form.lo)
        t = min(1.0, max(0.0, t))
        return t if form.rising else 1.0 - t

    def figure(self, value: float) -> float:
        """The raw figure that scores ``value`` (0–1, clipped): the inverse of :meth:`value`.

        The interview uses it to describe a treatment whose burdens sit part-way along each
        scale ("halfway": 14 days off, but about 9 in 1,000 on the log scale of serious risks).
        """
        form = self._form
        v = min(1.0, max(0.0, value))
        t = v if form.rising else 1.0 - v
        g = form.lo + t * (form.hi - form.lo)
        return form.knee * (10.0**g - 1.0) if form.log else g

    def describe_bounds(self) -> str:
        """The declared bounds in words, for the methods appendix and the interview."""
        if self.id == "cost":
            return f"from {self.unit} {self.worst:,.0f} (worst) to {self.best:g} (best)"
        return f"from {self.worst:g} (worst) to {self.best:g} (best) {self.unit}".rstrip()


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        id="effectiveness",
        label="Visible effect on your concerns",
        question="How much does a visible improvement in your concerns matter to you?",
        unit="(0 none – 1 marked)",
        higher_is_better=True,
        worst=0.0,
        best=1.0,
    ),
    Criterion(
        id="evidence",
        label="How sure the evidence is",
        question="How much does it matter that the evidence for a treatment is strong?",
        unit="(0 very low – 3 high)",
        higher_is_better=True,
        worst=0.0,
        best=3.0,
    ),
    Criterion(
        id="serious_risk",
        label="Serious risks",
        question="How much does avoiding a serious complication matter to you?",
        unit="per 1,000",
        higher_is_better=False,
        worst=100.0,
        best=0.0,
        scale=Scale.LOG,
    ),
    Criterion(
        id="side_effects",
        label="Common side effects",
        question=(
            "How much does avoiding side effects matter (beyond the usual redness and swelling"
            " of the first days, such as acne, cold sores or patches of darker skin)?"
        ),
        unit="per 1,000",
        higher_is_better=False,
        worst=1000.0,
        best=0.0,
        scale=Scale.LOG,
    ),
    Criterion(
        id="downtime",
        label="Time before you feel fine to be seen",
        question="How much does avoiding time off (days before you feel fine to be seen) matter?",
        unit="days",
        higher_is_better=False,
        worst=28.0,
        best=0.0,
    ),
    Criterion(
        id="invasiveness",
        label="How invasive it is",
        question="How much does avoiding needles, injections or surgery matter to you?",
        unit="(0 nothing done – 6 surgery)",
        higher_is_better=False,
        worst=6.0,
        best=0.0,
    ),
    Criterion(
        id="cost",
        label="Cost over the time horizon",
        question="How much does a low cost matter to you?",
        unit=SHIPPED_COST_SCALE.currency,
        higher_is_better=False,
        worst=SHIPPED_COST_SCALE.amount,
        best=0.0,
        scale=Scale.LOG,
        knee=SHIPPED_COST_SCALE.amount / COST_DECADES_KNEE,
    ),
    Criterion(
        id="sessions",
        label="Clinic visits over the time horizon",
        question="How much does needing few clinic visits matter to you?",
        unit="visits",
        higher_is_better=False,
        worst=20.0,
        best=0.0,
    ),
    Criterion(
        id="durability",
        label="How long the effect lasts",
        question="How much does a long-lasting effect matter to you?",
        unit="months",
        higher_is_better=True,
        worst=0.0,
        best=60.0,
    ),
)

CRITERION_IDS: tuple[str, ...] = tuple(c.id for c in CRITERIA)
#: The criteria by id (read-only).
BY_ID: Mapping[str, Criterion] = MappingProxyType({c.id: c for c in CRITERIA})


@functools.lru_cache(maxsize=64)
def criteria_for(cost_scale: Money) -> tuple[Criterion, ...]:
    """The criteria with the cost bound of a catalogue (``Catalog.criteria`` calls this).

    Only the cost criterion differs between catalogues: its worst bound is the catalogue's
    ``[cost_scale] worst`` in the catalogue's currency, and its knee is a fixed share of that
    bound, so an option's cost value depends only on cost ÷ worst, never on the currency unit.
    """
    cost = attrs.evolve(
        BY_ID["cost"],
        unit=cost_scale.currency,
        worst=cost_scale.amount,
        knee=cost_scale.amount / COST_DECADES_KNEE,
    )
    return tuple(cost if c.id == "cost" else c for c in CRITERIA)


def effectiveness(option: Option, concerns: Sequence[str]) -> Range:
    """The mean expected effect over the person's concerns (all concerns when none are given)."""
    chosen = [c for c in concerns if c in CONCERNS] or list(CONCERNS)
    effects = [option.effects[c] for c in chosen]
    n = len(effects)
    sources = tuple(dict.fromkeys(s for e in effects for s in e.sources))
    return Range(
        low=math.fsum(e.low.value01 for e in effects) / n,
        typical=math.fsum(e.size.value01 for e in effects) / n,
        high=math.fsum(e.high.value01 for e in effects) / n,
        unit="",
        sources=sources,
        editorial=True,
        note="for " + ", ".join(CONCERN_LABELS[c] for c in chosen),
    )


def _risk(option: Option, which: str) -> Quantity:
    risk = option.serious_risk if which == "serious" else option.side_effects
    if risk is None:
        kind = "serious-risk" if which == "serious" else "side-effect"
        return NoData(f"no {kind} figure was found for this option")
    return risk.per_1000()


def burden_figures(
    option: Option, horizon_years: float = DEFAULT_HORIZON_YEARS
) -> dict[str, Quantity]:
    """The burden criteria's raw figures for ``option`` (ranges, or ``NoData``), by criterion id.

    Cost and clinic visits are counted over the horizon: the first course and the repeat
    treatments due within it (:mod:`antiage_compare.horizon`).
    """
    return {
        "serious_risk": _risk(option, "serious"),
        "side_effects": _risk(option, "common"),
        "downtime": option.downtime_days,
        "invasiveness": Range(
            low=option.invasiveness.level,
            high=option.invasiveness.level,
            typical=option.invasiveness.level,
            sources=option.mechanism_sources,
        ),
        "cost": horizon_cost(option, horizon_years),
        "sessions": horizon_sessions(option, horizon_years),
    }


def performance(
    option: Option, concerns: Sequence[str], horizon_years: float = DEFAULT_HORIZON_YEARS
) -> dict[str, Quantity]:
    """Every criterion's raw figure for ``option`` (ranges, or ``NoData``), keyed by criterion id.

    ``effectiveness`` here is the mean effect over the concerns (for the catalogue's ranges and
    swing spans); the scoring reads each concern's effect as a leaf of its own. ``durability``
    is the months of effect within the horizon (all of it for an effect that is kept up).
    """
    level = float(option.certainty.level)
    years = years_of_effect(option, horizon_years)
    months: Quantity = years
    if isinstance(years, Range):
        months = Range(
            low=12.0 * years.low,
            high=12.0 * years.high,
            typical=None if years.typical is None else 12.0 * years.typical,
            unit="months",
            sources=years.sources,
        )
    return {
        "effectiveness": effectiveness(option, concerns),
        "evidence": Range(low=level, high=level, typical=level, sources=option.certainty_sources),
        **burden_figures(option, horizon_years),
        "durability": months,
    }


def figure_value(criterion: Criterion, q: Range) -> float:
    """The 0–1 value of a known figure: the criterion's value at its point.

    A **raised** harm reads as :func:`open_span` says. A risk **never seen** in ``zero_in``
    people is the other exception. Its range, 0 to the
    rule-of-three bound ``3 / zero_in``, is not an estimate with a middle: it says only that the
    rate is probably below the bound. Like "no data", which takes the middle of the whole value
    scale, it takes the middle of the part of the scale it leaves open, between the bound's
    value and the best end: ``(value(3 / n) + 1) / 2``. So a harm never seen in 19 people (the
    bound, 158 in 1,000, is off the scale) counts as "no data" does, 0.5, and one never seen in
    2,691 people as about 0.92. The count's midpoint (79 in 1,000 for 19 people) would have
    counted a tiny trial with no harm as far riskier than a facelift.
    """
    if q.raised or q.zero_in is not None:
        worst, best = open_span(criterion, q)
        return (worst + best) / 2.0
    return criterion.value(q.point)


def open_span(criterion: Criterion, q: Range) -> tuple[float, float]:
    """The values a figure leaves open when it is not an estimate with a middle, worst first.

    A harm never seen: :func:`unseen_span`. A **raised** harm (``q.raised``: a caution says the
    person's health makes it more likely than in the people counted): the figure is a floor, so
    its value is a ceiling, and nothing bounds it from below: from the worst end (0) to the
    value the figure has for people in general. :func:`figure_value` takes the middle, as it does
    for "no data"; SMAA draws uniformly between the two. So a caution counts in the scoring by
    what it says (this harm is more likely for you), never by a made-up factor.
    """
    if q.raised:
        return 0.0, figure_value(criterion, attrs.evolve(q, raised=False))
    return unseen_span(criterion, q)


def unseen_span(criterion: Criterion, q: Range) -> tuple[float, float]:
    """For a harm never seen (``q.zero_in``): the values its range leaves open, worst first.

    From the value of the rule-of-three bound to the best end (1). :func:`figure_value` takes
    their middle; SMAA draws uniformly between them.
    """
    return criterion.value(q.high), 1.0
