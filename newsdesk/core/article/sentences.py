"""Sentences of wire copy, read without a parser: where each begins and ends.

A full stop ends a sentence unless it closes an abbreviation a reporter
writes mid-sentence ("U.S.", "Mr.", "Sept.", "Gen.", an initial "J."), a
number ("3.5") or sits inside a quotation that goes on. A sentence never
crosses a paragraph: a headline is not part of the first sentence of the body.
Offsets are Python ``str`` indices, end exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# Words ending in a full stop that do not end a sentence when a word follows.
ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
        "cmdr", "sgt", "cpl", "adm", "st", "mt", "ft", "rev", "fr", "hon", "pres", "supt", "insp",
        "det", "jr", "sr", "co", "corp", "inc", "ltd", "bros", "no", "nos", "vs", "etc", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m",
        "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c",
    )
)  # fmt: skip
# Titles and short forms that are always followed by the name or number they belong to,
# even when that word is capitalised ("Dr. Smith", "No. 10").
_BEFORE_NAMES = frozenset(
    (
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
        "cmdr", "sgt", "cpl", "adm", "st", "mt", "rev", "fr", "hon", "pres", "supt", "insp", "det",
        "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    )
)  # fmt: skip
# "KHARTOUM, June 14 (Newsdesk Wire) - " opening the first sentence of the body.
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z.'’-]+(?:[ ,][A-Za-z0-9 .,'’]{0,50}?)?(?:\([^)\n]{1,40}\))?\s*[-–—]+\s+"
)
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Every sentence of ``text`` as ``(start, end)``, leading and trailing spaces left out."""
    return _sentence_spans(text)


@lru_cache(maxsize=8)  # the same text is read again after every correction of its facts
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        spans.extend(_paragraph_sentences(text, position, position + len(paragraph)))
        position += len(paragraph) + 1
    return tuple(spans)


def sentence_at(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence holding ``[start, end)`` (widened to every sentence the span touches)."""
    end = start if end is None else end
    spans = sentence_spans(text)
    if not spans:
        return (start, end)
    starts = [span[0] for span in spans]
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    return min(spans[first][0], start), max(spans[last][1], end)


def words_start(text: str, start: int, end: int | None = None) -> int:
    """Where a sentence starting at ``start`` has its own words: after a dateline opening it."""
    lead = _DATELINE_LEAD.match(text, start, len(text) if end is None else end)
    return lead.end() if lead else start


def paragraph_at(text: str, index: int) -> tuple[int, int]:
    """The paragraph (line) of ``text`` holding ``index``."""
    begin = text.rfind("\n", 0, index) + 1
    finish = text.find("\n", index)
    return begin, len(text) if finish == -1 else finish


def _paragraph_sentences(text: str, begin: int, finish: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = begin
    for found in _END.finditer(text, begin, finish):
        if not _ends_sentence(text, found.start(), found.end(), finish):
            continue
        spans.append(_trimmed(text, start, found.end()))
        start = found.end()
    if text[start:finish].strip():
        spans.append(_trimmed(text, start, finish))
    return [span for span in spans if span[1] > span[0]]


def _ends_sentence(text: str, stop: int, after: int, finish: int) -> bool:
    """Whether the punctuation at ``text[stop:after]`` ends the sentence."""
    following = text[after:finish].lstrip()
    if not following:
        return True
    if text[stop] != ".":
        # "?" and "!" end a sentence unless a lower-case word carries on ("'Why?' he asked").
        return not following[0].islower()
    word = _WORD_BEFORE.search(text, max(0, stop - 12), stop + 1)
    if word is not None:
        lowered = word.group(1).lower().rstrip(".")
        if lowered in _BEFORE_NAMES:
            return False
        if lowered in ABBREVIATIONS or _is_initial(word.group(1)):
            # "the U.S. Army" goes on; "in the U.S. The talks" ends: a capital after an
            # abbreviation that is not a title starts a new sentence only when the
            # abbreviation is not an initial of a name ("J. Smith").
            if _is_initial(word.group(1)) and following[:1].isupper():
                return False
            return following[:1].isupper() and lowered not in ("u.s", "u.k", "u.n", "e.u")
    return not (following[0].islower() or (following[0].isdigit() and text[stop - 1].isdigit()))


def _is_initial(word: str) -> bool:
    """A single capital letter with its stop ("J." of "J. Smith")."""
    return len(word) == 1 and word.isupper()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
