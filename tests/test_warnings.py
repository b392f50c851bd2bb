"""Warnings that are not options: products sold for anti-ageing with nothing sound to compare.

A catalogue's ``[[warning]]`` records (``warnings.toml`` in a folder) name the product, the concerns
it is sold for and what is known; a person with any of those concerns sees it in the report, in
``Comparison.warnings`` and in ``to_dict()``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from antiage_compare import DataError, compare, load_catalog
from antiage_compare.model import ProductWarning
from antiage_compare.profile import Limits, example_profile
from antiage_compare.report import build_report_data, render_html

from .factories import catalog_dict, write_catalog


def _warning(**over: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": "w1",
        "name": "Snake oil <b>serum</b>",
        "concerns": ["wrinkles"],
        "text": "Sold for wrinkles; no trial. <script>alert(1)</script>",
        "sources": ["S1"],
    }
    d.update(over)
    return d


def _catalog(tmp_path: Path, *warnings: dict[str, Any]) -> Path:
    data = catalog_dict()
    data["warning"] = list(warnings)
    return write_catalog(tmp_path, data)


def test_the_shipped_exosome_warning_cites_the_regulator() -> None:
    cat = load_catalog()
    (w,) = [w for w in cat.warnings if w.id == "exosome_skin_boosters"]
    assert "W1" in w.sources  # FDA public safety notification, 6 December 2019
    assert cat.sources["W1"].url.startswith("https://www.fda.gov/")
    assert "no approved exosome product" in w.text
    assert "exosome_skin_boosters" not in cat  # a warning, never an option


def test_a_warning_is_shown_only_to_people_with_a_concern_it_is_sold_for() -> None:
    cat = load_catalog()
    wrinkles = attrs.evolve(example_profile(), concerns=("wrinkles",))
    volume = attrs.evolve(example_profile(), concerns=("volume_loss",))
    assert [w.id for w in compare(wrinkles, cat).warnings] == ["exosome_skin_boosters"]
    assert compare(volume, cat).warnings == ()
    assert compare(volume, cat).to_dict()["warnings"] == []
    d = compare(wrinkles, cat).to_dict()["warnings"]
    assert d[0]["id"] == "exosome_skin_boosters"
    assert d[0]["sources"] == ["W1", "W2"]


def test_no_concerns_means_every_concern() -> None:
    everyone = attrs.evolve(example_profile(), concerns=())
    assert compare(everyone, load_catalog()).warnings


def test_a_single_file_catalogue_reads_warnings(tmp_path: Path) -> None:
    cat = load_catalog(_catalog(tmp_path, _warning()))
    assert cat.warnings == (
        ProductWarning(
            id="w1",
            name="Snake oil <b>serum</b>",
            concerns=("wrinkles",),
            text="Sold for wrinkles; no trial. <script>alert(1)</script>",
            sources=("S1",),
        ),
    )


@pytest.mark.parametrize(
    ("over", "path", "value"),
    [
        ({"concerns": ["wrinkels"]}, "warning[0].concerns", "wrinkels"),
        ({"concerns": []}, "warning[0].concerns", "[]"),
        ({"sources": ["NOPE"]}, "warning[0].sources[0]", "NOPE"),
        ({"sources": []}, "warning[0].sources", "[]"),
        ({"colour": "red"}, "warning[0].colour", "colour"),
    ],
)
def test_a_bad_warning_is_refused_naming_file_field_and_value(
    tmp_path: Path, over: dict[str, Any], path: str, value: str
) -> None:
    file = _catalog(tmp_path, _warning(**over))
    with pytest.raises(DataError) as info:
        load_catalog(file)
    assert str(file) in str(info.value)
    assert info.value.path == path
    assert value in str(info.value)


def test_a_duplicate_warning_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="duplicate warning id") as info:
        load_catalog(_catalog(tmp_path, _warning(), _warning()))
    assert info.value.path == "warning[1].id"


def test_the_report_shows_the_warning_escaped_with_its_sources(tmp_path: Path) -> None:
    cat = load_catalog(_catalog(tmp_path, _warning()))
    profile = attrs.evolve(example_profile(), concerns=("wrinkles",), limits=Limits())
    c = compare(profile, cat)
    d = build_report_data(c)
    assert [w.name for w in d.warnings] == ["Snake oil <b>serum</b>"]
    assert d.warnings[0].cites  # numbered like every other citation
    html = render_html(c)
    assert "Sold for your concerns, but not an option here" in html
    assert "Snake oil &lt;b&gt;serum&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" not in html
    other = attrs.evolve(profile, concerns=("volume_loss",))
    assert "not an option here" not in render_html(compare(other, cat))
