"""The catalogue: options, sources and claims, loaded from TOML and validated.

``load_catalog()`` returns the shipped catalogue (loaded lazily, once, thread-safely);
``load_catalog(path)`` loads a folder laid out like ``data/``, a single-file catalogue, or a
clinic's override file (merged over the shipped data) through the same code.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Hashable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from antiage_compare._parse import (
    Refs,
    check_schema,
    parse_claim,
    parse_info,
    parse_option,
    parse_source,
)
from antiage_compare._paths import shipped_data
from antiage_compare._reader import Table, check_path_text, parse_toml
from antiage_compare.errors import DataError, UnknownIdError
from antiage_compare.model import (
    CatalogInfo,
    Claim,
    Option,
    Source,
    to_frozen_map,
    to_frozenset,
    to_tuple,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


__all__ = ["NO_PROCEDURE", "Catalog", "load_catalog"]

#: The id of the "do nothing new" option, which every comparison keeps.
NO_PROCEDURE = "no_procedure"


@frozen
class Catalog:
    """An immutable collection of options with their sources, claims and metadata.

    Iterate over it for the options, index it by id (``catalog["acupuncture"]``), and narrow it
    with :meth:`only` and :meth:`without`, which return new catalogues.
    """

    options: tuple[Option, ...] = field(converter=to_tuple)
    sources: Mapping[str, Source] = field(converter=to_frozen_map)
    claims: tuple[Claim, ...] = field(converter=to_tuple)
    info: CatalogInfo
    #: Ids of option figures that came from a clinic file, as ``"option_id.field"``.
    clinic_figures: frozenset[str] = field(default=frozenset(), converter=to_frozenset)
    #: Options the clinic does not offer but wants shown as "not offered here".
    not_offered: tuple[Option, ...] = field(default=(), converter=to_tuple)
    _index: Mapping[str, Option] = field(init=False, eq=False, repr=False)
    #: Values worked out from this catalogue's options, filled lazily by the scoring
    #: (:func:`antiage_compare.scoring.value_rows`, keyed by option id and concerns). It lives
    #: and dies with the catalogue, so a fresh catalogue per request leaves nothing behind, and
    #: it is not part of equality, hashing, the repr or :func:`attrs.evolve` (a narrowed
    #: catalogue starts empty). Filled with ``setdefault`` only, so threads sharing the
    #: catalogue never see a half-built entry: two that both miss compute equal rows and the
    #: first stored wins. Derived state, not part of the value: the catalogue stays frozen.
    _memo: dict[Hashable, Any] = field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Option] = {}
        for o in self.options:
            if o.id in index:
                raise DataError("duplicate option id", path="options", value=o.id)
            index[o.id] = o
        object.__setattr__(self, "_index", index)

    def __iter__(self) -> Iterator[Option]:
        return iter(self.options)

    def __len__(self) -> int:
        return len(self.options)

    def __contains__(self, option_id: object) -> bool:
        return option_id in self._index

    def __getitem__(self, option_id: str) -> Option:
        try:
            return self._index[option_id]
        except (KeyError, TypeError):
            raise UnknownIdError("option", str(option_id), self.ids) from None

    def __repr__(self) -> str:
        return f"<Catalog {self.info.data_version}: {len(self)} options: {', '.join(self.ids)}>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The option ids, in catalogue order."""
        return tuple(self._index)

    def _check(self, ids: Iterable[str]) -> list[str]:
        ids = list(ids)
        for i in ids:
            if i not in self._index:
                raise UnknownIdError("option", i, self.ids)
        return ids

    def only(self, *ids: str) -> Catalog:
        """A catalogue with just these options, plus "no procedure", which is always kept."""
        keep = set(self._check(ids)) | {NO_PROCEDURE}
        return attrs.evolve(self, options=[o for o in self.options if o.id in keep])

    def without(self, *ids: str) -> Catalog:
        """A catalogue without these options ("no procedure" cannot be removed)."""
        drop = set(self._check(ids))
        if NO_PROCEDURE in drop:
            msg = "'no_procedure' cannot be removed: a decision aid always shows the natural course"
            raise DataError(msg, path="without", value=NO_PROCEDURE)
        return attrs.evolve(self, options=[o for o in self.options if o.id not in drop])

    def claims_about(self, option_id: str) -> tuple[Claim, ...]:
        """The claims about one option."""
        return tuple(c for c in self.claims if c.option_id == option_id)

    def source(self, source_id: str) -> Source:
        """One source by id."""
        try:
            return self.sources[source_id]
        except KeyError:
            raise UnknownIdError("source", source_id, tuple(self.sources)) from None


