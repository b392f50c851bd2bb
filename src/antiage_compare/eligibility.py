"""Eligibility: which options are unsafe or unacceptable for this person, and why.

Runs before any scoring. The rules are data (each option's ``contraindications`` in the
catalogue, with their sources) plus the person's deal-breakers; nothing here knows about a
particular treatment. An ``exclude`` rule or a broken deal-breaker removes the option with its
reasons; a ``caution`` rule keeps it and attaches the caution. A caution that names the risks it
raises (``raises``) also marks those figures as floors for this person (:func:`as_for`), so the
scoring counts the caution instead of only showing it.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import evolve, frozen

from antiage_compare.errors import ProfileError
from antiage_compare.horizon import horizon_cost
from antiage_compare.model import (
    HealthCondition,
    Invasiveness,
    NoData,
    Option,
    Quantity,
    Range,
    RuleLevel,
    to_tuple,
)
from antiage_compare.profile import Profile

__all__ = ["Eligibility", "Exclusion", "Reason", "as_for", "assess", "raised_by", "raised_risks"]


@frozen
class Reason:
    """Why an option is excluded or comes with a caution, with the sources that say so."""

    text: str
    sources: tuple[str, ...]
    kind: str  # "contraindication", "deal_breaker" or "caution"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form: ``{"text", "sources", "kind"}``."""
        return {"text": self.text, "sources": list(self.sources), "kind": self.kind}


@frozen
class Exclusion:
    """An option that is not scored, with every reason that excludes it."""

    option: Option
    reasons: tuple[Reason, ...]


@frozen
class Eligibility:
    """The outcome of the eligibility step.

    ``notes`` are plain-language statements the person should see about how a limit was read
    (for example that a budget with no currency was read in the catalogue's currency).
    """

    eligible: tuple[Option, ...]
    excluded: tuple[Exclusion, ...]
    cautions: tuple[tuple[str, tuple[Reason, ...]], ...]
    notes: tuple[str, ...] = ()

    def cautions_for(self, option_id: str) -> tuple[Reason, ...]:
        """The cautions attached to one eligible option."""
        for oid, reasons in self.cautions:
            if oid == option_id:
                return reasons
        return ()


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x >= 10 or x == int(x) else f"{x:.1f}"


def _limit(
    q: Quantity,
    limit: float | None,
    what: str,
    unit: str,
    out: list[Reason],
    cautions: list[Reason],
    *,
    currency: bool = False,
) -> None:
    if limit is None:
        return

    def amount(x: float) -> str:
        return f"{unit} {_fmt(x)}" if currency else f"{_fmt(x)} {unit}"

    if isinstance(q, NoData):
        cautions.append(
            Reason(
                f"The {what} is not known, so your limit of {amount(limit)} could not be checked.",
                q.sources,
                "caution",
            )
        )
        return
    if q.point > limit:
        spread = "" if q.is_point else f" (range {_fmt(q.low)} to {_fmt(q.high)})"
        out.append(
            Reason(
                f"The {what} is typically {amount(q.point)}{spread}, more than your limit of {amount(limit)}.",
                q.sources,
                "deal_breaker",
            )
        )


def raised_by(option: Option, profile: Profile) -> dict[str, tuple[HealthCondition, ...]]:
    """Each of ``option``'s risks a caution applying to ``profile`` raises: the conditions that do.

    Keyed by risk id, in the order the risks are first raised; each condition once.
    """
    conditions = profile.health.conditions()
    out: dict[str, tuple[HealthCondition, ...]] = {}
    for rule in option.contraindications:
        if rule.level is RuleLevel.CAUTION and rule.when in conditions:
            for rid in rule.raises:
                if rule.when not in out.get(rid, ()):
                    out[rid] = (*out.get(rid, ()), rule.when)
    return out


def raised_risks(option: Option, profile: Profile) -> frozenset[str]:
    """The ids of ``option``'s risks that a caution applying to ``profile`` says are raised."""
    return frozenset(raised_by(option, profile))


