"""One small gold file for the whole page, and targeted checks that each fail for one reason.

``tests/gold/report_tiny.html`` is the report for the tiny fictional catalogue
(``tests/fixtures/tiny_catalog.toml``, see :mod:`tests.report_cases`), with the style sheet
left out: the contents of ``<style>`` are replaced by a marker, so a CSS change does not touch
it (:func:`test_the_style_sheet_is_inlined_whole` checks the CSS, the browser tests check how it
looks). The gold file fails when the page's markup or wording changes; the tests below say what
broke: escaping, self-containment, determinism.

On a mismatch the new output is written to ``tests/actual/report_tiny.html`` (git-ignored) and
the test fails with the start of a unified diff. After checking the new output by eye, run
``pytest tests/test_report_gold.py --update-gold`` to make it the gold file.
"""

from __future__ import annotations

import difflib
import re
from importlib.resources import files
from pathlib import Path

import pytest

from .report_cases import (
    CLIENT_NAME,
    CLINIC_INTERESTS,
    CLINIC_NAME,
    OWN_OPTION_NAME,
    clinic_report,
    tiny_report,
)

GOLD = Path(__file__).parent / "gold" / "report_tiny.html"
ACTUAL = Path(__file__).parent / "actual"
STYLE = re.compile(r"(<style>\n).*?(</style>)", re.S)
CSS_MARKER = "/* report.css: left out of the gold file */\n"


def without_css(html: str) -> str:
    """The page with the inlined style sheet replaced by a marker (there must be exactly one)."""
    out, n = STYLE.subn(lambda m: m.group(1) + CSS_MARKER + m.group(2), html)
    assert n == 1, f"expected one <style> element, found {n}"
    return out


def test_gold(request: pytest.FixtureRequest) -> None:
    """The tiny catalogue's report, without its CSS, equals the gold file byte for byte."""
    actual = without_css(tiny_report()).encode("utf-8")
    if request.config.getoption("--update-gold"):
        GOLD.parent.mkdir(exist_ok=True)
        GOLD.write_bytes(actual)
        return
    expected = GOLD.read_bytes() if GOLD.is_file() else b""
    if actual == expected:
        return
    ACTUAL.mkdir(exist_ok=True)
    (ACTUAL / GOLD.name).write_bytes(actual)
    diff = difflib.unified_diff(
        expected.decode("utf-8").splitlines(),
        actual.decode("utf-8").splitlines(),
        f"tests/gold/{GOLD.name}",
        f"tests/actual/{GOLD.name}",
        lineterm="",
        n=1,
    )
    excerpt = "\n".join(list(diff)[:60])
    pytest.fail(
        f"{GOLD.name} differs from the gold file (new output in tests/actual/; "
        f"if it is right, run pytest --update-gold):\n{excerpt}"
    )


def test_gold_file_is_small_and_holds_no_css() -> None:
    """The gold file stays small and carries the marker, not the style sheet."""
    text = GOLD.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 70_000  # 60 kB until the readiness sections (issue 18)
    assert CSS_MARKER in text
    assert "font-family" not in text


def test_the_style_sheet_is_inlined_whole() -> None:
    """The page's one <style> holds report.css exactly, so leaving it out of the gold is safe."""
    css = files("antiage_compare.report").joinpath("templates/report.css").read_text("utf-8")
    (inlined,) = re.findall(r"<style>\n(.*?)</style>", tiny_report(), re.S)
    assert inlined.strip() == css.strip()


def test_same_bytes_twice() -> None:
    """Two renders of the same inputs are the same bytes (within one process)."""
    assert tiny_report() == tiny_report()


def test_clinic_report_escapes_every_user_string(tmp_path: Path) -> None:
    """Markup from the client, the clinic and its sources shows as text, in text and in links."""
    html = clinic_report(tmp_path)
    for raw in (CLIENT_NAME, CLINIC_NAME, CLINIC_INTERESTS, OWN_OPTION_NAME):
        assert raw not in html
    assert "<script>alert" not in html
    assert "<b>Étoile" not in html
    assert "<i>every" not in html
    assert "<facial>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Zoë &amp; 李" in html
    assert "Clinique &lt;b&gt;Étoile&lt;/b&gt; &amp; &#34;Søn&#34;" in html
    assert "We sell &lt;i&gt;every&lt;/i&gt; treatment here &amp; earn from each." in html
    assert "Glow &amp; &#34;Shine&#34; &lt;facial&gt; 漢方" in html
    assert "Clinic audit &lt;2025&gt; &amp; notes" in html
    assert 'href="https://example.org/audit?q=%22%3E%3Cb%3Ex%3C/b%3E"' in html
    assert 'href="https://example.org/leaflet?a=1&amp;b=2"' in html


def test_clinic_report_shows_overdue_review_and_what_is_not_offered(tmp_path: Path) -> None:
    """An overdue review is flagged twice (top and section 2); options not offered are named."""
    html = clinic_report(tmp_path)
    assert html.count('class="overdue"') == 2
    assert "Not offered here" in html


@pytest.mark.parametrize("case", ["tiny", "clinic"])
def test_reports_are_self_contained(case: str, tmp_path: Path) -> None:
    """No script, remote source, CSS import or remote url() in either report."""
    html = (tiny_report() if case == "tiny" else clinic_report(tmp_path)).lower()
    for bad in ("<script", 'src="http', "@import", "url(http", "<link", "<iframe", "<object"):
        assert bad not in html
