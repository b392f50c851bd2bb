"""Tests written against mutmut's surviving mutants of antiage_compare.weights (issue 11).

They pin what a person or a caller sees: the exact validation messages of ``Weights``, its
``repr``, the notes ``raw_weights`` writes, and the branches of the small helpers (equal concern
shares, swing criteria that cannot weigh, lasting, the implied trade-off share). The mutants left
alive are listed with their reasons in docs/mutation-survivors.md.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from antiage_compare import Profile, ProfileError, ProfileTypeError
from antiage_compare.profile import BURDEN_CRITERIA, Tradeoff
from antiage_compare.weights import (
    EVIDENCE_NOTE,
    FLAT_NOTE,
    Weights,
    concern_shares,
    implied_tree_share,
    lasting_weight,
    leaf_keys,
    raw_weights,
    resolve_weights,
)

KNOWN = (
    "cost, downtime, effect:acne_scars, effect:fine_lines, effect:laxity, effect:pigmentation, "
    "effect:texture, effect:volume_loss, effect:wrinkles, invasiveness, serious_risk, sessions, "
    "side_effects"
)


@pytest.mark.parametrize(
    ("kwargs", "error", "path", "value", "message"),
    [
        ({"values": 5}, ProfileTypeError, "values", 5,
         "Weights: values: expected a mapping of leaf keys to weights, got int (got 5)"),
        ({"values": {}}, ProfileError, "values", {},
         "Weights: values: must weigh at least one leaf (got {})"),
        ({"values": {"bogus": 1.0}}, ProfileError, "values.bogus", "bogus",
         f"Weights: values.bogus: unknown leaf (known: {KNOWN}) (got 'bogus')"),
        ({"values": {"cost": "1"}}, ProfileError, "values.cost", "1",
         "Weights: values.cost: must be a number from 0 to 1 (got '1')"),
        ({"values": {"cost": True}}, ProfileError, "values.cost", True,
         "Weights: values.cost: must be a number from 0 to 1 (got True)"),
        ({"values": {"cost": 1.5}}, ProfileError, "values.cost", 1.5,
         "Weights: values.cost: must be a number from 0 to 1 (got 1.5)"),
        ({"values": {"cost": -0.5, "downtime": 1.5}}, ProfileError, "values.cost", -0.5,
         "Weights: values.cost: must be a number from 0 to 1 (got -0.5)"),
        ({"values": {"cost": 0.5}}, ProfileError, "values", {"cost": 0.5},
         "Weights: values: must add up to 1 (they add up to 0.5) (got {'cost': 0.5})"),
        ({"values": {"cost": 1.0}, "notes": ("a", 3)}, ProfileTypeError, "notes[1]", 3,
         "Weights: notes[1]: expected a string, got int (got 3)"),
    ],
)  # fmt: skip
def test_weights_validation_word_for_word(
    kwargs: dict[str, Any], error: type[Exception], path: str, value: object, message: str
) -> None:
    """Each bad field is named with its path and value, as the right error type."""
    with pytest.raises(ProfileError) as info:
        Weights(method="direct", **kwargs)
    assert type(info.value) is error
    assert str(info.value) == message
    assert info.value.path == path
    assert info.value.value == value


def test_weights_accept_the_ends_of_the_range() -> None:
    """0 and 1 are weights; a leaf may carry all the weight."""
    assert Weights({"cost": 1.0, "downtime": 0.0}, "direct").values == {"cost": 1.0, "downtime": 0}


def test_weights_repr_shows_kind_benefit_and_the_weighed_leaves() -> None:
    """The repr leaves out zero weights and says tree or flat."""
    tree = Weights({"effect:wrinkles": 0.5, "cost": 0.5, "downtime": 0.0}, "direct", benefit=0.5)
    assert repr(tree) == "<Weights direct tree: benefit 0.5; effect:wrinkles=0.5, cost=0.5>"
    flat = Weights({"cost": 1.0}, "swing", tree=False)
    assert repr(flat) == "<Weights swing flat: benefit 0; cost=1>"


def test_leaf_keys_are_one_effect_per_concern_then_the_burdens() -> None:
    """The person's concerns in their order, then every burden."""
    assert leaf_keys(("laxity", "wrinkles")) == (
        "effect:laxity",
        "effect:wrinkles",
        *BURDEN_CRITERIA,
    )


def test_ranking_note_word_for_word() -> None:
    """A ranking says where its numbers come from."""
    raw, notes, cr = raw_weights(Profile(method="ranking", ranking=("cost", "effectiveness")))
    assert raw == {"cost": 0.75, "effectiveness": 0.25}
    assert notes == ["Weights come from your ranking (rank-order centroid weights)."]
    assert cr is None


