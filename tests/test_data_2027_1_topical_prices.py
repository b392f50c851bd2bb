"""Data version 2027.1: the prices of the home treatments (sunscreen, tretinoin, retinol).

Each had cost "no data", scored at the middle of the cost scale. Each is now a yearly range in
USD that is our arithmetic (editorial) on sourced prices and amounts. These tests pin each range,
its sources, the sources' kinds (which set the figure's grade ceiling) and the 5-year cost. A
change to any of these figures in ``data/options`` must come with a change here (and a line in
``data/CHANGELOG.md``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from antiage_compare import load_catalog
from antiage_compare.horizon import horizon_cost
from antiage_compare.model import NoData, Range

CAT = load_catalog()
DATA = Path(__file__).resolve().parents[1] / "data"

# option id -> (low, typical or None, high, sources), USD a year
EXPECTED: dict[str, tuple[int, int | None, int, tuple[str, ...]]] = {
    "sunscreen": (8, 68, 560, ("U7", "U5", "U6", "U8", "EDITORIAL")),
    "tretinoin": (50, None, 230, ("T11", "T12", "TAZ9", "EDITORIAL")),
    "retinol": (60, None, 265, ("RET5", "RET6", "TAZ9", "RET3", "EDITORIAL")),
}

NEW_SOURCES = {
    "U5": "survey",
    "U6": "news",
    "U7": "aggregator",
    "U8": "survey",
    "T11": "aggregator",
    "T12": "aggregator",
    "RET5": "aggregator",
    "RET6": "aggregator",
}


def _option(oid: str) -> Any:
    (opt,) = [o for o in CAT.options if o.id == oid]
    return opt


@pytest.mark.parametrize("oid", sorted(EXPECTED))
def test_cost_is_a_sourced_editorial_yearly_range(oid: str) -> None:
    low, typical, high, sources = EXPECTED[oid]
    o = _option(oid)
    amount = o.cost.amount
    assert not isinstance(amount, NoData)
    assert isinstance(amount, Range)
    assert o.cost.per.value == "year"
    assert (amount.low, amount.typical, amount.high) == (low, typical, high)
    assert amount.unit == "USD"
    assert amount.sources == sources
    assert amount.editorial
    assert "EDITORIAL" in amount.sources
    assert "our arithmetic" in amount.note.lower()


@pytest.mark.parametrize("oid", sorted(EXPECTED))
def test_five_year_cost_is_far_below_the_no_data_middle(oid: str) -> None:
    """Over 5 years: the yearly range × 5, no longer "no data" at the scale's middle."""
    low, typical, high, _ = EXPECTED[oid]
    five = horizon_cost(_option(oid), 5)
    assert isinstance(five, Range)
    assert (five.low, five.typical, five.high) == (
        low * 5,
        None if typical is None else typical * 5,
        high * 5,
    )


def test_the_notes_give_the_inputs_of_the_arithmetic() -> None:
    """Each note names the price, the amount and how long a pack lasts that the range rests on."""
    sun = _option("sunscreen").cost.amount.note
    for part in ("1.0 to 1.2 g", "$1.7 per 10 g", "$0.60", "$36.40", "face only"):
        assert part in sun
    tre = _option("tretinoin").cost.amount.note
    for part in ("0.25 g", "$25 to $40 for 45 g", "$10 to $50", "prescription visit"):
        assert part in tre
    ret = _option("retinol").cost.amount.note
    for part in ("$20.44", "$21.97", "1 oz", "0.25 g", "1 to 3 months"):
        assert part in ret


@pytest.mark.parametrize(("sid", "kind"), sorted(NEW_SOURCES.items()))
def test_new_price_sources_have_their_kind(sid: str, kind: str) -> None:
    src = CAT.sources[sid]
    assert src.kind.value == kind
    assert src.url.startswith("https://")


def test_shop_and_blog_pages_are_low_quality_kinds() -> None:
    """Prices from web pages rest on low-quality kinds, so their grade ceiling is very low."""
    for sid in ("U7", "T11", "T12", "RET5", "RET6"):
        assert CAT.sources[sid].kind.value in {"aggregator", "practitioner_page"}


def test_new_sources_sit_at_the_end_under_their_header() -> None:
    text = (DATA / "sources.toml").read_text(encoding="utf-8")
    header = "# Added in data version 2027.1: prices of the home treatments"
    assert text.count(header) == 1
    tail = text[text.index(header) :]
    for sid in NEW_SOURCES:
        assert f'id = "{sid}"' in tail
    assert "[[source]]" not in tail.split("(end of the 2027.1 sources for the prices")[1]


def test_changelog_has_one_line_per_changed_option() -> None:
    text = (DATA / "CHANGELOG.md").read_text(encoding="utf-8")
    head = "### Prices of the home treatments"
    assert text.count(head) == 1
    start = text.index(head)
    assert text.index("## 2027.1") < start < text.index("## 2026.11")
    section = text[start : text.index("## 2026.11")]
    for oid in EXPECTED:
        lines = [ln for ln in section.splitlines() if ln.startswith(f"- {oid} · cost.amount")]
        assert len(lines) == 1, oid
        assert '"no data" →' in lines[0]
