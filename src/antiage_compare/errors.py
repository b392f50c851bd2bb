"""The library's exceptions: one root, each concrete error also a matching built-in.

Every message names what was wrong: the file (where there is one), the field path and the
offending value, so a consultant or a developer can fix the input without a debugger.
"""

from __future__ import annotations

import errno as _errno
from typing import Any

__all__ = [
    "AntiageError",
    "Cancelled",
    "DataError",
    "DataFileNotFoundError",
    "DataPermissionError",
    "MCDAError",
    "MCDATypeError",
    "MethodError",
    "OutputPathError",
    "PdfEngineMissingError",
    "ProfileError",
    "ProfileFileNotFoundError",
    "ProfilePermissionError",
    "ProfileTypeError",
    "ReportError",
    "SensitivityError",
    "SensitivityTypeError",
    "SmaaError",
    "SmaaTypeError",
    "UnknownIdError",
    "UsageError",
    "WrongTypeError",
]


class AntiageError(Exception):
    """Root of every error this library raises on purpose."""


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class DataError(AntiageError, ValueError):
    """A catalogue, clinic or profile file holds data that does not fit the schema.

    Attributes:
        file: the file the data came from, or ``None`` for in-memory data.
        path: a dotted field path such as ``risks[2].count.high``.
        value: the offending value (``None`` where a field is missing).
        problem: what is wrong, in words.
        origin: for a value built in Python rather than read from data, what was built
            (``"Profile"``, ``"Limits"``), which the message names instead of ``<data>``.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        path: str = "",
        value: Any = None,
        has_value: bool = True,
        origin: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.path = path
        self.value = value
        self.has_value = has_value
        self.origin = origin
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or self.origin or "<data>"
        if self.path:
            where += f": {self.path}"
        text = f"{where}: {self.problem}"
        if self.has_value:
            text += f" (got {_describe(self.value)})"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_data_error,
            (
                type(self),
                self.problem,
                self.file,
                self.path,
                self.value,
                self.has_value,
                self.origin,
            ),
        )


def _rebuild_data_error(
    cls: type[DataError],
    problem: str,
    file: str | None,
    path: str,
    value: Any,
    has_value: bool,
    origin: str | None = None,
) -> DataError:
    return cls(problem, file=file, path=path, value=value, has_value=has_value, origin=origin)


class WrongTypeError(DataError, TypeError):
    """A value has the wrong Python type (also a :class:`TypeError`)."""


class ProfileError(DataError):
    """A person's profile (preferences, deal-breakers, health) is invalid."""


class ProfileTypeError(ProfileError, WrongTypeError):
    """A profile value has the wrong Python type (a :class:`ProfileError` and a :class:`TypeError`)."""


class _FileProblemError(DataError):
    """A file or folder that is missing or cannot be read (names the path, like ``OSError``)."""

    errno_code = 0
    errno: int | None
    strerror: str | None
    filename: Any

    def __init__(self, problem: str, *, file: str | None = None, **kw: Any) -> None:
        super().__init__(problem, file=file, has_value=False)
        # The OSError attributes, so code that handles the built-in finds what it expects.
        self.errno = self.errno_code
        self.strerror = problem
        self.filename = file

    def __str__(self) -> str:
        return DataError.__str__(self)


class DataFileNotFoundError(_FileProblemError, FileNotFoundError):
    """A catalogue or clinic file or folder that does not exist (also a ``FileNotFoundError``)."""

    errno_code = _errno.ENOENT


class DataPermissionError(_FileProblemError, PermissionError):
    """A catalogue or clinic file or folder that may not be read (also a ``PermissionError``)."""

    errno_code = _errno.EACCES


class ProfileFileNotFoundError(ProfileError, DataFileNotFoundError):
    """A profile file that does not exist (a ``ProfileError`` and a ``FileNotFoundError``)."""


class ProfilePermissionError(ProfileError, DataPermissionError):
    """A profile file that may not be read (a ``ProfileError`` and a ``PermissionError``)."""


class UnknownIdError(AntiageError, KeyError):
    """An option, concern or criterion id that the catalogue does not know (or not here).

    Attributes:
        kind: what the id names (``"option"``, ``"eligible option"``, ...).
        given: the id asked for.
        known: the ids that would have worked.
        why: said instead of "unknown ... id" when the id is known but not usable here (an
            option that was excluded has no fit), or ``""``.
    """

    def __init__(
        self, kind: str, given: str, known: list[str] | tuple[str, ...], *, why: str = ""
    ) -> None:
        self.kind = kind
        self.given = given
        self.known = tuple(known)
        self.why = why
        super().__init__(str(self))

    def __str__(self) -> str:
        head = self.why or f"unknown {self.kind} id {self.given!r}"
        return f"{head}; known ids: {', '.join(self.known)}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown_id, (type(self), self.kind, self.given, self.known, self.why))


def _rebuild_unknown_id(
    cls: type[UnknownIdError], kind: str, given: str, known: tuple[str, ...], why: str
) -> UnknownIdError:
    return cls(kind, given, known, why=why)


class MCDAError(AntiageError, ValueError):
    """Invalid input to a pure MCDA function (NaN, ragged matrix, bad weights, ...)."""


class ReportError(AntiageError, ValueError):
    """A report option is out of range (for example more than four grid options)."""


class PdfEngineMissingError(ReportError, ModuleNotFoundError):
    """PDF output was asked for, but WeasyPrint is not installed (the message says what to install)."""


class MCDATypeError(MCDAError, TypeError):
    """An MCDA input has the wrong Python type (e.g. a string in the matrix, weights=None)."""


class MethodError(AntiageError, ValueError):
    """An unknown scoring method (``compare(..., method=...)``); the message lists the known ones."""


class SmaaError(AntiageError, ValueError):
    """An invalid argument to :func:`~antiage_compare.smaa` (the message names the argument and value)."""


class SmaaTypeError(SmaaError, TypeError):
    """An argument to :func:`~antiage_compare.smaa` of the wrong type (also a :class:`TypeError`)."""


class Cancelled(AntiageError):  # noqa: N818 - the name the API promises
    """An SMAA run was cancelled through ``cancel``; no partial result is returned."""


class SensitivityError(AntiageError, ValueError):
    """:func:`~antiage_compare.sensitivity` was given something it cannot analyse."""


class SensitivityTypeError(SensitivityError, TypeError):
    """:func:`~antiage_compare.sensitivity` was given an argument of the wrong type."""


class OutputPathError(AntiageError, ValueError):
    """An output path that cannot be used (for example it contains a NUL character)."""


class UsageError(AntiageError):
    """A mistake in how the command line was used (exit status 2), such as an existing output file."""
