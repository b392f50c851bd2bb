"""Reports made the same way by the gold test, the targeted report tests and the browser tests.

* :func:`tiny_report`: the tiny fictional catalogue (``tests/fixtures/tiny_catalog.toml``) for
  a pregnant client: three options open, one of them with a caution, one excluded, a claim, a
  no-data risk, a rare risk, a low-quality source. Without SMAA (its numbers are tested on the
  data, not in HTML), with the weight sensitivity.
* :func:`clinic_report`: a clinic file with markup and non-ASCII in every string it supplies, an
  overdue review and options not offered: the escaping case.

Both use a fixed date and version, so the same code gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from antiage_compare import load_catalog, load_clinic
from antiage_compare._dump import to_toml
from antiage_compare.comparison import Comparison
from antiage_compare.profile import Profile, example_profile
from antiage_compare.report import ReportOptions, render_html
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.analysis import analyse

from .factories import clinic_option_dict

TINY_CATALOG = Path(__file__).resolve().parent / "fixtures" / "tiny_catalog.toml"
TODAY = dt.date(2026, 11, 26)
VERSION = "0.1.0-gold"


def tiny_comparison() -> Comparison:
    """The gold client (the example profile, named, and pregnant) against the tiny catalogue."""
    data = example_profile().to_dict()
    data["profile"]["name"] = "Gold client"
    data["health"]["pregnant"] = True
    return compare(Profile.from_dict(data), load_catalog(TINY_CATALOG))


def tiny_report() -> str:
    """The whole page for :func:`tiny_comparison`, without SMAA."""
    c = tiny_comparison()
    options = ReportOptions(today=TODAY, version=VERSION)
    return render_html(c, analysis=analyse(c, smaa=False), options=options)


CLINIC_NAME = 'Clinique <b>Étoile</b> & "Søn"'
CLINIC_INTERESTS = "We sell <i>every</i> treatment here & earn from each."
OWN_OPTION_NAME = 'Glow & "Shine" <facial> 漢方'
CLIENT_NAME = '<script>alert("x")</script> Zoë & 李'


def clinic_report(folder: Path) -> str:
    """A clinic's report with markup in every string the clinic and the client supply."""
    own = clinic_option_dict("clinic_glow")
    own["name"] = OWN_OPTION_NAME
    doc = {
        "schema_version": 1,
        "clinic": {
            "name": CLINIC_NAME,
            "competing_interests": CLINIC_INTERESTS,
            "not_offered": ["facelift", "peel_deep"],
            "show_not_offered": True,
        },
        "prices": {
            "botulinum_toxin": {
                "per": "session",
                "amount": {"low": 150, "typical": 200, "high": 300},
            }
        },
        "source": [
            {
                "id": "K1",
                "title": "Clinic audit <2025> & notes",
                "kind": "cohort",
                "year": 2025,
                "url": 'https://example.org/audit?q="><b>x</b>',
            },
            {
                "id": "K2",
                "title": "Manufacturer leaflet",
                "kind": "label",
                "url": "https://example.org/leaflet?a=1&b=2",
            },
        ],
        "option": [own],
    }
    path = folder / "clinic.toml"
    path.write_text(to_toml(doc), encoding="utf-8")
    data = example_profile().to_dict()
    data["profile"]["name"] = CLIENT_NAME
    data["health"]["pregnant"] = True
    data["limits"]["needles"] = False
    c = compare(Profile.from_dict(data), load_clinic(path))
    options = ReportOptions(today=dt.date(2028, 1, 1), version=VERSION)
    return render_html(c, analysis=analyse(c, smaa=False), options=options)
