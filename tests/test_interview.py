"""The interview, driven by scripted answers (right and wrong), and the profile file it writes.

The trade-off is asked as a choice between treatment T and doing nothing, narrowed by
bisection (docs/methods.md, section 3); the ratings within each group are swings over the fixed
bounds or quick 0–10 ratings; a review screen lets every answer be changed.
"""

from __future__ import annotations

import io
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antiage_compare import load_catalog
from antiage_compare.cli import main
from antiage_compare.criteria import BY_ID, CRITERIA
from antiage_compare.interview import (
    HEALTH_QUESTIONS,
    TRADEOFF_QUESTIONS,
    TRADEOFF_TOLERANCE,
    benefit_from_burden,
    benefit_from_effect,
    catalogue_range,
    narrow_tradeoff,
    run_interview,
    share_at,
    write_profile,
)
from antiage_compare.profile import BURDEN_CRITERIA, Profile, load_profile
from antiage_compare.scoring import compare


class Script:
    """Plays the person: answers prompts in order and records everything shown."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.lines: list[str] = []

    def ask(self, prompt: str) -> str:
        """Return the next scripted answer; raise EOFError (Ctrl-D) when the script ends."""
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)

    def say(self, line: str) -> None:
        """Record a line shown to the person."""
        self.lines.append(line)

    @property
    def sorry(self) -> list[str]:
        """The lines that refused an answer."""
        return [line for line in self.lines if line.startswith("Sorry,")]


def _io(s: Script) -> tuple[Callable[[str], str], Callable[[str], None]]:
    """The script's ask and say functions, for run_interview(*_io(script))."""
    return s.ask, s.say


#: Take T at full effect, then narrow on the effect: 75.3 points on the benefits (worked below).
BRANCH_EFFECT = ["1", "1", "2", "1", "2", "1"]
#: Do nothing at full effect, then narrow on the burdens: 36.6 points.
BRANCH_BURDEN = ["2", "1", "2", "2", "1", "2"]
#: Take T at full effect, not at half the effect, then "too close to call" at three quarters.
EARLY_STOP = ["1", "2", "3"]
#: Swing path: Enter (the default, 1), a short-lived effect worth 40 of 100, time off (3) most
#: wanted, then the other five burdens in order.
SWINGS = ["", "40", "3", "80", "20", "40", "30", "10"]
SWING_RATINGS = {
    "serious_risk": 80.0,
    "side_effects": 20.0,
    "downtime": 100.0,
    "invasiveness": 40.0,
    "cost": 30.0,
    "sessions": 10.0,
}
#: Direct path: 2, lasting 4 of 10, then the six burdens 0-10.
DIRECT = ["2", "4", "9", "4", "7", "5", "4", "3"]
HEALTH_DEFAULT = [""] * len(HEALTH_QUESTIONS)  # Enter: the stated default, no


def answers(tradeoff: list[str] = BRANCH_EFFECT, groups: list[str] = SWINGS) -> list[str]:
    """A complete, valid set of answers, up to the review screen (no isotretinoin, type 3)."""
    return [
        "Ann Example",
        "1,3",
        *tradeoff,
        *groups,
        "14",
        "10000",
        "",  # needles: Enter, yes
        "",  # surgery: Enter, yes
        *HEALTH_DEFAULT,
        "",  # isotretinoin: Enter, no
        "3",
        "female",
    ]


#: The SURE check after the review: Enter at its first question skips it.
SKIP_READY = [""]


def good_answers(**kw: list[str]) -> list[str]:
    """A complete set of answers, saved at the review screen with Enter, the SURE check skipped."""
    return [*answers(**kw), "", *SKIP_READY]


def interview(script: list[str]) -> tuple[Profile, Script]:
    s = Script(script)
    p = run_interview(s.ask, s.say)
    assert s.answers == [], "every scripted answer was asked for"
    return p, s


# -- the formulas and the bisection -----------------------------------------------------------


@given(st.floats(0.001, 1.0))
def test_effect_formula_is_the_indifference_of_t_and_doing_nothing(e: float) -> None:
    """b·e (T: effect e, burdens at 0) equals 1 − b (nothing: no effect, burdens at 1)."""
    b = benefit_from_effect(e) / 100.0
    assert b * e == pytest.approx(1.0 - b, abs=1e-12)


