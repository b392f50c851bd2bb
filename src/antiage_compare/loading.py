"""Loading: one loader per kind of file, and one function that tells the kinds apart.

* :func:`load_catalog` reads a catalogue: the shipped one (cached), a folder laid out like
  ``data/``, or a single-file catalogue.
* :func:`load_clinic` reads a clinic's file over a base catalogue (the shipped one by default,
  or any catalogue you loaded).
* :func:`file_kind` decides what a file is from its top-level tables (``[clinic]``, ``[catalog]``,
  a profile's tables) or that it is a folder, so the command line and ``validate`` ask once and
  hand the file to that kind's loader. Nothing else sniffs content.

Every missing or unreadable file or folder is a library error that is also the matching built-in
(:class:`~antiage_compare.errors.DataFileNotFoundError` is a ``DataError`` and a
``FileNotFoundError``), naming the path.
"""

from __future__ import annotations

import enum
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from antiage_compare._parse import (
    Refs,
    check_schema,
    parse_claim,
    parse_info,
    parse_option,
    parse_source,
    parse_warning,
)
from antiage_compare._paths import shipped_data
from antiage_compare._reader import Table, check_path_text, parse_toml
from antiage_compare.catalog import NO_PROCEDURE, Catalog
from antiage_compare.clinic import apply_clinic
from antiage_compare.errors import (
    DataError,
    DataFileNotFoundError,
    DataPermissionError,
    WrongTypeError,
)
from antiage_compare.model import CatalogInfo, Claim, Option, ProductWarning, Source
from antiage_compare.profile import PROFILE_TABLES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["FileKind", "file_kind", "load_catalog", "load_clinic"]


class FileKind(enum.Enum):
    """What a data file is, decided by :func:`file_kind`."""

    CATALOGUE_FOLDER = "catalogue folder"
    CATALOGUE_FILE = "catalogue file"
    CLINIC = "clinic file"
    PROFILE = "profile"

    def __str__(self) -> str:
        return str(self.value)


