"""Render :class:`~antiage_compare.report.data.ReportData` to one self-contained HTML page.

One jinja2 environment (``PackageLoader``, autoescape on, ``StrictUndefined``) is built on first
use and kept. jinja2 is imported only here, inside functions, so ``import antiage_compare`` stays
fast. Templates and the style sheet live in ``antiage_compare/report/templates``.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antiage_compare._files import write_text_atomic
from antiage_compare.report.data import (
    DEFAULT_SAMPLES,
    DEFAULT_SEED,
    Figure,
    ReportData,
    build_report_data,
)

if TYPE_CHECKING:
    import jinja2

    from antiage_compare.comparison import Comparison
    from antiage_compare.uncertainty.smaa import SmaaResult


__all__ = ["environment", "render", "render_compact", "render_html", "write_report"]

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
    smaa: bool | SmaaResult | None = True,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    grid_options: Sequence[str] | None = None,
    prepared_for: str | None = None,
    clinic_name: str | None = None,
    competing_interests: str | None = None,
    today: dt.date | None = None,
    version: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """The decision-aid report for ``comparison`` as one self-contained HTML page.

    The page has inline CSS and SVG, no script and no request to the network. The same inputs
    (with ``today`` and ``version`` given) give the same bytes.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        smaa: ``True`` (default) to include the SMAA scenario analysis, ``False`` to leave it
            out, or an SMAA result to use as is.
        samples: SMAA draws (default 10,000).
        seed: SMAA random seed (default :data:`~antiage_compare.report.data.DEFAULT_SEED`,
            20261126).
        grid_options: 1 to 4 option ids for the printable Option Grid; default: the three
            options with the highest fit plus "no procedure".
        prepared_for: who the report is for; default: the profile's name.
        clinic_name: the clinic giving the report; default: the catalogue's.
        competing_interests: the competing-interest statement; default: the catalogue's (with
            an honest sentence added when only a clinic name is given).
        today: the report date; default: today.
        version: the version shown; default: the package version.
        progress: passed on to the SMAA run.

    Returns:
        The HTML text.

    Raises:
        ReportError: ``grid_options`` names no option or more than four.
        UnknownIdError: ``grid_options`` names an unknown or excluded option.
    """
    data = build_report_data(
        comparison,
        smaa=smaa,
        samples=samples,
        seed=seed,
        grid_options=grid_options,
        prepared_for=prepared_for,
        clinic_name=clinic_name,
        competing_interests=competing_interests,
        today=today,
        version=version,
        progress=progress,
    )
    return render(data)


def write_report(comparison: Comparison, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the report to ``path`` atomically and return the path.

    The page is written to a temporary file in the same folder, then moved over ``path`` with
    :func:`os.replace`. On any failure the temporary file is removed and an existing file at
    ``path`` is left as it was.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        path: where to write the ``.html`` file.
        **options: the keyword options of :func:`render_html`.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    html = render_html(comparison, **options)
    return write_text_atomic(path, html)


def render_compact(comparison: Comparison) -> str:
    """A compact HTML fragment for Jupyter: fits, exclusions and the advice notice.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.

    Returns:
        An HTML fragment (no ``<html>`` element), without SMAA.
    """
    data = build_report_data(comparison, smaa=False, today=dt.date(1970, 1, 1), version="")
    return environment().get_template("compact.html.j2").render(data=data)
