"""antiage_compare: compare anti-ageing treatments against what matters to a person.

A decision aid, not medical advice. The flow is one way: the catalogue (``load_catalog``) and
the person (``Profile``) → eligibility → scoring (``compare``) → uncertainty (``smaa``,
``sensitivity``) → a ``Comparison`` → the report (``render_html``, ``write_report``).
See the README and ``docs/`` for a tour.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antiage_compare import comparison as _comparison_module
from antiage_compare.catalog import NO_PROCEDURE, Catalog, load_catalog
from antiage_compare.comparison import Comparison, Contribution, ScoredOption
from antiage_compare.criteria import CRITERIA, CRITERION_IDS, Criterion
from antiage_compare.eligibility import Exclusion, Reason
from antiage_compare.errors import (
    AntiageError,
    Cancelled,
    DataError,
    MCDAError,
    MCDATypeError,
    MethodError,
    OutputPathError,
    ProfileError,
    ProfileTypeError,
    SensitivityError,
    SensitivityTypeError,
    SmaaError,
    SmaaTypeError,
    UnknownIdError,
    UsageError,
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
from antiage_compare.weights import Weights

if TYPE_CHECKING:
    from antiage_compare.uncertainty.sensitivity import Sensitivity, WeightInterval, sensitivity
    from antiage_compare.uncertainty.smaa import SmaaResult, smaa, smaa_comparison

__version__ = "0.1.0"

#: Names loaded on first use, so `import antiage_compare` stays fast (PEP 562).
_LAZY = {
    "SmaaResult": "antiage_compare.uncertainty.smaa",
    "smaa": "antiage_compare.uncertainty.smaa",
    "smaa_comparison": "antiage_compare.uncertainty.smaa",
    "Sensitivity": "antiage_compare.uncertainty.sensitivity",
    "WeightInterval": "antiage_compare.uncertainty.sensitivity",
    "sensitivity": "antiage_compare.uncertainty.sensitivity",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'antiage_compare' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names only (``__all__``), not the imports the package needs internally."""
    return list(__all__)


def _compact_html(comparison: Comparison) -> str:
    """Comparison._repr_html_: the report's compact view (jinja2 loads only when it is drawn)."""
    from antiage_compare.report import repr_html

    return repr_html(comparison)


_comparison_module.html_renderer = _compact_html

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
    "MCDATypeError",
    "MethodError",
    "NoData",
    "Option",
    "OutputPathError",
    "Profile",
    "ProfileError",
    "ProfileTypeError",
    "Range",
    "Reason",
    "Risk",
    "ScoredOption",
    "Sensitivity",
    "SensitivityError",
    "SensitivityTypeError",
    "SmaaError",
    "SmaaResult",
    "SmaaTypeError",
    "Source",
    "UnknownIdError",
    "UsageError",
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