_lock = threading.Lock()
_shipped: Catalog | None = None


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load and validate a catalogue.

    Args:
        path: ``None`` for the shipped catalogue (loaded once, then shared; it is immutable);
            a folder laid out like ``data/``; or a single ``.toml`` file holding a whole
            catalogue (a ``[catalog]`` table, ``[[source]]``, ``[[option]]``, ``[[claim]]``).

    Raises:
        DataError: the data breaks the schema (the message names the file, field path and
            value), or the file is a clinic file or a profile (use :func:`load_clinic` or
            :func:`~antiage_compare.load_profile`).
        DataFileNotFoundError: ``path`` (or a file a folder needs) does not exist; also a
            ``FileNotFoundError``.
        DataPermissionError: it may not be read; also a ``PermissionError``.
    """
    global _shipped
    if path is None:
        if _shipped is None:
            with _lock:
                if _shipped is None:
                    _shipped = _load_folder(shipped_data())
        return _shipped
    p = _existing(path)
    if p.is_dir():
        return _load_folder(p)
    doc = _read(p)
    kind = _kind_of(doc)
    if kind is FileKind.CLINIC:
        raise DataError(
            "is a clinic file, not a catalogue: load it with load_clinic() "
            "(on the command line: --clinic)",
            file=str(p),
            path="clinic",
            has_value=False,
        )
    if kind is FileKind.PROFILE:
        raise DataError(
            "is a profile, not a catalogue: load it with load_profile()",
            file=str(p),
            has_value=False,
        )
    return _load_single_file(doc)


def load_clinic(path: str | os.PathLike[str], base: Catalog | None = None) -> Catalog:
    """Load a clinic's file (prices, options not offered, its own options) over ``base``.

    Args:
        path: the clinic file (a TOML file with a ``[clinic]`` table; see the consultant's guide).
        base: the catalogue it is laid over; ``None`` for the shipped catalogue.

    Raises:
        DataError: the file breaks the clinic schema, or it is not a clinic file; a clinic
            pricing in another currency than ``base`` without its own ``[cost_scale] worst``.
        DataFileNotFoundError, DataPermissionError: as for :func:`load_catalog`.
    """
    if base is None:
        base = load_catalog()
    elif not isinstance(base, Catalog):
        raise WrongTypeError("expected a Catalog", path="base", value=base)
    p = _existing(path)
    if p.is_dir():
        raise DataError(
            "is a folder, not a clinic file (one TOML file with a [clinic] table); load a "
            "catalogue folder with load_catalog() (on the command line: --catalog)",
            file=str(p),
            has_value=False,
        )
    doc = _read(p)
    if _kind_of(doc) is not FileKind.CLINIC:
        raise DataError(
            "is not a clinic file (it has no [clinic] table); load a whole catalogue with "
            "load_catalog() (on the command line: --catalog)",
            file=str(p),
            path="clinic",
            has_value=False,
        )
    return apply_clinic(base, doc)


def file_kind(path: str | os.PathLike[str]) -> FileKind:
    """What ``path`` is: a catalogue folder, a catalogue file, a clinic file or a profile.

    Decided once, from the top-level tables only: ``[clinic]`` makes a clinic file, ``[catalog]``
    a catalogue file, any of a profile's tables (``[profile]``, ``[importance]``, …) a profile.

    Raises:
        DataError: the file is none of these, or is not valid TOML.
        DataFileNotFoundError, DataPermissionError: as for :func:`load_catalog`.
    """
    p = _existing(path)
    if p.is_dir():
        return FileKind.CATALOGUE_FOLDER
    return _kind_of(_read(p))


# -- reading --------------------------------------------------------------------------------------


def _existing(path: str | os.PathLike[str]) -> Path:
    check_path_text(os.fspath(path))
    p = Path(path)
    try:
        p.stat()
    except FileNotFoundError:
        raise DataFileNotFoundError("no such file or folder", file=str(p)) from None
    except PermissionError:
        raise DataPermissionError("may not be read (permission denied)", file=str(p)) from None
    except OSError as exc:
        raise DataError(f"cannot be read: {exc.strerror}", file=str(p), has_value=False) from None
    return p


def _read(p: Traversable | Path, needed_by: str | None = None) -> Table:
    name = str(p)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        problem = f"missing (a catalogue {needed_by} needs it)" if needed_by else "no such file"
        raise DataFileNotFoundError(problem, file=name) from None
    except IsADirectoryError:
        raise DataError("is a folder, not a file", file=name, has_value=False) from None
    except PermissionError:
        raise DataPermissionError("may not be read (permission denied)", file=name) from None
    except OSError as exc:
        raise DataError(f"cannot be read: {exc.strerror}", file=name, has_value=False) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason}", file=name, has_value=False) from None
    return Table(parse_toml(text, name), name)


def _kind_of(doc: Table) -> FileKind:
    tables = set(doc.data)
    if "clinic" in tables:
        return FileKind.CLINIC
    if "catalog" in tables:
        return FileKind.CATALOGUE_FILE
    if tables & PROFILE_TABLES:
        return FileKind.PROFILE
    raise DataError(
        "cannot tell what this file is: a catalogue file has a [catalog] table, a clinic file "
        "a [clinic] table, a profile an [importance] (or [ranking], [swing], [ahp]) table",
        file=doc.file,
        value=sorted(tables),
    )


def _sources(tables: list[Table]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for t in tables:
        s = parse_source(t)
        if s.id in sources:
            raise t.fail("id", "duplicate source id", s.id)
        sources[s.id] = s
    return sources


def _unique_ids(tables: list[Table], ids: list[str], what: str) -> None:
    """Refuse a second record with the same id, naming the table it is in."""
    seen: set[str] = set()
    for t, rid in zip(tables, ids, strict=True):
        if rid in seen:
            raise t.fail("id", f"duplicate {what} id", rid)
        seen.add(rid)


def _claims(tables: list[Table], refs: Refs, option_ids: set[str]) -> list[Claim]:
    claims = [parse_claim(t, refs, option_ids) for t in tables]
    _unique_ids(tables, [c.id for c in claims], "claim")
    return claims


def _warnings(tables: list[Table], refs: Refs) -> list[ProductWarning]:
    warnings = [parse_warning(t, refs) for t in tables]
    _unique_ids(tables, [w.id for w in warnings], "warning")
    return warnings


def _finish(
    options: list[Option],
    sources: dict[str, Source],
    claims: list[Claim],
    info: CatalogInfo,
    where: str,
    warnings: list[ProductWarning] | None = None,
) -> Catalog:
    if not any(o.id == NO_PROCEDURE for o in options):
        raise DataError(
            "the catalogue must include the 'no_procedure' option (the natural course)",
            file=where,
            path="options",
            value=sorted(o.id for o in options),
        )
    return Catalog(
        options=options, sources=sources, claims=claims, info=info, warnings=warnings or ()
    )


def _load_folder(folder: Traversable | Path) -> Catalog:
    meta = _read(folder / "catalog.toml", needed_by=f"folder ({folder})")
    check_schema(meta)
    info = parse_info(meta)
    meta.done()

    src = _read(folder / "sources.toml", needed_by=f"folder ({folder})")
    check_schema(src)
    sources = _sources(src.tables("source"))
    src.done()
    refs = Refs(sources)

    options: list[Option] = []
    option_dir = folder / "options"
    if not option_dir.is_dir():
        raise DataFileNotFoundError("missing folder 'options/'", file=str(folder))
    for entry in sorted(option_dir.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        t = _read(entry)
        check_schema(t)
        options.append(
            parse_option(t, refs, currency=info.currency, expected_id=entry.name[: -len(".toml")])
        )

    claims: list[Claim] = []
    claims_file = folder / "claims.toml"
    if claims_file.is_file():
        ct = _read(claims_file)
        check_schema(ct)
        claims = _claims(ct.tables("claim", []), refs, {o.id for o in options})
        ct.done()
    warnings: list[ProductWarning] = []
    warnings_file = folder / "warnings.toml"
    if warnings_file.is_file():
        wt = _read(warnings_file)
        check_schema(wt)
        warnings = _warnings(wt.tables("warning", []), refs)
        wt.done()
    return _finish(options, sources, claims, info, str(folder), warnings)


def _load_single_file(doc: Table) -> Catalog:
    check_schema(doc)
    info = parse_info(doc.table("catalog"))
    sources = _sources(doc.tables("source"))
    refs = Refs(sources)
    options: list[Option] = []
    for t in doc.tables("option"):
        option = parse_option(t, refs, currency=info.currency)
        if any(o.id == option.id for o in options):
            raise t.fail("id", "duplicate option id", option.id)
        options.append(option)
    claims = _claims(doc.tables("claim", []), refs, {o.id for o in options})
    warnings = _warnings(doc.tables("warning", []), refs)
    doc.done()
    return _finish(options, sources, claims, info, doc.file or "<data>", warnings)
