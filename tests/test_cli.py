"""The command line: every subcommand's exit status, stdout, stderr and the files it writes."""

from __future__ import annotations

import functools
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from antiage_compare import cli, load_catalog
from antiage_compare.cli import ProgressBar, main
from antiage_compare.profile import example_profile

DATA = Path(__file__).resolve().parent.parent / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (status, stdout, stderr)."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_line_error(err: str, *needles: str) -> None:
    """A user mistake gives exactly one line on stderr, with no traceback."""
    assert err.count("\n") == 1, err
    assert err.startswith("antiage-compare")
    assert "Traceback" not in err
    for n in needles:
        assert n in err, (n, err)


# -- general ------------------------------------------------------------------------------------


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists every subcommand; --version prints the version; both exit 0."""
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for cmd in ("list", "show", "compare", "report", "validate", "interview"):
        assert cmd in out
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out.startswith("antiage-compare 0.")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["show"],
        ["compare", "--method", "magic"],
        ["report"],
        ["report", "-o", "x.html", "--samples", "0"],
        ["report", "-o", "x.html", "--seed", "-1"],
        ["compare", "--catalog", "a", "--clinic", "b"],
        ["interview"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """Wrong arguments exit 2 with a usage message, never a traceback."""
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "error:" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_python_dash_m(tmp_path: Path) -> None:
    """`python -m antiage_compare` is the same command line (exit statuses included)."""
    ok = subprocess.run(
        [sys.executable, "-m", "antiage_compare", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert "no_procedure" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "antiage_compare", "compare", str(tmp_path / "missing.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1


# -- list and show ------------------------------------------------------------------------------


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    """`list` prints every option id in a table and the data version."""
    status, out, err = run(capsys, "list")
    assert status == 0
    assert err == ""
    cat = load_catalog()
    for oid in cat.ids:
        assert oid in out
    assert f"{len(cat)} options" in out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    """`show ID` prints the option, its evidence grade, its contraindications and sources."""
    status, out, _ = run(capsys, "show", "tretinoin")
    assert status == 0
    assert "Retinoid cream" in out
    assert "Not for you if" in out
    assert "Sources" in out


def test_show_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown id exits 2 with one line listing the known ids."""
    status, out, err = run(capsys, "show", "unicorn")
    assert status == 2
    assert out == ""
    assert_one_line_error(err, "'unicorn'", "acupuncture")