@given(st.floats(0.0, 1.0))
def test_burden_formula_is_the_indifference_of_t_and_doing_nothing(u: float) -> None:
    """b·1 + (1 − b)·u (T: full effect, burdens at u) equals 1 − b (doing nothing)."""
    b = benefit_from_burden(u) / 100.0
    assert b + (1.0 - b) * u == pytest.approx(1.0 - b, abs=1e-12)


def test_the_two_branches_meet_at_an_even_split_and_rise_with_the_position() -> None:
    """Position 0 (full effect, worst burdens) is 50; the share rises from 0 to 100."""
    assert share_at(0.0) == 50.0
    assert share_at(-1.0) == 0.0
    assert share_at(1.0) == 100.0
    xs = [i / 64 - 1 for i in range(129)]
    shares = [share_at(x) for x in xs]
    assert shares == sorted(shares)
    assert pytest.approx(100 / 64 + 0.05) == TRADEOFF_TOLERANCE


def _consistent(s: float) -> Callable[[float], str]:
    """A person whose benefits' share is s: takes T exactly when T is worth more to them."""
    return lambda x: "take" if s > share_at(x) else "nothing"


@given(st.floats(0.01, 99.99))
def test_bisection_finds_any_share_within_the_tolerance(s: float) -> None:
    """Consistent answers give a share within TRADEOFF_TOLERANCE, with no range."""
    t = narrow_tradeoff(_consistent(s))
    assert abs(t.benefit - s) <= TRADEOFF_TOLERANCE
    assert t.low is None


def test_the_scripted_branches_give_the_worked_shares() -> None:
    """The worked examples of docs/methods.md, through the whole interview."""
    # Effect branch: the bracket ends at 0.65625..0.6875, so e = 1 − 0.671875 = 0.328125.
    p, _ = interview(good_answers(tradeoff=BRANCH_EFFECT))
    assert p.tradeoff is not None
    assert p.tradeoff.benefit == 75.3 == round(100 / 1.328125, 1)
    # Burden branch: the bracket ends at u = 0.40625..0.4375, so u = 0.421875.
    p, _ = interview(good_answers(tradeoff=BRANCH_BURDEN))
    assert p.tradeoff is not None
    assert p.tradeoff.benefit == 36.6 == round(100 * 0.578125 / 1.578125, 1)
    assert p.tradeoff.low is None


def test_too_close_to_call_stops_early_with_a_range() -> None:
    """3 at the third question: the share asked (57.1) and the bracket's shares as a range."""
    p, s = interview(good_answers(tradeoff=EARLY_STOP))
    assert p.tradeoff is not None
    assert (p.tradeoff.benefit, p.tradeoff.low, p.tradeoff.high) == (57.1, 50.0, 66.7)
    assert sum(line.startswith("Question ") for line in s.lines) == 3
    assert any("between 50 and 66.7 of 100 points" in line for line in s.lines)


def _level(lines: list[str]) -> tuple[float, float]:
    """The effect level e and burden level u of the last T described (as a person reads them)."""
    i = max(j for j, line in enumerate(lines) if line.startswith("Treatment T gives"))
    m = re.search(r"effect ([\d.]+)% the size", lines[i])
    e = float(m.group(1)) / 100 if m else 1.0
    m = re.search(r"lighter: ([\d.]+)% of the way", lines[i + 2])
    u = float(m.group(1)) / 100 if m else 0.0
    return e, u


@given(st.floats(0.01, 99.99))
def test_a_person_with_a_known_share_writes_that_share(s: float) -> None:
    """The whole interview, answered by a person who reads T and weighs it with share s.

    The person compares s·e + (1 − s)·u (T) with 1 − s (doing nothing). The written share is
    within the bisection's tolerance of s, plus 0.05 for T's level being shown to 0.1%.
    """
    b = s / 100
    rest = good_answers(tradeoff=[], groups=SWINGS)[2:]
    script = Script(["Ann", "1"])

    def ask(prompt: str) -> str:
        if prompt.startswith("Type 1 for treatment T"):
            script.prompts.append(prompt)
            e, u = _level(script.lines)
            return "1" if b * e + (1 - b) * u > 1 - b else "2"
        if not script.answers:
            script.answers = rest
        return script.ask(prompt)

    p = run_interview(ask, script.say)
    assert p.tradeoff is not None
    assert abs(p.tradeoff.benefit - s) <= TRADEOFF_TOLERANCE + 0.05
    assert script.prompts.count(next(q for q in script.prompts if q.startswith("Type 1 for"))) == (
        TRADEOFF_QUESTIONS
    )


