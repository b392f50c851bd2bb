"""A short interview that builds a :class:`~antiage_compare.profile.Profile`, one question at a time.

:func:`run_interview` is pure: it talks through two callables, ``ask`` (show a prompt, return the
answer) and ``say`` (show a line), so an app, a test or the command line
(``antiage-compare interview -o PROFILE``) can drive it. Each answer is checked at once; a wrong
answer gets a plain message and the same question again.

The order follows the value tree (``docs/methods.md``, section 3):

1. **The trade-off first, as a choice.** Treatment T has every benefit at its best bound and
   every burden at its worst; the other choice is doing nothing. The answer is narrowed by
   bisection (:func:`narrow_tradeoff`) on T's effect level ``e`` (when the person would take T
   at full effect; indifference gives :func:`benefit_from_effect`) or on its burden level ``u``
   (:func:`benefit_from_burden`). "Too close to call" stops early and gives a range.
2. **Within each group, over the fixed ranges**: swing questions ("going from 28 days off to
   none"), written as ``[swing]`` with ``swing_range = "bounds"``, or quick 0–10 ratings
   (``[importance]``). Direct ratings are range-blind (Fischer 1995), so swings come first.
3. **A review screen** lists every answer and lets the person change any before the profile is
   returned.

``ask`` may raise :class:`EOFError` (Ctrl-D) or :class:`KeyboardInterrupt` to stop;
:func:`run_interview` lets both through and has no side effects.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from attrs import define, evolve, field

from antiage_compare._dump import to_toml
from antiage_compare._files import write_text_atomic
from antiage_compare.catalog import Catalog
from antiage_compare.criteria import CRITERIA, Criterion, performance
from antiage_compare.errors import ProfileError
from antiage_compare.horizon import DEFAULT_HORIZON_YEARS
from antiage_compare.loading import load_catalog
from antiage_compare.model import CONCERN_LABELS, CONCERNS, Certainty, Invasiveness, NoData
from antiage_compare.profile import (
    BURDEN_CRITERIA,
    SURE_QUESTIONS,
    Health,
    Limits,
    Profile,
    Ready,
    Tradeoff,
)
from antiage_compare.wording import join_and, number

__all__ = [
    "TRADEOFF_QUESTIONS",
    "TRADEOFF_TOLERANCE",
    "Ask",
    "Say",
    "benefit_from_burden",
    "benefit_from_effect",
    "catalogue_range",
    "narrow_tradeoff",
    "run_interview",
    "share_at",
    "write_profile",
]

#: Shows a prompt and returns the answer typed (may raise ``EOFError`` to stop).
Ask = Callable[[str], str]
#: Shows one line of text.
Say = Callable[[str], None]

T = TypeVar("T")

#: The longest name the interview accepts.
MAX_NAME = 200

_YES = {"y", "yes"}
_NO = {"n", "no"}

_EFFECT_WORDS = ("no visible effect", "a slight effect", "a moderate effect", "a marked effect")

#: The health questions asked as yes or no: (Health field, question).
HEALTH_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("pregnant", "Are you pregnant, or trying to get pregnant?"),
    ("breastfeeding", "Are you breastfeeding?"),
    ("anticoagulants", "Do you take a blood thinner, such as warfarin or daily aspirin?"),
    ("keloid_tendency", "Do your scars tend to grow thick and raised (keloids)?"),
    ("smoker", "Do you smoke?"),
    ("cold_sores", "Do you get cold sores?"),
    (
        "neuromuscular_disorder",
        "Do you have a disease of the nerves or muscles, such as myasthenia gravis?",
    ),
    ("active_skin_infection", "Do you have a skin infection on your face right now?"),
    ("heart_disease", "Do you have heart disease or a heart rhythm problem?"),
    (
        "immunosuppressed",
        "Is your immune system weakened by an illness or a medicine (such as after a transplant)?",
    ),
    ("electronic_implant", "Do you have a pacemaker or another electronic implant?"),
    ("facial_eczema", "Do you have eczema on your face?"),
    (
        "photosensitising_medicine",
        "Does a medicine you take make your skin sensitive to sunlight (ask your pharmacist)?",
    ),
    ("autoimmune_disease", "Do you have an autoimmune disease (such as lupus or scleroderma)?"),
    ("bleeding_disorder", "Do you have a bleeding or clotting disorder (such as haemophilia)?"),
    ("metal_implant", "Do you have a metal plate, screw or other metal implant in your face?"),
)

_SKIN_TYPES = (
    "1: very pale skin; always burns, never tans",
    "2: pale skin; burns easily, tans a little",
    "3: light brown skin; sometimes burns, tans slowly",
    "4: olive or mid-brown skin; rarely burns, tans well",
    "5: brown skin; very rarely burns",
    "6: dark brown or black skin; never burns",
)


class _AnswerError(ValueError):
    """An answer that does not fit; the message says what to type instead."""


def _ask_until(ask: Ask, say: Say, prompt: str, parse: Callable[[str], T]) -> T:
    """Ask ``prompt`` until ``parse`` accepts the answer; say why each wrong answer was refused."""
    while True:
        answer = ask(prompt).strip()
        try:
            return parse(answer)
        except _AnswerError as exc:
            say(f"Sorry, {exc}")


def _yes_no(answer: str, default: bool | None = None) -> bool:
    """Yes or no; an empty answer (Enter) is ``default`` when there is one."""
    a = answer.lower()
    if not a and default is not None:
        return default
    if a in _YES:
        return True
    if a in _NO:
        return False
    enter = "" if default is None else f", or press Enter for {'yes' if default else 'no'}"
    msg = f"please type yes or no{enter}."
    raise _AnswerError(msg)


def _yes_no_prompt(question: str, default: bool) -> str:
    """The question with its default shown the usual way: ``[Y/n]`` or ``[y/N]``."""
    return f"{question} [{'Y/n' if default else 'y/N'}] "


def _ask_yes_no(ask: Ask, say: Say, question: str, default: bool) -> bool:
    """Ask a yes/no question whose Enter means ``default``."""
    return _ask_until(ask, say, _yes_no_prompt(question, default), lambda a: _yes_no(a, default))


def _number(
    answer: str, *, low: float, high: float | None, blank: bool = False, whole: bool = False
) -> float | None:
    if not answer and blank:
        return None
    try:
        x = float(answer.replace(",", ""))
    except ValueError:
        x = float("nan")
    top = "" if high is None else f" and {number(high)}"
    kind = "a whole number" if whole else "a number"
    bounds = (
        f"{kind} between {number(low)}{top}" if high is not None else f"{kind} of {low:g} or more"
    )
    skip = ", or press Enter to skip" if blank else ""
    if x != x or x in (float("inf"), float("-inf")):
        msg = f"please type {bounds}{skip}."
        raise _AnswerError(msg)
    if x < low or (high is not None and x > high) or (whole and x != int(x)):
        msg = f"please type {bounds}{skip}."
        raise _AnswerError(msg)
    return x


def _concerns(answer: str) -> tuple[str, ...]:
    if not answer or answer.lower() == "all":
        return ()
    chosen: list[str] = []
    for part in answer.replace(" ", ",").split(","):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= len(CONCERNS):
            msg = (
                f"{part!r} is not on the list. Type numbers from 1 to {len(CONCERNS)}, "
                "with commas between them, or press Enter for all."
            )
            raise _AnswerError(msg)
        c = CONCERNS[int(part) - 1]
        if c not in chosen:
            chosen.append(c)
    if not chosen:
        msg = "type at least one number, or press Enter for all."
        raise _AnswerError(msg)
    return tuple(chosen)


def _name(answer: str) -> str:
    if len(answer) > MAX_NAME:
        msg = f"please keep the name under {MAX_NAME} letters."
        raise _AnswerError(msg)
    if any(ord(ch) < 32 for ch in answer):
        msg = "please type the name as plain text."
        raise _AnswerError(msg)
    return answer


def _sex(answer: str) -> str | None:
    a = answer.lower()
    if not a:
        return None
    if a in ("female", "male", "other"):
        return a
    msg = "please type female, male or other, or press Enter to skip."
    raise _AnswerError(msg)


def _describe(criterion: Criterion, x: float, currency: str) -> str:
    """One figure of ``criterion`` in plain words."""
    cid = criterion.id
    if cid == "effectiveness":
        return _EFFECT_WORDS[min(3, round(x * 3))]
    if cid == "evidence":
        return f"{list(Certainty)[3 - min(3, round(x))]} certainty"
    if cid == "invasiveness":
        return list(Invasiveness)[min(6, round(x))].plain
    if cid in ("serious_risk", "side_effects"):
        return f"{number(x)} in 1,000 people"
    if cid == "cost":
        return f"{currency} {number(x)}"
    if cid == "downtime":
        return f"{number(x)} day" + ("" if x == 1 else "s")
    if cid == "sessions":
        return f"{number(x)} visit" + ("" if x == 1 else "s")
    return f"{number(x)} month" + ("" if x == 1 else "s")


def catalogue_range(
    criterion: Criterion, catalog: Catalog, concerns: Sequence[str] = ()
) -> tuple[float, float] | None:
    """The lowest and highest figure of ``criterion`` over ``catalog`` (``None`` if no data).

    Uses each option's typical figure, as the scores do, for the given concerns (all when empty).
    """
    points = []
    for option in catalog:
        q = performance(option, concerns)[criterion.id]
        if not isinstance(q, NoData):
            points.append(q.point)
    if not points:
        return None
    return min(points), max(points)


#: Short plain nouns for the criteria, used in "In this catalogue, <noun> ranges from ...".
_NOUNS = {
    "effectiveness": "the visible effect",
    "evidence": "the strength of the evidence",
    "serious_risk": "the chance of a serious problem",
    "side_effects": "the chance of side effects",
    "downtime": "time off",
    "invasiveness": "what is done",
    "cost": f"the cost over {DEFAULT_HORIZON_YEARS:g} years (repeat treatments included)",
    "sessions": f"the number of clinic visits over {DEFAULT_HORIZON_YEARS:g} years",
    "durability": "how long the effect lasts",
}


def _range_line(criterion: Criterion, catalog: Catalog, concerns: Sequence[str]) -> str:
    span = catalogue_range(criterion, catalog, concerns)
    noun = _NOUNS[criterion.id]
    currency = catalog.info.currency
    if span is None:
        return f"In this catalogue, there is no data on {noun}."
    lo, hi = span
    worst, best = (lo, hi) if criterion.higher_is_better else (hi, lo)
    return (
        f"In this catalogue, {noun} ranges from {_describe(criterion, worst, currency)} "
        f"(worst) to {_describe(criterion, best, currency)} (best)."
    )


def _bounds_line(criterion: Criterion, currency: str) -> str:
    worst = _describe(criterion, criterion.worst, currency)
    best = _describe(criterion, criterion.best, currency)
    return f"The score scale is fixed: {worst} scores 0 and {best} scores full marks."


#: The criteria the interview asks about: every one but the evidence, which is not weighed
#: (certainty acts on each effect itself).
ASKED = tuple(c for c in CRITERIA if c.id != "evidence")


# -- the trade-off: treatment T against doing nothing, narrowed by bisection ----------------------

#: How many questions the trade-off asks at most: the first choice (at full effect and the
#: worst burdens) and five halvings.
TRADEOFF_QUESTIONS = 6

#: The most a written ``[tradeoff] benefit`` can differ from the share the answers imply, in
#: points: the bisection leaves a bracket ``2 / 2**TRADEOFF_QUESTIONS`` wide on the position
#: scale, the share changes by at most 100 points per unit of position (:func:`share_at`), and
#: the middle is within half the bracket (``100 / 2**TRADEOFF_QUESTIONS``, 1.5625 points); the
#: share is then rounded to one decimal (0.05 more).
TRADEOFF_TOLERANCE = 100.0 / 2**TRADEOFF_QUESTIONS + 0.05


def benefit_from_effect(e: float) -> float:
    """The benefits' share (0–100) of a person indifferent to T at effect level ``e`` (0–1].

    T has the effect ``e`` of the best bound and every burden at its worst; doing nothing has
    no effect and no burdens. Under additive MAVT (values 0–1, benefit share ``b``):
    ``b·e = 1 − b``, so ``b = 1 / (1 + e)`` (``docs/methods.md``, section 3).
    """
    return 100.0 / (1.0 + e)


def benefit_from_burden(u: float) -> float:
    """The benefits' share (0–100) of a person indifferent to T at burden level ``u`` (0–1).

    T has the full effect and every burden at value ``u`` (0 the worst bound, 1 none). Under
    additive MAVT: ``b + (1 − b)·u = 1 − b``, so ``b = (1 − u) / (2 − u)``.
    """
    return 100.0 * (1.0 - u) / (2.0 - u)


def level_at(x: float) -> tuple[str, float]:
    """What T is at position ``x`` (−1 to 1): ``("effect", e)`` for ``x ≥ 0``, else ``("burden", u)``.

    One scale for both branches, so the bisection is one search: ``x = 0`` is the first
    question (full effect, worst burdens); ``x > 0`` shrinks the effect to ``e = 1 − x``;
    ``x < 0`` lightens the burdens to ``u = −x``.
    """
    if x >= 0:
        return "effect", 1.0 - x
    return "burden", -x


def share_at(x: float) -> float:
    """The share (0–100) at which T at position ``x`` and doing nothing are equally good.

    Rises with ``x``: a person takes T at ``x`` exactly when their share is above this, so a
    "take T" answer moves the bracket up and "do nothing" moves it down.
    """
    kind, level = level_at(x)
    return benefit_from_effect(level) if kind == "effect" else benefit_from_burden(level)


#: A choice at one position: take T, do nothing, or stop ("too close to call").
Choose = Callable[[float], str]


def narrow_tradeoff(choose: Choose) -> Tradeoff:
    """Bisect the position scale with ``choose(x)`` → ``"take"``, ``"nothing"`` or ``"stop"``.

    After :data:`TRADEOFF_QUESTIONS` answers the share is the middle of the bracket left (within
    :data:`TRADEOFF_TOLERANCE`). A ``"stop"`` gives the share at the position asked, and the
    range of shares the bracket still holds as ``low`` and ``high`` (the person's "roughly":
    the uncertainty analysis draws the share from it).
    """
    lo, hi = -1.0, 1.0
    for _ in range(TRADEOFF_QUESTIONS):
        x = (lo + hi) / 2.0
        answer = choose(x)
        if answer == "stop":
            return Tradeoff(
                benefit=round(share_at(x), 1),
                low=max(0.0, math.floor(share_at(lo) * 10.0) / 10.0),
                high=min(100.0, math.ceil(share_at(hi) * 10.0) / 10.0),
            )
        if answer == "take":
            lo = x
        else:
            hi = x
    return Tradeoff(benefit=round(share_at((lo + hi) / 2.0), 1))


_CHOICES = {
    "1": "take",
    "t": "take",
    "2": "nothing",
    "n": "nothing",
    "3": "stop",
    "r": "stop",
    "roughly": "stop",
    "stop": "stop",
}


def _choice(answer: str) -> str:
    try:
        return _CHOICES[answer.lower()]
    except KeyError:
        msg = "please type 1 for treatment T, 2 to do nothing, or 3 if it is too close to call."
        raise _AnswerError(msg) from None


def _percent(share: float) -> str:
    """A share of 0–1 as a percentage with at most one decimal: ``0.125`` → ``"12.5%"``."""
    return f"{100.0 * share:.1f}".rstrip("0").rstrip(".") + "%"


_STEPS = ("no effect", "a slight effect", "a moderate effect", "a marked effect")


def _effect_words(e: float) -> str:
    """An effect level 0–1 of a marked effect, in words, with the catalogue's nearest steps."""
    if e >= 1.0:
        return "a marked visible effect"
    step = 3.0 * e
    near = round(step)
    if abs(step - near) < 0.1:
        like = f"about {_STEPS[near]}"
    else:
        like = f"between {_STEPS[math.floor(step)]} and {_STEPS[math.ceil(step)]}"
    return f"a visible effect {_percent(e)} the size of a marked one ({like})"


