"""Limits (issue 7): 500 options through compare(); a 500 x 30 matrix through the mcda functions.

The product's value tree has 9 fixed criteria, so "30 criteria" is measured where criteria are
free: the pure ``mcda`` functions. Run: .venv/bin/python benchmarks/bench_limits.py
"""

from __future__ import annotations

import random
import statistics
import timeit

import attrs


def main() -> None:
    from antiage_compare import compare, example_profile, load_catalog, mcda

    cat = load_catalog()
    others = [o for o in cat if o.id != "no_procedure"]
    options = [attrs.evolve(o, id=f"{o.id}_{k}") for k in range(39) for o in others][:499]
    big = attrs.evolve(cat, options=[*options, cat["no_procedure"]])
    profile = example_profile()

    def cold() -> None:
        big._memo.clear()  # the per-catalogue value memo
        compare(profile, big)

    times = timeit.repeat(cold, number=1, repeat=7)
    print(
        f"compare() on 500 options (cold cache): median {statistics.median(times) * 1000:.0f} ms (goal < 1,000 ms)"
    )
    times = timeit.repeat(lambda: compare(profile, big), number=1, repeat=7)
    print(f"compare() on 500 options (warm cache): median {statistics.median(times) * 1000:.0f} ms")

    rnd = random.Random(1)
    matrix = [[rnd.uniform(1, 100) for _ in range(30)] for _ in range(500)]
    weights = [rnd.random() for _ in range(30)]
    directions = [rnd.choice(["max", "min"]) for _ in range(30)]
    for name, fn in (
        ("topsis", lambda: mcda.topsis(matrix, weights, directions)),
        ("vikor", lambda: mcda.vikor(matrix, weights, directions)),
        ("dominators", lambda: mcda.dominators(matrix, directions)),
    ):
        t = timeit.repeat(fn, number=1, repeat=7)
        print(f"mcda.{name} on 500 x 30: median {statistics.median(t) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
