"""The library's exceptions: one root, each concrete error also a matching built-in.

Every message names what was wrong: the file (where there is one), the field path and the
offending value, so a consultant or a developer can fix the input without a debugger.
"""

from __future__ import annotations

import errno as _errno
from typing import Any

__all__ = [
    "AntiageError",
    "DataError",
    "DataFileNotFoundError",
    "DataPermissionError",
    "MCDAError",
    "ProfileError",
    "ProfileFileNotFoundError",
    "ProfilePermissionError",
    "ProfileTypeError",
    "ReportError",
    "UnknownIdError",
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
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        path: str = "",
        value: Any = None,
        has_value: bool = True,
    ) -> None:
        self.problem = problem
        self.file = file
        self.path = path
        self.value = value
        self.has_value = has_value
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<data>"
        if self.path:
            where += f": {self.path}"
        text = f"{where}: {self.problem}"
        if self.has_value:
            text += f" (got {_describe(self.value)})"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_data_error,
            (type(self), self.problem, self.file, self.path, self.value, self.has_value),
        )


def _rebuild_data_error(
    cls: type[DataError], problem: str, file: str | None, path: str, value: Any, has_value: bool
) -> DataError:
    return cls(problem, file=file, path=path, value=value, has_value=has_value)


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
    """An option, concern or criterion id that the catalogue does not know."""

    def __init__(self, kind: str, given: str, known: list[str] | tuple[str, ...]) -> None:
        self.kind = kind
        self.given = given
        self.known = tuple(known)
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"unknown {self.kind} id {self.given!r}; known ids: {', '.join(self.known)}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.given, self.known))


class MCDAError(AntiageError, ValueError):
    """Invalid input to a pure MCDA function (NaN, ragged matrix, bad weights, ...)."""


class ReportError(AntiageError, ValueError):
    """A report option is out of range (for example more than four grid options)."""
