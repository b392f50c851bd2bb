"""The one atomic writer used by reports and profiles: nothing is ever half-written or clobbered."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from antiage_compare import AntiageError, _files
from antiage_compare._files import OutputPathError, write_text_atomic


def test_writes_text_and_replaces_existing(tmp_path: Path) -> None:
    """The text arrives whole, with Unix line ends, replacing an old file."""
    target = tmp_path / "out.html"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "new\nline é\n")
    assert target.read_bytes() == "new\nline é\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while writing leaves the old file intact and no temporary file behind."""
    target = tmp_path / "out.html"
    target.write_text("precious", encoding="utf-8")

    class Exploding(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            super().write(data[:10])
            raise OSError(28, "No space left on device")

    real_fdopen = _files.os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object) -> io.BytesIO:
        real_fdopen(fd).close()
        return Exploding()

    monkeypatch.setattr(_files.os, "fdopen", fdopen)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomic(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_refuses_to_overwrite_when_told(tmp_path: Path) -> None:
    """With overwrite=False an existing file is an error and stays as it was."""
    target = tmp_path / "p.toml"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_text_atomic(target, "theirs", overwrite=False)
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("name", ["a\x00b.html", "", "   "])
def test_unusable_names_are_library_errors(name: str) -> None:
    """A NUL character or an empty name is an OutputPathError (an AntiageError and ValueError)."""
    with pytest.raises(OutputPathError) as info:
        write_text_atomic(name, "x")
    assert isinstance(info.value, AntiageError)
    assert isinstance(info.value, ValueError)


def test_a_file_appearing_mid_write_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With overwrite=False, a file created while the text is written survives, and nothing is left over."""
    target = tmp_path / "p.toml"
    real_fdopen = _files.os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object) -> object:
        target.write_text("someone else's", encoding="utf-8")  # appears after the first check
        return real_fdopen(fd, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_files.os, "fdopen", fdopen)
    with pytest.raises(FileExistsError):
        write_text_atomic(target, "mine", overwrite=False)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["p.toml"]