# -- loading --------------------------------------------------------------------------------------

_lock = threading.Lock()
_shipped: Catalog | None = None


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load and validate a catalogue.

    Args:
        path: ``None`` for the shipped catalogue (cached after the first call); a folder laid out
            like ``data/``; a single ``.toml`` file holding a whole catalogue; or a clinic file
            (one with a ``[clinic]`` table), which is merged over the shipped catalogue.

    Raises:
        DataError: the data breaks the schema; the message names the file, field path and value.
        FileNotFoundError: ``path`` does not exist.
    """
    global _shipped
    if path is None:
        if _shipped is None:
            with _lock:
                if _shipped is None:
                    _shipped = _load_folder(shipped_data())
        return _shipped
    check_path_text(os.fspath(path))
    p = Path(path)
    if p.is_dir():
        return _load_folder(p)
    if not p.is_file():
        msg = f"no catalogue file or folder at {p}"
        raise FileNotFoundError(msg)
    doc = _read(p)
    if "clinic" in doc.data:
        from antiage_compare.clinic import apply_clinic

        return apply_clinic(load_catalog(), doc)
    return _load_single_file(doc)


def _read(p: Traversable | Path) -> Table:
    name = str(p)
    try:
        text = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason}", file=name, has_value=False) from None
    return Table(parse_toml(text, name), name)


def _sources(tables: list[Table]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for t in tables:
        s = parse_source(t)
        if s.id in sources:
            raise t.fail("id", "duplicate source id", s.id)
        sources[s.id] = s
    return sources


def _claims(tables: list[Table], refs: Refs, option_ids: set[str]) -> list[Claim]:
    claims = [parse_claim(t, refs, option_ids) for t in tables]
    seen: set[str] = set()
    for t, c in zip(tables, claims, strict=True):
        if c.id in seen:
            raise t.fail("id", "duplicate claim id", c.id)
        seen.add(c.id)
    return claims


def _finish(
    options: list[Option],
    sources: dict[str, Source],
    claims: list[Claim],
    info: CatalogInfo,
    where: str,
) -> Catalog:
    # Option ids are unique already (a folder's ids are its file names; a single file checks
    # them as it reads; the Catalog checks again), so only "no procedure" is left to check.
    seen = {o.id for o in options}
    if NO_PROCEDURE not in seen:
        raise DataError(
            "the catalogue must include the 'no_procedure' option (the natural course)",
            file=where,
            path="options",
            value=sorted(seen),
        )
    return Catalog(options=options, sources=sources, claims=claims, info=info)


def _load_folder(folder: Traversable | Path) -> Catalog:
    meta = _read(folder / "catalog.toml")
    check_schema(meta)
    info = parse_info(meta)
    meta.done()

    src = _read(folder / "sources.toml")
    check_schema(src)
    sources = _sources(src.tables("source"))
    src.done()
    refs = Refs(sources)

    options: list[Option] = []
    option_dir = folder / "options"
    if not option_dir.is_dir():
        raise DataError("missing folder 'options/'", file=str(folder), has_value=False)
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
    return _finish(options, sources, claims, info, str(folder))


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
    doc.done()
    return _finish(options, sources, claims, info, doc.file or "<data>")
