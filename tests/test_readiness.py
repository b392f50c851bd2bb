"""Ready to decide (issue 18): the SURE check, "check what you have read" and the charts.

The SURE answers travel from the interview through the profile file to the report; the
understanding questions are computed from the person's own comparison and their answers are
checked against the figures; the weight-sensitivity chart is checked against the analysis by
applying the change it draws and watching first place change.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare.catalog import NO_PROCEDURE
from antiage_compare.criteria import burden_figures
from antiage_compare.errors import ProfileError
from antiage_compare.interview import run_interview, write_profile
from antiage_compare.model import Range
from antiage_compare.profile import SURE_QUESTIONS, Ready
from antiage_compare.report import ReportOptions, build_report_data, ipdas_audit, render_html
from antiage_compare.report.sections import (
    MAX_CHECKS,
    MIN_CHECKS,
    READY_HELP,
    grid_choice,
    ready,
    understanding,
)
from antiage_compare.schemas import load_schema
from antiage_compare.scoring import fits
from antiage_compare.uncertainty.analysis import analyse

from .test_interview import Script, answers
from .test_sensitivity import plain_path

TODAY = dt.date(2026, 12, 3)


def _options(**kw: Any) -> ReportOptions:
    return ReportOptions(today=TODAY, version="0.1.0-ready", **kw)


@pytest.fixture(scope="module")
def demo() -> tuple[ac.Comparison, Any]:
    c = ac.compare(ac.example_profile())
    return c, analyse(c, samples=2000, seed=7)


LAXITY = {
    "profile": {"name": "L", "concerns": ["laxity", "fine_lines"]},
    "tradeoff": {"benefit": 55},
    "importance": {"effectiveness": 9, "serious_risk": 8, "downtime": 6, "cost": 5},
}

ANSWERS = {"sure": False, "understand": True, "values": False, "support": True}


# -- the SURE answers: profile, file, schema ----------------------------------------------------


def test_sure_questions_are_the_instruments_own_words() -> None:
    """Légaré et al. 2010: four questions, in this order, not paraphrased."""
    assert [k for k, _ in SURE_QUESTIONS] == ["sure", "understand", "values", "support"]
    assert [q for _, q in SURE_QUESTIONS] == [
        "Do you feel SURE about the best choice for you?",
        "Do you know the benefits and risks of each option?",
        "Are you clear about which benefits and risks matter to you most?",
        "Do you have enough support and advice to make a choice?",
    ]


@given(st.lists(st.booleans(), min_size=4, max_size=4))
def test_ready_score_counts_the_yes_answers(flags: list[bool]) -> None:
    r = Ready(**dict(zip([k for k, _ in SURE_QUESTIONS], flags, strict=True)))
    assert r.score == sum(flags)
    assert list(r.to_dict().values()) == flags


def test_ready_answers_round_trip_through_the_profile_file(tmp_path: Path) -> None:
    p = attrs.evolve(ac.example_profile(), ready=Ready(**ANSWERS))
    assert ac.Profile.from_dict(p.to_dict()) == p
    path = write_profile(p, tmp_path / "p.toml")
    assert "[ready]" in path.read_text(encoding="utf-8")
    back = ac.load_profile(path)
    assert back.ready == Ready(**ANSWERS)
    assert back == p
    assert "ready" not in ac.example_profile().to_dict()


def test_the_profile_schema_takes_ready_and_nothing_else_in_it() -> None:
    schema = load_schema("profile")
    good = attrs.evolve(ac.example_profile(), ready=Ready(**ANSWERS)).to_dict()
    jsonschema.validate(good, schema)
    for bad in ({**ANSWERS, "extra": True}, {"sure": True}, {**ANSWERS, "sure": "yes"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**good, "ready": bad}, schema)


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ({**ANSWERS, "sure": "yes"}, "sure", "'yes'"),
        ({**ANSWERS, "support": 1}, "support", "got 1"),
        ({k: v for k, v in ANSWERS.items() if k != "values"}, "values", "missing"),
        ({**ANSWERS, "later": True}, "later", "unknown key"),
    ],
)
def test_a_bad_ready_table_names_the_file_field_and_value(
    tmp_path: Path, table: dict[str, Any], field: str, value: str
) -> None:
    data = ac.example_profile().to_dict()
    data["ready"] = table
    path = tmp_path / "bad.toml"
    from antiage_compare._dump import to_toml

    path.write_text(to_toml(data), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        ac.load_profile(path)
    assert isinstance(err.value, ValueError)
    text = str(err.value)
    assert "bad.toml" in text
    assert f"bad.toml: ready.{field}: " in text
    assert value in text


# -- the SURE answers in the interview ----------------------------------------------------------


def _interview(tail: list[str]) -> tuple[ac.Profile, Script]:
    s = Script([*answers(), "", *tail])
    p = run_interview(s.ask, s.say)
    assert s.answers == [], "every scripted answer was asked for"
    return p, s


def test_the_interview_stores_the_sure_answers_before_reading() -> None:
    p, s = _interview(["yes", "n", "no", "y"])
    assert p.ready == Ready(sure=True, understand=False, values=False, support=True)
    asked = [q for q in s.prompts if any(q.startswith(t) for _, t in SURE_QUESTIONS)]
    assert [q.split(" [")[0] for q in asked] == [t for _, t in SURE_QUESTIONS]


def test_enter_at_the_first_sure_question_skips_the_check() -> None:
    p, s = _interview([""])
    assert p.ready is None
    assert sum(q.startswith("Do you") or q.startswith("Are you clear") for q in s.prompts) >= 1


def test_a_wrong_sure_answer_is_asked_again() -> None:
    p, s = _interview(["y", "maybe", "y", "y", "y"])
    assert p.ready == Ready(sure=True, understand=True, values=True, support=True)
    assert s.sorry


# -- "Are you ready to decide?" in the report ---------------------------------------------------


def test_without_stored_answers_the_check_is_to_tick_only(demo: tuple[ac.Comparison, Any]) -> None:
    c, a = demo
    r = ready(c)
    assert r.before_score is None
    assert r.helps == ()
    assert [i.question for i in r.items] == [q for _, q in SURE_QUESTIONS]
    assert all(i.help == READY_HELP[i.key] for i in r.items)
    html = render_html(c, analysis=a, options=_options(edition="client"))
    part = html[html.index('<section id="ready"') : html.index('<section id="answers"')]
    assert "Before reading" not in part
    assert part.count('aria-label="Yes box, to tick"') == 4
    assert part.count('aria-label="No box, to tick"') == 4


def test_fewer_than_four_yes_before_reading_says_what_could_help() -> None:
    c = ac.compare(attrs.evolve(ac.example_profile(), ready=Ready(**ANSWERS)))
    r = ready(c)
    assert r.before_score == 2
    assert "2 of the 4" in r.before_text
    assert r.helps == (READY_HELP["sure"], READY_HELP["values"])
    assert [i.before for i in r.items] == ["no", "yes", "no", "yes"]
    html = render_html(c, analysis=analyse(c, smaa=False), options=_options(edition="client"))
    part = html[html.index('<section id="ready"') : html.index('<section id="answers"')]
    assert "Before reading" in part
    assert part.index(READY_HELP["sure"]) < part.index("<table")  # said before the table too
    # Without pressure: no "should", no "must", no hurry.
    assert not re.search(r"\b(should|must|hurry|today)\b", " ".join(READY_HELP.values()))


def test_four_yes_before_reading_needs_no_help() -> None:
    every = dict.fromkeys(ANSWERS, True)
    c = ac.compare(attrs.evolve(ac.example_profile(), ready=Ready(**every)))
    r = ready(c)
    assert r.before_score == 4
    assert r.helps == ()
    assert "could help" not in r.before_text


# -- check what you have read -------------------------------------------------------------------


def _data(profile: ac.Profile, **kw: Any) -> tuple[ac.Comparison, Any]:
    c = ac.compare(profile)
    a = analyse(c, samples=500, seed=3)
    return c, build_report_data(c, analysis=a, options=_options(**kw))


def test_two_profiles_get_different_questions() -> None:
    _, one = _data(ac.example_profile())
    _, two = _data(ac.Profile.from_dict(LAXITY))
    assert [q.question for q in one.understanding] != [q.question for q in two.understanding]
    for d in (one, two):
        assert MIN_CHECKS <= len(d.understanding) <= MAX_CHECKS
        assert [q.number for q in d.understanding] == list(range(1, len(d.understanding) + 1))
        assert d.understanding[-1].kind == "fit"
        assert len({q.question for q in d.understanding}) == len(d.understanding)


def _names(question: str) -> tuple[str, str]:
    m = re.search(r": (.+) or (.+)\?$", question)
    assert m is not None, question
    return m[1], m[2]


@pytest.mark.parametrize("profile", ["example", "laxity"])
def test_each_answer_is_what_the_figures_say(profile: str) -> None:
    """The pair questions name two options page one shows; the answer is the higher figure."""
    p = ac.example_profile() if profile == "example" else ac.Profile.from_dict(LAXITY)
    c, d = _data(p)
    shown = {r.option_id for r in d.summary.rows}
    by_short = {s.option.name.split(":")[0].strip(): s.option for s in c.scored}
    years = c.profile.horizon_years
    kinds = set()
    for q in d.understanding:
        kinds.add(q.kind)
        if q.kind in {"serious_risk", "cost", "downtime"}:
            a, b = (by_short[n] for n in _names(q.question))
            assert {a.id, b.id} <= shown
            assert NO_PROCEDURE not in {a.id, b.id}
            fa, fb = burden_figures(a, years)[q.kind], burden_figures(b, years)[q.kind]
            assert isinstance(fa, Range)
            assert isinstance(fb, Range)
            hi = a if fa.point > fb.point else b
            assert q.answer.startswith(hi.name.split(":")[0].strip() + " (")
            lo_q, hi_q = sorted((fa, fb), key=lambda r: r.point)
            assert hi_q.low > lo_q.high, "asked only where the ranges do not overlap"
        elif q.kind == "certainty":
            a, b = (by_short[n] for n in _names(q.question))
            weak = min((a, b), key=lambda o: o.certainty.level)
            assert a.certainty.level != b.certainty.level
            assert q.answer.startswith(weak.name.split(":")[0].strip())
        elif q.kind == "order":
            top = c.scored[0].option.name.split(":")[0].strip()
            assert top in q.question
            assert q.answer.startswith("No.") or q.answer.startswith("Yes")
    assert len(kinds) >= 3


def test_the_order_question_follows_the_scenarios(demo: tuple[ac.Comparison, Any]) -> None:
    c, a = demo
    d = build_report_data(c, analysis=a, options=_options())
    q = next(q for q in d.understanding if q.kind == "order")
    share = a.smaa.first_rank()[c.scored[0].option.id]
    assert share < 0.995  # the demo's best fit is not first in every scenario
    assert q.answer.startswith("No.")
    top = a.smaa.option_ids.index(c.scored[0].option.id)
    rows = [
        (1.0,) + (0.0,) * (len(row) - 1) if i == top else (0.0, *row[1:])
        for i, row in enumerate(a.smaa.rank_acceptability)
    ]
    sure = attrs.evolve(a.smaa, rank_acceptability=tuple(rows))
    summary = d.summary
    out = understanding(c, summary, grid_choice(c, None), sure)
    q2 = next(q for q in out if q.kind == "order")
    assert q2.answer.startswith("Yes")


@settings(max_examples=25, deadline=None)
@given(benefit=st.floats(5, 95), risk=st.integers(1, 10), cost=st.integers(0, 10))
def test_any_profile_gets_three_to_five_questions_with_answers(
    benefit: float, risk: int, cost: int
) -> None:
    p = ac.Profile.from_dict(
        {
            "profile": {"name": "H", "concerns": ["wrinkles"]},
            "tradeoff": {"benefit": benefit},
            "importance": {"effectiveness": 7, "serious_risk": risk, "cost": cost},
        }
    )
    c = ac.compare(p)
    a = analyse(c, smaa=False)
    d = build_report_data(c, analysis=a, options=_options(edition="client"))
    assert MIN_CHECKS <= len(d.understanding) <= MAX_CHECKS
    assert all(q.answer and q.question.endswith("?") for q in d.understanding)


def test_the_answers_come_at_the_end_with_matching_numbers(
    demo: tuple[ac.Comparison, Any],
) -> None:
    c, a = demo
    html = render_html(c, analysis=a, options=_options(edition="client"))
    check = html.index('<section id="check"')
    answers_at = html.index('<section id="answers"')
    assert check < html.index('<section id="ready"') < answers_at < html.index('id="sources"')
    d = build_report_data(c, analysis=a, options=_options(edition="client"))
    for q in d.understanding:
        assert f'<li value="{q.number}">' in html[check:answers_at]
        assert f'<li value="{q.number}">' in html[answers_at:]
    assert "This is not a test" in html[check:answers_at]


# -- the uncertainty, drawn ---------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["example", "laxity"])
def test_each_drawn_interval_is_the_analysis_and_its_edge_changes_first_place(
    profile: str,
) -> None:
    """Move a weight just past its band's edge: the option the chart names comes first."""
    p = ac.example_profile() if profile == "example" else ac.Profile.from_dict(LAXITY)
    c = ac.compare(p)
    a = analyse(c, smaa=False)
    d = build_report_data(c, analysis=a, options=_options())
    assert a.sensitivity is not None
    rows = d.fit.intervals
    assert len(rows) == len(a.sensitivity.intervals)
    margins = [min(r.now - r.low if r.below else 9, r.high - r.now if r.above else 9) for r in rows]
    assert rows, "the chart has rows"
    by_label = {iv.label[0].upper() + iv.label[1:]: iv for iv in a.sensitivity.intervals}
    values = [[k.value for k in x.contributions] for x in c.scored]
    names = [s.option.name for s in c.scored]
    changed = 0
    for r in rows:
        iv = by_label[r.label]
        assert 0 <= r.low <= r.now <= r.high <= r.maximum <= 1
        assert r.x_low == pytest.approx(200 * r.low, abs=0.06)
        assert r.x_low + r.width == pytest.approx(200 * r.high, abs=0.1)
        assert r.x_max == pytest.approx(200 * r.maximum, abs=0.06)
        for edge, who, step in ((r.high, r.above, 0.005), (r.low, r.below, -0.005)):
            if who:
                f = fits(values, plain_path(c, iv, edge + step), c.method)
                assert names[max(range(len(f)), key=lambda k: f[k])] == who
                changed += 1
        f = fits(values, plain_path(c, iv, r.now), c.method)
        assert max(range(len(f)), key=lambda k: f[k]) == 0
    assert changed >= 1
    assert margins == sorted(margins) or rows[0].below or rows[0].above


