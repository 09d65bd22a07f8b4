"""Figures: numbers with their hedge, bounds, unit, counted noun and change.

Seeds (:mod:`.seeds`) are runs of number tokens the NER may or may not have
marked. Each seed is read as a :class:`~.phrase.Phrase` in stages: here the
hedge and currency sign before it and trailing scales; then a range partner
(:mod:`.ranges`), the unit or currency after it (:mod:`.units`), its value
(:mod:`.values`) and the noun it counts (:mod:`.context`); numbers that are
parts of dates, years, names, codes or scores are dropped (:mod:`.exclusions`).
The result is a :class:`~.phrase.FigureReading`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.context import (
    change_after,
    change_of,
    inclusive_bound,
    read_unit_and_counted,
    trailing_qualifier,
)
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.exclusions import PHONE_AHEAD, blocked_tokens, is_excluded
from newsdesk.core.extract.numbers import is_number_word
from newsdesk.core.extract.numerals import CURRENCY_PREFIX, TRAILING_SCALES, bare, match_before
from newsdesk.core.extract.periods import TIME_UNITS
from newsdesk.core.extract.phrase import FigureReading, Phrase
from newsdesk.core.extract.ranges import find_range, find_range_with_units, merge_bounds
from newsdesk.core.extract.seeds import one_unit, seed_spans
from newsdesk.core.extract.units import LETTER_SCALES, measure_after
from newsdesk.core.extract.values import cents_after, read_value, settle_value

# Words after which "over" a length of time means more than it, not during it.
_MORE_THAN_BEFORE = frozenset(
    {"for", "of", "after", "aged", "took", "take", "takes", "lasted", "lasting", "spent",
     "served", "serving", "than", "in", "within", "just", "well", "ago"}
)  # fmt: skip


def find_figures(doc: Doc) -> list[FigureReading]:
    """Every figure in ``doc``, in text order, without overlaps."""
    blocked = blocked_tokens(doc)
    seeds = seed_spans(doc, blocked)
    readings: list[FigureReading] = []
    taken: set[int] = set()
    for start, end in seeds:
        if any(i in taken for i in range(start, end)):
            continue
        reading = _read(doc, start, end, blocked, taken)
        if reading is not None:
            readings.append(reading)
    readings.sort(key=lambda r: r.start)
    text = doc_text(doc)
    return merge_bounds(_drop_restatements(readings, text), text)


def _drop_restatements(readings: list[FigureReading], text: str) -> list[FigureReading]:
    """ "forty-five (45)", "five (5) people": a number restated in brackets is one figure."""
    kept: list[FigureReading] = []
    for reading in readings:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.value is not None
            and previous.value == reading.value
            and re.fullmatch(r"\s*\(\s*", text[previous.end : reading.start])
            and re.match(r"\s*\)", text[reading.end :])
        ):
            previous.end = text.index(")", reading.end) + 1
            continue
        kept.append(reading)
    return kept


def _leading_qualifier(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """A hedge at the start of the span itself (the NER often includes it)."""
    for phrase in lexicon.QUALIFIER_PHRASES:
        n = len(phrase)
        if start + n < end and tuple(t.lower_ for t in doc[start : start + n]) == phrase:
            return start + n, lexicon.QUALIFIERS[phrase]
    return start, None


def _read(
    doc: Doc, start: int, end: int, blocked: set[int], taken: set[int]
) -> FigureReading | None:
    """Grow a seed into a whole figure phrase and read it."""
    trimmed = _trim(doc, start, end)
    if trimmed is None:
        return None
    phrase = _opening(doc, *trimmed, blocked)
    _take_trailing_scales(doc, phrase, blocked)
    phone = PHONE_AHEAD.match(doc_text(doc), doc[phrase.number_start].idx)
    if phone:  # never a figure; swallow every piece of it
        taken.update(t.i for t in doc[phrase.number_start :] if t.idx < phone.end())
        return None
    phrase.core_end = phrase.low_end = phrase.end
    find_range(doc, phrase, blocked)

    # Units and currencies written after the number.
    measure = measure_after(doc, phrase.end, phrase.currency, is_range=phrase.is_range)
    phrase.end, phrase.currency = measure.end, measure.currency
    phrase.unit, phrase.percent = measure.unit, measure.percent
    phrase.scale_after = phrase.scale_after or measure.scale
    cents = cents_after(doc, phrase.end) if phrase.currency and not phrase.is_range else None
    if cents is not None:
        phrase.end = cents[1]  # "13 dollars and 45 cents" is 13.45
    if any(t.lower_ in ("%", "percent", "pct") for t in doc[phrase.number_start : phrase.end]):
        phrase.percent, phrase.unit = True, phrase.unit or "%"

    if not read_value(doc, phrase):
        return None
    if cents is not None and phrase.value is not None:
        phrase.value += cents[0] / 100
    if not settle_value(doc, phrase, taken):
        return None

    # Only the number itself must be free: a currency code or unit word next to
    # it may carry a stray entity label ("EUR" as ORG, "Euros" as PRODUCT).
    qualifier = phrase.qualifier
    if any(i in blocked for i in range(phrase.number_start, phrase.core_end)) or is_excluded(
        doc,
        phrase.number_start,
        phrase.end,
        amount=phrase.currency is not None or (qualifier is not None and qualifier != "about"),
    ):
        return None
    read_unit_and_counted(doc, phrase)
    find_range_with_units(doc, phrase, blocked)
    _settle_qualifier(doc, phrase)
    taken.update(range(phrase.phrase_start, phrase.end))
    return _reading(doc, phrase)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
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


def _opening(doc: Doc, start: int, end: int, blocked: set[int]) -> Phrase:
    """The hedge and the currency sign or code before the number ("at least $1.42",
    "NZ $26 million", "R500")."""
    number_start, qualifier = _leading_qualifier(doc, start, end)
    phrase = Phrase(start, number_start, end, qualifier)
    if qualifier is None:
        found = match_before(doc, start, lexicon.QUALIFIER_PHRASES)
        if found and not any(i in blocked for i in range(found[0], start)):
            phrase.phrase_start = found[0]
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
            phrase.phrase_start = found[0]
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
    return phrase


def _take_trailing_scales(doc: Doc, phrase: Phrase, blocked: set[int]) -> None:
    """Scale words and the numeric tail the NER left out ("1.2 million", "100K",
    "$2.174T")."""
    end = phrase.end
    while (
        end < len(doc)
        and end not in blocked
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
    phrase.end = end


def _settle_qualifier(doc: Doc, phrase: Phrase) -> None:
    """Hedges that read differently in context: "over two years" (during them),
    "more than 5000 or equal", "about 500 or more"."""
    start = phrase.phrase_start
    if (
        phrase.qualifier == "more_than"
        and phrase.unit in TIME_UNITS
        and doc[start].lower_ == "over"
        and not (start and doc[start - 1].lower_ in _MORE_THAN_BEFORE)
    ):
        # "rose 40% over two years" spans the time; "jailed for over two years" exceeds it
        phrase.qualifier, phrase.phrase_start = None, start + 1
    inclusive = inclusive_bound(doc, phrase.end, phrase.qualifier)
    if inclusive is not None:
        phrase.end, phrase.qualifier = inclusive
    trailing = trailing_qualifier(doc, phrase.end)
    if trailing is not None and phrase.qualifier in (None, "about", "exact"):
        # "about five hundred or more" is at least five hundred.
        phrase.end, phrase.qualifier = trailing


def _reading(doc: Doc, phrase: Phrase) -> FigureReading:
    """The finished figure: bounds from its qualifier, its kind and its sentence."""
    value, unit, currency = phrase.value, phrase.unit, phrase.currency
    if phrase.is_range:
        low, high, qualifier = value, phrase.high_value, "range"
    elif phrase.vague is not None:
        low, high, qualifier = phrase.vague, None, phrase.qualifier or "at_least"
    else:
        qualifier = phrase.qualifier or "exact"
        low, high = _bounds(qualifier, value)
    if currency is not None:
        kind = "money"
        unit = unit or currency
    elif phrase.percent:
        kind = "percent"
    elif unit is not None and unit != "points":
        kind = "quantity"
    elif phrase.vague is not None or (
        phrase.counted is not None and value is not None and value >= 1
    ):
        kind = "count"  # "nearly half of the victims" is a share, not a count
    else:
        kind = "number"
    sent = doc[phrase.number_start].sent
    start_char = doc[phrase.phrase_start].idx
    end_char = doc[phrase.end - 1].idx + len(bare(doc[phrase.end - 1]))
    return FigureReading(
        start=start_char,
        end=end_char,
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        change=change_of(doc, phrase.phrase_start) or change_after(doc, phrase.end),
        unit=unit,
        counted=phrase.counted,
        sentence=(sent.start_char, sent.end_char),
    )


def _bounds(qualifier: str, value: float | None) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    return {
        "exact": (value, value),
        "at_least": (value, None),
        "more_than": (value, None),
        "at_most": (None, value),
        "less_than": (None, value),
    }.get(qualifier, (None, None))
