"""Where figures start: runs of number tokens outside dates, times and names, cut
into one number each, plus the shares ("half of", "a third") and the "a" of "a
dollar" that the NER misses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.numbers import FRACTIONS, NEGATIVE_WORDS, vague_lower_bound
from newsdesk.core.extract.numerals import (
    is_numeric,
    is_share,
    match_before,
    number_end,
    one_unit,
    value_of,
)
from newsdesk.core.extract.periods import has_digits

_A_SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})


# "a dozen", "a million", "a fifth", "a couple of"
_A_NUMBERS = _A_SCALES | frozenset(FRACTIONS) | {"couple", "pair"}


def seed_spans(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
    """Runs of number tokens outside dates, times and names.

    Seeds are found token by token rather than taken whole from the NER: its
    spans miss numbers, glue two figures together ("35 miles and 3,000
    tonnes") and tag some counts as dates.
    """
    seeds: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if i in blocked or not is_numeric(doc[i]):
            i += 1
            continue
        j = number_end(doc, i, i + 1, blocked)
        # "a dozen", "a hundred", "a million": the article is the number one.
        if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[i].lower_ in _A_NUMBERS:
            i -= 1
            if i > 0 and doc[i - 1].lower_ in ("half", "quarter", "third") and i - 1 not in blocked:
                i -= 1  # "half a million"
        # "minus five", "negative 1,200": the sign is part of the number.
        if i > 0 and doc[i - 1].lower_ in NEGATIVE_WORDS and i - 1 not in blocked:
            i -= 1
        seeds.extend(_one_number_each(doc, i, j))
        i = j
    # "less than a dollar", "a gallon of fuel": the article is one of the unit.
    seeds.extend(
        (t.i, t.i + 1)
        for t in doc
        if one_unit(doc, t.i) and t.i not in blocked and not any(s <= t.i < e for s, e in seeds)
    )
    # "half" / "a third" of something, which the NER usually misses.
    for token in doc:
        if (
            token.lower_ in FRACTIONS
            and token.i not in blocked
            and not any(s <= token.i < e for s, e in seeds)
            and (_fraction_of(token) or _hedged(token) or is_share(token))
        ):
            before = doc[token.i - 1].lower_ if token.i > 0 else ""
            start = token.i - 1 if before in ("a", "one") else token.i
            # "a quarter of a million"
            seeds.append((start, number_end(doc, start, token.i + 1)))
    seeds.sort()
    return seeds


def _one_number_each(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Spelled-out numbers that run together without making one number ("twenty
    thirty", "hundred and five hundred and six"), cut into the longest numbers
    each, left to right; anything else is one seed."""
    words = doc[start:end]
    if (
        len(words) < 2
        or any(has_digits(t) for t in words)
        or value_of(words) is not None
        or vague_lower_bound(words.text) is not None  # "hundreds of thousands"
    ):
        return [(start, end)]
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        if doc[i].lower_ in ("and", "-", ","):
            i += 1
            continue
        k = next((k for k in range(end, i, -1) if value_of(doc[i:k]) is not None), i + 1)
        while k - 1 > i and doc[k - 1].lower_ in ("and", "-", ","):
            k -= 1
        # A fraction word in such a run is an ordinal ("one hundred fifth").
        if value_of(doc[i:k]) is not None and doc[k - 1].lower_ not in FRACTIONS:
            spans.append((i, k))
        i = k
    return spans


def _hedged(token: Token) -> bool:
    """ "more than half", "nearly a third": a share with a hedge before it."""
    doc, i = token.doc, token.i
    if i and doc[i - 1].lower_ in ("a", "one"):
        i -= 1
    return match_before(doc, i, lexicon.QUALIFIER_PHRASES) is not None


def _fraction_of(token: Token) -> bool:
    """ "half of the people", "a third of homes" — not "the second half"."""
    if token.i > 0 and token.nbor(-1).lower_ in ("the", "first", "second", "this", "last"):
        return False
    return any(child.lower_ == "of" for child in token.children) or (
        token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "of"
    )
