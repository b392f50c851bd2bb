"""The hand-out (issue 17): page one's summary, the client edition, the PDF and the record.

The PDF checks use the engine that writes the PDF (WeasyPrint, the ``pdf`` extra): page
counts, page one's text and boxes that run off the page are read from its laid-out document,
the one :func:`antiage_compare.report.pdf.render_pdf` writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import antiage_compare as ac
from antiage_compare.catalog import NO_PROCEDURE
from antiage_compare.cli import main
from antiage_compare.report import ReportOptions, build_report_data, ipdas_audit, render_html
from antiage_compare.report.record import file_digest, record_data, record_hash, record_json
from antiage_compare.schemas import load_schema
from antiage_compare.uncertainty.analysis import analyse

from .report_cases import TINY_CATALOG

TODAY = dt.date(2026, 12, 2)
VERSION = "0.1.0-handout"
MAX_CLIENT_PAGES = 8


@pytest.fixture(scope="module")
def demo() -> tuple[ac.Comparison, Any]:
    c = ac.compare(ac.example_profile())
    return c, analyse(c, samples=2000)


def _options(**kw: Any) -> ReportOptions:
    return ReportOptions(today=TODAY, version=VERSION, **kw)


@pytest.fixture(scope="module")
def client_html(demo: tuple[ac.Comparison, Any]) -> str:
    c, a = demo
    return render_html(c, analysis=a, options=_options(edition="client"))


@pytest.fixture(scope="module")
def full_html(demo: tuple[ac.Comparison, Any]) -> str:
    c, a = demo
    return render_html(c, analysis=a, options=_options())


# -- page one: the summary -----------------------------------------------------------------------


def test_summary_shows_the_best_fits_beside_no_new_treatment(
    demo: tuple[ac.Comparison, Any],
) -> None:
    """The grid's options (the three best fits and no new treatment), each with its figures."""
    c, a = demo
    d = build_report_data(c, analysis=a, options=_options())
    s = d.summary
    ids = [r.option_id for r in s.rows]
    best = [x.id for x in c.scored if x.id != NO_PROCEDURE][:3]
    assert set(ids) == {*best, NO_PROCEDURE}
    assert ids == [x.id for x in c.scored if x.id in ids]  # best fit first
    for r in s.rows:
        scored = c[r.option_id]
        assert r.fit_text == f"{scored.fit:.0f}"
        assert r.range_text == ("" if scored.range.known else scored.range.text())
        assert r.cost.text
        assert r.downtime.text
        assert r.certainty.text
        assert r.nothing == (r.option_id == NO_PROCEDURE)
        if scored.option.serious_risk is not None:
            assert r.risk is not None
            assert r.risk.name == scored.option.serious_risk.name
    assert s.tradeoff == d.values.tradeoff
    assert "wrinkles" in s.concerns_text
    assert "fine lines" in s.concerns_text
    assert s.changes
    assert s.changes[0] == d.fit.changes[0]


def test_summary_changes_with_the_person(demo: tuple[ac.Comparison, Any]) -> None:
    """Another person's concerns, trade-off and best fits reach page one."""
    c, a = demo
    other = ac.Profile.from_dict(
        {
            "profile": {"name": "B", "concerns": ["laxity"]},
            "tradeoff": {"benefit": 30},
            "importance": {"effectiveness": 5, "cost": 9, "downtime": 4},
        }
    )
    c2 = ac.compare(other)
    s1 = build_report_data(c, analysis=a, options=_options()).summary
    s2 = build_report_data(c2, analysis=analyse(c2, smaa=False), options=_options()).summary
    assert s2.concerns_text == "You want help with loose or sagging skin."
    assert "30%" in s2.tradeoff
    assert "30%" not in s1.tradeoff
    assert [r.option_id for r in s1.rows] != [r.option_id for r in s2.rows]


def test_summary_without_sensitivity_says_the_order_was_not_tested(
    demo: tuple[ac.Comparison, Any],
) -> None:
    c, _ = demo
    d = build_report_data(c, analysis=None, options=_options())
    assert d.summary.changes == (
        "This report did not test what would change the order of the options.",
    )


def test_summary_comes_first_in_both_editions(client_html: str, full_html: str) -> None:
    for html in (client_html, full_html):
        sections = re.findall(r'<section id="([^"]+)"', html)
        assert sections[0] == "summary"
        assert html.index('id="summary"') < html.index('id="problem"')


# -- the client edition --------------------------------------------------------------------------


