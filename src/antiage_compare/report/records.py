"""The frozen records a report is made of: what each section shows, decided before any HTML.

:func:`~antiage_compare.report.build.build_report_data` fills these records and the templates
only format them, so tests can check every sentence, number and citation of a report without
parsing HTML. They are plain frozen attrs values with no behaviour beyond small derived
properties (CSS class names, icon-array rectangles); :class:`ReportData` holds them all.

Certainty badges. Every figure carries a "how sure" grade: an effect figure's own grade, or for
other figures the grade the data team gave the option (high, moderate, low, very low), in both
cases lowered to what the best of the figure's own sources can bear (a clinic page is never
"high"; :attr:`~antiage_compare.model.SourceKind.ceiling`). A figure that is missing is shown as
"no data", never as zero.
"""

from __future__ import annotations

from attrs import field, frozen

from antiage_compare.model import to_tuple

__all__ = [
    "About",
    "BenefitRow",
    "BiasRow",
    "BiasTable",
    "CheckItem",
    "ClaimGroup",
    "ClaimItem",
    "CriterionRow",
    "Decision",
    "ExcludedItem",
    "Figure",
    "FitBar",
    "FitSection",
    "Grid",
    "GridCell",
    "GridColumn",
    "IconArray",
    "IntervalRow",
    "Methods",
    "NotShown",
    "OptionDetail",
    "RankShares",
    "ReadyCheck",
    "ReadyItem",
    "ReasonItem",
    "ReportData",
    "RiskRow",
    "SourceEntry",
    "Summary",
    "SummaryRow",
    "Values",
    "WarningItem",
    "WeightBar",
]


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
    """One leaf's weight, for the "what matters to you" bars."""

    criterion: str
    label: str
    weight: float
    percent: str
    width: float
    group: str = "burden"


@frozen(kw_only=True)
class Values:
    """Section 3: weights, concerns, deal-breakers and the health facts used."""

    bars: tuple[WeightBar, ...] = field(converter=to_tuple)
    how: str
    tradeoff: str
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
    #: The fit with the option's missing figures at worst and best (0–100), and in words
    #: ("50 to 64"; "" when nothing it is scored on is missing).
    low: float = 0.0
    high: float = 0.0
    range_text: str = ""