def test_t_is_described_with_the_catalogues_bound_figures() -> None:
    """T's burdens are the criteria's worst bounds; lighter ones are the figures at that value."""
    _, s = interview(good_answers(tradeoff=BRANCH_BURDEN))
    text = "\n".join(s.lines)
    for words in (
        "a marked visible effect on fine lines and loose or sagging skin",
        "a 100 in 1,000 chance of a serious complication",
        "in 1,000 of 1,000 people (everyone)",
        "28 days off",
        "what is done: an operation",
        "USD 20,000 over 5 years",
        "20 clinic visits over 5 years",
    ):
        assert words in text
    # The second question (burden branch) is halfway along every scale.
    assert "Its burdens are lighter: 50% of the way" in text
    assert "14 days off" in text
    assert f"a {round(BY_ID['serious_risk'].figure(0.5))} in 1,000 chance" in text
    assert "USD 1,818 over 5 years" in text


@pytest.mark.parametrize("criterion", CRITERIA, ids=lambda c: c.id)
@given(v=st.floats(0, 1))
def test_figure_is_the_inverse_of_the_value_function(criterion: object, v: float) -> None:
    """criterion.value(criterion.figure(v)) == v: T's lighter burdens score exactly u."""
    from antiage_compare.criteria import Criterion

    assert isinstance(criterion, Criterion)
    assert criterion.value(criterion.figure(v)) == pytest.approx(v, abs=1e-9)


# -- the whole interview ---------------------------------------------------------------------


def test_swing_answers_give_the_expected_profile() -> None:
    """The default path writes swings over the fixed bounds, and says which method it used."""
    p, s = interview(good_answers())
    assert p.name == "Ann Example"
    assert p.concerns == ("fine_lines", "laxity")
    assert (p.method, p.swing_range) == ("swing", "bounds")
    assert dict(p.swing) == {"effectiveness": 100.0, "durability": 60.0, **SWING_RATINGS}
    assert p.limits.max_downtime_days == 14
    assert p.limits.max_cost == 10000
    assert p.limits.needles
    assert p.limits.surgery
    assert not p.health.pregnant
    assert p.health.isotretinoin_months_ago is None
    assert p.health.fitzpatrick == 3
    assert p.health.sex == "female"
    assert Profile.from_dict(p.to_dict()) == p
    assert "Your ratings are saved as comparing changes" in s.lines[-1]
    assert "Going from 28 days off before you feel fine to be seen to none" in "\n".join(s.lines)
    weights = compare(p).weights
    assert weights.lasting == pytest.approx(0.6)
    assert weights.benefit == pytest.approx(0.753)
    burden = {c: weights.values[c] for c in BURDEN_CRITERIA}
    assert burden["downtime"] / burden["serious_risk"] == pytest.approx(100 / 80)


def test_direct_answers_give_the_expected_profile() -> None:
    """The quick path writes direct 0-10 ratings, the effect at 10."""
    p, s = interview(good_answers(groups=DIRECT))
    assert p.method == "direct"
    assert dict(p.importance) == {
        "effectiveness": 10.0,
        "durability": 4.0,
        **dict(zip(BURDEN_CRITERIA, map(float, DIRECT[2:]), strict=True)),
    }
    assert "direct ratings" in s.lines[-1]


def test_every_direct_question_shows_the_catalogue_range_and_bounds() -> None:
    """Every burden's quick question comes with its range in the catalogue and its fixed scale."""
    _, s = interview(good_answers(groups=DIRECT))
    for cid in BURDEN_CRITERIA:
        q = BY_ID[cid].question
        i = s.lines.index(next(line for line in s.lines if line.endswith(q)))
        assert s.lines[i + 1].startswith("In this catalogue, ")
        assert s.lines[i + 2].startswith("The score scale is fixed: ")
    downtime = next(line for line in s.lines if "time off ranges" in line)
    lo, hi = catalogue_range(BY_ID["downtime"], load_catalog(), ("fine_lines", "laxity"))
    assert f"{hi:g} days (worst) to {lo:g} days (best)" in downtime


