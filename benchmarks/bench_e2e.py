"""End to end (issue 4): the whole `antiage-compare report` process against importing skcriteria.

The report runs with SMAA on (10,000 draws), as a fresh process; the peer is
`python -c "import skcriteria"`. Goal: our whole report in under half their import time.

Run: .venv/bin/python benchmarks/bench_e2e.py   (needs the `bench` extra for scikit-criteria)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def wall(cmd: list[str], runs: int) -> float:
    """Median wall time in seconds of ``cmd`` as a fresh process (one warm-up run first)."""
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    cli = str(Path(sys.executable).with_name("antiage-compare"))
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "report.html")
        ours = wall([cli, "report", "-o", out, "-q"], runs=9)
        no_smaa = wall([cli, "report", "-o", out, "-q", "--no-smaa"], runs=9)
    try:
        theirs = wall([sys.executable, "-c", "import skcriteria"], runs=9)
    except subprocess.CalledProcessError:
        theirs = float("nan")
    print(f"antiage-compare report (SMAA 10,000 draws), whole process: median {ours:.2f} s")
    print(f"antiage-compare report --no-smaa, whole process:          median {no_smaa:.2f} s")
    print(f'python -c "import skcriteria":                           median {theirs:.2f} s')
    print(f"ratio ours / their import: {ours / theirs:.2f} (goal < 0.5)")


if __name__ == "__main__":
    main()