def test_swing_without_spans_is_an_error_without_a_value() -> None:
    """Swing weights need the catalogue's spans; the error names swing and shows no value."""
    with pytest.raises(ProfileError) as info:
        raw_weights(Profile(method="swing", swing={"cost": 50}))
    assert type(info.value) is ProfileError
    assert str(info.value) == "<data>: swing: swing weighting needs the catalogue's criterion spans"
    assert info.value.path == "swing"
    assert info.value.has_value is False


def test_swing_divides_by_the_span_and_drops_criteria_that_cannot_weigh() -> None:
    """Rating ÷ span; a rated criterion with no span (or one of 1e-12) gets a note each.

    An unrated criterion (rating 0) weighs 0 even when its span is 0, without a note.
    """
    profile = Profile(
        method="swing",
        swing={"cost": 50, "downtime": 1, "sessions": 0, "serious_risk": 20, "side_effects": 10},
    )
    spans = {"cost": 2.0, "downtime": 1e-12, "sessions": 0.0, "side_effects": 4.0}
    raw, notes, cr = raw_weights(profile, spans)
    assert raw == {"cost": 25.0, "sessions": 0.0, "side_effects": 2.5}
    assert notes == [
        "All options are alike on time before you feel fine to be seen, so it cannot change the order.",
        "All options are alike on serious risks, so it cannot change the order.",
    ]
    assert cr is None


def test_swing_rating_of_one_is_divided_by_its_span() -> None:
    """A rating of 1 counts like any other (no cut-off at 1)."""
    raw, notes, _ = raw_weights(Profile(method="swing", swing={"cost": 1}), {"cost": 0.5})
    assert raw == {"cost": 2.0}
    assert notes == []


def test_inconsistent_ahp_names_the_two_worst_judgements() -> None:
    """Above CR 0.10 the note names the two most inconsistent judgements, in lower case."""
    m = ((1, 9, 1 / 9), (1 / 9, 1, 9), (9, 1 / 9, 1))
    profile = Profile(
        method="ahp", ahp_criteria=("effectiveness", "cost", "downtime"), ahp_matrix=m
    )
    raw, notes, cr = raw_weights(profile)
    assert raw == pytest.approx({"effectiveness": 1 / 3, "cost": 1 / 3, "downtime": 1 / 3})
    assert cr == pytest.approx(6.130268199233717)
    assert notes == [
        "Your comparisons are not very consistent (consistency ratio 6.13, above 0.10). Look "
        "again at: visible effect on your concerns versus cost over the time horizon (you said 9, "
        "your other answers imply about 1); visible effect on your concerns versus time before "
        "you feel fine to be seen (you said 0.111111, your other answers imply about 1)."
    ]


@pytest.mark.parametrize(
    ("concerns", "ratings", "want"),
    [
        (("wrinkles", "laxity"), {}, {"wrinkles": 0.5, "laxity": 0.5}),
        (("wrinkles", "laxity"), {"wrinkles": 0, "laxity": 0}, {"wrinkles": 0.5, "laxity": 0.5}),
        (("wrinkles", "laxity"), {"wrinkles": 1}, {"wrinkles": 1.0, "laxity": 0.0}),
        (
            ("wrinkles", "laxity", "texture"),
            {"wrinkles": 3, "texture": 1},
            {"wrinkles": 0.75, "laxity": 0.0, "texture": 0.25},
        ),
    ],
)
def test_concern_shares(concerns: tuple[str, ...], ratings: dict[str, int], want: Any) -> None:
    """Equal shares unless rated; an unrated concern gets 0; all zero is treated as unrated."""
    profile = Profile(concerns=concerns, concern_importance=ratings, importance={"cost": 1})
    assert concern_shares(profile) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ({"durability": 4}, 0.0),
        ({"effectiveness": 0, "durability": 4}, 0.0),
        ({"effectiveness": 10, "durability": 4}, 0.4),
        ({"effectiveness": 2, "durability": 4}, 1.0),
    ],
)
def test_lasting_weight(raw: dict[str, float], want: float) -> None:
    """Durability ÷ effect, at most 1; 0 when the effect is not rated."""
    assert lasting_weight(raw) == want


def test_evidence_note_only_when_evidence_is_rated() -> None:
    """Rating evidence (even 1) adds the note; not rating it does not."""
    rated = resolve_weights(Profile(importance={"cost": 1, "effectiveness": 2, "evidence": 1}))
    assert EVIDENCE_NOTE in rated.notes
    unrated = resolve_weights(Profile(importance={"cost": 1, "effectiveness": 2}))
    assert EVIDENCE_NOTE not in unrated.notes


