"""Run every benchmark in this folder, one after the other, printing their reports.

Run: .venv/bin/python benchmarks/run_all.py   (needs the `bench` extra for the peer libraries)
"""

from __future__ import annotations

import pathlib
import subprocess
import sys


def main() -> int:
    here = pathlib.Path(__file__).parent
    status = 0
    for script in sorted(here.glob("bench_*.py")):
        print(f"\n=== {script.name}", flush=True)
        status |= subprocess.run([sys.executable, str(script)], check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
