"""The HTML report: data records, wording, escaping, determinism, atomic writing, IPDAS audit."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antiage_compare import NO_PROCEDURE, load_catalog, load_clinic
from antiage_compare.errors import UnknownIdError
from antiage_compare.model import CONCERN_LABELS
from antiage_compare.profile import Profile, example_profile
from antiage_compare.report import (
    ReportData,
    ReportError,
    ReportOptions,
    build_report_data,
    ipdas_audit,
    render_html,
    write_report,
)
from antiage_compare.report.cite import Citations, safe_link
from antiage_compare.report.records import IconArray
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.analysis import Analysis, analyse

from .report_cases import clinic_report, tiny_report

TODAY = dt.date(2026, 11, 26)
VERSION = "0.1.0-test"
XSS_NAME = '<script>window.__pwned=1</script>"&é漢'
XSS_CLINIC = '<img src=x onerror="window.__pwned=1"> Clinique Étoile & "Ågé"'
FIXED: dict[str, Any] = {"today": TODAY, "version": VERSION}


def opts(**over: Any) -> ReportOptions:
    """Report options with the fixed date and version, and ``over``."""
    return ReportOptions(**{**FIXED, **over})


def data_for(c: Any, analysis: Analysis | None = None, **over: Any) -> ReportData:
    """Report data for ``c``: with its sensitivity but no SMAA unless ``analysis`` is given."""
    if analysis is None:
        analysis = analyse(c, smaa=False)
    return build_report_data(c, analysis=analysis, options=opts(**over))


def page_for(c: Any, analysis: Analysis | None = None, **over: Any) -> str:
    """The report page for ``c``, made as :func:`data_for` makes its data."""
    if analysis is None:
        analysis = analyse(c, smaa=False)
    return render_html(c, analysis=analysis, options=opts(**over))


def profile(**over: Any) -> Profile:
    """The example profile's mapping form, with top-level tables replaced by ``over``."""
    data = example_profile().to_dict()
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return Profile.from_dict(data)


@pytest.fixture(scope="module")
def comparison() -> Any:
    """The example profile compared against the shipped catalogue."""
    return compare(example_profile())


@pytest.fixture(scope="module")
def data(comparison: Any) -> ReportData:
    """Report data for the example comparison, without SMAA."""
    return data_for(comparison)


@pytest.fixture(scope="module")
def html(comparison: Any) -> str:
    """The example report, without SMAA."""
    return page_for(comparison)


def section(html: str, sid: str) -> str:
    """The HTML of the section with id ``sid`` (up to the next section)."""
    start = html.index(f'<section id="{sid}"')
    end = html.find("<section id=", start + 10)
    return html[start : end if end > 0 else len(html)]


# -- data ---------------------------------------------------------------------------------------


