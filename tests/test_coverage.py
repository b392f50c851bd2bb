"""Coverage, checked: every concern has an option short of surgery that evidence supports.

Issue 16 §3: each concern has a non-surgical option whose own effect figure for that concern is
graded at least "low", from a source that is evidence (not editorial, not a sales page) — or the
report says plainly that none exists.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from antiage_compare import compare, load_catalog
from antiage_compare.model import CONCERN_LABELS, CONCERNS
from antiage_compare.profile import Limits, example_profile
from antiage_compare.report import build_report_data

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog


@pytest.mark.parametrize("concern", CONCERNS)
def test_the_shipped_catalogue_meets_every_concern_short_of_surgery(concern: str) -> None:
    p = attrs.evolve(example_profile(), concerns=(concern,), limits=Limits())
    c = compare(p)
    assert c.unmet_concerns() == (), c.coverage_text()
    assert c.coverage_text() == ""


def _only_surgery_for_wrinkles(tmp_path: Path) -> Path:
    surgery = option_dict("opt_s", invasiveness="surgery")
    weak = option_dict("opt_w")  # every effect slight, graded low, from an RCT (S1) ...
    for e in weak["effects"].values():
        e["sources"] = ["EDITORIAL"]  # ... but the wrinkles figure rests on judgement only
    data = catalog_dict(surgery, weak, no_procedure_dict())
    data["claim"] = []
    data["source"].append({"id": "EDITORIAL", "title": "Our judgement", "kind": "editorial"})
    return write_catalog(tmp_path, data)


def test_a_concern_only_surgery_meets_is_named_in_the_report(tmp_path: Path) -> None:
    cat = load_catalog(_only_surgery_for_wrinkles(tmp_path))
    p = attrs.evolve(example_profile(), concerns=("wrinkles",), limits=Limits())
    c = compare(p, cat)
    assert c.unmet_concerns() == ("wrinkles",)
    assert CONCERN_LABELS["wrinkles"] in c.coverage_text()
    assert c.coverage_text() in build_report_data(c).fit.summary


def test_a_limit_that_removes_the_only_option_leaves_the_concern_unmet(tmp_path: Path) -> None:
    """Coverage is about the options open to the person: a deal-breaker can take it away."""
    opt = option_dict("opt_a")  # needles, an effect graded low from an RCT on every concern
    cat = load_catalog(write_catalog(tmp_path, catalog_dict(opt, no_procedure_dict())))
    p = attrs.evolve(example_profile(), concerns=("texture",), limits=Limits())
    assert compare(p, cat).unmet_concerns() == ()
    no_needles = attrs.evolve(p, limits=Limits(needles=False))
    assert compare(no_needles, cat).unmet_concerns() == ("texture",)


def test_a_very_low_grade_does_not_count(tmp_path: Path) -> None:
    opt = option_dict("opt_a")
    opt["effects"]["pigmentation"]["certainty"] = "very low"
    cat = load_catalog(write_catalog(tmp_path, catalog_dict(opt, no_procedure_dict())))
    p = attrs.evolve(example_profile(), concerns=("pigmentation", "texture"), limits=Limits())
    assert compare(p, cat).unmet_concerns() == ("pigmentation",)
