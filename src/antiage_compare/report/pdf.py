"""The report as a PDF, typeset by WeasyPrint (the optional ``pdf`` extra).

WeasyPrint lays out the very HTML that :func:`~antiage_compare.report.render_html` writes, with
its print style sheet: A4 by default, US Letter on request. The PDF has the page's title and
language (``<title>``, ``<html lang>``), selectable text and embedded (subset) fonts, and no
script. It carries no creation or modification date, and WeasyPrint derives its file
identifier from the content, so the same inputs (with the report's date and version given) give
the same bytes; tests/test_pdf.py checks this.

WeasyPrint is imported only when a PDF is made; without it, :class:`PdfEngineMissingError`
says what to install. Install it with ``pip install 'antiage_compare[pdf]'``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antiage_compare._files import write_bytes_atomic
from antiage_compare.errors import PdfEngineMissingError, ReportError
from antiage_compare.report.options import ReportOptions
from antiage_compare.report.render import render_html

if TYPE_CHECKING:
    from antiage_compare.comparison import Comparison
    from antiage_compare.uncertainty.analysis import Analysis

__all__ = ["PAPERS", "layout_pdf", "render_pdf", "require_engine", "write_pdf"]

#: Paper sizes, by the name the CLI and the API take, as CSS ``@page`` sizes.
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}

_DEFAULT_OPTIONS = ReportOptions()
_INSTALL = "pip install 'antiage_compare[pdf]'"


def require_engine() -> None:
    """Check that WeasyPrint can be imported, before any other work is done.

    Raises:
        PdfEngineMissingError: it cannot (the message says what to install).
    """
    _weasyprint()


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:
        msg = f"PDF output needs WeasyPrint, which is not installed: {_INSTALL}"
        raise PdfEngineMissingError(msg) from exc
    return weasyprint


def _paper(paper: str) -> str:
    if not isinstance(paper, str) or paper.lower() not in PAPERS:
        msg = f"paper must be one of {', '.join(PAPERS)}, got {paper!r}"
        raise ReportError(msg)
    return PAPERS[paper.lower()]


def layout_pdf(html: str, *, paper: str = "a4") -> Any:
    """WeasyPrint's laid-out document for report HTML (pages, boxes), before it is written.

    Tests read page counts, page text and overflowing boxes from it, with the same engine
    that writes the PDF.

    Raises:
        PdfEngineMissingError: WeasyPrint is not installed (also a ``ModuleNotFoundError``).
        ReportError: ``paper`` is not one of :data:`PAPERS`.
    """
    size = _paper(paper)
    wp = _weasyprint()
    # A user style sheet ranks below the page's own (author) rules unless it is !important.
    page = wp.CSS(string=f"@page {{ size: {size} !important; }}")
    return wp.HTML(string=html).render(stylesheets=[page])


def render_pdf(
    comparison: Comparison,
    *,
    analysis: Analysis | None = None,
    options: ReportOptions = _DEFAULT_OPTIONS,
    paper: str = "a4",
) -> bytes:
    """The report for ``comparison`` as PDF bytes (see the module docstring).

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        analysis: as for :func:`~antiage_compare.report.render_html`.
        options: as for :func:`~antiage_compare.report.render_html` (``edition`` included).
        paper: ``"a4"`` (the default) or ``"letter"``.

    Raises:
        PdfEngineMissingError: WeasyPrint is not installed.
        ReportError: ``paper`` is unknown, or as for ``render_html``.
    """
    html = render_html(comparison, analysis=analysis, options=options)
    data: bytes = layout_pdf(html, paper=paper).write_pdf()
    return data


def write_pdf(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    analysis: Analysis | None = None,
    options: ReportOptions = _DEFAULT_OPTIONS,
    paper: str = "a4",
) -> Path:
    """Write the report as a PDF to ``path`` atomically (never half a file) and return the path.

    Raises:
        ReportError: ``path`` does not end in ``.pdf``, or as for :func:`render_pdf`.
    """
    if Path(path).suffix.lower() != ".pdf":
        msg = f"{os.fspath(path)}: a PDF file name must end in .pdf"
        raise ReportError(msg)
    return write_bytes_atomic(
        path, render_pdf(comparison, analysis=analysis, options=options, paper=paper)
    )