def _first_upper(text: str) -> str:
    """The text with its first letter in capitals (unlike ``str.capitalize``, the rest is kept)."""
    return text[:1].upper() + text[1:]


def _plural(x: float, one: str, many: str) -> str:
    return f"{number(x)} {one if x == 1 else many}"


def _invasive_words(level: float) -> str:
    """What is done, at a level 0–6 (between two steps when it is not near one)."""
    steps = list(Invasiveness)
    near = round(level)
    if abs(level - near) < 0.25:
        return steps[near].plain
    return f"something between {steps[math.floor(level)].plain} and {steps[math.ceil(level)].plain}"


def _burden_words(criterion: Criterion, x: float, currency: str) -> str:
    """One burden's figure in plain words, as T's description shows it."""
    years = f"over {DEFAULT_HORIZON_YEARS:g} years"
    cid = criterion.id
    if cid == "serious_risk":
        return f"a {number(x)} in 1,000 chance of a serious complication"
    if cid == "side_effects":
        everyone = " (everyone)" if x >= 1000 else ""
        return (
            "side effects beyond the usual short redness and swelling (such as acne, cold sores"
            f" or darker patches that fade) in {number(x)} of 1,000 people{everyone}"
        )
    if cid == "downtime":
        return f"{_plural(x, 'day', 'days')} off before you feel fine to be seen"
    if cid == "invasiveness":
        return f"what is done: {_invasive_words(x)}"
    if cid == "cost":
        return f"{currency} {number(round(x))} {years}"
    return f"{_plural(x, 'clinic visit', 'clinic visits')} {years}"


