"""The result of a comparison: fits, ranks, contributions, exclusions, and plain-words explanations.

Wording is non-directive on purpose: an option "fits your priorities best", never "is
recommended". ``Comparison.to_dict()`` is the documented JSON boundary (see ``docs/developer-guide.md`` and
the JSON Schema shipped as ``antiage_compare/schemas/comparison.schema.json``).
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING, Any

from attrs import frozen

from antiage_compare.criteria import BY_ID
from antiage_compare.errors import UnknownIdError
from antiage_compare.horizon import cost_per_year_of_effect, horizon_cost
from antiage_compare.model import (
    CONCERN_LABELS,
    CONCERNS,
    Certainty,
    Invasiveness,
    NoData,
    ProductWarning,
    Quantity,
    Range,
    SourceKind,
)
from antiage_compare.wording import join_and

if TYPE_CHECKING:
    from antiage_compare.catalog import Catalog
    from antiage_compare.eligibility import Exclusion, Reason
    from antiage_compare.model import Option
    from antiage_compare.profile import Profile
    from antiage_compare.weights import Weights


__all__ = ["BiasCheck", "Comparison", "Contribution", "FitRange", "ScoredOption"]


@frozen
class Contribution:
    """What one leaf of the value tree adds to an option's MAVT fit.

    Contributions are always **MAVT points**, whatever the comparison's method: the weighted
    sum is the only one of the three methods whose fit splits into parts. Under
    ``method="mavt"`` an option's points add up to its fit; TOPSIS and VIKOR score closeness
    to, or regret against, the other options compared, so their fits are not sums and the
    points add up to :attr:`ScoredOption.mavt_fit` instead.

    Attributes:
        criterion: the criterion id (``effectiveness`` for every benefit leaf).
        weight: the leaf's weight (0–1).
        value: the option's value on it (0–1; "no data" counts as the middle of its scale).
        points: MAVT points, ``100 × weight × value``: its share of the 0–100 MAVT fit.
        raw: the figure behind the value: the effect (0–1) on the concern for a benefit leaf,
            the criterion's figure for a burden (a range, or "no data").
        no_data: true when a "no data" figure was held at the middle of its scale.
        leaf: the leaf key, ``"effect:<concern>"`` or the burden's criterion id.
        group: ``"benefit"`` or ``"burden"``.
        concern: the concern of a benefit leaf, else ``None``.
        certainty: the grade of the effect figure (benefit leaves), which scales its value.
        lasting: the lasting factor that scales a benefit leaf's value (a range, or "no data"),
            else ``None``.
    """

    criterion: str
    weight: float
    value: float
    points: float
    raw: Quantity
    no_data: bool
    leaf: str = ""
    group: str = "burden"
    concern: str | None = None
    certainty: Certainty | None = None
    lasting: Quantity | None = None

    @property
    def label(self) -> str:
        """The leaf in plain words ("visible effect on wrinkles", "serious risks")."""
        if self.concern is not None:
            return f"visible effect on {CONCERN_LABELS[self.concern]}"
        return BY_ID[self.criterion].label.lower()


@frozen
class BiasCheck:
    """For a flat profile: the value-tree ranking beside it, and whether the flat one looks biased.

    A flat profile shares its weight over all criteria at once, so the six burden criteria can
    outweigh the one benefit by their number (the splitting bias). The check reads the
    person's strongest benefit rating against their strongest burden rating as the trade-off a
    value tree would use, and ranks the options with it.

    Attributes:
        flat_share: the benefits' share of the weight under the flat weighting (0–1).
        tree_share: the share the tree would give them (0–1).
        flagged: true when the tree share exceeds the flat one by more than 10 points, or the
            option ranked first scores no benefit points.
        reasons: why it is flagged, in plain words (empty when not flagged).
        tree_ranking: ``(option_id, fit, rank)`` under the tree weights, best first.
    """

    flat_share: float
    tree_share: float
    flagged: bool
    reasons: tuple[str, ...]
    tree_ranking: tuple[tuple[str, float, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "flat_share": self.flat_share,
            "tree_share": self.tree_share,
            "flagged": self.flagged,
            "reasons": list(self.reasons),
            "tree_ranking": [{"id": i, "fit": f, "rank": r} for i, f, r in self.tree_ranking],
        }


@frozen
class FitRange:
    """How far an option's fit could move as its "no data" figures turn out worst or best.

    A figure that is "no data" counts as the middle of its scale (0.5) in the fit. Here it
    takes the value 0 (``low``) and 1 (``high``) instead, all at once, so the range holds every
    fit the option could have once the figures are found. ``low == high == fit`` when nothing
    the person weighs is missing.

    Attributes:
        low: the fit with every missing figure at the worst end of its scale (0–100).
        high: the fit with every missing figure at the best end (0–100).
        missing: the leaves whose figure is missing (``"effect:<concern>"`` when the effect's
            duration is unknown, else the burden's criterion id).
    """

    low: float
    high: float
    missing: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        """True when nothing the person weighs is missing (the range is the fit itself)."""
        return not self.missing

    def overlaps(self, other: FitRange) -> bool:
        """True when the two ranges share any fit (so the data cannot yet order them)."""
        return self.low <= other.high and other.low <= self.high

    def text(self) -> str:
        """The range in words, "50 to 64" (whole points), or the fit alone if nothing is missing."""
        if round(self.low) == round(self.high):
            return f"{self.low:.0f}"
        return f"{self.low:.0f} to {self.high:.0f}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``{"low", "high"}``."""
        return {"low": self.low, "high": self.high}


@frozen
class ScoredOption:
    """One eligible option's fit (0–100) under the comparison's method, rank, contributions and dominance.

    ``contributions`` are MAVT points (see :class:`Contribution`) under every method.
    """

    option: Option
    fit: float
    rank: int
    tied_with: tuple[str, ...]
    contributions: tuple[Contribution, ...]
    dominated_by: tuple[str, ...]
    cautions: tuple[Reason, ...]
    #: The fit with this option's "no data" figures at 0 and at 1 (see :class:`FitRange`).
    fit_range: FitRange | None = None

    @property
    def range(self) -> FitRange:
        """The fit range (the fit at both ends for an option built without one)."""
        if self.fit_range is None:
            return FitRange(low=self.fit, high=self.fit)
        return self.fit_range

    @property
    def id(self) -> str:
        """The option id."""
        return self.option.id

    def __repr__(self) -> str:
        extra = ""
        if self.tied_with:
            extra += f", tied with {', '.join(self.tied_with)}"
        if self.dominated_by:
            extra += f", dominated by {', '.join(self.dominated_by)}"
        if self.cautions:
            extra += f", {len(self.cautions)} caution{'s' if len(self.cautions) > 1 else ''}"
        return f"<ScoredOption {self.id!r}: fit {self.fit:.1f}, rank {self.rank}{extra}>"

    @property
    def mavt_fit(self) -> float:
        """What the contributions add up to: the MAVT fit (equal to :attr:`fit` under MAVT)."""
        return math.fsum(c.points for c in self.contributions)

    def contribution(self, leaf: str) -> Contribution:
        """The contribution of one leaf: a burden's criterion id, or ``"effect:<concern>"``."""
        for c in self.contributions:
            if c.leaf == leaf:
                return c
        raise UnknownIdError("leaf", leaf, tuple(c.leaf for c in self.contributions))

    @property
    def benefit_points(self) -> float:
        """The MAVT points from the benefits (the visible effect on the person's concerns)."""
        return math.fsum(c.points for c in self.contributions if c.group == "benefit")


#: What the "range" column means, wherever it is shown.
RANGE_NOTE = (
    "the fit with the option's missing figures at the bottom and at the top of their scales "
    "(a dash when nothing it is scored on is missing)"
)


def range_cell(r: FitRange) -> str:
    """The fit range for a table cell: "50-64", or "-" when nothing is missing."""
    if r.known:
        return "-"
    return f"{r.low:.0f}-{r.high:.0f}"


def _overlap_sentence(sa: ScoredOption, sb: ScoredOption) -> str:
    """Why two options' order may not hold: their fit ranges overlap (or ``""``)."""
    ra, rb = sa.range, sb.range
    if (ra.known and rb.known) or not ra.overlaps(rb):
        return ""

    def one(s: ScoredOption) -> str:
        r = s.range
        if r.known:
            return f"{s.option.name}'s is {r.text()} (nothing missing)"
        return f"{s.option.name}'s could be {r.text()}"

    return (
        f"Some figures are missing: with each at the bottom and at the top of its scale, "
        f"{one(sa)} and {one(sb)}. These ranges overlap, so the order of these two could "
        "change once the figures are found."
    )


#: The relative methods' names in explanations.
_METHOD_NAMES = {"topsis": "TOPSIS", "vikor": "VIKOR"}
#: Why a relative method's explanation names criteria without sizing the gap by them.
_METHOD_NOTES = {
    "topsis": (
        "TOPSIS scores closeness to the best and worst of the options compared, so its fit "
        "does not split by criterion."
    ),
    "vikor": (
        "VIKOR scores a compromise between the best total and the smallest single shortfall "
        "among the options compared, so its fit does not split by criterion."
    ),
}
#: Values (0–1) closer than this count as the same in a relative method's explanation: half a
#: point on a fully weighted criterion, the threshold MAVT uses.
_CLOSE = 0.005


def _raw_dict(q: Quantity) -> dict[str, Any] | None:
    if isinstance(q, NoData):
        return None
    out: dict[str, Any] = {"low": q.low, "typical": q.typical, "high": q.high, "unit": q.unit}
    if q.zero_in is not None:
        out["zero_in"] = q.zero_in
    return out


@frozen
class Comparison:
    """Everything :func:`antiage_compare.compare` found for one person."""

    profile: Profile
    catalog: Catalog
    method: str
    weights: Weights
    scored: tuple[ScoredOption, ...]
    excluded: tuple[Exclusion, ...]
    #: Plain-language notes on how the profile was read (for example a budget's currency).
    notes: tuple[str, ...] = ()
    #: For a flat profile (no stated trade-off), the value-tree check; ``None`` for the tree.
    bias: BiasCheck | None = None

    # -- lookup ---------------------------------------------------------------------------------
    def __getitem__(self, option_id: str) -> ScoredOption:
        for s in self.scored:
            if s.option.id == option_id:
                return s
        known = [s.option.id for s in self.scored]
        for e in self.excluded:
            if e.option.id == option_id:
                why = (
                    f"{option_id!r} was excluded ({e.reasons[0].text}), so it has no fit; "
                    "see Comparison.excluded"
                )
                raise UnknownIdError("eligible option", option_id, known, why=why)
        raise UnknownIdError("eligible option", option_id, known)

    @property
    def ids(self) -> tuple[str, ...]:
        """The eligible option ids in rank order."""
        return tuple(s.option.id for s in self.scored)

    @property
    def top(self) -> tuple[ScoredOption, ...]:
        """The option or options (when tied) that fit the person's priorities best."""
        return tuple(s for s in self.scored if s.rank == 1)

    # -- words ----------------------------------------------------------------------------------
    def explain(self, a: str, b: str) -> str:
        """Two or three plain sentences on what separates options ``a`` and ``b`` for this person.

        Under MAVT the criteria named are those whose points differ most, since the points add
        up to the fit. TOPSIS and VIKOR fits do not split by criterion, so for them the text
        says so and names, most important to the person first, the criteria that matter on
        which each option has the better value; it never sizes the gap with MAVT points.
        """
        sa, sb = self[a], self[b]
        na, nb = sa.option.name, sb.option.name
        gap = sa.fit - sb.fit
        under = "" if self.method == "mavt" else f" under {_METHOD_NAMES[self.method]}"
        if abs(gap) < 0.5:
            first = (
                f"{na} and {nb} fit your priorities about equally well{under} "
                f"({sa.fit:.0f} and {sb.fit:.0f} out of 100)."
            )
        else:
            hi, lo = (sa, sb) if gap > 0 else (sb, sa)
            first = (
                f"{hi.option.name} fits your priorities better than {lo.option.name}{under} "
                f"({hi.fit:.0f} against {lo.fit:.0f} out of 100)."
            )
        pairs = [
            (ca, cb)
            for ca, cb in zip(sa.contributions, sb.contributions, strict=True)
            if ca.weight > 0
        ]
        if self.method == "mavt":
            # Points add up to the fit: the criteria adding most to the gap, each way.
            diffs = sorted(
                ((ca.points - cb.points, ca.label) for ca, cb in pairs),
                key=lambda d: -abs(d[0]),
            )
            for_a = [c for d, c in diffs if d > 0.5][:2]
            for_b = [c for d, c in diffs if d < -0.5][:2]
            parts = [first]
        else:
            # No per-criterion split: which way each criterion that matters goes, by its weight.
            ranked = sorted(pairs, key=lambda p: (-p[0].weight, -abs(p[0].value - p[1].value)))
            for_a = [ca.label for ca, cb in ranked if ca.value - cb.value > _CLOSE][:2]
            for_b = [ca.label for ca, cb in ranked if cb.value - ca.value > _CLOSE][:2]
            parts = [first, _METHOD_NOTES[self.method]]
        lead = "" if self.method == "mavt" else "Of what matters most to you, "
        if for_a:
            parts.append(f"{lead}{na} does better on {join_and(for_a)}.")
            lead = ""
        if for_b:
            parts.append(f"{lead}{nb} does better on {join_and(for_b)}.")
        if not for_a and not for_b:
            parts.append("They are close on every criterion that matters to you.")
        overlap = _overlap_sentence(sa, sb)
        if overlap:
            parts.append(overlap)
        return " ".join(parts)

    def summary(self) -> str:
        """One non-directive sentence about the top of the order."""
        if not self.scored:
            return "No option is open to you with the limits and health facts given."
        top = self.top
        names = join_and([s.option.name for s in top])
        verb = "fit" if len(top) > 1 else "fits"
        text = (
            f"On the figures' typical values, {names} {verb} your priorities best "
            f"({top[0].fit:.0f} out of 100)."
        )
        caveat = self.overlap_text()
        return f"{text} {caveat}" if caveat else text

    def unmet_concerns(self) -> tuple[str, ...]:
        """The person's concerns that no eligible option without surgery meets on evidence.

        A concern is met when some eligible option short of surgery has an effect on it (at
        least "slight" at the top of its range) graded at least "low", resting on a source that
        is evidence (not the data team's judgement, nor a sales or aggregator page). Where none
        does, the report says so plainly rather than let the ranking imply a choice exists.
        """
        sources = self.catalog.sources
        met: set[str] = set()
        for s in self.scored:
            o = s.option
            if o.invasiveness is Invasiveness.SURGERY:
                continue
            for concern, e in o.effects.items():
                if e.high.value01 <= 0.0 or o.certainty_of(concern).level < Certainty.LOW.level:
                    continue
                kinds = [sources[i].kind for i in e.sources if i in sources]
                if any(k is not SourceKind.EDITORIAL and not k.low_quality for k in kinds):
                    met.add(concern)
        return tuple(c for c in (self.profile.concerns or CONCERNS) if c not in met)

    def coverage_text(self) -> str:
        """A plain sentence naming the concerns no option short of surgery meets, or ""."""
        unmet = self.unmet_concerns()
        if not unmet:
            return ""
        names = join_and([CONCERN_LABELS[c] for c in unmet])
        return (
            f"For {names}, no option open to you short of surgery has an effect that a study "
            "measured and that is graded at least low."
        )

    def overlapping_top(self) -> tuple[ScoredOption, ...]:
        """The options below the top whose fit range overlaps a top option's.

        With their "no data" figures anywhere between worst and best, these could fit as well
        as the option or options ranked first, so nothing may present the first as ahead of
        them without saying so.
        """
        top = self.top
        return tuple(
            s for s in self.scored if s.rank != 1 and any(s.range.overlaps(t.range) for t in top)
        )

    def overlap_text(self) -> str:
        """A sentence saying which options the missing figures leave level with the first.

        Empty when no fit range below the top reaches the top's.
        """
        others = self.overlapping_top()
        if not others:
            return ""
        tops = join_and(
            [
                f"{t.option.name} scores {t.fit:.0f} with nothing missing"
                if t.range.known
                else f"{t.option.name} could score {t.range.text()}"
                for t in self.top
            ]
        )
        shown = [f"{s.option.name} ({s.range.text()})" for s in others[:3]]
        if len(others) > 3:
            shown.append(f"{len(others) - 3} other options")
        verb = "could" if len(others) == 1 else "could each"
        return (
            f"But some figures are missing. With each missing figure at the bottom and at the top "
            f"of its scale, {tops}; {join_and(shown)} {verb} score as high, so the figures we "
            "have cannot yet put these in order."
        )

    @property
    def warnings(self) -> tuple[ProductWarning, ...]:
        """Products sold for the person's concerns (all concerns, if none given) that are not options."""
        return self.catalog.warnings_for(self.profile.concerns or CONCERNS)

    # -- data -----------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (documented in ``docs/developer-guide.md``; JSON round trip is lossless).

        Keys: ``method``, ``points_basis`` (always ``"mavt"``: contributions are MAVT points
        under every method), ``profile``, ``weights``, ``eligible`` (rank order; each with
        ``id``, ``name``, ``fit`` 0–100 under the method, ``mavt_fit`` (what its points add up
        to), ``rank``, ``tied_with``, ``dominated_by``, ``cautions``, ``raised_risks`` (the
        risk ids a caution raises for this person), ``contributions``,
        ``cost``: the price as given, the first ``course``, the cost ``over_horizon`` (first
        course and repeat treatments within ``horizon_years``, which the scoring compares)
        and ``per_year_of_effect``, with the ``currency``), ``excluded`` (each
        with ``id``, ``name`` and ``reasons``, a list of ``{"text", "sources", "kind"}``),
        ``data_version``, ``currency`` and ``cost_scale`` (``{"worst", "currency"}``), ``clinic``
        (its name, or ``null``), ``notes``, ``bias`` (the value-tree check of a flat profile,
        or ``null``) and ``warnings`` (products sold for the person's concerns that are not
        options: ``id``, ``name``, ``text``, ``sources``). Each contribution is one leaf of the value tree (``leaf``, ``group``,
        ``concern``; a benefit leaf also has the effect's ``certainty`` and its ``lasting``
        factor). Every figure carries its ``unit``; a cost's unit is its currency code.
        """
        info = self.catalog.info
        years = self.profile.horizon_years
        return {
            "method": self.method,
            "horizon_years": years,
            "points_basis": "mavt",
            "data_version": info.data_version,
            "currency": info.currency,
            "cost_scale": {"worst": info.cost_scale.amount, "currency": info.cost_scale.currency},
            "clinic": info.clinic_name or None,
            "notes": list(self.notes),
            "profile": self.profile.to_dict(),
            "weights": {
                "method": self.weights.method,
                "tree": self.weights.tree,
                "benefit": self.weights.benefit,
                "lasting": self.weights.lasting,
                "certainty": self.weights.certainty,
                "values": dict(self.weights.values),
                "notes": list(self.weights.notes),
            },
            "bias": None if self.bias is None else self.bias.to_dict(),
            "warnings": [
                {"id": w.id, "name": w.name, "text": w.text, "sources": list(w.sources)}
                for w in self.warnings
            ],
            "eligible": [
                {
                    "id": s.option.id,
                    "name": s.option.name,
                    "fit": s.fit,
                    "fit_range": s.range.to_dict(),
                    "mavt_fit": s.mavt_fit,
                    "rank": s.rank,
                    "tied_with": list(s.tied_with),
                    "dominated_by": list(s.dominated_by),
                    "cautions": [r.to_dict() for r in s.cautions],
                    "raised_risks": [
                        r.id
                        for r in s.option.risks
                        if isinstance(r.count, Range) and r.count.raised
                    ],
                    "cost": {
                        "per": str(s.option.cost.per),
                        "currency": s.option.cost.currency,
                        "amount": _raw_dict(s.option.cost.amount),
                        "course": _raw_dict(s.option.course_cost),
                        "horizon_years": years,
                        "over_horizon": _raw_dict(horizon_cost(s.option, years)),
                        "per_year_of_effect": _raw_dict(
                            cost_per_year_of_effect(s.option, years) or NoData()
                        ),
                    },
                    "contributions": [
                        {
                            "leaf": c.leaf,
                            "group": c.group,
                            "criterion": c.criterion,
                            "concern": c.concern,
                            "weight": c.weight,
                            "value": c.value,
                            "points": c.points,
                            "no_data": c.no_data,
                            "figure": _raw_dict(c.raw),
                            "certainty": None if c.certainty is None else c.certainty.value,
                            "lasting": None if c.lasting is None else _raw_dict(c.lasting),
                        }
                        for c in s.contributions
                    ],
                }
                for s in self.scored
            ],
            "excluded": [
                {
                    "id": e.option.id,
                    "name": e.option.name,
                    "reasons": [r.to_dict() for r in e.reasons],
                }
                for e in self.excluded
            ],
        }

    def table(self) -> str:
        """A compact plain-text table: rank, fit, option; then the exclusions."""
        lines = [f"{'rank':>4}  {'fit':>5}  {'range':>8}  option"]
        for s in self.scored:
            tie = " (tie)" if s.tied_with else ""
            note = "  [caution]" if s.cautions else ""
            lines.append(
                f"{s.rank:>4}  {s.fit:5.1f}  {range_cell(s.range):>8}  {s.option.name}{tie}{note}"
            )
        if self.excluded:
            lines.append("not open to you:")
            lines.extend(f"  {e.option.name}: {e.reasons[0].text}" for e in self.excluded)
        if any(not s.range.known for s in self.scored):
            lines.append(f"range: {RANGE_NOTE}")
        lines.extend(f"note: {n}" for n in self.notes)
        if self.bias is not None and self.bias.flagged:
            lines.extend(f"check: {r}" for r in self.bias.reasons)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        """A compact HTML table for Jupyter: rank, fit and option, then the exclusions.

        The same content as :meth:`table`, drawn here with :func:`html.escape` on every string
        (option names and reasons come from data files), so showing a comparison needs neither
        the report nor jinja2.
        """
        who = escape(self.profile.name or "this profile")
        lines = [
            '<div class="antiage-comparison">',
            f"<table>\n<caption>How well each option fits the priorities of {who} "
            f"(fit 0–100, method {escape(self.method)})</caption>",
            '<thead><tr><th scope="col">rank</th><th scope="col">fit</th>'
            '<th scope="col">range</th><th scope="col">option</th></tr></thead>',
            "<tbody>",
        ]
        for s in self.scored:
            marks = (" (tie)" if s.tied_with else "") + (" (take care)" if s.cautions else "")
            lines.append(
                f'<tr><td style="text-align:right">{s.rank}</td>'
                f'<td style="text-align:right">{s.fit:.1f}</td>'
                f'<td style="text-align:right">{range_cell(s.range)}</td>'
                f'<th scope="row" style="text-align:left">{escape(s.option.name)}{marks}</th></tr>'
            )
        lines.append("</tbody>\n</table>")
        if any(not s.range.known for s in self.scored):
            lines.append(f"<p>Range: {escape(RANGE_NOTE)}.</p>")
        if self.excluded:
            lines.append("<p>Not open to you:</p>\n<ul>")
            lines.extend(
                f"<li>{escape(e.option.name)}: {escape(e.reasons[0].text)}</li>"
                for e in self.excluded
            )
            lines.append("</ul>")
        lines.append(f"<p>{escape(self.summary())} This is information, not medical advice.</p>")
        lines.append("</div>")
        return "\n".join(lines)

    def __repr__(self) -> str:
        top = ", ".join(f"{s.option.id}={s.fit:.0f}" for s in self.scored[:3])
        more = ", ..." if len(self.scored) > 3 else ""
        return (
            f"<Comparison {self.method}: {len(self.scored)} eligible ({top}{more}), "
            f"{len(self.excluded)} excluded>"
        )
