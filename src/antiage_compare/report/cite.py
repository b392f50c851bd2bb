"""Citation numbers: one :class:`Citations` object numbers the sources of one report.

A source gets the number ``n`` the first time a builder cites it; later citations of the same
source reuse ``n``. :func:`~antiage_compare.report.build.build_report_data` runs the builders
in the order the page reads (sections 1 to 8, each Option Grid row by row), so on the page the
first ``[n]`` is 1, the next new one 2, and so on, as in a paper. (That is the order of the
HTML, as on screen; the print layout hides the full grid, so in print a number may first show
up later than a higher one.) The list of sources at the end of the report is
:meth:`Citations.entries`. Links go through :func:`safe_link`, so only ``http(s)`` addresses
become links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import quote, urlsplit

from antiage_compare.model import Source
from antiage_compare.report.records import SourceEntry

__all__ = ["Citations", "safe_link"]

#: Characters kept as they are in links: RFC 3986 reserved and unreserved characters, and "%".
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def safe_link(url: str) -> str:
    """``url`` if it is an absolute ``http`` or ``https`` address, else ``""``.

    Characters a URL may not contain (quotes, angle brackets, spaces, non-ASCII) are
    percent-encoded, so the link is valid HTML and cannot break out of its attribute.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return quote(url, safe=_URL_SAFE)


class Citations:
    """Numbers the sources of one report in order of first citation.

    Made once per report and used only while its records are built; it is the one piece of
    mutable state in the build, so it is not shared between reports or threads.

    Args:
        sources: the catalogue's sources by id (a cited id it lacks is listed as unknown).
    """

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self._sources = sources
        self._numbers: dict[str, int] = {}

    def __call__(self, ids: Iterable[str]) -> tuple[int, ...]:
        """The citation numbers for source ``ids``, numbering new ones; no number twice."""
        out: list[int] = []
        for sid in ids:
            n = self._numbers.setdefault(sid, len(self._numbers) + 1)
            if n not in out:
                out.append(n)
        return tuple(out)

    def __len__(self) -> int:
        return len(self._numbers)

    def entries(self) -> tuple[SourceEntry, ...]:
        """Every source cited so far, in number order, ready for the list of sources."""
        return tuple(self._entry(sid, n) for sid, n in self._numbers.items())

    def _entry(self, sid: str, number: int) -> SourceEntry:
        s = self._sources.get(sid)
        if s is None:
            return SourceEntry(
                number=number,
                id=sid,
                citation=f"Unknown source {sid!r}",
                kind="unknown",
                link="",
                link_text="",
                low_quality=True,
                note="",
                known=False,
            )
        link = safe_link(s.link)
        return SourceEntry(
            number=number,
            id=sid,
            citation=s.citation,
            kind=str(s.kind.value).replace("_", " "),
            link=link,
            link_text="" if link else s.link,
            low_quality=s.kind.low_quality,
            note=s.note,
        )