def _burdens(catalog: Catalog) -> tuple[Criterion, ...]:
    """The burden criteria with the catalogue's own bounds (its cost scale and currency)."""
    by_id = {c.id: c for c in catalog.criteria}
    return tuple(by_id[c] for c in BURDEN_CRITERIA)


def _concern_words(concerns: Sequence[str]) -> str:
    chosen = concerns or CONCERNS
    return join_and([CONCERN_LABELS[c] for c in chosen])


def _describe_t(x: float, catalog: Catalog, concerns: Sequence[str]) -> list[str]:
    """Treatment T at position ``x``, in plain words with the catalogue's real bound figures."""
    kind, level = level_at(x)
    years = f"{DEFAULT_HORIZON_YEARS:g} years"
    effect = _effect_words(level if kind == "effect" else 1.0)
    u = level if kind == "burden" else 0.0
    lines = [
        f"Treatment T gives {effect} on {_concern_words(concerns)}.",
        f"The evidence for it is strong, and the effect lasts the whole {years}.",
    ]
    if u <= 0.0:
        lines.append("But it comes with the worst of every burden on our scales:")
    else:
        lines.append(
            f"Its burdens are lighter: {_percent(u)} of the way from the worst on our "
            "scales to none."
        )
    lines += [f"  - {_burden_words(c, c.figure(u), catalog.currency)}" for c in _burdens(catalog)]
    lines.append("Doing nothing: no change to your skin, and none of these burdens.")
    return lines


