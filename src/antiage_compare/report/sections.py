"""The report's sections, one builder each: from the comparison (and analysis) to records.

Each function here makes the record of one section (see the numbers in
:class:`~antiage_compare.report.records.ReportData`); the per-option records come from
:class:`~antiage_compare.report.facts.OptionFacts`, and the words from
:mod:`~antiage_compare.report.prose`. Builders that cite sources take the report's
:class:`~antiage_compare.report.facts.OptionFacts`, whose citation numbering they share.
Nothing here runs an analysis: SMAA and sensitivity results come in ready-made.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from antiage_compare.catalog import NO_PROCEDURE
from antiage_compare.criteria import BY_ID, Scale, burden_figures
from antiage_compare.horizon import horizon_cost
from antiage_compare.model import CONCERN_LABELS, NoData, Range
from antiage_compare.profile import SURE_QUESTIONS
from antiage_compare.report.facts import OptionFacts
from antiage_compare.report.prose import (
    CERTAINTY_TEXT,
    CONDITION,
    DECISION,
    FLAT_TEXT,
    METHOD_TEXT,
    NO_DATA_TEXT,
    NOT_ADVICE,
    QUESTION,
    QUESTIONS_TO_ASK,
    THREE_QUESTIONS,
    TREE_TEXT,
    VALUE_TEXT,
    WEIGHTING_TEXT,
    changes,
    date_text,
    fit_summary,
    horizon_text,
    smaa_sentences,
    smaa_text,
)
from antiage_compare.report.records import (
    About,
    BiasRow,
    BiasTable,
    CheckItem,
    ClaimGroup,
    ClaimItem,
    CriterionRow,
    Decision,
    ExcludedItem,
    Figure,
    FitBar,
    FitSection,
    IntervalRow,
    Methods,
    NotShown,
    RankShares,
    ReadyCheck,
    ReadyItem,
    Summary,
    SummaryRow,
    Values,
    WarningItem,
    WeightBar,
)
from antiage_compare.wording import join_and, money, number

if TYPE_CHECKING:
    from antiage_compare.catalog import Catalog
    from antiage_compare.comparison import Comparison, ScoredOption
    from antiage_compare.uncertainty.sensitivity import Sensitivity
    from antiage_compare.uncertainty.smaa import SmaaResult

__all__ = [
    "about",
    "claims",
    "decision",
    "fit",
    "grid_choice",
    "intervals",
    "methods",
    "not_shown",
    "questions",
    "rank_shares",
    "ready",
    "summary",
    "understanding",
    "values",
    "warnings",
]

#: How a clinic's own figures are named in section 7, by the field the clinic set.
_FIELD_WORDS = {
    "cost": "price",
    "*": "all figures (the clinic's own option)",
}


def decision(
    c: Comparison, facts: OptionFacts, *, prepared_for: str, today: dt.date, version: str
) -> Decision:
    """Section 1: the decision, the condition, the natural course and who it is for."""
    nat = next((o for o in c.catalog if o.id == NO_PROCEDURE), None)
    return Decision(
        question=QUESTION,
        prepared_for=prepared_for,
        date=date_text(today),
        date_iso=today.isoformat(),
        version=version,
        data_version=c.catalog.info.data_version,
        condition=CONDITION,
        decision=DECISION,
        natural_course=nat.mechanism if nat is not None else "",
        natural_course_cites=facts.cite(nat.mechanism_sources) if nat is not None else (),
        not_advice=NOT_ADVICE,
    )


def about(c: Comparison, *, clinic: str, interests: str, today: dt.date) -> About:
    """Section 2: who wrote the data, who gives the report, funding, interests and review dates."""
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


def _deal_breakers(c: Comparison) -> list[str]:
    lim = c.profile.limits
    out = []
    if lim.max_downtime_days is not None:
        out.append(f"No more than {number(lim.max_downtime_days)} days of time off.")
    if lim.max_cost is not None:
        currency = lim.currency or c.catalog.currency
        years = f"{c.profile.horizon_years:g}"
        out.append(
            f"It costs no more than {currency} {number(lim.max_cost)} over {years} years, "
            "repeat treatments included."
        )
    if not lim.needles:
        out.append("No needles through the skin.")
    if not lim.surgery:
        out.append("No surgery.")
    return out


def _leaf_label(key: str) -> str:
    if key.startswith("effect:"):
        return f"A visible effect on {CONCERN_LABELS[key.removeprefix('effect:')]}"
    return BY_ID[key].label


def tradeoff_text(c: Comparison) -> str:
    """The person's trade-off between the benefits and the burdens, in one sentence."""
    w = c.weights
    gain = round(100 * w.benefit)
    if w.tree:
        return (
            f"You gave {gain}% of the weight to a visible effect and {100 - gain}% to the "
            "burdens: risks, side effects, time off, needles or surgery, cost and visits."
        )
    return (
        "You did not say how to split the weight between a visible effect and the burdens. "
        f"Your ratings gave the effect {gain}% of it."
    )


