"""compare() on the shipped catalogue, explanations included, and `import antiage_compare` time.

Run: .venv/bin/python benchmarks/bench_compare.py
Goals (issue 3): compare() <= 1 ms median; import <= 150 ms.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit


def bench_compare() -> float:
    from antiage_compare import compare, example_profile, load_catalog

    profile, catalog = example_profile(), load_catalog()

    def run() -> None:
        result = compare(profile, catalog)
        for a, b in zip(result.scored, result.scored[1:], strict=False):
            result.explain(a.id, b.id)
        result.summary()

    run()
    number = 200
    times = timeit.repeat(run, number=number, repeat=9)
    return statistics.median(times) / number * 1000


def bench_compare_cold() -> float:
    """The same with the catalogue's value memo emptied before every call (a new profile's concerns)."""
    from antiage_compare import compare, example_profile, load_catalog

    profile, catalog = example_profile(), load_catalog()

    def run() -> None:
        catalog._memo.clear()
        result = compare(profile, catalog)
        for a, b in zip(result.scored, result.scored[1:], strict=False):
            result.explain(a.id, b.id)

    number = 200
    times = timeit.repeat(run, number=number, repeat=9)
    return statistics.median(times) / number * 1000


def bench_import(python: str = sys.executable) -> tuple[float, float]:
    """Median wall time of a fresh process importing the package, and of an empty process."""

    def median(code: str) -> float:
        walls = []
        for _ in range(15):
            t = time.perf_counter()
            subprocess.run([python, "-c", code], check=True)
            walls.append(time.perf_counter() - t)
        return statistics.median(walls) * 1000

    return median("import antiage_compare"), median("pass")


def main() -> None:
    ms = bench_compare()
    print(
        f"compare() + explain() on 14 options, example profile: median {ms:.3f} ms (goal <= 1 ms)"
    )
    print(
        f"  the same, value cache emptied before each call (cold): median {bench_compare_cold():.3f} ms"
    )
    imp, empty = bench_import()
    print(
        f"python -c 'import antiage_compare': median {imp:.0f} ms wall "
        f"(an empty interpreter: {empty:.0f} ms; import itself ~{imp - empty:.0f} ms; goal <= 150 ms)"
    )
    code = "import sys, antiage_compare; print('jinja2' in sys.modules)"
    lazy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    print(f"jinja2 imported by 'import antiage_compare': {lazy.stdout.strip()}")


if __name__ == "__main__":
    main()
