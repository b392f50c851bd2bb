"""The command line: ``antiage-compare`` (also ``python -m antiage_compare``).

A thin layer: parse arguments, call the library, print. Bad input gives one line on stderr naming
the file, key and value and exit status 2; other failures exit 1; never a traceback for a user's
mistake.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from antiage_compare._version import package_version
from antiage_compare.catalog import Catalog
from antiage_compare.comparison import RANGE_NOTE, range_cell
from antiage_compare.errors import AntiageError, UsageError
from antiage_compare.horizon import DEFAULT_HORIZON_YEARS, horizon_cost, maintenance_visits
from antiage_compare.loading import FileKind, file_kind, load_catalog, load_clinic
from antiage_compare.model import CONCERN_LABELS, CONCERNS, Option, Range, Risk, Severity, WhileUsed
from antiage_compare.wording import frequency, money, quantity

if TYPE_CHECKING:
    from antiage_compare.comparison import Comparison
    from antiage_compare.profile import Profile

__all__ = ["ProgressBar", "build_parser", "main"]

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2 with one line, like bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _catalog(args: argparse.Namespace) -> Catalog:
    """The catalogue the command uses: ``--catalog`` (or the shipped one), then ``--clinic`` over it."""
    path = getattr(args, "catalog", None)
    base = load_catalog(path) if path is not None else load_catalog()
    clinic = getattr(args, "clinic", None)
    return base if clinic is None else load_clinic(clinic, base)


def _profile(args: argparse.Namespace) -> Profile:
    from antiage_compare.profile import example_profile, load_profile

    return load_profile(args.profile) if args.profile else example_profile()


def _wrap(text: str, indent: str = "  ", *, first: str | None = None) -> str:
    start = indent if first is None else first
    return textwrap.fill(text, width=88, initial_indent=start, subsequent_indent=indent)


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
    if catalog.not_offered:
        names = ", ".join(f"{o.name} ({o.id})" for o in catalog.not_offered)
        out.write("\n" + _wrap(f"Not offered here: {names}.", "") + "\n")
    if catalog.info.clinic_name:
        out.write(f"\nClinic: {catalog.info.clinic_name}. {catalog.info.competing_interests}\n")
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
    d = o.duration_months
    dur = "only while you keep using it" if isinstance(d, WhileUsed) else quantity(d)
    w(f"  Results last: {dur}\n")
    if o.maintenance is not None:
        m = o.maintenance
        visits = maintenance_visits(m, DEFAULT_HORIZON_YEARS)
        kept = (
            f"Kept up by: a repeat every {quantity(m.every_months)} "
            f"({quantity(visits)} in {DEFAULT_HORIZON_YEARS:g} years). {m.note}"
        )
        w(_wrap(kept, "    ", first="  ") + f"  [{', '.join(m.sources)}]\n")
    w(f"  Cost: {money(o.cost.amount, o.cost.currency)} per {o.cost.per}")
    total = money(horizon_cost(o, DEFAULT_HORIZON_YEARS), o.cost.currency)
    w(f"; over {DEFAULT_HORIZON_YEARS:g} years (our arithmetic): {total}\n\n")
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


def _compare_text(result: Comparison, out: TextIO) -> None:
    """The readable ranked table, then every excluded option with all its reasons."""
    w = out.write
    who = result.profile.name or "this profile"
    w(f"How well each option fits the priorities of {who}\n")
    w(f"(method: {result.method}; fit 0-100; information, not medical advice)\n\n")
    w(f"{'rank':>4}  {'fit':>5}  {'range':>8}  option\n")
    for s in result.scored:
        tie = " (tie)" if s.tied_with else ""
        w(f"{s.rank:>4}  {s.fit:5.1f}  {range_cell(s.range):>8}  {s.option.name}{tie}\n")
        for r in s.cautions:
            src = f"  [{', '.join(r.sources)}]" if r.sources else ""
            w(_wrap(f"Caution: {r.text}", " " * 25) + src + "\n")
    if any(not s.range.known for s in result.scored):
        w(_wrap(f"Range: {RANGE_NOTE}.", "") + "\n")
    if result.excluded:
        w("\nNot open to you\n")
        for e in result.excluded:
            w(f"  {e.option.name} ({e.option.id})\n")
            for r in e.reasons:
                src = f"  [{', '.join(r.sources)}]" if r.sources else ""
                w(_wrap(r.text, "    ") + src + "\n")
    w("\n" + _wrap(result.summary(), "") + "\n")
    if len(result.scored) >= 2:
        w(_wrap(result.explain(result.scored[0].id, result.scored[1].id), "") + "\n")
    for note in (*result.weights.notes, *result.notes):
        w(_wrap(f"Note: {note}", "") + "\n")
    if result.catalog.info.clinic_name:
        w(f"Prices from {result.catalog.info.clinic_name} where the clinic gave them.\n")


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    """Compare the options for a profile (the shipped example when none is given)."""
    from antiage_compare.scoring import compare

    profile = _profile(args)
    result = compare(profile, _catalog(args), method=args.method)
    if args.json:
        json.dump(result.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    _compare_text(result, out)
    return EXIT_OK


class ProgressBar:
    """A small text progress bar for SMAA runs, drawn on one line of a terminal stream.

    Call it as ``progress(done, total)``. Nothing is drawn for runs shorter than ``delay``
    seconds, and redraws are throttled, so it costs next to nothing.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        label: str = "Uncertainty analysis",
        width: int = 30,
        delay: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.label = label
        self.width = width
        self.delay = delay
        self.clock = clock
        self._start: float | None = None
        self._last = float("-inf")
        self.drawn = False
        self.finished = False

    def __call__(self, done: int, total: int) -> None:
        """Report that ``done`` of ``total`` samples are finished."""
        now = self.clock()
        if self._start is None:
            self._start = now
        complete = total > 0 and done >= total
        if self.finished or (now - self._start < self.delay and not self.drawn):
            return
        if not complete and now - self._last < 0.1:
            return
        self._last = now
        share = 0.0 if total <= 0 else min(1.0, max(0.0, done / total))
        filled = round(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} ({done:,} of {total:,} samples)")
        self.drawn = True
        if complete:
            self.stream.write("\n")
            self.finished = True
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line if it was drawn and not finished (after an error or cancel)."""
        if self.drawn and not self.finished:
            self.stream.write("\n")
            self.stream.flush()
            self.finished = True


#: Report formats by file extension; an output name must end in its format's extension.
REPORT_SUFFIXES: dict[str, tuple[str, ...]] = {"html": (".html", ".htm"), "pdf": (".pdf",)}


def _report_format(target: Path, asked: str | None) -> str:
    """The report's format: ``--format``, else the output's extension; they must agree."""
    suffix = target.suffix.lower()
    by_suffix = next((f for f, ends in REPORT_SUFFIXES.items() if suffix in ends), None)
    if asked is None:
        if by_suffix is None:
            raise UsageError(
                f"{target}: cannot tell the format from the name; end it in .html or .pdf, "
                "or give --format"
            )
        return by_suffix
    if by_suffix != asked:
        ends = " or ".join(REPORT_SUFFIXES[asked])
        raise UsageError(f"{target}: --format {asked} writes a file ending in {ends}")
    return asked


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    """Write the report for a profile (the shipped example when none is given), HTML or PDF."""
    import webbrowser

    from antiage_compare.report import ReportOptions, write_report
    from antiage_compare.report.record import record_hash, record_json, write_record
    from antiage_compare.scoring import compare
    from antiage_compare.uncertainty.analysis import DEFAULT_SAMPLES, DEFAULT_SEED, analyse

    target = Path(args.output)
    if not target.parent.is_dir():
        raise UsageError(f"{target}: the folder {target.parent} does not exist")
    if target.is_dir():
        raise UsageError(f"{target}: is a folder; give a file name such as report.html")
    fmt = _report_format(target, args.format)
    record_target = None if args.record is None else Path(args.record)
    if record_target is not None:
        if record_target.suffix.lower() != ".json":
            raise UsageError(f"{record_target}: the record is JSON; end its name in .json")
        if not record_target.parent.is_dir():
            raise UsageError(f"{record_target}: the folder {record_target.parent} does not exist")
        if record_target.resolve() == target.resolve():
            raise UsageError(f"{record_target}: the record and the report need different files")
    if fmt == "pdf":
        from antiage_compare.report.pdf import require_engine

        require_engine()  # say what to install before any work is done
    profile = _profile(args)
    catalog = _catalog(args)
    result = compare(profile, catalog, method=args.method)
    smaa = not args.no_smaa
    bar = ProgressBar(sys.stderr) if smaa and not args.quiet and _isatty(sys.stderr) else None
    try:
        analysis = analyse(
            result,
            smaa=smaa,
            samples=DEFAULT_SAMPLES if args.samples is None else args.samples,
            seed=DEFAULT_SEED if args.seed is None else args.seed,
            progress=bar,
        )
    finally:
        if bar is not None:
            bar.close()
    edition = args.edition or ("client" if fmt == "pdf" else "full")
    today = dt.date.today()
    record = None
    if record_target is not None:
        record = record_json(
            result,
            analysis=analysis,
            catalog_path=getattr(args, "catalog", None),
            clinic_path=getattr(args, "clinic", None),
            today=today,
        )
    options = ReportOptions(
        edition=edition,
        today=today,
        record_hash=None if record is None else record_hash(record),
    )
    if fmt == "pdf":
        from antiage_compare.report.pdf import write_pdf

        if not args.quiet:
            sys.stderr.write("Typesetting the PDF...\n")
        written = write_pdf(result, target, analysis=analysis, options=options, paper=args.paper)
    else:
        written = write_report(result, target, analysis=analysis, options=options)
    if not args.quiet:
        out.write(f"Wrote {written} ({edition} edition)\n")
    if record_target is not None and record is not None:
        write_record(record_target, record)
        if not args.quiet:
            out.write(f"Wrote {record_target} (the consultation record)\n")
    if args.open:
        webbrowser.open(written.resolve().as_uri())
    return EXIT_OK


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def cmd_interview(args: argparse.Namespace, out: TextIO) -> int:
    """Ask the interview questions and write the answers as a profile TOML file."""
    from antiage_compare.interview import run_interview, write_profile
    from antiage_compare.profile import load_profile

    if "\x00" in args.output or not args.output.strip():
        raise UsageError(f"{args.output!r}: not a usable file name")
    target = Path(args.output)
    if target.is_dir():
        raise UsageError(f"{target}: is a folder; give a file name such as my-profile.toml")
    if target.exists() and not args.force:
        raise UsageError(
            f"{target}: already exists; choose another name, or add --force to replace it"
        )
    if not target.parent.is_dir():
        raise UsageError(f"{target}: the folder {target.parent} does not exist")
    catalog = _catalog(args)

    def say(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    try:
        profile = run_interview(input, say, catalog=catalog)
    except (EOFError, KeyboardInterrupt):
        out.write("\n")
        sys.stderr.write("antiage-compare: stopped; nothing was saved\n")
        return EXIT_FAILURE
    try:
        write_profile(profile, target, force=args.force)
    except FileExistsError:
        raise UsageError(
            f"{target}: was created while you answered; nothing was saved (add --force to replace it)"
        ) from None
    if load_profile(target) != profile:  # pragma: no cover - a bug guard, never expected
        sys.stderr.write(f"antiage-compare: error: {target}: did not read back the same\n")
        return EXIT_FAILURE
    say(f"Saved your answers to {target}.")
    say(f"Next: antiage-compare report {target} -o report.html")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Check a catalogue folder or file, a clinic file, or a profile; never writes anything.

    The kind of file is decided once (:func:`~antiage_compare.loading.file_kind`) and the file is
    handed to that kind's loader; a clinic file is checked over ``--catalog`` (default: shipped).
    """
    from antiage_compare.profile import load_profile

    p = Path(args.path)
    kind = file_kind(p)
    if kind is FileKind.PROFILE:
        prof = load_profile(p)
        name = f" for {prof.name!r}" if prof.name else ""
        concerns = len(prof.concerns) or "all"
        out.write(f"{p}: valid profile{name} ({prof.method} weighting, {concerns} concerns)\n")
        return EXIT_OK
    if kind is FileKind.CLINIC:
        base = load_catalog(args.catalog) if args.catalog is not None else None
        cat = load_clinic(p, base)
        own = sum(1 for f in cat.clinic_figures if f.endswith(".*"))
        prices = sum(1 for f in cat.clinic_figures if f.endswith(".cost"))
        out.write(
            f"{p}: valid clinic file for {cat.info.clinic_name!r} ({len(cat)} options offered, "
            f"{own} of its own, {prices} prices, currency {cat.currency}, "
            f"cost scale {cat.info.cost_scale})\n"
        )
        return EXIT_OK
    cat = load_catalog(p)
    out.write(
        f"{p}: valid {kind} ({len(cat)} options, {len(cat.sources)} sources, "
        f"{len(cat.claims)} claims, prices in {cat.currency}, cost scale {cat.info.cost_scale})\n"
    )
    return EXIT_OK


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``, with a plain error otherwise."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            msg = f"expected a whole number, got {text!r}"
            raise argparse.ArgumentTypeError(msg) from None
        if n < minimum:
            msg = f"must be {minimum} or more, got {n}"
            raise argparse.ArgumentTypeError(msg)
        return n

    return parse


