"""Time the HTML report: data preparation, template rendering, SMAA, and the first render.

Run: .venv/bin/python benchmarks/bench_report.py   (add --quick for fewer repeats)
Goal (report issue): rendering the default report without SMAA takes <= 20 ms median.

What is measured, for the example profile against the shipped catalogue, with a fixed date
and version (the comparison itself is made once, outside the timed region):

* analyse(smaa=False): the weight sensitivity only (what a report without SMAA shows).
* analyse(): the default analysis, SMAA with 10,000 draws plus the sensitivity.
* build_report_data: preparing the frozen records only, from a ready analysis.
* render(data): the jinja2 templates only, on prepared data (templates already compiled).
* render_html: both, from a ready analysis without SMAA; the figure the goal is about.
* cold: a fresh process importing the package, analysing without SMAA and rendering once
  (template compilation included), wall time minus an empty interpreter's start-up.
* end to end with SMAA (issue 17's goal: under one second): analyse() with 10,000 draws plus
  render_html of the full edition, from a ready comparison.
* the client PDF (the ``pdf`` extra, WeasyPrint): render_pdf(edition="client") on A4 from a
  ready analysis; skipped with a note when WeasyPrint is not installed.

Before the analysis was passed in (0.1.0), ``build_report_data(smaa=False)`` and
``render_html(smaa=False)`` ran the sensitivity themselves; compare them with the sum of the
``analyse(smaa=False)`` row and the row below it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TODAY = dt.date(2026, 11, 26)


def per_call_ms(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Median over ``repeat`` runs of the mean time per call, in milliseconds."""
    fn()
    times = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(times) / number * 1000


def cold_ms(runs: int) -> float:
    """Median wall time of a fresh process rendering once, minus an empty process's."""
    code = (
        "import datetime as dt; from antiage_compare.scoring import compare; "
        "from antiage_compare.profile import example_profile; "
        "from antiage_compare.report import ReportOptions, render_html; "
        "from antiage_compare.uncertainty.analysis import analyse; "
        "c = compare(example_profile()); "
        "render_html(c, analysis=analyse(c, smaa=False), "
        "options=ReportOptions(today=dt.date(2026, 11, 26), version='bench'))"
    )

    def median(src: str) -> float:
        walls = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", src], check=True)
            walls.append(time.perf_counter() - t)
        return statistics.median(walls) * 1000

    return median(code) - median("pass")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeat = 5 if args.quick else 9

    from antiage_compare.profile import example_profile
    from antiage_compare.report import ReportOptions, build_report_data, render_html
    from antiage_compare.report.render import render
    from antiage_compare.scoring import compare
    from antiage_compare.uncertainty.analysis import analyse

    c = compare(example_profile())
    options = ReportOptions(today=TODAY, version="bench")
    analysis = analyse(c, smaa=False)
    data = build_report_data(c, analysis=analysis, options=options)
    html = render_html(c, analysis=analysis, options=options)

    rows = [
        ("analyse(smaa=False)", per_call_ms(lambda: analyse(c, smaa=False), 20, repeat)),
        ("analyse(): SMAA 10,000 draws + sensitivity", per_call_ms(lambda: analyse(c), 1, repeat)),
        (
            "build_report_data(analysis ready)",
            per_call_ms(
                lambda: build_report_data(c, analysis=analysis, options=options), 20, repeat
            ),
        ),
        ("render(data)", per_call_ms(lambda: render(data), 20, repeat)),
        (
            "render_html(analysis ready, no SMAA)",
            per_call_ms(lambda: render_html(c, analysis=analysis, options=options), 20, repeat),
        ),
        (
            "cold process: import + analyse(smaa=False) + first render_html",
            cold_ms(3 if args.quick else 7),
        ),
    ]
    full = analyse(c)
    rows.append(
        (
            "end to end: analyse() (SMAA) + render_html, full edition",
            per_call_ms(lambda: render_html(c, analysis=analyse(c), options=options), 1, repeat),
        )
    )
    try:
        from antiage_compare.report.pdf import render_pdf

        client = ReportOptions(today=TODAY, version="bench", edition="client")
        pdf_runs = 3 if args.quick else 5
        rows.append(
            (
                "render_pdf(client edition, A4, analysis ready)",
                per_call_ms(lambda: render_pdf(c, analysis=full, options=client), 1, pdf_runs),
            )
        )
    except ImportError:
        print("(WeasyPrint not installed: no PDF timing; pip install '.[pdf]')")
    print(f"CPython {platform.python_version()} on {platform.machine()} {platform.system()}")
    print(
        f"report size without SMAA: {len(html.encode('utf-8')):,} bytes, {html.count(chr(10)):,} lines"
    )
    print(f"{'what':<55} {'median ms':>10}")
    for name, ms in rows:
        print(f"{name:<55} {ms:>10.2f}")
    goal = rows[0][1] + rows[4][1]
    print(
        f"goal render_html without SMAA (sensitivity included) <= 20 ms: "
        f"{'met' if goal <= 20 else 'NOT met'} ({goal:.2f} ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
