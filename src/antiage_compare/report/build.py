"""Build a report's data: :func:`build_report_data` runs the section builders, in order.

This is the one place that knows the order of the sections, and so the order in which sources
are cited and numbered. It computes nothing random and runs no analysis: the SMAA and
sensitivity results arrive in an :class:`~antiage_compare.uncertainty.analysis.Analysis`
made beforehand by :func:`~antiage_compare.uncertainty.analysis.analyse`. The same
comparison, analysis and options give an equal result.
"""

from __future__ import annotations

import datetime as dt

from antiage_compare._version import package_version
from antiage_compare.catalog import NO_PROCEDURE
from antiage_compare.comparison import Comparison
from antiage_compare.errors import ReportError
from antiage_compare.report import sections
from antiage_compare.report.cite import Citations
from antiage_compare.report.facts import OptionFacts
from antiage_compare.report.options import ReportOptions
from antiage_compare.report.prose import COOLING_OFF, QUESTION
from antiage_compare.report.records import ClaimGroup, ReportData
from antiage_compare.uncertainty.analysis import Analysis

__all__ = ["build_report_data"]

_DEFAULT_OPTIONS = ReportOptions()
_NOTHING = Analysis()


def build_report_data(
    comparison: Comparison,
    *,
    analysis: Analysis | None = None,
    options: ReportOptions = _DEFAULT_OPTIONS,
) -> ReportData:
    """Prepare everything the report shows, as frozen records.

    Deterministic: the same comparison, analysis and options give an equal result. Only the
    defaults of ``options.today`` and ``options.version`` are outside facts (today's date and
    the installed package version).

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        analysis: the uncertainty analysis to show, from
            :func:`~antiage_compare.uncertainty.analysis.analyse`; ``None`` shows none (the
            report then says it did not test the order).
        options: who the report is for, who gives it, its date, version and grid options.

    Returns:
        The frozen report data.

    Raises:
        ReportError: ``analysis`` was made for another comparison.
        UnknownIdError: ``options.grid_options`` names an option that is unknown or excluded.
    """
    c = comparison
    if not isinstance(c, Comparison):
        msg = f"comparison must be a Comparison (got {type(c).__name__})"
        raise TypeError(msg)
    analysis = _NOTHING if analysis is None else analysis
    _check_analysis(c, analysis)
    today = dt.date.today() if options.today is None else options.today
    version = package_version() if options.version is None else options.version
    info = c.catalog.info
    clinic = info.clinic_name if options.clinic_name is None else options.clinic_name
    if options.competing_interests is not None:
        interests = options.competing_interests
    elif clinic and not info.clinic_name:
        interests = (
            f"{info.competing_interests} This report is given to you by {clinic}. "
            "The clinic may sell some of the treatments in it."
        )
    else:
        interests = info.competing_interests
    who = c.profile.name if options.prepared_for is None else options.prepared_for
    grid_choice = sections.grid_choice(c, options.grid_options)

    # The calls below run in the order the page reads (page one, then sections 1 to 8), so
    # the citation numbers go up along the page: the first [n] on the page is 1, the next 2, ...
    facts = OptionFacts(c, Citations(c.catalog.sources))
    summary = sections.summary(c, facts, grid_choice, analysis.sensitivity)
    decision = sections.decision(c, facts, prepared_for=who, today=today, version=version)
    values = sections.values(c)
    fit = sections.fit(c, analysis.smaa, analysis.sensitivity)
    grid = facts.grid(
        "grid-print", f"Option Grid: {len(grid_choice)} options side by side", grid_choice
    )
    if options.edition == "client":
        # The hand-out shows the grid's options only. What it leaves out is not cited, so its
        # source list holds exactly the sources it shows.
        unshown = OptionFacts(c, Citations(c.catalog.sources))
        grid_all = grid
        # "No new treatment" has no harms of a treatment to draw: page one and the grid say so.
        details = tuple(
            facts.detail(s, hand_out=True) for s in grid_choice if s.option.id != NO_PROCEDURE
        )
        not_shown = sections.not_shown(c, unshown, clinic=clinic)
        claims: list[ClaimGroup] = []
    else:
        grid_all = facts.grid("grid-all", "Option Grid: every option open to you", c.scored)
        details = tuple(facts.detail(s) for s in c.scored)
        not_shown = sections.not_shown(c, facts, clinic=clinic)
        claims = sections.claims(c, facts)
    warnings = sections.warnings(c, facts)
    return ReportData(
        title=QUESTION,
        generator=f"antiage_compare {version}",
        decision=decision,
        summary=summary,
        about=sections.about(c, clinic=clinic, interests=interests, today=today),
        values=values,
        fit=fit,
        grid=grid,
        grid_all=grid_all,
        options=details,
        not_shown=not_shown,
        claims=claims,
        warnings=warnings,
        methods=sections.methods(c, analysis.smaa),
        sources=facts.cite.entries(),
        questions=sections.questions(c, grid_choice, clinic=clinic),
        edition=options.edition,
        record_hash=options.record_hash,
        cooling_off=COOLING_OFF,
        ready=sections.ready(c),
        understanding=sections.understanding(c, summary, grid_choice, analysis.smaa),
    )


def _check_analysis(c: Comparison, analysis: Analysis) -> None:
    """Refuse an analysis whose options (SMAA) or top option (sensitivity) are not ``c``'s."""
    if not isinstance(analysis, Analysis):
        msg = f"analysis must be an Analysis from analyse() (got {type(analysis).__name__})"
        raise TypeError(msg)
    smaa, sens = analysis.smaa, analysis.sensitivity
    if smaa is not None and set(smaa.option_ids) != set(c.ids):
        msg = "analysis.smaa was run on other options than this comparison's"
        raise ReportError(msg)
    if sens is not None and (not c.scored or sens.top != c.ids[0] or sens.method != c.method):
        msg = "analysis.sensitivity is of another comparison (its top option or method differ)"
        raise ReportError(msg)
