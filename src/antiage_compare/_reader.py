"""A strict reader over parsed TOML tables that knows its file and field path.

Each accessor checks the type and range of one field and raises :class:`DataError` (or
:class:`WrongTypeError`) naming the file, the dotted path and the bad value. :meth:`Table.done`
rejects keys that were never read, so a typo is an error, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from antiage_compare.errors import DataError, ProfileError, ProfileTypeError, WrongTypeError

E = TypeVar("E")
T = TypeVar("T")

#: Longest free text accepted in any field; far beyond any real use, small enough to be safe.
MAX_TEXT = 20_000

_MISSING: Any = object()

_TYPE_NAMES = {
    str: "a string",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "a table",
    dt.date: "a date",
}


def type_name(value: object) -> str:
    """A reader's name for the TOML type of ``value``."""
    for t, name in _TYPE_NAMES.items():
        if type(value) is t:
            return name
    return type(value).__name__


def check_path_text(path: str, error: type[DataError] = DataError) -> None:
    """Reject a file name the operating system cannot take (a NUL byte) with the library's error."""
    if "\x00" in path:
        raise error(
            "not a usable file name: it contains a NUL character", file=repr(path), has_value=False
        )


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text, turning syntax errors into a :class:`DataError` naming the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", file=file, has_value=False) from None


