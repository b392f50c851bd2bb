"""Whole reports compared byte for byte with the gold files in ``tests/gold/``.

On a mismatch the new output is written to ``tests/actual/<name>.html`` (git-ignored) and the
test fails with the start of a unified diff. After checking the new output by eye, run
``pytest tests/test_report_gold.py --update-gold`` to make it the gold file.

The gold files depend on the shipped catalogue: regenerate them after any change to ``data/``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from pathlib import Path

import pytest

from antiage_compare import load_catalog
from antiage_compare._dump import to_toml
from antiage_compare.profile import Profile, example_profile
from antiage_compare.report import ReportOptions, render_html
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.analysis import analyse

from .factories import clinic_option_dict

GOLD = Path(__file__).parent / "gold"
ACTUAL = Path(__file__).parent / "actual"
TODAY = dt.date(2026, 11, 26)
VERSION = "0.1.0-gold"


def _clinic_case(tmp_path: Path) -> str:
    """A clinic catalogue with markup and non-ASCII in every user-supplied string, overdue."""
    own = clinic_option_dict("clinic_glow")
    own["name"] = 'Glow & "Shine" <facial> 漢方'
    doc = {
        "schema_version": 1,
        "clinic": {
            "name": 'Clinique <b>Étoile</b> & "Søn"',
            "competing_interests": "We sell <i>every</i> treatment here & earn from each.",
            "not_offered": ["facelift", "peel_deep"],
            "show_not_offered": True,
        },
        "prices": {
            "botulinum_toxin": {
                "per": "session",
                "amount": {"low": 150, "typical": 200, "high": 300},
            }
        },
        "source": [
            {
                "id": "K1",
                "title": "Clinic audit <2025> & notes",
                "kind": "cohort",
                "year": 2025,
                "url": 'https://example.org/audit?q="><b>x</b>',
            },
            {
                "id": "K2",
                "title": "Manufacturer leaflet",
                "kind": "label",
                "url": "https://example.org/leaflet?a=1&b=2",
            },
        ],
        "option": [own],
    }
    path = tmp_path / "clinic.toml"
    path.write_text(to_toml(doc), encoding="utf-8")
    data = example_profile().to_dict()
    data["profile"]["name"] = '<script>alert("x")</script> Zoë & 李'
    data["health"]["pregnant"] = True
    data["limits"]["needles"] = False
    c = compare(Profile.from_dict(data), load_catalog(path))
    options = ReportOptions(today=dt.date(2028, 1, 1), version=VERSION)
    return render_html(c, analysis=analyse(c, smaa=False), options=options)


def _example_no_smaa(tmp_path: Path) -> str:
    """The example profile without SMAA (the benchmark's report)."""
    c = compare(example_profile())
    options = ReportOptions(today=TODAY, version=VERSION)
    return render_html(c, analysis=analyse(c, smaa=False), options=options)


def _example_smaa(tmp_path: Path) -> str:
    """The example profile with 500 SMAA draws and a grid chosen by the caller."""
    c = compare(example_profile())
    options = ReportOptions(
        grid_options=["microneedling", "ha_filler", "no_procedure"],
        prepared_for="Dr Ada Ö. & partner",
        today=TODAY,
        version=VERSION,
    )
    return render_html(c, analysis=analyse(c, samples=500), options=options)


CASES: dict[str, Callable[[Path], str]] = {
    "report_example_no_smaa": _example_no_smaa,
    "report_example_smaa": _example_smaa,
    "report_clinic_escaping": _clinic_case,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gold(name: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The whole report equals its gold file, byte for byte."""
    actual = CASES[name](tmp_path).encode("utf-8")
    gold = GOLD / f"{name}.html"
    if request.config.getoption("--update-gold"):
        GOLD.mkdir(exist_ok=True)
        gold.write_bytes(actual)
        return
    expected = gold.read_bytes() if gold.is_file() else b""
    if actual == expected:
        return
    ACTUAL.mkdir(exist_ok=True)
    (ACTUAL / gold.name).write_bytes(actual)
    diff = difflib.unified_diff(
        expected.decode("utf-8").splitlines(),
        actual.decode("utf-8").splitlines(),
        f"tests/gold/{gold.name}",
        f"tests/actual/{gold.name}",
        lineterm="",
        n=1,
    )
    excerpt = "\n".join(list(diff)[:60])
    pytest.fail(
        f"{gold.name} differs from the gold file (new output in tests/actual/; "
        f"if it is right, run pytest --update-gold):\n{excerpt}"
    )


def test_gold_clinic_case_escapes_everything(tmp_path: Path) -> None:
    """The clinic gold case has no live markup from user text, in text or in links."""
    html = _clinic_case(tmp_path)
    assert "<script>alert" not in html
    assert "<b>Étoile" not in html
    assert "<i>every" not in html
    assert "<facial>" not in html
    assert "&lt;facial&gt; 漢方" in html
    assert 'href="https://example.org/audit?q=%22%3E%3Cb%3Ex%3C/b%3E"' in html
    assert 'href="https://example.org/leaflet?a=1&amp;b=2"' in html
    assert 'class="overdue"' in html
    assert "Not offered here" in html


@pytest.mark.parametrize("name", sorted(CASES))
def test_gold_cases_are_self_contained(name: str, tmp_path: Path) -> None:
    """No script, remote source, CSS import or remote url() in any gold case."""
    html = CASES[name](tmp_path).lower()
    for bad in ("<script", 'src="http', "@import", "url(http", "<link", "<iframe", "<object"):
        assert bad not in html
