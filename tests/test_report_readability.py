"""Reading grade: the Flesch–Kincaid heuristic against published examples, and the report's prose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from antiage_compare import load_catalog
from antiage_compare.profile import example_profile
from antiage_compare.report import ReportOptions, reading_grade, render_html, report_prose
from antiage_compare.report.readability import flesch_kincaid, syllables, text_stats
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.analysis import analyse

from .factories import catalog_dict, write_catalog

#: The report's prose must read at this US school grade or below (IPDAS: grade 8).
MAX_GRADE = 8.0

PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."


def test_published_example_platypus() -> None:
    """Wikipedia's Flesch–Kincaid example: 13 words, 24 syllables, grade 11.3."""
    stats = text_stats(PLATYPUS)
    assert (stats.sentences, stats.words, stats.syllables) == (1, 13, 24)
    assert round(reading_grade(PLATYPUS), 1) == 11.3


def test_formula_on_one_syllable_sentence() -> None:
    """One-syllable words: "The cat sat on the mat." is 6 words, 6 syllables: 0.39×6 + 11.8 − 15.59 = −1.45."""
    assert reading_grade("The cat sat on the mat.") == pytest.approx(-1.45)


def test_formula_matches_counts() -> None:
    """The grade is 0.39 × words/sentences + 11.8 × syllables/words − 15.59."""
    stats = text_stats("One two three. Four five six seven.")
    assert (stats.sentences, stats.words) == (2, 7)
    expected = 0.39 * 7 / 2 + 11.8 * stats.syllables / 7 - 15.59
    assert flesch_kincaid(stats) == pytest.approx(expected)
    assert reading_grade("") == 0.0


@pytest.mark.parametrize(
    ("word", "n"),
    [
        ("the", 1),
        ("cat", 1),
        ("make", 1),
        ("makes", 1),
        ("used", 1),
        ("free", 1),
        ("whole", 1),
        ("table", 2),
        ("creature", 2),
        ("faces", 2),
        ("wanted", 2),
        ("hybrid", 2),
        ("platypus", 3),
        ("seemingly", 3),
        ("australian", 3),
        ("évidence", 3),
        ("day-to-day", 3),
        ("14", 2),
        ("1,000", 4),
        ("1.5", 2),
    ],
)
def test_syllable_heuristic(word: str, n: int) -> None:
    """The documented heuristic counts these words as expected."""
    assert syllables(word) == n


def test_sentences_split_on_stops_and_lines_not_decimals() -> None:
    """Full stops and line breaks end sentences; a decimal point does not."""
    assert text_stats("About 1.5 in 1,000 people. Most do not!\nA new block").sentences == 3


def test_report_prose_skips_style_svg_and_not_ours() -> None:
    """Prose extraction leaves out CSS, SVG titles and text marked as not ours."""
    html = (
        "<style>p{color:red}</style><p>We wrote this.</p>"
        '<svg><title>Picture text.</title></svg><p class="not-ours">A quoted claim.</p>'
        "<td>label only</td><li>Our list item.<br>Second line.</li>"
    )
    assert report_prose(html) == "We wrote this.\nOur list item.\nSecond line."
    assert "label only" in report_prose(html, sentences_only=False)


def test_report_reading_grade_is_at_most_8() -> None:
    """The example report's prose (sentences, without titles and claims) reads at grade 8 or below."""
    c = compare(example_profile())
    options = ReportOptions(today=dt.date(2026, 11, 26), version="0")
    html = render_html(c, analysis=analyse(c, samples=500), options=options)
    prose = report_prose(html)
    grade = reading_grade(prose)
    print(f"reading grade of the example report: {grade:.2f} ({text_stats(prose)})")
    assert text_stats(prose).sentences > 300
    assert grade <= MAX_GRADE


def test_client_edition_reading_grade_is_at_most_8() -> None:
    """The hand-out (page one, grid, harms, questions) reads at grade 8 or below too."""
    c = compare(example_profile())
    options = ReportOptions(today=dt.date(2026, 11, 26), version="0", edition="client")
    html = render_html(c, analysis=analyse(c, samples=500), options=options)
    prose = report_prose(html)
    assert "You want help with" in prose  # page one is counted
    assert text_stats(prose).sentences > 100
    assert reading_grade(prose) <= MAX_GRADE


def test_template_prose_reading_grade_is_at_most_8(tmp_path: Path) -> None:
    """With a minimal catalogue, the report's own wording reads at grade 8 or below."""
    cat = load_catalog(write_catalog(tmp_path, catalog_dict()))
    c = compare(example_profile(), cat)
    options = ReportOptions(today=dt.date(2026, 11, 26), version="0")
    html = render_html(c, analysis=analyse(c, samples=200), options=options)
    grade = reading_grade(report_prose(html))
    print(f"reading grade of the report's own wording: {grade:.2f}")
    assert grade <= MAX_GRADE
