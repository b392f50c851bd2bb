"""The person: concerns, what matters to them, their deal-breakers and their health.

A :class:`Profile` is a frozen value. Build it with :meth:`Profile.from_dict`, :func:`load_profile`
(TOML) or :func:`example_profile`; :meth:`Profile.to_dict` gives back the same mapping, so JSON
and TOML round-trip. Weights can be stated four ways — direct importance ratings (0–10), a
ranking (rank-order centroid weights), swing ratings anchored on each criterion's worst-to-best
range in the catalogue, or AHP pairwise judgements — and are turned into weights by
:mod:`antiage_compare.weights`.
"""

from __future__ import annotations

import math
import numbers
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

from antiage_compare import mcda
from antiage_compare._reader import MAX_TEXT, Table, check_path_text, parse_toml, type_name
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.errors import (
    DataError,
    ProfileError,
    ProfileFileNotFoundError,
    ProfilePermissionError,
    ProfileTypeError,
)
from antiage_compare.horizon import DEFAULT_HORIZON_YEARS, MAX_HORIZON_YEARS, MIN_HORIZON_YEARS
from antiage_compare.model import (
    CONCERNS,
    FrozenMap,
    HealthCondition,
    check_currency,
    to_frozen_map,
)

__all__ = [
    "HEALTH_FLAGS",
    "PROFILE_TABLES",
    "SURE_QUESTIONS",
    "Health",
    "Limits",
    "Profile",
    "Ready",
    "Tradeoff",
    "example_profile",
    "load_profile",
]

WEIGHT_METHODS = ("direct", "ranking", "swing", "ahp")
#: What a swing rating is over: the worst-to-best option in the catalogue (the default, as swing
#: weights were first defined here), or the fixed bounds of each criterion's score scale (what
#: the interview asks, so the weights do not depend on the catalogue).
SWING_RANGES = ("catalogue", "bounds")
SEXES = ("female", "male", "other")

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


# -- validators -----------------------------------------------------------------------------------
# The public constructors (Profile, Limits, Health, and weights.Weights) check every field, so a
# value that exists is a value that makes sense however it was built: from_dict, attrs.evolve or a
# plain call. Each check raises ProfileError (ProfileTypeError for a wrong Python type) naming the
# class, the field and the value; from_dict re-raises it with the file and the TOML key.
# A new field needs one line: its default and one of these validators.


def fail(
    inst: object, path: str, problem: str, value: Any, *, wrong_type: bool = False
) -> ProfileError:
    """Build (not raise) the error for a bad field ``path`` of ``inst`` (named in the message)."""
    cls = ProfileTypeError if wrong_type else ProfileError
    return cls(problem, origin=type(inst).__name__, path=path, value=value)


def check_number(
    inst: object,
    path: str,
    value: Any,
    *,
    minimum: float | None = 0.0,
    maximum: float | None = None,
    integer: bool = False,
) -> None:
    """A real number (not a bool), finite, within ``minimum``..``maximum``; whole if ``integer``."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "a whole number" if integer else "a number"
        raise fail(
            inst, path, f"expected {expected}, got {type_name(value)}", value, wrong_type=True
        )
    try:
        x = float(value)
    except OverflowError:  # an int too large for a float
        raise fail(inst, path, "is too large a number", value) from None
    if not math.isfinite(x):
        raise fail(inst, path, "must be a finite number", value)
    if minimum is not None and x < minimum:
        raise fail(inst, path, f"must be at least {minimum:g}", value)
    if maximum is not None and x > maximum:
        raise fail(inst, path, f"must be at most {maximum:g}", value)


def number(
    *,
    minimum: float | None = 0.0,
    maximum: float | None = None,
    integer: bool = False,
    optional: bool = False,
) -> Validator:
    """A validator for :func:`check_number` (``None`` allowed if ``optional``)."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        check_number(inst, attribute.name, value, minimum=minimum, maximum=maximum, integer=integer)

    return check


