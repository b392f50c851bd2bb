"""The report's words: every fixed sentence, and the sentences made from the analysis.

Kept apart from the builders so that wording can be read, reviewed for plain language and
changed in one place (the report aims at a reading grade of 8 or less; see
:mod:`~antiage_compare.report.readability`). The wording is non-directive: an option "fits" or
"scores highest for your priorities"; nothing is "recommended" or "best". The small helpers at
the end turn figures and lists into words the way the report needs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from antiage_compare.model import Quantity, Range
from antiage_compare.wording import quantity

if TYPE_CHECKING:
    from antiage_compare.comparison import Comparison
    from antiage_compare.uncertainty.sensitivity import Sensitivity, WeightInterval
    from antiage_compare.uncertainty.smaa import SmaaResult

__all__ = [
    "CERTAINTY_TEXT",
    "CONDITION",
    "COOLING_OFF",
    "DECISION",
    "FLAT_TEXT",
    "GRID_QUESTIONS",
    "METHOD_TEXT",
    "NOT_ADVICE",
    "NO_DATA_TEXT",
    "QUESTION",
    "QUESTIONS_TO_ASK",
    "THREE_QUESTIONS",
    "TREE_TEXT",
    "VALUE_TEXT",
    "WEIGHTING_TEXT",
    "changes",
    "date_text",
    "fit_summary",
    "horizon_text",
    "join_and",
    "quantity_text",
    "sentence",
    "smaa_sentences",
    "smaa_text",
]

#: The decision the report is about: its title and the question of section 1.
QUESTION = "Which anti-ageing treatment, if any, fits what matters to you?"

#: Section 1: the condition, in two short paragraphs.
CONDITION: tuple[str, ...] = (
    "As skin ages, it gets fine lines, wrinkles, looser skin, uneven colour and a rougher "
    "feel. This is normal. It is not a disease. Sun, smoking and genes can speed it up.",
    "Many treatments say they slow or hide these signs. They differ in how well they work, "
    "how sure the evidence is, their risks, the time off and the cost.",
)

#: Section 1: the choice to be made.
DECISION = (
    "The choice is whether to have a treatment, and if so which one. Doing nothing new "
    "is always one of the options."
)

#: The notice at the top of every report.
NOT_ADVICE = (
    "This is information, not medical advice. Talk it through with a qualified "
    "clinician before you decide."
)

#: The Option Grid's questions, down the side.
GRID_QUESTIONS: tuple[str, ...] = (
    "What is it?",
    "How much does it help with your concerns?",
    "How many sessions?",
    "How much time off?",
    "Common side effects?",
    "Serious risks?",
    "How long does it last?",
    "What does it cost?",
    "How sure is the evidence?",
)

#: Questions a person may want to ask a practitioner (section 9).
#: The three questions of "Ask 3 Questions" (Shepherd et al. 2016): first on every list.
THREE_QUESTIONS: tuple[str, ...] = (
    "What are my options?",
    "What are the possible benefits and harms of each?",
    "How likely are these benefits and harms to happen to me?",
)

#: Said under the questions in every report: a cosmetic choice is never urgent.
COOLING_OFF = (
    "You do not have to decide today. A cosmetic treatment can wait. Take the time you need, "
    "talk it over with someone you trust, and ask for a second meeting if it would help."
)

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


#: What each scoring method does, in plain words (methods appendix).
METHOD_TEXT: dict[str, str] = {
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

#: How the person's answers became weights, by weighting method (sections 3 and 9).
WEIGHTING_TEXT: dict[str, str] = {
    "direct": "You rated how much each point matters, from 0 to 10. We turned the ratings into shares that add up to 100%.",
    "ranking": "You put the points in order. We turned the order into shares that add up to 100%.",
    "swing": "You rated how much it matters to go from the worst to the best on each point. We turned the ratings into shares that add up to 100%.",
    "ahp": "You compared the points two at a time. We turned your answers into shares that add up to 100%.",
}

#: Methods appendix: the two groups of the value tree.
TREE_TEXT = (
    "We split the weight in two. One part is for what you hope to gain: a visible effect on "
    "your concerns. The other part is for what it costs you: risks, side effects, time off, "
    "needles or surgery, money and visits. You said how to split it. Within each part, your "
    "ratings share out that part only. So a long list of burdens cannot outvote the effect "
    "just by being long. How sure the evidence is and how long the effect lasts change the "
    "value of the effect. They earn no points on their own, so doing nothing gets no points "
    "for being certain."
)

#: Methods appendix, for a profile without a stated trade-off.
FLAT_TEXT = (
    "Your profile did not say how to split the weight between the effect and the burdens. So "
    "every rating shares out the whole weight, as older profiles did. With one effect against "
    "six burdens, this can favour doing nothing. The table below shows the order both ways."
)

#: Methods appendix: the value curves.
VALUE_TEXT = (
    "A straight-line value curve gives the same value to each equal step along the "
    "scale. A logarithmic curve is used for risks and costs: going from 1 to 10 in "
    "1,000 counts about as much as going from 10 to 100. The curves are the same for every "
    "option and every person; your budget decides only what is left out, not how costs score."
)


def horizon_text(years: float) -> str:
    """Methods appendix: the one horizon that costs, visits and lasting are counted over."""
    return (
        f"Every option is counted over the same {years:g} years. The cost is the first "
        "treatment plus the repeat treatments needed in that time to keep the effect, a cream's "
        "price for every year, or one fee for an operation. Clinic visits are counted the same "
        "way. An effect kept up by repeats, or by daily use, lasts the whole time; other effects "
        "count for the part of it they last. These totals are our arithmetic, not figures from "
        "the sources."
    )


#: Methods appendix: what a missing figure counts as.
NO_DATA_TEXT = (
    "When there is no figure for a point, we do not guess it. The score uses the middle of "
    "the scale (0.5), and the range beside each score shows the score with the missing "
    "figure at the bottom and at the top of its scale. In the scenario analysis, the missing "
    "figure can be anywhere on the scale, each value as likely as any other. Missing data "
    "never counts as zero risk."
)

#: Methods appendix: where the certainty grades come from, and what they do to the effect.
CERTAINTY_TEXT = (
    "Each number has a grade for how sure the evidence is. It is the grade the data team "
    "gave the option. We lower it to very low when the number rests only on sales or "
    "summary pages. The grade of an effect changes its value: a high grade keeps all of it, "
    "moderate three quarters, low half and very low a quarter."
)


def date_text(d: dt.date) -> str:
    """A date in words, independent of locale: "26 November 2026"."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def fit_summary(c: Comparison) -> str:
    """Section 4's one-sentence summary of the top of the order, and what a score means."""
    if not c.scored:
        return "No option is open to you with the limits and health facts you gave."
    top = c.top
    verb = "score" if len(top) > 1 else "scores"
    text = (
        f"On the typical figures, {join_and([t.option.name for t in top])} {verb} highest for "
        f"your priorities ({top[0].fit:.0f} out of 100)."
    )
    for extra in (c.overlap_text(), c.coverage_text()):
        if extra:
            text += " " + extra
    return (
        text + " A high score means a close match to what you said matters. It is not advice to "
        "choose it."
    )


