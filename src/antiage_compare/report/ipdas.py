"""Check prepared report data against the IPDAS criteria that apply to treatment decisions.

The International Patient Decision Aid Standards instrument (IPDASi v4.0) has six qualifying
criteria and six certification criteria that apply to treatment choices (the four further
certification items are for screening tests only). :func:`ipdas_audit` checks each one on a
:class:`~antiage_compare.report.records.ReportData` and says why it passes or fails. The checks are
mechanical: they show that the content is there and complete, not that it is well written.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from attrs import field, frozen

from antiage_compare.model import to_tuple
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
    """The result of :func:`ipdas_audit`: twelve items, in IPDASi order."""

    items: tuple[IpdasItem, ...] = field(converter=to_tuple)

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
    """Check the six qualifying and six certification IPDAS criteria for treatment decisions.

    Args:
        report_data: the data from :func:`~antiage_compare.report.build.build_report_data`.

    Returns:
        The audit; ``audit.passed`` is true when all twelve pass.
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
    return IpdasAudit(items)
