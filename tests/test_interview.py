"""The interview, driven by scripted answers (right and wrong), and the profile file it writes."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from antiage_compare import load_catalog
from antiage_compare.cli import main
from antiage_compare.criteria import BY_ID
from antiage_compare.interview import (
    ASKED,
    HEALTH_QUESTIONS,
    catalogue_range,
    run_interview,
    write_profile,
)
from antiage_compare.profile import Profile, load_profile
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
    def text(self) -> str:
        """Everything shown, prompts included, in order of appearance (roughly)."""
        return "\n".join(self.lines + self.prompts)


def _io(s: Script) -> tuple[Callable[[str], str], Callable[[str], None]]:
    """The script's ask and say functions, for run_interview(*_io(script))."""
    return s.ask, s.say


#: The benefits' share of the weight, asked first (0-100).
TRADEOFF = "60"
#: One rating per question asked, in the order of interview.ASKED (every criterion but evidence).
IMPORTANCE = ["8", "9", "4", "7", "5", "4", "3", "5"]
HEALTH_NO = ["no"] * len(HEALTH_QUESTIONS)


def good_answers() -> list[str]:
    """A complete, valid set of answers (no isotretinoin, skin type 3, female)."""
    return [
        "Ann Example",
        "1,3",
        TRADEOFF,
        *IMPORTANCE,
        "14",
        "10000",
        "yes",
        "yes",
        *HEALTH_NO,
        "no",
        "3",
        "female",
    ]


def test_good_answers_give_the_expected_profile() -> None:
    """Valid answers become a direct-weighting profile with every answer in its place."""
    s = Script(good_answers())
    p = run_interview(s.ask, s.say)
    assert s.answers == []
    assert p.name == "Ann Example"
    assert p.concerns == ("fine_lines", "laxity")
    assert p.method == "direct"
    assert p.tradeoff is not None
    assert p.tradeoff.benefit == 60
    assert dict(p.importance) == {c.id: float(x) for c, x in zip(ASKED, IMPORTANCE, strict=True)}
    assert p.limits.max_downtime_days == 14
    assert p.limits.max_cost == 10000
    assert p.limits.needles
    assert p.limits.surgery
    assert not p.health.pregnant
    assert p.health.isotretinoin_months_ago is None
    assert p.health.fitzpatrick == 3
    assert p.health.sex == "female"
    assert Profile.from_dict(p.to_dict()) == p


def test_wrong_answers_are_asked_again_with_a_plain_message() -> None:
    """Each invalid answer gets a short 'Sorry, ...' and the same question again."""
    answers = [
        "x" * 300,  # name too long
        "Bo",
        "9,1",  # concern out of range
        "one",  # not a number
        "2, 2,5",  # duplicates are fine, spaces too
        "150",  # trade-off above 100
        TRADEOFF,
        "eleven",  # importance: not a number
        "11",  # above 10
        "-1",  # below 0
        "nan",
        *IMPORTANCE,
        "soon",  # max days: not a number
        "",  # no limit
        "1,500.50",  # thousands separator accepted
        "maybe",  # yes/no
        "N",
        "YES",
        *HEALTH_NO[:-1],
        "y",  # active skin infection
        "yes",  # isotretinoin
        "-3",
        "4",
        "7",  # skin type out of range
        "2.5",  # not whole
        "",  # skip
        "woman",
        "",
    ]
    s = Script(answers)
    p = run_interview(s.ask, s.say)
    assert s.answers == []
    sorry = [line for line in s.lines if line.startswith("Sorry,")]
    assert len(sorry) == 14
    assert any("under 200 letters" in line for line in sorry)
    assert any("'9' is not on the list" in line for line in sorry)
    assert any("between 0 and 10" in line for line in sorry)
    assert any("between 0 and 100" in line for line in sorry)
    assert any("yes or no" in line for line in sorry)
    assert any("female, male or other" in line for line in sorry)
    assert p.name == "Bo"
    assert p.concerns == ("wrinkles", "pigmentation")
    assert p.limits.max_downtime_days is None
    assert p.limits.max_cost == 1500.5
    assert p.limits.needles is False
    assert p.limits.surgery is True
    assert p.health.active_skin_infection is True
    assert p.health.isotretinoin_months_ago == 4
    assert p.health.fitzpatrick is None
    assert p.health.sex is None
    # A prompt is repeated exactly once per wrong answer to it.
    assert s.prompts.count("Your answer, 0 to 10: ") == len(IMPORTANCE) + 4


