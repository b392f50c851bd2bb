"""The command line: ``antiage-compare`` (also ``python -m antiage_compare``).

A thin layer: parse arguments, call the library, print. Bad input gives one line on stderr naming
the file, key and value and exit status 2; other failures exit 1; never a traceback for a user's
mistake.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TextIO

from antiage_compare.catalog import Catalog, load_catalog
from antiage_compare.errors import AntiageError
from antiage_compare.model import CONCERN_LABELS, CONCERNS, Option, Range, Risk, Severity
from antiage_compare.wording import frequency, money, quantity

__all__ = ["main"]

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line, like bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _catalog(args: argparse.Namespace) -> Catalog:
    return load_catalog(getattr(args, "catalog", None))


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """Print a readable table of the options."""
    catalog = _catalog(args)
    rows = [("id", "option", "invasiveness", "evidence", "time off")]
    for o in catalog:
        rows.append(
            (o.id, o.name, o.invasiveness.plain, str(o.certainty), quantity(o.downtime_days))
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, r in enumerate(rows):
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
    out.write(f"\n{len(catalog)} options. Data version {catalog.info.data_version}. ")
    out.write("This is information, not medical advice.\n")
    return EXIT_OK


def _risk_order(r: Risk) -> float:
    q = r.per_1000()
    return -q.point if isinstance(q, Range) else 0.0


def _show(o: Option, catalog: Catalog, out: TextIO) -> None:
    w = out.write
    w(f"{o.name} ({o.id})\n{'=' * (len(o.name) + len(o.id) + 3)}\n")
    w(_wrap(o.summary, "") + "\n\n")
    w(f"How sure is the evidence?  {str(o.certainty).upper()}. {o.certainty.plain}\n")
    w(_wrap(o.certainty_reason) + f"  [{', '.join(o.certainty_sources)}]\n\n")
    w("What it is\n")
    w(_wrap(o.mechanism) + f"  [{', '.join(o.mechanism_sources)}]\n")
    w(f"  How invasive: {o.invasiveness.plain}.\n\n")
    w("What it is like\n")
    w(_wrap(f"Pain: {o.experience.pain}") + "\n")
    w(_wrap(f"Marks: {o.experience.marks}") + "\n")
    w(_wrap(f"Time off: {o.experience.time_off}") + "\n\n")
    w("Practical facts\n")
    w(f"  Sessions: {quantity(o.sessions)}")
    w(f"; {o.interval}\n" if o.interval else "\n")
    w(f"  Time off: {quantity(o.downtime_days)}\n")
    w(f"  Results show after: {quantity(o.onset_days)}\n")
    dur = quantity(o.duration_months)
    w(f"  Results last: {dur}" + (" (only while you keep using it)" if o.ongoing else "") + "\n")
    w(f"  Cost: {money(o.cost.amount, o.cost.currency)} per {o.cost.per}")
    w(f"; a course (our arithmetic: sessions × price): {money(o.course_cost, o.cost.currency)}\n\n")
    for sev, title in (
        (Severity.COMMON, "Common side effects"),
        (Severity.SERIOUS, "Serious risks"),
    ):
        risks = [r for r in o.risks if r.severity is sev]
        w(f"{title}\n")
        if not risks:
            w("  no data: none measured in any source found\n")
        for r in sorted(risks, key=_risk_order):
            f = frequency(r)
            other = f"; {f.other_side}" if f.known else ""
            w(
                _wrap(f"{r.name}: {f.text}{other}. {r.population}, {r.time_frame}.")
                + f"  [{', '.join(r.sources)}]\n"
            )
        w("\n")
    w("Expected effect on each concern (editorial judgement)\n")
    for c in CONCERNS:
        e = o.effects[c]
        size = "not studied" if e.size.value == "not_studied" else str(e.size)
        w(_wrap(f"{CONCERN_LABELS[c]}: {size}. {e.reason}") + f"  [{', '.join(e.sources)}]\n")
    if o.contraindications:
        w("\nWho should not have it, or should take care\n")
        for rule in o.contraindications:
            verb = "Not for you if" if rule.level.value == "exclude" else "Take care if"
            w(_wrap(f"{verb} {rule.when.plain}: {rule.text}") + f"  [{', '.join(rule.sources)}]\n")
    claims = catalog.claims_about(o.id)
    if claims:
        w("\nCommon claims, checked\n")
        for cl in claims:
            w(
                _wrap(f'"{cl.text}": {cl.verdict.plain.upper()}. {cl.reason}')
                + f"  [{', '.join(cl.sources)}]\n"
            )
    w("\nSources\n")
    for sid in o.sources:
        s = catalog.source(sid)
        low = " (low-quality web page)" if s.kind.low_quality else ""
        link = f" {s.link}" if s.link else ""
        w(_wrap(f"[{sid}] {s.citation}{low}.{link}") + "\n")
    w("\nThis is information, not medical advice. Discuss it with a qualified clinician.\n")


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    """Print everything the catalogue knows about one option."""
    catalog = _catalog(args)
    _show(catalog[args.id], catalog, out)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    """Compare the options for a profile (the shipped example when none is given)."""
    from antiage_compare.profile import example_profile, load_profile
    from antiage_compare.scoring import compare

    profile = load_profile(args.profile) if args.profile else example_profile()
    result = compare(profile, _catalog(args), method=args.method)
    if args.json:
        json.dump(result.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    out.write(f"How well each option fits the priorities of {profile.name or 'this profile'}\n")
    out.write(f"(method: {result.method}; fit 0-100; information, not medical advice)\n\n")
    out.write(result.table() + "\n\n")
    out.write(_wrap(result.summary(), "") + "\n")
    if len(result.scored) >= 2:
        out.write(_wrap(result.explain(result.scored[0].id, result.scored[1].id), "") + "\n")
    for note in result.weights.notes:
        out.write(_wrap(f"Note: {note}", "") + "\n")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Check a catalogue folder or file, a clinic file, or a profile."""
    from pathlib import Path

    from antiage_compare._reader import parse_toml
    from antiage_compare.profile import load_profile

    p = Path(args.path)
    if p.is_file():
        head = parse_toml(p.read_bytes().decode("utf-8", errors="replace"), str(p))
        if "profile" in head or "importance" in head:
            prof = load_profile(p)
            out.write(
                f"{p}: valid profile ({prof.method} weighting, {len(prof.concerns)} concerns)\n"
            )
            return EXIT_OK
    cat = load_catalog(p)
    out.write(
        f"{p}: valid catalogue ({len(cat)} options, {len(cat.sources)} sources, {len(cat.claims)} claims)\n"
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = _Parser(
        prog="antiage-compare",
        description="Compare anti-ageing treatments against what matters to a person. "
        "A decision aid: information, not medical advice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace, TextIO], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("list", cmd_list, "List the options in the catalogue.")
    p.add_argument("--catalog", help="a catalogue folder or file, or a clinic file")
    p = add("show", cmd_show, "Show everything known about one option, with sources.")
    p.add_argument("id", help="an option id, e.g. acupuncture")
    p.add_argument("--catalog", help="a catalogue folder or file, or a clinic file")
    p = add("compare", cmd_compare, "Compare the options for a profile.")
    p.add_argument("profile", nargs="?", help="a profile TOML file (default: the shipped example)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--method", choices=("mavt", "topsis", "vikor"), default="mavt")
    p.add_argument("--catalog", help="a catalogue folder or file, or a clinic file")
    p = add(
        "validate", cmd_validate, "Check a catalogue folder or file, a clinic file or a profile."
    )
    p.add_argument("path")
    return parser


def _version() -> str:
    from antiage_compare import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args, sys.stdout))
    except AntiageError as exc:
        sys.stderr.write(f"antiage-compare: error: {exc}\n")
        return EXIT_BAD_INPUT
    except FileNotFoundError as exc:
        sys.stderr.write(f"antiage-compare: error: {exc.filename or exc}: no such file\n")
        return EXIT_BAD_INPUT
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"antiage-compare: error: {exc}\n")
        return EXIT_FAILURE