def values(c: Comparison) -> Values:
    """Section 3: the weights (largest first), concerns, deal-breakers and health facts used."""
    w = c.weights.values
    top = max(w.values()) or 1.0
    bars = [
        WeightBar(
            criterion=key,
            label=_leaf_label(key),
            weight=weight,
            percent=f"{100 * weight:.0f}%",
            width=round(100 * weight / top, 1),
            group="benefit" if key.startswith("effect:") else "burden",
        )
        for key, weight in sorted(w.items(), key=lambda kw: -kw[1])
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
        how=WEIGHTING_TEXT.get(c.weights.method, ""),
        tradeoff=tradeoff_text(c),
        notes=(*c.weights.notes, *c.notes),
        concerns=concerns,
        concerns_text=concerns_text,
        deal_breakers=_deal_breakers(c),
        health=[h[:1].upper() + h[1:] + "." for h in health],
    )


def fit(c: Comparison, smaa: SmaaResult | None, sens: Sensitivity | None) -> FitSection:
    """Section 4: the fit bars, how often each came first (SMAA), and what would change the order."""
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
                no_data=list(
                    dict.fromkeys(
                        "how long the effect lasts" if x.group == "benefit" else x.label
                        for x in s.contributions
                        if x.no_data and x.weight > 0
                    )
                ),
                low=s.range.low,
                high=s.range.high,
                range_text="" if s.range.known else s.range.text(),
            )
        )
    return FitSection(
        ranks=rank_shares(c, smaa),
        bars=bars,
        summary=fit_summary(c),
        ranges=any(not s.range.known for s in c.scored),
        smaa_run=smaa is not None,
        smaa=smaa_sentences(smaa, names),
        changes=changes(c, sens, names),
        excluded_count=len(c.excluded),
        intervals=intervals(c, sens),
        first=c.scored[0].option.name if c.scored else "",
    )


def summary(
    c: Comparison,
    facts: OptionFacts,
    choice: Sequence[ScoredOption],
    sens: Sensitivity | None,
) -> Summary:
    """Page one: concerns, trade-off, the chosen options (best fits and none), what would change.

    ``choice`` is the printable grid's options (:func:`grid_choice`), so page one and the grid
    show the same options. It cites first, so its sources are [1], [2], ... on the page.
    """
    picked = tuple(CONCERN_LABELS[x] for x in c.profile.concerns if x in CONCERN_LABELS)
    concerns_text = (
        f"You want help with {join_and(list(picked))}."
        if picked
        else "You did not pick a concern, so every concern counts."
    )
    years = c.profile.horizon_years
    rows = []
    for s in choice:
        o = s.option
        q = horizon_cost(o, years)
        cost_words = "no data" if isinstance(q, NoData) else money(q, o.cost.currency)
        risk = o.serious_risk
        cert = str(o.certainty.value)
        rows.append(
            SummaryRow(
                option_id=o.id,
                name=o.name,
                fit_text=f"{s.fit:.0f}",
                range_text="" if s.range.known else s.range.text(),
                cost=facts.figure(o, q, cost_words),
                downtime=facts.days(o, o.downtime_days),
                certainty=Figure(
                    text=cert.capitalize(),
                    known=True,
                    certainty=cert,
                    cites=facts.cite(o.certainty_sources),
                ),
                risk=None if risk is None else facts.risk_row(o, risk),
                nothing=o.id == NO_PROCEDURE,
            )
        )
    names = {s.option.id: s.option.name for s in c.scored}
    if sens is None:
        moved: tuple[str, ...] = (
            "This report did not test what would change the order of the options.",
        )
    else:
        moved = changes(c, sens, names)[:1]
    return Summary(
        concerns_text=concerns_text,
        tradeoff=tradeoff_text(c),
        rows=rows,
        overlap=c.overlap_text(),
        changes=moved,
        horizon=f"over {years:g} years",
    )


