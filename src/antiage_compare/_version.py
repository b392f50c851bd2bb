"""The package version, from its one source: ``version`` in ``pyproject.toml``.

The build writes that version into the installed distribution's metadata, and
:func:`package_version` reads it back with :mod:`importlib.metadata`, so no second copy has to be
kept in step. The report, the command line and the package facade all ask this module; none of
them imports the facade for it. ``importlib.metadata`` costs about 25 ms to import, so it is
imported on the first call, not when this module is imported.
"""

from __future__ import annotations

import functools

__all__ = ["DISTRIBUTION", "package_version"]

#: The distribution name in ``pyproject.toml`` (``antiage_compare`` is the import name).
DISTRIBUTION = "antiage-compare"


@functools.cache
def package_version() -> str:
    """The installed version of the package, such as ``"0.1.0"``.

    Returns:
        The version from the distribution's metadata, or ``"0+unknown"`` when the package runs
        from a source tree that was never installed (``pip install -e .`` installs it).
    """
    import importlib.metadata

    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"
