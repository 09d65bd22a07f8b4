"""Where a fact's words went when the article text changed.

:class:`TextShift` maps offsets of an old text into a new one: the common
prefix and suffix move as a whole (the usual case: the editor typed in one
place), and inside the changed middle unchanged lines are matched with
``difflib``. A span that no longer maps cleanly is looked for again by its
words near where it was (:func:`relocate`); :func:`anchor_fact` moves one fact
and says whether all of it was found.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import replace

from newsdesk.core.sheet.model import Dismissed, Entity, Fact, Figure, Mention, Quote

_MIDDLE_LIMIT = 400_000  # characters; beyond this the middle is treated as one change
_WORDS_LIMIT = 20_000  # characters of changed lines still compared word by word
_WORD = re.compile(r"\w+|\s+|[^\w\s]")


class TextShift:
    """Maps Python offsets of ``old`` text to ``new`` text (see the module docstring)."""

    __slots__ = ("_blocks", "_delta", "_new_len", "_old_len", "_prefix", "_starts", "_suffix")

    def __init__(self, old: str, new: str) -> None:
        self._old_len, self._new_len = len(old), len(new)
        limit = min(len(old), len(new))
        self._prefix = common_prefix(old, new, limit)
        self._suffix = common_suffix(old, new, limit - self._prefix)
        self._delta = len(new) - len(old)
        # Equal blocks inside the changed middle: (old start, old end, new start).
        self._blocks: list[tuple[int, int, int]] = []
        old_mid = old[self._prefix : len(old) - self._suffix]
        new_mid = new[self._prefix : len(new) - self._suffix]
        if old_mid and new_mid and len(old_mid) + len(new_mid) < _MIDDLE_LIMIT:
            self._blocks = _equal_lines(old_mid, new_mid, self._prefix)
        self._starts = [block[0] for block in self._blocks]

    @property
    def identity(self) -> bool:
        """Whether the two texts are the same."""
        return self._prefix == self._old_len == self._new_len

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` in the new text, or ``None`` when the change touched it."""
        if end <= self._prefix:
            return start, end
        if start >= self._old_len - self._suffix:
            return start + self._delta, end + self._delta
        at = bisect_right(self._starts, start) - 1
        if at >= 0:
            old_start, old_end, new_start = self._blocks[at]
            if end <= old_end:
                return new_start + start - old_start, new_start + end - old_start
        return None

    def near(self, index: int) -> int:
        """Where ``index`` roughly is in the new text (the start of a change it fell in)."""
        if index <= self._prefix:
            return min(index, self._new_len)
        if index >= self._old_len - self._suffix:
            return index + self._delta
        mapped = self.span(index, index)
        return mapped[0] if mapped else self._prefix


def common_prefix(a: str, b: str, limit: int) -> int:
    """How many leading characters (at most ``limit``) ``a`` and ``b`` share."""
    # Halving search over slice comparisons: C speed, no per-character Python loop.
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """How many trailing characters (at most ``limit``) ``a`` and ``b`` share."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _equal_lines(old: str, new: str, offset: int) -> list[tuple[int, int, int]]:
    """Unchanged lines, and unchanged words inside changed lines, as equal blocks."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_at = _line_starts(old_lines, offset)
    new_at = _line_starts(new_lines, offset)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    blocks = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.append((old_at[a1], old_at[a2], new_at[b1]))
        elif tag == "replace" and old_at[a2] - old_at[a1] + new_at[b2] - new_at[b1] < _WORDS_LIMIT:
            blocks += _equal_words(
                old[old_at[a1] - offset : old_at[a2] - offset],
                new[new_at[b1] - offset : new_at[b2] - offset],
                old_at[a1],
                new_at[b1],
            )
    return blocks


def _equal_words(
    old: str, new: str, old_offset: int, new_offset: int
) -> list[tuple[int, int, int]]:
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    old_at = _line_starts(old_words, old_offset)
    new_at = _line_starts(new_words, new_offset)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    return [
        (old_at[a], old_at[a + size], new_at[b])
        for a, b, size in matcher.get_matching_blocks()
        if size
    ]


def _line_starts(lines: list[str], offset: int) -> list[int]:
    starts = [offset]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def relocate(words: str, text: str, near: int) -> tuple[int, int] | None:
    """The occurrence of ``words`` in ``text`` nearest to ``near`` (whole words only)."""
    if not words.strip():
        return None
    best: tuple[int, int] | None = None
    found = text.find(words)
    while found != -1:
        end = found + len(words)
        if _whole(text, found, end, words):
            if best is None or abs(found - near) < abs(best[0] - near):
                best = (found, end)
            elif found > near:
                break  # occurrences only get further away from here on
        found = text.find(words, found + 1)
    return best


def _whole(text: str, start: int, end: int, words: str) -> bool:
    before = start == 0 or not (words[0].isalnum() and text[start - 1].isalnum())
    after = end == len(text) or not (words[-1].isalnum() and text[end].isalnum())
    return before and after


def move_span(
    shift: TextShift, old_text: str, new_text: str, start: int, end: int
) -> tuple[int, int] | None:
    """``[start, end)`` of the old text in the new one, found again by its words if it moved."""
    mapped = shift.span(start, end)
    if mapped is not None:
        return mapped
    return relocate(old_text[start:end], new_text, shift.near(start))