#: The width of a rank-acceptability bar, in SVG units.
RANK_BAR = 200.0


def _of_100(share: float) -> str:
    n = round(100 * share)
    return f"{n} of 100" if n >= 1 or share == 0 else "fewer than 1 of 100"


def rank_shares(c: Comparison, smaa: SmaaResult | None) -> tuple[RankShares, ...]:
    """Section 4's chart: each option's share of scenarios at rank 1, 2, 3 and lower."""
    if smaa is None:
        return ()
    out = []
    for s in c.scored:
        row = smaa.rank_acceptability[smaa.option_ids.index(s.option.id)]
        top = [row[k] if k < len(row) else 0.0 for k in range(3)]
        shares = (*top, max(0.0, 1.0 - math.fsum(top)))
        x = 0.0
        segments = []
        for share in shares:
            w = round(RANK_BAR * share, 1)
            segments.append((round(x, 1), w))
            x += w
        out.append(
            RankShares(
                name=s.option.name,
                shares=shares,
                texts=tuple(_of_100(v) for v in shares),
                segments=segments,
            )
        )
    return tuple(out)


def questions(c: Comparison, choice: Sequence[ScoredOption], *, clinic: str) -> tuple[str, ...]:
    """Questions to ask, computed for the person, after the three standard ones.

    One for each option left out (why, and what would change it), one for each caution on an
    option the report shows first, one for each effect on the person's concerns that the
    evidence is unsure of (low or very low), then the general questions. The question about
    the clinic's earnings comes first among the general ones when a clinic gives the report.
    """
    out: list[str] = list(THREE_QUESTIONS)
    for e in c.excluded:
        out.append(f"Why is {e.option.name} not right for me, and could that change?")
    out.extend(
        f"{s.option.name} needs care in my case: what would you do about it?"
        for s in choice
        if s.cautions
    )
    unsure = ("low", "very low")
    for s in choice:
        o = s.option
        weak = [
            CONCERN_LABELS[k]
            for k in c.profile.concerns
            if k in o.effects
            and o.effects[k].size.value01 > 0
            and str(o.certainty_of(k).value) in unsure
        ]
        if weak:
            out.append(
                f"The evidence that {o.name} helps with {join_and(weak)} is weak. "
                "What results have you seen?"
            )
    general = list(QUESTIONS_TO_ASK)
    earn = "Do you earn more if I choose one treatment over another?"
    if clinic and earn in general:
        general.remove(earn)
        general.insert(0, earn)
    out.extend(q for q in general if q not in out)
    return tuple(dict.fromkeys(out))


def grid_choice(c: Comparison, grid_options: Sequence[str] | None) -> list[ScoredOption]:
    """Section 5: the options of the printable grid (the caller's, or the top three and none).

    Raises:
        UnknownIdError: an id is unknown or excluded.
    """
    if grid_options is None:
        picked = [s for s in c.scored if s.option.id != NO_PROCEDURE][:3]
        keep = {s.option.id for s in picked} | {NO_PROCEDURE}
        return [s for s in c.scored if s.option.id in keep]
    return [c[oid] for oid in grid_options]  # Comparison.__getitem__ raises UnknownIdError


def not_shown(c: Comparison, facts: OptionFacts, *, clinic: str) -> NotShown:
    """Section 7: each excluded option with every reason; options and figures of the clinic."""
    return NotShown(
        excluded=[
            ExcludedItem(name=e.option.name, reasons=[facts.reason(r) for r in e.reasons])
            for e in c.excluded
        ],
        not_offered=[o.name for o in c.catalog.not_offered],
        clinic_name=clinic,
        clinic_figures=_clinic_figures(c.catalog),
    )


