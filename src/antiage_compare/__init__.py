"""antiage_compare: compare anti-ageing treatments against what matters to a person.

A decision aid, not medical advice. The flow is one way: the catalogue (``load_catalog``) and
the person (``Profile``) → eligibility → scoring (``compare``) → uncertainty (``smaa``,
``sensitivity``) → a ``Comparison`` → the report (``render_html``, ``write_report``).
See the README and ``docs/`` for a tour.
"""

from __future__ import annotations

from antiage_compare.catalog import NO_PROCEDURE, Catalog, load_catalog
from antiage_compare.comparison import Comparison, Contribution, ScoredOption
from antiage_compare.criteria import CRITERIA, CRITERION_IDS, Criterion
from antiage_compare.eligibility import Exclusion, Reason
from antiage_compare.errors import (
    AntiageError,
    DataError,
    MCDAError,
    ProfileError,
    ProfileTypeError,
    UnknownIdError,
    WrongTypeError,
)
from antiage_compare.model import (
    CONCERNS,
    Certainty,
    Claim,
    EffectSize,
    Invasiveness,
    NoData,
    Option,
    Range,
    Risk,
    Source,
    Verdict,
)
from antiage_compare.profile import Health, Limits, Profile, example_profile, load_profile
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.sensitivity import Sensitivity, WeightInterval, sensitivity
from antiage_compare.uncertainty.smaa import Cancelled, SmaaResult, smaa, smaa_comparison
from antiage_compare.weights import Weights

__version__ = "0.1.0"

__all__ = [
    "CONCERNS",
    "CRITERIA",
    "CRITERION_IDS",
    "NO_PROCEDURE",
    "AntiageError",
    "Cancelled",
    "Catalog",
    "Certainty",
    "Claim",
    "Comparison",
    "Contribution",
    "Criterion",
    "DataError",
    "EffectSize",
    "Exclusion",
    "Health",
    "Invasiveness",
    "Limits",
    "MCDAError",
    "NoData",
    "Option",
    "Profile",
    "ProfileError",
    "ProfileTypeError",
    "Range",
    "Reason",
    "Risk",
    "ScoredOption",
    "Sensitivity",
    "SmaaResult",
    "Source",
    "UnknownIdError",
    "Verdict",
    "WeightInterval",
    "Weights",
    "WrongTypeError",
    "__version__",
    "compare",
    "example_profile",
    "load_catalog",
    "load_profile",
    "sensitivity",
    "smaa",
    "smaa_comparison",
]
