"""The decision-aid report: one self-contained, accessible, printable HTML page.

>>> from antiage_compare.scoring import compare
>>> from antiage_compare.profile import example_profile
>>> from antiage_compare.uncertainty.analysis import analyse
>>> from antiage_compare.report import ReportOptions, render_html
>>> c = compare(example_profile())
>>> html = render_html(c, analysis=analyse(c), options=ReportOptions(prepared_for="Ann"))  # doctest: +SKIP

One pipeline, in this order, each step in its own module:

1. the analysis runs first (:func:`~antiage_compare.uncertainty.analysis.analyse`) and is
   passed in, so building a report computes nothing random;
2. :func:`build_report_data` (``build``) runs the section builders (``sections``, ``facts``),
   which take their words from ``prose`` and number sources through one ``cite.Citations``,
   and returns a frozen :class:`ReportData` (``records``);
3. ``render`` formats it with jinja2 templates that ship with the package.

:class:`ReportOptions` (``options``) holds the caller's choices for all three entry points.
:func:`ipdas_audit` checks the prepared data against the IPDAS criteria for treatment decisions,
and :func:`reading_grade` measures plain-language text. jinja2 is imported only when a page is
rendered, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from antiage_compare.errors import ReportError
from antiage_compare.report.build import build_report_data
from antiage_compare.report.ipdas import IpdasAudit, IpdasItem, ipdas_audit
from antiage_compare.report.options import MAX_GRID_OPTIONS, ReportOptions
from antiage_compare.report.readability import reading_grade, report_prose
from antiage_compare.report.records import ReportData
from antiage_compare.report.render import render_html, write_report
from antiage_compare.uncertainty.analysis import DEFAULT_SAMPLES, DEFAULT_SEED

if TYPE_CHECKING:
    from antiage_compare.comparison import Comparison


__all__ = [
    "DEFAULT_SAMPLES",
    "DEFAULT_SEED",
    "MAX_GRID_OPTIONS",
    "IpdasAudit",
    "IpdasItem",
    "ReportData",
    "ReportError",
    "ReportOptions",
    "build_report_data",
    "ipdas_audit",
    "reading_grade",
    "render_html",
    "report_prose",
    "repr_html",
    "write_report",
]


def repr_html(comparison: Comparison) -> str:
    """The compact HTML table Jupyter shows for a comparison (``Comparison._repr_html_``).

    Kept for callers of earlier versions; the table is drawn by the comparison itself.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.

    Returns:
        An HTML fragment.
    """
    return comparison._repr_html_()