def test_report_data_is_frozen(data: ReportData) -> None:
    """Report data cannot be changed after it is built."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        data.title = "x"  # type: ignore[misc]


def test_decision_section(data: ReportData, comparison: Any) -> None:
    """Section 1 states the decision, who it is for, the date, data version and the notice."""
    d = data.decision
    assert d.question == "Which anti-ageing treatment, if any, fits what matters to you?"
    assert d.prepared_for == comparison.profile.name == "Example client"
    assert d.date == "26 November 2026"
    assert d.date_iso == "2026-11-26"
    assert d.data_version == comparison.catalog.info.data_version
    assert "not medical advice" in d.not_advice
    assert "clinician" in d.not_advice
    assert d.natural_course == comparison.catalog[NO_PROCEDURE].mechanism


def test_prepared_for_and_clinic_overrides(comparison: Any) -> None:
    """Overrides replace the defaults; a clinic name alone adds an honest interest statement."""
    d = data_for(comparison, prepared_for="Ann", clinic_name="Skin Co")
    assert d.decision.prepared_for == "Ann"
    assert d.about.clinic_name == "Skin Co"
    assert comparison.catalog.info.competing_interests in d.about.competing_interests
    assert "Skin Co" in d.about.competing_interests
    assert "may sell" in d.about.competing_interests
    d2 = data_for(comparison, clinic_name="Skin Co", competing_interests="We sell them.")
    assert d2.about.competing_interests == "We sell them."


def test_about_section_and_overdue_warning(comparison: Any) -> None:
    """Funding, review dates and policy are shown; a warning appears only once overdue."""
    info = comparison.catalog.info
    d = data_for(comparison, today=info.next_review, version="x")
    assert d.about.funding == info.funding
    assert d.about.update_policy == info.update_policy
    assert not d.about.overdue
    assert d.about.overdue_text == ""
    later = info.next_review + dt.timedelta(days=1)
    d = data_for(comparison, today=later, version="x")
    assert d.about.overdue
    assert "was due on" in d.about.overdue_text
    page = page_for(comparison, today=later, version="x")
    assert page.count('class="overdue"') == 2
    assert 'class="overdue"' not in page_for(comparison, today=info.next_review, version="x")


def test_values_section(data: ReportData, comparison: Any) -> None:
    """Weights are shown largest first and sum to 100%; concerns and deal-breakers are listed."""
    bars = data.values.bars
    weights = [b.weight for b in bars]
    assert weights == sorted(weights, reverse=True)
    assert sum(weights) == pytest.approx(1.0)
    assert bars[0].width == 100.0
    assert data.values.concerns == tuple(CONCERN_LABELS[x] for x in comparison.profile.concerns)
    lim = comparison.profile.limits
    assert data.values.deal_breakers == (
        f"No more than {lim.max_downtime_days:g} days of time off.",
        f"It costs no more than USD {lim.max_cost:,.0f} over 5 years, repeat treatments included.",
    )


def test_deal_breakers_and_health_wording() -> None:
    """No-needle and no-surgery limits and health facts are listed in plain words."""
    p = profile(limits={"needles": False, "surgery": False}, health={"smoker": True})
    d = data_for(compare(p))
    assert "No needles through the skin." in d.values.deal_breakers
    assert "No surgery." in d.values.deal_breakers
    assert "You smoke." in d.values.health


def test_fit_section_is_non_directive(data: ReportData, html: str, comparison: Any) -> None:
    """Fit bars follow the ranking, and the fit section never says "best" or "recommend"."""
    assert [b.option_id for b in data.fit.bars] == list(comparison.ids)
    assert not data.fit.smaa_run
    assert data.fit.smaa == ()
    assert "It is not advice to choose it." in data.fit.summary
    fit = section(html, "fit").lower()
    for word in ("best", "recommend", "you should"):
        assert word not in fit


def test_what_would_change_the_order(data: ReportData, comparison: Any) -> None:
    """The sensitivity statements name a criterion, the weight and the option that would lead."""
    assert data.fit.changes
    assert data.fit.changes[-1] == comparison.explain(comparison.ids[0], comparison.ids[1])
    weight_lines = [c for c in data.fit.changes if c.startswith("If ")]
    for line in weight_lines:
        assert re.match(
            r"If “.+” counted for (more|less) than \d+% of the weight \(it is \d+% now(, about what “.+” has)?\), "
            r".+ would come first\.",
            line,
        )


def test_default_grid_is_top_three_and_no_procedure(data: ReportData, comparison: Any) -> None:
    """The printable grid holds the three best-fitting treatments plus "no procedure"."""
    ids = [c.option_id for c in data.grid.columns]
    others = [i for i in comparison.ids if i != NO_PROCEDURE][:3]
    assert sorted(ids) == sorted([*others, NO_PROCEDURE])
    assert [c.option_id for c in data.grid_all.columns] == list(comparison.ids)
    assert len(data.grid.questions) == 9
    for col in data.grid.columns:
        assert len(col.cells) == len(data.grid.questions)


def test_grid_options_chosen_by_caller(comparison: Any) -> None:
    """The caller picks up to four grid options; more, none or excluded ones are errors."""
    pick = [comparison.ids[4], comparison.ids[1]]
    d = data_for(comparison, grid_options=pick)
    assert [c.option_id for c in d.grid.columns] == pick
    with pytest.raises(ReportError, match="1 to 4"):
        data_for(comparison, grid_options=comparison.ids[:5])
    with pytest.raises(ReportError):
        data_for(comparison, grid_options=[])
    excluded = comparison.excluded[0].option.id
    with pytest.raises(UnknownIdError, match="excluded"):
        data_for(comparison, grid_options=[excluded])
    with pytest.raises(UnknownIdError):
        data_for(comparison, grid_options=["nope"])


def test_every_eligible_option_has_balanced_detail(data: ReportData, comparison: Any) -> None:
    """Each eligible option gets benefits, harms, experience and a grade, in rank order."""
    assert [o.id for o in data.options] == list(comparison.ids)
    for o in data.options:
        assert len(o.benefits) == 9  # seven concerns, onset, duration
        assert o.risks
        assert [r.label for r in o.experience] == [
            "How it feels",
            "What others may see",
            "Time away from work and friends",
        ]
        assert o.certainty.certainty in ("high", "moderate", "low", "very low")


def test_concerns_come_first_and_are_marked(data: ReportData, comparison: Any) -> None:
    """The person's own concerns lead the benefits table, in their order, marked as theirs."""
    mine = comparison.profile.concerns
    assert len(mine) == 2
    for o in data.options:
        assert [b.yours for b in o.benefits[:3]] == [True, True, False]
        assert [b.label for b in o.benefits[:2]] == [f"Effect on {CONCERN_LABELS[c]}" for c in mine]


