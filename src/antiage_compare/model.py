"""The domain model: frozen values describing options, evidence and risks. No I/O, no scoring.

Everything here is immutable (``attrs.frozen``, with mappings held as a read-only
:class:`FrozenMap`) and validated on construction, so an object that exists is an object that
makes sense: ranges are ordered, counts fit their denominators, and a missing figure is an
explicit :class:`NoData`, never a zero. A broken invariant raises a
:class:`~antiage_compare.errors.DataError` (a ``ValueError``) naming the class, the field and
the value; the loader places that field under the file and table it is reading.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from types import MappingProxyType
from typing import Any, Self, TypeAlias, TypeVar

import attrs
from attrs import field, frozen

from antiage_compare.errors import DataError

__all__ = [
    "CONCERNS",
    "CatalogInfo",
    "Certainty",
    "Claim",
    "Contraindication",
    "Cost",
    "CostBasis",
    "Duration",
    "Effect",
    "EffectSize",
    "Experience",
    "FrozenMap",
    "HealthCondition",
    "Invasiveness",
    "Maintenance",
    "Money",
    "NoData",
    "Option",
    "ProductWarning",
    "Quantity",
    "Range",
    "Risk",
    "RuleLevel",
    "Severity",
    "Source",
    "SourceKind",
    "Verdict",
    "WhileUsed",
    "figure_grade",
    "rule_of_three",
    "zero_in_range",
]

#: The concern ids every option describes, in display order.
CONCERNS: tuple[str, ...] = (
    "fine_lines",
    "wrinkles",
    "laxity",
    "texture",
    "pigmentation",
    "acne_scars",
    "volume_loss",
)

CONCERN_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "fine_lines": "fine lines",
        "wrinkles": "wrinkles",
        "laxity": "loose or sagging skin",
        "texture": "rough skin texture",
        "pigmentation": "uneven colour and sun spots",
        "acne_scars": "acne scars",
        "volume_loss": "loss of volume",
    }
)


class _Labelled(enum.Enum):
    """An enum whose values are the words used in the data files."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: object) -> Self:
        """Return the member whose value is ``value`` (raises ``ValueError`` otherwise)."""
        for member in cls:
            if member.value == value:
                return member
        allowed = ", ".join(repr(m.value) for m in cls)
        msg = f"must be one of {allowed}"
        raise ValueError(msg)


