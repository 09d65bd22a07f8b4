"""Where figures start: runs of number tokens outside dates, times and names, cut
into one number each, plus the shares ("half of", "a third") and the "a" of "a
dollar" that the NER misses.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.motion import share_of_change
from newsdesk.core.extract.numbers import (
    FRACTION_WORDS,
    FRACTIONS,
    NEGATIVE_WORDS,
    vague_lower_bound,
)
from newsdesk.core.extract.numerals import (
    is_numeric,
    is_share,
    match_before,
    number_candidates,
    number_end,
    one_unit,
    tokens_among,
    value_of,
)
from newsdesk.core.extract.periods import has_digits
from newsdesk.core.extract.rules import Rule, fires, spares

NUMBER_RUN = Rule(
    "candidate.number",
    "candidates",
    "A run of number tokens (digits, number words or both) outside dates, times and names.",
    examples=(
        fires("Police arrested 26 people on Friday.", "26", value=26),
        fires("Twenty-five people were hurt.", "Twenty-five", value=25),
        spares("He was the one who called the police.", "one", figure=False),
    ),
)
A_NUMBER = Rule(
    "candidate.a-number",
    "candidates",
    '"a dozen", "a million", "half a million": the article is the number one.',
    examples=(
        fires("They sold a million copies.", "a million", value=1_000_000),
        fires("Half a million people marched.", "Half a million", value=500_000),
        spares("They sold 3 million copies.", "3 million", value=3_000_000),
    ),
)
SIGN_WORD = Rule(
    "candidate.sign-word",
    "candidates",
    '"minus five", "negative 1,200": a sign written as a word is part of the number.',
    examples=(
        fires("Overnight it fell to minus five.", "minus five", value=-5),
        fires("The gas is cooled to minus-260 degrees.", "minus-260 degrees", value=-260),
        spares("Overnight it fell to five.", "five", value=5),
    ),
)
ONE_UNIT = Rule(
    "candidate.one-unit",
    "candidates",
    '"less than a dollar", "a gallon of fuel": "a" is one of a currency or measure '
    '(not in "$3 a gallon", a rate, nor "won by a mile", nor "a tonne of cocoa costs $8,000", '
    "the basis of a price).",
    examples=(
        fires(
            "Millions live on less than a dollar a day.",
            "less than a dollar",
            value=1,
            unit="USD",
            qualifier="less_than",
        ),
        spares("Petrol costs $3 a gallon.", "a gallon", figure=False),
        spares("She won by a mile.", "a mile", figure=False),
        spares("A kilo of coffee now sells for more than $9.", "A kilo", figure=False),
        fires("The boat carried a tonne of sand.", "a tonne", value=1, unit="tonne"),
    ),
)
SHARE = Rule(
    "candidate.share",
    "candidates",
    '"half of the homes", "a third", "more than half": a share the NER misses '
    '(not "the second half", nor "A fourth, Colin Dray, was cleared": one more of those '
    "counted).",
    examples=(
        fires("Half of the homes were damaged.", "Half", value=0.5),
        fires("Voters backed it by a third.", "a third", value=1 / 3),
        fires("Half backed the plan; a third, officials said, opposed it.", "a third", value=1 / 3),
        spares("He scored early in the second half.", "half", figure=False),
        spares("Three men were jailed. A fourth, Colin Dray, was cleared.", "fourth", figure=False),
        spares("Two were held. A third, a 19-year-old, was released.", "third", figure=False),
    ),
)
SHARE_OF_CHANGE = Rule(
    "candidate.share-of-change",
    "candidates",
    'A share after "by" and a verb of change is the amount changed, with its hedge ("fell by '
    'half", "cut spending by a third", "risen by nearly a quarter since 2020"), even where '
    "the NER took it for a date.",
    examples=(
        fires("Shares fell by half in March.", "half", value=0.5, change="down"),
        fires(
            "Output has risen by nearly a quarter since 2020.",
            "nearly a quarter",
            value=0.25,
            qualifier="about",
            change="up",
        ),
        fires("The council cut spending by a third.", "a third", value=1 / 3, change="down"),
        spares("Sales fell in the first half.", "half", figure=False),
        spares("The bill passed by half.", "half", figure=False),
        spares("Sales fell by half a million.", "half a million", value=500_000, change="down"),
    ),
)
WORDS_APART = Rule(
    "candidate.words-apart",
    "candidates",
    'Spelled-out numbers that run together without making one number ("twenty thirty") '
    "are cut into the longest number each.",
    examples=(
        fires("The bids were twenty thirty and forty.", "twenty", value=20),
        spares("The bids came to twenty-three.", "twenty-three", value=23),
    ),
)
RULES = (NUMBER_RUN, A_NUMBER, SIGN_WORD, ONE_UNIT, SHARE, SHARE_OF_CHANGE, WORDS_APART)

Seed = tuple[int, int, tuple[Rule, ...]]  # tokens start:end and the rules that found it

_A_SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})


# "a dozen", "a million", "a fifth", "a couple of"
_A_NUMBERS = _A_SCALES | frozenset(FRACTIONS) | {"couple", "pair"}

_ARTICLES = frozenset({"a", "an"})


def seed_spans(doc: Doc, blocked: Collection[int]) -> list[Seed]:
    """Runs of number tokens outside dates, times and names, with the rules that found them.

    Seeds are found token by token rather than taken whole from the NER: its
    spans miss numbers, glue two figures together ("35 miles and 3,000
    tonnes") and tag some counts as dates.
    """
    seeds: list[Seed] = []
    after = 0  # where the last run ended
    # Only tokens whose text may be a number are asked (is_numeric is False for the rest).
    for i in number_candidates(doc):
        if i < after or i in blocked or not is_numeric(doc[i]):
            continue
        j = number_end(doc, i, i + 1, blocked)
        if j == i + 1 and _ordinal(doc[i]):
            continue  # "its sixth day": an ordinal, no fraction
        rules: tuple[Rule, ...] = (NUMBER_RUN,)
        # "a dozen", "a hundred", "a million": the article is the number one.
        if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[i].lower_ in _A_NUMBERS:
            i -= 1
            rules += (A_NUMBER,)
            if i > 0 and doc[i - 1].lower_ in ("half", "quarter", "third") and i - 1 not in blocked:
                i -= 1  # "half a million"
        # "minus five", "negative 1,200", "minus-260": the sign is part of the number.
        if (
            i > 1
            and doc[i - 1].text == "-"
            and not doc[i - 2].whitespace_
            and doc[i - 2].lower_ in NEGATIVE_WORDS
        ):
            i -= 1  # the hyphen of "minus-260"
        if i > 0 and doc[i - 1].lower_ in NEGATIVE_WORDS and i - 1 not in blocked:
            i -= 1
            rules += (SIGN_WORD,)
        pieces = _one_number_each(doc, i, j)
        if len(pieces) > 1:
            rules += (WORDS_APART,)
        seeds.extend((start, end, rules) for start, end in pieces)
        after = j
    # "less than a dollar", "a gallon of fuel": the article is one of the unit.
    seeds.extend(
        (i, i + 1, (ONE_UNIT,))
        for i in tokens_among(doc, _ARTICLES)
        if one_unit(doc, i) and i not in blocked and not any(s <= i < e for s, e, _ in seeds)
    )
    # "half" / "a third" of something, which the NER usually misses.
    for i in tokens_among(doc, FRACTION_WORDS):
        token = doc[i]
        if i not in blocked and not any(s <= i < e for s, e, _ in seeds):
            if share_of_change(doc, i) is not None:
                found = SHARE_OF_CHANGE  # "fell by half"
            elif _fraction_of(token) or _hedged(token) or is_share(token):
                found = SHARE
            else:
                continue
            before = doc[i - 1].lower_ if i > 0 else ""
            start = i - 1 if before in ("a", "one") else i
            # "a quarter of a million"
            seeds.append((start, number_end(doc, start, i + 1), (found,)))
    seeds.sort(key=lambda seed: (seed[0], seed[1]))
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


def _ordinal(token: Token) -> bool:
    """ "its sixth day", "the fourth round": a fraction word alone before its noun is an
    ordinal, unless an article or a number makes it a share ("a third", "two thirds")."""
    if token.lower_ not in FRACTIONS or token.dep_ != "amod":
        return False
    before = token.nbor(-1) if token.i > 0 else None
    return before is None or (before.lower_ not in ("a", "an", "one") and not is_numeric(before))


def _fraction_of(token: Token) -> bool:
    """ "half of the people", "a third of homes" — not "the second half"."""
    if token.i > 0 and token.nbor(-1).lower_ in ("the", "first", "second", "this", "last"):
        return False
    return any(child.lower_ == "of" for child in token.children) or (
        token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "of"
    )
