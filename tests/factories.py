"""Builders of small valid catalogues and options for tests (data-file mappings and models)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from antiage_compare._dump import to_toml
from antiage_compare.model import CONCERNS

SOURCES = [
    {"id": "S1", "title": "A trial", "kind": "rct", "year": 2020},
    {"id": "S2", "title": "A review", "kind": "systematic_review"},
]


def option_dict(oid: str = "opt_a", **over: Any) -> dict[str, Any]:
    """A complete, valid option mapping; keyword arguments replace top-level keys."""
    d: dict[str, Any] = {
        "id": oid,
        "name": f"Option {oid}",
        "summary": "A thing that is done.",
        "mechanism": "It does something.",
        "mechanism_sources": ["S1"],
        "invasiveness": "needles",
        "pierces_skin": True,
        "in_clinic": True,
        "ongoing": False,
        "concerns": ["wrinkles"],
        "certainty": {"level": "low", "reason": "Small trials.", "sources": ["S1"]},
        "sessions": {
            "count": {"low": 3, "typical": 4, "high": 6, "unit": "sessions", "sources": ["S1"]},
            "interval": "monthly",
            "interval_sources": ["S1"],
        },
        "downtime": {
            "days": {"low": 1, "typical": 2, "high": 7, "unit": "days", "sources": ["S1"]}
        },
        "effect": {
            "onset_days": {"low": 30, "high": 90, "unit": "days", "sources": ["S1"]},
            "duration_months": "no data",
            "duration_reason": "not followed up",
        },
        "cost": {
            "per": "session",
            "amount": {"low": 100, "typical": 200, "high": 300, "unit": "USD", "sources": ["S2"]},
        },
        "experience": {"pain": "Some.", "marks": "Red.", "time_off": "A day.", "sources": ["S1"]},
        "effects": {
            c: {
                "size": "slight",
                "low": "none",
                "high": "moderate",
                "reason": "Trials.",
                "sources": ["S1"],
            }
            for c in CONCERNS
        },
        "risks": [
            {
                "id": "bruise",
                "name": "Bruising",
                "severity": "common",
                "count": {"low": 50, "typical": 60, "high": 90},
                "per": 1000,
                "unit": "patients",
                "population": "adults",
                "time_frame": "a week",
                "sources": ["S1"],
            },
            {
                "id": "serious",
                "name": "Serious events",
                "severity": "serious",
                "count": {"low": 0.1, "high": 2},
                "per": 1000,
                "unit": "patients",
                "population": "adults",
                "time_frame": "30 days",
                "sources": ["S2"],
            },
        ],
        "scoring": {"serious_risk": "serious", "side_effects": "bruise"},
        "contraindications": [
            {"when": "pregnant", "level": "exclude", "text": "Not in pregnancy.", "sources": ["S2"]}
        ],
    }
    d.update(over)
    return d


def no_procedure_dict() -> dict[str, Any]:
    """The "no procedure" option in its simplest valid form."""
    d = option_dict("no_procedure", invasiveness="none", pierces_skin=False, in_clinic=False)
    d["risks"] = []
    d["scoring"] = {"serious_risk": "no data", "side_effects": "no data"}
    d["contraindications"] = []
    d["cost"] = {"per": "course", "amount": {"low": 0, "high": 0, "unit": "USD", "sources": ["S2"]}}
    for e in d["effects"].values():
        e.update(size="none", low="none", high="none")
    return d


def catalog_dict(*options: dict[str, Any]) -> dict[str, Any]:
    """A whole single-file catalogue mapping."""
    return {
        "schema_version": 1,
        "catalog": {
            "data_version": "test",
            "reviewed": __import__("datetime").date(2026, 1, 1),
            "next_review": __import__("datetime").date(2027, 1, 1),
            "update_policy": "Yearly.",
            "currency": "USD",
            "cost_scale": {"worst": 20000},
            "cost_note": "",
            "authors": "Tests",
            "funding": "None",
            "competing_interests": "None",
        },
        "source": copy.deepcopy(SOURCES),
        "option": list(options) if options else [option_dict(), no_procedure_dict()],
        "claim": [
            {
                "id": "c1",
                "option_id": "opt_a",
                "text": "It works wonders",
                "verdict": "unsupported",
                "reason": "No trial.",
                "sources": ["S1"],
            }
        ],
    }


def write_catalog(tmp_path: Path, data: dict[str, Any], name: str = "catalog.toml") -> Path:
    """Write a single-file catalogue and return its path."""
    path = tmp_path / name
    path.write_text(to_toml(data), encoding="utf-8")
    return path


def clinic_option_dict(oid: str) -> dict[str, Any]:
    """A complete option for a clinic file, citing the clinic's own sources K1/K2 (not S1/S2)."""

    def rename(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return {"S1": "K1", "S2": "K2"}.get(value, value) if isinstance(value, str) else value

    return rename(option_dict(oid))  # type: ignore[no-any-return]
