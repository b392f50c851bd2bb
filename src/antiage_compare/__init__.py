"""antiage_compare: compare anti-ageing treatments against what matters to a person.

A decision aid, not medical advice. See the README and ``docs/`` for a tour.
"""

from __future__ import annotations

from antiage_compare.catalog import NO_PROCEDURE, Catalog, load_catalog
from antiage_compare.errors import (
    AntiageError,
    DataError,
    MCDAError,
    ProfileError,
    UnknownIdError,
    WrongTypeError,
)
from antiage_compare.model import CONCERNS, Certainty, Option

__version__ = "0.1.0"

__all__ = [
    "CONCERNS",
    "NO_PROCEDURE",
    "AntiageError",
    "Catalog",
    "Certainty",
    "DataError",
    "MCDAError",
    "Option",
    "ProfileError",
    "UnknownIdError",
    "WrongTypeError",
    "__version__",
    "load_catalog",
]