def flag(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: ``True`` or ``False`` (not 0/1, not a string)."""
    if not isinstance(value, bool):
        msg = f"expected true or false, got {type_name(value)}"
        raise fail(inst, attribute.name, msg, value, wrong_type=True)


def text(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: a string of at most :data:`~antiage_compare._reader.MAX_TEXT` characters."""
    if not isinstance(value, str):
        raise fail(
            inst,
            attribute.name,
            f"expected a string, got {type_name(value)}",
            value,
            wrong_type=True,
        )
    if len(value) > MAX_TEXT:
        raise fail(inst, attribute.name, f"is longer than {MAX_TEXT} characters", value)


def choice(allowed: tuple[str, ...], *, optional: bool = False) -> Validator:
    """A validator: one of ``allowed`` (or ``None`` if ``optional``)."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            msg = f"expected a string, got {type_name(value)}"
            raise fail(inst, attribute.name, msg, value, wrong_type=True)
        if value not in allowed:
            raise fail(inst, attribute.name, f"must be one of {', '.join(allowed)}", value)

    return check


def criterion_list(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: criterion ids, each known, none twice (may be empty)."""
    names(inst, attribute.name, value, CRITERION_IDS, "criterion", "names a criterion twice")


def names(
    inst: object, path: str, value: Any, known: tuple[str, ...], kind: str, twice: str
) -> None:
    """Check a tuple of ids: each one of ``known``, none repeated."""
    if not isinstance(value, tuple):
        raise fail(
            inst,
            path,
            f"expected a list of {kind} ids, got {type_name(value)}",
            value,
            wrong_type=True,
        )
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise fail(
                inst,
                f"{path}[{i}]",
                f"expected a string, got {type_name(item)}",
                item,
                wrong_type=True,
            )
        if item not in known:
            raise fail(inst, f"{path}[{i}]", f"unknown {kind} (known: {', '.join(known)})", item)
    if len(set(value)) != len(value):
        raise fail(inst, path, twice, list(value))


def ratings(maximum: float) -> Validator:
    """A validator: a mapping of known criterion ids to numbers from 0 to ``maximum``."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        name = attribute.name
        if not isinstance(value, Mapping):
            raise fail(
                inst,
                name,
                f"expected a mapping of criterion ids to numbers, got {type_name(value)}",
                value,
                wrong_type=True,
            )
        for key, rating in value.items():
            if key not in CRITERION_IDS:
                raise fail(
                    inst,
                    f"{name}.{key}",
                    f"unknown criterion (known: {', '.join(CRITERION_IDS)})",
                    key,
                )
            check_number(inst, f"{name}.{key}", rating, maximum=maximum)

    return check


def instance(cls: type, *, optional: bool = False) -> Validator:
    """A validator: an instance of ``cls`` (a ProfileTypeError otherwise; ``None`` if optional)."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            msg = f"expected a {cls.__name__}, got {type(value).__name__}"
            raise fail(inst, attribute.name, msg, value, wrong_type=True)

    return check


def ids(value: str | Iterable[str]) -> tuple[str, ...]:
    """Store ids as a tuple (an attrs converter): one string is one id, not its letters."""
    if isinstance(value, str):
        return (value,)
    try:
        return tuple(value)
    except TypeError:
        return value  # type: ignore[return-value]  # not iterable: the validator names it


def _rows(value: Iterable[Iterable[float]]) -> tuple[tuple[float, ...], ...]:
    """Store a matrix as a tuple of tuples (an attrs converter; junk is left for the validator)."""
    try:
        return tuple(tuple(row) if isinstance(row, list | tuple) else row for row in value)  # type: ignore[misc]
    except TypeError:
        return value  # type: ignore[return-value]


def _positive_cells(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    name = attribute.name
    if not isinstance(value, tuple):
        raise fail(
            inst, name, f"expected a list of rows, got {type_name(value)}", value, wrong_type=True
        )
    for i, row in enumerate(value):
        if not isinstance(row, tuple):
            raise fail(
                inst,
                f"{name}[{i}]",
                f"expected a list of numbers, got {type_name(row)}",
                row,
                wrong_type=True,
            )
        for j, cell in enumerate(row):
            check_number(inst, f"{name}[{i}][{j}]", cell, minimum=None)
            if not cell > 0:
                raise fail(inst, f"{name}[{i}][{j}]", "must be a positive, finite number", cell)


def _concern_list(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    names(inst, attribute.name, value, CONCERNS, "concern", "lists a concern twice")


# -- the values -----------------------------------------------------------------------------------


#: The top-level tables a profile file may have (``loading.file_kind`` tells profiles by them).
PROFILE_TABLES = frozenset(
    {
        "profile",
        "tradeoff",
        "importance",
        "concern_importance",
        "ranking",
        "swing",
        "ahp",
        "limits",
        "health",
        "ready",
    }
)

#: The burden criteria (the value tree's burden group), and the one benefit criterion.
BURDEN_CRITERIA = ("serious_risk", "side_effects", "downtime", "invasiveness", "cost", "sessions")
BENEFIT_CRITERION = "effectiveness"


def _currency(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A budget's currency: ``None`` (the prices' currency), or a code such as ``"JPY"``."""
    if value is None:
        return
    if not isinstance(value, str):
        raise fail(inst, attribute.name, "must be a string", value, wrong_type=True)
    try:
        check_currency(inst, attribute, value)
    except DataError as exc:
        raise fail(inst, attribute.name, exc.problem, value) from None


@frozen(kw_only=True)
class Tradeoff:
    """The top-level trade-off: the share of the weight (0–100) on the benefits.

    The burdens share the rest. ``low`` and ``high``, when given, are the range the person
    would accept (a "roughly" answer in the interview); the uncertainty analysis draws the share
    from it. Without them it varies by ± 5 × the profile's ``imprecision``.
    """

    benefit: float = field(validator=number(maximum=100))
    low: float | None = field(default=None, validator=number(maximum=100, optional=True))
    high: float | None = field(default=None, validator=number(maximum=100, optional=True))

    def __attrs_post_init__(self) -> None:
        if (self.low is None) != (self.high is None):
            raise fail(self, "low", "low and high go together (give both or neither)", self.low)
        if (
            self.low is not None
            and self.high is not None
            and not (self.low <= self.benefit <= self.high)
        ):
            problem = f"benefit ({self.benefit:g}) must lie within low..high"
            raise fail(self, "benefit", problem, (self.low, self.high))

    @property
    def share(self) -> float:
        """The benefits' share of the weight, 0–1."""
        return self.benefit / 100.0

    def to_dict(self) -> dict[str, float]:
        """The mapping form (``[tradeoff]``)."""
        out = {"benefit": self.benefit}
        if self.low is not None and self.high is not None:
            out |= {"low": self.low, "high": self.high}
        return out


#: The four SURE questions (Légaré et al., Can Fam Physician 2010;56:e308), in their order,
#: by the :class:`Ready` field that holds each answer. The wording is the instrument's; it is
#: not paraphrased, since a changed question is no longer the validated test.
SURE_QUESTIONS = (
    ("sure", "Do you feel SURE about the best choice for you?"),
    ("understand", "Do you know the benefits and risks of each option?"),
    ("values", "Are you clear about which benefits and risks matter to you most?"),
    ("support", "Do you have enough support and advice to make a choice?"),
)


@frozen(kw_only=True)
class Ready:
    """The person's answers to the four SURE questions, given *before* reading the report.

    SURE screens for decisional conflict: each "yes" scores 1, and three or fewer means the
    person may not be ready to decide yet (Légaré et al. 2010). The report prints the questions
    again to tick after reading; these stored answers are shown as "before reading".
    """

    sure: bool = field(validator=flag)
    understand: bool = field(validator=flag)
    values: bool = field(validator=flag)
    support: bool = field(validator=flag)

    @property
    def score(self) -> int:
        """The number of "yes" answers, 0–4."""
        return sum(bool(getattr(self, k)) for k, _ in SURE_QUESTIONS)

    def to_dict(self) -> dict[str, bool]:
        """The mapping form (``[ready]``)."""
        return {k: getattr(self, k) for k, _ in SURE_QUESTIONS}


def _concern_ratings(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: concern id → rating 0–10 (read-only mapping)."""
    name = attribute.name
    if not isinstance(value, Mapping):
        msg = f"expected a mapping of concern ids to numbers, got {type_name(value)}"
        raise fail(inst, name, msg, value, wrong_type=True)
    for key, rating in value.items():
        if key not in CONCERNS:
            msg = f"unknown concern (known: {', '.join(CONCERNS)})"
            raise fail(inst, f"{name}.{key}", msg, key)
        check_number(inst, f"{name}.{key}", rating, maximum=10)


@frozen(kw_only=True)
class Limits:
    """Deal-breakers: options beyond any of these are excluded before scoring.

    Every field is checked on construction (a :class:`ProfileError` names the field and value).
    ``max_cost`` is in ``currency`` when that is given, else in the currency of the catalogue it
    is compared against (and the comparison says so). No amount is ever converted: a budget in
    another currency than the catalogue's prices is an error, not a guess.
    """

    max_downtime_days: float | None = field(default=None, validator=number(optional=True))
    max_cost: float | None = field(default=None, validator=number(optional=True))
    currency: str | None = field(default=None, validator=_currency)
    needles: bool = field(default=True, validator=flag)
    surgery: bool = field(default=True, validator=flag)

    def __attrs_post_init__(self) -> None:
        if self.currency is not None and self.max_cost is None:
            problem = "names the currency of max_cost, but there is no max_cost"
            raise fail(self, "currency", problem, self.currency)


#: The yes-or-no health facts of ``[health]``: each is a :class:`Health` field and the catalogue
#: condition of the same id, which the field switches on. (Skin type, isotretinoin and sex are
#: read differently; see :meth:`Health.conditions`.)
HEALTH_FLAGS: tuple[str, ...] = (
    "pregnant",
    "breastfeeding",
    "anticoagulants",
    "keloid_tendency",
    "smoker",
    "cold_sores",
    "neuromuscular_disorder",
    "active_skin_infection",
    "heart_disease",
    "immunosuppressed",
    "electronic_implant",
    "facial_eczema",
    "photosensitising_medicine",
    "autoimmune_disease",
    "bleeding_disorder",
    "metal_implant",
)


@frozen(kw_only=True)
class Health:
    """The health facts that contraindications depend on. ``None`` means not stated.

    Every field is checked on construction (a :class:`ProfileError` names the field and value).
    """

    pregnant: bool = field(default=False, validator=flag)
    breastfeeding: bool = field(default=False, validator=flag)
    anticoagulants: bool = field(default=False, validator=flag)
    isotretinoin_months_ago: float | None = field(
        default=None, validator=number(maximum=1200, optional=True)
    )
    keloid_tendency: bool = field(default=False, validator=flag)
    fitzpatrick: int | None = field(
        default=None, validator=number(minimum=1, maximum=6, integer=True, optional=True)
    )
    smoker: bool = field(default=False, validator=flag)
    cold_sores: bool = field(default=False, validator=flag)
    neuromuscular_disorder: bool = field(default=False, validator=flag)
    active_skin_infection: bool = field(default=False, validator=flag)
    heart_disease: bool = field(default=False, validator=flag)
    immunosuppressed: bool = field(default=False, validator=flag)
    electronic_implant: bool = field(default=False, validator=flag)
    facial_eczema: bool = field(default=False, validator=flag)
    photosensitising_medicine: bool = field(default=False, validator=flag)
    autoimmune_disease: bool = field(default=False, validator=flag)
    bleeding_disorder: bool = field(default=False, validator=flag)
    metal_implant: bool = field(default=False, validator=flag)
    sex: str | None = field(default=None, validator=choice(SEXES, optional=True))

    def conditions(self) -> frozenset[HealthCondition]:
        """The health condition ids (as used by the catalogue's rules) that apply."""
        c = HealthCondition
        out = {HealthCondition(name) for name in HEALTH_FLAGS if getattr(self, name)}
        if self.sex == "male":
            out.add(c.MALE)
        if self.isotretinoin_months_ago is not None and self.isotretinoin_months_ago < 6:
            out.add(c.ISOTRETINOIN_RECENT)
        if self.fitzpatrick is not None and self.fitzpatrick >= 4:
            out.add(c.SKIN_TYPE_4_6)
        if self.fitzpatrick is not None and self.fitzpatrick >= 5:
            out.add(c.SKIN_TYPE_5_6)
        return frozenset(out)


@frozen(kw_only=True)
class Profile:
    """A person's concerns, preferences, deal-breakers and health.

    Attributes:
        name: who the profile is for (any text; shown escaped in reports).
        concerns: concern ids, e.g. ``("fine_lines", "laxity")``; empty means all concerns.
        importance: 0–10 per criterion id (omitted criteria count as 0), for ``method="direct"``.
        method: how the weights were stated: ``direct``, ``ranking``, ``swing`` or ``ahp``.
        ranking: criterion ids from most to least important (``method="ranking"``).
        swing: 0–100 ratings of each criterion's worst-to-best swing (``method="swing"``).
        swing_range: what a swing goes over: ``"catalogue"`` (the worst to the best option in
            the catalogue; the default) or ``"bounds"`` (the fixed bounds of the score scale,
            as the interview asks; then the weights do not depend on the catalogue).
        ahp_criteria, ahp_matrix: the criteria and reciprocal pairwise matrix (``method="ahp"``).
        imprecision: how unsure the stated importances are, on the 0–10 scale (used by SMAA).
        horizon_years: the time horizon (1–30 years, default 5) over which costs, clinic
            visits and how long effects last are counted, the same for every option.
        limits: deal-breakers (``max_cost`` is an amount over the horizon). health: health facts.
        tradeoff: the share of the weight on the benefits (the value tree); ``None`` for the
            flat weighting of profiles written before it (a documented, labelled method).
        concern_importance: 0–10 per concern, splitting the benefit between the person's
            concerns (default: equally).
        ready: the SURE answers given before reading the report (``[ready]``), or ``None``.

    Every field is checked on construction, however the profile is built (``Profile(...)``,
    :func:`attrs.evolve`, :meth:`from_dict`): a :class:`ProfileError` (or
    :class:`ProfileTypeError`) names the field and the value. The weights must be stated the
    way ``method`` says, and only that way. Mappings are read-only and a profile is hashable.
    """

    name: str = field(default="", validator=text)
    concerns: tuple[str, ...] = field(default=(), converter=ids, validator=_concern_list)
    method: str = field(default="direct", validator=choice(WEIGHT_METHODS))
    importance: Mapping[str, float] = field(
        factory=FrozenMap, converter=to_frozen_map, validator=ratings(10)
    )
    ranking: tuple[str, ...] = field(default=(), converter=ids, validator=criterion_list)
    swing: Mapping[str, float] = field(
        factory=FrozenMap, converter=to_frozen_map, validator=ratings(100)
    )
    swing_range: str = field(default="catalogue", validator=choice(SWING_RANGES))
    ahp_criteria: tuple[str, ...] = field(default=(), converter=ids, validator=criterion_list)
    ahp_matrix: tuple[tuple[float, ...], ...] = field(
        default=(), converter=_rows, validator=_positive_cells
    )
    imprecision: float = field(default=1.0, validator=number(maximum=10))
    horizon_years: float = field(
        default=DEFAULT_HORIZON_YEARS,
        validator=number(minimum=MIN_HORIZON_YEARS, maximum=MAX_HORIZON_YEARS),
    )
    limits: Limits = field(factory=Limits, validator=instance(Limits))
    health: Health = field(factory=Health, validator=instance(Health))
    tradeoff: Tradeoff | None = field(default=None, validator=instance(Tradeoff, optional=True))
    concern_importance: Mapping[str, float] = field(
        factory=FrozenMap, converter=to_frozen_map, validator=_concern_ratings
    )
    ready: Ready | None = field(default=None, validator=instance(Ready, optional=True))

    def __attrs_post_init__(self) -> None:
        _check_weighting(self)
        _check_tree(self)

    @property
    def tree(self) -> bool:
        """True when the profile states the benefit/burden trade-off (the value tree)."""
        return self.tradeoff is not None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, file: str | None = None) -> Profile:
        """Build a profile from the mapping form (as in the TOML file), validating every key.

        Raises:
            ProfileError: an unknown key, an out-of-range value or an unknown id; the message
                names the key and the value.
        """
        if not isinstance(data, Mapping):
            raise ProfileTypeError("a profile must be a mapping (a table)", file=file, value=data)
        return _from_table(Table(dict(data), file, error=ProfileError))

    def to_dict(self) -> dict[str, Any]:
        """The mapping form, JSON- and TOML-ready; ``from_dict(p.to_dict()) == p``."""
        out: dict[str, Any] = {
            "profile": {
                "name": self.name,
                "concerns": list(self.concerns),
                "weighting": self.method,
                "imprecision": self.imprecision,
                "horizon_years": self.horizon_years,
            }
        }
        if self.tradeoff is not None:
            out["tradeoff"] = self.tradeoff.to_dict()
        if self.concern_importance:
            out["concern_importance"] = dict(self.concern_importance)
        if self.swing_range != "catalogue":
            out["profile"]["swing_range"] = self.swing_range
        if self.method == "direct":
            out["importance"] = dict(self.importance)
        elif self.method == "ranking":
            out["ranking"] = {"order": list(self.ranking)}
        elif self.method == "swing":
            out["swing"] = dict(self.swing)
        else:
            out["ahp"] = {
                "criteria": list(self.ahp_criteria),
                "matrix": [list(row) for row in self.ahp_matrix],
            }
        lim = self.limits
        limits: dict[str, Any] = {"needles": lim.needles, "surgery": lim.surgery}
        if lim.max_downtime_days is not None:
            limits["max_downtime_days"] = lim.max_downtime_days
        if lim.max_cost is not None:
            limits["max_cost"] = lim.max_cost
        if lim.currency is not None:
            limits["currency"] = lim.currency
        out["limits"] = limits
        h = self.health
        health: dict[str, Any] = {k: getattr(h, k) for k in HEALTH_FLAGS}
        for k in ("isotretinoin_months_ago", "fitzpatrick", "sex"):
            if getattr(h, k) is not None:
                health[k] = getattr(h, k)
        out["health"] = health
        if self.ready is not None:
            out["ready"] = self.ready.to_dict()
        return out

    def __repr__(self) -> str:
        return f"<Profile {self.name!r}: concerns={list(self.concerns)}, weighting={self.method}>"


#: The fields each way of stating weights uses; the others must be left empty.
_METHOD_FIELDS = {
    "direct": "importance",
    "ranking": "ranking",
    "swing": "swing",
    "ahp": "ahp_criteria",
}


def _check_weighting(p: Profile) -> None:
    """The weights are stated the way ``method`` says, completely, and only that way."""
    for method, name in (*_METHOD_FIELDS.items(), ("ahp", "ahp_matrix")):
        if method != p.method and getattr(p, name):
            msg = (
                f"is given, but the method is {p.method!r}: state the weights one way only "
                f"(for these, pass method={method!r})"
            )
            raise fail(p, name, msg, getattr(p, name))
    if p.swing_range != "catalogue" and p.method != "swing":
        msg = f"says what swing ratings are over, but the method is {p.method!r}, not 'swing'"
        raise fail(p, "swing_range", msg, p.swing_range)
    if p.method == "direct" and not any(p.importance.values()):
        raise fail(
            p,
            "importance",
            "at least one criterion must matter (none is above 0)",
            dict(p.importance),
        )
    if p.method == "swing" and not any(p.swing.values()):
        raise fail(p, "swing", "at least one swing must matter (none is above 0)", dict(p.swing))
    if p.method == "ranking" and not p.ranking:
        raise fail(p, "ranking", "must name at least one criterion", [])
    if p.method == "ahp":
        _check_ahp(p)
    if not _rated(p, (BENEFIT_CRITERION, *BURDEN_CRITERIA)):
        where = {"direct": "importance", "swing": "swing", "ranking": "ranking"}.get(
            p.method, "ahp_criteria"
        )
        msg = (
            "rates nothing that is weighed: rate the visible effect (effectiveness) or a "
            f"burden ({', '.join(BURDEN_CRITERIA)}); evidence and durability qualify the "
            "effect and are not weighed on their own"
        )
        raise fail(p, where, msg, _stated(p))


def _rated(p: Profile, criteria: Iterable[str]) -> bool:
    """Whether the profile gives any of ``criteria`` a weight above 0, however it states them."""
    wanted = set(criteria)
    if p.method == "direct":
        return any(p.importance.get(c, 0) > 0 for c in wanted)
    if p.method == "swing":
        return any(p.swing.get(c, 0) > 0 for c in wanted)
    if p.method == "ranking":
        return bool(wanted & set(p.ranking))
    return bool(wanted & set(p.ahp_criteria))


def _check_tree(p: Profile) -> None:
    """The value tree's rules: a group with a share above 0 has a rated criterion in it."""
    where = {"direct": "importance", "swing": "swing", "ranking": "ranking"}.get(
        p.method, "ahp_criteria"
    )
    if p.concerns:
        for c in p.concern_importance:
            if c not in p.concerns:
                msg = f"is not one of the profile's concerns ({', '.join(p.concerns)})"
                raise fail(p, f"concern_importance.{c}", msg, c)
    if p.tradeoff is None:
        return
    share = p.tradeoff.benefit
    if share > 0 and not _rated(p, [BENEFIT_CRITERION]):
        msg = (
            f"the benefit group has {share:g} of 100 points of the weight ([tradeoff] benefit) "
            "but no rated criterion: rate effectiveness (the visible effect) above 0"
        )
        raise fail(p, where, msg, _stated(p))
    if share > 0 and p.concern_importance and not any(p.concern_importance.values()):
        msg = "the benefit group has a share above 0, but every concern here is rated 0"
        raise fail(p, "concern_importance", msg, dict(p.concern_importance))
    if share < 100 and not _rated(p, BURDEN_CRITERIA):
        msg = (
            f"the burden group has {100 - share:g} of 100 points of the weight but no rated "
            f"criterion: rate at least one of {', '.join(BURDEN_CRITERIA)} above 0"
        )
        raise fail(p, where, msg, _stated(p))


def _stated(p: Profile) -> Any:
    return {
        "direct": dict(p.importance),
        "swing": dict(p.swing),
        "ranking": list(p.ranking),
    }.get(p.method, list(p.ahp_criteria))


def _check_ahp(p: Profile) -> None:
    n = len(p.ahp_criteria)
    if not n:
        raise fail(p, "ahp_criteria", "must name at least one criterion", [])
    rows = p.ahp_matrix
    if len(rows) != n:
        raise fail(p, "ahp_matrix", f"must be a list of {n} rows (one per criterion)", rows)
    for i, row in enumerate(rows):
        if len(row) != n:
            raise fail(p, f"ahp_matrix[{i}]", f"must be a list of {n} numbers", row)
    # The tolerance is the AHP's own, so every matrix accepted here is one mcda.ahp accepts.
    for i in range(n):
        for j in range(n):
            if abs(rows[i][j] * rows[j][i] - 1) > mcda.RECIPROCAL_TOLERANCE:
                msg = f"is not the reciprocal of the judgement at [{j}][{i}] ({rows[j][i]:g})"
                raise fail(p, f"ahp_matrix[{i}][{j}]", msg, rows[i][j])


# -- reading the mapping form -----------------------------------------------------------------

#: Where a Profile field lives in the mapping (TOML) form, for error messages.
_KEYS = {
    "name": "profile.name",
    "concerns": "profile.concerns",
    "method": "profile.weighting",
    "imprecision": "profile.imprecision",
    "horizon_years": "profile.horizon_years",
    "swing_range": "profile.swing_range",
    "ranking": "ranking.order",
    "ahp_criteria": "ahp.criteria",
    "ahp_matrix": "ahp.matrix",
}


def _build(t: Table, prefix: str, build: Callable[[], T]) -> T:
    """Run a constructor; its ProfileError is re-raised naming the file and the mapping's key.

    ``build`` only constructs: the values are read (through ``t``) before, so every error caught
    here is the constructor's, with a field path that ``prefix`` and :data:`_KEYS` turn into the
    mapping's key.
    """
    try:
        return build()
    except ProfileError as exc:
        head = re.match(r"\w*", exc.path)
        field_name = head.group() if head else ""
        key = prefix + _KEYS.get(field_name, field_name) + exc.path[len(field_name) :]
        raise type(exc)(
            exc.problem, file=t.file, path=key, value=exc.value, has_value=exc.has_value
        ) from None


def _ratings(t: Table) -> dict[str, Any]:
    """An importance or swing table as given: the Profile checks its ids, types and ranges."""
    t.allow(*t.data)
    return dict(t.data)


def _optional(t: Table, key: str) -> float | None:
    """A number that may be left out (``None``)."""
    return t.number(key) if t.has(key) else None


def _matrix(t: Table, key: str) -> tuple[tuple[float, ...], ...]:
    rows = t.raw(key)
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise t.wrong_type(key, "a list of lists of numbers", rows)
    return tuple(tuple(row) for row in rows)


def _from_table(t: Table) -> Profile:
    pt = t.table("profile", {})
    name = pt.text("name", "", empty=True)
    concerns = pt.texts("concerns", [])
    imprecision = pt.number("imprecision", 1.0)
    horizon_years = pt.raw("horizon_years", DEFAULT_HORIZON_YEARS)  # checked by the Profile
    swing_range = pt.raw("swing_range", "catalogue")  # checked by the Profile

    t.allow("importance", "ranking", "swing", "ahp", "limits", "health")
    tradeoff = None
    if t.has("tradeoff"):
        tt = t.table("tradeoff")
        values = {"benefit": tt.raw("benefit")}
        for key in ("low", "high"):
            if tt.has(key):
                values[key] = tt.raw(key)
        tt.done()
        tradeoff = _build(t, "tradeoff.", lambda: Tradeoff(**values))
    concern_importance = (
        _ratings(t.table("concern_importance")) if t.has("concern_importance") else {}
    )
    given = [k for k in ("importance", "ranking", "swing", "ahp") if t.has(k)]
    stated = pt.text("weighting", "", empty=True)
    if stated and stated not in WEIGHT_METHODS:
        raise pt.fail("weighting", f"must be one of {', '.join(WEIGHT_METHODS)}", stated)
    pt.done()
    if len(given) > 1:
        raise t.fail(given[1], f"state the weights one way only (found: {', '.join(given)})", given)
    if not given:
        raise t.fail("importance", "the profile says nothing about what matters (add [importance])")
    method = {"importance": "direct"}.get(given[0], given[0])
    if stated and stated != method:
        raise pt.fail("weighting", f"does not match the table given ([{given[0]}])", stated)

    weights: dict[str, Any] = {}
    if method == "direct":
        weights["importance"] = _ratings(t.table("importance"))
    elif method == "swing":
        weights["swing"] = _ratings(t.table("swing"))
    elif method == "ranking":
        rt = t.table("ranking")
        weights["ranking"] = rt.texts("order")
        rt.done()
    else:
        at = t.table("ahp")
        weights["ahp_criteria"] = at.texts("criteria")
        weights["ahp_matrix"] = _matrix(at, "matrix")
        at.done()

    lt = t.table("limits", {})
    limit_values: dict[str, Any] = {
        "max_downtime_days": _optional(lt, "max_downtime_days"),
        "max_cost": _optional(lt, "max_cost"),
        "currency": lt.text("currency") if lt.has("currency") else None,
        "needles": lt.flag("needles", True),
        "surgery": lt.flag("surgery", True),
    }
    lt.done()
    limits = _build(t, "limits.", lambda: Limits(**limit_values))

    ht = t.table("health", {})
    health_values: dict[str, Any] = {name: ht.flag(name, False) for name in HEALTH_FLAGS}
    health_values |= {
        "isotretinoin_months_ago": _optional(ht, "isotretinoin_months_ago"),
        "fitzpatrick": ht.integer("fitzpatrick") if ht.has("fitzpatrick") else None,
        "sex": ht.text("sex") if ht.has("sex") else None,
    }
    ht.done()
    health = _build(t, "health.", lambda: Health(**health_values))
    ready = None
    if t.has("ready"):
        rt = t.table("ready")
        ready_values = {k: rt.flag(k) for k, _ in SURE_QUESTIONS}
        rt.done()
        ready = _build(t, "ready.", lambda: Ready(**ready_values))
    t.done()
    return _build(
        t,
        "",
        lambda: Profile(
            name=name,
            concerns=concerns,
            method=method,
            imprecision=imprecision,
            horizon_years=horizon_years,
            swing_range=swing_range,
            limits=limits,
            health=health,
            tradeoff=tradeoff,
            concern_importance=concern_importance,
            ready=ready,
            **weights,
        ),
    )


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Load a profile from a TOML file (see ``docs/profile.md`` and ``example_profile.toml``).

    Raises:
        ProfileError: the file breaks the profile schema (the message names file, key, value).
        ProfileFileNotFoundError: there is no such file (also a ``FileNotFoundError``).
        ProfilePermissionError: it may not be read (also a ``PermissionError``).
    """
    check_path_text(os.fspath(path), ProfileError)
    p = Path(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise ProfileError(
            "is a folder, not a profile file", file=str(p), has_value=False
        ) from None
    except FileNotFoundError:
        raise ProfileFileNotFoundError("no such file", file=str(p)) from None
    except PermissionError:
        raise ProfilePermissionError("may not be read (permission denied)", file=str(p)) from None
    except OSError as exc:
        raise ProfileError(
            f"cannot be read: {exc.strerror}", file=str(p), has_value=False
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError("not UTF-8 text", file=str(p), has_value=False) from None
    try:
        data = parse_toml(text, str(p))
    except DataError as exc:
        raise ProfileError(exc.problem, file=str(p), has_value=False) from None
    return _from_table(Table(data, str(p), error=ProfileError))


def example_profile() -> Profile:
    """The documented example profile that ships with the package (``example_profile.toml``)."""
    from importlib.resources import files

    text = (files("antiage_compare") / "example_profile.toml").read_text(encoding="utf-8")
    data = parse_toml(text, "example_profile.toml")
    return _from_table(Table(data, "example_profile.toml", error=ProfileError))
