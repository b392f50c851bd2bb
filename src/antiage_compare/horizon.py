"""One horizon for time and money: what an option costs, and how often it needs a clinic, over it.

Options differ in how they spend time and money: a facelift is one fee for an effect that lasts
years, botulinum toxin is a small fee repeated every 3 to 4 months to keep its effect, a cream
costs a little every year it is used. Compared as "one course", the repeated injection looks
cheap beside the operation, because only its first quarter-year is counted. Here every option is
counted over the same **horizon** (the profile's ``horizon_years``, 5 years by default):

* **sessions over the horizon** = the first course + the repeat visits due within the horizon
  (``maintenance_visits``) × sessions at each visit;
* **cost over the horizon** = the price per session × those sessions, or the course fee (one
  operation, no repeats), or the price per year × the horizon (creams, used all along);
* **years of effect** = the share of the horizon the effect covers × the horizon; an option kept
  up by repeat treatments, or used daily, covers all of it.

Everything here is pure arithmetic on the model (no I/O); the numbers are **our arithmetic**,
not figures any source states, and the report says so.
"""

from __future__ import annotations

import math

from antiage_compare.model import CostBasis, Maintenance, NoData, Option, Quantity, Range, WhileUsed

__all__ = [
    "DEFAULT_HORIZON_YEARS",
    "MAX_HORIZON_YEARS",
    "MIN_HORIZON_YEARS",
    "cost_per_year_of_effect",
    "covers_horizon",
    "horizon_cost",
    "horizon_sessions",
    "maintenance_visits",
    "repeats",
    "years_of_effect",
]

#: The default horizon, in years (see ``docs/methods.md``, "One horizon"): long enough for a
#: repeated injection's cost to add up against a one-off operation's, and about the longest
#: any source in the catalogue follows an effect (a facelift at 5.5 years).
DEFAULT_HORIZON_YEARS = 5.0
#: The shortest and longest horizons a profile may set.
MIN_HORIZON_YEARS = 1.0
MAX_HORIZON_YEARS = 30.0


def repeats(horizon_years: float, every_months: float) -> int:
    """Repeat treatments due within the horizon after the first, one every ``every_months``.

    The first course is at month 0 and repeats follow at ``every, 2·every, …`` while they fall
    before the horizon ends: ``ceil(12·H / every) − 1``. A repeat due exactly at the end is not
    counted (its effect would fall outside the horizon).
    """
    span = 12.0 * horizon_years
    # a hair of tolerance so that 60 / 3 counts 19 repeats, not 20, despite float rounding
    return max(0, math.ceil(span / every_months - 1e-9) - 1)


def maintenance_visits(m: Maintenance, horizon_years: float) -> Range:
    """The number of repeat visits within the horizon, as a range (short interval → more)."""
    every = m.every_months
    typical = None if every.typical is None else float(repeats(horizon_years, every.typical))
    return Range(
        low=float(repeats(horizon_years, every.high)),
        high=float(repeats(horizon_years, every.low)),
        typical=typical,
        unit="visits",
        sources=every.sources,
        editorial=True,
    )


_ONE = Range(low=1.0, high=1.0, typical=1.0)


def _sum(a: Range, b: Range, unit: str) -> Range:
    typical = None
    if a.typical is not None and b.typical is not None:
        typical = a.typical + b.typical
    elif a.is_point and b.typical is not None:
        typical = a.low + b.typical
    elif b.is_point and a.typical is not None:
        typical = a.typical + b.low
    return Range(
        low=a.low + b.low,
        high=a.high + b.high,
        typical=typical,
        unit=unit,
        sources=tuple(dict.fromkeys(a.sources + b.sources)),
        note="; ".join(n for n in (a.note, b.note) if n),
        editorial=True,
    )


def _times(r: Range, k: float) -> Range:
    return Range(
        low=r.low * k,
        high=r.high * k,
        typical=None if r.typical is None else r.typical * k,
        unit=r.unit,
        sources=r.sources,
        note=r.note,
        editorial=r.editorial,
    )


def horizon_sessions(option: Option, horizon_years: float) -> Quantity:
    """Clinic sessions over the horizon: the first course plus the repeat visits within it."""
    first = option.sessions
    m = option.maintenance
    if m is None or isinstance(first, NoData):
        return first
    repeat = maintenance_visits(m, horizon_years).scaled(m.sessions)
    return _sum(first, repeat, "sessions")


def horizon_cost(option: Option, horizon_years: float) -> Quantity:
    """The cost over the horizon, in the option's currency (our arithmetic).

    Per session: the price × the sessions over the horizon (``horizon_sessions``). Per course:
    the fee, once, or (with repeat treatments, as when a clinic prices a treatment per course)
    once more for each repeat. Per year: the yearly cost × the horizon. "No data" in any factor
    makes the cost "no data".
    """
    amount = option.cost.amount
    if isinstance(amount, NoData):
        return amount
    per = option.cost.per
    if per is CostBasis.YEAR:
        return _times(amount, horizon_years)
    if per is CostBasis.COURSE:
        m = option.maintenance
        if m is None:
            return amount
        courses = _sum(_ONE, maintenance_visits(m, horizon_years), "courses")
        return courses.scaled(amount)
    sessions = horizon_sessions(option, horizon_years)
    if isinstance(sessions, NoData):
        return NoData("the number of sessions is not known", sessions.sources)
    return sessions.scaled(amount)


def covers_horizon(option: Option) -> bool:
    """True when the effect is kept over any horizon: used daily, or kept up by repeats."""
    return isinstance(option.duration_months, WhileUsed) or option.maintenance is not None


def years_of_effect(option: Option, horizon_years: float) -> Quantity:
    """Years of the horizon the effect covers (the horizon itself when it is kept up)."""
    if covers_horizon(option):
        return Range(low=horizon_years, high=horizon_years, typical=horizon_years, unit="years")
    months = option.duration_months
    if isinstance(months, NoData):
        return months
    assert isinstance(months, Range)

    def years(x: float) -> float:
        return min(horizon_years, x / 12.0)

    return Range(
        low=years(months.low),
        high=years(months.high),
        typical=None if months.typical is None else years(months.typical),
        unit="years",
        sources=months.sources,
    )


def cost_per_year_of_effect(option: Option, horizon_years: float) -> Quantity | None:
    """The cost over the horizon ÷ the years of effect in it, or ``None`` with no effect.

    The low end pairs the lowest cost with the longest effect, the high end the highest cost
    with the shortest; "no data" in either makes it "no data".
    """
    cost = horizon_cost(option, horizon_years)
    years = years_of_effect(option, horizon_years)
    if isinstance(years, Range) and years.high <= 0:
        return None
    if isinstance(cost, NoData):
        return cost
    if isinstance(years, NoData):
        return NoData("how long the effect lasts is not known", years.sources)
    if years.low <= 0:
        return NoData("the effect may not last at all", years.sources)
    typical = None
    if cost.typical is not None and years.typical is not None and years.typical > 0:
        typical = cost.typical / years.typical
    low, high = cost.low / years.high, cost.high / years.low
    if typical is not None and not low <= typical <= high:
        typical = None
    return Range(
        low=low,
        high=high,
        typical=typical,
        unit=cost.unit,
        sources=tuple(dict.fromkeys(cost.sources + years.sources)),
        editorial=True,
    )
