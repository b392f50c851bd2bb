"""Turn the way a person stated what matters into weights on the leaves of the value tree.

A person states each criterion's importance one of four ways (direct ratings 0–10, a ranking,
swing ratings anchored on the catalogue's ranges, or AHP pairwise judgements): these give a
*raw weight* per criterion. They then become one weight per **leaf** (see
:mod:`antiage_compare.tree`): the visible effect on each of the person's concerns, and each
burden.

* **The value tree** (a profile with ``[tradeoff]``): the benefits get the stated share ``β``,
  split between the concerns by ``[concern_importance]`` (equally by default); the burdens share
  ``1 − β`` in proportion to their raw weights *within the burden group*. How many leaves a
  group has never moves weight between the groups.
* **Flat weighting** (a profile without ``[tradeoff]``, as written before the tree): every raw
  weight is divided by their total, so the benefit's share is whatever the ratings imply. It is
  kept, labelled, for profiles that exist; the comparison also checks it against the tree.

``evidence`` and ``durability`` are not leaves: certainty qualifies each effect, and the raw
weight of durability relative to the effect's sets how much lasting matters (``lasting``, 0–1).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs import field, frozen

from antiage_compare import mcda
from antiage_compare.criteria import BY_ID
from antiage_compare.errors import ProfileError
from antiage_compare.model import CONCERNS, FrozenMap, to_frozen_map, to_tuple
from antiage_compare.profile import (
    BENEFIT_CRITERION,
    BURDEN_CRITERIA,
    WEIGHT_METHODS,
    Profile,
    choice,
    criterion_list,
    fail,
    ids,
    number,
)
from antiage_compare.tree import effect_key, scored_concerns

__all__ = ["AHP_CR_LIMIT", "Weights", "leaf_keys", "resolve_weights"]

#: Saaty's conventional limit on the consistency ratio.
AHP_CR_LIMIT = 0.10

#: How far the weights may add up from 1 (float rounding of a normalisation is far smaller).
SUM_TOLERANCE = 1e-9

EVIDENCE_NOTE = (
    "You rated how sure the evidence is. It is not weighed on its own: it sets how much a "
    "visible effect known with less certainty counts for less, in proportion to how highly you "
    "rated it against the visible effect itself."
)
FLAT_NOTE = (
    "This profile states no trade-off between the benefits and the burdens, so its ratings "
    "are shared out over all criteria at once (flat weighting, kept for older profiles)."
)


def leaf_keys(concerns: Sequence[str]) -> tuple[str, ...]:
    """The leaf keys for a person's concerns: one effect leaf per concern, then the burdens."""
    return (*(effect_key(c) for c in scored_concerns(concerns)), *BURDEN_CRITERIA)


_LEAF_KEYS = frozenset((*(effect_key(c) for c in CONCERNS), *BURDEN_CRITERIA))