def smaa_text(smaa: SmaaResult | None) -> str:
    """Methods appendix: how the scenario analysis was run, or that it was not."""
    if smaa is None:
        return (
            "We did not run the scenario analysis (SMAA) for this report, so the order uses the "
            "typical figures only."
        )
    return (
        f"The scenario analysis (SMAA-2) drew {smaa.samples:,} scenarios with the random seed "
        f"{smaa.seed}. Each draw picks every figure from within its range and weights near "
        "yours. The same inputs and seed give the same result."
    )


def smaa_sentences(smaa: SmaaResult | None, names: Mapping[str, str]) -> tuple[str, ...]:
    """What the SMAA run found, in plain sentences (section 4); nothing when it was not run."""
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
            f"{n} figure{'s' if n != 1 else ''} had no data. We did not guess "
            f"{'them' if n != 1 else 'it'}: in each scenario, "
            f"{'each' if n != 1 else 'it'} could be anywhere from the bottom to the top of "
            "its scale."
        )
    return tuple(out)


def _now(sens: Sensitivity, iv: WeightInterval, x: float) -> str:
    """The "it is 4% now" clause, and, when another weight is near ``x``, "about what X has".

    So the change reads against something the person already weighed: "if cost mattered to
    you about as much as time off does now".
    """
    text = f"it is {100 * iv.weight:.0f}% now"
    if iv.scope == "tradeoff":
        return text
    near = [
        o
        for o in sens.intervals
        if o.scope != "tradeoff" and o.criterion != iv.criterion and abs(o.weight - x) <= 0.2 * x
    ]
    if near:
        o = min(near, key=lambda o: (abs(o.weight - x), o.criterion))
        text += f", about what “{o.label}” has"
    return text


def changes(c: Comparison, sens: Sensitivity | None, names: Mapping[str, str]) -> tuple[str, ...]:
    """What would change the order (section 4): the three nearest weight changes, then the gap.

    The gap sentence is :meth:`Comparison.explain` for the top two options.
    """
    out: list[str] = []
    if sens is not None:
        moves: list[tuple[float, int, str]] = []
        for i, iv in enumerate(sens.intervals):
            label = iv.label
            if iv.above is not None:
                now = _now(sens, iv, iv.high)
                moves.append(
                    (
                        iv.high - iv.weight,
                        i,
                        f"If “{label}” counted for more than {100 * iv.high:.0f}% of the "
                        f"weight ({now}), {names.get(iv.above, iv.above)} would come first.",
                    )
                )
            if iv.below is not None:
                now = _now(sens, iv, iv.low)
                moves.append(
                    (
                        iv.weight - iv.low,
                        i,
                        f"If “{label}” counted for less than {100 * iv.low:.0f}% of the "
                        f"weight ({now}), {names.get(iv.below, iv.below)} would come first.",
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


def quantity_text(q: Quantity) -> str:
    """Like :func:`~antiage_compare.wording.quantity`, but "1 session", not "1 sessions"."""
    if isinstance(q, Range) and q.is_point and q.low == 1 and q.unit.endswith("s"):
        return f"1 {q.unit[:-1]}"
    return quantity(q)


def sentence(text: str) -> str:
    """``text`` ending with a full stop (data phrases are often written without one)."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def join_and(items: Sequence[str]) -> str:
    """``"a, b and c"``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
