"""Numbers that are no figures: parts of dates and times, years, names and labels
("Route 9", "COVID-19", "Boeing 737"), phone numbers and codes.

:func:`blocked_tokens` marks what the NER already names; :func:`is_excluded`
judges a number the figure reader has grown (scores and phone numbers joined
by a dash are :mod:`.codes`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.core.article.wire import is_title_case
from newsdesk.core.extract import lexicon
from newsdesk.core.extract.codes import PHONE
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.numbers import is_number_word
from newsdesk.core.extract.numerals import is_share
from newsdesk.core.extract.periods import (
    YEAR,
    counts_something,
    has_digits,
    is_clock_time,
    is_date_like,
    is_duration,
)

# Entity types whose numbers are names or positions, not amounts.
BLOCKING_LABELS = frozenset(
    {"TIME", "ORDINAL", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "ORG", "EVENT", "PERSON"}
)

_DIAL_WORDS = frozenset({"dial", "dialled", "dialed", "dialling", "dialing", "ring", "call"})

# Units that a named thing never starts with after its number.
_MEASURES = frozenset(
    {"cup", "cups", "kg", "kilograms", "grams", "litres", "liters", "miles", "km", "tonnes",
     "tons", "pounds", "ounces", "gallons", "barrels", "metres", "meters", "feet", "inches"}
)  # fmt: skip


def blocked_tokens(doc: Doc) -> set[int]:
    """Tokens inside dates, times, ordinals and names: never part of a figure."""
    blocked: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "DATE" and not is_date_like(ent):
            continue  # "Two and a half million" tagged DATE is a number
        if ent.label_ == "TIME" and (is_duration(ent) or not is_clock_time(ent)):
            continue  # "held for 12 hours" is a length of time, a figure
        if all(t.lower_ in lexicon.CURRENCY_SYMBOLS or has_digits(t) or t.is_punct for t in ent):
            continue  # "GBP 350" tagged ORG is an amount
        if ent.label_ == "ORG" and all(is_number_word(t.lower_) for t in ent):
            continue  # "nil" on its own tagged ORG is nought
        if ent.label_ == "ORDINAL" and is_share(ent[-1]):
            continue  # "one and a fourth", "a fifth" on its own
        if len(ent) > 1 and ent[0].like_num and ent[1].lower_ in _MEASURES:
            continue  # "3 Cups of Sugar" tagged ORG is a measure
        if ent.label_ == "DATE" or ent.label_ in BLOCKING_LABELS:
            blocked.update(range(ent.start, ent.end))
    return blocked


def is_excluded(doc: Doc, start: int, end: int, *, amount: bool = False) -> bool:
    """Years, times, phone numbers and identifiers are not figures.

    A sum of money ("$2000") or a number compared with a bound ("below 1500",
    "at least 2000") is an ``amount``, never a year.
    """
    tokens = doc[start:end]
    numeric = [t for t in tokens if any(ch.isdigit() for ch in t.text)]
    if not numeric:
        return False
    first, last = numeric[0], numeric[-1]
    if len(numeric) == 1 and len(tokens) == 1:
        text = first.text
        if YEAR.match(text) and not counts_something(first) and not amount:
            return True
        if PHONE.match(text):
            return True
    nxt = doc[end] if end < len(doc) else None
    if (
        len(numeric) >= 2
        and not amount
        and all(YEAR.match(t.text) for t in numeric)
        and not (nxt is not None and nxt.tag_ in ("NNS", "NNPS"))
    ):
        return True  # "from 2014 to 2022": years, not a range of amounts
    if nxt is not None and nxt.lower_ in lexicon.TIME_SUFFIXES:
        return True
    if (
        nxt is not None
        and nxt.lower_ in lexicon.MONTHS
        and nxt.lower_ != "may"
        and len(tokens) == 1
        and _day_of_month(first)
    ):
        return True  # "5 Aug", "3 September": a date the NER missed
    if nxt is not None and nxt.text == "G" and not doc[end - 1].whitespace_:
        return True  # "5G", "4G": generations of mobile networks
    if nxt is not None and nxt.text in ("-", "/") and nxt.whitespace_ == "" and end + 1 < len(doc):
        after = doc[end + 1]
        if after.is_alpha and after.lower_ not in ("year", "old", "day", "week", "month"):
            return False
    prev = doc[start - 1] if start > 0 else None
    if prev is not None:
        # "COVID-19", "F-16", "G-7": glued to letters by a hyphen.
        if prev.text in ("-", "–") and prev.whitespace_ == "" and start >= 2:
            before = doc[start - 2]
            if before.whitespace_ == "" and before.is_alpha:
                return True
        # "Route 9", "Flight 302", "Section 427", "No. 10": a capitalised name word.
        if (
            _is_label_word(prev)
            and not amount  # "R500": the rand, not a road
            and not _is_title_case(prev)
            and first.like_num
            and "," not in first.text
            and "." not in first.text  # labels are whole numbers: "Floodwater 1.5 to 2 metres"
            and not any(ch.isalpha() for ch in last.text)
            and last.i == end - 1
        ):
            return True
        if prev.lower_ in lexicon.MONTHS and _day_of_month(first):
            return True  # "Aug 5", "Sep 3" when the NER leaves the date unmarked
        if prev.lower_ in _DIAL_WORDS:
            return True  # "dial 999", "call 911": a number to ring, not an amount
        if prev.text in ("#", "No.", "no.", "Nos.", "Art.", "Sec.", "No", "Nos") or (
            prev.text == "." and start >= 2 and doc[start - 2].text in ("No", "no", "Nos")
        ):
            return True  # "No 47", "No. 10 Downing Street"
    # "0800": a code, never an amount
    return len(numeric) == 1 and bool(re.fullmatch(r"0\d{2,}|[2-6]G", first.text))


def _day_of_month(token: Token) -> bool:
    return token.text.isdigit() and 1 <= int(token.text) <= 31


def _is_label_word(token: Token) -> bool:
    """A capitalised noun that names the number after it ("Route", "Flight")."""
    if not token.text[:1].isupper() or not token.is_alpha or token.pos_ not in ("PROPN", "NOUN"):
        return False
    lower = token.lower_
    return (
        lower not in lexicon.MONTHS
        and lower not in lexicon.QUALIFIER_WORDS
        and lower not in lexicon.CURRENCY_SYMBOLS
    )


def _is_title_case(token: Token) -> bool:
    """Whether the token's line is a title-case headline ("Strikes Kill 14 in Kharkiv")."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    return is_title_case(text[start : end if end != -1 else None])
