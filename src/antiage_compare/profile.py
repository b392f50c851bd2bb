"""The person: concerns, what matters to them, their deal-breakers and their health.

A :class:`Profile` is a frozen value. Build it with :meth:`Profile.from_dict`, :func:`load_profile`
(TOML) or :func:`example_profile`; :meth:`Profile.to_dict` gives back the same mapping, so JSON
and TOML round-trip. Weights can be stated four ways — direct importance ratings (0–10), a
ranking (rank-order centroid weights), swing ratings anchored on each criterion's worst-to-best
range in the catalogue, or AHP pairwise judgements — and are turned into weights by
:mod:`antiage_compare.weights`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import Attribute, field, frozen

from antiage_compare._parse import parse_currency
from antiage_compare._reader import Table, check_path_text, parse_toml
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.errors import (
    DataError,
    ProfileError,
    ProfileFileNotFoundError,
    ProfilePermissionError,
    ProfileTypeError,
)
from antiage_compare.model import CONCERNS, HealthCondition, check_currency, to_tuple

__all__ = ["PROFILE_TABLES", "Health", "Limits", "Profile", "example_profile", "load_profile"]

WEIGHT_METHODS = ("direct", "ranking", "swing", "ahp")
SEXES = ("female", "male", "other")


#: The top-level tables a profile file may have (``loading.file_kind`` tells profiles by them).
PROFILE_TABLES = frozenset({"profile", "importance", "ranking", "swing", "ahp", "limits", "health"})


def _optional_currency(inst: object, attribute: Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_currency(inst, attribute, value)  # type: ignore[arg-type]


@frozen(kw_only=True)
class Limits:
    """Deal-breakers: options beyond any of these are excluded before scoring.

    ``max_cost`` is in ``currency`` when that is given, else in the currency of the catalogue it
    is compared against (and the comparison says so). No amount is ever converted: a budget in
    another currency than the catalogue's prices is an error, not a guess.
    """

    max_downtime_days: float | None = None
    max_cost: float | None = None
    currency: str | None = field(default=None, validator=_optional_currency)
    needles: bool = True
    surgery: bool = True


@frozen(kw_only=True)
class Health:
    """The health facts that contraindications depend on. ``None`` means not stated."""

    pregnant: bool = False
    breastfeeding: bool = False
    anticoagulants: bool = False
    isotretinoin_months_ago: float | None = None
    keloid_tendency: bool = False
    fitzpatrick: int | None = None
    smoker: bool = False
    cold_sores: bool = False
    neuromuscular_disorder: bool = False
    active_skin_infection: bool = False
    sex: str | None = None

    def conditions(self) -> frozenset[HealthCondition]:
        """The health condition ids (as used by the catalogue's rules) that apply."""
        c = HealthCondition
        out = {
            flag
            for flag, on in (
                (c.PREGNANT, self.pregnant),
                (c.BREASTFEEDING, self.breastfeeding),
                (c.ANTICOAGULANTS, self.anticoagulants),
                (c.KELOID_TENDENCY, self.keloid_tendency),
                (c.SMOKER, self.smoker),
                (c.COLD_SORES, self.cold_sores),
                (c.NEUROMUSCULAR_DISORDER, self.neuromuscular_disorder),
                (c.ACTIVE_SKIN_INFECTION, self.active_skin_infection),
                (c.MALE, self.sex == "male"),
            )
            if on
        }
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
        ahp_criteria, ahp_matrix: the criteria and reciprocal pairwise matrix (``method="ahp"``).
        imprecision: how unsure the stated importances are, on the 0–10 scale (used by SMAA).
        limits: deal-breakers. health: health facts.
    """

    name: str = ""
    concerns: tuple[str, ...] = field(default=(), converter=to_tuple)
    method: str = "direct"
    importance: Mapping[str, float] = field(factory=dict)
    ranking: tuple[str, ...] = field(default=(), converter=to_tuple)
    swing: Mapping[str, float] = field(factory=dict)
    ahp_criteria: tuple[str, ...] = field(default=(), converter=to_tuple)
    ahp_matrix: tuple[tuple[float, ...], ...] = field(default=(), converter=to_tuple)
    imprecision: float = 1.0
    limits: Limits = field(factory=Limits)
    health: Health = field(factory=Health)

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
            }
        }
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
        health: dict[str, Any] = {
            k: getattr(h, k)
            for k in (
                "pregnant",
                "breastfeeding",
                "anticoagulants",
                "keloid_tendency",
                "smoker",
                "cold_sores",
                "neuromuscular_disorder",
                "active_skin_infection",
            )
        }
        for k in ("isotretinoin_months_ago", "fitzpatrick", "sex"):
            if getattr(h, k) is not None:
                health[k] = getattr(h, k)
        out["health"] = health
        return out

    def __repr__(self) -> str:
        return f"<Profile {self.name!r}: concerns={list(self.concerns)}, weighting={self.method}>"


def _criterion_map(t: Table, maximum: float) -> dict[str, float]:
    out: dict[str, float] = {}
    for key in list(t.data):
        if key not in CRITERION_IDS:
            raise t.fail(key, f"unknown criterion (known: {', '.join(CRITERION_IDS)})", key)
        out[key] = float(t.number(key, maximum=maximum))
    t.done()
    return out


def _from_table(t: Table) -> Profile:
    pt = t.table("profile", {})
    name = pt.text("name", "", empty=True)
    concerns = pt.texts("concerns", [])
    for i, c in enumerate(concerns):
        if c not in CONCERNS:
            raise pt.fail(f"concerns[{i}]", f"unknown concern (known: {', '.join(CONCERNS)})", c)
    if len(set(concerns)) != len(concerns):
        raise pt.fail("concerns", "lists a concern twice", list(concerns))
    imprecision = pt.number("imprecision", 1.0, maximum=10)

    t.allow("importance", "ranking", "swing", "ahp", "limits", "health")
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

    importance: dict[str, float] = {}
    ranking: tuple[str, ...] = ()
    swing: dict[str, float] = {}
    ahp_criteria: tuple[str, ...] = ()
    ahp_matrix: tuple[tuple[float, ...], ...] = ()
    if method == "direct":
        importance = _criterion_map(t.table("importance"), 10)
        if not any(importance.values()):
            raise t.fail("importance", "at least one criterion must matter (all are 0)", importance)
    elif method == "ranking":
        rt = t.table("ranking")
        ranking = rt.texts("order")
        rt.done()
        _check_criteria(rt, "order", ranking)
    elif method == "swing":
        swing = _criterion_map(t.table("swing"), 100)
        if not any(swing.values()):
            raise t.fail("swing", "at least one swing must matter (all are 0)", swing)
    else:
        at = t.table("ahp")
        ahp_criteria = at.texts("criteria")
        _check_criteria(at, "criteria", ahp_criteria)
        ahp_matrix = _matrix(at, "matrix", len(ahp_criteria))
        at.done()

    lt = t.table("limits", {})
    currency = None
    if lt.has("currency"):
        currency = parse_currency(lt, "currency")
        if not lt.has("max_cost"):
            raise lt.fail(
                "currency", "names the currency of max_cost, but there is no max_cost", currency
            )
    limits = Limits(
        max_downtime_days=lt.number("max_downtime_days", None)
        if lt.has("max_downtime_days")
        else None,
        max_cost=lt.number("max_cost", None) if lt.has("max_cost") else None,
        currency=currency,
        needles=lt.flag("needles", True),
        surgery=lt.flag("surgery", True),
    )
    lt.done()

    ht = t.table("health", {})
    sex = ht.text("sex", None) if ht.has("sex") else None
    if sex is not None and sex not in SEXES:
        raise ht.fail("sex", f"must be one of {', '.join(SEXES)}", sex)
    health = Health(
        pregnant=ht.flag("pregnant", False),
        breastfeeding=ht.flag("breastfeeding", False),
        anticoagulants=ht.flag("anticoagulants", False),
        isotretinoin_months_ago=(
            ht.number("isotretinoin_months_ago", None, maximum=1200)
            if ht.has("isotretinoin_months_ago")
            else None
        ),
        keloid_tendency=ht.flag("keloid_tendency", False),
        fitzpatrick=(
            ht.integer("fitzpatrick", None, minimum=1, maximum=6) if ht.has("fitzpatrick") else None
        ),
        smoker=ht.flag("smoker", False),
        cold_sores=ht.flag("cold_sores", False),
        neuromuscular_disorder=ht.flag("neuromuscular_disorder", False),
        active_skin_infection=ht.flag("active_skin_infection", False),
        sex=sex,
    )
    ht.done()
    t.done()
    return Profile(
        name=name,
        concerns=concerns,
        method=method,
        importance=importance,
        ranking=ranking,
        swing=swing,
        ahp_criteria=ahp_criteria,
        ahp_matrix=ahp_matrix,
        imprecision=imprecision,
        limits=limits,
        health=health,
    )


def _check_criteria(t: Table, key: str, ids: tuple[str, ...]) -> None:
    if not ids:
        raise t.fail(key, "must name at least one criterion", [])
    for i, c in enumerate(ids):
        if c not in CRITERION_IDS:
            raise t.fail(f"{key}[{i}]", f"unknown criterion (known: {', '.join(CRITERION_IDS)})", c)
    if len(set(ids)) != len(ids):
        raise t.fail(key, "names a criterion twice", list(ids))


def _matrix(t: Table, key: str, n: int) -> tuple[tuple[float, ...], ...]:
    rows = t.raw(key)
    if not isinstance(rows, list) or len(rows) != n:
        raise t.fail(key, f"must be a list of {n} rows (one per criterion)", rows)
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != n:
            raise t.fail(f"{key}[{i}]", f"must be a list of {n} numbers", row)
        vals = []
        for j, v in enumerate(row):
            if (
                isinstance(v, bool)
                or not isinstance(v, int | float)
                or not v > 0
                or v != v
                or v == float("inf")
            ):
                raise t.fail(f"{key}[{i}][{j}]", "must be a positive, finite number", v)
            vals.append(float(v))
        out.append(tuple(vals))
    for i in range(n):
        for j in range(n):
            if abs(out[i][j] * out[j][i] - 1) > 1e-6:
                raise t.fail(
                    f"{key}[{i}][{j}]",
                    f"is not the reciprocal of {key}[{j}][{i}] ({out[j][i]:g})",
                    out[i][j],
                )
    return tuple(out)


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
