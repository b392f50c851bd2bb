"""Plain-language wording of figures: natural frequencies, ranges, money and certainty.

Risk communication practice (Trevena 2013; Zipkin 2014): absolute risks as "N in 1,000" with one
denominator per row, both framings ("61 in 1,000 … 939 do not"), no "1 in N", no relative risks.
When the typical count is below 1 in 1,000 the denominator grows (10,000, 100,000) so counts stay
whole numbers where possible.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from antiage_compare.model import NoData, Quantity, Range, Risk

__all__ = ["Frequency", "frequency", "join_and", "money", "number", "quantity"]


def join_and(items: Sequence[str]) -> str:
    """Items as a list in prose: "a", "a and b", "a, b and c" (no serial comma)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def number(x: float) -> str:
    """A number for lay readers: thousands separators, at most two significant decimals."""
    if x == int(x):
        return f"{int(x):,}"
    if abs(x) >= 10:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.1f}".rstrip("0").rstrip(".")
    return f"{x:.2g}"


def quantity(q: Quantity, unit: str | None = None) -> str:
    """A range in words: "5 to 14 sessions (typically 10)", or "no data"."""
    if isinstance(q, NoData):
        return "no data"
    u = q.unit if unit is None else unit
    tail = f" {u}" if u else ""
    if q.is_point:
        return f"{number(q.low)}{tail}"
    text = f"{number(q.low)} to {number(q.high)}{tail}"
    if q.typical is not None:
        text += f" (typically {number(q.typical)})"
    return text


def money(q: Quantity, currency: str) -> str:
    """A cost range in words, with its currency."""
    if isinstance(q, NoData):
        return "no data"
    if q.is_point:
        return f"{currency} {number(q.low)}"
    text = f"{currency} {number(q.low)} to {number(q.high)}"
    if q.typical is not None:
        text += f" (typically {number(q.typical)})"
    return text


@frozen
class Frequency:
    """A risk as a natural frequency on one denominator.

    Attributes:
        count: the typical (or middle) count on ``denominator``.
        low, high: the range on the same denominator.
        denominator: 1,000 unless counts are too small to read as whole numbers.
        unit: who or what was counted (patients, treatments, ...).
        known: false for "no data".
        zero_in: for an event never seen, the number of people it was never seen in (the
            range is then 0 to the rule-of-three bound, and ``count`` is that bound's middle).
    """

    count: float
    low: float
    high: float
    denominator: int
    unit: str
    known: bool
    zero_in: int | None = None

    @property
    def text(self) -> str:
        """The risk in words, e.g. "about 61 in 1,000 patients (range 51 to 146)"."""
        if not self.known:
            return "no data: not measured in any source found"
        d = f"{self.denominator:,}"
        if self.zero_in is not None:
            return (
                f"none seen in {self.zero_in:,} {self.unit}, so probably fewer than "
                f"{number(self.high)} in {d} (a 95% upper bound)"
            )
        text = f"about {number(self.count)} in {d} {self.unit}"
        if self.low != self.high:
            text += f" (range {number(self.low)} to {number(self.high)})"
        return text

    @property
    def other_side(self) -> str:
        """The other framing: "939 in 1,000 do not"."""
        if not self.known:
            return ""
        if self.zero_in is not None:
            return f"at least {number(self.denominator - self.high)} in {self.denominator:,} do not"
        rest = self.denominator - self.count
        return f"{number(rest)} in {self.denominator:,} do not"


def frequency(risk: Risk) -> Frequency:
    """The risk as a natural frequency, scaling the denominator so counts read as whole numbers."""
    q = risk.per_1000()
    if isinstance(q, NoData):
        return Frequency(0.0, 0.0, 0.0, 1000, risk.unit, known=False)
    assert isinstance(q, Range)
    denominator = 1000
    scale = 1.0
    # An event never seen is read on its upper bound (its point is only the bound's middle).
    size = q.high if q.zero_in is not None else q.point
    while size * scale < 1 and denominator < 1_000_000 and size > 0:
        denominator *= 10
        scale *= 10
    return Frequency(
        count=round(q.point * scale, 1 if q.point * scale < 10 else 0),
        low=round(q.low * scale, 2 if q.low * scale < 1 else 1 if q.low * scale < 10 else 0),
        high=round(q.high * scale, 1 if q.high * scale < 10 else 0),
        denominator=denominator,
        unit=risk.unit,
        known=True,
        zero_in=q.zero_in,
    )