def _clinic_figures(catalog: Catalog) -> tuple[str, ...]:
    out = []
    for ref in sorted(catalog.clinic_figures):
        oid, _, what = ref.partition(".")
        name = catalog[oid].name if oid in catalog else oid
        out.append(f"{name}: {_FIELD_WORDS.get(what, what)}")
    return tuple(out)


def warnings(c: Comparison, facts: OptionFacts) -> list[WarningItem]:
    """Section 8: products sold for the person's concerns that are not options to compare."""
    return [WarningItem(name=w.name, text=w.text, cites=facts.cite(w.sources)) for w in c.warnings]


def claims(c: Comparison, facts: OptionFacts) -> list[ClaimGroup]:
    """Section 8: the checked claims about every option shown (scored or excluded)."""
    shown_ids = {s.option.id for s in c.scored} | {e.option.id for e in c.excluded}
    out = []
    for o in c.catalog.options:
        about = c.catalog.claims_about(o.id)
        if not about or o.id not in shown_ids:
            continue
        out.append(
            ClaimGroup(
                name=o.name,
                claims=[
                    ClaimItem(
                        text=cl.text,
                        verdict=cl.verdict.plain,
                        verdict_class="v-" + str(cl.verdict.value).replace("_", "-"),
                        reason=cl.reason,
                        cites=facts.cite(cl.sources),
                    )
                    for cl in about
                ],
            )
        )
    return out


#: What the qualifiers do, shown in the methods table instead of a weight.
_QUALIFIER_WEIGHT = {
    "evidence": "changes the effect's value",
    "durability": "changes the effect's value",
}


def _criterion_weight(c: Comparison, criterion: str) -> str:
    if criterion in _QUALIFIER_WEIGHT:
        return _QUALIFIER_WEIGHT[criterion]
    w = c.weights.values
    if criterion == "effectiveness":
        share = math.fsum(v for k, v in w.items() if k.startswith("effect:"))
    else:
        share = w.get(criterion, 0.0)
    return f"{100 * share:.0f}%"


def bias_table(c: Comparison) -> BiasTable | None:
    """For a flat profile: the flat ranking beside the value tree's (``None`` for the tree)."""
    b = c.bias
    if b is None:
        return None
    tree = {oid: (fit, rank) for oid, fit, rank in b.tree_ranking}
    rows = [
        BiasRow(
            name=s.option.name,
            flat_fit=f"{s.fit:.0f}",
            flat_rank=s.rank,
            tree_fit=f"{tree[s.id][0]:.0f}",
            tree_rank=tree[s.id][1],
        )
        for s in c.scored
    ]
    text = (
        f"{FLAT_TEXT} The flat weights give the effect {100 * b.flat_share:.0f}% of the "
        f"weight. Your strongest ratings on each side would give it {100 * b.tree_share:.0f}%."
    )
    return BiasTable(flagged=b.flagged, text=text, reasons=b.reasons, rows=rows)


def methods(c: Comparison, smaa: SmaaResult | None) -> Methods:
    """Section 9: the criteria and their scales, the method, the weighting, and the SMAA run."""
    rows = [
        CriterionRow(
            label=cr.label,
            question=cr.question,
            bounds=cr.describe_bounds(),
            direction="higher is better" if cr.higher_is_better else "lower is better",
            scale="logarithmic" if cr.scale is Scale.LOG else "straight line",
            weight=_criterion_weight(c, cr.id),
        )
        for cr in c.catalog.criteria
    ]
    return Methods(
        criteria=rows,
        method=c.method,
        method_text=METHOD_TEXT.get(c.method, c.method),
        value_text=f"{horizon_text(c.profile.horizon_years)} {VALUE_TEXT}",
        tree_text=TREE_TEXT,
        bias=bias_table(c),
        weighting=WEIGHTING_TEXT.get(c.weights.method, ""),
        no_data_text=NO_DATA_TEXT,
        certainty_text=CERTAINTY_TEXT,
        smaa_text=smaa_text(smaa),
        samples=smaa.samples if smaa is not None else 0,
        seed=smaa.seed if smaa is not None else None,
    )


