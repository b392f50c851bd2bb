"""The choices a caller makes about one report, as one typed, frozen value.

:class:`ReportOptions` is what :func:`~antiage_compare.report.build_report_data`,
:func:`~antiage_compare.report.render_html` and :func:`~antiage_compare.report.write_report`
all take, so the choices are written (and checked) once rather than repeated as keyword
arguments in every signature. Every field defaults to "decide from the comparison": the
profile's name, the catalogue's clinic and statement, today's date, the package version.
The analysis shown (SMAA, sensitivity) is not an option here; it is run beforehand and passed
in as an :class:`~antiage_compare.uncertainty.analysis.Analysis`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen
from attrs.validators import instance_of, optional

from antiage_compare.errors import ReportError

__all__ = ["EDITIONS", "MAX_GRID_OPTIONS", "ReportOptions"]

#: The editions of a report: ``"full"``, every section (to read on screen, and to file);
#: ``"client"``, the hand-out (page one, the Option Grid, the grid's options in detail).
EDITIONS: tuple[str, ...] = ("full", "client")

#: The most options the printable Option Grid holds (one A4 page).
MAX_GRID_OPTIONS = 4


def _grid_ids(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """One id or several as a tuple, in the order given, each once."""
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(dict.fromkeys(value))


def _check_grid(_: object, __: object, value: tuple[str, ...] | None) -> None:
    """1 to :data:`MAX_GRID_OPTIONS` ids, each a string."""
    if value is None:
        return
    if not 1 <= len(value) <= MAX_GRID_OPTIONS:
        msg = f"grid_options must name 1 to {MAX_GRID_OPTIONS} options, got {len(value)}"
        raise ReportError(msg)
    for oid in value:
        if not isinstance(oid, str):
            msg = f"grid_options must be option ids (strings), got {oid!r}"
            raise ReportError(msg)


_text = optional(instance_of(str))


def _check_edition(_: object, __: object, value: object) -> None:
    if value not in EDITIONS:
        msg = f"edition must be one of {', '.join(EDITIONS)}, got {value!r}"
        raise ReportError(msg)


@frozen(kw_only=True)
class ReportOptions:
    """How one report is made: who it is for, who gives it, its date, and the grid's options.

    Attributes:
        grid_options: 1 to 4 option ids for the printable Option Grid (one id or several;
            repeats are dropped); ``None``: the three best-fitting options plus "no procedure".
            An id that is unknown or excluded is an error when the report is built.
        prepared_for: who the report is for; ``None``: the profile's name.
        clinic_name: the clinic giving the report; ``None``: the catalogue's clinic name.
        competing_interests: the competing-interest statement; ``None``: the catalogue's, plus
            a plain statement that the clinic may sell these treatments when a clinic name is
            given without its own statement.
        today: the report date; ``None``: today.
        version: the version shown; ``None``: the installed package version.
        edition: ``"full"`` (the default: every section, as a consultant reads it on screen
            and files it) or ``"client"`` (the hand-out: page one, the Option Grid and the
            grid's options in detail, with the sources they cite; no appendix).
        record_hash: the SHA-256 of the consultation record written with this report
            (:func:`antiage_compare.record.record_json`), cited in the report; ``None``: none.

    Raises:
        ReportError: ``grid_options`` names no option or more than four, or ``edition`` is
            not one of :data:`EDITIONS`.
        TypeError: a field has the wrong type.
    """

    grid_options: tuple[str, ...] | None = field(
        default=None, converter=_grid_ids, validator=_check_grid
    )
    prepared_for: str | None = field(default=None, validator=_text)
    clinic_name: str | None = field(default=None, validator=_text)
    competing_interests: str | None = field(default=None, validator=_text)
    today: dt.date | None = field(default=None, validator=optional(instance_of(dt.date)))
    version: str | None = field(default=None, validator=_text)
    edition: str = field(default="full", validator=_check_edition)
    record_hash: str | None = field(default=None, validator=_text)
