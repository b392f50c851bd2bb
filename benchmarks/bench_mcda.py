"""Time antiage_compare.mcda against pymcdm and scikit-criteria, side by side.

Run from the repository root:

    .venv/bin/python benchmarks/bench_mcda.py            # full run
    .venv/bin/python benchmarks/bench_mcda.py --quick    # fewer repeats

What is measured (one process, seeded random matrices, values in [1, 100), half the
columns costs, weights normalised):

* ours: ``topsis`` on plain Python lists (what our callers hold), including all of our
  input validation.
* pymcdm 1.4: ``TOPSIS(vector_normalization)`` (the classic Hwang & Yoon method we
  implement; pymcdm's default is min-max), called the documented way (``validation=True``,
  the default).
  - "numpy": arrays prepared outside the timed region (the fair comparison).
  - "lists": the same Python lists we get (pymcdm converts them with np.asarray inside
    the call, so this is what a caller holding lists pays).
  - "numpy, no valid.": numpy arrays and ``validation=False`` (pymcdm's fastest path; its
    validation scans every row for dominance in Python, which dominates at 1,000 rows).
* scikit-criteria 0.10: ``VectorScaler`` + ``TOPSIS`` on a DecisionMatrix.
  - "numpy": DecisionMatrix built outside the timed region.
  - "lists": ``mkdm`` from the Python lists inside the timed region.

Each figure is the median over ``repeat`` runs of timeit's per-call time; the ratio is
ours / theirs (below 1 means we are faster). Results are checked to agree to 1e-9 first.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata as metadata
import os
import platform
import random
import statistics
import sys
import timeit
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from antiage_compare import mcda


def make_problem(
    n_rows: int, n_cols: int, seed: int
) -> tuple[list[list[float]], list[float], list[int]]:
    rng = random.Random(seed)
    matrix = [[rng.uniform(1.0, 100.0) for _ in range(n_cols)] for _ in range(n_rows)]
    weights = [rng.uniform(0.1, 1.0) for _ in range(n_cols)]
    total = sum(weights)
    return matrix, [w / total for w in weights], [1 if j % 2 == 0 else -1 for j in range(n_cols)]


def median_seconds(func: Callable[[], object], repeat: int, budget: float) -> float:
    """Median per-call seconds; each repeat runs about ``budget`` seconds of calls."""
    timer = timeit.Timer(func)
    number, elapsed = timer.autorange()
    number = max(1, int(number * budget / max(elapsed, 1e-9)))
    return statistics.median(t / number for t in timer.repeat(repeat=repeat, number=number))


def peers(matrix: list[list[float]], weights: list[float], types: list[int]) -> dict[str, Any]:
    """Build the peer callables (or record why a peer is unavailable)."""
    out: dict[str, Any] = {}
    try:
        import numpy as np
        from pymcdm import methods as pm
        from pymcdm import normalizations as pn
    except ImportError as exc:  # pragma: no cover - optional
        out["pymcdm"] = f"not installed ({exc})"
    else:
        arr, w, t = np.array(matrix), np.array(weights), np.array(types)
        p_topsis = pm.TOPSIS(pn.vector_normalization)
        out["pymcdm"] = {
            "version": metadata.version("pymcdm"),
            "topsis numpy": lambda: p_topsis(arr, w, t),
            "topsis lists": lambda: p_topsis(matrix, weights, types),
            "topsis numpy, no valid.": lambda: p_topsis(arr, w, t, validation=False),
        }
    try:
        import skcriteria as skc
        from skcriteria.agg.topsis import TOPSIS
        from skcriteria.preprocessing.scalers import VectorScaler
    except ImportError as exc:  # pragma: no cover - optional
        out["scikit-criteria"] = f"not installed ({exc})"
    else:
        objectives = [max if x == 1 else min for x in types]
        dm = skc.mkdm(matrix, objectives, weights=weights)
        vector, topsis_ = VectorScaler(target="matrix"), TOPSIS()

        def s_topsis(d: Any) -> Any:
            return topsis_.evaluate(vector.transform(d)).e_.similarity

        out["scikit-criteria"] = {
            "version": metadata.version("scikit-criteria"),
            "topsis numpy": lambda: s_topsis(dm),
            "topsis lists": lambda: s_topsis(skc.mkdm(matrix, objectives, weights=weights)),
        }
    return out


def check_agreement(ours: dict[str, tuple[float, ...]], peer: dict[str, Any], name: str) -> None:
    for method in ("topsis",):
        theirs = [float(x) for x in peer[f"{method} numpy"]()]
        worst = max(abs(a - b) for a, b in zip(ours[method], theirs, strict=True))
        if worst > 1e-9:
            raise SystemExit(f"{name} {method} disagrees with ours by {worst}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="3 repeats of ~0.05 s instead of 7 of ~0.2 s"
    )
    args = parser.parse_args()
    repeat, budget = (3, 0.05) if args.quick else (7, 0.2)
    warnings.simplefilter("ignore")  # peers warn about dominated rows, deprecations, ...

    print(f"date: {datetime.date.today().isoformat()}")
    print(f"python: {platform.python_version()} ({platform.python_implementation()})")
    print(f"machine: {platform.machine()}, {os.cpu_count()} logical CPUs, {platform.platform()}")
    print(f"numpy: {metadata.version('numpy')}")
    print(f"timing: median of {repeat} repeats (timeit, ~{budget:.2f} s each), per call")
    rows_out: list[tuple[str, str, str, float, float | None]] = []
    for n_rows, n_cols in ((10, 8), (1000, 20)):
        matrix, weights, types = make_problem(n_rows, n_cols, seed=20240611 + n_rows)
        ours_fn = {
            "topsis": lambda m=matrix, w=weights, t=types: mcda.topsis(m, w, t),
        }
        ours_val = {k: f() for k, f in ours_fn.items()}
        ours_time = {k: median_seconds(f, repeat, budget) for k, f in ours_fn.items()}
        size = f"{n_rows}x{n_cols}"
        for name, peer in peers(matrix, weights, types).items():
            if isinstance(peer, str):
                print(f"{name}: {peer}")
                continue
            if size == "10x8":
                print(f"{name}: {peer['version']}")
            check_agreement(ours_val, peer, name)
            for method in ("topsis",):
                for variant in ("numpy", "lists", "numpy, no valid."):
                    if f"{method} {variant}" not in peer:
                        continue
                    theirs = median_seconds(peer[f"{method} {variant}"], repeat, budget)
                    rows_out.append(
                        (size, method, f"{name} ({variant})", ours_time[method], theirs)
                    )
    print()
    print(
        f"{'size':>8}  {'method':<6}  {'peer (input)':<26} {'ours µs':>10} {'theirs µs':>10} {'ours/theirs':>11}"
    )
    for size, method, peer_name, ours_t, theirs_t in rows_out:
        ratio = ours_t / theirs_t if theirs_t else float("nan")
        print(
            f"{size:>8}  {method:<6}  {peer_name:<26} {ours_t * 1e6:10.1f} "
            f"{(theirs_t or 0) * 1e6:10.1f} {ratio:11.3f}"
        )


if __name__ == "__main__":
    main()