def test_risk_rows_use_one_denominator_and_both_framings(comparison: Any, data: ReportData) -> None:
    """A risk reads "about N in D", its other side is D − N, and tiny risks get a larger D."""
    rows = [r for o in data.options for r in o.risks]
    known = [r for r in rows if r.figure.known]
    assert known
    never_seen = [r for r in known if r.figure.text.startswith("none seen in ")]
    assert never_seen  # microneedling's serious events: 0 in 1,845 (tests/test_zero_in.py)
    for r in never_seen:
        m = re.search(r"fewer than ([\d,.]+) in ([\d,]+) ", r.figure.text)
        assert m, r.figure.text
        bound = float(m.group(1))
        assert r.other_side == f"At least {1000 - bound:,.0f} in {m.group(2)} do not."
        assert r.icons is not None
        assert r.icons.filled == 0
        assert r.icons.extra == round(bound)
    for r in known:
        if r in never_seen:
            continue
        m = re.match(r"about ([\d,.]+) in ([\d,]+) ", r.figure.text)
        assert m, r.figure.text
        count = float(m.group(1).replace(",", ""))
        denominator = int(m.group(2).replace(",", ""))
        rest = r.other_side.removeprefix("about ").split(" in ")[0].replace(",", "")
        assert abs(float(rest) - (denominator - count)) <= 0.5
        assert r.other_side.startswith("about ") is (count != int(count))
        assert r.other_side.endswith(f"in {denominator:,} do not.")
        if denominator == 1000:
            assert r.icons is not None
            assert r.icons.filled == min(1000, round(count))
            assert f"{r.icons.filled} are dark" in r.icons.label
        else:
            assert r.icons is None
            assert r.picture_text.startswith("Too rare to draw: fewer than 1 in 1,000")
    ha = next(o for o in data.options if o.id == "ha_filler")
    needle = next(r for r in ha.risks if "needle" in r.name)
    assert needle.figure.text.startswith("about 1.6 in 10,000 syringes")


def test_no_data_is_never_zero(data: ReportData) -> None:
    """A risk without a figure says "no data" with its reason and gets no picture."""
    rows = [r for o in data.options for r in o.risks if not r.figure.known]
    assert rows
    for r in rows:
        assert r.figure.text == "no data"
        assert r.figure.certainty == "no data"
        assert r.figure.note
        assert r.icons is None
        assert r.other_side == ""


def test_every_figure_has_a_grade_and_a_source(data: ReportData) -> None:
    """Every figure carries a certainty grade, and every known figure cites a source."""
    for f in data.figures():
        assert f.certainty in ("high", "moderate", "low", "very low", "no data")
        if f.known:
            assert f.cites, f.text


def first_citations(html: str) -> list[int]:
    """The citation numbers of a page in the order they first appear in it."""
    out: list[int] = []
    for n in map(int, re.findall(r'<a href="#src-(\d+)">', html)):
        if n not in out:
            out.append(n)
    return out


@pytest.mark.parametrize("case", ["example", "tiny", "clinic"])
def test_sources_are_numbered_in_the_order_the_page_cites_them(
    case: str, html: str, tmp_path: Path
) -> None:
    """Read top to bottom, the first [n] is 1, the next new one 2, and so on; each is listed."""
    page = {"example": lambda: html, "tiny": tiny_report, "clinic": lambda: clinic_report(tmp_path)}
    text = page[case]()
    listed = [int(n) for n in re.findall(r'<li id="src-(\d+)" value="\1">', text)]
    assert len(listed) > 3
    assert first_citations(text) == listed == list(range(1, len(listed) + 1))


def test_citations_number_each_source_once_in_first_use_order() -> None:
    """Citations gives a new source the next number, reuses it later, and lists unknown ids."""
    cat = load_catalog()
    a, b, c = sorted(cat.sources)[:3]
    cite = Citations(cat.sources)
    assert cite([b, a]) == (1, 2)
    assert cite([a, c, a, "NOPE"]) == (2, 3, 4)
    assert cite([]) == ()
    assert len(cite) == 4
    entries = cite.entries()
    assert [(e.number, e.id) for e in entries] == [(1, b), (2, a), (3, c), (4, "NOPE")]
    assert entries[0].citation == cat.sources[b].citation
    assert not entries[3].known
    assert entries[3].citation == "Unknown source 'NOPE'"


