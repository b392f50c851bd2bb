"""Turn the way a person stated what matters (ratings, ranking, swings, AHP) into weights.

All four methods give the same kind of result, a :class:`Weights`: one weight per criterion
summing to 1, the method, and notes a person should see (for example an AHP consistency warning
naming the most inconsistent judgements).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen

from antiage_compare import mcda
from antiage_compare.criteria import BY_ID, CRITERION_IDS
from antiage_compare.errors import ProfileError
from antiage_compare.model import FrozenMap, to_tuple
from antiage_compare.profile import (
    WEIGHT_METHODS,
    Profile,
    choice,
    criterion_list,
    fail,
    ids,
    number,
    ratings,
)

__all__ = ["AHP_CR_LIMIT", "Weights", "resolve_weights"]

#: Saaty's conventional limit on the consistency ratio.
AHP_CR_LIMIT = 0.10


#: How far the weights may add up from 1 (float rounding of a normalisation is far smaller).
SUM_TOLERANCE = 1e-9


def _every_criterion(value: Mapping[str, float]) -> FrozenMap[str, float]:
    """Store weights read-only, in criterion order, with 0 for each criterion left out.

    Keys that are not criteria are kept (after the criteria) for the validator to name.
    """
    if not isinstance(value, Mapping):
        return value
    out = {c: value.get(c, 0.0) for c in CRITERION_IDS}
    out.update((k, v) for k, v in value.items() if k not in out)
    return FrozenMap(out)


def _sum_to_one(inst: Any, attribute: attrs.Attribute[Any], value: Mapping[str, float]) -> None:
    ratings(1)(inst, attribute, value)
    total = math.fsum(value.values())
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise fail(
            inst, attribute.name, f"must add up to 1 (they add up to {total:g})", dict(value)
        )


def _text_items(inst: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for i, note in enumerate(value):
        if not isinstance(note, str):
            msg = f"expected a string, got {type(note).__name__}"
            raise fail(inst, f"{attribute.name}[{i}]", msg, note, wrong_type=True)


@frozen
class Weights:
    """Criterion weights (summing to 1) and how they were obtained.

    Every field is checked on construction: the weights are finite numbers from 0 to 1 on known
    criteria that add up to 1 (a :class:`~antiage_compare.ProfileError` names the field and the
    value otherwise). Criteria left out get 0; ``values`` is read-only.

    Attributes:
        values: weight per criterion id, for every criterion (0 for those that do not matter).
        method: ``direct``, ``ranking``, ``swing`` or ``ahp``.
        order: for ``ranking``, the criteria from most to least important (SMAA samples
            weights consistent with this order); otherwise empty.
        notes: plain-language notes for the person (warnings, assumptions).
        consistency_ratio: AHP's consistency ratio, when AHP was used.
    """

    values: Mapping[str, float] = field(converter=_every_criterion, validator=_sum_to_one)
    method: str = field(validator=choice(WEIGHT_METHODS))
    order: tuple[str, ...] = field(default=(), converter=ids, validator=criterion_list)
    notes: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_text_items)
    consistency_ratio: float | None = field(default=None, validator=number(optional=True))

    def __repr__(self) -> str:
        shown = ", ".join(f"{c}={w:.3g}" for c, w in self.values.items() if w > 0)
        return f"<Weights {self.method}: {shown}>"

    def vector(self) -> tuple[float, ...]:
        """The weights in criterion order."""
        return tuple(self.values[c] for c in CRITERION_IDS)

    @property
    def active(self) -> tuple[str, ...]:
        """The criteria with a non-zero weight, in criterion order."""
        return tuple(c for c in CRITERION_IDS if self.values[c] > 0)


def _normalised(raw: Mapping[str, float]) -> dict[str, float]:
    total = math.fsum(raw.values())
    return {c: raw.get(c, 0.0) / total for c in CRITERION_IDS}


def resolve_weights(profile: Profile, spans: Mapping[str, float] | None = None) -> Weights:
    """The weights for ``profile``.

    Args:
        profile: the person.
        spans: for swing weighting, each criterion's worst-to-best range *in value units* across
            the catalogue (see :func:`antiage_compare.scoring.criterion_spans`). A swing rating
            values that observed range, so the weight on the full 0–1 value scale is the rating
            divided by the span.
    """
    if profile.method == "direct":
        return Weights(_normalised(profile.importance), "direct")
    if profile.method == "ranking":
        roc = mcda.roc_weights(len(profile.ranking))
        return Weights(
            _normalised(dict(zip(profile.ranking, roc, strict=True))),
            "ranking",
            order=profile.ranking,
            notes=("Weights come from your ranking (rank-order centroid weights).",),
        )
    if profile.method == "swing":
        if spans is None:
            msg = "swing weighting needs the catalogue's criterion spans"
            raise ProfileError(msg, path="swing", has_value=False)
        raw: dict[str, float] = {}
        notes = []
        for c, rating in profile.swing.items():
            span = spans.get(c, 0.0)
            if rating > 0 and span <= 1e-12:
                notes.append(
                    f"All options are alike on {BY_ID[c].label.lower()}, so it cannot change the order."
                )
                continue
            raw[c] = rating / span if rating > 0 else 0.0
        if not any(raw.values()):
            msg = "every criterion you rated is the same for all options"
            raise ProfileError(msg, path="swing", value=dict(profile.swing))
        return Weights(_normalised(raw), "swing", notes=tuple(notes))
    result = mcda.ahp(profile.ahp_matrix)
    notes = []
    if result.consistency_ratio > AHP_CR_LIMIT:
        worst = mcda.ahp_inconsistencies(profile.ahp_matrix, result.weights)[:2]
        pairs = "; ".join(
            f"{BY_ID[profile.ahp_criteria[w.i]].label.lower()} versus "
            f"{BY_ID[profile.ahp_criteria[w.j]].label.lower()} (you said {w.given:g}, "
            f"your other answers imply about {w.implied:.2g})"
            for w in worst
        )
        notes.append(
            f"Your comparisons are not very consistent (consistency ratio "
            f"{result.consistency_ratio:.2f}, above {AHP_CR_LIMIT:.2f}). Look again at: {pairs}."
        )
    return Weights(
        _normalised(dict(zip(profile.ahp_criteria, result.weights, strict=True))),
        "ahp",
        notes=tuple(notes),
        consistency_ratio=result.consistency_ratio,
    )