#: The width of a sensitivity-interval line, in SVG units (it stands for 0–100% of the weight).
INTERVAL_BAR = 200.0


def _percent(x: float) -> str:
    return f"{100 * x:.0f}%"


def intervals(c: Comparison, sens: Sensitivity | None) -> tuple[IntervalRow, ...]:
    """Section 4's second chart: each weight's interval, nearest to changing first place first.

    Each row is a line from 0% to the most the weight can have (all of it, or its group's share
    for a leaf in a group), a band where the same option stays first, and a mark at the weight
    now. Rows whose weight could move all the way without a change
    come last; ties keep the analysis's order (the trade-off, then the leaves).
    """
    if sens is None:
        return ()
    names = {s.option.id: s.option.name for s in c.scored}
    rows = []
    for iv in sorted(sens.intervals, key=lambda iv: iv.margin):
        top = min(1.0, iv.maximum)
        low, high = max(0.0, iv.low), min(top, iv.high)
        span = f"{_percent(low)} to {_percent(high)}"
        if iv.above is None and high >= top - 1e-9 and top < 1.0:
            span += " (all it can have)"
        rows.append(
            IntervalRow(
                label=iv.label[0].upper() + iv.label[1:],
                now=iv.weight,
                low=low,
                high=high,
                now_text=_percent(iv.weight),
                range_text=span,
                below="" if iv.below is None else names.get(iv.below, iv.below),
                above="" if iv.above is None else names.get(iv.above, iv.above),
                x_low=round(INTERVAL_BAR * low, 1),
                width=round(INTERVAL_BAR * (high - low), 1),
                x_now=round(INTERVAL_BAR * min(1.0, max(0.0, iv.weight)), 1),
                maximum=top,
                x_max=round(INTERVAL_BAR * top, 1),
            )
        )
    return tuple(rows)


#: What could help, for a "no" to each SURE question (said without pressure).
READY_HELP = {
    "sure": "Give it time. You need not choose now, and choosing nothing new is a choice too.",
    "understand": "Read the options side by side again, and ask the questions above.",
    "values": (
        "Look again at your summary on page one. If it is not what matters to you, ask to do "
        "the questions again: the order may change."
    ),
    "support": "Talk it through with someone you trust, or a doctor who does not sell these.",
}

READY_AFTER = (
    "Fewer than four “yes” ticks is common, and fine: something could still help before you "
    "choose (see the note beside each “no”)."
)

READY_SOURCE = (
    "These are the four SURE questions (Légaré and others, Canadian Family Physician, 2010). "
    "Four “yes” answers suggest you feel ready."
)


def ready(c: Comparison) -> ReadyCheck:
    """Are you ready to decide? The SURE questions, with the answers given before reading."""
    before = c.profile.ready
    items = tuple(
        ReadyItem(
            key=key,
            question=question,
            before="" if before is None else ("yes" if getattr(before, key) else "no"),
            help=READY_HELP[key],
        )
        for key, question in SURE_QUESTIONS
    )
    text = ""
    if before is not None:
        text = (
            f"Before reading this report, you answered “yes” to {before.score} of the 4 questions."
        )
        if before.score < len(items):
            text += " Here is what could help:"
    return ReadyCheck(
        items=items,
        before_score=None if before is None else before.score,
        before_text=text,
        helps=tuple(i.help for i in items if i.before == "no"),
        after_text=READY_AFTER,
        source=READY_SOURCE,
    )


def _short(name: str) -> str:
    """An option's name up to its colon ("Fractional ablative laser resurfacing"), for questions."""
    return name.split(":", 1)[0].strip()


#: The least and most questions in "Check what you have read".
MIN_CHECKS, MAX_CHECKS = 3, 5


