"""Comparison._repr_html_: the small table Jupyter shows, drawn and escaped by the comparison."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape

import attrs

from antiage_compare import ScoredOption, compare, example_profile, load_catalog
from antiage_compare.profile import Profile
from antiage_compare.report import repr_html

MARKUP = '<script>window.__pwned=1</script> "Zoë" & <b>co</b>'


def _cells(fragment: str) -> list[tuple[int, float, str, str]]:
    """(rank, fit, fit range cell, option cell text) for each body row of the table."""
    return [
        (int(rank), float(fit), span, unescape(name))
        for rank, fit, span, name in re.findall(
            r"<tr><td[^>]*>(\d+)</td><td[^>]*>([\d.]+)</td><td[^>]*>([\d-]+)</td>"
            r"<th[^>]*>(.*?)</th></tr>",
            fragment,
        )
    ]


def _rows(fragment: str) -> list[tuple[int, float, str]]:
    """(rank, fit, option cell text) for each body row of the table."""
    return [(rank, fit, name) for rank, fit, _, name in _cells(fragment)]


def _marked(s: ScoredOption) -> str:
    return (
        s.option.name + (" (tie)" if s.tied_with else "") + (" (take care)" if s.cautions else "")
    )


def test_rows_follow_the_ranking() -> None:
    """One row per eligible option, in rank order, with its rank, fit to one decimal and marks."""
    p = example_profile()
    c = compare(attrs.evolve(p, health=attrs.evolve(p.health, cold_sores=True)))
    assert any(s.cautions for s in c.scored)
    assert _rows(c._repr_html_()) == [(s.rank, round(s.fit, 1), _marked(s)) for s in c.scored]


def test_fit_ranges_match_the_text_table() -> None:
    """The range column is the text table's: low-high for missing figures, a dash otherwise."""
    c = compare(example_profile())
    spans = [span for _, _, span, _ in _cells(c._repr_html_())]
    assert "-" in spans  # some option has nothing missing
    assert any(span != "-" for span in spans)
    for s, span in zip(c.scored, spans, strict=True):
        r = s.fit_range
        assert r is not None
        assert span == ("-" if r.known else f"{r.low:.0f}-{r.high:.0f}")
    assert "Range: the fit with the option's missing figures" in unescape(c._repr_html_())


def test_marks_and_exclusions_match_the_text_table() -> None:
    """Ties and cautions are marked where table() marks them; each exclusion has its reason."""
    c = compare(example_profile())
    plain = [attrs.evolve(s, tied_with=(), cautions=()) for s in c.scored]
    plain[0] = attrs.evolve(plain[0], tied_with=(plain[1].id,))
    plain[2] = attrs.evolve(plain[2], cautions=c.excluded[0].reasons[:1])
    c = attrs.evolve(c, scored=tuple(plain))
    fragment = c._repr_html_()
    names = [name for _, _, name in _rows(fragment)]
    assert names[0] == f"{plain[0].option.name} (tie)"
    assert names[2] == f"{plain[2].option.name} (take care)"
    assert [n for i, n in enumerate(names) if i not in (0, 2)] == [
        s.option.name for i, s in enumerate(plain) if i not in (0, 2)
    ]
    text = unescape(fragment)
    assert "Not open to you:" in text
    for e in c.excluded:
        assert f"<li>{e.option.name}: {e.reasons[0].text}</li>" in text
    assert "not medical advice" in text
    assert c.summary() in text


def test_every_string_is_escaped() -> None:
    """Markup in the profile name, option names and reasons shows as text, never as markup."""
    data = example_profile().to_dict()
    data["profile"]["name"] = MARKUP
    cat = load_catalog()
    options = [attrs.evolve(o, name=f"{o.name} {MARKUP}") for o in cat]
    c = compare(Profile.from_dict(data), attrs.evolve(cat, options=options))
    fragment = c._repr_html_()
    assert "<script" not in fragment
    assert "<b>" not in fragment
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; &quot;Zoë&quot; &amp; &lt;b&gt;co" in (
        fragment
    )
    # every option, the profile name in the caption, and the options the summary names again
    named = c.summary().count(MARKUP)
    assert named >= 1
    assert unescape(fragment).count(MARKUP) == len(c.scored) + len(c.excluded) + 1 + named


def test_no_report_and_no_jinja2_are_needed() -> None:
    """Drawing the table imports neither the report nor jinja2; it is a fragment, not a page."""
    code = (
        "import sys, antiage_compare as ac;"
        "html = ac.compare(ac.example_profile())._repr_html_();"
        "assert html.startswith('<div') and '<html' not in html and '<table>' in html;"
        "print(sorted(m for m in ('jinja2', 'antiage_compare.report') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_report_repr_html_is_the_same_table() -> None:
    """antiage_compare.report.repr_html, kept for earlier callers, gives the same fragment."""
    c = compare(example_profile())
    assert repr_html(c) == c._repr_html_()
