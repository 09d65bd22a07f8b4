"""Figures: numbers with their hedge, bounds, unit, counted noun and change.

Seeds are spaCy's CARDINAL / MONEY / PERCENT / QUANTITY spans plus any number
token the NER missed. Each seed grows to take in the hedge before it ("at
least"), a currency symbol, a scale word, a range partner or a unit, and is
then read into a :class:`FigureReading`. Numbers that are parts of dates and
times, years, and identifiers ("Route 9", "COVID-19") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.attribution import attribution
from newsdesk.core.extract.context import (
    change_after,
    change_of,
    counted_noun,
    inclusive_bound,
    number_head,
    trailing_qualifier,
    unit_after,
)
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.exclusions import (
    PHONE_AHEAD,
    blocked_tokens,
    is_excluded,
    score_or_phone,
)
from newsdesk.core.extract.numbers import (
    FRACTIONS,
    NEGATIVE_WORDS,
    is_number_word,
    vague_lower_bound,
)
from newsdesk.core.extract.numerals import (
    CURRENCY_PREFIX,
    GLUED_UNIT,
    TRAILING_SCALES,
    bare,
    continues_number,
    is_numeric,
    is_share,
    match_before,
    ratio_after,
    value_of,
    value_of_text,
)
from newsdesk.core.extract.periods import TIME_UNITS, has_digits
from newsdesk.core.extract.ranges import (
    is_scale_or_number,
    joiner_at,
    merge_bounds,
    moves_from,
    range_partner,
    shared_scale,
    split_range,
    starts_number,
)
from newsdesk.core.extract.units import (
    LETTER_SCALES,
    Measure,
    glued_measure,
    measure_after,
    whole_unit,
)

_A_SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})
# Words after which "over" a length of time means more than it, not during it.
_MORE_THAN_BEFORE = frozenset(
    {"for", "of", "after", "aged", "took", "take", "takes", "lasted", "lasting", "spent",
     "served", "serving", "than", "in", "within", "just", "well", "ago"}
)  # fmt: skip
# "a dozen", "a million", "a fifth", "a couple of"
_A_NUMBERS = _A_SCALES | frozenset(FRACTIONS) | {"couple", "pair"}
# Currencies and measures that "a" counts one of ("a dollar", "a kilogram"); not
# lengths of time ("a year" is a period) nor words with other senses ("a ton of").
_ONE_OF = frozenset(
    {"dollar", "euro", "pound", "penny", "cent", "rupee", "yen", "yuan", "franc", "rouble",
     "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "inch", "yard", "acre",
     "hectare", "tonne", "kilogram", "kg", "kilo", "gram", "lb", "ounce", "litre", "liter",
     "gallon", "barrel", "pint", "megawatt", "gigawatt"}
)  # fmt: skip


@dataclass
class FigureReading:
    """What one figure says, before it gets an id in a fact sheet."""

    start: int  # character offsets into the doc text
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    change: str | None
    unit: str | None
    counted: str | None
    sentence: tuple[int, int]
    source_span: tuple[int, int] | None  # characters of the attributed speaker


def find_figures(doc: Doc) -> list[FigureReading]:
    """Every figure in ``doc``, in text order, without overlaps."""
    blocked = blocked_tokens(doc)
    seeds = _seed_spans(doc, blocked)
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
            previous.text = text[previous.start : previous.end]
            continue
        kept.append(reading)
    return kept


def _seed_spans(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
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
        j = i + 1
        while j < len(doc) and j not in blocked:
            step = continues_number(doc, i, j)
            if not step:
                break
            j += step
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
        if _one_unit(doc, t.i) and t.i not in blocked and not any(s <= t.i < e for s, e in seeds)
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
            end = token.i + 1
            while end < len(doc) and (step := continues_number(doc, start, end)):
                end += step  # "a quarter of a million"
            seeds.append((start, end))
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


def _one_unit(doc: Doc, i: int) -> bool:
    """ "a dollar", "a kilogram": one of a currency or measure — not the "a gallon"
    of "$3 a gallon" or "per a gallon", which is a rate."""
    if doc[i].lower_ not in ("a", "an") or i + 1 >= len(doc) or doc[i + 1].lower_ not in _ONE_OF:
        return False
    if i + 2 < len(doc) and doc[i + 2].text == "-" and not doc[i + 1].whitespace_:
        return False  # "a dollar-store chain"
    if i and doc[i - 1].lower_ == "by" and (i + 2 >= len(doc) or doc[i + 2].is_punct):
        return False  # "won by a mile": a way of speaking
    previous = doc[i - 1] if i else None
    return previous is None or not (
        previous.lower_ == "per"
        or previous.like_num
        or previous.text == "%"
        or previous.lower_ in lexicon.UNIT_WORDS
        or previous.lower_ in lexicon.CURRENCY_WORDS
        or previous.lower_ in lexicon.CURRENCY_SYMBOLS
        or bool(GLUED_UNIT.match(previous.text))
    )


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
    # Trim what the NER sometimes glues on: determiners and punctuation.
    while (
        not (end == start + 1 and _one_unit(doc, start))
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
    if start >= end:
        return None

    number_start, qualifier = _leading_qualifier(doc, start, end)
    phrase_start = start
    if qualifier is None:
        found = match_before(doc, start, lexicon.QUALIFIER_PHRASES)
        if found and not any(i in blocked for i in range(found[0], start)):
            phrase_start = found[0]
            qualifier = lexicon.QUALIFIERS[tuple(found[1].split())]

    # Currency symbol or code just before the number ("$", "US$", "EUR").
    currency: str | None = None
    unit: str | None = None
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
    if first < number_start and phrase_start == start and first < start:
        phrase_start = first
        # A hedge before the symbol: "at least $1.42".
        found = match_before(doc, first, lexicon.QUALIFIER_PHRASES)
        if qualifier is None and found:
            phrase_start = found[0]
            qualifier = lexicon.QUALIFIERS[tuple(found[1].split())]
    for token in doc[number_start:end]:
        if token.lower_ in lexicon.CURRENCY_SYMBOLS and currency is None:
            currency = lexicon.CURRENCY_SYMBOLS[token.lower_]
        glued = CURRENCY_PREFIX.match(token.text)
        if glued and currency is None:
            symbol = glued.group().lower()
            currency = lexicon.CURRENCY_SYMBOLS.get(symbol) or lexicon.CURRENCY_SYMBOLS.get(
                symbol[-1], "USD"
            )

    # Extend right over scale words and the numeric tail the NER left out.
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
    scale_after = ""
    if (
        currency is not None
        and end < len(doc)
        and bare(doc[end]) in LETTER_SCALES
        and not doc[end - 1].whitespace_
    ):
        scale_after, end = LETTER_SCALES[bare(doc[end])], end + 1  # "$2.174T"

    phone = PHONE_AHEAD.match(doc_text(doc), doc[number_start].idx)
    if phone:  # never a figure; swallow every piece of it
        taken.update(t.i for t in doc[number_start:] if t.idx < phone.end())
        return None
    core_end = end  # the number itself, before any range partner or unit
    # Range partner: "between 10 and 20", "10 to 20", "10-20", "from 10 to 20".
    low_tokens = doc[number_start:end]
    high_value: float | None = None
    is_range = False
    range_split = split_range(doc, number_start, end)
    if range_split is not None:
        low_tokens = doc[number_start : range_split[0]]
        high_value = value_of(doc[range_split[1] : end])
        is_range = high_value is not None
    elif (
        (joint := joiner_at(doc, end)) is not None
        and joint + 1 < len(doc)
        and starts_number(doc, joint + 1, blocked)
    ):
        joiner = doc[joint].lower_
        before = doc[phrase_start - 1].lower_ if phrase_start > 0 else ""
        # "rose 3% to 5%": a change, then the new level; "rise 10 to 20 percent" is a range.
        own_unit = doc[end - 1].text == "%" or currency is not None
        changes_to = joiner == "to" and (
            (before != "from" and own_unit and change_of(doc, phrase_start) is not None)
            or moves_from(doc, phrase_start)
        )
        mixed = doc[end - 1].text == "%" and doc[joint + 1].lower_ in lexicon.CURRENCY_SYMBOLS
        if (joiner != "and" or before == "between") and not changes_to and not mixed:
            high_end = joint + 2
            while high_end < len(doc) and high_end not in blocked:
                # "to one thousand and five hundred" runs on past its "and"
                step = continues_number(doc, joint + 1, high_end)
                if not step and not is_scale_or_number(doc[high_end]):
                    break
                high_end += step or 1
            if high_end < len(doc) and doc[high_end].text == "%":
                high_end += 1
            high_value = value_of(doc[joint + 1 : high_end])
            low_percent = doc[end - 1].text == "%"
            high_money = high_end < len(doc) and (
                doc[high_end].lower_ in lexicon.CURRENCY_WORDS
                or doc[high_end].lower_ in lexicon.CURRENCY_CODES
            )
            if high_value is not None and not (low_percent and high_money):
                is_range = True
                end = high_end
    descending = False
    if is_range and high_value is not None:
        low_end = range_split[0] if range_split is not None else core_end
        range_end, range_high = end, high_value
        low_value = value_of(doc[number_start:low_end])
        if (
            low_value is not None
            and high_value < low_value
            and doc[low_end].lower_ == "to"
            and not score_or_phone(doc, number_start, end)
        ):
            # "fell from 20 to 10": the old figure and then the new one, not a range
            # ("ruled 5-4" stays a tally, which is no figure).
            is_range, high_value, end, low_tokens = False, None, low_end, doc[number_start:low_end]
            if low_value < 0 and not moves_from(doc, phrase_start):
                # "ranged from -18C to -34C": a range written from the warm end
                descending, is_range, end, high_value = True, True, range_end, range_high
    if is_range and phrase_start > 0 and doc[phrase_start - 1].lower_ in ("between", "from"):
        phrase_start -= 1

    # Units and currencies written after the number.
    measure = measure_after(doc, end, currency, is_range=is_range)
    end, currency, unit, percent = measure.end, measure.currency, measure.unit, measure.percent
    scale_after = scale_after or measure.scale
    cents = _cents_after(doc, end) if currency is not None and not is_range else None
    if cents is not None:
        cents_value, end = cents  # "13 dollars and 45 cents" is 13.45
    for token in doc[number_start:end]:
        lower = token.lower_
        if lower == "%" or lower in ("percent", "pct"):
            percent, unit = True, unit or "%"

    value_tokens = [
        t
        for t in low_tokens
        if t.lower_ not in lexicon.CURRENCY_SYMBOLS
        and not (scale_after and bare(t) in LETTER_SCALES)  # the "T" of "$2.174T"
    ]
    value_text = " ".join([*(t.text for t in value_tokens if t.text != "%"), scale_after]).strip()
    if (
        value_text.lower() in ("thousands", "millions", "billions")
        and phrase_start == number_start
        and phrase_start >= 2
        and doc[phrase_start - 2].lower_ in ("tens", "hundreds")
        and doc[phrase_start - 1].lower_ == "of"
    ):
        phrase_start = number_start = phrase_start - 2
        value_text = f"{doc[phrase_start].lower_} of {value_text}"
    vague = vague_lower_bound(value_text)
    fewness = _few_before(doc, phrase_start) if phrase_start == number_start else None
    if fewness is not None and value_text.lower() in _FEW_SCALES:
        # "several hundred", "a few thousand": an open range, at least n hundred
        count, phrase_start = fewness
        vague = count * _FEW_SCALES[value_text.lower()]
    value = None if vague is not None else value_of_text(value_text)
    if value is None and percent and re.fullmatch(r"\d+,\d{1,2}", value_text):
        value = float(value_text.replace(",", "."))  # "2,5%": a decimal comma
    if value is None and value_text.lower() in ("a", "an"):
        value = 1.0  # "a dollar", "a gallon"
    if value_text.lower() == "a couple" and qualifier is None:
        qualifier = "about"  # "a couple of weeks" is two or so
    if value is None:
        onto = Measure(end, currency, unit, percent)  # "40C", "50p", "$2.174T"
        value = glued_measure(value_text, onto)
        currency, unit, percent = onto.currency, onto.unit, onto.percent
    if value is None and vague is None:
        return None
    if cents is not None and value is not None:
        value += cents_value / 100
    if value is not None and not is_range and _spaced_minus(doc, phrase_start, end):
        value, phrase_start = -value, phrase_start - 1  # "- 10 k" on a line of its own
    if descending and value is not None and high_value is not None:
        value, high_value = high_value, value
    if is_range and value is not None and high_value is not None:
        scale = shared_scale(low_tokens, doc[low_tokens.end : end])
        if value * scale <= high_value:
            value *= scale  # "$5-7 million" runs from 5 million
    ratio = ratio_after(doc, end) if value is not None and not is_range else None
    if ratio is not None and value is not None and value < ratio[0]:
        denominator, end = ratio
        value = value / denominator  # "one in five" is a fifth
    if (
        is_range
        and value is not None
        and high_value is not None
        and (high_value < value or score_or_phone(doc, number_start, end))
    ):
        taken.update(range(number_start, end))
        return None  # "won 3-1" is a score, "555-1234" a phone number

    # Only the number itself must be free: a currency code or unit word next to
    # it may carry a stray entity label ("EUR" as ORG, "Euros" as PRODUCT).
    if any(i in blocked for i in range(number_start, core_end)) or is_excluded(
        doc,
        number_start,
        end,
        amount=currency is not None or (qualifier is not None and qualifier != "about"),
    ):
        return None

    # A QUANTITY span's remaining words are its unit ("35 miles").
    counted: str | None = None
    age_of: str | None = None
    head = number_head(doc, number_start, end)
    if not percent and currency is None:
        unit_token = unit_after(doc, end, head)
        if unit_token is not None:
            unit, end, age_of = whole_unit(doc, unit_token)
    if unit is None and currency is None and not percent and value is not None:
        age = _age_of(doc, phrase_start, end, value)
        if age is not None:
            unit, age_of = "years old", age or None  # "Tobin Kale, 45,", "aged 12"
    if unit is None or unit in ("%", "percentage points", "points"):
        counted = counted_noun(doc, head, end, currency is not None or percent)
    if (
        counted is None
        and [t.lower_ for t in doc[end : end + 2]] == ["-", "strong"]
        and end + 2 < len(doc)
        and doc[end + 2].pos_ == "NOUN"
    ):
        counted = doc[end + 2].text  # "a 5,000-strong crowd"
    counted = counted or age_of

    rises_to = (
        (percent or currency is not None or unit is not None)
        and change_of(doc, phrase_start) is not None
        and not (phrase_start and doc[phrase_start - 1].lower_ == "from")
    ) or moves_from(doc, phrase_start)
    if not is_range and value is not None and not rises_to:
        partner = range_partner(
            doc, phrase_start, end, blocked, money=currency is not None, unit=unit
        )
        if partner is not None and partner[0] < value < 0 and not moves_from(doc, phrase_start):
            # "ranged from -18 °C to -34 °C": a range written from the warm end
            (value, end), high_value, is_range = partner, value, True
        elif partner is not None and partner[0] >= value:
            (high_value, end), is_range = partner, True
            if phrase_start and doc[phrase_start - 1].lower_ in ("between", "from"):
                phrase_start -= 1

    if (
        qualifier == "more_than"
        and unit in TIME_UNITS
        and doc[phrase_start].lower_ == "over"
        and not (phrase_start and doc[phrase_start - 1].lower_ in _MORE_THAN_BEFORE)
    ):
        # "rose 40% over two years" spans the time; "jailed for over two years" exceeds it
        qualifier, phrase_start = None, phrase_start + 1
    inclusive = inclusive_bound(doc, end, qualifier)
    if inclusive is not None:
        end, qualifier = inclusive
    trailing = trailing_qualifier(doc, end)
    if trailing is not None and qualifier in (None, "about", "exact"):
        # "about five hundred or more" is at least five hundred.
        qualifier = trailing[1]
        end = trailing[0]

    change = change_of(doc, phrase_start) or change_after(doc, end)
    if is_range:
        low, high, qualifier_name = value, high_value, "range"
    elif vague is not None:
        low, high, qualifier_name = vague, None, qualifier or "at_least"
    else:
        qualifier_name = qualifier or "exact"
        low, high = _bounds(qualifier_name, value)

    if currency is not None:
        kind = "money"
        unit = unit or currency
    elif percent:
        kind = "percent"
    elif unit is not None and unit != "points":
        kind = "quantity"
    elif vague is not None or (counted is not None and value is not None and value >= 1):
        kind = "count"  # "nearly half of the victims" is a share, not a count
    else:
        kind = "number"

    taken.update(range(phrase_start, end))
    sent = doc[number_start].sent
    start_char = doc[phrase_start].idx
    end_char = doc[end - 1].idx + len(bare(doc[end - 1]))
    return FigureReading(
        start=start_char,
        end=end_char,
        text=doc_text(doc)[start_char:end_char],
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier_name,
        change=change,
        unit=unit,
        counted=counted,
        sentence=(sent.start_char, sent.end_char),
        source_span=_attribution_of(sent),
    )


def _cents_after(doc: Doc, end: int) -> tuple[float, int] | None:
    """ "… dollars and 45 cents", "… dollars 50": the cents of an amount."""
    i = end
    if i < len(doc) and doc[i].lower_ == "and":
        i += 1
    if i >= len(doc) or not is_numeric(doc[i]):
        return None
    j = i + 1
    while j < len(doc) and (step := continues_number(doc, i, j)):
        j += step
    value = value_of(doc[i:j])
    if value is None or not 0 < value < 100 or not float(value).is_integer():
        return None
    if j < len(doc) and doc[j].lower_ in ("cent", "cents", "pence", "p"):
        return value, j + 1
    if j < len(doc) and (doc[j].is_alpha and doc[j].lower_ not in ("and", "or")):
        return None  # "15 dollars and 15 people" counts people
    if doc[end - 1].lower_ in lexicon.CURRENCY_WORDS or doc[end - 1].lower_ in (
        lexicon.CURRENCY_CODES
    ):
        return value, j  # "15 dollars 50", "17 USD 25"
    return None


_FEW_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1e9, "dozen": 12}


def _few_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """ "several" (3), "a few" (2), "a couple of" (2) right before a scale word."""
    if start >= 1 and doc[start - 1].lower_ == "several":
        return 3, start - 1
    if start >= 2 and doc[start - 2].lower_ == "a" and doc[start - 1].lower_ == "few":
        return 2, start - 2
    if start >= 3 and [t.lower_ for t in doc[start - 3 : start]] == ["a", "couple", "of"]:
        return 2, start - 3
    return None


def _age_of(doc: Doc, start: int, end: int, value: float) -> str | None:
    """Whose age a bare number is, in the wire's ways of giving one: "aged 12" ("")
    and "Tobin Kale, 45," or "the defendant, 29," (the person). ``None`` when no age."""
    if not (float(value).is_integer() and 0 < value < 120) or start == 0:
        return None
    if doc[start - 1].lower_ == "aged":
        return _person_before(doc, start - 1) or ""
    closed = end == len(doc) or doc[end].text in (",", ".", ";", ")")
    return _person_before(doc, start) if closed else None


def _person_before(doc: Doc, i: int) -> str | None:
    """The person named right before the comma at ``i - 1``: "Maria Lopez, …"."""
    if i < 2 or doc[i - 1].text != ",":
        return None
    person = doc[i - 2]
    if person.ent_type_ == "PERSON":
        return next(e.text for e in doc.ents if e.start <= person.i < e.end)
    return person.text if person.lower_ in lexicon.PERSON_NOUNS else None


def _spaced_minus(doc: Doc, start: int, end: int) -> bool:
    """A minus sign set apart from a number that is all its line says ("- 1,200,000");
    in running text a dash there is a bullet or an aside, never a sign."""
    if start == 0 or doc[start - 1].text not in ("-", "−"):
        return False
    sent = doc[start].sent
    return sent.start == start - 1 and all(t.is_punct or t.is_space for t in doc[end : sent.end])


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


def _attribution_of(sent: Span) -> tuple[int, int] | None:
    """:func:`attribution` of a sentence, worked out once however many figures it holds."""
    cache = sent.doc.user_data.setdefault("newsdesk.attribution", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = attribution(sent)
    found: tuple[int, int] | None = cache[key]
    return found
