"""Every code example in docs/*.md runs: Python blocks as doctests, console lines through the CLI.

* A fenced ``python`` block with ``>>>`` lines is a doctest (ELLIPSIS and NORMALIZE_WHITESPACE
  on); one without is executed. Blocks in one file share a namespace, in order.
* In a ``console`` block, each ``$ antiage-compare …`` (or ``$ python -m antiage_compare …``)
  line is run through :func:`antiage_compare.cli.main` in a scratch folder holding
  ``my-profile.toml`` (the example profile) and ``clinic.toml`` (the clinic example from the
  consultant's guide); it must exit 0. Lines marked ``# interactive`` are not run. ``report``
  runs get ``--samples 300`` unless they set it, to keep the suite fast. Other commands (``pip``)
  are not run.
* Each ``toml`` block in ``docs/profile.md`` must load as a profile.
"""

from __future__ import annotations

import doctest
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from antiage_compare.cli import main
from antiage_compare.profile import Profile, example_profile

DOCS = Path(__file__).resolve().parent.parent / "docs"
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
REQUIRED = ["index.md", "consultant-guide.md", "developer-guide.md", "methods.md", "profile.md"]


@dataclass(frozen=True)
class Block:
    """One fenced code block of a Markdown file."""

    file: Path
    line: int
    lang: str
    body: str


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of ``path``, with their indentation removed."""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        indent = m.group("indent")
        body = "".join(
            line[len(indent) :] if line.startswith(indent) else line
            for line in m.group("body").splitlines(keepends=True)
        )
        out.append(Block(path, text.count("\n", 0, m.start()) + 1, m.group("lang"), body))
    return out


def md_files() -> list[Path]:
    """Every Markdown file under docs/."""
    return sorted(DOCS.glob("*.md"))


def commands(block: Block) -> list[list[str]]:
    """The runnable CLI commands of a console block, as argument lists."""
    out = []
    for raw in block.body.splitlines():
        if not raw.startswith("$ ") or "# interactive" in raw:
            continue
        words = shlex.split(raw[2:], comments=True)
        if words[:1] == ["antiage-compare"]:
            out.append(words[1:])
        elif words[:3] == ["python", "-m", "antiage_compare"]:
            out.append(words[3:])
    return out


def test_the_required_pages_exist() -> None:
    """The quick tour, both guides, the methods and the profile format are all there."""
    names = {p.name for p in md_files()}
    assert set(REQUIRED) <= names
    assert "data-format.md" in names


@pytest.mark.parametrize("name", REQUIRED)
def test_links_between_pages_resolve(name: str) -> None:
    """Every relative Markdown link points to a page that exists."""
    text = (DOCS / name).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", text):
        assert (DOCS / target).is_file(), f"{name} links to missing {target}"


@pytest.mark.parametrize("path", md_files(), ids=lambda p: p.name)
def test_python_examples(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every python block of the page runs; doctest output matches."""
    monkeypatch.chdir(tmp_path)
    globs: dict[str, Any] = {"__name__": f"docs.{path.stem}"}
    parser = doctest.DocTestParser()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    ran = 0
    for b in blocks(path):
        if b.lang != "python":
            continue
        ran += 1
        if ">>>" in b.body:
            test = parser.get_doctest(b.body, globs, f"{path.name}:{b.line}", str(path), b.line)
            runner = doctest.DocTestRunner(optionflags=flags)
            out: list[str] = []
            runner.run(test, out=out.append, clear_globs=False)
            globs.update(test.globs)  # DocTest works on a copy; later blocks build on this one
            assert runner.failures == 0, "".join(out)
        else:
            exec(compile(b.body, f"{path}:{b.line}", "exec"), globs)
    if path.name in ("index.md", "developer-guide.md", "methods.md", "consultant-guide.md"):
        assert ran, f"{path.name} should have Python examples"


CLINIC_EXAMPLE = re.compile(r"^schema_version = 1\s*\n\s*\[clinic\]", re.M)


def _prepare(folder: Path) -> None:
    """Files the console examples refer to."""
    from antiage_compare._dump import to_toml

    # A client's own profile, its budget in no stated currency: read in the prices' currency,
    # so it works with the shipped catalogue and with the guide's clinic in GBP alike.
    mine = example_profile().to_dict()
    mine["limits"].pop("currency")
    (folder / "my-profile.toml").write_text(to_toml(mine), encoding="utf-8")
    clinic = next(
        b.body
        for b in blocks(DOCS / "consultant-guide.md")
        if b.lang == "toml" and CLINIC_EXAMPLE.search(b.body)
    )
    (folder / "clinic.toml").write_text(clinic, encoding="utf-8")


def _report_available() -> bool:
    try:
        from antiage_compare.report import write_report  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("path", md_files(), ids=lambda p: p.name)
def test_console_examples(
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every `$ antiage-compare …` line of the page exits 0."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("webbrowser.open", lambda *a, **k: True)
    _prepare(tmp_path)
    for b in blocks(path):
        if b.lang != "console":
            continue
        for argv in commands(b):
            if argv[:1] == ["report"]:
                if not _report_available():
                    continue
                if "--samples" not in argv and "--no-smaa" not in argv:
                    argv = [*argv, "--samples", "300"]
            status = main(argv)
            captured = capsys.readouterr()
            assert status == 0, (
                f"{path.name}:{b.line}: antiage-compare {' '.join(argv)}\n{captured.err}"
            )


def test_console_lines_are_found() -> None:
    """The console parser finds the main job and skips interactive lines (guards the test above)."""
    found = [
        argv for p in md_files() for b in blocks(p) if b.lang == "console" for argv in commands(b)
    ]
    assert ["report", "-o", "report.html"] in found
    assert not any(argv[:1] == ["interview"] for argv in found)
    assert any(argv[:1] == ["compare"] for argv in found)


def test_profile_page_toml_examples_load() -> None:
    """Each TOML example on the profile page is a valid profile."""
    import tomllib

    examples = [b for b in blocks(DOCS / "profile.md") if b.lang == "toml"]
    assert len(examples) >= 6
    for b in examples:
        profile = Profile.from_dict(tomllib.loads(b.body), file=f"profile.md:{b.line}")
        assert isinstance(profile, Profile)
    first = Profile.from_dict(tomllib.loads(examples[0].body))
    assert first == example_profile(), "the complete example must be the shipped example profile"


def test_consultant_clinic_example_loads(tmp_path: Path) -> None:
    """The clinic file shown in the consultant's guide is valid and does what the text says."""
    from antiage_compare import load_clinic

    _prepare(tmp_path)
    cat = load_clinic(tmp_path / "clinic.toml")
    assert cat.info.clinic_name == "Example Skin Clinic"
    assert cat.info.currency == "GBP"
    assert {o.id for o in cat.not_offered} == {"facelift", "peel_deep"}
    assert cat["botulinum_toxin"].cost.from_clinic


def test_docs_mention_every_subcommand() -> None:
    """The consultant's guide or the tour shows every subcommand."""
    text = (DOCS / "index.md").read_text(encoding="utf-8") + (
        DOCS / "consultant-guide.md"
    ).read_text(encoding="utf-8")
    for cmd in ("list", "show", "compare", "report", "validate", "interview"):
        assert f"antiage-compare {cmd}" in text, cmd


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))
