"""Clinic catalogues: prices, currency, options not offered, own options, and safety rules kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from antiage_compare import DataError, load_catalog, load_clinic
from antiage_compare._dump import to_toml
from antiage_compare.clinic import CLINIC_SOURCE_ID
from antiage_compare.model import NoData, Range
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare

from .factories import clinic_option_dict

CLINIC_SOURCES = [
    {"id": "K1", "title": "Clinic audit of 200 patients", "kind": "cohort", "year": 2025},
    {"id": "K2", "title": "Manufacturer leaflet", "kind": "label", "year": 2024},
]


def own_option(oid: str = "clinic_glow") -> dict[str, Any]:
    """A complete clinic option citing the clinic's own sources."""
    d = clinic_option_dict(oid)
    d["name"] = "Glow facial (clinic's own)"
    d["cost"]["amount"]["unit"] = "GBP"
    return d


def clinic_doc(**over: Any) -> dict[str, Any]:
    """A valid clinic file mapping; keyword arguments replace top-level keys."""
    d: dict[str, Any] = {
        "schema_version": 1,
        "clinic": {
            "name": "Example Skin Clinic",
            "competing_interests": "We sell most of the treatments in this report.",
        },
    }
    d.update(over)
    return d


def client() -> Profile:
    """The example client with a budget in no stated currency (read in the clinic's)."""
    data = example_profile().to_dict()
    data["limits"].pop("currency", None)
    return Profile.from_dict(data)


def write(tmp_path: Path, data: dict[str, Any], name: str = "clinic.toml") -> Path:
    """Write a clinic file and return its path."""
    path = tmp_path / name
    path.write_text(to_toml(data), encoding="utf-8")
    return path


def test_clinic_metadata(tmp_path: Path) -> None:
    """The clinic's name and competing-interest statement reach the catalogue info."""
    cat = load_clinic(write(tmp_path, clinic_doc()))
    assert cat.info.clinic_name == "Example Skin Clinic"
    assert cat.info.competing_interests == "We sell most of the treatments in this report."
    assert cat.ids == load_catalog().ids
    assert CLINIC_SOURCE_ID in cat.sources


def test_price_override_same_currency(tmp_path: Path) -> None:
    """A price in the catalogue's currency changes that option's course cost, and only that."""
    shipped = load_catalog()
    doc = clinic_doc(
        prices={
            "botulinum_toxin": {
                "per": "session",
                "amount": {"low": 150, "typical": 200, "high": 300},
            }
        }
    )
    cat = load_clinic(write(tmp_path, doc))
    botox = cat["botulinum_toxin"]
    assert botox.cost.from_clinic
    assert isinstance(botox.cost.amount, Range)
    assert botox.cost.amount.typical == 200
    assert botox.cost.amount.sources == (CLINIC_SOURCE_ID,)
    assert botox.course_cost != shipped["botulinum_toxin"].course_cost
    sessions = shipped["botulinum_toxin"].sessions
    assert isinstance(sessions, Range)
    course = botox.course_cost
    assert isinstance(course, Range)
    assert course.point == pytest.approx(200 * sessions.point)
    assert "botulinum_toxin.cost" in cat.clinic_figures
    assert cat["ha_filler"].cost == shipped["ha_filler"].cost
    assert "ha_filler.cost" not in cat.clinic_figures


def test_price_override_other_currency(tmp_path: Path) -> None:
    """A clinic currency makes un-priced options' costs "no data" (never converted silently)."""
    doc = clinic_doc(
        clinic={**clinic_doc()["clinic"], "currency": "GBP"},
        cost_scale={"worst": 15000},
        prices={"ha_filler": {"per": "course", "amount": {"low": 300, "high": 600}}},
    )
    cat = load_clinic(write(tmp_path, doc))
    assert cat.info.currency == "GBP"
    filler = cat["ha_filler"]
    assert filler.cost.currency == "GBP"
    assert isinstance(filler.cost.amount, Range)
    assert (filler.cost.amount.low, filler.cost.amount.high) == (300, 600)
    botox = cat["botulinum_toxin"]
    assert botox.cost.currency == "GBP"
    assert isinstance(botox.cost.amount, NoData)
    assert "GBP" in botox.cost.amount.reason
    assert isinstance(botox.course_cost, NoData)
    result = compare(client(), cat)
    assert result["botulinum_toxin"].contribution("cost").no_data


