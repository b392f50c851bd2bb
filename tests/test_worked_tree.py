"""A published two-level value model, reproduced: Nutt, King & Phillips, Lancet 2010.

The Independent Scientific Committee on Drugs scored 20 drugs from 0 to 100 on 16 harm criteria
in two groups, harm to users (9 criteria) and harm to others (7), with swing weights; a leaf's
weight is its group's share times its share within the group, exactly as in
:func:`antiage_compare.tree.leaf_weights`. The fixture holds the committee's inputs and the cached
outputs of its workbook (every part score, within-group value and total) and the nine integers
of the paper's abstract. Higher scores are *worse* here (harms), which changes nothing in the
arithmetic.

Two of the nine published integers are not what ordinary rounding gives: the abstract prints
the "harm to others" part scores of heroin and crack as 21 and 17, where the model gives 21.59
and 17.51. Both equal the rounded overall score minus the rounded "harm to users" part score
(55 − 34, 54 − 37), which is how the test checks them; the other seven round exactly.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from antiage_compare.tree import leaf_weights

NUTT: dict[str, Any] = json.loads(
    (Path(__file__).parent / "fixtures" / "nutt2010_drug_harms.json").read_text(encoding="utf-8")
)
DRUGS = sorted(NUTT["scores"])
GROUPS = {"users": "harm_to_users", "others": "harm_to_others"}


def _weights() -> dict[str, float]:
    raw = NUTT["raw_weights"]
    total = sum(raw.values())
    shares = {g: sum(raw[k] for k in leaves) / total for g, leaves in NUTT["groups"].items()}
    ratings = {g: {k: float(raw[k]) for k in leaves} for g, leaves in NUTT["groups"].items()}
    return leaf_weights(shares, ratings)


def _model(drug: str) -> dict[str, float]:
    """Each group's within-group value (0–100), its part score, and the overall score."""
    w = _weights()
    score = dict(zip(NUTT["criteria"], NUTT["scores"][drug], strict=True))
    raw = NUTT["raw_weights"]
    out: dict[str, float] = {}
    for short, group in GROUPS.items():
        leaves = NUTT["groups"][group]
        gsum = sum(raw[k] for k in leaves)
        out[f"{short}_value"] = math.fsum(raw[k] / gsum * score[k] for k in leaves)
        out[f"{short}_part"] = math.fsum(w[k] * score[k] for k in leaves)
    out["total"] = math.fsum(w[k] * score[k] for k in NUTT["criteria"])
    return out


def _half_up(x: float) -> int:
    return math.floor(x + 0.5)


def test_the_leaf_weights_are_the_committees() -> None:
    """Group shares 359/784 and 425/784; each leaf weight is its raw swing weight ÷ 784."""
    w = _weights()
    raw = NUTT["raw_weights"]
    assert sum(raw.values()) == 784
    assert math.fsum(w.values()) == pytest.approx(1.0, abs=1e-15)
    for k, r in raw.items():
        assert w[k] == pytest.approx(r / 784, abs=1e-15)
    users = math.fsum(w[k] for k in NUTT["groups"]["harm_to_users"])
    assert 100 * users == pytest.approx(45.79081632653061, abs=1e-12)  # workbook cell C81


@pytest.mark.parametrize("drug", DRUGS)
def test_every_workbook_output_is_reproduced(drug: str) -> None:
    """Part scores, within-group values and totals for all 20 drugs, to the workbook's 6 dp."""
    got = _model(drug)
    for key, published in NUTT["workbook_outputs"][drug].items():
        assert got[key] == pytest.approx(published, abs=1e-6), (drug, key)


def test_the_published_abstract_numbers() -> None:
    """The overall and "harm to users" scores round to the printed integers; "others" by difference."""
    pub = NUTT["published_abstract"]
    for drug, value in pub["overall"].items():
        assert _half_up(_model(drug)["total"]) == value, drug
    for drug, value in pub["users_part"].items():
        assert _half_up(_model(drug)["users_part"]) == value, drug
    for drug, value in pub["others_part"].items():
        m = _model(drug)
        assert abs(m["others_part"] - value) < 0.6, drug
        assert _half_up(m["total"]) - _half_up(m["users_part"]) == value, drug
    ranking = sorted(DRUGS, key=lambda d: -_model(d)["total"])
    assert ranking[:3] == ["Alcohol", "Heroin", "Crack"]  # "alcohol ... first, heroin ... crack"


def test_splitting_a_leaf_moves_no_weight_between_groups() -> None:
    """Splitting one leaf into two with the same total rating leaves every group's share alone."""
    shares = {"a": 0.4, "b": 0.6}
    ratings = {"a": {"x": 10.0, "y": 30.0}, "b": {"z": 5.0}}
    split = {"a": {"x": 10.0, "y1": 12.0, "y2": 18.0}, "b": {"z": 5.0}}
    one, two = leaf_weights(shares, ratings), leaf_weights(shares, split)
    assert one["y"] == pytest.approx(two["y1"] + two["y2"])
    assert one["z"] == two["z"] == 0.6
    assert leaf_weights(shares, {"a": {"x": 0.0}, "b": {"z": 1.0}})["x"] == 0.0