def _ask_tradeoff(ask: Ask, say: Say, catalog: Catalog, concerns: Sequence[str]) -> Tradeoff:
    say("")
    say("First, the one question that decides most comparisons: the gain against the burdens.")
    say("Imagine a made-up treatment, T, and choose between T and doing nothing.")
    say("We will change T a few times. Each time, say which you would choose.")
    say("If it is too close to call, type 3. Then we stop and keep a rough answer.")
    asked = [0]

    def choose(x: float) -> str:
        asked[0] += 1
        say("")
        say(f"Question {asked[0]} of at most {TRADEOFF_QUESTIONS}.")
        for line in _describe_t(x, catalog, concerns):
            say(line)
        return _ask_until(
            ask,
            say,
            "Type 1 for treatment T, 2 to do nothing, or 3 if it is too close to call: ",
            _choice,
        )

    tradeoff = narrow_tradeoff(choose)
    say("")
    say(_tradeoff_words(tradeoff))
    return tradeoff


def _tradeoff_words(t: Tradeoff) -> str:
    if t.low is None or t.high is None:
        return (
            f"Thank you. Your answers put {t.benefit:g} of 100 points on a visible effect, "
            f"and {round(100 - t.benefit, 1):g} on the burdens."
        )
    return (
        f"Thank you. Your answers put between {t.low:g} and {t.high:g} of 100 points "
        f"on a visible effect (we use {t.benefit:g}, and the checks try the whole range)."
    )


