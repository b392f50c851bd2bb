"""An option's facts as report records: figures, risk rows, Option Grid columns, the detail.

:class:`OptionFacts` turns the catalogue's figures for one option into the records of
:mod:`~antiage_compare.report.records`, in words, with a certainty grade and citation numbers.
The same figure is worded the same way everywhere it appears (grid, detail), and every risk is
a natural frequency on one denominator, both ways round, with an icon array where it can be
drawn. It holds the report's one :class:`~antiage_compare.report.cite.Citations`, so the
order of its calls is the order of the citation numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs

from antiage_compare.eligibility import raised_by
from antiage_compare.horizon import cost_per_year_of_effect, horizon_cost, maintenance_visits
from antiage_compare.model import (
    CONCERN_LABELS,
    CONCERNS,
    Certainty,
    CostBasis,
    EffectSize,
    NoData,
    Option,
    Quantity,
    Range,
    Risk,
    WhileUsed,
    figure_grade,
)
from antiage_compare.report.cite import Citations
from antiage_compare.report.prose import GRID_QUESTIONS, join_and, quantity_text, sentence
from antiage_compare.report.records import (
    BenefitRow,
    Figure,
    Grid,
    GridCell,
    GridColumn,
    IconArray,
    OptionDetail,
    ReasonItem,
    RiskRow,
)
from antiage_compare.tree import scored_concerns
from antiage_compare.wording import Frequency, frequency, money, number

if TYPE_CHECKING:
    from antiage_compare.comparison import Comparison, ScoredOption
    from antiage_compare.eligibility import Reason

__all__ = ["OptionFacts"]


#: Certainty grades from surest to least sure (to find a cell's weakest figure).
_GRADE_ORDER = ("high", "moderate", "low", "very low", "no data")


class _Answer(NamedTuple):
    """One Option Grid answer before it is cited: its words, grade and source ids."""

    text: str
    certainty: str
    sources: Sequence[str]


def _short_sentences(note: str) -> str:
    """A note's clauses as short sentences: "a; b" reads as "a. B" (outside brackets).

    Data notes join several facts with semicolons; in a report for lay readers each reads
    better as its own sentence (and the reading grade counts them so).
    """
    out: list[str] = []
    depth = 0
    i = 0
    while i < len(note):
        ch = note[i]
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == ";" and depth <= 0 and note[i + 1 : i + 2] == " " and i + 2 < len(note):
            out.append(". " + note[i + 2].upper())
            i += 3
            continue
        out.append(ch)
        i += 1
    return "".join(out)


class OptionFacts:
    """Builds the records about options for one comparison, citing through ``cite``.

    Args:
        comparison: the comparison the report is about.
        cite: the report's citation numbering.
    """

    def __init__(self, comparison: Comparison, cite: Citations) -> None:
        self.c = comparison
        self.catalog = comparison.catalog
        self.cite = cite
        self._pictures = 0  # icon arrays made so far: each gets its own id prefix

    # -- certainty and figures -----------------------------------------------------------------
    def certainty(
        self,
        option: Option,
        sources: Sequence[str],
        known: bool = True,
        grade: Certainty | None = None,
    ) -> str:
        """The "how sure" grade of one figure, or "no data".

        ``grade`` (an effect figure's own grade; the option's grade otherwise), lowered to what
        the best of the figure's own sources can bear (:func:`~antiage_compare.model.figure_grade`:
        a clinic page is never "high").
        """
        if not known:
            return "no data"
        kinds = [self.catalog.sources[s].kind for s in sources if s in self.catalog.sources]
        return str(figure_grade(option.certainty if grade is None else grade, kinds).value)

    def figure(self, option: Option, q: Quantity, text: str | None = None) -> Figure:
        """A figure in words (``text``, or the quantity worded), with its grade and citations."""
        known = not isinstance(q, NoData)
        if text is None:
            text = quantity_text(q)
        note = _short_sentences((q.note if isinstance(q, Range) else q.reason).replace(".; ", ". "))
        return Figure(
            text=text,
            known=known,
            certainty=self.certainty(option, q.sources, known),
            note=note,
            cites=self.cite(q.sources),
        )

    @property
    def years(self) -> float:
        """The person's horizon, in years (costs and visits are counted over it)."""
        return self.c.profile.horizon_years

    def cost_text(self, option: Option) -> str:
        """The cost over the horizon in words: the total, then how it is made up (our arithmetic)."""
        q = horizon_cost(option, self.years)
        if isinstance(q, NoData):
            return "no data"
        cur = option.cost.currency
        span = f"over {self.years:g} years"
        per = option.cost.per
        price = money(option.cost.amount, cur)
        if per is CostBasis.YEAR:
            text = f"{money(q, cur)} {span} ({price} a year, used all along)"
        elif per is CostBasis.COURSE and option.maintenance is not None:
            visits = quantity_text(maintenance_visits(option.maintenance, self.years))
            text = (
                f"{money(q, cur)} {span} ({price} for the first course, then {visits} to keep "
                "the effect at the same price)"
            )
        elif per is CostBasis.COURSE:
            text = f"{money(q, cur)} {span} (one fee for the course, done once)"
        else:
            first = quantity_text(option.sessions)
            m = option.maintenance
            if m is None:
                text = f"{money(q, cur)} {span} ({first} at {price} a session, done once)"
            else:
                visits = quantity_text(maintenance_visits(m, self.years))
                text = (
                    f"{money(q, cur)} {span} ({first} now, then {visits} to keep the effect, "
                    f"at {price} a session)"
                )
        if option.cost.from_clinic:
            text += ", clinic price"
        return text

    def cost_figure(self, option: Option) -> Figure:
        """The cost over the horizon as a figure (our arithmetic, so its note says so)."""
        q = horizon_cost(option, self.years)
        fig = self.figure(option, q, self.cost_text(option))
        if isinstance(q, Range) and option.cost.per is not CostBasis.COURSE:
            note = "Our arithmetic: price × sessions (or years) over the horizon."
            fig = attrs.evolve(fig, note=f"{note} {fig.note}".strip())
        return fig

    def per_year_figure(self, option: Option) -> Figure | None:
        """The cost per year of effect within the horizon, or ``None`` when there is no effect."""
        q = cost_per_year_of_effect(option, self.years)
        if q is None:
            return None
        if isinstance(q, NoData):
            return self.figure(option, q, "no data")
        return self.figure(
            option, attrs.evolve(q, note=""), money(q, option.cost.currency) + " a year"
        )

    def duration_text(self, option: Option) -> str:
        """How long the effect lasts in words: months, "while used", or kept up by repeats."""
        d = option.duration_months
        if isinstance(d, WhileUsed):
            return "As long as you keep using it; the effect stops when you stop"
        text = quantity_text(d)
        m = option.maintenance
        if m is not None and not isinstance(d, NoData):
            text += f"; kept up by a repeat every {quantity_text(m.every_months)}"
        return text

    def duration_figure(self, option: Option) -> Figure:
        """How long the effect lasts, as a figure."""
        d = option.duration_months
        if isinstance(d, WhileUsed):
            return Figure(
                text=self.duration_text(option),
                known=True,
                certainty=self.certainty(option, d.sources),
                note=d.note,
                cites=self.cite(d.sources),
            )
        fig = self.figure(option, d, self.duration_text(option))
        m = option.maintenance
        if m is not None:
            fig = attrs.evolve(
                fig,
                note=" ".join(x for x in (fig.note, m.note) if x),
                cites=tuple(dict.fromkeys((*fig.cites, *self.cite(m.sources)))),
            )
        return fig

    # -- risks ----------------------------------------------------------------------------------
    def _picture_key(self) -> str:
        """A new id prefix for an icon array's patterns, unique on the page."""
        self._pictures += 1
        return f"ia{self._pictures}"

    def risk_row(self, option: Option, risk: Risk) -> RiskRow:
        """A harm as "about N in D", the other side "D − N do not", and an icon array if drawable.

        A harm raised for this person (a caution's ``raises``) also says so, in ``for_you``.
        """
        row = self._risk_row(option, risk)
        why = self.raised_by(option, risk)
        return attrs.evolve(row, for_you=why) if why else row

    def raised_by(self, option: Option, risk: Risk) -> str:
        """Why this harm is more likely for this person, in a sentence; ``""`` if it is not."""
        if not (isinstance(risk.count, Range) and risk.count.raised):
            return ""
        whens = raised_by(option, self.c.profile).get(risk.id, ())
        because = join_and([w.plain for w in whens]) or "of your health"
        return (
            f"For you, probably more: because {because}, this is more likely than in the people "
            "counted, by an amount no source gives. The fit counts it as worse than this figure."
        )

    def _risk_row(self, option: Option, risk: Risk) -> RiskRow:
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
        if f.zero_in is not None:
            return self._zero_in_row(option, risk, f)
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
            icons = IconArray(
                total=1000, filled=filled, extra=top - filled, label=label, key=self._picture_key()
            )
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

    def _zero_in_row(self, option: Option, risk: Risk, f: Frequency) -> RiskRow:
        """A harm never seen in ``f.zero_in`` people: none dark, the upper bound striped."""
        unit = risk.unit or "people"
        fig = Figure(
            text=f.text,
            known=True,
            certainty=self.certainty(option, risk.sources),
            note=risk.note,
            cites=self.cite(risk.sources),
        )
        icons = None
        picture = ""
        if f.denominator == 1000:
            top = min(1000, max(1, round(f.high)))
            label = (
                f"Picture of 1,000 squares. None are dark: no one of {f.zero_in:,} {unit} had "
                f"this. {top} {'is' if top == 1 else 'are'} striped: the true figure could be up "
                f"to {number(f.high)} in 1,000. {1000 - top} are white."
            )
            icons = IconArray(total=1000, filled=0, extra=top, label=label, key=self._picture_key())
        else:
            picture = f"Too rare to draw: none seen in {f.zero_in:,} {unit}."
        return RiskRow(
            name=risk.name,
            serious=risk.severity.value == "serious",
            figure=fig,
            other_side=f.other_side[:1].upper() + f.other_side[1:] + ".",
            population=risk.population,
            time_frame=risk.time_frame,
            icons=icons,
            picture_text=picture,
        )

    def _risk_answer(self, option: Option, risk: Risk | None) -> _Answer:
        """A harm in one Option Grid cell: its name and "about N in D"."""
        if risk is None:
            return _Answer("no data", "no data", ())
        f = frequency(risk)
        if not f.known:
            return _Answer(f"{risk.name}: no data", "no data", risk.sources)
        if f.zero_in is not None:
            text = f"{risk.name}: {f.text}"
        else:
            text = (
                f"{risk.name}: about {number(f.count)} in {f.denominator:,} {risk.unit or 'people'}"
            )
            if f.low != f.high:
                text += f" (range {number(f.low)} to {number(f.high)})"
        return _Answer(text, self.certainty(option, risk.sources), risk.sources)

    # -- sections -------------------------------------------------------------------------------
    def reason(self, r: Reason) -> ReasonItem:
        """An exclusion or caution reason, with its kind in words and its citations."""
        kind = {
            "contraindication": "Health reason",
            "deal_breaker": "Your deal-breaker",
            "caution": "Take care",
        }.get(r.kind, r.kind)
        return ReasonItem(text=r.text, kind=kind, cites=self.cite(r.sources))

    def grid(self, gid: str, caption: str, scored: Sequence[ScoredOption]) -> Grid:
        """An Option Grid with one column per option in ``scored``.

        Sources are cited row by row, as the table reads (question by question, each across
        the options), so the citation numbers go up along the page.
        """
        answers = [self._answers(s.option) for s in scored]
        cells: list[list[GridCell]] = [[] for _ in answers]
        for row in range(len(GRID_QUESTIONS)):
            for column, a in zip(cells, answers, strict=True):
                text, certainty, sources = a[row]
                column.append(GridCell(text=text, certainty=certainty, cites=self.cite(sources)))
        columns = [
            GridColumn(option_id=s.option.id, name=s.option.name, cells=c)
            for s, c in zip(scored, cells, strict=True)
        ]
        return Grid(id=gid, caption=caption, questions=GRID_QUESTIONS, columns=columns)

    def _answers(self, o: Option) -> tuple[_Answer, ...]:
        """An option's answers to the :data:`GRID_QUESTIONS`, in order, not yet cited."""
        cert = str(o.certainty.value)
        sessions = quantity_text(o.sessions)
        if o.interval and o.interval.lower() != "none":
            sessions += f"; {o.interval[:1].lower()}{o.interval[1:]}"
        return (
            _Answer(o.summary, self.certainty(o, o.mechanism_sources), o.mechanism_sources),
            self._effect_answer(o),
            _Answer(
                sessions,
                self.certainty(o, o.sessions.sources, bool(o.sessions)),
                (*o.sessions.sources, *o.interval_sources),
            ),
            self._answer(o, o.downtime_days),
            self._risk_answer(o, o.side_effects),
            self._risk_answer(o, o.serious_risk),
            self._duration_answer(o),
            self._cost_answer(o),
            _Answer(f"{cert.capitalize()}. {o.certainty.plain}", cert, o.certainty_sources),
        )

    def _effect_answer(self, o: Option) -> _Answer:
        """The effect on each of the person's concerns (every concern when none was picked).

        One cell has one grade: the weakest of the figures it shows, so it never looks surer
        than its least certain part.
        """
        parts: list[str] = []
        grades: list[str] = []
        sources: list[str] = []
        for concern in scored_concerns(self.c.profile.concerns):
            e = o.effects[concern]
            label = CONCERN_LABELS[concern]
            sources.extend(e.sources)
            if e.size is EffectSize.NOT_STUDIED:
                parts.append(f"{label}: not studied")
                continue
            parts.append(f"{label}: {e.size.value}")
            grades.append(self.certainty(o, e.sources, grade=o.certainty_of(concern)))
        text = sentence("; ".join(parts)[:1].upper() + "; ".join(parts)[1:])
        weakest = max(grades, key=_GRADE_ORDER.index) if grades else "no data"
        return _Answer(text, weakest, tuple(dict.fromkeys(sources)))

    def _duration_answer(self, o: Option) -> _Answer:
        d = o.duration_months
        sources = (*d.sources, *(o.maintenance.sources if o.maintenance else ()))
        known = not isinstance(d, NoData)
        return _Answer(self.duration_text(o), self.certainty(o, d.sources, known), sources)

    def _cost_answer(self, o: Option) -> _Answer:
        q = horizon_cost(o, self.years)
        return _Answer(self.cost_text(o), self.certainty(o, q.sources, bool(q)), q.sources)

    def _answer(self, option: Option, q: Quantity) -> _Answer:
        known = not isinstance(q, NoData)
        return _Answer(quantity_text(q), self.certainty(option, q.sources, known), q.sources)

    def detail(self, s: ScoredOption, *, hand_out: bool = False) -> OptionDetail:
        """Section 6 for one option: experience, benefits, harms, practical facts, certainty.

        With ``hand_out`` (the client edition) the page shows only the option's serious harms
        and its scored side effect in full, and names the others; its benefits and practical
        facts are in the Option Grid. What the page does not show is not cited, so the
        hand-out's source list is exactly what it cites.
        """
        o = s.option
        cite = self.cite
        concerns = self.c.profile.concerns
        order = [c for c in concerns if c in CONCERNS] + [c for c in CONCERNS if c not in concerns]
        # Cite in the order the option's section reads: how it works, cautions, what it is
        # like, benefits, harms, time and money, certainty.
        mechanism_cites = cite(o.mechanism_sources)
        cautions = tuple(self.reason(r) for r in s.cautions)
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
        # The hand-out's benefits and practical rows are kept for the checks (ipdas_audit) but
        # not shown, so they cite into a numbering of their own.
        unshown = OptionFacts(self.c, Citations(self.catalog.sources)) if hand_out else self
        benefits = unshown._benefits(o, order, concerns)
        main = [r for r in o.risks if r.severity.value == "serious" or r.id == o.side_effects_id]
        shown = main if hand_out else list(o.risks)
        risks = tuple(attrs.evolve(self.risk_row(o, r), main=r in main) for r in shown)
        other_risks = tuple(r.name for r in o.risks if r not in main) if hand_out else ()
        practical = unshown._practical(o)
        cert = str(o.certainty.value)
        certainty = Figure(
            text=f"{cert.capitalize()}. {o.certainty.plain}",
            known=True,
            certainty=cert,
            cites=cite(o.certainty_sources),
        )
        return OptionDetail(
            id=o.id,
            anchor="opt-" + str(self.c.ids.index(o.id) + 1),
            name=o.name,
            fit_text=f"{s.fit:.0f} out of 100"
            + (
                ""
                if s.range.known
                else f" (from {s.range.text()} with its missing figures at the bottom and top of their scales)"
            ),
            summary=o.summary,
            mechanism=o.mechanism,
            mechanism_cites=mechanism_cites,
            experience=experience,
            benefits=benefits,
            risks=risks,
            other_risks=other_risks,
            practical=practical,
            certainty=certainty,
            certainty_reason=o.certainty_reason,
            cautions=cautions,
            clinic_price=o.cost.from_clinic,
        )

    def _benefits(
        self, o: Option, order: Sequence[str], concerns: Sequence[str]
    ) -> tuple[BenefitRow, ...]:
        """The benefit rows of :meth:`detail`: each concern's effect, onset and duration."""
        cite = self.cite
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
                    certainty=self.certainty(o, e.sources, grade=o.certainty_of(concern)),
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
                label="When you may see a change", figure=self.days(o, o.onset_days), detail=""
            )
        )
        benefits.append(
            BenefitRow(
                label="How long the effect lasts",
                figure=self.duration_figure(o),
                detail="",
            )
        )
        return tuple(benefits)

    def _practical(self, o: Option) -> tuple[BenefitRow, ...]:
        """The time-and-money rows of :meth:`detail`."""
        sessions = self.figure(o, o.sessions)
        practical: tuple[BenefitRow, ...] = (
            BenefitRow(
                label="Sessions",
                figure=sessions,
                detail=sentence(o.interval) if o.interval.lower() != "none" else "",
            ),
            BenefitRow(label="Time off", figure=self.figure(o, o.downtime_days), detail=""),
            BenefitRow(
                label=f"Cost over {self.years:g} years", figure=self.cost_figure(o), detail=""
            ),
        )
        per_year = self.per_year_figure(o)
        if per_year is not None:
            practical = (
                *practical,
                BenefitRow(label="Cost per year of effect", figure=per_year, detail=""),
            )
        return practical

    def days(self, option: Option, q: Quantity) -> Figure:
        """A number of days as a figure; 0 days is "straight away"."""
        if isinstance(q, Range) and q.is_point and q.low == 0:
            return self.figure(option, q, "straight away")
        return self.figure(option, q)