def test_client_edition_leaves_out_the_appendix(client_html: str, full_html: str) -> None:
    """The hand-out has the summary, grid and the grid's options, no methods or claims."""
    sections = re.findall(r'<section id="([^"]+)"', client_html)
    assert sections == [
        "summary",
        "problem",
        "about",
        "how-sure",
        "grid",
        "options",
        "not-shown",
        "questions",
        "check",
        "ready",
        "answers",
        "sources",
    ]
    assert 'id="methods"' in full_html
    assert 'id="methods"' not in client_html
    assert 'id="grid-all"' in full_html
    assert 'id="grid-all"' not in client_html
    assert client_html.count('<article class="option"') == 3  # not "no new treatment"
    assert 'class="edition-client"' in client_html
    assert 'class="edition-full"' in full_html


def test_client_edition_cites_exactly_its_sources(client_html: str, full_html: str) -> None:
    """Every source listed is cited on the page, and every citation is listed."""
    for html in (client_html, full_html):
        listed = {int(n) for n in re.findall(r'<li id="src-(\d+)"', html)}
        cited = {int(n) for n in re.findall(r'href="#src-(\d+)"', html)}
        assert listed == cited
        assert listed == set(range(1, len(listed) + 1))
    assert len(re.findall(r'<li id="src-', client_html)) < len(
        re.findall(r'<li id="src-', full_html)
    )


def test_client_edition_names_the_milder_harms(demo: tuple[ac.Comparison, Any]) -> None:
    """Serious harms and the scored side effect in full; the others named, not dropped."""
    c, a = demo
    d = build_report_data(c, analysis=a, options=_options(edition="client"))
    for o in d.options:
        option = c[o.id].option
        shown = {r.name for r in o.risks}
        assert shown | set(o.other_risks) == {r.name for r in option.risks}
        assert not shown & set(o.other_risks)
        for r in option.risks:
            if r.severity.value == "serious" or r.id == option.side_effects_id:
                assert r.name in shown
    assert ipdas_audit(d).passed, str(ipdas_audit(d))


def test_edition_is_checked() -> None:
    with pytest.raises(ac.ReportError, match="edition must be one of full, client"):
        ReportOptions(edition="short")


def test_the_grid_answers_how_much_it_helps(demo: tuple[ac.Comparison, Any]) -> None:
    """A grid row gives the effect on each of the person's concerns, at its weakest grade."""
    c, a = demo
    d = build_report_data(c, analysis=a, options=_options())
    row = d.grid.questions.index("How much does it help with your concerns?")
    for col in d.grid.columns:
        option = c[col.option_id].option
        cell = col.cells[row]
        for concern in c.profile.concerns:
            assert f"{option.effects[concern].size.value}" in cell.text.lower()
        assert cell.cites
    botox = next(col for col in d.grid.columns if col.option_id == "botulinum_toxin")
    assert botox.cells[row].text == "Wrinkles: marked; fine lines: moderate."


# -- the PDF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_engine() -> Any:
    return pytest.importorskip("weasyprint", reason="the pdf extra is not installed")


def _texts(box: Any, out: list[str]) -> list[str]:
    if hasattr(box, "text"):
        out.append(box.text)
    for child in getattr(box, "children", None) or []:
        _texts(child, out)
    return out


def _overflowing(page: Any) -> list[str]:
    """Boxes whose right edge runs past the page (clipped when printed)."""
    bad: list[str] = []

    def walk(box: Any) -> None:
        x = getattr(box, "position_x", None)
        if (
            x is not None
            and hasattr(box, "margin_width")
            and x + box.margin_width() > page.width + 0.5
        ):
            bad.append(f"{type(box).__name__} {getattr(box, 'element_tag', '')}")
        for child in getattr(box, "children", None) or []:
            walk(child)

    walk(page._page_box)
    return bad


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_client_pdf_fits_eight_pages_with_page_one_a_summary(
    pdf_engine: Any, client_html: str, demo: tuple[ac.Comparison, Any], paper: str
) -> None:
    """At most 8 pages; page one holds the whole summary; nothing runs off any page."""
    from antiage_compare.report.pdf import layout_pdf

    c, a = demo
    doc = layout_pdf(client_html, paper=paper)
    assert 2 <= len(doc.pages) <= MAX_CLIENT_PAGES
    first = " ".join(_texts(doc.pages[0]._page_box, []))
    assert "Your summary" in first
    assert "What would change the order" in first
    for r in build_report_data(c, analysis=a, options=_options()).summary.rows:
        assert r.name.split(" (")[0][:30] in first, r.name
    second = " ".join(_texts(doc.pages[1]._page_box, []))
    assert "Your summary" not in second
    assert "What would change the order" not in second
    for page in doc.pages:
        assert _overflowing(page) == []
    width_mm = doc.pages[0].width * 25.4 / 96
    assert width_mm == pytest.approx(210 if paper == "a4" else 215.9, abs=0.5)