# -- within each group: swings over the fixed ranges, or quick ratings -----------------------------

#: The two ways of rating within the groups: the method written, and how it is described.
PATHS = {
    "swing": "comparing changes over the fixed scales (swing ratings)",
    "direct": "quick ratings from 0 to 10 (direct ratings)",
}


def _swing_words(criterion: Criterion, currency: str) -> str:
    """A burden's swing over its fixed bounds: "going from 28 days off to none"."""
    if criterion.id == "invasiveness":
        worst = list(Invasiveness)[round(criterion.worst)].plain
        return f"going from {worst} to nothing done at all"
    worst_words = _burden_words(criterion, criterion.worst, currency)
    end = "to nothing" if criterion.id == "cost" else "to none"
    return f"going from {worst_words} {end}"


def _path(answer: str) -> str:
    a = answer.lower()
    if a in ("", "1"):
        return "swing"
    if a == "2":
        return "direct"
    msg = "please type 1 or 2, or press Enter for 1."
    raise _AnswerError(msg)


def _ask_path(ask: Ask, say: Say) -> str:
    say("")
    say("Next: how the burdens compare with each other, and how much lasting matters.")
    say("You can answer in one of two ways:")
    say("  1. Compare changes: pick the change you would most want, then rate the others.")
    say("     This takes a little longer, and it is the more careful way.")
    say("  2. Quick ratings: rate each point from 0 to 10.")
    return _ask_until(ask, say, "Type 1 or 2, or press Enter for 1: ", _path)


def _points(answer: str) -> float:
    value = _number(answer, low=0, high=100)
    assert value is not None
    return value


def _rating(answer: str) -> float:
    value = _number(answer, low=0, high=10)
    assert value is not None
    return value


def _ask_lasting(ask: Ask, say: Say, path: str) -> float:
    """How much lasting matters: the durability rating written next to the effect's.

    Swing: a marked effect for the whole horizon is worth 100 points; the points the person
    gives the same effect fading soon are ``100 × (1 − d)``, so the rating is ``100 − points``
    (with the effect at 100). Direct: 0–10 next to the effect's 10.
    """
    years = f"{DEFAULT_HORIZON_YEARS:g} years"
    say("")
    say("How much does it matter that the effect lasts?")
    if path == "swing":
        say(
            f"Think of a marked visible effect that lasts the whole {years}. It is worth 100 points."
        )
        points = _ask_until(
            ask,
            say,
            "How many points, 0 to 100, is the same effect worth if it fades within weeks? ",
            _points,
        )
        return round(100.0 - points, 6)
    say("0 means it does not matter how long the effect lasts.")
    say("10 means lasting matters as much as the effect itself.")
    return _ask_until(ask, say, "Your answer, 0 to 10: ", _rating)


def _pick(answer: str) -> int:
    if answer.isdigit() and 1 <= int(answer) <= len(BURDEN_CRITERIA):
        return int(answer) - 1
    msg = f"please type one number from 1 to {len(BURDEN_CRITERIA)}."
    raise _AnswerError(msg)


def _swing_prompt(criterion: Criterion, currency: str) -> str:
    return (
        f"{_first_upper(_swing_words(criterion, currency))}: how many points, 0 to 100, "
        "next to 100 for the change you want most? "
    )


def _ask_swings(ask: Ask, say: Say, catalog: Catalog, concerns: Sequence[str]) -> dict[str, float]:
    currency = catalog.currency
    burdens = _burdens(catalog)
    say("")
    say("Here are six changes, each over the whole of one of our fixed scales:")
    for i, c in enumerate(burdens, start=1):
        say(f"  {i}. {_first_upper(_swing_words(c, currency))}")
    top = burdens[
        _ask_until(ask, say, "Which one change would you most want? Type its number: ", _pick)
    ]
    say(f"That change gets 100 points: {_swing_words(top, currency)}.")
    swings = {top.id: 100.0}
    for c in burdens:
        if c is top:
            continue
        say("")
        say(_range_line(c, catalog, concerns))
        swings[c.id] = _ask_until(ask, say, _swing_prompt(c, currency), _points)
    return {c: swings[c] for c in BURDEN_CRITERIA}


