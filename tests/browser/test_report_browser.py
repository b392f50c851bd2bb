"""The report in a real browser: accessibility (axe), validity (vnu), escaping, print layout."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import ACTUAL, ALL_REPORTS, XSS_CLINIC, XSS_INTERESTS, XSS_NAME

pytestmark = pytest.mark.browser

#: A4 printable area at 96 CSS px per inch, with the report's @page margins (12 mm, 14/16 mm).
A4_PRINT_WIDTH_PX = round((210 - 24) / 25.4 * 96)
A4_PRINT_HEIGHT_PX = round((297 - 30) / 25.4 * 96)


def _open(report_page: Any, path: Path) -> None:
    report_page.goto(path.as_uri())
    report_page.wait_for_load_state("load")


@pytest.mark.parametrize("name", ALL_REPORTS)
def test_axe_reports_no_violations(report_page: Any, reports: dict[str, Path], name: str) -> None:
    """axe-core's default rules (WCAG 2.x A/AA and best practices) find nothing to fix."""
    from axe_playwright_python.sync_playwright import Axe

    _open(report_page, reports[name])
    result = Axe().run(report_page)
    details = [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:5]])
        for v in result.response["violations"]
    ]
    assert result.violations_count == 0, json.dumps(details, indent=1, ensure_ascii=False)


def test_nu_checker_reports_no_errors(vnu_jar: Path, reports: dict[str, Path]) -> None:
    """The Nu HTML checker finds no error in any report (one JVM run for all files)."""
    files = [str(p) for p in reports.values()]
    proc = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == [], json.dumps(errors[:20], indent=1, ensure_ascii=False)
    assert proc.returncode == 0


def test_no_script_runs_and_user_text_shows_literally(
    report_page: Any, reports: dict[str, Path]
) -> None:
    """Markup in the client's name, clinic name and interest text shows as text and never runs."""
    _open(report_page, reports["xss"])
    assert report_page.evaluate("typeof window.__pwned") == "undefined"
    assert report_page.evaluate("document.scripts.length") == 0
    assert report_page.evaluate("document.images.length") == 0
    text = report_page.inner_text("body")
    assert XSS_NAME in text
    assert XSS_CLINIC in text
    assert XSS_INTERESTS in text


@pytest.mark.parametrize("name", ALL_REPORTS)
def test_no_network_requests(report_page: Any, reports: dict[str, Path], name: str) -> None:
    """Opening the report requests nothing but the file itself."""
    _open(report_page, reports[name])
    assert report_page.requests == [reports[name].as_uri()]


def test_print_layout(report_page: Any, reports: dict[str, Path]) -> None:
    """In print: A4 pages, headers repeat, rows do not split, navigation is hidden, a PDF prints."""
    _open(report_page, reports["example"])
    report_page.emulate_media(media="print")
    styles = report_page.evaluate(
        """() => {
        const s = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
        const pages = [];
        for (const sheet of document.styleSheets)
            for (const rule of sheet.cssRules)
                if (rule.type === CSSRule.PAGE_RULE) pages.push(rule.style.getPropertyValue('size'));
        return {
            thead: s('thead', 'display'),
            tr: s('tbody tr', 'breakInside'),
            icons: s('svg.icons', 'breakInside'),
            nav: s('nav', 'display'),
            grid: s('#grid', 'breakBefore'),
            page: pages,
        };
    }"""
    )
    assert styles["thead"] == "table-header-group"
    assert styles["tr"] == "avoid"
    assert styles["icons"] == "avoid"
    assert styles["nav"] == "none"
    assert styles["grid"] == "page"
    assert [size.upper() for size in styles["page"]] == ["A4"]
    pdf = report_page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    n_pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert n_pages > 10
    ACTUAL.mkdir(exist_ok=True)
    (ACTUAL / "report_example.pdf").write_bytes(pdf)


def test_printable_grid_fits_one_a4_page(report_page: Any, reports: dict[str, Path]) -> None:
    """The printable Option Grid section (four options) fits in one A4 page's print area."""
    report_page.set_viewport_size({"width": A4_PRINT_WIDTH_PX, "height": A4_PRINT_HEIGHT_PX})
    _open(report_page, reports["example"])
    report_page.emulate_media(media="print")
    # The section starts on a new page; its heading, introduction and grid must fit on it.
    top = report_page.locator("#grid").bounding_box()
    box = report_page.locator(".grid-print table").bounding_box()
    assert top is not None
    assert box is not None
    assert box["width"] <= A4_PRINT_WIDTH_PX + 1
    assert box["y"] + box["height"] - top["y"] <= A4_PRINT_HEIGHT_PX, (top, box)


def test_full_grid_scrolls_on_screen(report_page: Any, reports: dict[str, Path]) -> None:
    """On screen, wide tables scroll sideways in focusable regions; the page itself never does."""
    report_page.set_viewport_size({"width": 800, "height": 900})
    _open(report_page, reports["example"])
    region = report_page.locator(".scroll")
    assert region.get_attribute("tabindex") == "0"
    widths = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] > widths[1]
    for width in (360, 800, 1280):
        report_page.set_viewport_size({"width": width, "height": 900})
        page = report_page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert page[0] <= page[1], f"at {width}px the whole page scrolls sideways: {page}"


def test_screenshots(report_page: Any, reports: dict[str, Path]) -> None:
    """Screenshots of the top of the report and of one option, for a person to look at."""
    _open(report_page, reports["example"])
    ACTUAL.mkdir(exist_ok=True)
    report_page.screenshot(path=str(ACTUAL / "report_top.png"))
    report_page.locator("#fit").screenshot(path=str(ACTUAL / "report_fit.png"))
    report_page.locator("#opt-4").screenshot(path=str(ACTUAL / "report_option.png"))
    report_page.emulate_media(media="print")
    report_page.screenshot(path=str(ACTUAL / "report_print.png"), full_page=False)
    assert (ACTUAL / "report_top.png").stat().st_size > 10_000
    _open(report_page, reports["client-ready"])
    for part in ("how-sure", "check", "ready", "answers"):
        shot = ACTUAL / f"client_{part}.png"
        report_page.locator(f"#{part}").screenshot(path=str(shot))
        assert shot.stat().st_size > 5_000, part