def test_sources_are_numbered_in_citation_order(data: ReportData) -> None:
    """Sources are numbered 1..n and every citation number points to one of them."""
    numbers = [s.number for s in data.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {n for f in data.figures() for n in f.cites}
    cited |= {n for g in data.claims for c in g.claims for n in c.cites}
    assert cited <= set(numbers)
    assert all(s.known for s in data.sources)
    for s in data.sources:
        assert s.link == "" or s.link.startswith(("http://", "https://"))


def test_excluded_options_have_reasons_with_sources(data: ReportData, comparison: Any) -> None:
    """Section 7 lists every excluded option with each reason and its sources."""
    assert [e.name for e in data.not_shown.excluded] == [e.option.name for e in comparison.excluded]
    for item in data.not_shown.excluded:
        assert item.reasons
        for r in item.reasons:
            assert r.kind in ("Health reason", "Your deal-breaker")
            assert r.cites


def test_contraindication_reason_is_shown() -> None:
    """A health exclusion is shown as a health reason, with the rule's own text."""
    p = profile(health={"pregnant": True})
    c = compare(p)
    d = data_for(c)
    kinds = {r.kind for e in d.not_shown.excluded for r in e.reasons}
    assert "Health reason" in kinds
    assert any("you are pregnant" in r.text for e in d.not_shown.excluded for r in e.reasons)


def test_claims_section(data: ReportData, comparison: Any) -> None:
    """Every claim about a shown option appears with its verdict and sources."""
    shown = {s.option.id for s in comparison.scored} | {e.option.id for e in comparison.excluded}
    expected = [c for c in comparison.catalog.claims if c.option_id in shown]
    got = [c for g in data.claims for c in g.claims]
    assert [c.text for c in got] == [
        c.text for c in sorted(expected, key=lambda c: comparison.catalog.ids.index(c.option_id))
    ]
    for c in got:
        assert c.verdict in ("supported", "weakly supported", "unsupported", "contradicted")
        assert c.cites


def test_methods_section(data: ReportData) -> None:
    """The appendix lists the nine criteria, the method and says SMAA was not run."""
    m = data.methods
    assert len(m.criteria) == 9
    assert m.method == "mavt"
    assert "multi-attribute value theory" in m.method_text
    assert m.seed is None
    assert "did not run" in m.smaa_text
    assert len(data.questions) >= 5


# -- the analysis, run before the report ----------------------------------------------------------


def test_analysis_with_smaa_is_shown(comparison: Any) -> None:
    """An analysis with SMAA shows its draws and seed, in words, with each option's share."""
    d = data_for(comparison, analyse(comparison, samples=300, seed=7))
    assert d.fit.smaa_run
    assert d.methods.samples == 300
    assert d.methods.seed == 7
    assert d.fit.smaa[0].startswith("We tried 300 plausible scenarios.")
    assert "random seed 7" in d.methods.smaa_text
    assert all(b.first_text.endswith("of 100") for b in d.fit.bars)


def test_analyse_without_smaa_still_tests_the_weights(comparison: Any) -> None:
    """smaa=False leaves out SMAA only: the weight sensitivity still says what would change."""
    a = analyse(comparison, smaa=False)
    assert a.smaa is None
    assert a.sensitivity is not None
    d = data_for(comparison, a)
    assert not d.fit.smaa_run
    assert any(line.startswith("If “") for line in d.fit.changes)
    assert "did not run" in d.methods.smaa_text


def test_no_analysis_shows_none(comparison: Any) -> None:
    """Without an analysis the report runs none: no SMAA, and only the gap between the top two."""
    d = build_report_data(comparison, options=opts())
    assert not d.fit.smaa_run
    assert d.fit.changes == (comparison.explain(comparison.ids[0], comparison.ids[1]),)


def test_building_report_data_draws_nothing_random(
    comparison: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report only reads the analysis: with random numbers unavailable it still builds."""
    analysis = analyse(comparison, samples=200, seed=3)
    expected = data_for(comparison, analysis)

    def no_random(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the report drew random numbers")

    monkeypatch.setattr("random.Random", no_random)
    monkeypatch.setattr("random.random", no_random)
    assert data_for(comparison, analysis) == expected
    assert build_report_data(comparison, options=opts()).methods.seed is None


def test_smaa_result_can_be_passed_in(comparison: Any) -> None:
    """A ready SMAA result is used as it is, not run again."""
    from antiage_compare.uncertainty.smaa import smaa_comparison

    result = smaa_comparison(comparison, samples=200, seed=3)
    d = data_for(comparison, Analysis(smaa=result))
    assert d.methods.samples == 200
    assert d.methods.seed == 3
    shares = result.first_rank()
    top = max(shares, key=lambda k: shares[k])
    name = comparison[top].option.name
    assert f"In {round(100 * shares[top])} of 100 scenarios, {name} came first." in d.fit.smaa


def test_analysis_of_another_comparison_is_refused(comparison: Any) -> None:
    """An analysis made for other options or another method is a ReportError, not a wrong page."""
    other = compare(profile(limits={"surgery": False}))
    assert set(other.ids) != set(comparison.ids)
    with pytest.raises(ReportError, match="other options"):
        data_for(comparison, analyse(other, samples=50))
    topsis = compare(example_profile(), method="topsis")
    with pytest.raises(ReportError, match="another comparison"):
        data_for(comparison, analyse(topsis, smaa=False))
    with pytest.raises(TypeError, match="Analysis"):
        build_report_data(comparison, analysis=analyse(comparison, samples=50).smaa)  # type: ignore[arg-type]


# -- options ------------------------------------------------------------------------------------


def test_report_options_are_checked_once() -> None:
    """Grid options become a tuple without repeats and hold 1 to 4 ids; types are checked."""
    assert ReportOptions(grid_options="sunscreen").grid_options == ("sunscreen",)
    pick = ReportOptions(grid_options=["a", "b", "a"]).grid_options
    assert pick == ("a", "b")
    for bad in ([], ["a", "b", "c", "d", "e"]):
        with pytest.raises(ReportError, match="1 to 4"):
            ReportOptions(grid_options=bad)
    with pytest.raises(ReportError, match="option ids"):
        ReportOptions(grid_options=[1, 2])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        ReportOptions(today="2026-11-26")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ReportOptions(prepared_for=3)  # type: ignore[arg-type]
    assert ReportOptions() == ReportOptions(grid_options=None)


def test_defaults_are_today_and_the_installed_version(comparison: Any) -> None:
    """Without a date or version, the report shows today's date and the package version."""
    import importlib.metadata

    d = build_report_data(comparison)
    assert d.decision.date_iso == dt.date.today().isoformat()
    assert d.generator == f"antiage_compare {importlib.metadata.version('antiage-compare')}"


# -- HTML ---------------------------------------------------------------------------------------


def test_html_is_self_contained(html: str) -> None:
    """No script, no external resource and no CSS import; links to sources only."""
    lower = html.lower()
    assert "<script" not in lower
    assert 'src="http' not in lower
    assert "@import" not in lower
    assert "url(http" not in lower
    assert "<link" not in lower
    assert "default-src 'none'" in html
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("#", "http://", "https://")), href
    for tag in re.findall(r'<a href="http[^"]*"[^>]*>', html):
        assert 'rel="noopener"' in tag


def test_html_sections_in_order(html: str) -> None:
    """Page one's summary, the nine sections, Questions and Sources appear, in order, once each."""
    ids = re.findall(r'<section id="([^"]+)"', html)
    assert ids == [
        "summary",
        "problem",
        "about",
        "values",
        "fit",
        "grid",
        "options",
        "not-shown",
        "claims",
        "methods",
        "questions",
        "check",
        "ready",
        "answers",
        "sources",
    ]
    assert '<h2 id="sources-h">Sources</h2>' in html
    assert "Questions to ask your practitioner" in html


def test_html_structure_for_tables_and_icons(html: str, data: ReportData) -> None:
    """Tables have captions and scoped headers; icon arrays have a text alternative."""
    assert html.count("<table") == html.count("<caption")
    assert 'scope="row"' in html
    assert 'scope="col"' in html
    n_arrays = sum(1 for o in data.options for r in o.risks if r.icons)
    n_arrays += sum(1 for r in data.summary.rows if r.risk is not None and r.risk.icons)
    assert html.count('<svg class="icons" role="img"') == n_arrays
    assert (
        len(re.findall(r'<svg class="icons" role="img"[^>]*>\n<title>Picture of 1,000', html))
        == n_arrays
    )


def test_html_ends_with_newline_and_has_unix_line_endings(html: str) -> None:
    """The page uses Unix line endings only and ends with one."""
    assert html.endswith("</html>\n")
    assert "\r" not in html


def test_render_is_deterministic(comparison: Any) -> None:
    """The same inputs give the same bytes, with and without SMAA."""
    a = page_for(comparison)
    b = page_for(comparison)
    assert a == b
    c = page_for(comparison, analyse(comparison, samples=200))
    d = page_for(comparison, analyse(comparison, samples=200))
    assert c == d
    assert a != c


def test_date_and_version_are_inputs(comparison: Any) -> None:
    """The date and version shown are the ones given."""
    page = page_for(comparison, today=dt.date(2030, 2, 3), version="9.9.9")
    assert "3 February 2030" in page
    assert 'content="antiage_compare 9.9.9"' in page


def test_user_strings_are_escaped(comparison: Any) -> None:
    """Client, clinic and interest text with markup appears as text, never as markup."""
    c = compare(profile(profile={"name": XSS_NAME}))
    page = page_for(c, clinic_name=XSS_CLINIC, competing_interests=XSS_CLINIC + " & co")
    assert "<script>window" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;&#34;&amp;é漢" in page
    assert (
        "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt; Clinique Étoile &amp; &#34;Ågé&#34;"
        in page
    )


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=40))
def test_any_user_text_is_escaped(data: ReportData, text: str) -> None:
    """Whatever text the client's or clinic's name holds, it appears escaped and nowhere raw."""
    from markupsafe import escape

    from antiage_compare.report.render import render

    d = attrs.evolve(
        data,
        decision=attrs.evolve(data.decision, prepared_for=text),
        about=attrs.evolve(data.about, clinic_name=text, competing_interests=text),
    )
    page = render(d)
    assert page.count(str(escape(text))) >= 3
    if any(ch in text for ch in "<>&\"'"):
        assert f">{text}<" not in page