def test_swing_burdens_all_alike_cannot_weigh() -> None:
    """With a trade-off, burdens that are all alike across the options are an error, so worded."""
    profile = Profile(
        method="swing", swing={"effectiveness": 50, "cost": 30}, tradeoff=Tradeoff(benefit=50)
    )
    with pytest.raises(ProfileError) as info:
        resolve_weights(profile, {"effectiveness": 1.0, "cost": 0.0})
    assert str(info.value) == (
        "<data>: swing: every burden you rated is the same for all options, so the burdens "
        "cannot weigh (got {'effectiveness': 50.0})"
    )


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ({"effectiveness": 6, "cost": 2, "downtime": 4}, 0.6),
        ({"effectiveness": 6}, 1.0),
        ({"cost": 2}, 0.0),
        ({}, 0.0),
    ],
)
def test_implied_tree_share(raw: dict[str, float], want: float) -> None:
    """Top benefit ÷ (top benefit + top burden); 0 when nothing is rated."""
    assert implied_tree_share(raw) == want


def test_swing_effect_alike_cannot_weigh() -> None:
    """With a trade-off, a visible effect that is alike across the options is an error."""
    profile = Profile(
        method="swing", swing={"effectiveness": 50, "cost": 30}, tradeoff=Tradeoff(benefit=50)
    )
    with pytest.raises(ProfileError) as info:
        resolve_weights(profile, {"effectiveness": 0.0, "cost": 1.0})
    assert type(info.value) is ProfileError
    assert str(info.value) == (
        "<data>: swing: the visible effect is the same for all options, so the benefits cannot "
        "weigh (got {'cost': 30.0})"
    )
    assert info.value.path == "swing"
    assert info.value.value == {"cost": 30.0}


def test_swing_burdens_alike_names_the_method_and_the_raw_weights() -> None:
    """The burden error's path is the method and its value the raw weights."""
    profile = Profile(
        method="swing", swing={"effectiveness": 50, "cost": 30}, tradeoff=Tradeoff(benefit=50)
    )
    with pytest.raises(ProfileError) as info:
        resolve_weights(profile, {"effectiveness": 1.0, "cost": 0.0})
    assert info.value.path == "swing"
    assert info.value.value == {"effectiveness": 50.0}


def test_flat_swing_with_nothing_that_can_weigh() -> None:
    """Without a trade-off, every rated criterion alike leaves nothing to weigh: an error."""
    profile = Profile(method="swing", swing={"effectiveness": 50, "cost": 30})
    with pytest.raises(ProfileError) as info:
        resolve_weights(profile, {"effectiveness": 0.0, "cost": 0.0})
    assert type(info.value) is ProfileError
    assert str(info.value) == (
        "<data>: swing: nothing that is weighed is rated: rate the visible effect "
        "(effectiveness) or a burden (serious_risk, side_effects, downtime, invasiveness, cost, "
        "sessions); certainty and durability qualify the effect and are not weighed on their "
        "own (got {})"
    )
    assert info.value.path == "swing"
    assert info.value.value == {}


def test_flat_weights_say_so_first_and_are_not_a_tree() -> None:
    """The flat-weighting note comes before every other note; ``tree`` is False."""
    weights = resolve_weights(Profile(importance={"cost": 1, "effectiveness": 2, "evidence": 1}))
    assert weights.notes == (FLAT_NOTE, EVIDENCE_NOTE)
    assert weights.tree is False


def test_only_a_ranking_keeps_its_order() -> None:
    """``order`` is the ranking for ``method="ranking"`` and empty otherwise."""
    ranked = resolve_weights(Profile(method="ranking", ranking=("cost", "effectiveness")))
    assert ranked.order == ("cost", "effectiveness")
    assert resolve_weights(Profile(importance={"cost": 1, "effectiveness": 2})).order == ()


def test_swing_over_the_bounds_takes_the_ratings_as_the_raw_weights() -> None:
    """``swing_range = "bounds"``: each rating is its raw weight, as a float; no spans needed."""
    profile = Profile(
        method="swing", swing_range="bounds", swing={"effectiveness": 100, "cost": 40}
    )
    raw, notes, cr = raw_weights(profile)
    assert raw == {"effectiveness": 100.0, "cost": 40.0}
    assert all(type(w) is float for w in raw.values())
    assert notes == []
    assert cr is None


def test_a_trade_off_all_on_the_benefits_needs_no_burden_rating() -> None:
    """Benefit share 100: no burden is rated, and that is not an error; every burden weighs 0."""
    profile = Profile(importance={"effectiveness": 5}, tradeoff=Tradeoff(benefit=100))
    weights = resolve_weights(profile)
    assert weights.tree is True
    assert weights.benefit == 1.0
    assert math.fsum(w for k, w in weights.values.items() if k.startswith("effect:")) == 1.0
    assert all(weights.values[c] == 0.0 for c in BURDEN_CRITERIA)