def test_no_procedure_costs_nothing_in_any_currency(tmp_path: Path) -> None:
    """Doing nothing new costs 0 in every currency; a clinic currency must not make it "no data"."""
    doc = clinic_doc(
        clinic={**clinic_doc()["clinic"], "currency": "GBP"}, cost_scale={"worst": 15000}
    )
    cat = load_clinic(write(tmp_path, doc))
    cost = cat["no_procedure"].course_cost
    assert isinstance(cost, Range)
    assert cost.high == 0
    assert cat["no_procedure"].cost.currency == "GBP"
    assert not compare(client(), cat)["no_procedure"].contribution("cost").no_data


def test_not_offered_hidden(tmp_path: Path) -> None:
    """Options the clinic does not offer are hidden by default."""
    doc = clinic_doc(clinic={**clinic_doc()["clinic"], "not_offered": ["facelift", "peel_deep"]})
    cat = load_clinic(write(tmp_path, doc))
    assert "facelift" not in cat
    assert "peel_deep" not in cat
    assert cat.not_offered == ()
    result = compare(client(), cat)
    assert "facelift" not in result.ids
    assert all(e.option.id != "facelift" for e in result.excluded)


def test_not_offered_shown(tmp_path: Path) -> None:
    """With show_not_offered, they are kept aside, marked as not offered, and never scored."""
    doc = clinic_doc(
        clinic={
            **clinic_doc()["clinic"],
            "not_offered": ["facelift"],
            "show_not_offered": True,
        }
    )
    cat = load_clinic(write(tmp_path, doc))
    assert "facelift" not in cat
    assert [o.id for o in cat.not_offered] == ["facelift"]
    assert cat.not_offered[0].offered is False


@pytest.mark.parametrize(
    ("oid", "needle"),
    [("no_such_option", "the catalogue has no option"), ("no_procedure", "always shown")],
)
def test_not_offered_bad_ids(tmp_path: Path, oid: str, needle: str) -> None:
    """An unknown id, or "no procedure", cannot be marked as not offered."""
    doc = clinic_doc(clinic={**clinic_doc()["clinic"], "not_offered": [oid]})
    path = write(tmp_path, doc)
    with pytest.raises(DataError) as info:
        load_clinic(path)
    assert str(path) in str(info.value)
    assert "clinic.not_offered[0]" in str(info.value)
    assert needle in str(info.value)


def test_own_option_with_sources_is_compared(tmp_path: Path) -> None:
    """A clinic's own option with its own sources loads, is marked as clinic data, and is scored."""
    doc = clinic_doc(source=CLINIC_SOURCES, option=[own_option()])
    cat = load_clinic(write(tmp_path, doc))
    assert "clinic_glow" in cat
    assert cat["clinic_glow"].sources == ("K1", "K2")
    assert "clinic_glow.*" in cat.clinic_figures
    result = compare(client(), cat)
    assert "clinic_glow" in result.ids
    assert 0 <= result["clinic_glow"].fit <= 100
    pregnant = Profile.from_dict({**client().to_dict(), "health": {"pregnant": True}}, file="t")
    excluded = {e.option.id for e in compare(pregnant, cat).excluded}
    assert "clinic_glow" in excluded  # its own contraindication is applied too


def test_own_option_without_sources_is_refused(tmp_path: Path) -> None:
    """An own option that cites nothing is refused, naming the file and the field."""
    opt = own_option()
    opt["mechanism_sources"] = []
    path = write(tmp_path, clinic_doc(source=CLINIC_SOURCES, option=[opt]))
    with pytest.raises(DataError) as info:
        load_clinic(path)
    message = str(info.value)
    assert str(path) in message
    assert "option[0].mechanism_sources" in message
    assert "at least one source" in message


def test_own_option_citing_missing_source_is_refused(tmp_path: Path) -> None:
    """An own option citing a source the file does not define is refused."""
    path = write(tmp_path, clinic_doc(option=[own_option()]))  # no [[source]] tables
    with pytest.raises(DataError, match=r"option\[0\]\.mechanism_sources\[0\].*unknown source"):
        load_clinic(path)


@pytest.mark.parametrize("oid", ["tretinoin", "no_procedure"])
def test_own_option_reusing_shipped_id_is_refused(tmp_path: Path, oid: str) -> None:
    """An own option may not replace a shipped one (that would drop its contraindications)."""
    path = write(tmp_path, clinic_doc(source=CLINIC_SOURCES, option=[own_option(oid)]))
    with pytest.raises(DataError) as info:
        load_clinic(path)
    assert str(path) in str(info.value)
    assert "option[0].id" in str(info.value)
    assert repr(oid) in str(info.value)


def test_own_source_reusing_shipped_id_is_refused(tmp_path: Path) -> None:
    """A clinic source may not redefine a shipped source id."""
    path = write(tmp_path, clinic_doc(source=[{"id": "A1", "title": "Mine", "kind": "rct"}]))
    with pytest.raises(DataError, match=r"source\[0\]\.id.*already exists"):
        load_clinic(path)


