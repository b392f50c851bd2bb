"""Writing files safely: atomically, and never over an existing file unless asked.

Both the report and the interview's profile go through :func:`write_text_atomic`: the text is
written to a new temporary file in the target's folder (so the final rename stays on one file
system) and moved over the target with :func:`os.replace`. A failure at any point removes the
temporary file and leaves an existing target exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from antiage_compare.errors import OutputPathError

__all__ = ["OutputPathError", "write_bytes_atomic", "write_text_atomic"]


def write_text_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> Path:
    """Write ``text`` (UTF-8, Unix line ends) to ``path`` atomically and return the path.

    Raises: as :func:`write_bytes_atomic`.
    """
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True
) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Raises:
        OutputPathError: ``path`` is not a usable file name.
        FileExistsError: ``path`` exists and ``overwrite`` is false (checked before writing, and
            the final step is a hard link, which fails rather than replace a file that appeared).
        OSError: the file could not be written; nothing is left behind.
    """
    name = os.fspath(path)
    if "\x00" in name or not name.strip():
        msg = f"not a usable file name: {name!r}"
        raise OutputPathError(msg)
    target = Path(name)
    if not overwrite and target.exists():
        raise FileExistsError(17, "already exists", name)
    # O_EXCL on a random name in the same folder; mode 0o666 so the umask applies as usual.
    tmp = target.with_name(f".{target.name}.tmp{secrets.token_hex(6)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if overwrite:
            tmp.replace(target)
        else:
            # link() fails if the target exists, so a file that appeared meanwhile is never
            # replaced (a check-then-rename would leave a gap).
            os.link(tmp, target)
            tmp.unlink()
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
