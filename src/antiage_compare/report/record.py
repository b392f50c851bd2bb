"""The consultation record: what one comparison used, as canonical JSON for the clinic to file.

A report is for reading; the record is for showing later exactly what was compared: the
profile, the catalogue's data version with a SHA-256 of its files, the clinic file's hash, the
method and horizon, the seed and samples of the uncertainty analysis, the options excluded and
why, the package version, and the readiness answers when there are any. The same inputs give
the same bytes (keys sorted, no clock read unless no date is given), so the record's own
SHA-256, printed on the report, identifies it. Its schema ships as
``antiage_compare/schemas/record.schema.json``.

>>> from antiage_compare import compare, example_profile
>>> from antiage_compare.report.record import record_json
>>> import datetime as dt
>>> text = record_json(compare(example_profile()), today=dt.date(2026, 12, 2))
>>> text.splitlines()[1]
'  "analysis": {'

"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from antiage_compare._files import write_text_atomic
from antiage_compare._paths import shipped_data
from antiage_compare._version import package_version
from antiage_compare.comparison import Comparison
from antiage_compare.errors import ReportError
from antiage_compare.loading import load_catalog
from antiage_compare.uncertainty.analysis import Analysis

__all__ = [
    "RECORD_VERSION",
    "file_digest",
    "record_data",
    "record_hash",
    "record_json",
    "write_record",
]

#: The version of the record's layout (``record_version``); raised on any change to its keys.
RECORD_VERSION = 1

_CHUNK = 1 << 16


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def file_digest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The SHA-256 of a data file, or of a folder's ``.toml`` files taken together.

    A folder's digest is the SHA-256 of each file's path relative to the folder (with ``/``),
    a NUL byte, the file's own SHA-256 and a newline, in path order; so renaming, adding or
    changing any file changes it, and the folder's place on disk does not.

    Returns:
        ``{"sha256": ..., "files": {relative path: sha256, ...}}`` (``files`` has one entry,
        the file's name, for a single file).

    Raises:
        ReportError: ``path`` does not exist (also a ``ValueError``).
    """
    p = Path(path)
    if p.is_file():
        digest = _sha256_file(p)
        return {"sha256": digest, "files": {p.name: digest}}
    if not p.is_dir():
        raise ReportError(f"{p}: no such file or folder to hash for the record")
    files = {
        f.relative_to(p).as_posix(): _sha256_file(f)
        for f in sorted(p.rglob("*.toml"), key=lambda f: f.relative_to(p).as_posix())
    }
    h = hashlib.sha256()
    for name, digest in files.items():
        h.update(f"{name}\0{digest}\n".encode())
    return {"sha256": h.hexdigest(), "files": files}


def record_data(
    comparison: Comparison,
    *,
    analysis: Analysis | None = None,
    catalog_path: str | os.PathLike[str] | None = None,
    clinic_path: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
    readiness: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The record of one consultation as a JSON-ready mapping (see the module docstring).

    Args:
        comparison: the result of :func:`~antiage_compare.scoring.compare`.
        analysis: the uncertainty analysis shown with it (its seed and samples are recorded).
        catalog_path: the catalogue folder or file the comparison's catalogue was loaded from;
            ``None`` is allowed only for the shipped catalogue.
        clinic_path: the clinic file laid over it, if any; required when the catalogue carries
            a clinic's figures or name.
        today: the consultation date; ``None``: today.
        readiness: the person's readiness answers (for example the SURE questions), if asked.

    Raises:
        ReportError: the catalogue's files cannot be named (a catalogue not shipped, without
            ``catalog_path``; clinic figures without ``clinic_path``).
    """
    c = comparison
    if not isinstance(c, Comparison):
        msg = f"comparison must be a Comparison (got {type(c).__name__})"
        raise TypeError(msg)
    cat = c.catalog
    info = cat.info
    has_clinic = bool(cat.clinic_figures or info.clinic_name)
    if catalog_path is None:
        shipped = load_catalog()
        if cat is not shipped and not (has_clinic and clinic_path is not None):
            msg = (
                "catalog_path is needed: the record hashes the files the catalogue came from, "
                "and this is not the shipped catalogue"
            )
            raise ReportError(msg)
        catalog_path = Path(str(shipped_data()))
    if has_clinic and clinic_path is None:
        msg = "clinic_path is needed: the catalogue carries a clinic's figures, and the record hashes that file"
        raise ReportError(msg)
    smaa = None if analysis is None else analysis.smaa
    return {
        "record_version": RECORD_VERSION,
        "package": {"name": "antiage_compare", "version": package_version()},
        "date": (dt.date.today() if today is None else today).isoformat(),
        "catalogue": {
            "data_version": info.data_version,
            "currency": cat.currency,
            **file_digest(Path(catalog_path)),
        },
        "clinic": None
        if clinic_path is None
        else {"name": info.clinic_name or None, **file_digest(clinic_path)},
        "profile": c.profile.to_dict(),
        "method": c.method,
        "horizon_years": c.profile.horizon_years,
        "analysis": {
            "smaa": smaa is not None,
            "seed": None if smaa is None else smaa.seed,
            "samples": None if smaa is None else smaa.samples,
            "sensitivity": analysis is not None and analysis.sensitivity is not None,
        },
        "eligible": [{"id": s.option.id, "fit": round(s.fit, 6), "rank": s.rank} for s in c.scored],
        "excluded": [
            {
                "id": e.option.id,
                "reasons": [
                    {"kind": r.kind, "text": r.text, "sources": list(r.sources)} for r in e.reasons
                ],
            }
            for e in c.excluded
        ],
        "readiness": None if readiness is None else dict(readiness),
    }


def record_json(
    comparison: Comparison,
    *,
    analysis: Analysis | None = None,
    catalog_path: str | os.PathLike[str] | None = None,
    clinic_path: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
    readiness: Mapping[str, Any] | None = None,
) -> str:
    """The record as canonical JSON text: keys sorted, 2-space indent, UTF-8, one final newline."""
    data = record_data(
        comparison,
        analysis=analysis,
        catalog_path=catalog_path,
        clinic_path=clinic_path,
        today=today,
        readiness=readiness,
    )
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def record_hash(text: str) -> str:
    """The SHA-256 of a record's text (its UTF-8 bytes), as the report cites it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_record(path: str | os.PathLike[str], text: str) -> Path:
    """Write record text (from :func:`record_json`) atomically; return the path."""
    return write_text_atomic(path, text)