class Table:
    """One TOML table being read, with the file and path used in error messages."""

    def __init__(self, data: object, file: str | None, path: str = "", error: type = DataError):
        self.file = file
        self.path = path
        self._error: type[DataError] = error
        self._type_error: type[DataError] = (
            ProfileTypeError if issubclass(error, ProfileError) else WrongTypeError
        )
        if not isinstance(data, dict):
            raise self._type_error(
                f"expected a table, got {type_name(data)}", file=file, path=path, value=data
            )
        self.data: dict[str, Any] = data
        self._seen: set[str] = set()

    # -- errors -------------------------------------------------------------------------------
    def sub(self, key: str) -> str:
        """The path of ``key`` inside this table."""
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, problem: str, value: Any = _MISSING) -> DataError:
        """Build (not raise) an error about ``key``."""
        return self._error(
            problem,
            file=self.file,
            path=self.sub(key),
            value=None if value is _MISSING else value,
            has_value=value is not _MISSING,
        )

    def wrong_type(self, key: str, expected: str, value: Any) -> DataError:
        """Build an error that is also a ``TypeError``."""
        return self._type_error(
            f"expected {expected}, got {type_name(value)}",
            file=self.file,
            path=self.sub(key),
            value=value,
        )

    # -- access -------------------------------------------------------------------------------
    def has(self, key: str) -> bool:
        """True if the key is present."""
        return key in self.data

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        """The value as parsed, marking the key as read."""
        self._seen.add(key)
        if key not in self.data:
            if default is _MISSING:
                raise self.fail(key, "required field is missing")
            return default
        return self.data[key]

    def text(self, key: str, default: Any = _MISSING, *, empty: bool = False) -> str:
        """A string; non-empty unless ``empty`` is true."""
        value = self.raw(key, default)
        if not isinstance(value, str):
            raise self.wrong_type(key, "a string", value)
        if not empty and not value.strip():
            raise self.fail(key, "must not be empty", value)
        if len(value) > MAX_TEXT:
            raise self.fail(key, f"is longer than {MAX_TEXT} characters", value)
        return value

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        """A boolean."""
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.wrong_type(key, "true or false", value)
        return value

    def number(
        self,
        key: str,
        default: Any = _MISSING,
        *,
        minimum: float | None = 0.0,
        maximum: float | None = None,
        integer: bool = False,
    ) -> float:
        """A finite number within [minimum, maximum]; whole if ``integer``."""
        value = self.raw(key, default)
        ok = int if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok):
            raise self.wrong_type(key, "a whole number" if integer else "a number", value)
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an int too large for a float
            raise self.fail(key, "is too large a number", value) from None
        if not finite:
            raise self.fail(key, "must be a finite number", value)
        if minimum is not None and value < minimum:
            raise self.fail(key, f"must be at least {minimum:g}", value)
        if maximum is not None and value > maximum:
            raise self.fail(key, f"must be at most {maximum:g}", value)
        return value

    def integer(self, key: str, default: Any = _MISSING, **kw: Any) -> int:
        """A whole number."""
        return int(self.number(key, default, integer=True, **kw))

    def date(self, key: str, default: Any = _MISSING) -> dt.date:
        """A TOML date (not a date-time)."""
        value = self.raw(key, default)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise self.wrong_type(key, "a date such as 2026-11-26", value)
        return value

    def texts(self, key: str, default: Any = _MISSING) -> tuple[str, ...]:
        """A list of non-empty strings."""
        value = self.raw(key, default)
        if not isinstance(value, list):
            raise self.wrong_type(key, "a list of strings", value)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self._type_error(
                    f"expected a string, got {type_name(item)}",
                    file=self.file,
                    path=f"{self.sub(key)}[{i}]",
                    value=item,
                )
            if not item.strip():
                raise self._error(
                    "must not be empty", file=self.file, path=f"{self.sub(key)}[{i}]", value=item
                )
        return tuple(value)

    def choice(self, key: str, parse: Callable[[Any], E], default: Any = _MISSING) -> E:
        """A value converted by ``parse`` (an enum's ``parse``); its ``ValueError`` is reported."""
        value = self.raw(key, default)
        if value is default and default is not _MISSING:
            return value  # type: ignore[no-any-return]
        if not isinstance(value, str):
            raise self.wrong_type(key, "a string", value)
        try:
            return parse(value)
        except ValueError as exc:
            raise self.fail(key, str(exc), value) from None

    def table(self, key: str, default: Any = _MISSING) -> Table:
        """A sub-table."""
        value = self.raw(key, default)
        if not isinstance(value, dict):
            raise self.wrong_type(key, "a table", value)
        return Table(value, self.file, self.sub(key), self._error)

    def tables(self, key: str, default: Any = _MISSING) -> list[Table]:
        """An array of tables."""
        value = self.raw(key, default)
        if not isinstance(value, list):
            raise self.wrong_type(key, "a list of tables", value)
        return [
            Table(v, self.file, f"{self.sub(key)}[{i}]", self._error) for i, v in enumerate(value)
        ]

    def mapping(self, key: str) -> Mapping[str, Any]:
        """A table as a plain mapping (for keyed sub-tables such as ``effects``)."""
        value = self.raw(key)
        if not isinstance(value, dict):
            raise self.wrong_type(key, "a table", value)
        return value

    def convert(self, key: str, build: Callable[[], T]) -> T:
        """Run a model constructor, reporting a broken invariant with this file and path.

        The model names the field it rejects (a :class:`DataError` with an ``origin``, e.g.
        ``Range`` and ``low``), which is placed under this table: ``option[0].sessions.count``
        and ``low`` give ``option[0].sessions.count.low``. So the parser need not restate the
        model's checks to get path-qualified messages. Any other ``ValueError`` or
        ``TypeError`` is reported at ``key``; an error already naming its place (from a
        nested read inside ``build``) passes through.
        """
        try:
            return build()
        except DataError as exc:
            if exc.origin is None:
                raise
            raise self._error(
                exc.problem,
                file=self.file,
                path=self.sub(exc.path or key),
                value=exc.value,
                has_value=exc.has_value,
            ) from None
        except (ValueError, TypeError) as exc:
            value = self.data.get(key, None)
            raise self.fail(key, str(exc), value) from None

    def allow(self, *keys: str) -> None:
        """Mark keys as known without reading them (for keys another step handles)."""
        self._seen.update(keys)

    def done(self) -> None:
        """Reject any key that was never read (unknown keys are errors, not noise)."""
        unknown = [k for k in self.data if k not in self._seen]
        if unknown:
            allowed = ", ".join(sorted(self._seen)) or "none"
            raise self.fail(unknown[0], f"unknown key (allowed here: {allowed})", unknown[0])