def test_every_burden_rated_zero_is_asked_again() -> None:
    """The burdens share part of the weight, so all six at 0 are asked again."""
    groups = [*DIRECT[:2], *["0"] * 6, *DIRECT[2:]]
    p, s = interview(good_answers(groups=groups))
    assert any("rated every burden 0" in line for line in s.lines)
    assert p.importance["serious_risk"] == 9


#: Each script, and a wrong answer for each of its questions ("maybe" fits none but the name).
SCRIPTS = {
    "swing": good_answers(),
    "direct": good_answers(groups=DIRECT),
    "burden-branch": good_answers(tradeoff=BRANCH_BURDEN),
    "early-stop": good_answers(tradeoff=EARLY_STOP),
}
CASES = [(name, i) for name, script in SCRIPTS.items() for i in range(len(script))]


@pytest.mark.parametrize(("name", "i"), CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_bad_input_at_any_question_is_refused_and_asked_again(name: str, i: int) -> None:
    """A wrong answer to question i gets one 'Sorry, ...' and the same question again."""
    script = SCRIPTS[name]
    expected, _ = interview(script)
    bad = "x" * 300 if i == 0 else "maybe"
    p, s = interview([*script[:i], bad, *script[i:]])
    assert p == expected
    assert len(s.sorry) == 1
    assert s.prompts[i] == s.prompts[i + 1], "the same question again"


def test_yes_no_questions_take_enter_for_the_stated_default() -> None:
    """Needles and surgery default to yes ([Y/n]); the health questions to no ([y/N])."""
    p, s = interview(good_answers())
    assert "Would you accept a treatment that uses needles? [Y/n] " in s.prompts
    assert all(f"{q} [y/N] " in s.prompts for _, q in HEALTH_QUESTIONS)
    assert p.limits.needles
    assert p.limits.surgery
    assert not any(getattr(p.health, f) for f, _ in HEALTH_QUESTIONS)


def test_the_review_screen_lists_every_answer() -> None:
    """Every answer appears on the review screen, numbered."""
    _, s = interview(good_answers())
    start = s.lines.index("Here are your answers. Please check them.")
    review = s.lines[start + 1 :]
    for words in (
        "1. Name: Ann Example",
        "Points on a visible effect: 75.3 of 100",
        "comparing changes over the fixed scales",
        "fades within weeks is worth 40 of 100",
        "Going from 28 days off before you feel fine to be seen to none: 100 points",
        "Most days off: 14",
        "USD 10,000",
        "Do you smoke?: no",
        "Skin type: 3",
        "Sex: female",
    ):
        assert any(words in line for line in review), words


def test_an_answer_changed_at_the_review_screen_is_the_one_written() -> None:
    """Change the trade-off (3), a swing (7), the sex (the last line), then save."""
    script = [
        *answers(),
        "3",
        *BRANCH_BURDEN,
        "7",
        "55",
        str(REVIEW_SEX),
        "male",
        "",
        *SKIP_READY,
    ]
    p, s = interview(script)
    assert p.tradeoff is not None
    assert p.tradeoff.benefit == 36.6
    assert p.swing["side_effects"] == 55
    assert p.health.sex == "male"
    assert s.lines.count("Here are your answers. Please check them.") == 4


def test_changing_the_way_of_rating_asks_the_group_questions_again() -> None:
    """From swings to quick ratings at the review screen: the profile is a direct one."""
    p, _ = interview([*answers(), "4", *DIRECT, "", *SKIP_READY])
    assert p.method == "direct"
    assert p.importance["serious_risk"] == 9


def test_answers_that_do_not_fit_together_are_sent_back_to_the_review() -> None:
    """Every burden changed to 0 at the review: saving says why, and asks for a change."""
    zeros = [x for n in range(6, 12) for x in (str(n), "0")]
    p, s = interview([*answers(groups=DIRECT), *zeros, "", "6", "5", "", *SKIP_READY])
    assert any("do not fit together yet" in line for line in s.lines)
    assert p.importance["serious_risk"] == 5


def test_empty_concerns_mean_all() -> None:
    """Pressing Enter at the concern list keeps every concern (an empty tuple)."""
    script = good_answers()
    script[1] = ""
    p, s = interview(script)
    assert p.concerns == ()
    assert any("on fine lines, wrinkles" in line for line in s.lines)


def test_catalogue_range_uses_typical_figures() -> None:
    """The shown range is the lowest and highest typical figure in the catalogue."""
    cat = load_catalog()
    lo, hi = catalogue_range(BY_ID["sessions"], cat) or (None, None)
    assert lo == 0  # "no procedure" needs no visits
    assert hi is not None
    assert hi > lo
    assert catalogue_range(BY_ID["sessions"], cat.only()) == (0, 0)


def test_eof_stops_the_interview() -> None:
    """Ctrl-D part-way through raises EOFError out of run_interview (nothing is returned)."""
    s = Script(good_answers()[:5])
    with pytest.raises(EOFError):
        run_interview(s.ask, s.say)


def test_interview_text_is_plain() -> None:
    """The interview's own words read at grade 8 or below (Flesch–Kincaid)."""
    readability = pytest.importorskip("antiage_compare.report.readability")
    for script in (good_answers(), good_answers(groups=DIRECT)):
        _, s = interview(script)
        questions = {c.question for c in CRITERIA}
        own = [t for t in s.lines + s.prompts if t.strip() and t not in questions]
        grade = readability.reading_grade("\n".join(own))
        assert grade <= 8, grade


def test_write_profile_round_trips(tmp_path: Path) -> None:
    """The written TOML loads with load_profile and equals the interviewed profile."""
    p, _ = interview(good_answers(tradeoff=EARLY_STOP))
    path = write_profile(p, tmp_path / "ann.toml")
    assert load_profile(path) == p
    assert "swing_range" in path.read_text(encoding="utf-8")
    assert compare(load_profile(path)).ids
    assert [x.name for x in tmp_path.iterdir()] == ["ann.toml"]  # no temporary file left


def test_write_profile_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing file is kept unless force is given."""
    p, _ = interview(good_answers())
    path = tmp_path / "p.toml"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_profile(p, path)
    assert path.read_text(encoding="utf-8") == "keep me"
    write_profile(p, path, force=True)
    assert load_profile(path) == p


# -- the command line -------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, script: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(a + "\n" for a in script)))


def test_cli_interview_writes_a_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`interview -o FILE` asks on stdout, writes FILE, and compare/report-ready it is."""
    path = tmp_path / "me.toml"
    _stdin(monkeypatch, ["", *good_answers()[1:]])
    assert main(["interview", "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Which of these bother you?" in out
    assert f"Saved your answers to {path}" in out
    profile = load_profile(path)
    assert profile.concerns == ("fine_lines", "laxity")
    assert main(["compare", str(path)]) == 0
    assert main(["validate", str(path)]) == 0
    assert "valid profile" in capsys.readouterr().out


def test_cli_interview_eof_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-D (end of input) stops with status 1, a clear message, and no file."""
    path = tmp_path / "me.toml"
    _stdin(monkeypatch, good_answers()[:3])
    assert main(["interview", "-o", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "antiage-compare: stopped; nothing was saved"
    assert list(tmp_path.iterdir()) == []


def test_cli_interview_refuses_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing -o file is refused before any question, unless --force is given."""
    path = tmp_path / "me.toml"
    path.write_text("old", encoding="utf-8")
    _stdin(monkeypatch, good_answers())
    assert main(["interview", "-o", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "already exists" in captured.err
    assert "--force" in captured.err
    assert captured.err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == "old"
    assert main(["interview", "-o", str(path), "--force"]) == 0
    assert load_profile(path).name == "Ann Example"


def test_cli_interview_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder that does not exist is reported before any question is asked."""
    assert main(["interview", "-o", str(tmp_path / "nope" / "me.toml")]) == 2
    captured = capsys.readouterr()
    assert "does not exist" in captured.err
    assert captured.out == ""


def test_cli_interview_with_a_clinic_uses_its_currency_and_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --clinic, T's cost and the cost question use the clinic's currency and cost scale."""
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(
        'schema_version = 1\n[clinic]\nname = "C"\ncompeting_interests = "We sell them."\n'
        'currency = "EUR"\n[cost_scale]\nworst = 18000\n',
        encoding="utf-8",
    )
    _stdin(monkeypatch, good_answers())
    assert main(["interview", "-o", str(tmp_path / "p.toml"), "--clinic", str(clinic)]) == 0
    out = capsys.readouterr().out
    assert "in EUR?" in out
    assert "EUR 18,000 over 5 years" in out
    assert "USD" not in out
    limits = load_profile(tmp_path / "p.toml").limits
    assert (limits.max_cost, limits.currency) == (10000, "EUR"), "the budget keeps its currency"


# -- in a real terminal ----------------------------------------------------------------------


def _read_until(fd: int, wanted: str, seen: list[str], timeout: float = 30.0) -> None:
    """Read the terminal's output until ``wanted`` appears (or fail after ``timeout``)."""
    end = time.monotonic() + timeout
    while wanted not in seen[0]:
        left = end - time.monotonic()
        if left <= 0:
            pytest.fail(f"waited for {wanted!r}; the terminal shows:\n{seen[0][-2000:]}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                pytest.fail(f"the interview ended before {wanted!r}:\n{seen[0][-2000:]}")
            seen[0] += chunk.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_the_interview_in_a_real_terminal(tmp_path: Path) -> None:
    """`python -m antiage_compare interview -o FILE` in a pseudo-terminal, typed as a person would.

    Each answer is typed only once its question is on the screen; the file written is the one
    the same answers give through run_interview.
    """
    import pty

    path = tmp_path / "me.toml"
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TERM": "dumb"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "antiage_compare", "interview", "-o", str(path)],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        close_fds=True,
        env=env,
    )
    os.close(child_fd)
    script = good_answers(tradeoff=EARLY_STOP)
    expected, s = interview(script)
    seen = [""]
    try:
        for prompt, answer in zip(s.prompts, script, strict=True):
            _read_until(main_fd, prompt.rstrip(), seen)
            seen[0] = seen[0][seen[0].index(prompt.rstrip()) + len(prompt.rstrip()) :]
            os.write(main_fd, answer.encode() + b"\r")
        _read_until(main_fd, "Saved your answers to", seen)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(main_fd)
    assert load_profile(path) == expected


# -- the consultant's guide shows a real interview ---------------------------------------------

#: The review screen's line numbers of the skin type and sex: 15 lines before the health questions,
#: then one per health question, isotretinoin, skin type, sex.
REVIEW_SKIN_TYPE = 15 + len(HEALTH_QUESTIONS) + 2
REVIEW_SEX = REVIEW_SKIN_TYPE + 1

#: The answers of the interview shown in docs/consultant-guide.md, in order: concerns wrinkles
#: and loose skin; T at full effect, not at half, T at three quarters, too close to call at five
#: eighths; swings with time off most wanted; needles yes, surgery no; at the review, the skin
#: type changed from "skip" to 2; then saved.
TRANSCRIPT_ANSWERS = [
    "Maria",
    "2,3",
    *["1", "2", "1", "3"],
    *["", "30", "1", "70", "15", "50", "25", "10"],
    *["14", "6000", "", "no"],
    *[""] * len(HEALTH_QUESTIONS),
    *["", "", "female"],
    *[str(REVIEW_SKIN_TYPE), "2", ""],
    *["yes", "no", "yes", "yes"],
]
GUIDE = Path(__file__).resolve().parents[1] / "docs" / "consultant-guide.md"


def transcript() -> str:
    """The interview with TRANSCRIPT_ANSWERS, as the terminal shows it (each answer typed after its prompt)."""
    out: list[str] = []
    answers = iter(TRANSCRIPT_ANSWERS)

    def ask(prompt: str) -> str:
        answer = next(answers)
        out.append(prompt + answer)
        return answer

    profile = run_interview(ask, out.append)
    assert next(answers, None) is None
    from antiage_compare._dump import to_toml

    return "\n".join(out) + "\n\n# my-profile.toml\n" + to_toml(profile.to_dict())


def test_the_consultants_guide_shows_a_real_interview(request: pytest.FixtureRequest) -> None:
    """The transcript in the guide is what the interview prints for its answers, word for word.

    It quotes the catalogue's figures, so a data change changes it: ``pytest --update-gold``
    rewrites the block (then read the diff).
    """
    text = GUIDE.read_text(encoding="utf-8")
    m = re.search(r"<!-- interview transcript -->\n```text\n(.*?)```", text, flags=re.S)
    assert m, "the guide has the transcript block"
    if request.config.getoption("--update-gold"):
        text = text[: m.start(1)] + transcript().rstrip("\n") + "\n" + text[m.end(1) :]
        GUIDE.write_text(text, encoding="utf-8")
        m = re.search(r"<!-- interview transcript -->\n```text\n(.*?)```", text, flags=re.S)
        assert m
    assert m.group(1).rstrip("\n") == transcript().rstrip("\n")