def understanding(
    c: Comparison, summary: Summary, choice: Sequence[ScoredOption], smaa: SmaaResult | None
) -> tuple[CheckItem, ...]:
    """Check what you have read: 3 to 5 questions from the person's own comparison.

    Each compares two of the options page one shows (serious risk, cost over the horizon, time
    off) where the answer is clear, then how sure the evidence is and whether the best fit came
    first in every scenario; the last says what the fit is not. An aid, not a test: the answers,
    with the figures that give them, are printed at the end.
    """
    rows = {r.option_id: r for r in summary.rows}
    treat = [s for s in choice if s.option.id != NO_PROCEDURE and s.option.id in rows]
    years = c.profile.horizon_years
    figs = {s.option.id: burden_figures(s.option, years) for s in treat}
    name = {s.option.id: _short(s.option.name) for s in c.scored}
    out: list[tuple[str, str, str, str]] = []

    def spread(key: str) -> tuple[str, str] | None:
        """The ids of the options with the highest and lowest figure, if the answer is clear.

        Clear means the two ranges do not overlap (the highest figure's bottom is above the
        lowest's top), so a harm never seen (a range from 0) is only ever the lower one, and
        only against a figure above its whole range: "none in 374" against "3 in 10,000" is not
        asked. A figure raised for this person is a floor, never compared.
        """
        known = [
            (q, s.option.id)
            for s in treat
            if isinstance(q := figs[s.option.id][key], Range) and not q.raised
        ]
        if len(known) < 2:
            return None
        known.sort(key=lambda qs: qs[0].point)
        (lo, a), (hi, b) = known[0], known[-1]
        return (b, a) if hi.low > lo.high else None

    def ask(kind: str, question: str, text: Callable[[str], str]) -> None:
        pair = spread(kind)
        if pair is not None:
            hi, lo = pair
            q = f"{question}: {name[lo]} or {name[hi]}?"
            a = f"{name[hi]} ({text(hi)}; {name[lo]}: {text(lo)})."
            out.append((kind, q, a, "the first page"))

    def risk_text(oid: str) -> str:
        r = rows[oid].risk
        return "no serious risk recorded" if r is None else f"{r.name}, {r.figure.text}"

    ask("serious_risk", "Which has the higher chance of a serious complication", risk_text)
    ask("cost", f"Which costs more over {years:g} years", lambda o: rows[o].cost.text)
    ask(
        "downtime",
        "Which needs more time off before you feel fine to be seen",
        lambda o: rows[o].downtime.text,
    )
    graded = sorted(treat, key=lambda s: s.option.certainty.level)
    if len(graded) >= 2 and graded[0].option.certainty.level < graded[-1].option.certainty.level:
        weak, strong = graded[0].option, graded[-1].option
        out.append(
            (
                "certainty",
                f"For which is the evidence less sure: {name[strong.id]} or {name[weak.id]}?",
                f"{name[weak.id]} (its evidence is graded {weak.certainty.value}; "
                f"{name[strong.id]}: {strong.certainty.value}).",
                "the first page, “How sure”",
            )
        )
    if smaa is not None and len(c.scored) >= 2:
        top = c.scored[0].option
        share = smaa.first_rank()[top.id]
        answer = (
            f"Yes: {name[top.id]} came first in all of them, so the order is sure for the "
            "weights you gave."
            if round(100 * share) >= 100
            else f"No. {name[top.id]} came first in {_of_100(share)} scenarios; other options "
            "came first in the rest."
        )
        out.append(
            (
                "order",
                f"Did {name[top.id]} come first in every scenario the report tried?",
                answer,
                "“How sure is this order?”",
            )
        )
    out = out[: MAX_CHECKS - 1]
    out.extend(_STANDING_CHECKS[: max(1, MIN_CHECKS - len(out))])
    return tuple(
        CheckItem(number=i, kind=k, question=q, answer=a, where=w)
        for i, (k, q, a, w) in enumerate(out, start=1)
    )


#: The questions every report can ask: what the fit is (always), then two to reach three.
_STANDING_CHECKS = (
    (
        "fit",
        "Does the highest fit mean the best treatment?",
        "No. The fit shows how closely each option matches what you said matters. It is not a "
        "mark of how good a treatment is.",
        "the first page",
    ),
    (
        "nothing",
        "Is “no new treatment” one of your options?",
        "Yes. The report shows it beside the others, with what happens to skin with no new "
        "treatment.",
        "the first page",
    ),
    (
        "wait",
        "Do you have to decide today?",
        "No. A cosmetic treatment can wait, and you can change your mind.",
        "the questions to ask",
    ),
)
