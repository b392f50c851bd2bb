"""Hardening: concurrency, determinism, memory, scale and generated medical-safety cases (issue 7)."""

from __future__ import annotations

import gc
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import pytest

import antiage_compare.loading as catalog_module
from antiage_compare import compare, example_profile, load_catalog, load_clinic
from antiage_compare.model import RuleLevel
from antiage_compare.profile import Profile

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
    assert len(exclusion_cases()) >= 15


@pytest.mark.parametrize(("option_id", "condition"), exclusion_cases())
@pytest.mark.parametrize(
    "weights", [{"effectiveness": 10}, {"cost": 10}, {"durability": 10, "evidence": 3}]
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


def test_compare_from_eight_threads_matches_serial() -> None:
    """compare() from 8 threads x 1,000 calls gives results identical to serial ones."""
    profiles = [
        example_profile(),
        profile_triggering("pregnant"),
        profile_triggering("skin_type_5_6", cost=4, serious_risk=9),
    ]
    expected = [compare(p).to_dict() for p in profiles]

    def work(k: int) -> bool:
        p = profiles[k % len(profiles)]
        return compare(p).to_dict() == expected[k % len(profiles)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8_000)))
    assert all(results)


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


def test_memory_stays_flat_over_ten_thousand_comparisons() -> None:
    """10,000 repeated comparisons leave no growing trail of live objects.

    Counts objects tracked by the garbage collector (tracemalloc would make the loop ~10x
    slower); a leak of even one object per comparison would show as thousands.
    """
    p = example_profile()
    for _ in range(1_000):
        compare(p)
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(9_000):
        compare(p)
    gc.collect()
    after = len(gc.get_objects())
    assert after - before < 500, f"{after - before} more live objects after 9,000 more comparisons"


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