def test_the_charts_have_text_alternatives_and_tables(demo: tuple[ac.Comparison, Any]) -> None:
    c, a = demo
    full = render_html(c, analysis=a, options=_options())
    client = render_html(c, analysis=a, options=_options(edition="client"))
    d = build_report_data(c, analysis=a, options=_options(edition="client"))
    fit = full[full.index('<section id="fit"') : full.index('<section id="grid"')]
    assert fit.count('<svg class="ivbar" role="img"') == len(d.fit.intervals)
    assert fit.count("<title>") >= len(d.fit.intervals) + len(d.fit.ranks)
    for r in d.fit.intervals:
        assert f'<th scope="row">{r.label}</th>' in fit
    sure = client[client.index('<section id="how-sure"') : client.index('<section id="grid"')]
    shown = [col.name for col in d.grid.columns]
    assert sure.count('<svg class="rankbar" role="img"') == len(shown)
    for name in shown:
        assert f"<title>{name}: first in" in sure.replace("&#39;", "'")
    assert "<script" not in client


def test_the_ipdas_audit_covers_the_new_sections(demo: tuple[ac.Comparison, Any]) -> None:
    c, a = demo
    d = build_report_data(c, analysis=a, options=_options(edition="client"))
    audit = ipdas_audit(d)
    assert audit.passed, str(audit)
    assert [i.id for i in audit.quality] == ["Q.15", "Q.sure", "Q.know", "Q.ask"]
    breaks = {
        "Q.15": attrs.evolve(d, fit=attrs.evolve(d.fit, ranks=())),
        "Q.sure": attrs.evolve(d, ready=attrs.evolve(d.ready, items=d.ready.items[:3])),
        "Q.know": attrs.evolve(d, understanding=()),
        "Q.ask": attrs.evolve(d, cooling_off=""),
    }
    for item, broken in breaks.items():
        assert [i.id for i in ipdas_audit(broken).failed] == [item]
    no_help = attrs.evolve(
        d,
        ready=attrs.evolve(
            ready(ac.compare(attrs.evolve(c.profile, ready=Ready(**ANSWERS)))), helps=()
        ),
    )
    assert [i.id for i in ipdas_audit(no_help).failed] == ["Q.sure"]