def test_clinic_catalogue_names_are_escaped(tmp_path: Path) -> None:
    """A clinic's own option name and its name are escaped, and clinic prices are flagged."""
    from antiage_compare._dump import to_toml

    doc = {
        "schema_version": 1,
        "clinic": {
            "name": 'Skin <b>"Co"</b> & Søn',
            "competing_interests": "We sell <i>all</i> of these.",
            "not_offered": ["facelift"],
            "show_not_offered": True,
        },
        "prices": {
            "botulinum_toxin": {
                "per": "session",
                "amount": {"low": 150, "typical": 200, "high": 300},
            }
        },
    }
    path = tmp_path / "clinic.toml"
    path.write_text(to_toml(doc), encoding="utf-8")
    cat = load_clinic(path)
    c = compare(example_profile(), cat)
    d = data_for(c)
    assert d.about.clinic_name == 'Skin <b>"Co"</b> & Søn'
    assert d.about.competing_interests == "We sell <i>all</i> of these."
    assert d.not_shown.not_offered == (cat.not_offered[0].name,)
    assert any(
        f.startswith("Botulinum toxin") and f.endswith("price") for f in d.not_shown.clinic_figures
    )
    botox = next(o for o in d.options if o.id == "botulinum_toxin")
    assert botox.clinic_price
    assert botox.practical[2].figure.text.endswith("clinic price")
    page = page_for(c)
    assert "<b>" not in page
    assert "<i>all" not in page
    assert "Skin &lt;b&gt;&#34;Co&#34;&lt;/b&gt; &amp; Søn" in page


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,<script>", False),
        ("ftp://example.org/x", False),
        ("//example.org/x", False),
        ("/relative/path", False),
        ("https://", False),
        ("http://[::1", False),
    ],
)
def test_only_http_links(url: str, ok: bool) -> None:
    """Only absolute http(s) addresses become links; anything else is shown as text."""
    assert (safe_link(url) != "") is ok


