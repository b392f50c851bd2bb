"""The decision-aid report: one self-contained, accessible, printable HTML page.

>>> from antiage_compare.scoring import compare
>>> from antiage_compare.profile import example_profile
>>> from antiage_compare.report import render_html
>>> html = render_html(compare(example_profile()), smaa=False)  # doctest: +SKIP

The data for the page is prepared first (:func:`build_report_data` gives a frozen
:class:`ReportData`), then formatted by jinja2 templates that ship with the package.
:func:`ipdas_audit` checks the prepared data against the IPDAS criteria for treatment decisions,
and :func:`reading_grade` measures plain-language text. jinja2 is imported only when a page is
rendered, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from antiage_compare.report.data import (
    DEFAULT_SAMPLES,
    DEFAULT_SEED,
    ReportData,
    ReportError,
    build_report_data,
)
from antiage_compare.report.ipdas import IpdasAudit, IpdasItem, ipdas_audit
from antiage_compare.report.readability import reading_grade, report_prose
from antiage_compare.report.render import render_compact, render_html, write_report

if TYPE_CHECKING:
    from antiage_compare.comparison import Comparison


__all__ = [
    "DEFAULT_SAMPLES",
    "DEFAULT_SEED",
    "IpdasAudit",
    "IpdasItem",
    "ReportData",
    "ReportError",
    "build_report_data",
    "ipdas_audit",
    "reading_grade",
    "render_html",
    "report_prose",
    "repr_html",
    "write_report",
]


def repr_html(comparison: Comparison) -> str:
    """A compact HTML summary for ``Comparison._repr_html_`` in Jupyter (no SMAA).

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.

    Returns:
        An HTML fragment.
    """
    return render_compact(comparison)