@frozen(kw_only=True)
class RankShares:
    """One option's rank acceptabilities, as the chart draws them: first, second, third, lower.

    Attributes:
        name: the option.
        shares: the share of scenarios (0–1) in which it came first, second, third and lower;
            they add up to 1.
        texts: the same shares as "N of 100" words, for the table beside the chart.
        segments: ``(x, width)`` of each stacked part on a 200-unit bar.
    """

    name: str
    shares: tuple[float, ...] = field(converter=to_tuple)
    texts: tuple[str, ...] = field(converter=to_tuple)
    segments: tuple[tuple[float, float], ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class IntervalRow:
    """One weight's sensitivity interval, as the chart draws it on a 0–100% line.

    Attributes:
        label: what the weight is on, in words.
        now: its weight now (0–1). low, high: the weights between which first place stays.
        now_text, range_text: the same as "20%" and "12% to 31%".
        below, above: what comes first below ``low`` / above ``high`` (``""`` if nothing does).
        x_low, width, x_now: the band and the marker on a :data:`INTERVAL_BAR`-unit line.
        maximum, x_max: the most the weight can have (1, or its group's share), and where that
            falls on the line: the track stops there.
    """

    label: str
    now: float
    low: float
    high: float
    now_text: str
    range_text: str
    below: str
    above: str
    x_low: float
    width: float
    x_now: float
    maximum: float = 1.0
    x_max: float = 200.0


@frozen(kw_only=True)
class FitSection:
    """Section 4: fits, the SMAA summary, and what would change the order."""

    bars: tuple[FitBar, ...] = field(converter=to_tuple)
    summary: str
    #: True when any option has a fit range (a figure it is scored on is missing).
    ranges: bool
    smaa_run: bool
    smaa: tuple[str, ...] = field(converter=to_tuple)
    changes: tuple[str, ...] = field(converter=to_tuple)
    excluded_count: int
    #: The SMAA rank acceptabilities of every option, drawn as stacked bars (empty without SMAA).
    ranks: tuple[RankShares, ...] = field(default=(), converter=to_tuple)
    #: The weight-sensitivity intervals, nearest to a change first (empty without the analysis).
    intervals: tuple[IntervalRow, ...] = field(default=(), converter=to_tuple)
    #: The option whose first place the intervals keep.
    first: str = ""


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
        key: the prefix of the ids of its own fill patterns, unique on the page. Each picture
            carries its patterns: a PDF engine (WeasyPrint) does not follow a pattern defined
            in another ``<svg>``.
    """

    total: int
    filled: int
    extra: int
    label: str
    key: str = "ia"
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
    #: A serious harm or the side effect the option is scored on (the hand-out shows these
    #: in full and names the others).
    main: bool = True
    #: For a harm a caution says the person's health makes more likely: that, in a sentence
    #: (the figure is a floor for them); ``""`` otherwise.
    for_you: str = ""


@frozen(kw_only=True)
class SummaryRow:
    """One option on page one: its fit, cost, time off, certainty and its main serious risk.

    Attributes:
        option_id, name: the option.
        fit_text: the fit out of 100; range_text: its fit range when figures are missing.
        cost: the cost over the person's horizon; downtime: days before feeling fine to be seen.
        certainty: how sure the evidence is, overall.
        risk: the serious risk the option is scored on, with its icon array; ``None`` when the
            option has none (no new treatment).
        nothing: true for "no new treatment", which is always shown.
    """

    option_id: str
    name: str
    fit_text: str
    range_text: str
    cost: Figure
    downtime: Figure
    certainty: Figure
    risk: RiskRow | None
    nothing: bool = False


@frozen(kw_only=True)
class Summary:
    """Page one: the person's concerns and trade-off, the best fits beside no new treatment.

    Attributes:
        concerns_text: the concerns in one sentence.
        tradeoff: the trade-off in one sentence.
        rows: the best-fitting options and "no new treatment", best fit first.
        overlap: a sentence when the best fits' ranges overlap (their order is not settled).
        changes: what would change the order, in words (at most two sentences).
        horizon: the horizon the costs are counted over, in words.
    """

    concerns_text: str
    tradeoff: str
    rows: tuple[SummaryRow, ...] = field(converter=to_tuple)
    overlap: str
    changes: tuple[str, ...] = field(converter=to_tuple)
    horizon: str


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
    #: The hand-out's other, milder harms, by name only (the full edition shows each in full).
    other_risks: tuple[str, ...] = field(default=(), converter=to_tuple)
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
class WarningItem:
    """A product sold for the person's concerns that is not an option, and why."""

    name: str
    text: str
    cites: tuple[int, ...] = field(converter=to_tuple)


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
class BiasRow:
    """One option in the flat-against-tree table of the methods appendix."""

    name: str
    flat_fit: str
    flat_rank: int
    tree_fit: str
    tree_rank: int


@frozen(kw_only=True)
class BiasTable:
    """For a flat profile: its ranking beside the value tree's, and whether it looks biased."""

    flagged: bool
    text: str
    reasons: tuple[str, ...] = field(converter=to_tuple)
    rows: tuple[BiasRow, ...] = field(converter=to_tuple)


@frozen(kw_only=True)
class Methods:
    """Section 9: how the scores were made."""

    criteria: tuple[CriterionRow, ...] = field(converter=to_tuple)
    method: str
    method_text: str
    value_text: str
    tree_text: str
    bias: BiasTable | None
    weighting: str
    no_data_text: str
    certainty_text: str
    smaa_text: str
    samples: int
    seed: int | None


@frozen(kw_only=True)
class ReadyItem:
    """One SURE question, with the answer given before reading (``"yes"``, ``"no"`` or ``""``)."""

    key: str
    question: str
    before: str
    #: What could help when the answer is "no".
    help: str


@frozen(kw_only=True)
class ReadyCheck:
    """Are you ready to decide? The four SURE questions, to tick after reading.

    Attributes:
        items: the four questions in the test's order.
        before_score: how many "yes" before reading (0–4), or ``None`` if not asked.
        before_text: that, in a sentence ("" if not asked).
        helps: what could help, for each "no" before reading (empty if all "yes" or not asked).
        after_text: what to do with fewer than four ticks after reading, without pressure.
        source: where the questions come from.
    """

    items: tuple[ReadyItem, ...] = field(converter=to_tuple)
    before_score: int | None
    before_text: str
    helps: tuple[str, ...] = field(converter=to_tuple)
    after_text: str
    source: str


@frozen(kw_only=True)
class CheckItem:
    """One "check what you have read" question, computed from the person's comparison.

    Attributes:
        number: 1, 2, ... (the answer at the end has the same number).
        kind: what it checks (``"serious_risk"``, ``"cost"``, ``"downtime"``, ``"certainty"``,
            ``"order"``, ``"fit"``, ``"nothing"`` or ``"wait"``), for tests and a consultant.
        question: the question. answer: its answer, with the figures that give it.
        where: the part of the report that holds the answer.
    """

    number: int
    kind: str
    question: str
    answer: str
    where: str


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
    #: Page one of every edition.
    summary: Summary
    about: About
    values: Values
    fit: FitSection
    grid: Grid
    grid_all: Grid
    options: tuple[OptionDetail, ...] = field(converter=to_tuple)
    not_shown: NotShown
    claims: tuple[ClaimGroup, ...] = field(converter=to_tuple)
    methods: Methods
    #: Section 8 too: products sold for the person's concerns that are not options.
    warnings: tuple[WarningItem, ...] = field(default=(), converter=to_tuple)
    sources: tuple[SourceEntry, ...] = field(converter=to_tuple)
    questions: tuple[str, ...] = field(converter=to_tuple)
    #: ``"full"`` (every section) or ``"client"`` (page one, the grid, the options it shows).
    edition: str = "full"
    #: The SHA-256 of the consultation record written with this report, or ``None``.
    record_hash: str | None = None
    #: Under the questions: the decision can wait.
    cooling_off: str = ""
    #: Are you ready to decide? (the SURE check), in every edition.
    ready: ReadyCheck | None = None
    #: Check what you have read: 3 to 5 questions, the answers at the end.
    understanding: tuple[CheckItem, ...] = field(default=(), converter=to_tuple)

    def figures(self) -> tuple[Figure, ...]:
        """Every figure in the report (for checks: each has a certainty and sources)."""
        out: list[Figure] = []
        for o in self.options:
            out.append(o.certainty)
            for row in (*o.experience, *o.benefits, *o.practical):
                out.append(row.figure)
            out.extend(r.figure for r in o.risks)
        return tuple(out)