def test_at_most_five_questions_and_the_fit_question_always_last() -> None:
    """A profile with five computed questions keeps four of them and the one on the fit."""
    p = ac.Profile.from_dict(
        {
            "profile": {"name": "H", "concerns": ["laxity"]},
            "tradeoff": {"benefit": 60},
            "importance": {"effectiveness": 7, "serious_risk": 5, "cost": 5, "downtime": 5},
        }
    )
    c = ac.compare(p)
    d = build_report_data(c, analysis=analyse(c, samples=300, seed=1), options=_options())
    kinds = [q.kind for q in d.understanding]
    assert len(kinds) == MAX_CHECKS
    assert kinds[-1] == "fit"
    assert kinds[:3] == ["serious_risk", "cost", "downtime"]


def test_the_consultation_record_keeps_the_answers_before_reading() -> None:
    """The record's profile carries [ready], and the record schema (with the profile's) takes it."""
    import json

    from referencing import Registry, Resource

    from antiage_compare.report.record import record_json

    p = attrs.evolve(ac.example_profile(), ready=Ready(**ANSWERS))
    c = ac.compare(p)
    record = json.loads(record_json(c, analysis=analyse(c, smaa=False), today=TODAY))
    assert record["profile"]["ready"] == ANSWERS
    profile_schema = load_schema("profile")
    registry = Registry().with_resource(
        profile_schema["$id"], Resource.from_contents(profile_schema)
    )
    validator = jsonschema.Draft202012Validator(load_schema("record"), registry=registry)
    assert list(validator.iter_errors(record)) == []
    record["profile"]["ready"]["later"] = True
    assert list(validator.iter_errors(record)) != []