def test_links_are_percent_encoded() -> None:
    """Characters not allowed in a URL are percent-encoded; valid addresses are unchanged."""
    assert safe_link('https://x.org/a?q="><b> é') == "https://x.org/a?q=%22%3E%3Cb%3E%20%C3%A9"
    good = "https://doi.org/10.1000/abc(12)3;x=1&y=%20#frag"
    assert safe_link(good) == good


def test_the_package_exports_the_report_lazily() -> None:
    """`ac.render_html` and friends are the report's own, loaded on first use, not on import."""
    code = (
        "import sys, antiage_compare as ac;"
        "before = 'antiage_compare.report' in sys.modules;"
        "from antiage_compare import report, errors;"
        "from antiage_compare.uncertainty import analysis;"
        "assert ac.render_html is report.render_html and ac.write_report is report.write_report;"
        "assert ac.ReportOptions is report.ReportOptions and ac.ReportError is errors.ReportError;"
        "assert ac.Analysis is analysis.Analysis and ac.analyse is analysis.analyse;"
        "print(before)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]


def test_jinja2_is_not_imported_on_import() -> None:
    """Importing the package and the report subpackage does not import jinja2."""
    code = (
        "import sys, antiage_compare, antiage_compare.report; "
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- write_report -------------------------------------------------------------------------------


def test_write_report_writes_the_same_bytes(tmp_path: Path, comparison: Any) -> None:
    """write_report writes exactly render_html's text, UTF-8, and returns the path."""
    out = write_report(comparison, tmp_path / "r.html", options=opts())
    assert out == tmp_path / "r.html"
    assert out.read_bytes() == render_html(comparison, options=opts()).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_write_report_keeps_old_file_on_render_error(tmp_path: Path, comparison: Any) -> None:
    """A failing render leaves an existing file as it was and no temporary file."""
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnknownIdError):
        write_report(comparison, target, options=opts(grid_options=["nope"]))
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_write_report_keeps_old_file_on_write_error(
    tmp_path: Path, comparison: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while moving the file into place removes the temporary file."""
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")

    def boom(self: Path, other: Any) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_report(comparison, target, options=opts())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_write_report_replaces_existing_file(tmp_path: Path, comparison: Any) -> None:
    """An existing report is replaced by the new one."""
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    write_report(comparison, str(target), options=opts())
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- icon arrays --------------------------------------------------------------------------------


@given(filled=st.integers(0, 1000), extra=st.integers(0, 1000))
def test_icon_array_rectangles_cover_exactly_the_squares(filled: int, extra: int) -> None:
    """Dark and striped rectangles cover exactly ``filled`` and ``extra`` squares, bottom up."""
    extra = min(extra, 1000 - filled)
    ia = IconArray(total=1000, filled=filled, extra=extra, label="x")
    cells: list[tuple[int, int]] = []
    for rects in (ia.filled_rects, ia.extra_rects):
        for x, y, w, h in rects:
            assert x % ia.pitch == 0
            assert y % ia.pitch == 0
            assert x >= 0
            assert x + w <= ia.width
            assert y >= 0
            assert y + h <= ia.height
            cells += [
                (cx, cy)
                for cx in range(x // ia.pitch, (x + w) // ia.pitch)
                for cy in range(y // ia.pitch, (y + h) // ia.pitch)
            ]
    assert len(cells) == len(set(cells)) == filled + extra
    # Filled from the bottom-left: the cells are the first n in fill order.
    order = [(i % ia.columns, ia.rows - 1 - i // ia.columns) for i in range(filled + extra)]
    assert set(cells) == set(order)


# -- IPDAS --------------------------------------------------------------------------------------


def test_default_report_passes_all_twelve_ipdas_criteria(data: ReportData) -> None:
    """The default report meets the twelve criteria and the four quality items.

    The twelve are the six qualifying and six certification criteria; the quality items are
    on helping a person decide.
    """
    audit = ipdas_audit(data)
    assert [i.id for i in audit.quality] == ["Q.15", "Q.sure", "Q.know", "Q.ask"]
    assert audit.items == audit.criteria + audit.quality
    assert [i.id for i in audit.criteria] == [
        "1.1.1",
        "1.1.2",
        "1.1.3",
        "1.1.4",
        "1.1.5",
        "1.2.1",
        "2.1.1",
        "2.2.1",
        "2.2.2",
        "2.2.3",
        "2.2.4",
        "2.3.1",
    ]
    assert audit.passed, str(audit)
    assert audit.failed == ()
    for item in audit.items:
        _, name, passed, reason = item
        assert passed
        assert name
        assert reason


def _drop_benefits(d: ReportData) -> ReportData:
    o = attrs.evolve(d.options[0], benefits=())
    return attrs.evolve(d, options=(o, *d.options[1:]))


def _drop_risks(d: ReportData) -> ReportData:
    o = attrs.evolve(d.options[0], risks=())
    return attrs.evolve(d, options=(o, *d.options[1:]))


def _blank_experience(d: ReportData) -> ReportData:
    o = d.options[0]
    rows = tuple(attrs.evolve(r, figure=attrs.evolve(r.figure, text="")) for r in o.experience)
    return attrs.evolve(d, options=(attrs.evolve(o, experience=rows), *d.options[1:]))


def _lopsided(d: ReportData) -> ReportData:
    o = d.options[0]
    long = attrs.evolve(o.benefits[0], detail="word " * 5000)
    return attrs.evolve(
        d, options=(attrs.evolve(o, benefits=(long, *o.benefits[1:])), *d.options[1:])
    )


def _uncited(d: ReportData) -> ReportData:
    o = d.options[0]
    cost = o.practical[2]
    b = attrs.evolve(o.benefits[0], figure=attrs.evolve(o.benefits[0].figure, cites=()))
    return attrs.evolve(
        d,
        options=(
            attrs.evolve(o, benefits=(b, *o.benefits[1:]), practical=(*o.practical[:2], cost)),
            *d.options[1:],
        ),
    )


def _ungraded(d: ReportData) -> ReportData:
    o = d.options[0]
    b = attrs.evolve(o.benefits[0], figure=attrs.evolve(o.benefits[0].figure, certainty="?"))
    return attrs.evolve(d, options=(attrs.evolve(o, benefits=(b, *o.benefits[1:])), *d.options[1:]))


BREAKS: dict[str, Callable[[ReportData], ReportData]] = {
    "1.1.1": lambda d: attrs.evolve(d, decision=attrs.evolve(d.decision, condition=())),
    "1.1.2": lambda d: attrs.evolve(d, decision=attrs.evolve(d.decision, decision="")),
    "1.1.3": lambda d: attrs.evolve(d, options=d.options[:1]),
    "1.1.4": _drop_benefits,
    "1.1.5": _drop_risks,
    "1.2.1": _blank_experience,
    "2.1.1": _lopsided,
    "2.2.1": _uncited,
    "2.2.2": lambda d: attrs.evolve(d, decision=attrs.evolve(d.decision, date_iso="someday")),
    "2.2.3": lambda d: attrs.evolve(d, about=attrs.evolve(d.about, update_policy="")),
    "2.2.4": _ungraded,
    "2.3.1": lambda d: attrs.evolve(d, about=attrs.evolve(d.about, funding="")),
    "Q.15": lambda d: attrs.evolve(d, fit=attrs.evolve(d.fit, intervals=())),
    "Q.sure": lambda d: attrs.evolve(d, ready=None),
    "Q.know": lambda d: attrs.evolve(d, understanding=d.understanding[:2]),
    "Q.ask": lambda d: attrs.evolve(d, questions=d.questions[1:]),
}


def _summary_without_nothing(d: ReportData) -> ReportData:
    rows = tuple(r for r in d.summary.rows if not r.nothing)
    return attrs.evolve(d, summary=attrs.evolve(d.summary, rows=rows))


def _summary_ungraded(d: ReportData) -> ReportData:
    r = d.summary.rows[0]
    r = attrs.evolve(r, downtime=attrs.evolve(r.downtime, certainty=""))
    return attrs.evolve(d, summary=attrs.evolve(d.summary, rows=(r, *d.summary.rows[1:])))


def _summary_risk_without_time_frame(d: ReportData) -> ReportData:
    rows = list(d.summary.rows)
    k = next(i for i, r in enumerate(rows) if r.risk is not None and r.risk.figure.known)
    rows[k] = attrs.evolve(rows[k], risk=attrs.evolve(rows[k].risk, time_frame=""))
    return attrs.evolve(d, summary=attrs.evolve(d.summary, rows=tuple(rows)))


#: Page one's checks: each breaks one item of the audit.
SUMMARY_BREAKS: list[tuple[str, Callable[[ReportData], ReportData]]] = [
    ("1.1.3", _summary_without_nothing),
    ("2.2.4", _summary_ungraded),
    ("2.2.4", _summary_risk_without_time_frame),
]


@pytest.mark.parametrize(("item_id", "brk"), SUMMARY_BREAKS)
def test_ipdas_checks_page_one_too(
    data: ReportData, item_id: str, brk: Callable[[ReportData], ReportData]
) -> None:
    """Page one must show no new treatment, and grade and time-frame what it shows."""
    audit = ipdas_audit(brk(data))
    assert [i.id for i in audit.failed] == [item_id]
    assert "page one" in audit.failed[0].reason


@pytest.mark.parametrize("item_id", sorted(BREAKS))
def test_ipdas_item_fails_when_its_content_is_missing(data: ReportData, item_id: str) -> None:
    """Removing the content an IPDAS criterion needs makes that criterion fail, with a reason."""
    audit = ipdas_audit(BREAKS[item_id](data))
    failed = {i.id: i for i in audit.failed}
    assert item_id in failed
    assert failed[item_id].reason
    assert not audit.passed


def test_a_notes_clauses_read_as_short_sentences_outside_brackets() -> None:
    from antiage_compare.report.facts import _short_sentences

    assert _short_sentences("seen in 12; none later (typical 40; range 36-64)") == (
        "seen in 12. None later (typical 40; range 36-64)"
    )
    assert _short_sentences("one; ") == "one; "