def _clinic(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(
        'schema_version = 1\n[clinic]\nname = "Test Clinic"\n'
        'competing_interests = "We sell these."\nnot_offered = ["facelift"]\n' + extra,
        encoding="utf-8",
    )
    return path


def test_list_and_show_with_clinic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--clinic hides what the clinic does not offer and shows its prices."""
    clinic = _clinic(
        tmp_path,
        '[prices.botulinum_toxin]\nper = "session"\namount = { low = 150, high = 300 }\n',
    )
    status, out, _ = run(capsys, "list", "--clinic", str(clinic))
    assert status == 0
    assert "facelift" not in out
    status, out, _ = run(capsys, "show", "botulinum_toxin", "--clinic", str(clinic))
    assert status == 0
    assert "USD 150 to 300 per session" in out
    status, _, err = run(capsys, "show", "facelift", "--clinic", str(clinic))
    assert status == 2
    assert_one_line_error(err, "'facelift'")


def test_list_shows_not_offered_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With show_not_offered, `list` names the options the clinic does not offer, and the clinic."""
    clinic = _clinic(tmp_path, "show_not_offered = true\n")
    status, out, _ = run(capsys, "list", "--clinic", str(clinic))
    assert status == 0
    assert "Not offered here: Facelift (rhytidectomy) (facelift)." in out
    assert "Clinic: Test Clinic. We sell these." in out


def test_clinic_option_rejects_a_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    """--clinic with a whole catalogue folder says to use --catalog instead."""
    status, _, err = run(capsys, "list", "--clinic", str(DATA))
    assert status == 2
    assert_one_line_error(err, str(DATA), "not a clinic file", "--catalog")


def test_catalog_option_reads_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """--catalog still reads a catalogue folder."""
    status, out, _ = run(capsys, "list", "--catalog", str(DATA))
    assert status == 0
    assert "no_procedure" in out


# -- compare ------------------------------------------------------------------------------------


def test_compare_default_profile_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a profile, `compare` uses the shipped example and lists exclusions with reasons."""
    status, out, err = run(capsys, "compare")
    assert status == 0
    assert err == ""
    assert "Example client" in out
    assert "rank" in out
    assert "Not open to you" in out
    assert "more than your limit of 14 days" in out
    assert "not medical advice" in out


def test_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints Comparison.to_dict(): eligible in rank order with id/fit/rank; excluded with reasons."""
    status, out, _ = run(capsys, "compare", "--json")
    assert status == 0
    data = json.loads(out)
    ranks = [e["rank"] for e in data["eligible"]]
    assert ranks == sorted(ranks)
    assert ranks[0] == 1
    for e in data["eligible"]:
        assert set(e) >= {"id", "fit", "rank"}
        assert 0 <= e["fit"] <= 100
    assert data["excluded"]
    for e in data["excluded"]:
        assert e["id"]
        assert e["reasons"]
        assert all(r["text"] for r in e["reasons"])
    assert data["profile"] == example_profile().to_dict()


@pytest.mark.parametrize("method", ["mavt", "topsis", "vikor"])
def test_compare_methods(capsys: pytest.CaptureFixture[str], method: str) -> None:
    """--method picks the aggregation, and the JSON says which."""
    status, out, _ = run(capsys, "compare", "--json", "--method", method)
    assert status == 0
    assert json.loads(out)["method"] == method


def test_compare_profile_file_with_pregnancy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A profile file is read; pregnancy excludes tretinoin, with its reason shown."""
    text = (Path(__file__).parent.parent / "src/antiage_compare/example_profile.toml").read_text(
        encoding="utf-8"
    )
    path = tmp_path / "p.toml"
    path.write_text(text.replace("pregnant = false", "pregnant = true"), encoding="utf-8")
    status, out, _ = run(capsys, "compare", str(path), "--json")
    assert status == 0
    excluded = {e["id"]: e for e in json.loads(out)["excluded"]}
    assert "tretinoin" in excluded
    assert any(r["kind"] == "contraindication" for r in excluded["tretinoin"]["reasons"])


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ("[importance]\ncost = 11\n", ["importance.cost", "at most 10", "11"]),
        ("[importance]\ncharm = 3\n", ["importance.charm", "unknown criterion"]),
        ("[importance]\ncost = 3\n[health]\nfitzpatrick = 9\n", ["health.fitzpatrick", "9"]),
        ("not toml = = =\n", ["not valid TOML"]),
    ],
)
def test_compare_bad_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, needles: list[str]
) -> None:
    """A bad profile exits 2 with one line naming the file, the key and the value."""
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "compare", str(path))
    assert status == 2
    assert out == ""
    assert_one_line_error(err, str(path), *needles)


def test_compare_missing_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing profile file exits 2 naming it."""
    path = tmp_path / "missing.toml"
    status, _, err = run(capsys, "compare", str(path))
    assert status == 2
    assert_one_line_error(err, str(path), "no such file")


# -- validate -----------------------------------------------------------------------------------


def test_validate_folder_profile_and_clinic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate` recognises a catalogue folder, a profile and a clinic file, and writes nothing."""
    before = sorted(tmp_path.iterdir())
    status, out, _ = run(capsys, "validate", str(DATA))
    assert status == 0
    assert "valid catalogue" in out
    profile = Path(__file__).parent.parent / "src/antiage_compare/example_profile.toml"
    status, out, _ = run(capsys, "validate", str(profile))
    assert status == 0
    assert out == f"{profile}: valid profile for 'Example client' (direct weighting, 2 concerns)\n"
    clinic = _clinic(tmp_path)
    status, out, _ = run(capsys, "validate", str(clinic))
    assert status == 0
    assert "valid clinic file for 'Test Clinic'" in out
    assert sorted(tmp_path.iterdir()) == sorted([*before, clinic])


def test_validate_ranking_only_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A profile with only a [ranking] table is recognised as a profile, not a catalogue."""
    path = tmp_path / "r.toml"
    path.write_text('[ranking]\norder = ["cost", "downtime"]\n', encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 0
    assert "valid profile (ranking weighting, all concerns)" in out


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ("[importance]\ncost = -1\n", ["importance.cost", "at least 0"]),
        (
            'schema_version = 1\n[clinic]\nname = "X"\ncompeting_interests = "Y"\nsurprise = 1\n',
            ["clinic.surprise", "unknown key"],
        ),
        ("schema_version = 1\n[catalog]\n", ["catalog"]),
    ],
)
def test_validate_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, needles: list[str]
) -> None:
    """Invalid files exit 2 with one line naming the file and key; nothing is written."""
    path = tmp_path / "x.toml"
    path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "validate", str(path))
    assert status == 2
    assert out == ""
    assert_one_line_error(err, str(path), *needles)
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_validate_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not UTF-8 is reported as such, with exit status 2."""
    path = tmp_path / "x.toml"
    path.write_bytes(b"\xff\xfe[importance]\n")
    status, _, err = run(capsys, "validate", str(path))
    assert status == 2
    assert_one_line_error(err, str(path), "not UTF-8")


def test_validate_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist exits 2."""
    status, _, err = run(capsys, "validate", str(tmp_path / "nothing"))
    assert status == 2
    assert_one_line_error(err, "nothing")


# -- report: the real writer, checked through the file it writes ---------------------------------


def _written(capsys: pytest.CaptureFixture[str], target: Path, *argv: str) -> str:
    """Run `report -o target *argv`, check it succeeded quietly, and return the page."""
    status, out, err = run(capsys, "report", "-o", str(target), *argv)
    assert status == 0, err
    assert err == ""  # stderr is not a terminal: no progress bar
    assert out in ("", f"Wrote {target} (full edition)\n")
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []
    return target.read_text(encoding="utf-8")


def test_report_seed_and_samples_reach_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report -o FILE --seed --samples` writes the example client's report with that SMAA run."""
    target = tmp_path / "r.html"
    html = _written(capsys, target, "--seed", "7", "--samples", "500")
    assert html.startswith("<!DOCTYPE html>")
    assert "Example client" in html
    assert "We tried 500 plausible scenarios." in html
    assert "drew 500 scenarios with the random seed 7." in html


def test_report_defaults_and_no_smaa(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --seed/--samples the documented defaults apply; --no-smaa leaves out SMAA only."""
    html = _written(capsys, tmp_path / "a.html")
    assert "drew 10,000 scenarios with the random seed 20261126." in html
    html = _written(capsys, tmp_path / "b.html", "--no-smaa", "-q")
    assert "We did not run the scenario analysis (SMAA)" in html
    assert "plausible scenarios" not in html
    assert "<li>If “" in html  # the weight sensitivity still says what would change the order


def test_report_clinic_statement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --clinic, the report names the clinic, shows its statement and drops what it lacks."""
    html = _written(capsys, tmp_path / "r.html", "--no-smaa", "--clinic", str(_clinic(tmp_path)))
    assert '<dt>Given to you by</dt><dd class="not-ours">Test Clinic</dd>' in html
    assert '<dt>Competing interests</dt><dd class="not-ours">We sell these.</dd>' in html
    facelift = load_catalog()["facelift"].name
    assert facelift not in html


def test_report_progress_bar_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal the SMAA run draws a progress bar to the end; --quiet and --no-smaa draw none."""

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli, "ProgressBar", functools.partial(ProgressBar, delay=0.0))
    for extra, drawn in (((), True), (("--quiet",), False), (("--no-smaa",), False)):
        tty = Tty()
        monkeypatch.setattr(sys, "stderr", tty)
        assert main(["report", "-o", str(tmp_path / "r.html"), "--samples", "300", *extra]) == 0
        bar = tty.getvalue()
        if drawn:
            assert bar.startswith("\rUncertainty analysis [")
            assert bar.endswith("100% (300 of 300 samples)\n")
        else:
            assert bar == ""
    assert capsys.readouterr().out == f"Wrote {tmp_path / 'r.html'} (full edition)\n" * 2


def test_report_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--open opens the written file in the browser (and only with --open)."""
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    target = tmp_path / "r.html"
    assert run(capsys, "report", "-o", str(target), "--no-smaa")[0] == 0
    assert opened == []
    assert run(capsys, "report", "-o", str(target), "--no-smaa", "--open")[0] == 0
    assert opened == [target.resolve().as_uri()]


def test_report_failure_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure while writing (not the user's mistake) exits 1 with one line; nothing is left."""

    def full(self: Path, target: Any) -> Path:
        raise OSError(28, "disk full")

    monkeypatch.setattr(Path, "replace", full)
    status, _, err = run(capsys, "report", "-o", str(tmp_path / "r.html"), "-q", "--no-smaa")
    assert status == 1
    assert_one_line_error(err, "disk full")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder", "is-a-folder"])
def test_report_bad_output_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """An output path in a missing folder, or that is a folder, exits 2 and writes nothing."""
    target = tmp_path / "nope" / "r.html" if where == "missing-folder" else tmp_path
    status, _, err = run(capsys, "report", "-o", str(target))
    assert status == 2
    assert_one_line_error(err, str(target))
    assert list(tmp_path.iterdir()) == []


def test_report_bad_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad profile exits 2 and no report is written."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[importance]\ncost = 99\n", encoding="utf-8")
    target = tmp_path / "r.html"
    status, _, err = run(capsys, "report", str(bad), "-o", str(target))
    assert status == 2
    assert_one_line_error(err, str(bad), "importance.cost")
    assert not target.exists()


def test_report_is_reproducible(tmp_path: Path) -> None:
    """The same seed gives the same report."""
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for target in (a, b):
        assert main(["report", "-o", str(target), "--samples", "200", "--seed", "3", "-q"]) == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


def test_report_failure_keeps_the_old_file(tmp_path: Path) -> None:
    """A failed run (bad profile) leaves an existing report untouched."""
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[importance]\n", encoding="utf-8")
    assert main(["report", str(bad), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "old report"


# -- the progress bar ---------------------------------------------------------------------------


class Clock:
    """A fake clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_quiet_for_short_runs() -> None:
    """A run that ends before the delay draws nothing."""
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, delay=0.5, clock=clock)
    bar(0, 100)
    clock.now = 0.2
    bar(100, 100)
    bar.close()
    assert stream.getvalue() == ""


def test_progress_bar_draws_and_finishes() -> None:
    """A long run draws on one line (carriage returns), ends at 100% with a newline."""
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, width=10, delay=0.5, clock=clock)
    bar(0, 1000)
    clock.now = 1.0
    bar(500, 1000)
    clock.now = 1.05
    bar(600, 1000)  # throttled
    clock.now = 2.0
    bar(1000, 1000)
    bar.close()
    text = stream.getvalue()
    assert text.count("\r") == 2
    assert "[#####-----]  50% (500 of 1,000 samples)" in text
    assert "[##########] 100% (1,000 of 1,000 samples)" in text
    assert text.endswith("\n")
    assert text.count("\n") == 1


def test_progress_bar_close_after_cancel() -> None:
    """close() ends an unfinished bar's line so the error message starts on a new line."""
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, delay=0.0, clock=clock)
    bar(10, 100)
    bar.close()
    bar.close()
    assert stream.getvalue().endswith("\n")
    assert stream.getvalue().count("\n") == 1
