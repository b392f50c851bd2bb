"""Everything the report shows, prepared as frozen records before any HTML is made.

:func:`build_report_data` turns a :class:`~antiage_compare.comparison.Comparison` (and, when asked,
an SMAA result and a sensitivity analysis) into a :class:`ReportData`. The templates only format
these records: every sentence that depends on the data, every number and every citation number
is decided here, so tests can check the content without parsing HTML.

Certainty badges. Every figure carries a "how sure" grade. It is the evidence grade the data team
gave the option (high, moderate, low, very low), lowered to "very low" when the figure rests only
on sales or aggregator pages. A figure that is missing is
shown as "no data", never as zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from attrs import field, frozen

from antiage_compare.catalog import NO_PROCEDURE
from antiage_compare.criteria import BY_ID, CRITERIA, Scale
from antiage_compare.errors import AntiageError
from antiage_compare.model import (
    CONCERN_LABELS,
    CONCERNS,
    CostBasis,
    EffectSize,
    NoData,
    Option,
    Quantity,
    Range,
    Risk,
    to_tuple,
)
from antiage_compare.wording import frequency, money, number, quantity

if TYPE_CHECKING:
    from antiage_compare.catalog import Catalog
    from antiage_compare.comparison import Comparison, ScoredOption
    from antiage_compare.eligibility import Reason
    from antiage_compare.uncertainty.sensitivity import Sensitivity
    from antiage_compare.uncertainty.smaa import SmaaResult


__all__ = [
    "DEFAULT_SAMPLES",
    "DEFAULT_SEED",
    "GRID_QUESTIONS",
    "QUESTIONS_TO_ASK",
    "About",
    "BenefitRow",
    "ClaimGroup",
    "ClaimItem",
    "CriterionRow",
    "Decision",
    "ExcludedItem",
    "FitBar",
    "FitSection",
    "Grid",
    "GridCell",
    "GridColumn",
    "IconArray",
    "Methods",
    "NotShown",
    "OptionDetail",
    "ReasonItem",
    "ReportData",
    "ReportError",
    "RiskRow",
    "SourceEntry",
    "Values",
    "WeightBar",
    "build_report_data",
]

#: Default number of SMAA draws in a report.
DEFAULT_SAMPLES = 10_000
#: Default SMAA seed (the date the report module was written), so reports are reproducible.
DEFAULT_SEED = 20261126
#: The most options the printable Option Grid holds (one A4 page).
MAX_GRID_OPTIONS = 4

#: The Option Grid's questions, down the side.
GRID_QUESTIONS: tuple[str, ...] = (
    "What is it?",
    "How many sessions?",
    "How much time off?",
    "Common side effects?",
    "Serious risks?",
    "How long does it last?",
    "What does it cost?",
    "How sure is the evidence?",
)

#: Questions a person may want to ask a practitioner (section 9).
QUESTIONS_TO_ASK: tuple[str, ...] = (
    "How many of these treatments have you done?",
    "What results do you see in people like me?",
    "Which side effects do your patients get, and how often?",
    "If something goes wrong, what happens next, and who treats me?",
    "How long until I look like myself again?",
    "What is the full cost, with every session and top-up?",
    "What happens if I do nothing new?",
    "Does anything about my health make this riskier for me?",
    "Do you earn more if I choose one treatment over another?",
)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: Characters kept as they are in links: RFC 3986 reserved and unreserved characters, and "%".
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"

_METHOD_TEXT = {
    "mavt": (
        "Each option gets a score from 0 to 100. For each point in the list, we turn the figure "
        "into a value from 0 (the worst end of the scale) to 1 (the best end). Then we add up "
        "the values, each times its weight. This is called multi-attribute value theory (MAVT). "
        "The ends of each scale are fixed, so adding or removing an option does not change "
        "another option's score."
    ),
    "topsis": (
        "Each option gets a score from 0 to 100 by the TOPSIS method. It measures how close "
        "each option is to an ideal one, and how far from the worst one. The score depends on "
        "which options are compared."
    ),
    "vikor": (
        "Each option gets a score from 0 to 100 by the VIKOR method. It balances the total fit "
        "against the worst single shortfall. The score depends on which options are compared."
    ),
}

_WEIGHTING_TEXT = {
    "direct": "You rated how much each point matters, from 0 to 10. We turned the ratings into shares that add up to 100%.",
    "ranking": "You put the points in order. We turned the order into shares that add up to 100%.",
    "swing": "You rated how much it matters to go from the worst to the best option on each point. We turned the ratings into shares that add up to 100%.",
    "ahp": "You compared the points two at a time. We turned your answers into shares that add up to 100%.",
}


class ReportError(AntiageError, ValueError):
    """A report option is out of range (for example more than four grid options)."""


# -- records ----------------------------------------------------------------------------------


@frozen(kw_only=True)
class SourceEntry:
    """One cited source, numbered in order of first citation.

    Attributes:
        number: the citation number shown as ``[n]``.
        id: the catalogue's source id.
        citation: authors, title, journal and year in one line.
        kind: the kind of source in plain words.
        link: an ``http(s)`` address to link to, or ``""``.
        link_text: an address that is not ``http(s)``, shown as text only, or ``""``.
        low_quality: true for sales or aggregator pages.
        note: the catalogue's note on the source.
        known: false when the catalogue has no source with this id.
    """

    number: int
    id: str
    citation: str
    kind: str
    link: str
    link_text: str
    low_quality: bool
    note: str
    known: bool = True


@frozen(kw_only=True)
class Figure:
    """A number or range in words, with how sure it is and where it comes from.

    Attributes:
        text: the figure in words ("0 to 3 days"), or "no data".
        known: false for "no data".
        certainty: ``high``, ``moderate``, ``low``, ``very low`` or ``no data``.
        note: extra words from the data (may be empty).
        cites: citation numbers.
    """

    text: str
    known: bool
    certainty: str
    note: str = ""
    cites: tuple[int, ...] = field(default=(), converter=to_tuple)

    @property
    def certainty_class(self) -> str:
        """A CSS class name for the certainty badge."""
        return "c-" + self.certainty.replace(" ", "-")


@frozen(kw_only=True)
class About:
    """Who made the report's data, who gives it, and when the evidence was reviewed."""

    authors: str
    clinic_name: str
    competing_interests: str
    funding: str
    reviewed: str
    next_review: str
    update_policy: str
    overdue: bool
    overdue_text: str
    cost_note: str


