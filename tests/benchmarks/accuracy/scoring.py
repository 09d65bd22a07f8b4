"""Scoring helpers shared by every task: counts, spans, values, hedges, offsets.

Plain Python with no spaCy and no gold files, so ``tests/test_bench_scoring.py``
can check each rule on tiny hand-made inputs.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")


# -- counts --------------------------------------------------------------------


@dataclass
class Counts:
    """Matched and total predictions and gold items for one system on one set."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched_pred += other.matched_pred
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.matched_pred / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """Right out of total (qualifier, speaker, resolved date value)."""

    right: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    def count(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


# -- spans and matching --------------------------------------------------------


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two end-exclusive spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_greedy(
    preds: Sequence[P], golds: Sequence[G], score: Callable[[P, G], float | None]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(pred index, gold index)``, best ``score`` first.

    ``score`` returns ``None`` for pairs that may not match. Ties keep text
    order, so the result is deterministic.
    """
    candidates: list[tuple[float, int, int]] = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            value = score(pred, gold)
            if value is not None:
                candidates.append((-value, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def close(a: float | None, b: float | None, rel: float = 1e-6) -> bool:
    """Whether two numbers agree to a relative tolerance (``None`` never agrees)."""
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


# -- hedges (gold qualifiers for specs that do not annotate them) ----------------

# Hedge phrases as the newsdesk contract (DESIGN.md) reads them. Kept here, not
# imported from newsdesk, so the gold side never follows the extractor.
HEDGES: dict[str, str] = {
    "at least": "at_least",
    "no less than": "at_least",
    "no fewer than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "greater than": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "exceeding": "more_than",
    "over": "more_than",
    "above": "more_than",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "near": "about",  # "temperatures near 32 degrees" (the contract since figures2)
    "~": "about",
    "up to": "at_most",
    "at most": "at_most",
    "within": "at_most",  # "within 500 metres" (the contract since figures2)
    "no more than": "at_most",
    "not more than": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "lower than": "less_than",
}
_HEDGE_ORDER = sorted(HEDGES, key=lambda h: len(h.split()), reverse=True)
_WORDS = re.compile(r"~|[a-z]+")


def hedge_before(text: str, start: int) -> str | None:
    """The qualifier of a hedge phrase ending right before ``text[start:]``, if any."""
    words = _WORDS.findall(text[max(0, start - 40) : start].lower())
    for hedge in _HEDGE_ORDER:
        parts = hedge.split()
        if words[-len(parts) :] == parts:
            return HEDGES[hedge]
    return None


def hedge_at_start(text: str) -> str | None:
    """The qualifier of a hedge phrase opening ``text``, if any."""
    words = _WORDS.findall(text.lower())
    for hedge in _HEDGE_ORDER:
        parts = hedge.split()
        if words[: len(parts)] == parts:
            return HEDGES[hedge]
    return None


# -- the bare-spaCy reading of a number ----------------------------------------

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SYMBOLS = re.compile(r"[$£€¥₹,]")


def bare_value(tokens: Sequence[str]) -> float | None:
    """The number a bare-spaCy user reads from an entity's tokens in a few lines.

    Currency symbols and commas stripped, ``float()`` of the first token that
    parses, times a following thousand/million/billion/trillion; ``None`` when
    no token parses (spelled-out numbers).
    """
    for n, token in enumerate(tokens):
        try:
            value = float(_SYMBOLS.sub("", token))
        except ValueError:
            continue
        if not math.isfinite(value):
            continue
        following = tokens[n + 1].lower() if n + 1 < len(tokens) else ""
        return value * _SCALES.get(following, 1.0)
    return None


# -- offsets between cleaned and raw text ---------------------------------------


class OffsetMap:
    """Maps offsets in newsdesk's cleaned text back to the raw text it came from.

    Cleaning only drops characters and squeezes whitespace, so a walk that
    skips raw whitespace aligns almost always; anything else falls back to
    difflib's matching blocks.
    """

    def __init__(self, clean: str, raw: str) -> None:
        self.identity = clean == raw
        self._raw_len = len(raw)
        self._map: list[int] = []
        if not self.identity:
            self._map = _walk(clean, raw) or _difflib_map(clean, raw)

    def start(self, index: int) -> int:
        if self.identity:
            return index
        return self._map[index] if index < len(self._map) else self._raw_len

    def end(self, index: int) -> int:
        """Raw end (exclusive) of a cleaned end offset: after the last character."""
        if self.identity or index == 0:
            return index
        return self._map[index - 1] + 1 if index - 1 < len(self._map) else self._raw_len


def _walk(clean: str, raw: str) -> list[int] | None:
    out: list[int] = []
    j = 0
    for ch in clean:
        while j < len(raw) and raw[j] != ch:
            if not (raw[j].isspace() or raw[j] in "\ufeff\u200b\u2060" or ord(raw[j]) < 32):
                return None
            j += 1
        if j == len(raw):
            if not ch.isspace():
                return None
            out.append(len(raw) - 1)
            continue
        out.append(j)
        j += 1
    return out


def _difflib_map(clean: str, raw: str) -> list[int]:
    out = [-1] * len(clean)
    matcher = difflib.SequenceMatcher(None, clean, raw, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            out[a + k] = b + k
    last = 0
    for i, value in enumerate(out):  # unmatched characters take their neighbour's place
        if value < 0:
            out[i] = last
        else:
            last = value
    return out


# -- quote spans -----------------------------------------------------------------

_MARKS = "\"'“”‘’«»„"


def trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without quote marks, whitespace and trailing ,.;: at the edges."""
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while start < end and (text[end - 1].isspace() or text[end - 1] in _MARKS + ",.;:"):
        end -= 1
    return start, end


def quote_score(a: tuple[int, int], b: tuple[int, int]) -> float | None:
    """Overlap as a share of the longer span; ``None`` below one half."""
    longer = max(a[1] - a[0], b[1] - b[0])
    if longer <= 0:
        return None
    share = overlap(a, b) / longer
    return share if share >= 0.5 else None


def naive_quotes(text: str) -> list[tuple[int, int]]:
    """The no-model baseline: the text between paired straight or curly double quotes."""
    found = []
    for match in re.finditer(r"\"([^\"]+)\"|“([^”]+)”", text):
        group = 1 if match.group(1) is not None else 2
        found.append(trim_quote(text, match.start(group), match.end(group)))
    return [span for span in found if span[1] > span[0]]


# -- entity spans ----------------------------------------------------------------


def trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity boundaries without a leading "the" and a trailing possessive."""
    if text[start:end].lower().startswith("the ") and end - start > 4:
        start += 4
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