@pytest.mark.parametrize(
    ("zeros", "says"),
    [
        ([0], "rated the effect 0"),
        ([1, 2, 3, 4, 5, 6], "rated every burden 0"),
    ],
)
def test_a_group_rated_all_zero_is_asked_again(zeros: list[int], says: str) -> None:
    """A group given weight but no rated criterion is asked again, saying which group."""
    answers = good_answers()
    i = answers.index(TRADEOFF, 2) + 1
    first = list(IMPORTANCE)
    for j in zeros:
        first[j] = "0"
    answers[i:i] = first
    s = Script(answers)
    p = run_interview(s.ask, s.say)
    assert any(says in line for line in s.lines)
    assert dict(p.importance) == {c.id: float(x) for c, x in zip(ASKED, IMPORTANCE, strict=True)}
    assert s.prompts.count("Your answer, 0 to 10: ") == 2 * len(ASKED)


def test_empty_concerns_mean_all() -> None:
    """Pressing Enter at the concern list keeps every concern (an empty tuple)."""
    answers = good_answers()
    answers[1] = ""
    p = run_interview(*_io(Script(answers)))
    assert p.concerns == ()


def test_each_importance_question_shows_the_catalogue_range_and_bounds() -> None:
    """Every criterion's question comes with its range in the catalogue and its fixed scale."""
    s = Script(good_answers())
    run_interview(s.ask, s.say)
    for c in ASKED:
        i = s.lines.index(next(line for line in s.lines if line.endswith(c.question)))
        assert s.lines[i + 1].startswith("In this catalogue, ")
        assert s.lines[i + 2].startswith("The score scale is fixed: ")
    downtime = next(line for line in s.lines if "time off ranges" in line)
    lo, hi = catalogue_range(BY_ID["downtime"], load_catalog(), ("fine_lines", "laxity"))
    assert f"{hi:g} days (worst) to {lo:g} days (best)" in downtime
    assert "28 days scores 0" in "\n".join(s.lines)
    cost = next(
        line
        for line in s.lines
        if "the cost over 5 years (repeat treatments included) ranges" in line
    )
    assert "USD" in cost


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


def test_interview_text_is_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """The interview's own words read at grade 8 or below (Flesch–Kincaid)."""
    readability = pytest.importorskip("antiage_compare.report.readability")
    s = Script(good_answers())
    run_interview(s.ask, s.say)
    questions = {c.question for c in ASKED}
    own = [t for t in s.lines + s.prompts if t.strip() and t not in questions]
    grade = readability.reading_grade("\n".join(own))
    assert grade <= 8, grade


def test_write_profile_round_trips(tmp_path: Path) -> None:
    """The written TOML loads with load_profile and equals the interviewed profile."""
    p = run_interview(*_io(Script(good_answers())))
    path = write_profile(p, tmp_path / "ann.toml")
    assert load_profile(path) == p
    assert compare(load_profile(path)).ids
    assert [x.name for x in tmp_path.iterdir()] == ["ann.toml"]  # no temporary file left


def test_write_profile_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing file is kept unless force is given."""
    p = run_interview(*_io(Script(good_answers())))
    path = tmp_path / "p.toml"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_profile(p, path)
    assert path.read_text(encoding="utf-8") == "keep me"
    write_profile(p, path, force=True)
    assert load_profile(path) == p


# -- the command line -------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(a + "\n" for a in answers)))


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


def test_cli_interview_with_a_clinic_uses_its_currency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --clinic, the cost question names the clinic's currency."""
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(
        'schema_version = 1\n[clinic]\nname = "C"\ncompeting_interests = "We sell them."\n'
        'currency = "EUR"\n[cost_scale]\nworst = 18000\n',
        encoding="utf-8",
    )
    _stdin(monkeypatch, good_answers())
    assert main(["interview", "-o", str(tmp_path / "p.toml"), "--clinic", str(clinic)]) == 0
    assert "in EUR?" in capsys.readouterr().out
    limits = load_profile(tmp_path / "p.toml").limits
    assert (limits.max_cost, limits.currency) == (10000, "EUR"), "the budget keeps its currency"