class Certainty(_Labelled):
    """How sure the evidence is that the option produces a visible effect (GRADE-like)."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very low"

    @property
    def level(self) -> int:
        """3 for high down to 0 for very low."""
        return _CERTAINTY_LEVEL[self.value]

    @property
    def plain(self) -> str:
        """A plain-language reading of the grade, for lay readers."""
        return {
            Certainty.HIGH: "We are confident about this.",
            Certainty.MODERATE: "This is probably right, but it could change.",
            Certainty.LOW: "This may be right, but it could well change.",
            Certainty.VERY_LOW: "The evidence is very uncertain.",
        }[self]


def figure_grade(grade: Certainty, kinds: Iterable[SourceKind]) -> Certainty:
    """A figure's grade: ``grade``, lowered to the ceiling of the best of its sources' kinds.

    The best source sets the ceiling (a figure resting on a trial and a clinic page can be
    as sure as the trial); editorial sources do not count. See :attr:`SourceKind.ceiling`.
    """
    ceilings = [c for c in (k.ceiling for k in kinds) if c is not None]
    if not ceilings:
        return grade
    best = max(ceilings, key=lambda c: c.level)
    return best if best.level < grade.level else grade


class Invasiveness(_Labelled):
    """How much the option does to the body, on an ordered scale."""

    NONE = "none"
    TOPICAL = "topical"
    ENERGY_INTACT_SKIN = "energy_intact_skin"
    NEEDLES = "needles"
    SKIN_INJURY = "skin_injury"
    INJECTION = "injection"
    SURGERY = "surgery"

    @property
    def level(self) -> int:
        """0 for nothing done up to 6 for surgery."""
        return _INVASIVENESS_LEVEL[self.value]

    @property
    def plain(self) -> str:
        """Plain words for the scale step."""
        return {
            Invasiveness.NONE: "nothing is done",
            Invasiveness.TOPICAL: "put on the skin",
            Invasiveness.ENERGY_INTACT_SKIN: "light or energy through intact skin",
            Invasiveness.NEEDLES: "fine needles through the skin",
            Invasiveness.SKIN_INJURY: "a controlled injury to the skin",
            Invasiveness.INJECTION: "a substance injected under the skin",
            Invasiveness.SURGERY: "an operation",
        }[self]


class EffectSize(_Labelled):
    """The expected size of a visible effect on one concern (an editorial judgement)."""

    NONE = "none"
    SLIGHT = "slight"
    MODERATE = "moderate"
    MARKED = "marked"
    NOT_STUDIED = "not_studied"

    @property
    def value01(self) -> float:
        """0 for none (or not studied) up to 1 for marked, in equal steps."""
        return _EFFECT_VALUE[self.value]


# Lookup tables for the hot properties above (keyed by the value string: cheaper than hashing
# enum members, and these are read for every option on every comparison).
_CERTAINTY_LEVEL = {"very low": 0, "low": 1, "moderate": 2, "high": 3}
_INVASIVENESS_LEVEL = {m.value: i for i, m in enumerate(Invasiveness)}
_EFFECT_VALUE = {"none": 0.0, "not_studied": 0.0, "slight": 1 / 3, "moderate": 2 / 3, "marked": 1.0}


class Severity(_Labelled):
    """Whether a risk is a common, mostly passing side effect or a serious complication."""

    COMMON = "common"
    SERIOUS = "serious"


class Verdict(_Labelled):
    """What the evidence says about a claim."""

    SUPPORTED = "supported"
    WEAKLY_SUPPORTED = "weakly_supported"
    UNSUPPORTED = "unsupported"
    CONTRADICTED = "contradicted"

    @property
    def plain(self) -> str:
        """The verdict in plain words."""
        return str(self.value).replace("_", " ")


class SourceKind(_Labelled):
    """The kind of a source, which tells a reader how much weight it can bear."""

    SYSTEMATIC_REVIEW = "systematic_review"
    REVIEW = "review"
    RCT = "rct"
    COHORT = "cohort"
    REGISTRY = "registry"
    CASE_SERIES = "case_series"
    SURVEY = "survey"
    GUIDELINE = "guideline"
    LABEL = "label"
    SOCIETY_STATISTICS = "society_statistics"
    TEXTBOOK = "textbook"
    REFERENCE_PAGE = "reference_page"
    NEWS = "news"
    PROTOCOL = "protocol"
    PRACTITIONER_PAGE = "practitioner_page"
    AGGREGATOR = "aggregator"
    EDITORIAL = "editorial"

    @property
    def low_quality(self) -> bool:
        """True for web pages written to sell or collect, not to inform."""
        return self in (SourceKind.PRACTITIONER_PAGE, SourceKind.AGGREGATOR)

    @property
    def ceiling(self) -> Certainty | None:
        """The highest grade a figure can have when this is the best of its sources.

        Trials, systematic reviews, guidelines and labels can bear any grade; narrative reviews,
        observational studies, surveys, society statistics and textbooks at most "moderate";
        case series, reference pages, news and protocols at most "low"; sales and aggregator
        pages only "very low" (GRADE starts observational evidence lower than trials, and a
        clinic page is never "high"). ``None`` for the data team's own judgement, which marks a
        figure as editorial and neither raises nor lowers its grade. An editorial mapping.
        """
        return _KIND_CEILING[self]


_KIND_CEILING: dict[SourceKind, Certainty | None] = {
    SourceKind.SYSTEMATIC_REVIEW: Certainty.HIGH,
    SourceKind.RCT: Certainty.HIGH,
    SourceKind.GUIDELINE: Certainty.HIGH,
    SourceKind.LABEL: Certainty.HIGH,
    SourceKind.REVIEW: Certainty.MODERATE,
    SourceKind.COHORT: Certainty.MODERATE,
    SourceKind.REGISTRY: Certainty.MODERATE,
    SourceKind.SURVEY: Certainty.MODERATE,
    SourceKind.SOCIETY_STATISTICS: Certainty.MODERATE,
    SourceKind.TEXTBOOK: Certainty.MODERATE,
    SourceKind.CASE_SERIES: Certainty.LOW,
    SourceKind.REFERENCE_PAGE: Certainty.LOW,
    SourceKind.NEWS: Certainty.LOW,
    SourceKind.PROTOCOL: Certainty.LOW,
    SourceKind.PRACTITIONER_PAGE: Certainty.VERY_LOW,
    SourceKind.AGGREGATOR: Certainty.VERY_LOW,
    SourceKind.EDITORIAL: None,
}


class RuleLevel(_Labelled):
    """What a contraindication does: exclude the option, or keep it with a caution."""

    EXCLUDE = "exclude"
    CAUTION = "caution"


class CostBasis(_Labelled):
    """What a cost figure pays for."""

    SESSION = "session"
    COURSE = "course"
    YEAR = "year"


class HealthCondition(_Labelled):
    """Health facts a contraindication can depend on (derived from a profile's health)."""

    PREGNANT = "pregnant"
    BREASTFEEDING = "breastfeeding"
    ANTICOAGULANTS = "anticoagulants"
    ISOTRETINOIN_RECENT = "isotretinoin_recent"
    KELOID_TENDENCY = "keloid_tendency"
    SKIN_TYPE_4_6 = "skin_type_4_6"
    SKIN_TYPE_5_6 = "skin_type_5_6"
    SMOKER = "smoker"
    COLD_SORES = "cold_sores"
    NEUROMUSCULAR_DISORDER = "neuromuscular_disorder"
    ACTIVE_SKIN_INFECTION = "active_skin_infection"
    HEART_DISEASE = "heart_disease"
    IMMUNOSUPPRESSED = "immunosuppressed"
    ELECTRONIC_IMPLANT = "electronic_implant"
    FACIAL_ECZEMA = "facial_eczema"
    PHOTOSENSITISING_MEDICINE = "photosensitising_medicine"
    AUTOIMMUNE_DISEASE = "autoimmune_disease"
    BLEEDING_DISORDER = "bleeding_disorder"
    METAL_IMPLANT = "metal_implant"
    MALE = "male"

    @property
    def plain(self) -> str:
        """The condition in plain words, as a reason reads it."""
        return {
            HealthCondition.PREGNANT: "you are pregnant",
            HealthCondition.BREASTFEEDING: "you are breastfeeding",
            HealthCondition.ANTICOAGULANTS: "you take blood thinners",
            HealthCondition.ISOTRETINOIN_RECENT: "you took isotretinoin in the last 6 months",
            HealthCondition.KELOID_TENDENCY: "you tend to form raised (keloid) scars",
            HealthCondition.SKIN_TYPE_4_6: "your skin type is IV, V or VI",
            HealthCondition.SKIN_TYPE_5_6: "your skin type is V or VI",
            HealthCondition.SMOKER: "you smoke",
            HealthCondition.COLD_SORES: "you get cold sores",
            HealthCondition.NEUROMUSCULAR_DISORDER: "you have a nerve-muscle disorder",
            HealthCondition.ACTIVE_SKIN_INFECTION: "you have an active skin infection",
            HealthCondition.HEART_DISEASE: "you have heart disease or a heart rhythm problem",
            HealthCondition.IMMUNOSUPPRESSED: "your immune system is weakened by illness or medicine",
            HealthCondition.ELECTRONIC_IMPLANT: "you have a pacemaker or another electronic implant",
            HealthCondition.FACIAL_ECZEMA: "you have eczema on your face",
            HealthCondition.PHOTOSENSITISING_MEDICINE: "you take a medicine that makes your skin sensitive to sunlight",
            HealthCondition.AUTOIMMUNE_DISEASE: "you have an autoimmune disease",
            HealthCondition.BLEEDING_DISORDER: "you have a bleeding disorder",
            HealthCondition.METAL_IMPLANT: "you have a metal implant in your face",
            HealthCondition.MALE: "you are male",
        }[self]


K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only, hashable mapping: what a frozen value holds instead of a ``dict``.

    It reads like the dict it copies (same order, same lookups), but nothing can add, change
    or delete a key (``m[k] = v`` and ``del m[k]`` raise ``TypeError``), so a value shared
    between callers and threads (the cached catalogue, a profile) stays what it was built as.
    It equals any mapping with the same items, hashes like ``frozenset(items)`` (so values
    holding one are hashable when its values are) and pickles.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: K, default: Any = None) -> Any:
        """The value for ``key``, or ``default`` (like ``dict.get``)."""
        return self._data.get(key, default)

    def keys(self) -> KeysView[K]:
        """A read-only view of the keys."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """A read-only view of the values."""
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        """A read-only view of the ``(key, value)`` pairs."""
        return self._data.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))


def to_frozen_map(value: Mapping[Any, Any]) -> FrozenMap[Any, Any]:
    """Store a mapping as a :class:`FrozenMap` (an attrs converter; a FrozenMap is kept as is).

    Anything that is not a mapping is passed through unchanged, for the field's validator to
    reject with a message naming the field.
    """
    if type(value) is FrozenMap:
        return value
    if isinstance(value, Mapping):
        return FrozenMap(value)
    return value


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Store any iterable as a tuple (an attrs converter)."""
    return tuple(value)


