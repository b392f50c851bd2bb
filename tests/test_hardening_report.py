"""Hardening of the uncertainty and report layers (issue 7): safety, threads, determinism, limits."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

from antiage_compare import (
    DataError,
    ProfileError,
    compare,
    example_profile,
    load_catalog,
    load_profile,
    smaa,
)
from antiage_compare.report import ReportOptions, build_report_data, render_html
from antiage_compare.uncertainty.analysis import analyse

from .test_hardening import exclusion_cases, profile_triggering

CAT = load_catalog()
TODAY = dt.date(2026, 11, 26)
FIXED = ReportOptions(today=TODAY, version="t")


@pytest.mark.parametrize(("option_id", "condition"), exclusion_cases())
def test_generated_exclusion_holds_in_the_report(option_id: str, condition: str) -> None:
    """An excluded option is never shown as fitting, and is listed under "options not shown".

    It must not appear in the fit bars, the grids or the option details.
    """
    c = compare(profile_triggering(condition))
    data = build_report_data(c, analysis=analyse(c, smaa=False), options=FIXED)
    name = CAT[option_id].name
    assert option_id not in [b.option_id for b in data.fit.bars]
    assert option_id not in [o.id for o in data.options]
    for grid in (data.grid, data.grid_all):
        assert name not in [col.name for col in grid.columns]
    assert name in [e.name for e in data.not_shown.excluded]


@pytest.mark.slow
def test_smaa_from_eight_threads_matches_serial() -> None:
    """smaa() from 8 threads x 1,000 calls equals the serial result for the same seed."""
    profile = example_profile()
    expected = smaa(profile, samples=20, seed=5)

    def work(k: int) -> bool:
        return smaa(profile, samples=20, seed=5) == expected

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, range(8_000)))


@pytest.mark.slow
def test_render_html_from_eight_threads_matches_serial() -> None:
    """render_html() from 8 threads x 1,000 calls gives byte-identical pages.

    A three-option catalogue keeps each render short; the code path is the full report's.
    """
    small = compare(example_profile(), CAT.only("botulinum_toxin", "sunscreen"))
    analysis = analyse(small, smaa=False)
    expected = render_html(small, analysis=analysis, options=FIXED)

    def work(_: int) -> bool:
        return render_html(small, analysis=analysis, options=FIXED) == expected

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, range(8_000)))


@pytest.mark.slow
def test_reports_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """The same inputs and seed give the same bytes from two separate processes."""
    digests = []
    for k in range(2):
        out = tmp_path / f"r{k}.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "antiage_compare",
                "report",
                "-o",
                str(out),
                "--samples",
                "800",
                "--seed",
                "9",
                "-q",
            ],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(k + 1)},
        )
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_failed_loads_leave_files_untouched(tmp_path: Path) -> None:
    """A profile or catalogue that fails to load is left exactly as it was."""
    bad_profile = tmp_path / "p.toml"
    bad_profile.write_text("[importance]\ncost = 99\n", encoding="utf-8")
    bad_catalog = tmp_path / "c.toml"
    bad_catalog.write_text("schema_version = 1\n[clinic]\nname = 3\n", encoding="utf-8")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (bad_profile, bad_catalog)}
    with pytest.raises(ProfileError):
        load_profile(bad_profile)
    with pytest.raises(DataError):
        load_catalog(bad_catalog)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (bad_profile, bad_catalog)}
    assert before == after
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.toml", "p.toml"]


def test_five_hundred_option_report_renders() -> None:
    """A catalogue of 500 options compares and reports (with SMAA) without error."""
    others = [o for o in CAT if o.id != "no_procedure"]
    options = [attrs.evolve(o, id=f"{o.id}_{k}") for k in range(39) for o in others][:499]
    big = attrs.evolve(CAT, options=[*options, CAT["no_procedure"]])
    c = compare(example_profile(), big)
    html = render_html(c, analysis=analyse(c, samples=30), options=FIXED)
    assert len(c.scored) > 400
    assert f'id="opt-{len(c.scored)}"' in html, "every eligible option gets its detail section"
    assert f'id="opt-{len(c.scored) + 1}"' not in html
