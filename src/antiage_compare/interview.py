"""A short interview that builds a :class:`~antiage_compare.profile.Profile`, one question at a time.

:func:`run_interview` is pure: it talks through two callables, ``ask`` (show a prompt, return the
answer) and ``say`` (show a line), so an app, a test or the command line
(``antiage-compare interview -o PROFILE``) can drive it. Each answer is checked at once; a wrong
answer gets a plain message and the same question again. Importance is asked with each
criterion's range across the catalogue in view, because a weight only means something next to the
range it covers (see ``docs/methods.md``). ``ask`` may raise :class:`EOFError` (Ctrl-D) or
:class:`KeyboardInterrupt` to stop; :func:`run_interview` lets both through and has no side
effects.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from antiage_compare._dump import to_toml
from antiage_compare._files import write_text_atomic
from antiage_compare.catalog import Catalog
from antiage_compare.criteria import CRITERIA, Criterion, performance
from antiage_compare.loading import load_catalog
from antiage_compare.model import CONCERN_LABELS, CONCERNS, Certainty, Invasiveness, NoData
from antiage_compare.profile import Health, Limits, Profile, Tradeoff
from antiage_compare.wording import number

__all__ = ["Ask", "Say", "catalogue_range", "run_interview", "write_profile"]

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


def _yes_no(answer: str) -> bool:
    a = answer.lower()
    if a in _YES:
        return True
    if a in _NO:
        return False
    msg = "please type yes or no."
    raise _AnswerError(msg)


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
    "cost": "the cost over 5 years (repeat treatments included)",
    "sessions": "the number of clinic visits over 5 years",
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
_BURDENS = ("serious_risk", "side_effects", "downtime", "invasiveness", "cost", "sessions")


def _ask_importance(
    ask: Ask, say: Say, catalog: Catalog, concerns: Sequence[str], benefit: float
) -> dict[str, float]:
    say("")
    say("Next: what matters to you. For each point, type a number from 0 to 10.")
    say("0 means it does not matter to you at all. 10 means it matters most.")
    say("The effect is compared with the effect only, and the burdens with each other.")
    while True:
        importance: dict[str, float] = {}
        for i, criterion in enumerate(ASKED, start=1):
            say("")
            say(f"{i} of {len(ASKED)}. {criterion.question}")
            say(_range_line(criterion, catalog, concerns))
            say(_bounds_line(criterion, catalog.info.currency))
            value = _ask_until(
                ask,
                say,
                "Your answer, 0 to 10: ",
                lambda a: _number(a, low=0, high=10),
            )
            assert value is not None
            importance[criterion.id] = value
        effect_ok = benefit <= 0 or importance["effectiveness"] > 0
        burden_ok = benefit >= 100 or any(importance[c] > 0 for c in _BURDENS)
        if effect_ok and burden_ok:
            return importance
        say("")
        if not effect_ok:
            say(
                "You gave part of the weight to a visible effect, but rated the effect 0. "
                "Let us try those again."
            )
        else:
            say(
                "You gave part of the weight to the burdens, but rated every burden 0. "
                "Let us try those again."
            )


def _ask_tradeoff(ask: Ask, say: Say) -> float:
    say("")
    say("First, the one question that decides most comparisons.")
    say("Think of 100 points. Some go to a visible effect on your concerns.")
    say("The rest go to avoiding what a treatment costs you: risks, side effects,")
    say("time off, needles or surgery, money and visits.")
    value = _ask_until(
        ask,
        say,
        "How many of the 100 points go to a visible effect? ",
        lambda a: _number(a, low=0, high=100),
    )
    assert value is not None
    return value


def run_interview(ask: Ask, say: Say, *, catalog: Catalog | None = None) -> Profile:
    """Ask the questions one by one and return the profile they describe.

    Args:
        ask: shows a prompt and returns the answer (``input`` on the command line). It may
            raise ``EOFError`` or ``KeyboardInterrupt`` to stop the interview; they propagate.
        say: shows a line of text (``print`` on the command line).
        catalog: the catalogue whose ranges are shown (default: the shipped one).

    Returns:
        A value-tree profile (``[tradeoff]`` and direct ratings within each group);
        ``Profile.from_dict(p.to_dict()) == p``.
    """
    catalog = load_catalog() if catalog is None else catalog
    currency = catalog.info.currency
    say("This short interview asks what bothers you and what matters to you.")
    say("It takes about five minutes. Press Ctrl-D at any time to stop. Nothing is saved then.")
    say("This is not medical advice. Please talk with a doctor before any treatment.")
    say("")
    name = _ask_until(
        ask, say, "What name should the report show? (Press Enter to leave it blank.) ", _name
    )

    say("")
    say("Which of these bother you?")
    for i, c in enumerate(CONCERNS, start=1):
        say(f"  {i}. {CONCERN_LABELS[c].capitalize()}")
    concerns = _ask_until(
        ask,
        say,
        "Type the numbers with commas, like 1,3. Press Enter for all of them: ",
        _concerns,
    )

    benefit = _ask_tradeoff(ask, say)
    importance = _ask_importance(ask, say, catalog, concerns, benefit)

    say("")
    say("Now some limits. Options past a limit are left out of the comparison.")
    max_days = _ask_until(
        ask,
        say,
        "What is the most days of time off you would accept? Press Enter for no limit: ",
        lambda a: _number(a, low=0, high=365, blank=True),
    )
    max_cost = _ask_until(
        ask,
        say,
        f"What is the most you would spend over 5 years, repeat treatments included, in "
        f"{currency}? Press Enter for no limit: ",
        lambda a: _number(a, low=0, high=None, blank=True),
    )
    needles = _ask_until(
        ask, say, "Would you accept a treatment that uses needles? (yes/no) ", _yes_no
    )
    surgery = _ask_until(ask, say, "Would you think about having surgery? (yes/no) ", _yes_no)

    say("")
    say("Last, some health questions. Some treatments are not safe for some people.")
    flags = {
        field: _ask_until(ask, say, f"{question} (yes/no) ", _yes_no)
        for field, question in HEALTH_QUESTIONS
    }
    iso: float | None = None
    if _ask_until(
        ask, say, "Have you taken isotretinoin (Roaccutane) tablets for acne? (yes/no) ", _yes_no
    ):
        iso = _ask_until(
            ask,
            say,
            "How many months ago did you stop? Type 0 if you still take it: ",
            lambda a: _number(a, low=0, high=1200),
        )
    say("Which of these is closest to your skin?")
    for line in _SKIN_TYPES:
        say(f"  {line}")
    skin = _ask_until(
        ask,
        say,
        "Type a number from 1 to 6, or press Enter to skip: ",
        lambda a: _number(a, low=1, high=6, blank=True, whole=True),
    )
    sex = _ask_until(ask, say, "Your sex: female, male or other? Press Enter to skip: ", _sex)
    say("")
    say("Thank you. That is all the questions.")
    return Profile(
        name=name,
        concerns=concerns,
        method="direct",
        tradeoff=Tradeoff(benefit=benefit),
        importance=importance,
        limits=Limits(
            max_downtime_days=max_days,
            max_cost=max_cost,
            currency=None if max_cost is None else catalog.currency,
            needles=needles,
            surgery=surgery,
        ),
        health=Health(
            pregnant=flags["pregnant"],
            breastfeeding=flags["breastfeeding"],
            anticoagulants=flags["anticoagulants"],
            keloid_tendency=flags["keloid_tendency"],
            smoker=flags["smoker"],
            cold_sores=flags["cold_sores"],
            neuromuscular_disorder=flags["neuromuscular_disorder"],
            active_skin_infection=flags["active_skin_infection"],
            isotretinoin_months_ago=iso,
            fitzpatrick=None if skin is None else int(skin),
            sex=sex,
        ),
    )


def write_profile(profile: Profile, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write ``profile`` as TOML to ``path`` atomically (a temporary file renamed into place).

    Raises:
        FileExistsError: ``path`` exists and ``force`` is false.
        OSError: the file could not be written; no partial file is left behind.
    """
    text = "# A profile written by `antiage-compare interview`.\n" + to_toml(profile.to_dict())
    return write_text_atomic(path, text, overwrite=force)