@frozen(kw_only=True)
class Decision:
    """Section 1: the decision, the problem, and who the report is for."""

    question: str
    prepared_for: str
    date: str
    date_iso: str
    version: str
    data_version: str
    condition: tuple[str, ...] = field(converter=to_tuple)
    decision: str
    natural_course: str
    natural_course_cites: tuple[int, ...] = field(converter=to_tuple)
    not_advice: str


@frozen(kw_only=True)
class WeightBar:
    """One criterion's weight, for the "what matters to you" bars."""

    criterion: str
    label: str
    weight: float
    percent: str
    width: float


@frozen(kw_only=True)
class Values:
    """Section 3: weights, concerns, deal-breakers and the health facts used."""

    bars: tuple[WeightBar, ...] = field(converter=to_tuple)
    how: str
    notes: tuple[str, ...] = field(converter=to_tuple)
    concerns: tuple[str, ...] = field(converter=to_tuple)
    concerns_text: str
    deal_breakers: tuple[str, ...] = field(converter=to_tuple)
    health: tuple[str, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class FitBar:
    """One eligible option's fit, for the bars in section 4."""

    option_id: str
    name: str
    fit: float
    fit_text: str
    rank: int
    tied: bool
    caution: bool
    first_text: str
    no_data: tuple[str, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class FitSection:
    """Section 4: fits, the SMAA summary, and what would change the order."""

    bars: tuple[FitBar, ...] = field(converter=to_tuple)
    summary: str
    smaa_run: bool
    smaa: tuple[str, ...] = field(converter=to_tuple)
    changes: tuple[str, ...] = field(converter=to_tuple)
    excluded_count: int


@frozen(kw_only=True)
class GridCell:
    """One answer in the Option Grid."""

    text: str
    certainty: str
    cites: tuple[int, ...] = field(default=(), converter=to_tuple)

    @property
    def certainty_class(self) -> str:
        """A CSS class name for the certainty badge."""
        return "c-" + self.certainty.replace(" ", "-")


@frozen(kw_only=True)
class GridColumn:
    """One option's column in the Option Grid."""

    option_id: str
    name: str
    cells: tuple[GridCell, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class Grid:
    """An Option Grid: questions down the side, options across."""

    id: str
    caption: str
    questions: tuple[str, ...] = field(converter=to_tuple)
    columns: tuple[GridColumn, ...] = field(converter=to_tuple)

    @property
    def rows(self) -> tuple[tuple[str, tuple[GridCell, ...]], ...]:
        """Each question with its answers, one per column."""
        return tuple(
            (q, tuple(c.cells[i] for c in self.columns)) for i, q in enumerate(self.questions)
        )


@frozen(kw_only=True)
class IconArray:
    """A grid of 1,000 squares, 40 across and 25 up, filled from the bottom left.

    Attributes:
        total: the number of squares (1,000).
        filled: dark squares (the typical count, whole squares only).
        extra: hatched squares after the dark ones (up to the top of the range).
        label: the text alternative, with the numbers.
    """

    total: int
    filled: int
    extra: int
    label: str
    columns: int = 40
    pitch: int = 5
    cell: int = 4

    @property
    def rows(self) -> int:
        """Rows of squares."""
        return self.total // self.columns

    @property
    def width(self) -> int:
        """Width in CSS pixels."""
        return self.columns * self.pitch

    @property
    def height(self) -> int:
        """Height in CSS pixels."""
        return self.rows * self.pitch

    def _rects(self, start: int, stop: int) -> tuple[tuple[int, int, int, int], ...]:
        """Rectangles (x, y, w, h) covering squares ``start``..``stop`` in fill order."""
        out: list[tuple[int, int, int, int]] = []
        i = start
        p, cols = self.pitch, self.columns
        while i < stop:
            row, col = divmod(i, cols)
            if col == 0 and stop - i >= cols:
                full = (stop - i) // cols
                y = self.height - (row + full) * p
                out.append((0, y, cols * p, full * p))
                i += full * cols
                continue
            n = min(cols - col, stop - i)
            out.append((col * p, self.height - (row + 1) * p, n * p, p))
            i += n
        return tuple(out)

    @property
    def filled_rects(self) -> tuple[tuple[int, int, int, int], ...]:
        """Rectangles of dark squares."""
        return self._rects(0, self.filled)

    @property
    def extra_rects(self) -> tuple[tuple[int, int, int, int], ...]:
        """Rectangles of hatched squares."""
        return self._rects(self.filled, self.filled + self.extra)


@frozen(kw_only=True)
class RiskRow:
    """A harm as a natural frequency on one denominator, both ways round."""

    name: str
    serious: bool
    figure: Figure
    other_side: str
    population: str
    time_frame: str
    icons: IconArray | None
    picture_text: str


@frozen(kw_only=True)
class BenefitRow:
    """A benefit, a practical fact or a time: a label with its figure."""

    label: str
    figure: Figure
    detail: str
    yours: bool = False


@frozen(kw_only=True)
class ReasonItem:
    """A reason an option is excluded or needs care, with its sources."""

    text: str
    kind: str
    cites: tuple[int, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class OptionDetail:
    """Section 6: one option in detail, benefits and harms in equal detail."""

    id: str
    anchor: str
    name: str
    fit_text: str
    summary: str
    mechanism: str
    mechanism_cites: tuple[int, ...] = field(converter=to_tuple)
    experience: tuple[BenefitRow, ...] = field(converter=to_tuple)
    benefits: tuple[BenefitRow, ...] = field(converter=to_tuple)
    risks: tuple[RiskRow, ...] = field(converter=to_tuple)
    practical: tuple[BenefitRow, ...] = field(converter=to_tuple)
    certainty: Figure
    certainty_reason: str
    cautions: tuple[ReasonItem, ...] = field(converter=to_tuple)
    clinic_price: bool


@frozen(kw_only=True)
class ExcludedItem:
    """An option not shown, with every reason."""

    name: str
    reasons: tuple[ReasonItem, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class NotShown:
    """Section 7: options not shown and why; clinic details."""

    excluded: tuple[ExcludedItem, ...] = field(converter=to_tuple)
    not_offered: tuple[str, ...] = field(converter=to_tuple)
    clinic_name: str
    clinic_figures: tuple[str, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class ClaimItem:
    """A claim as commonly made, with the verdict and its sources."""

    text: str
    verdict: str
    verdict_class: str
    reason: str
    cites: tuple[int, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class ClaimGroup:
    """The claims about one option."""

    name: str
    claims: tuple[ClaimItem, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class CriterionRow:
    """One criterion in the methods appendix."""

    label: str
    question: str
    bounds: str
    direction: str
    scale: str
    weight: str


@frozen(kw_only=True)
class Methods:
    """Section 9: how the scores were made."""

    criteria: tuple[CriterionRow, ...] = field(converter=to_tuple)
    method: str
    method_text: str
    value_text: str
    weighting: str
    no_data_text: str
    certainty_text: str
    smaa_text: str
    samples: int
    seed: int | None


@frozen(kw_only=True)
class ReportData:
    """Everything a report shows. Built by :func:`build_report_data`; rendered as is.

    Attributes:
        title: the page title.
        decision: section 1. about: section 2. values: section 3. fit: section 4.
        grid: section 5, the printable Option Grid (up to four options).
        grid_all: section 5, the Option Grid with every option open to the person.
        options: section 6. not_shown: section 7. claims: section 8.
        methods: section 9, with ``sources`` and ``questions``.
    """

    title: str
    generator: str
    decision: Decision
    about: About
    values: Values
    fit: FitSection
    grid: Grid
    grid_all: Grid
    options: tuple[OptionDetail, ...] = field(converter=to_tuple)
    not_shown: NotShown
    claims: tuple[ClaimGroup, ...] = field(converter=to_tuple)
    methods: Methods
    sources: tuple[SourceEntry, ...] = field(converter=to_tuple)
    questions: tuple[str, ...] = field(converter=to_tuple)

    def figures(self) -> tuple[Figure, ...]:
        """Every figure in the report (for checks: each has a certainty and sources)."""
        out: list[Figure] = []
        for o in self.options:
            out.append(o.certainty)
            for row in (*o.experience, *o.benefits, *o.practical):
                out.append(row.figure)
            out.extend(r.figure for r in o.risks)
        return tuple(out)


# -- helpers ----------------------------------------------------------------------------------


def date_text(d: dt.date) -> str:
    """A date in words, independent of locale: "26 November 2026"."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def safe_link(url: str) -> str:
    """``url`` if it is an absolute ``http`` or ``https`` address, else ``""``.

    Characters a URL may not contain (quotes, angle brackets, spaces, non-ASCII) are
    percent-encoded, so the link is valid HTML and cannot break out of its attribute.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return quote(url, safe=_URL_SAFE)


def _quantity(q: Quantity) -> str:
    """Like :func:`~antiage_compare.wording.quantity`, but "1 session", not "1 sessions"."""
    if isinstance(q, Range) and q.is_point and q.low == 1 and q.unit.endswith("s"):
        return f"1 {q.unit[:-1]}"
    return quantity(q)


def _sentence(text: str) -> str:
    """``text`` ending with a full stop (data phrases are often written without one)."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Cites:
    """Numbers sources in order of first citation (used only while building)."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._numbers: dict[str, int] = {}

    def __call__(self, ids: Iterable[str]) -> tuple[int, ...]:
        out: list[int] = []
        for sid in ids:
            n = self._numbers.setdefault(sid, len(self._numbers) + 1)
            if n not in out:
                out.append(n)
        return tuple(out)

    def entries(self) -> tuple[SourceEntry, ...]:
        out = []
        for sid, n in self._numbers.items():
            s = self._catalog.sources.get(sid)
            if s is None:
                out.append(
                    SourceEntry(
                        number=n,
                        id=sid,
                        citation=f"Unknown source {sid!r}",
                        kind="unknown",
                        link="",
                        link_text="",
                        low_quality=True,
                        note="",
                        known=False,
                    )
                )
                continue
            raw = s.link
            link = safe_link(raw)
            out.append(
                SourceEntry(
                    number=n,
                    id=sid,
                    citation=s.citation,
                    kind=str(s.kind.value).replace("_", " "),
                    link=link,
                    link_text="" if link else raw,
                    low_quality=s.kind.low_quality,
                    note=s.note,
                )
            )
        return tuple(out)


class _Builder:
    """Holds the inputs while the records are built (not part of the API)."""

    def __init__(self, comparison: Comparison) -> None:
        self.c = comparison
        self.catalog = comparison.catalog
        self.cite = _Cites(comparison.catalog)
        self.currency = comparison.catalog.info.currency

    # -- certainty and figures -----------------------------------------------------------------
    def certainty(self, option: Option, sources: Sequence[str], known: bool = True) -> str:
        if not known:
            return "no data"
        kinds = [self.catalog.sources[s].kind for s in sources if s in self.catalog.sources]
        if kinds and all(k.low_quality for k in kinds):
            return "very low"
        return str(option.certainty.value)

    def figure(self, option: Option, q: Quantity, text: str | None = None) -> Figure:
        known = not isinstance(q, NoData)
        if text is None:
            text = _quantity(q)
        note = (q.note if isinstance(q, Range) else q.reason).replace(".; ", ". ")
        return Figure(
            text=text,
            known=known,
            certainty=self.certainty(option, q.sources, known),
            note=note,
            cites=self.cite(q.sources),
        )

    def cost_text(self, option: Option) -> str:
        q = option.course_cost
        if isinstance(q, NoData):
            return "no data"
        text = money(q, option.cost.currency)
        per = option.cost.per
        if per is CostBasis.YEAR:
            text += " a year"
        elif per is CostBasis.SESSION and not isinstance(option.sessions, NoData):
            text += " for a course (" + money(option.cost.amount, option.cost.currency)
            text += " a session)"
        else:
            text += " for a course"
        if option.cost.from_clinic:
            text += ", clinic price"
        return text

    def cost_figure(self, option: Option) -> Figure:
        q = option.course_cost
        return self.figure(option, q, self.cost_text(option))

    # -- risks ----------------------------------------------------------------------------------
    def risk_row(self, option: Option, risk: Risk) -> RiskRow:
        f = frequency(risk)
        cites = self.cite(risk.sources)
        unit = risk.unit or "people"
        if not f.known:
            reason = risk.count.reason if isinstance(risk.count, NoData) else ""
            fig = Figure(
                text="no data",
                known=False,
                certainty="no data",
                note=reason or "Not measured in any source we found.",
                cites=cites,
            )
            return RiskRow(
                name=risk.name,
                serious=risk.severity.value == "serious",
                figure=fig,
                other_side="",
                population=risk.population,
                time_frame=risk.time_frame,
                icons=None,
                picture_text="No picture: there is no figure to draw.",
            )
        d = f"{f.denominator:,}"
        text = f"about {number(f.count)} in {d} {unit}"
        if f.low != f.high:
            text += f" (range {number(f.low)} to {number(f.high)})"
        fig = Figure(
            text=text,
            known=True,
            certainty=self.certainty(option, risk.sources),
            note=risk.note,
            cites=cites,
        )
        icons = None
        picture = ""
        if f.denominator == 1000:
            filled = min(1000, round(f.count))
            top = min(1000, max(filled, round(f.high)))
            label = (
                f"Picture of 1,000 squares. {filled} are dark: about {number(f.count)} in 1,000 "
                f"{unit} have this."
            )
            if top > filled:
                label += f" {top - filled} more are striped: the range goes up to {number(f.high)}."
            label += f" {1000 - top} are white."
            icons = IconArray(total=1000, filled=filled, extra=top - filled, label=label)
        else:
            picture = f"Too rare to draw: fewer than 1 in 1,000 {unit}."
        return RiskRow(
            name=risk.name,
            serious=risk.severity.value == "serious",
            figure=fig,
            other_side=(
                f"{'' if f.count == int(f.count) else 'about '}"
                f"{number(f.denominator - f.count)} in {d} do not."
            ),
            population=risk.population,
            time_frame=risk.time_frame,
            icons=icons,
            picture_text=picture,
        )

    def risk_summary(self, option: Option, risk: Risk | None) -> GridCell:
        if risk is None:
            return GridCell(text="no data", certainty="no data")
        f = frequency(risk)
        cites = self.cite(risk.sources)
        if not f.known:
            return GridCell(text=f"{risk.name}: no data", certainty="no data", cites=cites)
        text = f"{risk.name}: about {number(f.count)} in {f.denominator:,} {risk.unit or 'people'}"
        if f.low != f.high:
            text += f" (range {number(f.low)} to {number(f.high)})"
        return GridCell(text=text, certainty=self.certainty(option, risk.sources), cites=cites)

    # -- sections -------------------------------------------------------------------------------
    def reason(self, r: Reason) -> ReasonItem:
        kind = {
            "contraindication": "Health reason",
            "deal_breaker": "Your deal-breaker",
            "caution": "Take care",
        }.get(r.kind, r.kind)
        return ReasonItem(text=r.text, kind=kind, cites=self.cite(r.sources))

    def grid(self, gid: str, caption: str, scored: Sequence[ScoredOption]) -> Grid:
        columns = []
        for s in scored:
            o = s.option
            cert = str(o.certainty.value)
            sessions = _quantity(o.sessions)
            if o.interval and o.interval.lower() != "none":
                sessions += f"; {o.interval[:1].lower()}{o.interval[1:]}"
            cells = (
                GridCell(text=o.summary, certainty=cert, cites=self.cite(o.mechanism_sources)),
                GridCell(
                    text=sessions,
                    certainty=self.certainty(o, o.sessions.sources, bool(o.sessions)),
                    cites=self.cite((*o.sessions.sources, *o.interval_sources)),
                ),
                self._cell(o, o.downtime_days),
                self.risk_summary(o, o.side_effects),
                self.risk_summary(o, o.serious_risk),
                self._cell(o, o.duration_months),
                GridCell(
                    text=self.cost_text(o),
                    certainty=self.certainty(o, o.course_cost.sources, bool(o.course_cost)),
                    cites=self.cite(o.course_cost.sources),
                ),
                GridCell(
                    text=f"{cert.capitalize()}. {o.certainty.plain}",
                    certainty=cert,
                    cites=self.cite(o.certainty_sources),
                ),
            )
            columns.append(GridColumn(option_id=o.id, name=o.name, cells=cells))
        return Grid(id=gid, caption=caption, questions=GRID_QUESTIONS, columns=columns)

    def _cell(self, option: Option, q: Quantity) -> GridCell:
        f = self.figure(option, q)
        return GridCell(text=f.text, certainty=f.certainty, cites=f.cites)

    def detail(self, s: ScoredOption) -> OptionDetail:
        o = s.option
        cite = self.cite
        concerns = self.c.profile.concerns
        order = [c for c in concerns if c in CONCERNS] + [c for c in CONCERNS if c not in concerns]
        exp_cites = cite(o.experience.sources)
        exp_cert = self.certainty(o, o.experience.sources)
        experience = (
            BenefitRow(
                label="How it feels",
                figure=Figure(
                    text=o.experience.pain, known=True, certainty=exp_cert, cites=exp_cites
                ),
                detail="",
            ),
            BenefitRow(
                label="What others may see",
                figure=Figure(
                    text=o.experience.marks, known=True, certainty=exp_cert, cites=exp_cites
                ),
                detail="",
            ),
            BenefitRow(
                label="Time away from work and friends",
                figure=Figure(
                    text=o.experience.time_off, known=True, certainty=exp_cert, cites=exp_cites
                ),
                detail="",
            ),
        )
        benefits = []
        for concern in order:
            e = o.effects[concern]
            if e.size is EffectSize.NOT_STUDIED:
                fig = Figure(
                    text="not studied", known=False, certainty="no data", cites=cite(e.sources)
                )
            else:
                text = str(e.size.value)
                if e.low != e.high:
                    text += f" (could be {e.low.value} to {e.high.value})"
                fig = Figure(
                    text=text,
                    known=True,
                    certainty=self.certainty(o, e.sources),
                    cites=cite(e.sources),
                )
            benefits.append(
                BenefitRow(
                    label=f"Effect on {CONCERN_LABELS[concern]}",
                    figure=fig,
                    detail=e.reason,
                    yours=concern in concerns,
                )
            )
        benefits.append(
            BenefitRow(
                label="When you may see a change", figure=self._days(o, o.onset_days), detail=""
            )
        )
        benefits.append(
            BenefitRow(
                label="How long the effect lasts",
                figure=self.figure(o, o.duration_months),
                detail="",
            )
        )
        risks = tuple(self.risk_row(o, r) for r in o.risks)
        sessions = self.figure(o, o.sessions)
        practical = (
            BenefitRow(
                label="Sessions",
                figure=sessions,
                detail=_sentence(o.interval) if o.interval.lower() != "none" else "",
            ),
            BenefitRow(label="Time off", figure=self.figure(o, o.downtime_days), detail=""),
            BenefitRow(label="Cost", figure=self.cost_figure(o), detail=""),
        )
        cert = str(o.certainty.value)
        return OptionDetail(
            id=o.id,
            anchor="opt-" + str(self.c.ids.index(o.id) + 1),
            name=o.name,
            fit_text=f"{s.fit:.0f} out of 100",
            summary=o.summary,
            mechanism=o.mechanism,
            mechanism_cites=cite(o.mechanism_sources),
            experience=experience,
            benefits=benefits,
            risks=risks,
            practical=practical,
            certainty=Figure(
                text=f"{cert.capitalize()}. {o.certainty.plain}",
                known=True,
                certainty=cert,
                cites=cite(o.certainty_sources),
            ),
            certainty_reason=o.certainty_reason,
            cautions=tuple(self.reason(r) for r in s.cautions),
            clinic_price=o.cost.from_clinic,
        )

    def _days(self, option: Option, q: Quantity) -> Figure:
        if isinstance(q, Range) and q.is_point and q.low == 0:
            return self.figure(option, q, "straight away")
        return self.figure(option, q)


# -- section builders -------------------------------------------------------------------------


def _deal_breakers(c: Comparison) -> list[str]:
    lim = c.profile.limits
    out = []
    if lim.max_downtime_days is not None:
        out.append(f"No more than {number(lim.max_downtime_days)} days of time off.")
    if lim.max_cost is not None:
        currency = lim.currency or c.catalog.currency
        out.append(f"A course costs no more than {currency} {number(lim.max_cost)}.")
    if not lim.needles:
        out.append("No needles through the skin.")
    if not lim.surgery:
        out.append("No surgery.")
    return out


def _values(c: Comparison) -> Values:
    w = c.weights.values
    top = max(w.values()) or 1.0
    bars = [
        WeightBar(
            criterion=cr.id,
            label=cr.label,
            weight=w[cr.id],
            percent=f"{100 * w[cr.id]:.0f}%",
            width=round(100 * w[cr.id] / top, 1),
        )
        for cr in sorted(CRITERIA, key=lambda cr: -w[cr.id])
    ]
    concerns = tuple(CONCERN_LABELS[x] for x in c.profile.concerns if x in CONCERN_LABELS)
    concerns_text = (
        "You picked these concerns. The effect score counts only these."
        if concerns
        else "You did not pick any concerns, so the effect score counts all of them."
    )
    health = sorted(h.plain for h in c.profile.health.conditions())
    return Values(
        bars=bars,
        how=_WEIGHTING_TEXT.get(c.weights.method, ""),
        notes=(*c.weights.notes, *c.notes),
        concerns=concerns,
        concerns_text=concerns_text,
        deal_breakers=_deal_breakers(c),
        health=[h[:1].upper() + h[1:] + "." for h in health],
    )


def _smaa_sentences(
    c: Comparison, smaa: SmaaResult | None, names: Mapping[str, str]
) -> tuple[str, ...]:
    if smaa is None:
        return ()
    how = {
        "none": "the weights could take any balance at all",
        "ranking": "the weights could take any balance that keeps your order",
    }.get(smaa.weight_mode, "the weights stayed near the ones you gave")
    out = [
        f"We tried {smaa.samples:,} plausible scenarios. In each one, every figure was drawn "
        f"from within its range, and {how}."
    ]
    shares = smaa.first_rank()
    ordered = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = 0
    for oid, share in ordered:
        n = round(100 * share)
        if n < 1:
            continue
        out.append(f"In {n} of 100 scenarios, {names.get(oid, oid)} came first.")
        shown += 1
    rest = [share for _, share in ordered[shown:]]
    if rest and all(share == 0 for share in rest):
        out.append("No other option came first in any scenario.")
    elif rest:
        out.append("Each of the other options came first in fewer than 1 of 100 scenarios.")
    if smaa.no_data:
        n = len(smaa.no_data)
        out.append(
            f"{n} figure{'s' if n != 1 else ''} had no data. We kept "
            f"{'them' if n != 1 else 'it'} at the middle of the scale and did not guess."
        )
    return tuple(out)


def _changes(c: Comparison, sens: Sensitivity | None, names: Mapping[str, str]) -> tuple[str, ...]:
    out: list[str] = []
    if sens is not None:
        moves: list[tuple[float, int, str]] = []
        for i, iv in enumerate(sens.intervals):
            label = BY_ID[iv.criterion].label.lower() if iv.criterion in BY_ID else iv.criterion
            now = f"{100 * iv.weight:.0f}%"
            if iv.above is not None:
                moves.append(
                    (
                        iv.high - iv.weight,
                        i,
                        f"If “{label}” counted for more than {100 * iv.high:.0f}% of the "
                        f"weight (it is {now} now), {names.get(iv.above, iv.above)} would "
                        "come first.",
                    )
                )
            if iv.below is not None:
                moves.append(
                    (
                        iv.weight - iv.low,
                        i,
                        f"If “{label}” counted for less than {100 * iv.low:.0f}% of the "
                        f"weight (it is {now} now), {names.get(iv.below, iv.below)} would "
                        "come first.",
                    )
                )
        out.extend(text for _, _, text in sorted(moves)[:3])
        if not moves:
            out.append(
                "No change to one weight alone, with the others kept in proportion, would "
                "change which option comes first."
            )
    if len(c.scored) >= 2:
        a, b = c.scored[0], c.scored[1]
        out.append(c.explain(a.option.id, b.option.id))
    return tuple(out)


def _fit(
    c: Comparison,
    smaa: SmaaResult | None,
    sens: Sensitivity | None,
) -> FitSection:
    names = {s.option.id: s.option.name for s in c.scored}
    shares = dict(smaa.first_rank()) if smaa is not None else {}
    bars = []
    for s in c.scored:
        first = ""
        if smaa is not None:
            share = shares.get(s.option.id, 0.0)
            n = round(100 * share)
            first = f"{n} of 100" if n >= 1 or share == 0 else "fewer than 1 of 100"
        bars.append(
            FitBar(
                option_id=s.option.id,
                name=s.option.name,
                fit=s.fit,
                fit_text=f"{s.fit:.0f}",
                rank=s.rank,
                tied=bool(s.tied_with),
                caution=bool(s.cautions),
                first_text=first,
                no_data=[
                    BY_ID[x.criterion].label.lower()
                    for x in s.contributions
                    if x.no_data and x.weight > 0
                ],
            )
        )
    if not c.scored:
        summary = "No option is open to you with the limits and health facts you gave."
    else:
        top = c.top
        verb = "score" if len(top) > 1 else "scores"
        summary = (
            f"On the typical figures, {_and([t.option.name for t in top])} {verb} highest for "
            f"your priorities ({top[0].fit:.0f} out of 100). A high score means a close match "
            "to what you said matters. It is not advice to choose it."
        )
    return FitSection(
        bars=bars,
        summary=summary,
        smaa_run=smaa is not None,
        smaa=_smaa_sentences(c, smaa, names),
        changes=_changes(c, sens, names),
        excluded_count=len(c.excluded),
    )


def _methods(c: Comparison, smaa: SmaaResult | None) -> Methods:
    w = c.weights.values
    rows = [
        CriterionRow(
            label=cr.label,
            question=cr.question,
            bounds=cr.describe_bounds(),
            direction="higher is better" if cr.higher_is_better else "lower is better",
            scale="logarithmic" if cr.scale is Scale.LOG else "straight line",
            weight=f"{100 * w[cr.id]:.0f}%",
        )
        for cr in c.catalog.criteria
    ]
    if smaa is None:
        smaa_text = (
            "We did not run the scenario analysis (SMAA) for this report, so the order uses the "
            "typical figures only."
        )
    else:
        smaa_text = (
            f"The scenario analysis (SMAA-2) drew {smaa.samples:,} scenarios with the random seed "
            f"{smaa.seed}. Each draw picks every figure from within its range and weights near "
            "yours. The same inputs and seed give the same result."
        )
    return Methods(
        criteria=rows,
        method=c.method,
        method_text=_METHOD_TEXT.get(c.method, c.method),
        value_text=(
            "A straight-line value curve gives the same value to each equal step along the "
            "scale. A logarithmic curve is used for risks and costs: going from 1 to 10 in "
            "1,000 counts about as much as going from 10 to 100."
        ),
        weighting=_WEIGHTING_TEXT.get(c.weights.method, ""),
        no_data_text=(
            "When there is no figure for a point, the option gets the middle value (0.5) on it, "
            "and the report says so. Missing data never counts as zero risk."
        ),
        certainty_text=(
            "Each number has a grade for how sure the evidence is. It is the grade the data team "
            "gave the option. We lower it to very low when the number rests only on sales or "
            "summary pages."
        ),
        smaa_text=smaa_text,
        samples=smaa.samples if smaa is not None else 0,
        seed=smaa.seed if smaa is not None else None,
    )


def _about(c: Comparison, clinic: str, interests: str, today: dt.date) -> About:
    info = c.catalog.info
    overdue = info.overdue(today)
    return About(
        authors=info.authors,
        clinic_name=clinic,
        competing_interests=interests,
        funding=info.funding,
        reviewed=date_text(info.reviewed),
        next_review=date_text(info.next_review),
        update_policy=info.update_policy,
        overdue=overdue,
        overdue_text=(
            f"Warning: the evidence review was due on {date_text(info.next_review)}. "
            "Some figures may be out of date."
            if overdue
            else ""
        ),
        cost_note=info.cost_note,
    )


def _condition() -> tuple[str, ...]:
    return (
        "As skin ages, it gets fine lines, wrinkles, looser skin, uneven colour and a rougher "
        "feel. This is normal. It is not a disease. Sun, smoking and genes can speed it up.",
        "Many treatments say they slow or hide these signs. They differ in how well they work, "
        "how sure the evidence is, their risks, the time off and the cost.",
    )


def _resolve_smaa(
    comparison: Comparison,
    smaa: bool | SmaaResult | None,
    samples: int,
    seed: int,
    progress: Callable[[int, int], None] | None,
) -> SmaaResult | None:
    if smaa is None or smaa is False or not comparison.scored:
        return None
    if smaa is not True:
        return smaa
    from antiage_compare.uncertainty.smaa import smaa_comparison

    return smaa_comparison(comparison, samples=samples, seed=seed, progress=progress)


def _resolve_sensitivity(comparison: Comparison) -> Sensitivity | None:
    if len(comparison.scored) < 2:
        return None
    from antiage_compare.uncertainty.sensitivity import sensitivity

    return sensitivity(comparison)


def _grid_choice(c: Comparison, grid_options: Sequence[str] | None) -> list[ScoredOption]:
    if grid_options is None:
        picked = [s for s in c.scored if s.option.id != NO_PROCEDURE][:3]
        keep = {s.option.id for s in picked} | {NO_PROCEDURE}
        return [s for s in c.scored if s.option.id in keep]
    if isinstance(grid_options, str):
        grid_options = (grid_options,)
    ids = list(dict.fromkeys(grid_options))
    if not ids or len(ids) > MAX_GRID_OPTIONS:
        msg = f"grid_options must name 1 to {MAX_GRID_OPTIONS} options, got {len(ids)}"
        raise ReportError(msg)
    return [c[oid] for oid in ids]  # Comparison.__getitem__ raises UnknownIdError


def build_report_data(
    comparison: Comparison,
    *,
    smaa: bool | SmaaResult | None = True,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    grid_options: Sequence[str] | None = None,
    prepared_for: str | None = None,
    clinic_name: str | None = None,
    competing_interests: str | None = None,
    today: dt.date | None = None,
    version: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReportData:
    """Prepare everything the report shows.

    Deterministic: the same comparison and options give an equal result. Only ``today`` and
    ``version`` default to outside facts (today's date and the package version).

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        smaa: ``True`` to run the SMAA scenario analysis
            (:func:`antiage_compare.uncertainty.smaa.smaa_comparison`), ``False`` or ``None``
            to leave it out, or an SMAA result to use as is.
        samples: SMAA draws when ``smaa`` is ``True``.
        seed: SMAA random seed when ``smaa`` is ``True`` (default :data:`DEFAULT_SEED`).
        grid_options: 1 to 4 option ids for the printable Option Grid; default: the three
            options with the highest fit, plus "no procedure".
        prepared_for: who the report is for; default: the profile's name.
        clinic_name: the clinic giving the report; default: the catalogue's clinic name.
        competing_interests: the competing-interest statement; default: the catalogue's,
            plus a plain statement that the clinic may sell these treatments when a clinic name
            is given without its own statement.
        today: the report date; default: today.
        version: the version shown; default: the package version.
        progress: passed to the SMAA run.

    Returns:
        The frozen report data.

    Raises:
        ReportError: ``grid_options`` names no option or more than four.
        UnknownIdError: ``grid_options`` names an option that is unknown or excluded.
    """
    c = comparison
    if today is None:
        today = dt.date.today()
    if version is None:
        from antiage_compare import __version__

        version = __version__
    info = c.catalog.info
    clinic = info.clinic_name if clinic_name is None else clinic_name
    if competing_interests is not None:
        interests = competing_interests
    elif clinic and not info.clinic_name:
        interests = (
            f"{info.competing_interests} This report is given to you by {clinic}. "
            "The clinic may sell some of the treatments in it."
        )
    else:
        interests = info.competing_interests
    who = c.profile.name if prepared_for is None else prepared_for

    grid_choice = _grid_choice(c, grid_options)
    smaa_result = _resolve_smaa(c, smaa, samples, seed, progress)
    sens = _resolve_sensitivity(c)

    b = _Builder(c)
    nat = next((o for o in c.catalog if o.id == NO_PROCEDURE), None)
    decision = Decision(
        question="Which anti-ageing treatment, if any, fits what matters to you?",
        prepared_for=who,
        date=date_text(today),
        date_iso=today.isoformat(),
        version=version,
        data_version=info.data_version,
        condition=_condition(),
        decision=(
            "The choice is whether to have a treatment, and if so which one. Doing nothing new "
            "is always one of the options."
        ),
        natural_course=nat.mechanism if nat is not None else "",
        natural_course_cites=b.cite(nat.mechanism_sources) if nat is not None else (),
        not_advice=(
            "This is information, not medical advice. Talk it through with a qualified "
            "clinician before you decide."
        ),
    )
    values = _values(c)
    fit = _fit(c, smaa_result, sens)
    grid = b.grid(
        "grid-print",
        f"Option Grid: {len(grid_choice)} options side by side",
        grid_choice,
    )
    options = tuple(b.detail(s) for s in c.scored)
    grid_all = b.grid("grid-all", "Option Grid: every option open to you", c.scored)
    not_shown = NotShown(
        excluded=[
            ExcludedItem(name=e.option.name, reasons=[b.reason(r) for r in e.reasons])
            for e in c.excluded
        ],
        not_offered=[o.name for o in c.catalog.not_offered],
        clinic_name=clinic,
        clinic_figures=_clinic_figures(c.catalog),
    )
    shown_ids = {s.option.id for s in c.scored} | {e.option.id for e in c.excluded}
    claims = []
    for o in c.catalog.options:
        about = c.catalog.claims_about(o.id)
        if not about or o.id not in shown_ids:
            continue
        claims.append(
            ClaimGroup(
                name=o.name,
                claims=[
                    ClaimItem(
                        text=cl.text,
                        verdict=cl.verdict.plain,
                        verdict_class="v-" + str(cl.verdict.value).replace("_", "-"),
                        reason=cl.reason,
                        cites=b.cite(cl.sources),
                    )
                    for cl in about
                ],
            )
        )
    methods = _methods(c, smaa_result)
    return ReportData(
        title="Which anti-ageing treatment, if any, fits what matters to you?",
        generator=f"antiage_compare {version}",
        decision=decision,
        about=_about(c, clinic, interests, today),
        values=values,
        fit=fit,
        grid=grid,
        grid_all=grid_all,
        options=options,
        not_shown=not_shown,
        claims=claims,
        methods=methods,
        sources=b.cite.entries(),
        questions=QUESTIONS_TO_ASK,
    )


_FIELD_WORDS = {
    "cost": "price",
    "*": "all figures (the clinic's own option)",
}


def _clinic_figures(catalog: Catalog) -> tuple[str, ...]:
    out = []
    for ref in sorted(catalog.clinic_figures):
        oid, _, what = ref.partition(".")
        name = catalog[oid].name if oid in catalog else oid
        out.append(f"{name}: {_FIELD_WORDS.get(what, what)}")
    return tuple(out)