_positive_int = _whole_number(1)
_seed = _whole_number(0)


def _add_catalog_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalog",
        metavar="PATH",
        help="a catalogue folder or single-file catalogue (default: the shipped one)",
    )
    p.add_argument(
        "--clinic",
        metavar="FILE",
        help="a clinic file (prices, options not offered, own options) over the catalogue",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = _Parser(
        prog="antiage-compare",
        description="Compare anti-ageing treatments against what matters to a person. "
        "A decision aid: information, not medical advice.",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace, TextIO], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("list", cmd_list, "List the options in the catalogue.")
    _add_catalog_options(p)
    p = add("show", cmd_show, "Show everything known about one option, with sources.")
    p.add_argument("id", help="an option id, e.g. acupuncture")
    _add_catalog_options(p)
    p = add("compare", cmd_compare, "Compare the options for a profile.")
    p.add_argument("profile", nargs="?", help="a profile TOML file (default: the shipped example)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--method", choices=("mavt", "topsis", "vikor"), default="mavt")
    _add_catalog_options(p)
    p = add("report", cmd_report, "Write the report for a profile, as HTML or PDF.")
    p.add_argument("profile", nargs="?", help="a profile TOML file (default: the shipped example)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write: .html, or .pdf (needs the pdf extra)",
    )
    p.add_argument(
        "--format",
        choices=tuple(REPORT_SUFFIXES),
        help="html or pdf (default: from the output's extension, which must match)",
    )
    p.add_argument(
        "--edition",
        choices=("client", "full"),
        help=(
            "client: the hand-out (page one, the Option Grid, the best fits' harms); full: "
            "every section. Default: client for a PDF (to print and hand over), full for HTML "
            "(to read on screen)"
        ),
    )
    p.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default: a4)"
    )
    p.add_argument(
        "--record",
        metavar="FILE",
        help="also write the consultation record (JSON) for the clinic's files",
    )
    p.add_argument("--seed", type=_seed, help="random seed of the uncertainty analysis")
    p.add_argument("--samples", type=_positive_int, help="samples in the uncertainty analysis")
    p.add_argument("--no-smaa", action="store_true", help="skip the uncertainty analysis (faster)")
    p.add_argument("--method", choices=("mavt", "topsis", "vikor"), default="mavt")
    p.add_argument("--open", action="store_true", help="open the report in a web browser")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or messages")
    _add_catalog_options(p)
    p = add(
        "validate", cmd_validate, "Check a catalogue folder or file, a clinic file or a profile."
    )
    p.add_argument("path")
    p.add_argument(
        "--catalog",
        metavar="PATH",
        help="for a clinic file: the catalogue it is laid over (default: the shipped one)",
    )
    p = add("interview", cmd_interview, "Ask questions one by one and write a profile file.")
    p.add_argument(
        "-o", "--output", required=True, metavar="PROFILE", help="the TOML file to write"
    )
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    _add_catalog_options(p)
    return parser


class _Version(argparse.Action):
    """``--version``: print the installed version and exit (read only when asked for)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, help="show program's version number and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(f"{parser.prog} {package_version()}\n")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failure, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    try:
        return int(args.func(args, sys.stdout))
    except AntiageError as exc:
        sys.stderr.write(f"antiage-compare: error: {_one_line(str(exc))}\n")
        return EXIT_BAD_INPUT
    except FileNotFoundError as exc:
        sys.stderr.write(f"antiage-compare: error: {exc.filename or exc}: no such file\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (for example `| head`): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_FAILURE
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"antiage-compare: error: {_one_line(str(exc))}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        sys.stderr.write("antiage-compare: interrupted\n")
        return 130


def _one_line(text: str) -> str:
    return " ".join(text.split())