def anchor_fact(fact: Fact, shift: TextShift, old_text: str, new_text: str) -> bool:
    """Move ``fact`` (in place) from ``old_text`` to ``new_text``; ``False`` if its words are gone.

    An entity loses the mentions that are gone and is only lost when none is
    left; a lost fact keeps its wording and sits, zero-width, where it was,
    with ``anchor_lost`` set.
    """
    if shift.identity:
        return not fact.anchor_lost
    if isinstance(fact, Entity):
        return _anchor_entity(fact, shift, old_text, new_text)
    if fact.end <= fact.start:
        spot = relocate(fact.text, new_text, shift.near(fact.start))
    else:
        spot = move_span(shift, old_text, new_text, fact.start, fact.end)
    if isinstance(fact, Quote) and fact.speaker_mention is not None:
        m = fact.speaker_mention
        moved = move_span(shift, old_text, new_text, m.start, m.end)
        fact.speaker_mention = Mention(moved[0], moved[1], m.text) if moved else None
    if spot is None:
        where = shift.near(fact.start)
        fact.start = fact.end = where
        fact.anchor_lost = True
        if isinstance(fact, Figure):
            fact.sentence = None  # no words, no sentence: it is found again with them
        return False
    if isinstance(fact, Figure) and fact.sentence is not None:
        fact.sentence = move_sentence(shift, fact.sentence, spot, new_text)
    fact.start, fact.end = spot
    fact.anchor_lost = False
    return True


def move_sentence(
    shift: TextShift, sentence: tuple[int, int], words: tuple[int, int], new_text: str
) -> tuple[int, int]:
    """A figure's sentence in the new text: moved whole, or its ends carried past the change.

    An edit inside the sentence moves its end by the length of the edit; the
    sentence always holds the figure's ``words`` (their new place) and never
    crosses a paragraph.
    """
    moved = shift.span(*sentence)
    if moved is None:
        moved = (shift.near(sentence[0]), shift.near(sentence[1]))
    return fit_sentence(new_text, moved, words)


def fit_sentence(text: str, sentence: tuple[int, int], words: tuple[int, int]) -> tuple[int, int]:
    """``sentence`` widened to hold ``words`` and cut to the paragraph they stand in."""
    start, end = min(sentence[0], words[0]), max(sentence[1], words[1])
    paragraph_start = text.rfind("\n", 0, words[0]) + 1
    paragraph_end = text.find("\n", words[1])
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    return max(start, paragraph_start), min(end, paragraph_end)


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s|$)|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` that holds ``[start, end)``: from after the last full stop
    (or line break) before it to the next one after it, stop included."""
    before = 0
    for found in _SENTENCE_END.finditer(text, max(0, start - 2_000), start):
        before = found.end()
    while before < start and text[before].isspace():
        before += 1
    after = _SENTENCE_END.search(text, end)
    finish = (
        len(text) if after is None else (after.start() if after.group() == "\n" else after.end())
    )
    return fit_sentence(text, (before, finish), (start, end))


def _anchor_entity(entity: Entity, shift: TextShift, old_text: str, new_text: str) -> bool:
    """:func:`anchor_fact` for a name: each mention moves, or is looked for again, or goes."""
    spots: list[tuple[int, int] | None] = [
        shift.span(m.start, m.end) if m.end > m.start else None for m in entity.mentions
    ]
    for at, mention in enumerate(entity.mentions):
        if spots[at] is not None:
            continue
        # Its words elsewhere: a lost mention's text, else the words it covered.
        words = (
            mention.text if mention.end <= mention.start else old_text[mention.start : mention.end]
        )
        spot = relocate(words, new_text, shift.near(mention.start))
        # Never onto words another of its mentions already stands on ("Vargas" in "Elena Vargas").
        if spot is not None and not any(overlaps(spot, other) for other in spots if other):
            spots[at] = spot
    kept = [Mention(s, e, new_text[s:e]) for s, e in (spot for spot in spots if spot)]
    if kept:
        entity.mentions = kept
        entity.anchor_lost = False
        return True
    where = shift.near(entity.mentions[0].start) if entity.mentions else 0
    entity.mentions = [Mention(where, where, entity.mentions[0].text if entity.mentions else "")]
    entity.anchor_lost = True
    return False


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two ``(start, end)`` spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def move_dismissed(record: Dismissed, shift: TextShift, old_text: str, new_text: str) -> Dismissed:
    """``record`` moved from ``old_text`` onto ``new_text`` (zero-width when its words are gone)."""
    if shift.identity:
        return record
    spot: tuple[int, int] | None
    if record.end > record.start:
        spot = move_span(shift, old_text, new_text, record.start, record.end)
    else:  # its words were gone: look for them again near where they were
        spot = relocate(record.text, new_text, shift.near(record.start))
    if spot is None:
        where = shift.near(record.start)
        return replace(record, start=where, end=where)
    return replace(record, start=spot[0], end=spot[1])


def changed_part(old: str, new: str) -> tuple[int, str, str]:
    """Where ``new`` differs from ``old``: ``(start, removed, inserted)``."""
    limit = min(len(old), len(new))
    start = common_prefix(old, new, limit)
    tail = common_suffix(old, new, limit - start)
    return start, old[start : len(old) - tail], new[start : len(new) - tail]
