"""Fixtures for the real-browser report tests: Debian Chromium driven by Playwright.

The tests skip, with the reason, when ``/usr/bin/chromium`` or the ``playwright`` package is
missing (CI installs both). Playwright's own browser download is never used.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from antiage_compare.profile import Profile, example_profile
from antiage_compare.report import ReportOptions, write_report
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.analysis import analyse

from ..report_cases import clinic_report, tiny_report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ACTUAL = ROOT / "tests" / "actual"

XSS_NAME = '<script>window.__pwned=1</script>"&é漢'
XSS_CLINIC = '<img src=x onerror="window.__pwned=1"> Clinique Étoile & "Ågé"'
XSS_INTERESTS = (
    'We sell these. <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>'
)


def _xss_profile() -> Profile:
    data = example_profile().to_dict()
    data["profile"]["name"] = XSS_NAME
    data["health"]["pregnant"] = True
    return Profile.from_dict(data)


def _ready_profile() -> Profile:
    """The example, with SURE answers from the interview (two "no"): the before-reading column."""
    data = example_profile().to_dict()
    data["ready"] = {"sure": False, "understand": True, "values": False, "support": True}
    return Profile.from_dict(data)


#: name -> (profile factory, analysis keywords, report options) for the reports the browser opens.
CASES: dict[str, tuple[Any, dict[str, Any], dict[str, Any]]] = {
    "example": (example_profile, {"samples": 500}, {}),
    "client": (example_profile, {"samples": 500}, {"edition": "client"}),
    "client-ready": (_ready_profile, {"samples": 500}, {"edition": "client"}),
    "xss": (
        _xss_profile,
        {"smaa": False},
        {"clinic_name": XSS_CLINIC, "competing_interests": XSS_INTERESTS},
    ),
}

#: name -> page maker (given a scratch folder) for the reports of tests/test_report_gold.py.
PAGES: dict[str, Callable[[Path], str]] = {
    "tiny": lambda folder: tiny_report(),
    "clinic": clinic_report,
}

#: Every report the browser opens.
ALL_REPORTS = sorted([*CASES, *PAGES])


@pytest.fixture(scope="session")
def sync_api() -> Any:
    """Playwright's sync API, or a skip with the reason."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install '.[browser]')"
    )


@pytest.fixture(scope="session")
def chromium_browser(sync_api: Any) -> Iterator[Any]:
    """One Chromium for the whole session, launched with the project's flags."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The reports under test, each with a fixed date and version."""
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for name, make in PAGES.items():
        out[name] = folder / f"{name}.html"
        out[name].write_text(make(folder), encoding="utf-8")
    for name, (make_profile, analysis, options) in CASES.items():
        c = compare(make_profile())
        out[name] = write_report(
            c,
            folder / f"{name}.html",
            analysis=analyse(c, **analysis),
            options=ReportOptions(today=dt.date(2026, 11, 26), version="0.1.0-browser", **options),
        )
    return out


@pytest.fixture
def report_page(chromium_browser: Any) -> Iterator[Any]:
    """A fresh page that records every request it makes."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    """The Nu HTML checker jar ($VNU_JAR, default node_modules/vnu-jar/...), or a skip."""
    jar = Path(os.environ.get("VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))
    if not jar.is_file():
        pytest.skip(f"vnu.jar not found at {jar} (npm install)")
    if shutil.which("java") is None:
        pytest.skip("java is not on PATH")
    return jar
