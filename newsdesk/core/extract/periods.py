"""Dates, durations and clock times: which entity spans are not figures.

"three years ago" and "last week" are dates; "three years" and "12 hours" are
lengths of time, which newsdesk reads as figures; "10 a.m." is a clock time.
"""

from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM
from spacy.tokens import Doc, Span, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.doctext import TextTest
from newsdesk.core.extract.numbers import is_number_word

YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d|21\d\d)$")


def has_digits(token: Token) -> bool:
    return any(ch.isdigit() for ch in token.text)


_HOLDS_DIGIT = TextTest(lambda text: any(ch.isdigit() for ch in text))


def number_like(doc: Doc) -> list[int]:
    """The tokens that are like numbers or hold a digit (``like_num`` or :func:`has_digits`),
    in order, read from the doc's arrays rather than token by token."""
    digits = set(_HOLDS_DIGIT.tokens(doc))
    return [i for i, like in enumerate(doc.to_array(LIKE_NUM).tolist()) if like or i in digits]


TIME_UNITS = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
     "month", "months", "year", "years", "decade", "decades", "century", "centuries",
     "fortnight", "fortnights"}
)  # fmt: skip
_ANCHORS = (
    lexicon.MONTHS
    | lexicon.WEEKDAYS
    | {"ago", "last", "next", "this", "past", "previous", "coming", "since", "early", "late",
       "mid", "today", "yesterday", "tomorrow", "end", "beginning", "start", "first", "recent",
       "following", "same", "that", "the"}
)  # fmt: skip


def is_duration(span: Span) -> bool:
    """A length of time ("three years", "a 10-day siege", "30 days") rather than a date.

    Durations are figures an editor checks; "the past 30 days", "three years
    ago" and "last week" are anchored in the calendar and stay dates.
    """
    words = [t.lower_ for t in span]
    has_number = any(has_digits(t) or is_number_word(t.lower_) for t in span)
    return (
        has_number
        and any(w in TIME_UNITS for w in words)
        and not any(t.lower_ in _ANCHORS and t.pos_ != "VERB" for t in span)  # "will last 3 days"
        and not any(YEAR.match(t.text) for t in span)
    )


_CLOCK_WORDS = frozenset(
    {"morning", "afternoon", "evening", "night", "midnight", "noon", "midday", "o'clock",
     "tonight", "dawn", "dusk", "overnight"}
)  # fmt: skip


def is_clock_time(span: Span) -> bool:
    """A TIME span that names a time of day ("10 a.m.", "14:30 GMT", "Friday night")."""
    return any(
        ":" in t.text or t.lower_ in lexicon.TIME_SUFFIXES or t.lower_ in _CLOCK_WORDS for t in span
    )


def is_date_like(span: Span) -> bool:
    """Whether a DATE span really names a date or period (not a bare number or a
    duration)."""
    if is_duration(span):
        return False
    if len(span) == 1 and YEAR.match(span.text) and span.end < len(span.doc):
        following = span.doc[span.end]
        if following.lower_ in lexicon.UNIT_WORDS or counts_something(span[0]):
            return False  # "2000 milligrams", "1500 people": a number, not a year
    doc = span.doc
    for token in span:
        lower = token.lower_
        if lower == "quarter" and (
            [t.lower_ for t in doc[max(token.i - 2, 0) : token.i]] == ["and", "a"]
            or _share_of_something(token)
        ):
            continue  # "five and a quarter", "a quarter of respondents" are numbers
        if YEAR.match(token.text) and _counts_the_next_noun(token):
            continue  # "between 10 and 2000 people"
        if lower in lexicon.DATE_WORDS or YEAR.match(token.text) or lower.endswith("s'"):
            return True
        if re.match(r"^'?\d0s$", lower) or re.match(r"^\d{4}s$", lower):
            return True
    return False


# Words that make the number after them a year: "the 2022 floods", "its 1998 law".
_YEAR_DETERMINERS = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "whose",
    }
)


def _share_of_something(token: Token) -> bool:
    """ "a quarter of respondents", not "the first quarter of 2024"."""
    doc, i = token.doc, token.i + 1
    if i >= len(doc) or doc[i].lower_ != "of":
        return False
    i += 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    return (
        i < len(doc)
        and not YEAR.match(doc[i].text)
        and doc[i].lower_ not in lexicon.DATE_WORDS
        and doc[i].pos_ in ("NOUN", "PROPN", "NUM")
    )


def _counts_the_next_noun(token: Token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        following is not None
        and following.pos_ == "NOUN"
        and following.tag_ in ("NNS", "NNPS")
        and following.lower_ not in lexicon.DATE_WORDS
        and not _after_a_determiner(token)
    )


def _after_a_determiner(token: Token) -> bool:
    return token.i > 0 and (
        token.nbor(-1).lower_ in _YEAR_DETERMINERS or token.nbor(-1).tag_ == "POS"
    )


def counts_something(token: Token) -> bool:
    """A year-like number that is really a count ("2,000 people" minus the comma), not
    a year naming its noun ("the 2022 floods")."""
    head = token.head
    return (
        token.dep_ == "nummod"
        and head.pos_ == "NOUN"
        and head.lower_ not in lexicon.DATE_WORDS
        and not _after_a_determiner(token)
    )
