"""Check prepared report data against the IPDAS criteria that apply to treatment decisions.

The International Patient Decision Aid Standards instrument (IPDASi v4.0) has six qualifying
criteria and six certification criteria that apply to treatment choices (the four further
certification items are for screening tests only). :func:`ipdas_audit` checks each one on a
:class:`~antiage_compare.report.records.ReportData` and says why it passes or fails.

Four further items check the parts that help a person decide, which IPDAS counts among its
quality criteria (they strengthen a decision aid; leaving them out is not a high risk of bias):
more than one way of viewing the uncertainty (IPDASi item 15, "more than one way of viewing
probabilities"), and, as the Ottawa decision-aid template does, the SURE test of readiness, a
check of knowledge, and questions to ask a practitioner (IPDAS 2005 "guidance" dimension). Their
ids start with ``Q.`` so that the twelve criteria stay apart (:attr:`IpdasAudit.criteria`).

The checks are mechanical: they show that the content is there and complete, not that it is
well written.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from attrs import field, frozen

from antiage_compare.model import to_tuple
from antiage_compare.report.prose import THREE_QUESTIONS
from antiage_compare.report.records import Figure, OptionDetail, ReportData

__all__ = ["EQUAL_DETAIL_RATIO", "IpdasAudit", "IpdasItem", "ipdas_audit"]

#: The largest ratio allowed between the words spent on benefits and on harms, either way.
#: Word counts are a rough proxy: an option with many measured risks (or few) differs for
#: reasons of evidence, not of presentation, so the limit only catches a side that is barely
#: described next to the other.
EQUAL_DETAIL_RATIO = 4.0

_GRADES = frozenset(("high", "moderate", "low", "very low", "no data"))


class IpdasItem(NamedTuple):
    """One IPDAS criterion and its result.

    Attributes:
        id: the IPDASi v4.0 number, for example ``"2.2.1"``.
        name: the criterion in short.
        passed: whether the report meets it.
        reason: why, in a sentence.
    """

    id: str
    name: str
    passed: bool
    reason: str


@frozen
class IpdasAudit:
    """The result of :func:`ipdas_audit`: twelve criteria in IPDASi order, then four quality items.

    The quality items' ids start with ``Q.``.
    """

    items: tuple[IpdasItem, ...] = field(converter=to_tuple)

    @property
    def criteria(self) -> tuple[IpdasItem, ...]:
        """The twelve qualifying and certification criteria."""
        return tuple(i for i in self.items if not i.id.startswith("Q."))

    @property
    def quality(self) -> tuple[IpdasItem, ...]:
        """The quality items: uncertainty drawn, readiness, knowledge, questions to ask."""
        return tuple(i for i in self.items if i.id.startswith("Q."))

    @property
    def passed(self) -> bool:
        """True when every item passes."""
        return all(i.passed for i in self.items)

    @property
    def failed(self) -> tuple[IpdasItem, ...]:
        """The items that fail."""
        return tuple(i for i in self.items if not i.passed)

    def __str__(self) -> str:
        return "\n".join(
            f"{'pass' if i.passed else 'FAIL'}  {i.id:<6} {i.name}: {i.reason}" for i in self.items
        )


def _item(id_: str, name: str, problems: list[str], ok: str) -> IpdasItem:
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        return IpdasItem(id_, name, False, "; ".join(problems[:3]) + more)
    return IpdasItem(id_, name, True, ok)


def _words(*texts: str) -> int:
    return sum(len(t.split()) for t in texts)


def _benefit_words(o: OptionDetail) -> int:
    return sum(_words(b.label, b.figure.text, b.figure.note, b.detail) for b in o.benefits)


def _harm_words(o: OptionDetail) -> int:
    risks = sum(
        _words(r.name, r.figure.text, r.other_side, r.figure.note, r.population, r.time_frame)
        for r in o.risks
    )
    # Sessions, time off and cost are the practical disadvantages (IPDAS: "harms, side
    # effects, disadvantages").
    return risks + sum(_words(b.label, b.figure.text, b.figure.note, b.detail) for b in o.practical)


def _row_complete(f: Figure) -> bool:
    return bool(f.text) and f.certainty in _GRADES and (bool(f.cites) or not f.known)


def ipdas_audit(report_data: ReportData) -> IpdasAudit:
    """Check the twelve IPDAS criteria for treatment decisions, then the four quality items.

    The twelve are the six qualifying and six certification criteria; the quality items check
    the parts that help a person decide (see the module's docstring).

    Args:
        report_data: the data from :func:`~antiage_compare.report.build.build_report_data`.

    Returns:
        The audit; ``audit.passed`` is true when all sixteen pass.
    """
    d = report_data
    opts = d.options
    items: list[IpdasItem] = []

    # -- qualifying ------------------------------------------------------------------------
    p = (
        []
        if d.decision.condition and all(d.decision.condition)
        else ["no description of the problem"]
    )
    if not d.decision.natural_course:
        p.append("no natural course (what happens with no new treatment)")
    items.append(
        _item(
            "1.1.1",
            "Describes the health condition or problem",
            p,
            "Section 1 describes skin ageing and its natural course.",
        )
    )
    p = [] if d.decision.question and d.decision.decision else ["the decision is not stated"]
    items.append(
        _item(
            "1.1.2",
            "Explicitly states the decision that needs to be considered",
            p,
            f"Section 1 asks: {d.decision.question}",
        )
    )
    p = []
    if len(opts) < 2:
        p.append(f"only {len(opts)} option(s) described")
    p += [f"{o.name}: no description" for o in opts if not (o.summary and o.mechanism)]
    p += [f"{e.name}: excluded without a reason" for e in d.not_shown.excluded if not e.reasons]
    if not any(r.nothing for r in d.summary.rows):
        p.append("page one does not show no new treatment beside the best fits")
    items.append(
        _item(
            "1.1.3",
            "Describes the options available",
            p,
            f"{len(opts)} options are described, and {len(d.not_shown.excluded)} not shown are "
            "listed with their reasons.",
        )
    )
    p = [f"{o.name}: no benefits" for o in opts if not any(b.figure.text for b in o.benefits)]
    items.append(
        _item(
            "1.1.4",
            "Describes the positive features of each option",
            p,
            "Every option lists its effect on each concern, when it starts and how long it lasts.",
        )
    )
    p = [f"{o.name}: no harms" for o in opts if not o.risks]
    items.append(
        _item(
            "1.1.5",
            "Describes the negative features of each option",
            p,
            "Every option lists its risks as natural frequencies, with time off and cost.",
        )
    )
    p = [
        f"{o.name}: nothing on what it is like"
        for o in opts
        if len(o.experience) < 3 or not all(r.figure.text for r in o.experience)
    ]
    items.append(
        _item(
            "1.2.1",
            "Describes what it is like to experience the consequences of the options",
            p,
            "Every option says how it feels, what others may see, and the time away.",
        )
    )

    # -- certification ---------------------------------------------------------------------
    p = []
    for o in opts:
        rows = [b.figure for b in o.benefits] + [r.figure for r in o.risks]
        if not all(_row_complete(f) for f in rows):
            p.append(f"{o.name}: a benefit or harm lacks a figure, grade or source")
        bw, hw = _benefit_words(o), _harm_words(o)
        if min(bw, hw) == 0 or max(bw, hw) / min(bw, hw) > EQUAL_DETAIL_RATIO:
            p.append(f"{o.name}: {bw} words on benefits against {hw} on harms")
    items.append(
        _item(
            "2.1.1",
            "Shows the negative and positive features of options in equal detail",
            p,
            "Benefits and harms (with sessions, time off and cost) use the same layout: figure, "
            "range, grade and sources. Neither side has more than "
            f"{EQUAL_DETAIL_RATIO:g} times the words of the other.",
        )
    )
    numbers = {s.number for s in d.sources}
    cited: set[int] = set()
    for f in d.figures():
        cited.update(f.cites)
    for g in d.claims:
        for c in g.claims:
            cited.update(c.cites)
    p = []
    if not d.sources:
        p.append("no sources listed")
    if cited - numbers:
        p.append(f"citations without a source: {sorted(cited - numbers)}")
    p += [f"source {s.id!r} is not in the catalogue" for s in d.sources if not s.known]
    p += [f"a figure ({f.text!r}) has no source" for f in d.figures() if f.known and not f.cites]
    items.append(
        _item(
            "2.2.1",
            "Provides citations to the evidence selected",
            p,
            f"{len(d.sources)} sources are listed with links, and every figure cites one.",
        )
    )
    try:
        dt.date.fromisoformat(d.decision.date_iso)
        p = [] if d.decision.date else ["no date shown"]
    except ValueError:
        p = [f"not a date: {d.decision.date_iso!r}"]
    items.append(
        _item(
            "2.2.2",
            "Provides a publication (production) date",
            p,
            f"Dated {d.decision.date}; evidence reviewed {d.about.reviewed}.",
        )
    )
    p = [] if d.about.update_policy and d.about.next_review else ["no update policy"]
    items.append(
        _item(
            "2.2.3",
            "Provides an update policy",
            p,
            f"The update policy is shown; the next review is due {d.about.next_review}.",
        )
    )
    p = [f"no grade on {f.text!r}" for f in d.figures() if f.certainty not in _GRADES]
    p += [
        f"page one: {r.name}: no grade on its {what}"
        for r in d.summary.rows
        for what, f in (("cost", r.cost), ("time off", r.downtime), ("certainty", r.certainty))
        if f.certainty not in _GRADES
    ]
    p += [
        f"page one: {r.name}: its serious risk has no group or time frame"
        for r in d.summary.rows
        if r.risk is not None
        and r.risk.figure.known
        and not (r.risk.population and r.risk.time_frame)
    ]
    p += [
        f"{o.name}: {r.name}: no group or time frame"
        for o in opts
        for r in o.risks
        if r.figure.known and not (r.population and r.time_frame)
    ]
    items.append(
        _item(
            "2.2.4",
            "Provides information about the levels of uncertainty around event or outcome "
            "probabilities",
            p,
            "Every figure shows its range and a grade for how sure the evidence is.",
        )
    )
    p = [] if d.about.funding else ["no funding statement"]
    items.append(
        _item(
            "2.3.1",
            "Provides information about the funding source used for development",
            p,
            f"Funding: {d.about.funding}",
        )
    )
    items += _quality(d)
    return IpdasAudit(items)


def _quality(d: ReportData) -> list[IpdasItem]:
    """The four quality items: the uncertainty drawn, SURE, knowledge, questions to ask."""
    out: list[IpdasItem] = []
    f = d.fit
    p = []
    if f.smaa_run:
        if not f.smaa:
            p.append("the scenarios' results are not in words")
        if not f.ranks:
            p.append("the scenarios' results are not drawn")
        bad = [r.name for r in f.ranks if len(r.texts) != len(r.segments)]
        p += [f"{name}: the chart and its numbers differ" for name in bad]
    if not f.intervals and len(d.fit.bars) >= 2:
        p.append("the weight-sensitivity intervals are not drawn")
    p += [
        f"interval for {r.label!r} does not hold the weight now"
        for r in f.intervals
        if not r.low - 1e-9 <= r.now <= r.high + 1e-9
    ]
    out.append(
        _item(
            "Q.15",
            "Provides more than one way of viewing the uncertainty",
            p,
            "How sure the order is appears in words, as stacked bars and as a table; how far "
            "each weight can move, as a chart and a table.",
        )
    )
    r = d.ready
    p = []
    if r is None:
        p.append("no readiness check")
    else:
        if len(r.items) != 4:
            p.append(f"the SURE test has 4 questions, not {len(r.items)}")
        p += [f"{i.question!r}: no help for a 'no'" for i in r.items if not i.help]
        if r.before_score is not None and r.before_score < 4 and not r.helps:
            p.append("fewer than four 'yes' before reading, but nothing says what could help")
    out.append(
        _item(
            "Q.sure",
            "Helps the person check they are ready to decide (the SURE test)",
            p,
            "The four SURE questions are printed to tick, with what could help for each 'no'.",
        )
    )
    n = len(d.understanding)
    p = [] if 3 <= n <= 5 else [f"{n} questions to check understanding, not 3 to 5"]
    p += [f"question {q.number}: no answer" for q in d.understanding if not q.answer]
    out.append(
        _item(
            "Q.know",
            "Helps the person check what they have understood",
            p,
            f"{n} questions computed from the person's comparison, with the answers at the end.",
        )
    )
    p = [f"the standard question {q!r} is missing" for q in THREE_QUESTIONS if q not in d.questions]
    if not d.cooling_off:
        p.append("no note that the decision can wait")
    out.append(
        _item(
            "Q.ask",
            "Provides questions to ask a practitioner",
            p,
            f"{len(d.questions)} questions to ask, the three standard ones first, and a note that "
            "the decision can wait.",
        )
    )
    return out
