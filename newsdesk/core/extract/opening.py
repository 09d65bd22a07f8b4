"""The opening of a figure phrase: the seed trimmed of the words the NER glues on, the
hedge and currency written before the number ("at least $1.42", "NZ $26 million",
"R500"), and the scale words after it that the NER left out ("1.2 million", "100K",
"$2.174T").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.numbers import is_number_word
from newsdesk.core.extract.numerals import (
    CURRENCY_PREFIX,
    TRAILING_SCALES,
    bare,
    match_before,
    one_unit,
    phrases_by_word,
)
from newsdesk.core.extract.phrase import Phrase
from newsdesk.core.extract.rules import Rule, fires, spares
from newsdesk.core.extract.units import LETTER_SCALES

HEDGE_BEFORE = Rule(
    "hedge.before",
    "opening",
    "A hedge written before the number, from the hedge table (at least, more than, about, "
    "up to, fewer than …).",
    says="hedge: '{words}'",
    examples=(
        fires(
            "The Observatory said at least 25 air strikes hit the town.",
            "at least 25",
            qualifier="at_least",
            low=25,
        ),
        fires("Nearly half of the victims were children.", "Nearly half", qualifier="about"),
        fires("The ship carries up to 40 cars.", "up to 40", qualifier="at_most", high=40),
        fires("The probe passed within 0.3 AU of the Sun.", "within 0.3", qualifier="at_most"),
        fires("Bitcoin traded near $64,000 on Monday.", "near $64,000", qualifier="about"),
        spares("Police arrested 26 people on Friday.", "26", qualifier="exact"),
        # an average is stated exactly, no approximation
        spares("Patients waited an average of 4.5 hours.", "4.5 hours", qualifier="exact"),
    ),
)
CURRENCY_BEFORE = Rule(
    "currency.before",
    "opening",
    'A currency sign or code before the number or on it ("$1.42", "NZ $26 million", "R500", '
    '"Rs450", "USD75").',
    says="currency: '{words}'",
    examples=(
        fires("The fund raised NZ $26 million.", "NZ $26 million", unit="NZD", kind="money"),
        fires("The fee is Rs450 a month.", "Rs450", unit="INR", value=450),
        spares("The team won 26 games.", "26", kind="count"),
    ),
)
SCALE_AFTER = Rule(
    "scale.after",
    "opening",
    "A scale word, letter or percent sign after the number that its run of number tokens "
    'left out ("5 %", "$2.174 T").',
    examples=(
        fires("Rates hit 5 % in May.", "5 %", value=5, unit="%"),
        spares("Rates hit 5.5 in May.", "5.5", value=5.5),
    ),
)
RULES = (HEDGE_BEFORE, CURRENCY_BEFORE, SCALE_AFTER)


def _leading_qualifier(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """A hedge at the start of the span itself (the NER often includes it)."""
    if start >= end:
        return start, None
    for phrase in phrases_by_word(lexicon.QUALIFIER_PHRASES, 0).get(doc[start].lower_, ()):
        n = len(phrase)
        if start + n < end and tuple(t.lower_ for t in doc[start : start + n]) == phrase:
            return start + n, lexicon.QUALIFIERS[phrase]
    return start, None


def trim_seed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The seed without the determiners and punctuation the NER sometimes glues on."""
    while (
        not (end == start + 1 and one_unit(doc, start))
        and start < end
        and doc[start].lower_ in ("the", "a", "an")
        and not (
            end - start > 1
            and (is_number_word(doc[start + 1].lower_) or doc[start + 1].like_num)
            and doc[start].lower_ in ("a", "an")
        )
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ("%",)):
        end -= 1
    return (start, end) if start < end else None


def read_opening(doc: Doc, start: int, end: int, blocked: Collection[int]) -> Phrase:
    """The hedge and the currency sign or code before the number ("at least $1.42",
    "NZ $26 million", "R500")."""
    number_start, qualifier = _leading_qualifier(doc, start, end)
    phrase = Phrase(start, number_start, end, qualifier)
    hedge = doc[start:number_start].text
    if qualifier is None:
        found = match_before(doc, start, lexicon.QUALIFIER_PHRASES)
        if found and not any(i in blocked for i in range(found[0], start)):
            phrase.phrase_start, hedge = found[0], doc[found[0] : start].text
            phrase.qualifier = lexicon.QUALIFIERS[tuple(found[1].split())]
    currency: str | None = None
    first = number_start
    while first > 0 and doc[first - 1].lower_ in lexicon.CURRENCY_SYMBOLS:
        first -= 1
        currency = lexicon.CURRENCY_SYMBOLS[doc[first].lower_]
    if currency == "USD" and first > 0 and doc[first - 1].text in lexicon.DOLLAR_PREFIXES:
        first -= 1  # "NZ $26 million", "HK $" written apart
        currency = lexicon.DOLLAR_PREFIXES[doc[first].text]
    if (
        currency is None
        and first > 0
        and doc[first - 1].text == "R"
        and not doc[first - 1].whitespace_
    ):
        first, currency = first - 1, "ZAR"  # "R500 million", split off by the tokenizer
    if first < number_start and phrase.phrase_start == start and first < start:
        phrase.phrase_start = first
        # A hedge before the symbol: "at least $1.42".
        found = match_before(doc, first, lexicon.QUALIFIER_PHRASES)
        if phrase.qualifier is None and found:
            phrase.phrase_start, hedge = found[0], doc[found[0] : first].text
            phrase.qualifier = lexicon.QUALIFIERS[tuple(found[1].split())]
    for token in doc[number_start:end]:
        if token.lower_ in lexicon.CURRENCY_SYMBOLS and currency is None:
            currency = lexicon.CURRENCY_SYMBOLS[token.lower_]
        glued = CURRENCY_PREFIX.match(token.text)
        if glued and currency is None:
            symbol = glued.group().lower()
            currency = lexicon.CURRENCY_SYMBOLS.get(symbol) or lexicon.CURRENCY_SYMBOLS.get(
                symbol[-1], "USD"
            )
    phrase.currency = currency
    if phrase.qualifier is not None:
        phrase.hedge = hedge
        phrase.note(HEDGE_BEFORE, hedge)
    if currency is not None:
        phrase.note(CURRENCY_BEFORE, _currency_words(doc, phrase, first))
    return phrase


def _currency_words(doc: Doc, phrase: Phrase, first: int) -> str:
    """The currency's words before the number, or the number with the code on it ("Rs450")."""
    if first < phrase.number_start:
        return doc[first : phrase.number_start].text
    return doc[phrase.number_start : phrase.end].text


def take_trailing_scales(doc: Doc, phrase: Phrase, blocked: Collection[int]) -> None:
    """Scale words and the numeric tail the NER left out ("1.2 million", "100K",
    "$2.174T")."""
    end = phrase.end
    while (
        end < len(doc)
        and end not in blocked
        and not doc[end].is_sent_start  # "3% %%%": a new sentence's signs are not this figure's
        and (
            bare(doc[end]).lower() in TRAILING_SCALES
            or doc[end].text == "%"
            # "100K", "$10K" split by the tokenizer
            or (doc[end].lower_ == "k" and not doc[end - 1].whitespace_)
        )
    ):
        end += 1
    if (
        phrase.currency is not None
        and end < len(doc)
        and bare(doc[end]) in LETTER_SCALES
        and not doc[end - 1].whitespace_
    ):
        phrase.scale_after, end = LETTER_SCALES[bare(doc[end])], end + 1  # "$2.174T"
    if end > phrase.end:
        phrase.note(SCALE_AFTER, doc[phrase.end : end].text)
    phrase.end = end