def _burden_question(criterion: Criterion) -> str:
    return criterion.question


def _ask_direct_burdens(
    ask: Ask, say: Say, catalog: Catalog, concerns: Sequence[str]
) -> dict[str, float]:
    say("")
    say("For each burden, type a number from 0 to 10.")
    say("0 means it does not matter to you at all. 10 means it matters most.")
    burdens = _burdens(catalog)
    while True:
        out: dict[str, float] = {}
        for i, c in enumerate(burdens, start=1):
            say("")
            say(f"{i} of {len(burdens)}. {_burden_question(c)}")
            say(_range_line(c, catalog, concerns))
            say(_bounds_line(c, catalog.currency))
            out[c.id] = _ask_until(ask, say, "Your answer, 0 to 10: ", _rating)
        if any(out.values()):
            return out
        say("")
        say(
            "You gave part of the weight to the burdens, but rated every burden 0. Let us try those again."
        )


def _ask_one_burden(
    ask: Ask, say: Say, catalog: Catalog, concerns: Sequence[str], path: str, cid: str
) -> float:
    """Ask one burden's rating again (from the review screen)."""
    c = next(b for b in _burdens(catalog) if b.id == cid)
    say(_range_line(c, catalog, concerns))
    if path == "swing":
        return _ask_until(ask, say, _swing_prompt(c, catalog.currency), _points)
    say(_bounds_line(c, catalog.currency))
    return _ask_until(ask, say, f"{c.question} 0 to 10: ", _rating)


# -- the answers, the review screen and the profile --------------------------------------------------


@define
class _Answers:
    """Every answer so far, as the review screen shows and changes them."""

    name: str = ""
    concerns: tuple[str, ...] = ()
    tradeoff: Tradeoff = field(factory=lambda: Tradeoff(benefit=50.0))
    path: str = "swing"
    lasting: float = 0.0
    burdens: dict[str, float] = field(factory=dict)
    max_days: float | None = None
    max_cost: float | None = None
    needles: bool = True
    surgery: bool = True
    flags: dict[str, bool] = field(factory=dict)
    iso: float | None = None
    skin: float | None = None
    sex: str | None = None


def _profile(a: _Answers, catalog: Catalog) -> Profile:
    """The profile the answers describe (a :class:`ProfileError` if they do not fit together)."""
    weights: dict[str, Any]
    if a.path == "swing":
        weights = {
            "method": "swing",
            "swing_range": "bounds",
            "swing": {"effectiveness": 100.0, "durability": a.lasting, **a.burdens},
        }
    else:
        weights = {
            "method": "direct",
            "importance": {"effectiveness": 10.0, "durability": a.lasting, **a.burdens},
        }
    return Profile(
        name=a.name,
        concerns=a.concerns,
        tradeoff=a.tradeoff,
        limits=Limits(
            max_downtime_days=a.max_days,
            max_cost=a.max_cost,
            currency=None if a.max_cost is None else catalog.currency,
            needles=a.needles,
            surgery=a.surgery,
        ),
        health=Health(
            **a.flags,
            isotretinoin_months_ago=a.iso,
            fitzpatrick=None if a.skin is None else int(a.skin),
            sex=a.sex,
        ),
        **weights,
    )


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


#: One line of the review screen: its label, the answer in words, and how to ask it again.
Item = tuple[str, str, Callable[[], None]]


