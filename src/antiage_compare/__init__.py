"""antiage_compare: compare anti-ageing treatments against what matters to a person.

A decision aid, not medical advice. The flow is one way: the catalogue (``load_catalog``) and
the person (``Profile``) → eligibility → scoring (``compare``) → a ``Comparison`` →
uncertainty (``smaa``, ``sensitivity``, or both for a report with ``analyse``) → the report
(``render_html``, ``write_report``, with ``ReportOptions``). See the README and ``docs/`` for a
tour.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from antiage_compare._version import package_version
from antiage_compare.catalog import NO_PROCEDURE, Catalog
from antiage_compare.comparison import Comparison, Contribution, ScoredOption
from antiage_compare.criteria import CRITERIA, CRITERION_IDS, Criterion
from antiage_compare.eligibility import Exclusion, Reason
from antiage_compare.errors import (
    AntiageError,
    Cancelled,
    DataError,
    DataFileNotFoundError,
    DataPermissionError,
    MCDAError,
    MCDATypeError,
    MethodError,
    OutputPathError,
    PdfEngineMissingError,
    ProfileError,
    ProfileFileNotFoundError,
    ProfilePermissionError,
    ProfileTypeError,
    ReportError,
    SensitivityError,
    SensitivityTypeError,
    SmaaError,
    SmaaTypeError,
    UnknownIdError,
    UsageError,
    WrongTypeError,
)
from antiage_compare.loading import FileKind, file_kind, load_catalog, load_clinic
from antiage_compare.model import (
    CONCERNS,
    Certainty,
    Claim,
    EffectSize,
    Invasiveness,
    Money,
    NoData,
    Option,
    Range,
    Risk,
    Source,
    Verdict,
)
from antiage_compare.profile import Health, Limits, Profile, Ready, example_profile, load_profile
from antiage_compare.scoring import compare
from antiage_compare.weights import Weights

if TYPE_CHECKING:
    from antiage_compare.report import ReportOptions, render_html, write_report
    from antiage_compare.uncertainty.analysis import Analysis, analyse
    from antiage_compare.uncertainty.sensitivity import Sensitivity, WeightInterval, sensitivity
    from antiage_compare.uncertainty.smaa import SmaaResult, smaa, smaa_comparison

    __version__: str

#: Names loaded on first use, so `import antiage_compare` stays fast (PEP 562).
_LAZY = {
    "Analysis": "antiage_compare.uncertainty.analysis",
    "analyse": "antiage_compare.uncertainty.analysis",
    "ReportOptions": "antiage_compare.report",
    "render_html": "antiage_compare.report",
    "write_report": "antiage_compare.report",
    "SmaaResult": "antiage_compare.uncertainty.smaa",
    "smaa": "antiage_compare.uncertainty.smaa",
    "smaa_comparison": "antiage_compare.uncertainty.smaa",
    "Sensitivity": "antiage_compare.uncertainty.sensitivity",
    "WeightInterval": "antiage_compare.uncertainty.sensitivity",
    "sensitivity": "antiage_compare.uncertainty.sensitivity",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read from the installed metadata on first use
        return package_version()
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


__all__ = [
    "CONCERNS",
    "CRITERIA",
    "CRITERION_IDS",
    "NO_PROCEDURE",
    "Analysis",
    "AntiageError",
    "Cancelled",
    "Catalog",
    "Certainty",
    "Claim",
    "Comparison",
    "Contribution",
    "Criterion",
    "DataError",
    "DataFileNotFoundError",
    "DataPermissionError",
    "EffectSize",
    "Exclusion",
    "FileKind",
    "Health",
    "Invasiveness",
    "Limits",
    "MCDAError",
    "MCDATypeError",
    "MethodError",
    "Money",
    "NoData",
    "Option",
    "OutputPathError",
    "PdfEngineMissingError",
    "Profile",
    "ProfileError",
    "ProfileFileNotFoundError",
    "ProfilePermissionError",
    "ProfileTypeError",
    "Range",
    "Ready",
    "Reason",
    "ReportError",
    "ReportOptions",
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
    "analyse",
    "compare",
    "example_profile",
    "file_kind",
    "load_catalog",
    "load_clinic",
    "load_profile",
    "render_html",
    "sensitivity",
    "smaa",
    "smaa_comparison",
    "write_report",
]
