"""A figure's "how sure" grade reflects its own sources: a clinic page is never "high".

Three places: :func:`~antiage_compare.model.figure_grade` (the rule), the loader (an effect
graded above what its sources bear is refused, naming file, field and value) and the report (every
badge is the figure's own grade, capped by its sources).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antiage_compare import DataError, compare, load_catalog
from antiage_compare.model import Certainty, SourceKind, figure_grade
from antiage_compare.report import build_report_data

from .factories import SOURCES, catalog_dict, no_procedure_dict, option_dict, write_catalog
from .test_smaa import direct

grades = st.sampled_from(list(Certainty))
kinds = st.lists(st.sampled_from(list(SourceKind)), max_size=5)


def test_the_ceilings_follow_the_evidence_hierarchy() -> None:
    """Trials bear any grade, observational studies moderate, case series low, sales pages less.

    The data team's judgement has no ceiling of its own.
    """
    assert SourceKind.RCT.ceiling is Certainty.HIGH
    assert SourceKind.SYSTEMATIC_REVIEW.ceiling is Certainty.HIGH
    assert SourceKind.LABEL.ceiling is Certainty.HIGH
    assert SourceKind.COHORT.ceiling is Certainty.MODERATE
    assert SourceKind.REVIEW.ceiling is Certainty.MODERATE
    assert SourceKind.CASE_SERIES.ceiling is Certainty.LOW
    assert SourceKind.NEWS.ceiling is Certainty.LOW
    assert SourceKind.PRACTITIONER_PAGE.ceiling is Certainty.VERY_LOW
    assert SourceKind.AGGREGATOR.ceiling is Certainty.VERY_LOW
    assert SourceKind.EDITORIAL.ceiling is None
    assert all(k.ceiling is not None for k in SourceKind if k is not SourceKind.EDITORIAL)


def test_a_clinic_page_is_never_high_and_the_best_source_sets_the_ceiling() -> None:
    page, trial, series = SourceKind.PRACTITIONER_PAGE, SourceKind.RCT, SourceKind.CASE_SERIES
    assert figure_grade(Certainty.HIGH, [page]) is Certainty.VERY_LOW
    assert figure_grade(Certainty.HIGH, [page, series]) is Certainty.LOW
    assert figure_grade(Certainty.HIGH, [page, trial]) is Certainty.HIGH
    assert figure_grade(Certainty.LOW, [trial]) is Certainty.LOW  # never raised
    assert figure_grade(Certainty.MODERATE, [SourceKind.EDITORIAL]) is Certainty.MODERATE
    assert figure_grade(Certainty.MODERATE, []) is Certainty.MODERATE


@given(grades, kinds)
def test_a_figure_grade_never_exceeds_its_grade_nor_its_best_source(
    grade: Certainty, ks: list[SourceKind]
) -> None:
    got = figure_grade(grade, ks)
    assert got.level <= grade.level
    ceilings = [k.ceiling.level for k in ks if k.ceiling is not None]
    if ceilings:
        assert got.level == min(grade.level, max(ceilings))
    else:
        assert got is grade


@given(grades, kinds, st.sampled_from(list(SourceKind)))
def test_another_source_never_lowers_a_figure_grade(
    grade: Certainty, ks: list[SourceKind], extra: SourceKind
) -> None:
    """Once a figure has one source that is evidence, more sources can only raise the cap."""
    ks = [SourceKind.CASE_SERIES, *ks]
    assert figure_grade(grade, [*ks, extra]).level >= figure_grade(grade, ks).level


# ------------------------------------------------------------------------------ the loader
def _with_clinic_page(tmp_path: Path, **effect: Any) -> Path:
    sources = [*SOURCES, {"id": "P1", "title": "A clinic's page", "kind": "practitioner_page"}]
    opt = option_dict()
    opt["certainty"]["level"] = "high"
    opt["effects"]["wrinkles"].update(sources=["P1"], **effect)
    data = catalog_dict(opt, no_procedure_dict())
    data["source"] = sources
    return write_catalog(tmp_path, data)


def test_an_effect_graded_above_its_sources_is_refused_naming_file_field_and_value(
    tmp_path: Path,
) -> None:
    path = _with_clinic_page(tmp_path, certainty="moderate")
    with pytest.raises(DataError) as info:
        load_catalog(path)
    msg = str(info.value)
    assert str(path) in msg
    assert info.value.path == "option[0].effects.wrinkles.certainty"
    assert "'moderate'" in msg
    assert "practitioner_page" in msg
    assert "at most 'very low'" in msg


def test_an_inherited_grade_above_its_sources_says_to_grade_the_figure(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="the option's grade; give this figure its own"):
        load_catalog(_with_clinic_page(tmp_path))


def test_an_effect_graded_within_its_sources_loads(tmp_path: Path) -> None:
    cat = load_catalog(_with_clinic_page(tmp_path, certainty="very low"))
    assert cat["opt_a"].certainty_of("wrinkles") is Certainty.VERY_LOW
    # An effect of none scores nothing, so its grade is not checked.
    (tmp_path / "none").mkdir()
    cat = load_catalog(_with_clinic_page(tmp_path / "none", size="none", low="none", high="none"))
    assert cat["opt_a"].certainty_of("wrinkles") is Certainty.HIGH


def test_every_shipped_effect_figure_is_graded_within_its_sources() -> None:
    cat = load_catalog()
    for o in cat:
        for concern, e in o.effects.items():
            kinds_ = [cat.sources[s].kind for s in e.sources]
            if e.high.value01 > 0:
                assert figure_grade(o.certainty_of(concern), kinds_) is o.certainty_of(concern), (
                    o.id,
                    concern,
                )


# ------------------------------------------------------------------------------ the report
def test_report_badges_are_the_figures_own_grades_capped_by_their_sources(tmp_path: Path) -> None:
    """A risk resting only on a clinic page shows "very low" though the option is "high".

    An effect figure shows its own grade, not the option's.
    """
    sources = [*SOURCES, {"id": "P1", "title": "A clinic's page", "kind": "practitioner_page"}]
    opt = option_dict()
    opt["certainty"]["level"] = "high"
    opt["risks"][0]["sources"] = ["P1"]  # the scored side effect: a clinic page only
    opt["effects"]["wrinkles"]["certainty"] = "low"
    data = catalog_dict(opt, no_procedure_dict())
    data["source"] = sources
    cat = load_catalog(write_catalog(tmp_path, data))
    profile = attrs.evolve(direct({"effectiveness": 8, "side_effects": 5}), concerns=("wrinkles",))
    d = build_report_data(compare(profile, cat))
    detail = next(x for x in d.options if x.id == "opt_a")
    benefit = next(b for b in detail.benefits if "wrinkles" in b.label.lower())
    assert benefit.figure.certainty == "low"
    harms = {h.name: h for h in detail.risks}
    assert harms["Bruising"].figure.certainty == "very low"
    assert harms["Serious events"].figure.certainty == "high"  # a systematic review