def _items(a: _Answers, ask: Ask, say: Say, catalog: Catalog) -> list[Item]:
    """The review screen's lines, in the order asked; each can be asked again."""
    currency = catalog.currency

    def set_name() -> None:
        a.name = _ask_name(ask, say)

    def set_concerns() -> None:
        a.concerns = _ask_concerns(ask, say)

    def set_tradeoff() -> None:
        a.tradeoff = _ask_tradeoff(ask, say, catalog, a.concerns)

    def set_path() -> None:
        _ask_groups(a, ask, say, catalog)

    def set_lasting() -> None:
        a.lasting = _ask_lasting(ask, say, a.path)

    def set_burden(cid: str) -> Callable[[], None]:
        def change() -> None:
            a.burdens[cid] = _ask_one_burden(ask, say, catalog, a.concerns, a.path, cid)

        return change

    def set_days() -> None:
        a.max_days = _ask_days(ask, say)

    def set_cost() -> None:
        a.max_cost = _ask_cost(ask, say, currency)

    def set_needles() -> None:
        a.needles = _ask_yes_no(ask, say, _NEEDLES, True)

    def set_surgery() -> None:
        a.surgery = _ask_yes_no(ask, say, _SURGERY, True)

    def set_flag(key: str, question: str) -> Callable[[], None]:
        def change() -> None:
            a.flags[key] = _ask_yes_no(ask, say, question, False)

        return change

    def set_iso() -> None:
        a.iso = _ask_iso(ask, say)

    def set_skin() -> None:
        a.skin = _ask_skin(ask, say)

    def set_sex() -> None:
        a.sex = _ask_sex(ask, say)

    unit = "points" if a.path == "swing" else "out of 10"
    lasting = (
        f"a marked effect that fades within weeks is worth {number(100 - a.lasting)} of 100"
        if a.path == "swing"
        else f"{number(a.lasting)} out of 10"
    )
    items: list[Item] = [
        ("Name", a.name or "(blank)", set_name),
        ("Concerns", _concern_words(a.concerns), set_concerns),
        ("Points on a visible effect", _tradeoff_short(a.tradeoff), set_tradeoff),
        ("How you rated the burdens", PATHS[a.path], set_path),
        ("How much lasting matters", lasting, set_lasting),
    ]
    for c in _burdens(catalog):
        label = _first_upper(_swing_words(c, currency)) if a.path == "swing" else c.label
        items.append((label, f"{number(a.burdens[c.id])} {unit}", set_burden(c.id)))
    items += [
        (
            "Most days off",
            "no limit" if a.max_days is None else number(a.max_days),
            set_days,
        ),
        (
            f"Most you would spend over {DEFAULT_HORIZON_YEARS:g} years",
            "no limit" if a.max_cost is None else f"{currency} {number(a.max_cost)}",
            set_cost,
        ),
        ("Needles are fine", _yes(a.needles), set_needles),
        ("Surgery is fine", _yes(a.surgery), set_surgery),
    ]
    for key, question in HEALTH_QUESTIONS:
        items.append((question, _yes(a.flags[key]), set_flag(key, question)))
    items += [
        (
            "Isotretinoin (Roaccutane)",
            "never" if a.iso is None else f"stopped {number(a.iso)} months ago",
            set_iso,
        ),
        ("Skin type", "not given" if a.skin is None else number(a.skin), set_skin),
        ("Sex", a.sex or "not given", set_sex),
    ]
    return items


def _tradeoff_short(t: Tradeoff) -> str:
    if t.low is None or t.high is None:
        return f"{t.benefit:g} of 100"
    return f"roughly {t.benefit:g} of 100 (between {t.low:g} and {t.high:g})"


def _review(a: _Answers, ask: Ask, say: Say, catalog: Catalog) -> Profile:
    """Show every answer; change any the person picks; return the profile once they are done."""
    while True:
        items = _items(a, ask, say, catalog)
        say("")
        say("Here are your answers. Please check them.")
        for i, (label, shown, _) in enumerate(items, start=1):
            say(f"  {i:>2}. {label}: {shown}")

        def pick(answer: str, n: int = len(items)) -> int | None:
            if not answer:
                return None
            if answer.isdigit() and 1 <= int(answer) <= n:
                return int(answer) - 1
            msg = f"please type a number from 1 to {n}, or press Enter to save."
            raise _AnswerError(msg)

        chosen = _ask_until(
            ask, say, "Type the number of an answer to change it, or press Enter to save: ", pick
        )
        if chosen is not None:
            say("")
            items[chosen][2]()
            continue
        try:
            return _profile(a, catalog)
        except ProfileError as exc:  # a combination the profile refuses: say so, and ask again
            say("")
            say(f"These answers do not fit together yet: {exc.problem}. Please change one.")


# -- the questions ---------------------------------------------------------------------------------

_NEEDLES = "Would you accept a treatment that uses needles?"
_SURGERY = "Would you think about having surgery?"


def _ask_name(ask: Ask, say: Say) -> str:
    return _ask_until(
        ask, say, "What name should the report show? (Press Enter to leave it blank.) ", _name
    )


def _ask_concerns(ask: Ask, say: Say) -> tuple[str, ...]:
    say("Which of these bother you?")
    for i, c in enumerate(CONCERNS, start=1):
        say(f"  {i}. {CONCERN_LABELS[c].capitalize()}")
    return _ask_until(
        ask,
        say,
        "Type the numbers with commas, like 1,3. Press Enter for all of them: ",
        _concerns,
    )


def _ask_groups(a: _Answers, ask: Ask, say: Say, catalog: Catalog) -> None:
    a.path = _ask_path(ask, say)
    a.lasting = _ask_lasting(ask, say, a.path)
    if a.path == "swing":
        a.burdens = _ask_swings(ask, say, catalog, a.concerns)
    else:
        a.burdens = _ask_direct_burdens(ask, say, catalog, a.concerns)


def _ask_days(ask: Ask, say: Say) -> float | None:
    return _ask_until(
        ask,
        say,
        "What is the most days of time off you would accept? Press Enter for no limit: ",
        lambda x: _number(x, low=0, high=365, blank=True),
    )