def test_pdf_is_a_real_pdf_and_the_same_bytes_each_time(
    pdf_engine: Any, demo: tuple[ac.Comparison, Any], tmp_path: Path
) -> None:
    """Title, language, embedded fonts, selectable text; identical bytes for identical inputs."""
    from antiage_compare.report.pdf import layout_pdf, render_pdf, write_pdf

    c, a = demo
    options = _options(edition="client")
    one = render_pdf(c, analysis=a, options=options)
    two = render_pdf(c, analysis=a, options=options)
    assert one.startswith(b"%PDF-")
    assert one == two
    # The written PDF compresses its objects; the same layout written uncompressed shows them.
    doc = layout_pdf(render_html(c, analysis=a, options=options))
    assert doc.metadata.title == "Which anti-ageing treatment, if any, fits what matters to you?"
    assert doc.metadata.lang == "en"
    plain = doc.write_pdf(uncompressed_pdf=True)
    assert b"/Title" in plain
    assert b"/Lang (en)" in plain
    assert b"/FontFile" in plain  # fonts embedded
    assert b"/ToUnicode" in plain  # text can be selected and copied
    assert b"/CreationDate" not in plain
    assert b"/ModDate" not in plain
    other = render_pdf(c, analysis=a, options=_options(edition="client", prepared_for="Zoë"))
    assert other != one
    path = write_pdf(c, tmp_path / "x.pdf", analysis=a, options=options)
    assert path.read_bytes() == one
    with pytest.raises(ac.ReportError, match=r"must end in \.pdf"):
        write_pdf(c, tmp_path / "x.html", analysis=a, options=options)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]
    with pytest.raises(ac.ReportError, match="paper must be one of a4, letter"):
        render_pdf(c, analysis=a, options=options, paper="A5")


def test_without_weasyprint_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, demo: tuple[ac.Comparison, Any]
) -> None:
    from antiage_compare.report.pdf import render_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now raises ImportError
    c, a = demo
    with pytest.raises(
        ac.PdfEngineMissingError, match=r"pip install 'antiage_compare\[pdf\]'"
    ) as e:
        render_pdf(c, analysis=a)
    assert isinstance(e.value, ModuleNotFoundError)
    assert isinstance(e.value, ac.ReportError)


