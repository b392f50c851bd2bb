"""Hostile text: a corpus of XSS payloads in every user-controlled string, rendered in Chromium.

Each payload goes into the client's name, the clinic's name, the competing-interest statement,
and a clinic's own option (its name, summary and other texts). The page's Content-Security-Policy
is removed before loading, so the test checks the escaping itself, not the CSP safety net:
nothing may run, no payload may survive as markup, and the text must still read as typed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from antiage_compare import Profile, compare, example_profile, load_clinic
from antiage_compare._dump import to_toml
from antiage_compare.report import ReportOptions, write_report

from ..factories import clinic_option_dict

pytestmark = pytest.mark.browser

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line
]
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')

#: Elements the report's template never emits; a payload surviving as markup would add one.
FOREIGN = "script,iframe,object,embed,img,link,base,video,audio,source,input,select,form,button,marquee,template,math,noscript,isindex,frame,frameset,applet,x"


def test_corpus_is_large_and_varied() -> None:
    """At least 50 distinct payloads, covering tags, attributes, URLs, SVG, CSS and quoting."""
    assert len(set(PAYLOADS)) >= 50
    for needle in ("<script", "onerror", "javascript:", "<svg", "<style", '"', "'", "{{"):
        assert any(needle in p for p in PAYLOADS), needle


def _clinic_file(tmp_path: Path, payload: str) -> Path:
    option = clinic_option_dict("clinic_own")
    for key in ("name", "summary", "mechanism"):
        option[key] = f"{payload} ({key})"
    option["experience"]["pain"] = payload
    option["risks"][0]["name"] = payload
    option["risks"][0]["population"] = payload
    doc = {
        "schema_version": 1,
        "clinic": {"name": payload, "competing_interests": f"We sell these. {payload}"},
        "source": [
            {
                "id": "K1",
                "title": payload,
                "kind": "cohort",
                "url": f"https://example.org/{payload}",
            },
            {
                "id": "K2",
                "title": "Leaflet",
                "kind": "label",
                "url": 'https://example.org/?q=<b>&x="1"',
            },
        ],
        "option": [option],
    }
    path = tmp_path / "clinic.toml"
    path.write_text(to_toml(doc), encoding="utf-8")
    return path


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    """One report per payload, CSP removed, with the payload in every user-controlled string."""
    out = []
    for k, payload in enumerate(PAYLOADS):
        folder = tmp_path_factory.mktemp(f"xss{k}")
        catalog = load_clinic(_clinic_file(folder, payload))
        data = example_profile().to_dict()
        data["profile"]["name"] = payload
        result = compare(Profile.from_dict(data), catalog)
        assert "clinic_own" in result.ids
        options = ReportOptions(today=dt.date(2026, 11, 26), version="x")
        path = write_report(result, folder / "report.html", options=options)
        html = path.read_text(encoding="utf-8")
        assert CSP.search(html), (
            "the report carries a CSP; the test removes it to test escaping alone"
        )
        path.write_text(CSP.sub("", html), encoding="utf-8")
        out.append((payload, path))
    return out


def test_no_payload_runs_or_survives_as_markup(
    report_page: Any, hostile_reports: list[tuple[str, Path]]
) -> None:
    """For every payload: no script ran, no foreign element or on* attribute exists, no request left."""
    for payload, path in hostile_reports:
        report_page.requests.clear()
        report_page.goto(path.as_uri())
        report_page.wait_for_load_state("load")
        report_page.mouse.move(200, 200)
        state = report_page.evaluate(
            """(foreign) => ({
                pwned: typeof window.__pwned,
                foreign: Array.from(document.querySelectorAll(foreign)).map(e => e.outerHTML.slice(0, 80)),
                onattrs: Array.from(document.querySelectorAll('*')).flatMap(e =>
                    Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
                badlinks: Array.from(document.querySelectorAll('[href],[src],[action],[formaction],[background]'))
                    .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
                    .filter(u => !/^(https?:|#)/.test(u.trim())),
                styles: document.querySelectorAll('style').length,
                text: document.body.innerText,
            })""",
            FOREIGN,
        )
        assert state["pwned"] == "undefined", payload
        assert state["foreign"] == [], (payload, state["foreign"])
        assert state["onattrs"] == [], (payload, state["onattrs"])
        assert state["badlinks"] == [], (payload, state["badlinks"])
        assert state["styles"] == 1, payload
        assert report_page.requests == [path.as_uri()], (payload, report_page.requests)
        text = _squash(state["text"])
        assert _squash(payload) in text, f"the payload should read as typed: {payload}"
        assert f"{_squash(payload)} (name)" in text
        if "{{ 7*7 }}" in payload:
            assert "49" not in text.split("{{ 7*7 }}")[0][-5:]