def to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """Store any iterable as a frozenset (an attrs converter)."""
    return frozenset(value)


def _ids(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _invalid(inst: object, path: str, problem: str, value: Any) -> DataError:
    """The error for a broken invariant: it names the class, the field inside it and the value.

    The loader's ``Table.convert`` puts the field under the table being read, so a file's error
    names the file and the whole path (``option[0].risks[1].id``) without restating the check.
    """
    return DataError(problem, origin=type(inst).__name__, path=path, value=value)


def _denominator(inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value not in (100, 1000, 10000, 100000):
        raise _invalid(inst, attribute.name, "must be 100, 1000, 10000 or 100000", value)


def _finite(_inst: object, attribute: attrs.Attribute[float], value: float | None) -> None:
    if value is not None and not math.isfinite(value):
        msg = f"{attribute.name} must be a finite number, got {value!r}"
        raise ValueError(msg)


@frozen
class NoData:
    """A figure that was searched for and not found. Never the same as zero.

    Attributes:
        reason: why there is no figure, in plain words.
        sources: what was searched or what says so, where anything does.
    """

    reason: str = ""
    sources: tuple[str, ...] = field(default=(), converter=_ids)

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return "no data"


@frozen(kw_only=True)
class Range:
    """An uncertain quantity: low, typical (if known) and high, with its unit and sources.

    ``typical`` is ``None`` when the sources give a spread but no single typical value; the
    point estimate is then the midpoint (see :attr:`point`), and SMAA draws uniformly.

    ``zero_in`` is set when the figure is a count of events **never seen** in ``zero_in``
    people: the range is then 0 to the rule-of-three bound (see :func:`zero_in_range`), with no
    typical value, and is scored like any other range without one.

    ``raised`` is set, for one person, on a harm that a caution says their health makes more
    likely (:attr:`Contraindication.raises`): the figure was counted in people in general, so
    for this person it is a floor, and how much higher it is, is not known. The data never sets
    it; eligibility does (:func:`antiage_compare.eligibility.as_for`).
    """

    low: float = field(validator=_finite)
    high: float = field(validator=_finite)
    typical: float | None = field(default=None, validator=_finite)
    unit: str = ""
    sources: tuple[str, ...] = field(default=(), converter=_ids)
    note: str = ""
    editorial: bool = False
    zero_in: int | None = None
    raised: bool = False

    def __attrs_post_init__(self) -> None:
        if self.zero_in is not None:
            if isinstance(self.zero_in, bool) or not isinstance(self.zero_in, int):
                raise _invalid(self, "zero_in", "must be a whole number of people", self.zero_in)
            if self.zero_in < 1:
                raise _invalid(self, "zero_in", "must be at least 1", self.zero_in)
            if self.low != 0 or self.typical is not None:
                msg = "a range of events never seen starts at 0 and has no typical value"
                raise _invalid(self, "zero_in", msg, self.zero_in)
        if self.low > self.high:
            raise _invalid(self, "low", f"is greater than high ({self.high:g})", self.low)
        if self.typical is not None and not self.low <= self.typical <= self.high:
            msg = f"is outside low..high ({self.low:g}..{self.high:g})"
            raise _invalid(self, "typical", msg, self.typical)

    @property
    def point(self) -> float:
        """The typical value, or the midpoint where none is known."""
        return self.typical if self.typical is not None else (self.low + self.high) / 2

    @property
    def is_point(self) -> bool:
        """True when low and high are the same."""
        return self.low == self.high

    def scaled(self, other: Range) -> Range:
        """The product of two non-negative ranges (for example sessions × price)."""
        typical = None
        if self.typical is not None and other.typical is not None:
            typical = self.typical * other.typical
        return Range(
            low=self.low * other.low,
            high=self.high * other.high,
            typical=typical,
            unit=other.unit,
            sources=tuple(dict.fromkeys(self.sources + other.sources)),
            note="; ".join(n for n in (self.note, other.note) if n),
            editorial=self.editorial or other.editorial,
        )


#: A figure: a range, or an explicit statement that there is no data.
Quantity: TypeAlias = Range | NoData


@frozen
class WhileUsed:
    """How long an effect lasts, for an option that works only while it is used (creams).

    Not a duration and not "no data": the effect covers whatever time the person keeps using
    it, so over any horizon it covers the whole horizon, at the cost of using it all along.
    ``Option.ongoing`` options carry it as their ``duration_months``, and only they do.
    """

    note: str = ""
    sources: tuple[str, ...] = field(default=(), converter=_ids)

    def __str__(self) -> str:
        return "while used"


#: How long an effect lasts: months (a range), "no data", or "while used".
Duration: TypeAlias = Range | NoData | WhileUsed


@frozen(kw_only=True)
class Maintenance:
    """Repeat treatments that keep an effect: one visit every ``every_months``.

    Attributes:
        every_months: the time between repeat treatments (a range, in months).
        sessions: sessions at each repeat visit (usually exactly 1).
        note: what the sources say, in plain words.
        sources: where the interval comes from.
        editorial: true when the interval (or its use for costing) is the data team's judgement.
    """

    every_months: Range
    sessions: Range = field(factory=lambda: Range(low=1.0, high=1.0, typical=1.0, unit="sessions"))
    note: str = ""
    sources: tuple[str, ...] = field(default=(), converter=_ids)
    editorial: bool = False

    def __attrs_post_init__(self) -> None:
        if self.every_months.low <= 0:
            raise _invalid(self, "every_months", "must be above 0 months", self.every_months.low)
        if self.sessions.low < 0:
            raise _invalid(self, "sessions", "must not be negative", self.sessions.low)


def rule_of_three(n: int, per: int) -> float:
    """The 95% upper bound on ``per`` when an event was seen in 0 of ``n`` people: ``3·per/n``.

    The "rule of three" (Hanley & Lippman-Hand 1983; Eypasch et al. 1995): with no events in
    ``n``, the one-sided 95% upper confidence bound of the rate is about ``3/n``. It is capped at
    ``per`` (a count cannot exceed its denominator), which matters only for ``n < 3``.
    """
    return min(float(per), 3.0 * per / n)


def zero_in_range(n: int, per: int, *, sources: Iterable[str] = (), note: str = "") -> Range:
    """The range of a risk seen 0 times in ``n`` people, on ``per``: 0 to the rule of three."""
    return Range(
        low=0.0,
        high=rule_of_three(n, per),
        typical=None,
        sources=tuple(sources),
        note=note,
        zero_in=n,
    )


@frozen(kw_only=True)
class Source:
    """A publication or page that figures and judgements rest on."""

    id: str
    title: str
    kind: SourceKind
    authors: str = ""
    container: str = ""
    year: int = 0
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""

    @property
    def link(self) -> str:
        """The best link to the source: its URL, else its DOI or PubMed address, else ''."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""

    @property
    def citation(self) -> str:
        """A one-line citation."""
        parts = [p for p in (self.authors, self.title, self.container) if p]
        text = ". ".join(p.rstrip(".") for p in parts)
        if self.year:
            text += f" ({self.year})"
        return text


@frozen(kw_only=True)
class Claim:
    """A claim as commonly made about an option, and what the evidence says of it."""

    id: str
    option_id: str
    text: str
    verdict: Verdict
    reason: str
    sources: tuple[str, ...] = field(converter=_ids)


@frozen(kw_only=True)
class ProductWarning:
    """A product sold for anti-ageing that is not an option to compare, and why not.

    Some products are marketed for the same concerns as the options but have no approved
    product, no trial to score, or reported harms; comparing them would lend them a standing
    they do not have. A warning names the product, the ``concerns`` it is sold for (a person
    with any of them is shown the warning) and says, in plain words, what is known.
    """

    id: str
    name: str
    concerns: tuple[str, ...] = field(converter=to_tuple)
    text: str
    sources: tuple[str, ...] = field(converter=_ids)

    def __attrs_post_init__(self) -> None:
        if not self.concerns:
            raise _invalid(self, "concerns", "must name at least one concern", [])
        for c in self.concerns:
            if c not in CONCERNS:
                raise _invalid(self, "concerns", f"unknown concern (choose from {CONCERNS})", c)
        if not self.sources:
            raise _invalid(self, "sources", "must cite at least one source id", [])

    def bears_on(self, concerns: Iterable[str]) -> bool:
        """Whether the product is sold for any of ``concerns``."""
        return any(c in self.concerns for c in concerns)


@frozen(kw_only=True)
class Risk:
    """A side effect or complication as a natural frequency: ``count`` in ``per`` people.

    The count is a range (sources disagree) or :class:`NoData`; its ``unit`` says who or what was
    counted (patients, treatments, syringes), which differs between sources.
    """

    id: str
    name: str
    severity: Severity
    count: Quantity
    per: int = field(validator=_denominator)
    unit: str
    population: str
    time_frame: str
    sources: tuple[str, ...] = field(converter=_ids)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.count, Range):
            if self.count.low < 0:
                raise _invalid(self, "count", "must not be negative", self.count.low)
            if self.count.high > self.per:
                msg = f"high ({self.count.high:g}) is above its denominator ({self.per})"
                raise _invalid(self, "count", msg, self.count.high)
            n = self.count.zero_in
            if n is not None:
                if not math.isclose(self.count.high, rule_of_three(n, self.per)):
                    msg = (
                        f"a risk seen 0 times in {n:,} has the high end 3 × {self.per:,} / {n:,} "
                        f"= {rule_of_three(n, self.per):g} (the rule of three)"
                    )
                    raise _invalid(self, "count", msg, self.count.high)
                if not self.note.strip():
                    msg = f"a risk seen 0 times in {n:,} must name the study in its note"
                    raise _invalid(self, "note", msg, self.note)

    def per_1000(self) -> Quantity:
        """The count rescaled to a denominator of 1,000 (same unit)."""
        if isinstance(self.count, NoData):
            return self.count
        f = 1000 / self.per
        c = self.count
        return attrs.evolve(
            c,
            low=c.low * f,
            high=c.high * f,
            typical=None if c.typical is None else c.typical * f,
        )


@frozen(kw_only=True)
class Effect:
    """The expected visible effect of an option on one concern (an editorial judgement).

    ``certainty`` is the grade of this figure's own evidence: how sure it is that the option
    has this effect on this concern. The loader fills it from the option's grade where the data
    gives none, so per-concern grades can be set figure by figure; the scoring uses it to
    qualify the effect (see :mod:`antiage_compare.tree`).
    """

    concern: str
    size: EffectSize
    low: EffectSize
    high: EffectSize
    reason: str
    sources: tuple[str, ...] = field(converter=_ids)
    certainty: Certainty | None = None

    def __attrs_post_init__(self) -> None:
        if self.size is EffectSize.NOT_STUDIED:
            if EffectSize.NOT_STUDIED not in (self.low, self.high) or self.low != self.high:
                msg = "a 'not_studied' effect cannot have another low or high"
                raise ValueError(msg)
            return
        if EffectSize.NOT_STUDIED in (self.low, self.high):
            msg = "low and high cannot be 'not_studied' when the size is known"
            raise ValueError(msg)
        if not self.low.value01 <= self.size.value01 <= self.high.value01:
            msg = f"expected low <= size <= high, got {self.low}, {self.size}, {self.high}"
            raise ValueError(msg)

    @property
    def as_range(self) -> Range:
        """The effect on a 0–1 scale (none 0, slight 1/3, moderate 2/3, marked 1)."""
        return Range(
            low=self.low.value01,
            typical=self.size.value01,
            high=self.high.value01,
            sources=self.sources,
            editorial=True,
        )


@frozen(kw_only=True)
class Contraindication:
    """An eligibility rule: a health condition that excludes an option or calls for caution.

    ``raises`` names the option's risks (by id) that a caution's text says the condition makes
    more likely, for example scarring for a person who forms keloids. For such a person those
    figures are floors, not estimates (:attr:`Range.raised`). Linking a caution to a risk is an
    editorial reading of the caution's own sourced text; only a caution can raise a risk.
    """

    when: HealthCondition
    level: RuleLevel
    text: str
    sources: tuple[str, ...] = field(converter=_ids)
    raises: tuple[str, ...] = field(default=(), converter=_ids)


@frozen(kw_only=True)
class Experience:
    """What having the option is like, in plain words."""

    pain: str
    marks: str
    time_off: str
    sources: tuple[str, ...] = field(converter=_ids)


_CURRENCY = re.compile(r"[A-Z]{3}")


def check_currency(inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An attrs validator: a currency is a three-letter ISO 4217 code such as ``USD`` or ``JPY``.

    Only the shape is checked. Nothing is ever converted between currencies, so the code is a
    label that two amounts must share before they are compared.
    """
    if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
        problem = "must be a three-letter currency code such as 'USD'"
        raise _invalid(inst, attribute.name, problem, value)


@frozen(kw_only=True)
class Money:
    """An amount of money in a currency. Amounts in different currencies are never compared."""

    amount: float = field(validator=_finite)
    currency: str = field(validator=check_currency)

    def __attrs_post_init__(self) -> None:
        if self.amount < 0:
            raise _invalid(self, "amount", "must not be negative", self.amount)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,.0f}"


@frozen(kw_only=True)
class Cost:
    """What the option costs, per session, per course or per year, in ``currency``."""

    per: CostBasis
    amount: Quantity
    currency: str = field(default="USD", validator=check_currency)
    from_clinic: bool = False

    def __attrs_post_init__(self) -> None:
        if isinstance(self.amount, Range) and self.amount.low < 0:
            msg = f"amount low ({self.amount.low}) is negative"
            raise ValueError(msg)


@frozen(kw_only=True)
class Option:
    """One anti-ageing option (or "no procedure"), with all its facts and their sources."""

    id: str
    name: str
    summary: str
    mechanism: str
    mechanism_sources: tuple[str, ...] = field(converter=_ids)
    invasiveness: Invasiveness
    pierces_skin: bool
    in_clinic: bool
    ongoing: bool
    concerns: tuple[str, ...] = field(converter=_ids)
    certainty: Certainty
    certainty_reason: str
    certainty_sources: tuple[str, ...] = field(converter=_ids)
    sessions: Quantity
    interval: str
    interval_sources: tuple[str, ...] = field(converter=_ids)
    downtime_days: Quantity
    onset_days: Quantity
    duration_months: Duration
    cost: Cost
    experience: Experience
    effects: Mapping[str, Effect] = field(converter=to_frozen_map)
    risks: tuple[Risk, ...] = field(converter=to_tuple)
    serious_risk_id: str | None
    side_effects_id: str | None
    contraindications: tuple[Contraindication, ...] = field(converter=to_tuple)
    offered: bool = True
    #: Repeat treatments that keep the effect, if the option has them (botulinum toxin, fillers).
    maintenance: Maintenance | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("sessions", "downtime_days", "onset_days", "duration_months"):
            q = getattr(self, name)
            if isinstance(q, Range) and q.low < 0:
                msg = f"{name} low ({q.low}) is negative"
                raise ValueError(msg)
        if self.ongoing is not isinstance(self.duration_months, WhileUsed):
            problem = (
                "must be 'while used' for an option that works only while used (ongoing = true), "
                "and only for one"
            )
            raise _invalid(self, "duration_months", problem, str(self.duration_months))
        if self.maintenance is not None and self.ongoing:
            problem = "an option used every day (ongoing = true) has no repeat treatments"
            raise _invalid(self, "maintenance", problem, self.id)
        if self.maintenance is not None and self.cost.per is CostBasis.YEAR:
            problem = (
                "repeat treatments are costed per session or per course, never per year "
                "(a yearly price already covers the year)"
            )
            raise _invalid(self, "maintenance", problem, str(self.cost.per))
        missing = [c for c in CONCERNS if c not in self.effects]
        if missing:
            msg = f"effects missing for concerns: {', '.join(missing)}"
            raise ValueError(msg)
        risk_ids = [r.id for r in self.risks]
        for i, rid in enumerate(risk_ids):
            if rid in risk_ids[:i]:
                raise _invalid(self, f"risks[{i}].id", "duplicate risk id", rid)
        for ref in (self.serious_risk_id, self.side_effects_id):
            if ref is not None and ref not in risk_ids:
                msg = f"scoring refers to unknown risk id {ref!r}"
                raise ValueError(msg)
        for i, rule in enumerate(self.contraindications):
            if rule.raises and rule.level is not RuleLevel.CAUTION:
                problem = "only a caution can raise a risk (an excluded option is not scored)"
                raise _invalid(self, f"contraindications[{i}].raises", problem, rule.raises[0])
            for rid in rule.raises:
                if rid not in risk_ids:
                    problem = f"no risk has this id (risk ids: {', '.join(risk_ids) or 'none'})"
                    raise _invalid(self, f"contraindications[{i}].raises", problem, rid)

    def __repr__(self) -> str:
        offered = "" if self.offered else ", not offered here"
        return (
            f"<Option {self.id!r}: {self.name!r}, {self.invasiveness.value}, "
            f"evidence {self.certainty.value}{offered}>"
        )

    def certainty_of(self, concern: str) -> Certainty:
        """The grade of the effect figure for ``concern`` (the option's grade if it has none)."""
        grade = self.effects[concern].certainty
        return self.certainty if grade is None else grade

    def risk(self, risk_id: str | None) -> Risk | None:
        """The risk with this id, or ``None``."""
        for r in self.risks:
            if r.id == risk_id:
                return r
        return None

    @property
    def serious_risk(self) -> Risk | None:
        """The risk that stands for this option's serious risk in the scoring."""
        return self.risk(self.serious_risk_id)

    @property
    def side_effects(self) -> Risk | None:
        """The risk that stands for this option's common side effects in the scoring."""
        return self.risk(self.side_effects_id)

    @property
    def course_cost(self) -> Quantity:
        """The cost of the first course: sessions × price per session, or the course fee.

        A yearly cost (daily topicals) counts one year. The cost over a person's horizon, with
        repeat treatments, is :func:`antiage_compare.horizon.horizon_cost`.
        """
        amount = self.cost.amount
        if isinstance(amount, NoData) or self.cost.per is not CostBasis.SESSION:
            return amount
        if isinstance(self.sessions, NoData):
            return NoData("the number of sessions is not known", self.sessions.sources)
        return self.sessions.scaled(amount)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source id this option cites, in first-cited order, without repeats."""
        return tuple(dict.fromkeys(self._iter_sources()))

    def _iter_sources(self) -> Iterator[str]:
        yield from self.mechanism_sources
        yield from self.certainty_sources
        yield from self.interval_sources
        for q in (
            self.sessions,
            self.downtime_days,
            self.onset_days,
            self.duration_months,
            self.cost.amount,
        ):
            yield from q.sources
        if self.maintenance is not None:
            yield from self.maintenance.sources
            yield from self.maintenance.every_months.sources
        yield from self.experience.sources
        for e in self.effects.values():
            yield from e.sources
        for r in self.risks:
            yield from r.sources
        for c in self.contraindications:
            yield from c.sources


@frozen(kw_only=True)
class CatalogInfo:
    """Who made the catalogue, when its evidence was reviewed and when it is next due."""

    data_version: str
    reviewed: dt.date
    next_review: dt.date
    update_policy: str
    currency: str = field(validator=check_currency)
    #: The worst bound of the cost scale (a cost over the horizon this high or higher scores 0),
    #: in the catalogue's currency. Cost values depend only on cost ÷ this amount.
    cost_scale: Money
    cost_note: str
    authors: str
    funding: str
    competing_interests: str
    clinic_name: str = ""

    def __attrs_post_init__(self) -> None:
        if self.next_review < self.reviewed:
            msg = f"is before reviewed ({self.reviewed})"
            raise _invalid(self, "next_review", msg, self.next_review)
        if self.cost_scale.currency != self.currency:
            msg = (
                f"is in {self.cost_scale.currency}, "
                f"but the catalogue's prices are in {self.currency}"
            )
            raise _invalid(self, "cost_scale", msg, str(self.cost_scale))
        if self.cost_scale.amount <= 0:
            msg = "the worst bound must be above 0"
            raise _invalid(self, "cost_scale", msg, self.cost_scale.amount)

    def overdue(self, today: dt.date) -> bool:
        """True when the evidence review is past its due date on ``today``."""
        return today > self.next_review
