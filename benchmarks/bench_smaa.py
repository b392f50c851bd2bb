"""Time antiage_compare.uncertainty.smaa against a naive, textbook SMAA-2 loop, side by side.

Run from the repository root:

    .venv/bin/python benchmarks/bench_smaa.py            # full run
    .venv/bin/python benchmarks/bench_smaa.py --quick    # fewer repeats

What is measured: ``smaa(example_profile(), load_catalog(), samples=10_000)`` for each weight
mode, the whole call (deterministic comparison, both SMAA phases: rank acceptabilities,
central weights, pairwise wins, confidence factors). The catalogue is loaded once, outside
the timing. The naive reference below does the same work the obvious way: one scenario at a
time, ``Random.triangular`` and ``Criterion.value`` per figure, a sort per scenario, a double
loop for pairwise wins and a full second simulation for confidence factors. Before timing,
the two are checked to agree within 4 standard errors on every first-rank acceptability.

Each figure is the median wall time over ``repeat`` runs; ratio = naive / ours.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from antiage_compare.catalog import Catalog
from antiage_compare.criteria import performance
from antiage_compare.loading import load_catalog
from antiage_compare.model import NoData
from antiage_compare.profile import Limits, Profile, example_profile
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.smaa import smaa

#: The certainty factors of docs/methods.md, written out again on purpose.
_FACTOR = {"high": 1.0, "moderate": 0.75, "low": 0.5, "very low": 0.25}
_HORIZON_MONTHS = 60.0


def _draw(rand: random.Random, low: float, typical: float | None, high: float) -> float:
    if low == high:
        return low
    if typical is None:
        return rand.uniform(low, high)
    return rand.triangular(low, high, typical)


def _spacings(rng: random.Random, n: int) -> list[float]:
    """A uniform point on the n-simplex (sorted-uniform spacings, as JSMAA draws it)."""
    cuts = sorted([rng.random() for _ in range(n - 1)])
    edges = [0.0, *cuts, 1.0]
    return [edges[i + 1] - edges[i] for i in range(n)]


def naive_smaa(
    profile: Profile, catalog: Catalog, samples: int, seed: int, mode: str
) -> dict[str, Any]:
    """SMAA-2 on the value tree the textbook way (MAVT only), one scenario at a time.

    Each scenario draws the benefits' share, each group's split, every figure (the duration
    once per option, for its lasting factor) and scores every option leaf by leaf.
    """
    comparison = compare(profile, catalog)
    options = [s.option for s in comparison.scored]
    weights_of = comparison.weights
    leaves = list(weights_of.leaves)
    exact = list(weights_of.vector())
    effect = [j for j, key in enumerate(leaves) if key.startswith("effect:")]
    burden = [j for j, key in enumerate(leaves) if not key.startswith("effect:")]
    d = weights_of.lasting
    figures = [performance(o, profile.concerns, profile.horizon_years) for o in options]
    k, m = len(options), len(leaves)
    rng = random.Random(seed)
    by_id = {c.id: c for c in catalog.criteria}
    b_exact = sum(exact[j] for j in effect)
    split = [exact[j] / b_exact if b_exact else 1 / len(effect) for j in effect]

    def share() -> float:
        t = profile.tradeoff
        if t is None:
            return b_exact
        if t.low is not None and t.high is not None:
            return rng.uniform(t.low, t.high) / 100
        half = 5 * profile.imprecision
        return rng.uniform(max(0.0, t.benefit - half), min(100.0, t.benefit + half)) / 100

    def ordered(units: list[float]) -> list[float]:
        """Uniform weights keeping the order of ``units`` (ties in either order)."""
        order = sorted((i for i in range(len(units)) if units[i] > 0), key=lambda i: -units[i])
        tied: list[list[int]] = []
        for i in order:
            if tied and abs(units[tied[-1][0]] - units[i]) <= 1e-12:
                tied[-1].append(i)
            else:
                tied.append([i])
        for group in tied:
            rng.shuffle(group)
        order = [i for group in tied for i in group]
        spaced = sorted(_spacings(rng, len(order)), reverse=True)
        out = [0.0] * len(units)
        for i, x in zip(order, spaced, strict=True):
            out[i] = x
        return out

    def weights() -> list[float]:
        w = [0.0] * m
        if mode == "none":
            beta = rng.random()
            for j, x in zip(effect, _spacings(rng, len(effect)), strict=True):
                w[j] = beta * x
            for j, x in zip(burden, _spacings(rng, len(burden)), strict=True):
                w[j] = (1 - beta) * x
            return w
        if mode == "ranking":
            beta = share() if mode == "profile" else b_exact
            inner = ordered([exact[j] for j in burden])
            for j, s in zip(effect, split, strict=True):
                w[j] = beta * s
            for j, x in zip(burden, inner, strict=True):
                w[j] = (1 - beta) * x
            return w
        beta = share()
        r = profile.imprecision
        rated = [profile.importance.get(leaves[j], 0.0) for j in burden]
        raw = [max(0.0, rng.uniform(x - r, x + r)) if x > 0 else 0.0 for x in rated]
        total = sum(raw)
        for j, s in zip(effect, split, strict=True):
            w[j] = beta * s
        for j, x in zip(burden, raw, strict=True):
            w[j] = (1 - beta) * x / total if total else exact[j]
        return w

    def values(rand: random.Random) -> list[list[float]]:
        out = []
        for o, perf in zip(options, figures, strict=True):
            q = o.duration_months
            if d == 0 or o.ongoing or o.maintenance is not None:
                last = 1.0  # used all along, or kept up by repeats: covers the horizon
            elif isinstance(q, NoData):
                last = 1 - d + d * rand.random()  # unknown: coverage uniform on 0-1
            else:
                months = _draw(rand, q.low, q.typical, q.high)
                last = 1 - d + d * min(1.0, months / _HORIZON_MONTHS)
            row = []
            for key in leaves:
                if key.startswith("effect:"):
                    e = o.effects[key.removeprefix("effect:")]
                    size = _draw(rand, e.low.value01, e.size.value01, e.high.value01)
                    grade = o.certainty_of(key.removeprefix("effect:")).value
                    row.append(size * _FACTOR[grade] * last)
                    continue
                c = by_id[key]
                f = perf[key]
                if isinstance(f, NoData):
                    row.append(rand.random())  # missing: uniform over the whole value scale
                else:
                    row.append(c.value(_draw(rand, f.low, f.typical, f.high)))
            out.append(row)
        return out

    def fit(w: Sequence[float], row: Sequence[float]) -> float:
        return sum(a * b for a, b in zip(w, row, strict=True))

    ranks = [[0] * k for _ in range(k)]
    wins = [[0] * k for _ in range(k)]
    central = [[0.0] * m for _ in range(k)]
    for _ in range(samples):
        w = weights()
        v = values(rng)
        f = [fit(w, row) for row in v]
        order = sorted(range(k), key=lambda i: -f[i])
        for r, i in enumerate(order):
            ranks[i][r] += 1
        for j in range(m):
            central[order[0]][j] += w[j]
        for i in range(k):
            for h in range(k):
                if f[i] > f[h]:
                    wins[i][h] += 1
    cw = [[x / ranks[i][0] for x in central[i]] if ranks[i][0] else None for i in range(k)]
    rng2 = random.Random(seed + 1)
    hits = [0] * k
    for _ in range(samples):
        v = values(rng2)
        for i in range(k):
            wi = cw[i]
            if wi is None:
                continue
            f = [fit(wi, row) for row in v]
            if f[i] >= max(f):
                hits[i] += 1
    return {
        "ids": [o.id for o in options],
        "first": [ranks[i][0] / samples for i in range(k)],
        "confidence": [hits[i] / samples for i in range(k)],
    }


def median_seconds(func: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_agreement(profile: Profile, catalog: Catalog, mode: str, samples: int) -> float:
    """The largest first-rank difference between the two, in standard errors."""
    ours = smaa(profile, catalog, samples=samples, seed=3, weights=mode)  # type: ignore[arg-type]
    ref = naive_smaa(profile, catalog, samples, 3, mode)
    assert list(ours.option_ids) == ref["ids"]
    worst = 0.0
    for p, q in zip(ours.first_rank().values(), ref["first"], strict=True):
        pooled = (p + q) / 2
        se = math.sqrt(max(pooled * (1 - pooled), 1e-12) * 2 / samples)
        worst = max(worst, abs(p - q) / se)
    if worst > 4:
        msg = f"{mode}: first-rank acceptabilities disagree by {worst:.1f} standard errors"
        raise SystemExit(msg)
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--samples", type=int, default=10_000)
    args = parser.parse_args()
    repeat, naive_repeat = (3, 1) if args.quick else (11, 3)
    catalog = load_catalog()
    n = args.samples
    example = example_profile()
    profiles = [
        ("example profile, its limits", example),
        ("example weights, no limits", attrs.evolve(example, limits=Limits())),
    ]
    print(
        f"# SMAA-2, {n:,} draws, shipped catalogue ({len(catalog)} options, "
        f"{len(compare(example, catalog).weights.leaves)} leaves); median of {repeat} runs "
        f"(naive: {naive_repeat})"
    )
    print(
        f"# {datetime.date.today()}  Python {platform.python_version()}  "
        f"{platform.machine()}  {os.cpu_count()} CPUs"
    )
    for label, profile in profiles:
        eligible = len(compare(profile, catalog).scored)
        print(f"\n## {label}: {eligible} eligible options")
        print(f"{'weights':<10} {'ours (s)':>9} {'naive (s)':>10} {'ratio':>7} {'agree (SE)':>11}")
        for mode in ("profile", "ranking", "none"):
            agree = check_agreement(profile, catalog, mode, 4000)
            ours = median_seconds(
                lambda p=profile, m=mode: smaa(p, catalog, samples=n, weights=m),  # type: ignore[misc]
                repeat,
            )
            naive = median_seconds(
                lambda p=profile, m=mode: naive_smaa(p, catalog, n, 0, m),  # type: ignore[misc]
                naive_repeat,
            )
            print(f"{mode:<10} {ours:9.3f} {naive:10.3f} {naive / ours:7.1f} {agree:11.1f}")


if __name__ == "__main__":
    main()