def test_price_table_cannot_drop_contraindications(tmp_path: Path) -> None:
    """A `[prices.tretinoin]` table with `contraindications = []` is refused, naming the key."""
    doc = clinic_doc(
        prices={
            "tretinoin": {
                "per": "year",
                "amount": {"low": 50, "high": 120},
                "contraindications": [],
            }
        }
    )
    path = write(tmp_path, doc)
    with pytest.raises(DataError) as info:
        load_clinic(path)
    message = str(info.value)
    assert str(path) in message
    assert "prices.tretinoin.contraindications" in message
    assert "unknown key" in message


@pytest.mark.parametrize(
    "override",
    [
        {"options": {"tretinoin": {"contraindications": []}}},
        {"option_overrides": {"tretinoin": {"contraindications": []}}},
        {"contraindications": {"tretinoin": []}},
    ],
)
def test_top_level_override_of_a_shipped_option_is_refused(
    tmp_path: Path, override: dict[str, Any]
) -> None:
    """No top-level table can reach a shipped option's rules; each attempt names its key."""
    path = write(tmp_path, clinic_doc(**override))
    with pytest.raises(DataError) as info:
        load_clinic(path)
    key = next(iter(override))
    assert str(path) in str(info.value)
    assert f"{key}: unknown key" in str(info.value)


def test_pregnancy_still_excludes_tretinoin_under_a_clinic(tmp_path: Path) -> None:
    """A clinic that prices tretinoin still cannot make it open to a pregnant person."""
    doc = clinic_doc(
        clinic={**clinic_doc()["clinic"], "currency": "GBP"},
        cost_scale={"worst": 15000},
        prices={"tretinoin": {"per": "year", "amount": {"low": 50, "high": 120}}},
        source=CLINIC_SOURCES,
        option=[own_option()],
    )
    cat = load_clinic(write(tmp_path, doc))
    assert cat["tretinoin"].contraindications == load_catalog()["tretinoin"].contraindications
    data = client().to_dict()
    data["health"]["pregnant"] = True
    result = compare(Profile.from_dict(data), cat)
    assert "tretinoin" not in result.ids
    reasons = next(e.reasons for e in result.excluded if e.option.id == "tretinoin")
    assert any(r.kind == "contraindication" for r in reasons)


@pytest.mark.parametrize(
    ("doc", "key"),
    [
        (
            {"schema_version": 2, "clinic": {"name": "X", "competing_interests": "Y"}},
            "schema_version",
        ),
        ({"schema_version": 1, "clinic": {"name": "X"}}, "clinic.competing_interests"),
        ({"schema_version": 1, "clinic": {"name": "", "competing_interests": "Y"}}, "clinic.name"),
        (
            {
                "schema_version": 1,
                "clinic": {"name": "X", "competing_interests": "Y"},
                "prices": {"nope": {"per": "course", "amount": {"low": 1, "high": 2}}},
            },
            "prices.nope",
        ),
        (
            {
                "schema_version": 1,
                "clinic": {"name": "X", "competing_interests": "Y"},
                "prices": {"sunscreen": {"per": "course", "amount": {"low": 5, "high": 2}}},
            },
            "prices.sunscreen.amount.low",
        ),
        (
            {
                "schema_version": 1,
                "clinic": {"name": "X", "competing_interests": "Y"},
                "prices": {"sunscreen": {"per": "course", "amount": "no data"}},
            },
            "prices.sunscreen.amount",
        ),
    ],
)
def test_bad_clinic_files_name_file_and_key(tmp_path: Path, doc: dict[str, Any], key: str) -> None:
    """Every mistake in a clinic file is a DataError naming the file and the key."""
    path = write(tmp_path, doc)
    with pytest.raises(DataError) as info:
        load_clinic(path)
    assert str(info.value).startswith(f"{path}: {key}")


def test_clinic_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`compare --clinic` and `--json` use the clinic's prices; `validate` describes the file."""
    from antiage_compare.cli import main

    doc = clinic_doc(
        clinic={**clinic_doc()["clinic"], "not_offered": ["facelift"]},
        source=CLINIC_SOURCES,
        option=[own_option()],
    )
    path = write(tmp_path, doc)
    assert main(["compare", "--clinic", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = {e["id"] for e in data["eligible"]} | {e["id"] for e in data["excluded"]}
    assert "clinic_glow" in ids
    assert "facelift" not in ids
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "valid clinic file for 'Example Skin Clinic'" in out
    assert "1 of its own" in out