def _ask_cost(ask: Ask, say: Say, currency: str) -> float | None:
    return _ask_until(
        ask,
        say,
        f"What is the most you would spend over {DEFAULT_HORIZON_YEARS:g} years, repeat "
        f"treatments included, in {currency}? Press Enter for no limit: ",
        lambda x: _number(x, low=0, high=None, blank=True),
    )


def _ask_iso(ask: Ask, say: Say) -> float | None:
    if not _ask_yes_no(
        ask, say, "Have you taken isotretinoin (Roaccutane) tablets for acne?", False
    ):
        return None
    return _ask_until(
        ask,
        say,
        "How many months ago did you stop? Type 0 if you still take it: ",
        lambda x: _number(x, low=0, high=1200),
    )


def _ask_skin(ask: Ask, say: Say) -> float | None:
    say("Which of these is closest to your skin?")
    for line in _SKIN_TYPES:
        say(f"  {line}")
    return _ask_until(
        ask,
        say,
        "Type a number from 1 to 6, or press Enter to skip: ",
        lambda x: _number(x, low=1, high=6, blank=True, whole=True),
    )


def _ask_sex(ask: Ask, say: Say) -> str | None:
    return _ask_until(ask, say, "Your sex: female, male or other? Press Enter to skip: ", _sex)


def run_interview(ask: Ask, say: Say, *, catalog: Catalog | None = None) -> Profile:
    """Ask the questions one by one, let the person check them, and return the profile.

    Args:
        ask: shows a prompt and returns the answer (``input`` on the command line). It may
            raise ``EOFError`` or ``KeyboardInterrupt`` to stop the interview; they propagate.
        say: shows a line of text (``print`` on the command line).
        catalog: the catalogue whose bounds, ranges and currency are shown (default: the
            shipped one).

    Returns:
        A value-tree profile: ``[tradeoff]`` from the choice between T and doing nothing, and
        either swing ratings over the fixed bounds (``method="swing"``,
        ``swing_range="bounds"``) or direct ratings (``method="direct"``) within each group;
        ``Profile.from_dict(p.to_dict()) == p``.
    """
    catalog = load_catalog() if catalog is None else catalog
    a = _Answers()
    say("This short interview asks what bothers you and what matters to you.")
    say("It takes about ten minutes. Press Ctrl-D at any time to stop. Nothing is saved then.")
    say("You can check and change every answer at the end.")
    say("This is not medical advice. Please talk with a doctor before any treatment.")
    say("")
    a.name = _ask_name(ask, say)
    say("")
    a.concerns = _ask_concerns(ask, say)
    a.tradeoff = _ask_tradeoff(ask, say, catalog, a.concerns)
    _ask_groups(a, ask, say, catalog)

    say("")
    say("Now some limits. Options past a limit are left out of the comparison.")
    a.max_days = _ask_days(ask, say)
    a.max_cost = _ask_cost(ask, say, catalog.currency)
    a.needles = _ask_yes_no(ask, say, _NEEDLES, True)
    a.surgery = _ask_yes_no(ask, say, _SURGERY, True)

    say("")
    say("Now some health questions. Some treatments are not safe for some people.")
    a.flags = {key: _ask_yes_no(ask, say, question, False) for key, question in HEALTH_QUESTIONS}
    a.iso = _ask_iso(ask, say)
    a.skin = _ask_skin(ask, say)
    a.sex = _ask_sex(ask, say)

    profile = _review(a, ask, say, catalog)
    ready = _ask_ready(ask, say)
    if ready is not None:
        profile = evolve(profile, ready=ready)
    say("")
    say("Thank you. That is all the questions.")
    say(f"Your ratings are saved as {PATHS[a.path]}.")
    return profile


def _skip_or_yes_no(answer: str) -> bool | None:
    """Yes or no; Enter (an empty answer) skips the check."""
    return None if not answer else _yes_no(answer)


def _ask_ready(ask: Ask, say: Say) -> Ready | None:
    """The four SURE questions, before the person reads the report; Enter at the first skips.

    The report prints them again to tick after reading, and shows these answers as "before
    reading": a "no" now is expected, since the report is what should help.
    """
    say("")
    say("Last, four quick questions on how ready you feel to choose, before you read the report.")
    say("There are no right answers. Your report asks them again at the end.")
    (first_key, first_q), *rest = SURE_QUESTIONS
    first = _ask_until(ask, say, f"{first_q} [y/n, or Enter to skip these] ", _skip_or_yes_no)
    if first is None:
        return None
    values = {first_key: first}
    for key, question in rest:
        values[key] = _ask_until(ask, say, f"{question} [y/n] ", _yes_no)
    return Ready(**values)


def write_profile(profile: Profile, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write ``profile`` as TOML to ``path`` atomically (a temporary file renamed into place).

    Raises:
        FileExistsError: ``path`` exists and ``force`` is false.
        OSError: the file could not be written; no partial file is left behind.
    """
    text = "# A profile written by `antiage-compare interview`.\n" + to_toml(profile.to_dict())
    return write_text_atomic(path, text, overwrite=force)
