"""Reading grade of plain-language text: Flesch–Kincaid, in pure Python.

The Flesch–Kincaid grade is ``0.39 × words per sentence + 11.8 × syllables per word − 15.59``
(Kincaid et al. 1975). It needs three counts, found here as follows.

Sentences
    A sentence ends at ``.``, ``!`` or ``?`` followed by white space or the end of the text, and
    at every line break (so each block of a report counts as at least one sentence). A decimal
    point (``1.5``) does not end a sentence. Segments without a word are not counted.

Words
    A word is a run of letters (any alphabet; an apostrophe or hyphen between letters keeps the
    run whole, so "day-to-day" is one word) or a run of digits (``1,000`` and ``1.5`` are one
    word each).

Syllables (the heuristic)
    For a word of letters: lower-case it and count the groups of vowels (``a e i o u y``, with
    accented vowels counted as vowels). Then take one away for a silent final ``e`` ("make"),
    but not for a final consonant + ``le`` ("table") or when the ``e`` follows another vowel
    ("free"); and take one away for a final ``-es`` or ``-ed`` that is not sounded ("makes",
    "used"; but "faces", "wanted" keep it). Words of three letters or fewer, and any word, count
    at least one syllable. A number counts one syllable per digit, at most four ("14" → 2,
    "1,000" → 4), a rough stand-in for how numbers are read aloud.

The heuristic reproduces the published worked example "The Australian platypus is seemingly a
hybrid of a mammal and reptilian creature." (13 words, 24 syllables, grade 11.3).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from attrs import frozen

__all__ = [
    "TextStats",
    "flesch_kincaid",
    "reading_grade",
    "report_prose",
    "syllables",
    "text_stats",
]

_WORD = re.compile(r"\d(?:[\d,.]*\d)?|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ"
_VOWEL_GROUP = re.compile(f"[{_VOWELS}]+")
_SOUNDED_ES = ("ces", "ges", "ses", "zes", "xes", "ches", "shes")
_SOUNDED_ED = ("ted", "ded")


@frozen
class TextStats:
    """The counts behind a reading grade.

    Attributes:
        sentences: the number of sentences.
        words: the number of words.
        syllables: the number of syllables (by the documented heuristic).
    """

    sentences: int
    words: int
    syllables: int


def syllables(word: str) -> int:
    """The number of syllables in one word, by the heuristic in the module docstring.

    Args:
        word: one word (letters, or a number such as ``1,000``).

    Returns:
        At least 1.
    """
    if word[:1].isdigit():
        return max(1, min(4, sum(ch.isdigit() for ch in word)))
    total = 0
    for part in re.split(r"['’\-]", word.lower()):
        w = "".join(ch for ch in part if ch.isalpha())
        if not w:
            continue
        if len(w) <= 3:
            total += 1
            continue
        n = len(_VOWEL_GROUP.findall(w))
        if (
            (w.endswith("e") and not w.endswith("le") and w[-2] not in _VOWELS)
            or (w.endswith("le") and w[-3] in _VOWELS)
            or (
                (
                    (w.endswith("es") and not w.endswith(_SOUNDED_ES))
                    or (w.endswith("ed") and not w.endswith(_SOUNDED_ED))
                )
                and w[-3] not in _VOWELS
            )
        ):
            n -= 1
        total += max(1, n)
    return max(1, total)


def text_stats(text: str) -> TextStats:
    """Count the sentences, words and syllables of ``text``.

    Args:
        text: plain text; line breaks separate blocks.

    Returns:
        The counts.
    """
    n_sentences = n_words = n_syllables = 0
    for segment in _SENTENCE_END.split(text):
        words = _WORD.findall(segment)
        if not words:
            continue
        n_sentences += 1
        n_words += len(words)
        n_syllables += sum(syllables(w) for w in words)
    return TextStats(n_sentences, n_words, n_syllables)


def flesch_kincaid(stats: TextStats) -> float:
    """The Flesch–Kincaid grade for the counts ``stats`` (0.0 for text without words).

    Args:
        stats: sentence, word and syllable counts.

    Returns:
        The US school grade level.
    """
    if not stats.words:
        return 0.0
    return 0.39 * stats.words / stats.sentences + 11.8 * stats.syllables / stats.words - 15.59


def reading_grade(text: str) -> float:
    """The Flesch–Kincaid grade of ``text``.

    Args:
        text: plain text; each line break ends a sentence.

    Returns:
        The grade, for example 11.26 for the Australian-platypus example sentence.

    Example:
        >>> round(reading_grade("The cat sat on the mat."), 2)
        -1.45
    """
    return flesch_kincaid(text_stats(text))


#: Elements whose text is one block (a sentence boundary at each end).
_BLOCKS = frozenset(
    [
        "p",
        "li",
        "dd",
        "dt",
        "td",
        "th",
        "caption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "summary",
        "figcaption",
        "div",
        "section",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_SKIP = frozenset(("style", "script", "svg", "title", "head"))


class _ProseParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._stack: list[tuple[str, bool]] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self._stack)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._flush()
            return
        if tag in _VOID:
            return
        self._current.append(" ")
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in _SKIP or "not-ours" in classes
        if tag in _BLOCKS:
            self._flush()
        self._stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self._current.append(" ")
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._current.append(data)


def report_prose(html: str, *, sentences_only: bool = True) -> str:
    """The prose of a report, one block per line, for :func:`reading_grade`.

    Text inside ``<style>``, ``<svg>``, ``<title>`` and any element with the class ``not-ours``
    (source titles, quoted claims, names the user typed) is left out.

    Args:
        html: a report made by :func:`antiage_compare.report.render_html`.
        sentences_only: keep only blocks that end like a sentence (``.``, ``!``, ``?``), so
            labels and table figures do not count as very short sentences.

    Returns:
        The blocks, joined by line breaks.
    """
    parser = _ProseParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    blocks = parser.blocks
    if sentences_only:
        blocks = [b for b in blocks if b.endswith((".", "!", "?", ".)"))]
    return "\n".join(blocks)
