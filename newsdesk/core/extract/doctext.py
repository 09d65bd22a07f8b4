"""The text and sentences of a parsed ``Doc``, computed once.

spaCy builds ``Doc.text`` by joining every token each time it is read, and
``Doc.sents`` by walking every token; the rules ask for both per fact, so
they are read once and kept in the doc's ``user_data`` (plain lists, so a
doc still serialises). :class:`Spans` answers "inside a quote?" by bisection;
:class:`TextTest` finds the tokens whose text says yes to a question without
a ``Token`` object for each.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

_KEY = "newsdesk.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)


_SENTENCES = "newsdesk.sentences"


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int], list[int], list[int]]:
    """The doc's sentences as four sorted lists, read once per doc: first token, token
    after the last, first character, character after the last."""
    bounds = doc.user_data.get(_SENTENCES)
    if bounds is None:
        sents = list(doc.sents)
        bounds = doc.user_data[_SENTENCES] = (
            [s.start for s in sents],
            [s.end for s in sents],
            [s.start_char for s in sents],
            [s.end_char for s in sents],
        )
    return bounds


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``: ``doc[i].sent``, found by bisection."""
    starts, ends, _, _ = sentence_bounds(doc)
    at = bisect.bisect_right(starts, i) - 1
    return doc[starts[at] : ends[at]]


def sentences_touching(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences, in order, that end at or after character ``start`` and begin at or
    before ``end``."""
    starts, ends, start_chars, end_chars = sentence_bounds(doc)
    first = bisect.bisect_left(end_chars, start)
    last = bisect.bisect_right(start_chars, end)
    return [doc[starts[k] : ends[k]] for k in range(first, last)]


def sentences_holding(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences, in order, holding the tokens ``start`` to ``end - 1``."""
    starts, ends, _, _ = sentence_bounds(doc)
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, end - 1) if end > start else first
    return [doc[starts[k] : ends[k]] for k in range(first, last)]


class Spans(tuple[tuple[int, int], ...]):
    """Character spans, as given, that also say by bisection whether a character is
    inside one of them (the quotes of a story, asked of every word)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(self)
        self._starts = [a for a, _ in ordered]
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))  # furthest end

    def holds(self, char: int) -> bool:
        """Whether ``a <= char < b`` for some span ``(a, b)``."""
        before = bisect.bisect_right(self._starts, char)  # spans opening at or before char
        return before > 0 and self._reach[before - 1] > char


def inside(spans: tuple[tuple[int, int], ...], char: int) -> bool:
    """Whether ``char`` is inside one of ``spans`` (by bisection when they are :class:`Spans`)."""
    if isinstance(spans, Spans):
        return spans.holds(char)
    return any(a <= char < b for a, b in spans)


class TextTest:
    """A question about a token that one of its strings alone answers (its text, or
    ``attr``: its lemma, its lower-case form), asked of each distinct string once (the
    answers kept for up to 65,536): the rules ask some of every token of every story,
    and reading the doc's array costs far less than a ``Token`` object per token."""

    def __init__(self, question: Callable[[str], bool], attr: int = ORTH) -> None:
        self._question = question
        self._attr = attr
        self._answers: dict[int, bool] = {}

    def tokens(self, doc: Doc) -> list[int]:
        """The tokens of ``doc`` that say yes, in order."""
        strings = doc.vocab.strings
        answers = self._answers
        if len(answers) > 1 << 16:
            answers.clear()
        found: list[int] = []
        for i, key in enumerate(doc.to_array(self._attr).tolist()):
            answer = answers.get(key)
            if answer is None:
                answer = answers[key] = self._question(strings[key])
            if answer:
                found.append(i)
        return found
