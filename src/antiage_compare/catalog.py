"""The catalogue value: options, sources, claims and metadata, immutable once built.

Loading lives in :mod:`antiage_compare.loading` (``load_catalog``, ``load_clinic``); this module
only describes what a loaded catalogue is, so both loaders and the clinic merge can build one.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import field, frozen

from antiage_compare.criteria import Criterion, criteria_for
from antiage_compare.errors import DataError, UnknownIdError
from antiage_compare.model import (
    CatalogInfo,
    Claim,
    Option,
    ProductWarning,
    Source,
    to_frozen_map,
    to_frozenset,
    to_tuple,
)

__all__ = ["NO_PROCEDURE", "Catalog"]

#: The id of the "do nothing new" option, which every comparison keeps.
NO_PROCEDURE = "no_procedure"
#: How many option ids a catalogue's repr names before "and N more".
_REPR_IDS = 12


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
    #: Products sold for anti-ageing that are not options to compare (``[[warning]]``).
    warnings: tuple[ProductWarning, ...] = field(default=(), converter=to_tuple)
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
        ids = ", ".join(self.ids[:_REPR_IDS])
        more = f" and {len(self) - _REPR_IDS} more" if len(self) > _REPR_IDS else ""
        return f"<Catalog {self.info.data_version}: {len(self)} options: {ids}{more}>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The option ids, in catalogue order."""
        return tuple(self._index)

    @property
    def currency(self) -> str:
        """The currency of every price in this catalogue (never converted)."""
        return self.info.currency

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """The nine criteria with this catalogue's cost scale (see ``[cost_scale]``)."""
        return criteria_for(self.info.cost_scale)

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

    def warnings_for(self, concerns: Iterable[str]) -> tuple[ProductWarning, ...]:
        """The warnings about products sold for any of ``concerns``, in catalogue order."""
        wanted = tuple(concerns)
        return tuple(w for w in self.warnings if w.bears_on(wanted))

    def claims_about(self, option_id: str) -> tuple[Claim, ...]:
        """The claims about one option."""
        return tuple(c for c in self.claims if c.option_id == option_id)

    def source(self, source_id: str) -> Source:
        """One source by id."""
        try:
            return self.sources[source_id]
        except KeyError:
            raise UnknownIdError("source", source_id, tuple(self.sources)) from None