def _leaf_weights(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: leaf key → weight 0–1, adding up to 1."""
    name = attribute.name
    if not isinstance(value, Mapping):
        msg = f"expected a mapping of leaf keys to weights, got {type(value).__name__}"
        raise fail(inst, name, msg, value, wrong_type=True)
    if not value:
        raise fail(inst, name, "must weigh at least one leaf", dict(value))
    for key, w in value.items():
        if key not in _LEAF_KEYS:
            known = ", ".join(sorted(_LEAF_KEYS))
            raise fail(inst, f"{name}.{key}", f"unknown leaf (known: {known})", key)
        if isinstance(w, bool) or not isinstance(w, int | float) or not 0.0 <= w <= 1.0:
            raise fail(inst, f"{name}.{key}", "must be a number from 0 to 1", w)
    total = math.fsum(value.values())
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise fail(inst, name, f"must add up to 1 (they add up to {total:g})", dict(value))


def _text_items(inst: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for i, note in enumerate(value):
        if not isinstance(note, str):
            msg = f"expected a string, got {type(note).__name__}"
            raise fail(inst, f"{attribute.name}[{i}]", msg, note, wrong_type=True)


@frozen
class Weights:
    """Leaf weights (summing to 1), the benefit share, and how they were obtained.

    Every field is checked on construction (a :class:`~antiage_compare.ProfileError` names the
    field and the value); ``values`` is read-only and keeps the leaves' order.

    Attributes:
        values: weight per leaf key (``"effect:<concern>"`` or a burden criterion id), benefit
            leaves first, in the order of :func:`leaf_keys`.
        method: how the ratings were stated: ``direct``, ``ranking``, ``swing`` or ``ahp``.
        tree: true for the value tree (a stated trade-off), false for flat weighting.
        benefit: the benefits' share of the weight (0–1): stated (tree) or implied (flat).
        lasting: how much lasting matters inside the benefit (0–1): the raw weight of
            durability relative to that of the effect, at most 1.
        certainty: how much strong evidence matters inside the benefit (0–1): the raw weight of
            evidence relative to that of the effect, at most 1; it sets how much a less certain
            effect is held back (:func:`antiage_compare.tree.certainty_factor`).
        raw: the raw weight per criterion before any normalisation (what was stated, in the
            method's own units), for the uncertainty analysis and the flat-profile check.
        order: for ``ranking``, the criteria from most to least important; otherwise empty.
        notes: plain-language notes for the person (warnings, assumptions).
        consistency_ratio: AHP's consistency ratio, when AHP was used.
    """

    values: Mapping[str, float] = field(converter=to_frozen_map, validator=_leaf_weights)
    method: str = field(validator=choice(WEIGHT_METHODS))
    tree: bool = True
    benefit: float = field(default=0.0, validator=number(maximum=1))
    lasting: float = field(default=0.0, validator=number(maximum=1))
    certainty: float = field(default=0.0, validator=number(maximum=1))
    raw: Mapping[str, float] = field(factory=FrozenMap, converter=to_frozen_map)
    order: tuple[str, ...] = field(default=(), converter=ids, validator=criterion_list)
    notes: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_text_items)
    consistency_ratio: float | None = field(default=None, validator=number(optional=True))

    def __repr__(self) -> str:
        shown = ", ".join(f"{c}={w:.3g}" for c, w in self.values.items() if w > 0)
        kind = "tree" if self.tree else "flat"
        return f"<Weights {self.method} {kind}: benefit {self.benefit:.3g}; {shown}>"

    @property
    def leaves(self) -> tuple[str, ...]:
        """The leaf keys, in order."""
        return tuple(self.values)

    def vector(self) -> tuple[float, ...]:
        """The weights in leaf order."""
        return tuple(self.values.values())

    @property
    def active(self) -> tuple[str, ...]:
        """The leaves with a non-zero weight, in leaf order."""
        return tuple(k for k, w in self.values.items() if w > 0)


def raw_weights(
    profile: Profile, spans: Mapping[str, float] | None = None
) -> tuple[dict[str, float], list[str], float | None]:
    """Each criterion's raw weight as the profile states it, notes, and AHP's consistency ratio.

    Args:
        profile: the person.
        spans: for swing weighting over the catalogue (``swing_range = "catalogue"``), each
            criterion's worst-to-best range in value units across the catalogue: a swing rating
            values that observed range, so the raw weight on the full 0–1 value scale is the
            rating divided by the span. A swing over the fixed bounds (``"bounds"``) spans the
            whole scale, so its rating is the raw weight and ``spans`` is not needed.
    """
    notes: list[str] = []
    if profile.method == "direct":
        return {c: float(r) for c, r in profile.importance.items()}, notes, None
    if profile.method == "ranking":
        roc = mcda.roc_weights(len(profile.ranking))
        notes.append("Weights come from your ranking (rank-order centroid weights).")
        return dict(zip(profile.ranking, roc, strict=True)), notes, None
    if profile.method == "swing" and profile.swing_range == "bounds":
        # Over the fixed bounds a swing spans the whole 0–1 value scale: the rating is the weight.
        return {c: float(r) for c, r in profile.swing.items()}, notes, None
    if profile.method == "swing":
        if spans is None:
            msg = "swing weighting needs the catalogue's criterion spans"
            raise ProfileError(msg, path="swing", has_value=False)
        raw: dict[str, float] = {}
        for c, rating in profile.swing.items():
            span = spans.get(c, 0.0)
            if rating > 0 and span <= 1e-12:
                notes.append(
                    f"All options are alike on {BY_ID[c].label.lower()}, so it cannot change the order."
                )
                continue
            raw[c] = rating / span if rating > 0 else 0.0
        return raw, notes, None
    result = mcda.ahp(profile.ahp_matrix)
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
    raw = dict(zip(profile.ahp_criteria, result.weights, strict=True))
    return raw, notes, result.consistency_ratio


def concern_shares(profile: Profile) -> dict[str, float]:
    """How the benefit splits between the person's concerns (equally unless rated)."""
    concerns = scored_concerns(profile.concerns)
    ratings = profile.concern_importance
    if not ratings:
        return {c: 1.0 / len(concerns) for c in concerns}
    total = math.fsum(ratings.get(c, 0.0) for c in concerns)
    if total <= 0:
        return {c: 1.0 / len(concerns) for c in concerns}
    return {c: ratings.get(c, 0.0) / total for c in concerns}


def lasting_weight(raw: Mapping[str, float]) -> float:
    """How much lasting matters: durability's raw weight ÷ the effect's, at most 1 (0 if unrated)."""
    return _qualifier_weight(raw, "durability")


def certainty_weight(raw: Mapping[str, float]) -> float:
    """How much strong evidence matters: evidence's raw weight ÷ the effect's, at most 1 (0 if unrated)."""
    return _qualifier_weight(raw, "evidence")


def _qualifier_weight(raw: Mapping[str, float], criterion: str) -> float:
    effect = raw.get(BENEFIT_CRITERION, 0.0)
    if effect <= 0:
        return 0.0
    return min(1.0, raw.get(criterion, 0.0) / effect)


def resolve_weights(profile: Profile, spans: Mapping[str, float] | None = None) -> Weights:
    """The leaf weights for ``profile`` (see the module docstring).

    Raises:
        ProfileError: nothing that scores is rated (for example only ``evidence``), or every
            rated swing is the same for all options.
    """
    raw, notes, cr = raw_weights(profile, spans)
    if raw.get("evidence", 0.0) > 0:
        notes.append(EVIDENCE_NOTE)
    shares = concern_shares(profile)
    burdens = {c: raw.get(c, 0.0) for c in BURDEN_CRITERIA}
    burden_total = math.fsum(burdens.values())
    effect = raw.get(BENEFIT_CRITERION, 0.0)
    if profile.tradeoff is not None:
        beta = profile.tradeoff.share
        if beta < 1.0 and burden_total <= 0:
            msg = "every burden you rated is the same for all options, so the burdens cannot weigh"
            raise ProfileError(msg, path=profile.method, value=dict(raw))
        if beta > 0.0 and effect <= 0:
            msg = "the visible effect is the same for all options, so the benefits cannot weigh"
            raise ProfileError(msg, path=profile.method, value=dict(raw))
        values = {effect_key(c): beta * s for c, s in shares.items()}
        values |= {
            c: (1.0 - beta) * r / burden_total if burden_total > 0 else 0.0
            for c, r in burdens.items()
        }
        tree = True
    else:
        total = effect + burden_total
        if total <= 0:
            msg = (
                "nothing that is weighed is rated: rate the visible effect (effectiveness) or a "
                f"burden ({', '.join(BURDEN_CRITERIA)}); certainty and durability qualify the "
                "effect and are not weighed on their own"
            )
            raise ProfileError(msg, path=profile.method, value=dict(raw))
        beta = effect / total
        values = {effect_key(c): beta * s for c, s in shares.items()}
        values |= {c: r / total for c, r in burdens.items()}
        notes.insert(0, FLAT_NOTE)
        tree = False
    return Weights(
        values,
        profile.method,
        tree=tree,
        benefit=beta,
        lasting=lasting_weight(raw),
        certainty=certainty_weight(raw),
        raw=raw,
        order=profile.ranking if profile.method == "ranking" else (),
        notes=tuple(notes),
        consistency_ratio=cr,
    )


def implied_tree_share(raw: Mapping[str, float]) -> float:
    """The benefit share (0–1) the bias guard compares a flat profile with.

    ``highest benefit rating ÷ (highest benefit rating + highest burden rating)``: what the
    person's strongest feelings on each side imply when neither side can win by its number of
    criteria.
    """
    top_benefit = raw.get(BENEFIT_CRITERION, 0.0)
    top_burden = max((raw.get(c, 0.0) for c in BURDEN_CRITERIA), default=0.0)
    total = top_benefit + top_burden
    return top_benefit / total if total > 0 else 0.0
