"""Write model objects back to the data-file form, and that form to TOML text.

The inverse of :mod:`antiage_compare._parse`: ``parse_option(dump(option)) == option``. The TOML
writer covers the subset the data files use (strings, booleans, numbers, dates, lists, tables
and arrays of tables); it exists so profiles written by the interview and catalogue round-trip
tests need no extra dependency.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from antiage_compare.model import Duration, NoData, Option, Quantity, Range, WhileUsed

__all__ = ["option_to_dict", "to_toml"]

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(k: str) -> str:
    if k and all(c.isascii() and (c.isalnum() or c in "_-") for c in k):
        return k
    return _string(k)


def _scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            msg = f"TOML data files cannot hold {v!r}"
            raise ValueError(msg)
        return repr(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(x)}" for k, x in v.items()) + " }"
    if isinstance(v, Sequence):
        return "[" + ", ".join(_scalar(x) for x in v) + "]"
    msg = f"cannot write {type(v).__name__} to TOML"
    raise TypeError(msg)


def _is_table_array(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, Mapping) for x in v)


def _table(data: Mapping[str, Any], prefix: str, lines: list[str]) -> None:
    nested = []
    for k, v in data.items():
        if isinstance(v, Mapping) or _is_table_array(v):
            nested.append((k, v))
        else:
            lines.append(f"{_key(k)} = {_scalar(v)}")
    for k, v in nested:
        name = f"{prefix}.{_key(k)}" if prefix else _key(k)
        if isinstance(v, Mapping):
            lines.append("")
            lines.append(f"[{name}]")
            _table(v, name, lines)
        else:
            for item in v:
                lines.append("")
                lines.append(f"[[{name}]]")
                _table(item, name, lines)


def to_toml(data: Mapping[str, Any]) -> str:
    """TOML text for ``data`` (nested mappings become tables; lists of mappings, arrays of tables)."""
    lines: list[str] = []
    _table(data, "", lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _range(q: Range, *, meta: bool = True) -> dict[str, Any]:
    if q.zero_in is not None:  # "0 events in N" is written as N alone, as in the data files
        return {"zero_in": q.zero_in}
    out: dict[str, Any] = {"low": q.low, "high": q.high}
    if q.typical is not None:
        out["typical"] = q.typical
    if meta:
        out["unit"] = q.unit
        out["sources"] = list(q.sources)
        if q.note:
            out["note"] = q.note
        if q.editorial:
            out["editorial"] = True
    return out


def _quantity(q: Quantity, *, meta: bool = True) -> dict[str, Any]:
    if isinstance(q, NoData):
        return {"no_data": True, "reason": q.reason, "sources": list(q.sources)}
    return _range(q, meta=meta)


def _duration(d: Duration) -> Any:
    if isinstance(d, WhileUsed):
        return "while used"
    return _quantity(d)


def option_to_dict(o: Option) -> dict[str, Any]:
    """The data-file mapping of an option (as in ``data/options/<id>.toml``)."""
    out: dict[str, Any] = {
        "schema_version": 1,
        "id": o.id,
        "name": o.name,
        "summary": o.summary,
        "mechanism": o.mechanism,
        "mechanism_sources": list(o.mechanism_sources),
        "invasiveness": o.invasiveness.value,
        "pierces_skin": o.pierces_skin,
        "in_clinic": o.in_clinic,
        "ongoing": o.ongoing,
        "concerns": list(o.concerns),
    }
    if not o.offered:
        out["offered"] = False
    out["certainty"] = {
        "level": o.certainty.value,
        "reason": o.certainty_reason,
        "sources": list(o.certainty_sources),
    }
    out["sessions"] = {
        "count": _quantity(o.sessions),
        "interval": o.interval,
        "interval_sources": list(o.interval_sources),
    }
    out["downtime"] = {"days": _quantity(o.downtime_days)}
    out["effect"] = {
        "onset_days": _quantity(o.onset_days),
        "duration_months": _duration(o.duration_months),
    }
    if isinstance(o.duration_months, WhileUsed):
        if o.duration_months.note:
            out["effect"]["duration_reason"] = o.duration_months.note
        if o.duration_months.sources:
            out["effect"]["duration_sources"] = list(o.duration_months.sources)
    if o.maintenance is not None:
        m = o.maintenance
        out["maintenance"] = {"every_months": _range(m.every_months)}
        if m.sessions != Range(low=1.0, high=1.0, typical=1.0, unit="sessions"):
            out["maintenance"]["sessions"] = _range(m.sessions)
        if m.note:
            out["maintenance"]["note"] = m.note
        if m.editorial:
            out["maintenance"]["editorial"] = True
    out["cost"] = {"per": o.cost.per.value, "amount": _quantity(o.cost.amount)}
    out["experience"] = {
        "pain": o.experience.pain,
        "marks": o.experience.marks,
        "time_off": o.experience.time_off,
        "sources": list(o.experience.sources),
    }
    out["effects"] = {
        c: {
            "size": e.size.value,
            "low": e.low.value,
            "high": e.high.value,
            **({} if e.certainty is None else {"certainty": e.certainty.value}),
            "reason": e.reason,
            "sources": list(e.sources),
        }
        for c, e in o.effects.items()
    }
    out["scoring"] = {
        "serious_risk": o.serious_risk_id or "no data",
        "side_effects": o.side_effects_id or "no data",
    }
    if o.risks:
        out["risks"] = [
            {
                "id": r.id,
                "name": r.name,
                "severity": r.severity.value,
                "count": _quantity(r.count, meta=False),
                "per": r.per,
                "unit": r.unit,
                "population": r.population,
                "time_frame": r.time_frame,
                "sources": list(r.sources),
                **({"note": r.note} if r.note else {}),
            }
            for r in o.risks
        ]
    if o.contraindications:
        out["contraindications"] = [
            {
                "when": c.when.value,
                "level": c.level.value,
                "text": c.text,
                "sources": list(c.sources),
            }
            for c in o.contraindications
        ]
    return out
