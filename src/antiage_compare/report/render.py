"""Render :class:`~antiage_compare.report.records.ReportData` to one self-contained HTML page.

One jinja2 environment (``PackageLoader``, autoescape on, ``StrictUndefined``) is built on first
use and kept. jinja2 is imported only here, inside functions, so ``import antiage_compare`` stays
fast. Templates and the style sheet live in ``antiage_compare/report/templates``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antiage_compare._files import write_text_atomic
from antiage_compare.report.build import build_report_data
from antiage_compare.report.options import ReportOptions
from antiage_compare.report.records import Figure, ReportData

if TYPE_CHECKING:
    import jinja2

    from antiage_compare.comparison import Comparison
    from antiage_compare.uncertainty.analysis import Analysis


__all__ = ["environment", "render", "render_html", "write_report"]

_DEFAULT_OPTIONS = ReportOptions()

_lock = threading.Lock()
_env: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The report's jinja2 environment (built once, then shared).

    Returns:
        An environment with autoescaping on for every template and ``StrictUndefined``.
    """
    global _env
    if _env is None:
        with _lock:
            if _env is None:
                import jinja2

                env = jinja2.Environment(
                    loader=jinja2.PackageLoader("antiage_compare.report", "templates"),
                    autoescape=True,
                    undefined=jinja2.StrictUndefined,
                    trim_blocks=True,
                    lstrip_blocks=True,
                    keep_trailing_newline=True,
                    auto_reload=False,
                )
                env.filters.update(_filters())
                _env = env
    return _env


def _filters() -> dict[str, Callable[..., Any]]:
    """Small, hot pieces of markup as filters (much faster than jinja2 macros).

    Every value is escaped with :func:`markupsafe.escape`; numbers are formatted as ``int``.
    """
    from markupsafe import Markup, escape

    badges: dict[str, Markup] = {}

    def badge(certainty: str) -> Markup:
        out = badges.get(certainty)
        if out is None:
            cls = escape(certainty.replace(" ", "-"))
            out = Markup(
                f'<span class="badge c-{cls}"><span class="vh">How sure: </span>'
                f"{escape(certainty)}</span>"
            )
            badges[certainty] = out
        return out

    def cites(numbers: Sequence[int]) -> Markup:
        if not numbers:
            return Markup("")
        links = ", ".join(f'<a href="#src-{int(n)}">{int(n)}</a>' for n in numbers)
        return Markup(f'<span class="cites">[{links}]</span>')

    def figure(f: Figure) -> Markup:
        text = escape(f.text) if f.known else Markup('<span class="nodata">%s</span>') % f.text
        return Markup("%s %s%s") % (text, badge(f.certainty), cites(f.cites))

    return {"badge": badge, "cites": cites, "figure": figure}


def render(data: ReportData) -> str:
    r"""The whole report page for ``data``.

    Args:
        data: the prepared report data.

    Returns:
        The HTML text, with ``\\n`` line endings, ending in a newline.
    """
    html = environment().get_template("report.html.j2").render(data=data)
    return html if html.endswith("\n") else html + "\n"


def render_html(
    comparison: Comparison,
    *,
    analysis: Analysis | None = None,
    options: ReportOptions = _DEFAULT_OPTIONS,
) -> str:
    """The decision-aid report for ``comparison`` as one self-contained HTML page.

    The page has inline CSS and SVG, no script and no request to the network. The same
    inputs (with ``options.today`` and ``options.version`` given) give the same bytes.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        analysis: the uncertainty analysis to show, from
            :func:`~antiage_compare.uncertainty.analysis.analyse`; ``None`` shows none.
        options: who the report is for, who gives it, its date, version and grid options.

    Returns:
        The HTML text.

    Raises:
        ReportError: ``analysis`` was made for another comparison.
        UnknownIdError: ``options.grid_options`` names an unknown or excluded option.
    """
    return render(build_report_data(comparison, analysis=analysis, options=options))


def write_report(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    analysis: Analysis | None = None,
    options: ReportOptions = _DEFAULT_OPTIONS,
) -> Path:
    """Write the report to ``path`` atomically and return the path.

    The page is written to a temporary file in the same folder, then moved over ``path`` with
    :func:`os.replace`. On any failure the temporary file is removed and an existing file at
    ``path`` is left as it was.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        path: where to write the ``.html`` file.
        analysis: as for :func:`render_html`.
        options: as for :func:`render_html`.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    html = render_html(comparison, analysis=analysis, options=options)
    return write_text_atomic(path, html)
