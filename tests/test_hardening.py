"""Hardening: concurrency, determinism, memory, scale and generated medical-safety cases (issue 7)."""

from __future__ import annotations

import gc
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest

import antiage_compare.loading as catalog_module
from antiage_compare import Catalog, compare, example_profile, load_catalog, load_clinic, scoring
from antiage_compare._paths import shipped_data
from antiage_compare.model import HealthCondition, RuleLevel
from antiage_compare.profile import Profile
from antiage_compare.scoring import value_row

from .factories import catalog_dict, write_catalog

CAT = load_catalog()

#: How each health condition id is triggered in a profile's [health] table.
TRIGGERS: dict[str, dict[str, Any]] = {
    "pregnant": {"pregnant": True},
    "breastfeeding": {"breastfeeding": True},
    "anticoagulants": {"anticoagulants": True},
    "isotretinoin_recent": {"isotretinoin_months_ago": 1},
    "keloid_tendency": {"keloid_tendency": True},
    "skin_type_4_6": {"fitzpatrick": 4},
    "skin_type_5_6": {"fitzpatrick": 6},
    "smoker": {"smoker": True},
    "cold_sores": {"cold_sores": True},
    "neuromuscular_disorder": {"neuromuscular_disorder": True},
    "active_skin_infection": {"active_skin_infection": True},
    "male": {"sex": "male"},
    "heart_disease": {"heart_disease": True},
    "immunosuppressed": {"immunosuppressed": True},
    "electronic_implant": {"electronic_implant": True},
    "facial_eczema": {"facial_eczema": True},
    "photosensitising_medicine": {"photosensitising_medicine": True},
    "autoimmune_disease": {"autoimmune_disease": True},
    "bleeding_disorder": {"bleeding_disorder": True},
    "metal_implant": {"metal_implant": True},
}


def exclusion_cases() -> list[tuple[str, str]]:
    """Every (option id, condition) pair the shipped data marks as an exclusion."""
    return sorted(
        {
            (o.id, r.when.value)
            for o in CAT
            for r in o.contraindications
            if r.level is RuleLevel.EXCLUDE
        }
    )


def profile_triggering(condition: str, **importance: float) -> Profile:
    """A profile that triggers ``condition`` and accepts everything else."""
    return Profile.from_dict(
        {
            "profile": {"name": "safety"},
            "importance": importance or {"effectiveness": 10, "cost": 1},
            "health": TRIGGERS[condition],
        }
    )


def test_every_condition_in_the_data_has_a_trigger() -> None:
    """The generated safety cases cover every condition the data uses."""
    used = {r.when.value for o in CAT for r in o.contraindications}
    assert used <= set(TRIGGERS)
    assert set(TRIGGERS) == {c.value for c in HealthCondition}  # every condition can be triggered
    assert len(exclusion_cases()) >= 15


@pytest.mark.parametrize(("option_id", "condition"), exclusion_cases())
@pytest.mark.parametrize(
    "weights",
    [
        {"effectiveness": 10},
        {"cost": 10},
        {"durability": 10, "effectiveness": 3, "serious_risk": 5},
    ],
)
def test_generated_exclusion_never_eligible(
    option_id: str, condition: str, weights: dict[str, float]
) -> None:
    """For every exclusion rule in the data, a triggering profile never sees the option as eligible."""
    c = compare(profile_triggering(condition, **weights))
    assert option_id not in c.ids
    (exc,) = [e for e in c.excluded if e.option.id == option_id]
    assert any(r.kind == "contraindication" and r.sources for r in exc.reasons)
    assert option_id not in [e["id"] for e in c.to_dict()["eligible"]]


#: Concern lists for the thread test: each gives other value rows, so the threads fill the
#: shared memo with different keys at the same time.
THREAD_CONCERNS = [
    (),
    ("laxity",),
    ("wrinkles", "fine_lines"),
    ("fine_lines", "wrinkles"),
    ("pigmentation",),
    ("acne_scars", "texture"),
    ("volume_loss",),
    ("texture", "laxity", "pigmentation"),
]


def test_compare_from_eight_threads_shares_one_memo_and_matches_serial() -> None:
    """8 threads comparing against one fresh catalogue get the serial results, and its memo is sound.

    The state shared between the threads is the catalogue's value memo (Catalog._memo). Each
    round starts all eight threads together (a barrier) on concerns nobody has compared yet,
    so all of them miss the same memo entries at the same moment and fill them at once; a tiny
    switch interval makes the interpreter swap threads every few bytecodes. Each expected
    result is computed serially on a catalogue of its own, so it shares nothing with the
    threads. Afterwards every memo entry must hold the catalogue's own option and the row a
    serial computation gives. Repeated on a few fresh catalogues.
    """
    profiles = [attrs.evolve(example_profile(), concerns=c) for c in THREAD_CONCERNS]
    expected = [compare(p, load_catalog(shipped_data())).to_dict() for p in profiles]
    barrier = threading.Barrier(8)

    def work(shared: Catalog) -> list[str]:
        wrong = []
        for i, p in enumerate(profiles):
            barrier.wait(timeout=60)
            try:
                if compare(p, shared).to_dict() != expected[i]:
                    wrong.append(f"{i}: other result")
            except Exception as exc:
                wrong.append(f"{i}: {exc!r}")
        return wrong

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(4):
            shared = load_catalog(shipped_data())
            assert shared._memo == {}
            with ThreadPoolExecutor(max_workers=8) as pool:
                wrong = [i for found in pool.map(work, [shared] * 8) for i in found]
            assert wrong == []
            assert len(shared._memo) > len(profiles)
            for (option_id, concerns, lasting, horizon, caution), row in shared._memo.items():
                assert row.option is shared[option_id]
                assert row == value_row(
                    shared[option_id],
                    concerns,
                    shared.criteria,
                    lasting_weight=lasting,
                    horizon_years=horizon,
                    certainty_weight=caution,
                )
    finally:
        sys.setswitchinterval(interval)