# -- the command line ----------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("r.txt", [], "cannot tell the format from the name"),
        ("r", [], "cannot tell the format from the name"),
        ("r.html", ["--format", "pdf"], "--format pdf writes a file ending in .pdf"),
        ("r.pdf", ["--format", "html"], "--format html writes a file ending in .html or .htm"),
    ],
)
def test_an_output_name_that_does_not_match_the_format_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, extra: list[str], message: str
) -> None:
    status, _out, err = _run(capsys, "report", "-o", str(tmp_path / name), "--no-smaa", *extra)
    assert status == 2
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_a_client_pdf_by_default(
    pdf_engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.pdf"
    status, out, err = _run(capsys, "report", "-o", str(target), "--no-smaa", "--paper", "letter")
    assert status == 0, err
    assert out == f"Wrote {target} (client edition)\n"
    assert "Typesetting the PDF" in err
    assert target.read_bytes().startswith(b"%PDF-")


def test_cli_pdf_without_weasyprint_fails_before_any_work(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    status, _, err = _run(capsys, "report", "-o", str(tmp_path / "r.pdf"), "--no-smaa")
    assert status != 0
    assert "pip install 'antiage_compare[pdf]'" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_record_is_schema_valid_canonical_and_cited_by_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rec, page = tmp_path / "rec.json", tmp_path / "r.html"
    argv = ["report", "-o", str(page), "--samples", "300", "--seed", "5", "--record", str(rec)]
    status, out, err = _run(capsys, *argv)
    assert status == 0, err
    assert f"Wrote {rec} (the consultation record)" in out
    text = rec.read_text(encoding="utf-8")
    data = json.loads(text)
    validator = jsonschema.Draft202012Validator(
        load_schema("record"),
        registry=_registry(),
    )
    assert list(validator.iter_errors(data)) == []
    assert data["analysis"] == {"smaa": True, "seed": 5, "samples": 300, "sensitivity": True}
    assert data["catalogue"]["data_version"] == ac.load_catalog().info.data_version
    assert {e["id"] for e in data["excluded"]} == {
        e.option.id for e in ac.compare(ac.example_profile()).excluded
    }
    assert data["profile"] == ac.example_profile().to_dict()
    digest = hashlib.sha256(rec.read_bytes()).hexdigest()
    assert digest in page.read_text(encoding="utf-8")
    first = rec.read_bytes()
    assert _run(capsys, *argv)[0] == 0
    assert rec.read_bytes() == first  # same inputs, same bytes


def test_cli_record_name_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(
        capsys,
        "report",
        "-o",
        str(tmp_path / "r.html"),
        "--no-smaa",
        "--record",
        str(tmp_path / "r.txt"),
    )
    assert status == 2
    assert "end its name in .json" in err
    assert list(tmp_path.iterdir()) == []


def _registry() -> Any:
    from referencing import Registry, Resource

    profile = load_schema("profile")
    return Registry().with_resource(profile["$id"], Resource.from_contents(profile))


# -- the record from Python ----------------------------------------------------------------------


def test_record_names_the_files_it_was_made_from(tmp_path: Path) -> None:
    """A catalogue from elsewhere needs its path; the digest changes when a file does."""
    cat = ac.load_catalog(TINY_CATALOG)
    c = ac.compare(ac.example_profile(), cat)
    with pytest.raises(ac.ReportError, match="catalog_path is needed"):
        record_data(c, today=TODAY)
    data = record_data(c, catalog_path=TINY_CATALOG, today=TODAY)
    assert data["catalogue"]["files"] == {
        "tiny_catalog.toml": hashlib.sha256(TINY_CATALOG.read_bytes()).hexdigest()
    }
    copy = tmp_path / "cat"
    copy.mkdir()
    (copy / "a.toml").write_text("x = 1\n", encoding="utf-8")
    before = file_digest(copy)["sha256"]
    (copy / "a.toml").write_text("x = 2\n", encoding="utf-8")
    assert file_digest(copy)["sha256"] != before
    (copy / "b.toml").write_text("", encoding="utf-8")
    assert set(file_digest(copy)["files"]) == {"a.toml", "b.toml"}
    with pytest.raises(ac.ReportError, match="no such file or folder"):
        file_digest(tmp_path / "missing")


def test_record_is_the_same_bytes_for_the_same_inputs(demo: tuple[ac.Comparison, Any]) -> None:
    c, a = demo
    one = record_json(c, analysis=a, today=TODAY)
    assert one == record_json(c, analysis=a, today=TODAY)
    assert one.endswith("}\n")
    assert json.loads(one)["date"] == "2026-12-02"
    assert record_hash(one) == hashlib.sha256(one.encode()).hexdigest()
    later = record_json(c, analysis=a, today=TODAY + dt.timedelta(days=1))
    assert later != one
    readiness = record_json(
        c, analysis=a, today=TODAY, readiness={"sure": [True, True, False, True]}
    )
    assert json.loads(readiness)["readiness"] == {"sure": [True, True, False, True]}


def test_report_cites_the_record_hash(demo: tuple[ac.Comparison, Any]) -> None:
    c, a = demo
    h = "a" * 64
    assert h in render_html(c, analysis=a, options=_options(record_hash=h))
    assert "Consultation record" not in render_html(c, analysis=a, options=_options())


# -- what would change the order, applied --------------------------------------------------------

_CHANGE = re.compile(
    r"If “(?P<label>.+?)” counted for (?P<way>more|less) than (?P<pct>\d+)% of the weight "
    r"\(it is (?P<now>\d+)% now(?:, about what “(?P<like>.+?)” has)?\), (?P<who>.+) would come first\."
)


@pytest.mark.parametrize("profile_name", ["example", "laxity"])
def test_page_ones_change_applied_changes_first_place(profile_name: str) -> None:
    """Move the named weight one point past the stated threshold: the named option comes first."""
    from antiage_compare.scoring import fits

    from .test_sensitivity import plain_path

    profile = (
        ac.example_profile()
        if profile_name == "example"
        else ac.Profile.from_dict(
            {
                "profile": {"name": "L", "concerns": ["laxity", "fine_lines"]},
                "tradeoff": {"benefit": 55},
                "importance": {"effectiveness": 9, "serious_risk": 8, "downtime": 6, "cost": 5},
            }
        )
    )
    c = ac.compare(profile)
    d = build_report_data(c, analysis=analyse(c, smaa=False), options=_options())
    m = _CHANGE.fullmatch(d.summary.changes[0])
    assert m is not None, d.summary.changes[0]
    s = analyse(c, smaa=False).sensitivity
    assert s is not None
    iv = next(i for i in s.intervals if i.label == m["label"])
    assert round(100 * iv.weight) == int(m["now"])
    if m["like"] is not None:  # the comparison names a weight near the threshold
        other = next(i for i in s.intervals if i.label == m["like"])
        threshold = iv.high if m["way"] == "more" else iv.low
        assert abs(other.weight - threshold) <= 0.2 * threshold
    step = 0.01 if m["way"] == "more" else -0.01
    x = int(m["pct"]) / 100 + step
    values = [[k.value for k in x_.contributions] for x_ in c.scored]
    f = fits(values, plain_path(c, iv, x), c.method)
    leader = c.scored[max(range(len(f)), key=lambda k: f[k])].option.name
    assert leader == m["who"]
    f_now = fits(values, plain_path(c, iv, iv.weight), c.method)
    assert max(range(len(f_now)), key=lambda k: f_now[k]) == 0  # today the top stays on top


# -- the rank acceptabilities, drawn -------------------------------------------------------------


def test_rank_chart_has_the_smaa_numbers_in_its_table(
    demo: tuple[ac.Comparison, Any], full_html: str
) -> None:
    """One stacked bar per option, the same numbers in the table; first place as in section 4."""
    c, a = demo
    d = build_report_data(c, analysis=a, options=_options())
    assert [r.name for r in d.fit.ranks] == [s.option.name for s in c.scored]
    assert a.smaa is not None
    for r, bar, s in zip(d.fit.ranks, d.fit.bars, c.scored, strict=True):
        row = a.smaa.rank_acceptability[a.smaa.option_ids.index(s.option.id)]
        assert r.shares[:3] == pytest.approx(row[:3])
        assert sum(r.shares) == pytest.approx(1.0)
        assert r.texts[0] == bar.first_text
        assert sum(w for _, w in r.segments) == pytest.approx(200.0, abs=0.3)
        xs = [x for x, _ in r.segments]
        assert xs == sorted(xs)
    assert full_html.count('<svg class="rankbar" role="img"') == len(c.scored)
    first = d.fit.ranks[0]
    assert f"<title>{first.name}: first in {first.texts[0]}" in full_html.replace("&#34;", '"')
    no_smaa = build_report_data(c, analysis=analyse(c, smaa=False), options=_options())
    assert no_smaa.fit.ranks == ()
    assert 'class="rankbar"' not in render_html(
        c, analysis=analyse(c, smaa=False), options=_options()
    )


# -- questions to ask, computed ------------------------------------------------------------------


def test_questions_to_ask_follow_the_person(demo: tuple[ac.Comparison, Any]) -> None:
    """The three standard questions first; then one per exclusion, caution and weak effect."""
    from antiage_compare.report.prose import COOLING_OFF, THREE_QUESTIONS

    c, a = demo
    d = build_report_data(c, analysis=a, options=_options())
    assert d.questions[:3] == THREE_QUESTIONS
    for e in c.excluded:
        assert f"Why is {e.option.name} not right for me, and could that change?" in d.questions
    weak = [q for q in d.questions if q.startswith("The evidence that ")]
    assert any("Hyaluronic acid" in q for q in weak)
    assert not any("Botulinum" in q for q in weak)  # its effects are graded moderate or better
    assert len(set(d.questions)) == len(d.questions)
    other = ac.Profile.from_dict(
        {
            "profile": {"name": "P", "concerns": ["volume_loss"]},
            "tradeoff": {"benefit": 60},
            "importance": {"effectiveness": 8, "serious_risk": 6},
            "health": {"pregnant": True},
        }
    )
    c2 = ac.compare(other)
    d2 = build_report_data(c2, analysis=analyse(c2, smaa=False), options=_options())
    assert d2.questions != d.questions
    assert any("not right for me" in q for q in d2.questions)
    html = render_html(c, analysis=a, options=_options())
    assert COOLING_OFF in html
    clinic = build_report_data(c, analysis=a, options=_options(clinic_name="Clinic X"))
    general = clinic.questions[
        clinic.questions.index("How many of these treatments have you done?") - 1
    ]
    assert general == "Do you earn more if I choose one treatment over another?"
