"""The uncertainty analysis of a finished comparison, run once and handed to the report.

A report shows two analyses of a :class:`~antiage_compare.comparison.Comparison`: SMAA-2 (how
often each option comes first when figures and weights vary within their ranges; random, so
seeded) and the weight sensitivity (how far each weight can move before another option comes
first; exact). :func:`analyse` runs both and returns one frozen :class:`Analysis`.

Why a separate step: building report data should be fast, deterministic and free of
randomness, so it only reads an :class:`Analysis`. The caller decides when the (slow) SMAA run
happens, can show its progress or cancel it, and can pass the same result to several reports.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from attrs import field, frozen
from attrs.validators import instance_of, optional

from antiage_compare.comparison import Comparison
from antiage_compare.uncertainty.sensitivity import Sensitivity, sensitivity
from antiage_compare.uncertainty.smaa import SmaaResult, smaa_comparison

__all__ = ["DEFAULT_SAMPLES", "DEFAULT_SEED", "Analysis", "analyse"]

#: Default number of SMAA draws for a report.
DEFAULT_SAMPLES = 10_000
#: Default SMAA seed (the date the report module was written), so reports are reproducible.
DEFAULT_SEED = 20261126


@frozen(kw_only=True, repr=False)
class Analysis:
    """The uncertainty analyses of one comparison, ready for the report.

    Either part may be missing: a report without SMAA says it did not test the order, and a
    report without sensitivity leaves out "what would change the order".

    Attributes:
        smaa: the SMAA-2 result, or ``None`` when it was not run (or no option is open).
        sensitivity: the weight sensitivity, or ``None`` (fewer than two options are open).
    """

    smaa: SmaaResult | None = field(default=None, validator=optional(instance_of(SmaaResult)))
    sensitivity: Sensitivity | None = field(
        default=None, validator=optional(instance_of(Sensitivity))
    )

    def __repr__(self) -> str:
        parts = []
        if self.smaa is not None:
            parts.append(f"SMAA {self.smaa.samples:,} draws, seed {self.smaa.seed}")
        if self.sensitivity is not None:
            parts.append(f"sensitivity of {len(self.sensitivity.intervals)} weights")
        return f"<Analysis: {'; '.join(parts) or 'nothing run'}>"


def analyse(
    comparison: Comparison,
    *,
    smaa: bool = True,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | threading.Event | None = None,
) -> Analysis:
    """Run the analyses a report shows for ``comparison``.

    The weight sensitivity is exact and quick, so it always runs when two or more options are
    open. SMAA runs when ``smaa`` is true and at least one option is open; it is the slow part
    (about 0.2 s for 10,000 draws) and the only random one.

    Args:
        comparison: the result of :func:`antiage_compare.scoring.compare`.
        smaa: false to leave out the SMAA scenario analysis.
        samples: SMAA draws (1 to 10,000,000).
        seed: SMAA random seed; the same seed gives the same numbers.
        progress: called as ``progress(done, total)`` during the SMAA run.
        cancel: a :class:`threading.Event` or a function returning true, to stop the SMAA run.

    Returns:
        The frozen analysis, for :func:`antiage_compare.report.build_report_data`,
        :func:`~antiage_compare.report.render_html` or :func:`~antiage_compare.report.write_report`.

    Raises:
        TypeError: ``comparison`` is not a :class:`Comparison` (a programming mistake).
        SmaaError: ``samples``, ``seed``, ``progress`` or ``cancel`` is not valid.
        Cancelled: ``cancel`` asked to stop.
    """
    if not isinstance(comparison, Comparison):
        msg = f"comparison must be a Comparison (got {type(comparison).__name__})"
        raise TypeError(msg)
    result = None
    if smaa and comparison.scored:
        result = smaa_comparison(
            comparison, samples=samples, seed=seed, progress=progress, cancel=cancel
        )
    sens = sensitivity(comparison) if len(comparison.scored) >= 2 else None
    return Analysis(smaa=result, sensitivity=sens)