def test_cached_catalogue_loading_is_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many threads asking for the shipped catalogue at once load it once and share one object."""
    monkeypatch.setattr(catalog_module, "_shipped", None)
    calls = []
    real = catalog_module._load_folder

    def counting(folder: Any) -> Any:
        calls.append(1)
        return real(folder)

    monkeypatch.setattr(catalog_module, "_load_folder", counting)
    barrier = threading.Barrier(8)

    def get(_: int) -> int:
        barrier.wait()
        return id(load_catalog())

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = set(pool.map(get, range(8)))
    assert len(ids) == 1
    assert len(calls) == 1


def test_memory_stays_flat_over_two_thousand_fresh_catalogues(tmp_path: Path) -> None:
    """Loading 2,000 fresh catalogues and comparing against each leaves no trail of live objects.

    An app that loads a clinic file per request does exactly this. A cache keyed by the
    option objects outside the catalogue (0.1.0's module-level ``scoring._ROWS``) keeps every
    catalogue's options alive, about 28 objects per option. A small single-file catalogue (two
    options) keeps the test fast; it goes through the same load_catalog() and compare() path
    as any other. Counts objects tracked by the garbage collector after a warm-up.
    """
    path = write_catalog(tmp_path, catalog_dict())
    profiles = [example_profile(), attrs.evolve(example_profile(), concerns=("laxity",))]

    def one() -> None:
        catalog = load_catalog(path)
        for p in profiles:
            compare(p, catalog)

    for _ in range(200):
        one()
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(2_000):
        one()
    gc.collect()
    growth = len(gc.get_objects()) - before
    assert growth < 500, f"{growth} more live objects after 2,000 fresh catalogues"


def test_the_value_memo_lives_on_the_catalogue_it_describes() -> None:
    """Rows are reused for the same catalogue only, and a narrowed catalogue starts afresh."""
    profile = example_profile()
    catalog = load_catalog(shipped_data())
    first, again = compare(profile, catalog), compare(profile, catalog)
    other = compare(profile, load_catalog(shipped_data()))

    def raws(c: Any) -> list[Any]:
        return [x.raw for s in c.scored for x in s.contributions]

    assert all(x is y for x, y in zip(raws(first), raws(again), strict=True))
    assert not any(x is y for x, y in zip(raws(first), raws(other), strict=True))
    assert catalog == load_catalog(shipped_data())  # the memo is not part of the value
    assert catalog.without("facelift")._memo == {}


def test_the_value_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalogue shared by many people with different concerns keeps at most MEMO_MAX rows."""
    monkeypatch.setattr(scoring, "MEMO_MAX", 40)
    catalog = load_catalog(shipped_data())
    for concerns in THREAD_CONCERNS:
        compare(attrs.evolve(example_profile(), concerns=concerns), catalog)
        assert 0 < len(catalog._memo) <= 40


def test_large_catalogue_compares() -> None:
    """A catalogue of 500 options compares without error, with consistent ranks."""
    options = [
        attrs.evolve(o, id=f"{o.id}_{k}") for k in range(39) for o in CAT if o.id != "no_procedure"
    ]
    big = attrs.evolve(CAT, options=[*options[:499], CAT["no_procedure"]])
    assert len(big) == 500
    c = compare(example_profile(), big)
    assert len(c.scored) + len(c.excluded) == 500
    fits = [s.fit for s in c.scored]
    assert fits == sorted(fits, reverse=True)


CLINIC = """
schema_version = 1
[clinic]
name = "Safety Test Clinic"
competing_interests = "We sell every treatment listed."
currency = "GBP"
[cost_scale]
worst = 16000
[prices.tretinoin]
per = "year"
amount = { low = 10, high = 40 }
[prices.botulinum_toxin]
per = "session"
amount = { low = 150, typical = 200, high = 300 }
[prices.peel_deep]
per = "course"
amount = { low = 100, high = 200 }
[prices.laser_ablative]
per = "course"
amount = { low = 100, high = 200 }
"""


@pytest.mark.parametrize(("option_id", "condition"), exclusion_cases())
def test_generated_exclusion_holds_through_smaa_cli_json_and_clinic(
    option_id: str, condition: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same exclusions hold through smaa(), the CLI's --json output and a clinic catalogue."""
    import json

    from antiage_compare import smaa
    from antiage_compare._dump import to_toml
    from antiage_compare.cli import main

    profile = profile_triggering(condition)
    assert option_id not in smaa(profile, samples=50).option_ids

    profile_path = tmp_path / "p.toml"
    profile_path.write_text(to_toml(profile.to_dict()), encoding="utf-8")
    clinic_path = tmp_path / "clinic.toml"
    clinic_path.write_text(CLINIC, encoding="utf-8")
    for extra in ([], ["--clinic", str(clinic_path)]):
        assert main(["compare", str(profile_path), "--json", *extra]) == 0
        data = json.loads(capsys.readouterr().out)
        assert option_id not in [e["id"] for e in data["eligible"]]
        assert option_id in [e["id"] for e in data["excluded"]]

    clinic = load_clinic(clinic_path)
    assert option_id not in compare(profile, clinic).ids
    assert option_id not in smaa(profile, clinic, samples=50).option_ids
