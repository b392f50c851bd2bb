"""Uncertainty: how far the order of options can be trusted.

* :mod:`~antiage_compare.uncertainty.smaa` — SMAA-2: draw every figure within its range and the
  weights around what the person said; report how often each option takes each rank.
* :mod:`~antiage_compare.uncertainty.sensitivity` — for each weight, the interval over which the
  top option stays on top, and what takes over beyond it.
"""

from __future__ import annotations