def as_for(option: Option, profile: Profile) -> Option:
    """``option`` as it applies to this person: the figures of its raised risks are floors.

    A caution whose ``raises`` names a risk means the person's health makes that harm more
    likely than in the people counted. The figure stays as counted, marked ``raised``
    (:attr:`~antiage_compare.model.Range.raised`), and the scoring reads it as "at least this,
    how much more not known". The same option object is returned when nothing is raised.
    """
    ids = raised_risks(option, profile)
    if not ids:
        return option
    risks = tuple(
        evolve(r, count=evolve(r.count, raised=True))
        if r.id in ids and isinstance(r.count, Range)
        else r
        for r in option.risks
    )
    return evolve(option, risks=risks)


def check_option(option: Option, profile: Profile) -> tuple[list[Reason], list[Reason]]:
    """The exclusion reasons and cautions for one option (pure; used by :func:`assess`)."""
    conditions = profile.health.conditions()
    excluded: list[Reason] = []
    cautions: list[Reason] = []
    for rule in option.contraindications:
        if rule.when not in conditions:
            continue
        text = f"Because {rule.when.plain}: {rule.text}"
        if rule.level is RuleLevel.EXCLUDE:
            excluded.append(Reason(text, rule.sources, "contraindication"))
        else:
            cautions.append(Reason(text, rule.sources, "caution"))
    lim = profile.limits
    if not lim.needles and option.pierces_skin:
        excluded.append(
            Reason(
                "You said no to options that put a needle or cannula through the skin.",
                option.mechanism_sources,
                "deal_breaker",
            )
        )
    if not lim.surgery and option.invasiveness is Invasiveness.SURGERY:
        excluded.append(Reason("You said no to surgery.", option.mechanism_sources, "deal_breaker"))
    _limit(option.downtime_days, lim.max_downtime_days, "time off", "days", excluded, cautions)
    currency = option.cost.currency
    years = profile.horizon_years
    _limit(
        horizon_cost(option, years),
        lim.max_cost,
        f"cost over {years:g} years",
        currency,
        excluded,
        cautions,
        currency=True,
    )
    return excluded, cautions


def budget_currency(profile: Profile, currency: str) -> tuple[str, ...]:
    """Check the budget's currency against the prices' ``currency``; the notes to show.

    Raises:
        ProfileError: ``[limits] currency`` differs from ``currency`` (nothing is converted).
    """
    lim = profile.limits
    if lim.max_cost is None:
        return ()
    if lim.currency is None:
        return (
            f"Your budget (max_cost = {_fmt(lim.max_cost)}) gives no currency, so it was read in "
            f"the currency of these prices: {currency} {_fmt(lim.max_cost)}. If you meant "
            f"another currency, add it to the profile ([limits] currency).",
        )
    if lim.currency != currency:
        msg = (
            f"the budget is in {lim.currency}, but the prices compared are in {currency}; "
            f"no currency is ever converted, so give max_cost in {currency} "
            f"(or compare against prices in {lim.currency})"
        )
        raise ProfileError(msg, path="limits.currency", value=lim.currency)
    return ()


def assess(
    options: Iterable[Option], profile: Profile, *, currency: str | None = None
) -> Eligibility:
    """Split ``options`` into eligible and excluded for ``profile``, with reasons and cautions.

    Args:
        options: the options (a :class:`~antiage_compare.catalog.Catalog` or any iterable).
        profile: the person.
        currency: the currency of the options' prices (``catalog.currency``); when given, the
            budget's currency is checked against it (see :func:`budget_currency`).

    Raises:
        ProfileError: the budget is in another currency than the prices.
    """
    notes = budget_currency(profile, currency) if currency is not None else ()
    eligible: list[Option] = []
    excluded: list[Exclusion] = []
    cautions: list[tuple[str, tuple[Reason, ...]]] = []
    for option in options:
        reasons, warn = check_option(option, profile)
        if reasons:
            excluded.append(Exclusion(option, to_tuple(reasons)))
        else:
            eligible.append(as_for(option, profile))
            if warn:
                cautions.append((option.id, to_tuple(warn)))
    return Eligibility(to_tuple(eligible), to_tuple(excluded), to_tuple(cautions), notes)
