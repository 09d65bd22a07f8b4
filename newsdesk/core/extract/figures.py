"""Figures: numbers with their hedge, bounds, unit, counted noun and change.

Seeds (:mod:`.seeds`) are runs of number tokens the NER may or may not have
marked. Each seed is read as a :class:`_Phrase` in stages: the hedge and
currency sign before it, trailing scales, a range partner (:mod:`.ranges`),
the unit or currency after it (:mod:`.units`), its value, and the noun it
counts; numbers that are parts of dates, years, names, codes or scores are
dropped (:mod:`.exclusions`). The result is a :class:`FigureReading`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

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
    is_number_word,
    vague_lower_bound,
)
from newsdesk.core.extract.numerals import (
    CURRENCY_PREFIX,
    TRAILING_SCALES,
    bare,
    continues_number,
    is_numeric,
    match_before,
    number_end,
    ratio_after,
    value_of,
    value_of_text,
)
from newsdesk.core.extract.periods import TIME_UNITS
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
from newsdesk.core.extract.seeds import one_unit, seed_spans
from newsdesk.core.extract.units import (
    LETTER_SCALES,
    Measure,
    glued_measure,
    measure_after,
    rate_after,
    whole_unit,
)

# Words after which "over" a length of time means more than it, not during it.
_MORE_THAN_BEFORE = frozenset(
    {"for", "of", "after", "aged", "took", "take", "takes", "lasted", "lasting", "spent",
     "served", "serving", "than", "in", "within", "just", "well", "ago"}
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
            previous.text = text[previous.start : previous.end]
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


@dataclass
class _Phrase:
    """A figure phrase while it is read: where its parts are and what they say."""

    phrase_start: int  # the whole phrase: hedge, currency sign, "between"
    number_start: int  # the number itself
    end: int
    qualifier: str | None = None
    currency: str | None = None
    unit: str | None = None
    percent: bool = False
    scale_after: str = ""  # a scale written after a code or as a letter: "75 USD million"
    core_end: int = 0  # the end of the number, before a range partner or unit
    low_end: int = 0  # the end of the bottom of a range (``core_end`` when no range)
    high_value: float | None = None
    is_range: bool = False
    descending: bool = False  # a range written from its top: "-18 °C to -34 °C"
    value: float | None = None
    vague: float | None = None  # the floor of "dozens", "several hundred"
    counted: str | None = None


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
    _find_range(doc, phrase, blocked)

    # Units and currencies written after the number.
    measure = measure_after(doc, phrase.end, phrase.currency, is_range=phrase.is_range)
    phrase.end, phrase.currency = measure.end, measure.currency
    phrase.unit, phrase.percent = measure.unit, measure.percent
    phrase.scale_after = phrase.scale_after or measure.scale
    cents = _cents_after(doc, phrase.end) if phrase.currency and not phrase.is_range else None
    if cents is not None:
        phrase.end = cents[1]  # "13 dollars and 45 cents" is 13.45
    if any(t.lower_ in ("%", "percent", "pct") for t in doc[phrase.number_start : phrase.end]):
        phrase.percent, phrase.unit = True, phrase.unit or "%"

    if not _read_value(doc, phrase):
        return None
    if cents is not None and phrase.value is not None:
        phrase.value += cents[0] / 100
    if not _settle_value(doc, phrase, taken):
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
    _read_unit_and_counted(doc, phrase)
    _find_range_with_units(doc, phrase, blocked)
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


def _opening(doc: Doc, start: int, end: int, blocked: set[int]) -> _Phrase:
    """The hedge and the currency sign or code before the number ("at least $1.42",
    "NZ $26 million", "R500")."""
    number_start, qualifier = _leading_qualifier(doc, start, end)
    phrase = _Phrase(start, number_start, end, qualifier)
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


def _take_trailing_scales(doc: Doc, phrase: _Phrase, blocked: set[int]) -> None:
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


def _find_range(doc: Doc, phrase: _Phrase, blocked: set[int]) -> None:
    """A range partner: "between 10 and 20", "10 to 20", "10-20", "from 10 to 20";
    "fell from 20 to 10" is two figures, "won 3-1" a score."""
    number_start, end = phrase.number_start, phrase.end
    range_split = split_range(doc, number_start, end)
    if range_split is not None:
        phrase.low_end = range_split[0]
        phrase.high_value = value_of(doc[range_split[1] : end])
        phrase.is_range = phrase.high_value is not None
    elif (
        (joint := joiner_at(doc, end)) is not None
        and joint + 1 < len(doc)
        and starts_number(doc, joint + 1, blocked)
    ):
        joiner = doc[joint].lower_
        start = phrase.phrase_start
        before = doc[start - 1].lower_ if start > 0 else ""
        # "rose 3% to 5%": a change, then the new level; "rise 10 to 20 percent" is a range.
        own_unit = doc[end - 1].text == "%" or phrase.currency is not None
        changes_to = joiner == "to" and (
            (before != "from" and own_unit and change_of(doc, start) is not None)
            or moves_from(doc, start)
            or (before == "by" and change_of(doc, start) is not None)  # "fell by 12 to 47"
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
                phrase.high_value, phrase.is_range, phrase.end = high_value, True, high_end
    if phrase.is_range and phrase.high_value is not None:
        low_value = value_of(doc[number_start : phrase.low_end])
        if (
            low_value is not None
            and phrase.high_value < low_value
            and doc[phrase.low_end].lower_ == "to"
            and not score_or_phone(doc, number_start, phrase.end)
        ):
            # "fell from 20 to 10": the old figure and then the new one, not a range
            # ("ruled 5-4" stays a tally, which is no figure) — unless it is a range
            # of negatives written from the warm end, "ranged from -18C to -34C".
            phrase.descending = low_value < 0 and not moves_from(doc, phrase.phrase_start)
            if not phrase.descending:
                phrase.is_range, phrase.high_value, phrase.end = False, None, phrase.low_end
    start = phrase.phrase_start
    if phrase.is_range and start > 0 and doc[start - 1].lower_ in ("between", "from"):
        phrase.phrase_start -= 1


def _read_value(doc: Doc, phrase: _Phrase) -> bool:
    """The number's value, or the floor of a vague one; ``False`` when it has neither."""
    value_tokens = [
        t
        for t in doc[phrase.number_start : phrase.low_end]
        if t.lower_ not in lexicon.CURRENCY_SYMBOLS
        and not (phrase.scale_after and bare(t) in LETTER_SCALES)  # the "T" of "$2.174T"
    ]
    value_text = " ".join(
        [*(t.text for t in value_tokens if t.text != "%"), phrase.scale_after]
    ).strip()
    start = phrase.phrase_start
    if (
        value_text.lower() in ("thousands", "millions", "billions")
        and start == phrase.number_start
        and start >= 2
        and doc[start - 2].lower_ in ("tens", "hundreds")
        and doc[start - 1].lower_ == "of"
    ):
        phrase.phrase_start = phrase.number_start = start - 2
        value_text = f"{doc[start - 2].lower_} of {value_text}"
    vague = vague_lower_bound(value_text)
    start = phrase.phrase_start
    fewness = _few_before(doc, start) if start == phrase.number_start else None
    if fewness is not None and value_text.lower() in _FEW_SCALES:
        # "several hundred", "a few thousand": an open range, at least n hundred
        count, phrase.phrase_start = fewness
        vague = count * _FEW_SCALES[value_text.lower()]
    value = None if vague is not None else value_of_text(value_text)
    if value is None and phrase.percent and re.fullmatch(r"\d+,\d{1,2}", value_text):
        value = float(value_text.replace(",", "."))  # "2,5%": a decimal comma
    if value is None and value_text.lower() in ("a", "an"):
        value = 1.0  # "a dollar", "a gallon"
    if value_text.lower() == "a couple" and phrase.qualifier is None:
        phrase.qualifier = "about"  # "a couple of weeks" is two or so
    if value is None:
        onto = Measure(phrase.end, phrase.currency, phrase.unit, phrase.percent)
        value = glued_measure(value_text, onto)  # "40C", "50p", "$2.174T"
        phrase.currency, phrase.unit, phrase.percent = onto.currency, onto.unit, onto.percent
    phrase.value, phrase.vague = value, vague
    return value is not None or vague is not None


def _settle_value(doc: Doc, phrase: _Phrase, taken: set[int]) -> bool:
    """Signs, shared scales and ratios; ``False`` for a score or a phone number."""
    value, high = phrase.value, phrase.high_value
    end = phrase.end
    if value is not None and not phrase.is_range and _spaced_minus(doc, phrase.phrase_start, end):
        value, phrase.phrase_start = -value, phrase.phrase_start - 1  # "- 10 k" on its own line
    if phrase.descending and value is not None and high is not None:
        value, high = high, value
    if phrase.is_range and value is not None and high is not None:
        scale = shared_scale(doc[phrase.number_start : phrase.low_end], doc[phrase.low_end : end])
        if value * scale <= high:
            value *= scale  # "$5-7 million" runs from 5 million
    ratio = ratio_after(doc, end) if value is not None and not phrase.is_range else None
    if ratio is not None and value is not None and value < ratio[0]:
        denominator, phrase.end = ratio
        value = value / denominator  # "one in five" is a fifth
    phrase.value, phrase.high_value = value, high
    if (
        phrase.is_range
        and value is not None
        and high is not None
        and (high < value or score_or_phone(doc, phrase.number_start, phrase.end))
    ):
        taken.update(range(phrase.number_start, phrase.end))
        return False  # "won 3-1" is a score, "555-1234" a phone number
    return True


def _read_unit_and_counted(doc: Doc, phrase: _Phrase) -> None:
    """A unit after the number ("35 miles", "a 34-year-old man"), an age, or else the
    noun the number counts ("26 people", "a 5,000-strong crowd")."""
    age_of: str | None = None
    head = number_head(doc, phrase.number_start, phrase.end)
    if not phrase.percent and phrase.currency is None:
        unit_token = unit_after(doc, phrase.end, head)
        if unit_token is not None:
            phrase.unit, phrase.end, age_of = whole_unit(doc, unit_token)
    if (
        phrase.unit is None
        and phrase.currency is None
        and not phrase.percent
        and phrase.value is not None
    ):
        age = _age_of(doc, phrase.phrase_start, phrase.end, phrase.value)
        if age is not None:
            phrase.unit, age_of = "years old", age or None  # "Tobin Kale, 45,", "aged 12"
    counted: str | None = None
    end = phrase.end
    if phrase.unit is None or phrase.unit in ("%", "percentage points", "points"):
        counted = counted_noun(doc, head, end, phrase.currency is not None or phrase.percent)
    if (
        counted is None
        and [t.lower_ for t in doc[end : end + 2]] == ["-", "strong"]
        and end + 2 < len(doc)
        and doc[end + 2].pos_ == "NOUN"
    ):
        counted = doc[end + 2].text  # "a 5,000-strong crowd"
    phrase.counted = counted or age_of
    # A rate: "4.1 per 1,000 children", "1,800 cases per 100,000 people a month".
    skip = 1 if counted is not None and end < len(doc) and doc[end].text == counted else 0
    rate = rate_after(doc, end + skip)
    if rate is not None:
        phrase.end = rate[1]
        if phrase.currency is None:  # money keeps its currency as its unit: "$5 per 1,000 words"
            phrase.unit = rate[0]


def _find_range_with_units(doc: Doc, phrase: _Phrase, blocked: set[int]) -> None:
    """A range written with its unit on both sides: "44 mg to 50 mg", "$10-$20"."""
    start, value = phrase.phrase_start, phrase.value
    rises_to = (
        (
            (phrase.percent or phrase.currency is not None or phrase.unit is not None)
            and change_of(doc, start) is not None
            and not (start and doc[start - 1].lower_ == "from")
        )
        or moves_from(doc, start)
        or (start > 0 and doc[start - 1].lower_ == "by" and change_of(doc, start) is not None)
    )  # "rose 3% to 5%", "rose from 10 to 20", "fell by 12 to 47": two figures
    if phrase.is_range or value is None or rises_to:
        return
    partner = range_partner(
        doc, start, phrase.end, blocked, money=phrase.currency is not None, unit=phrase.unit
    )
    if partner is not None and partner[0] < value < 0 and not moves_from(doc, start):
        # "ranged from -18 °C to -34 °C": a range written from the warm end
        (phrase.value, phrase.end), phrase.high_value, phrase.is_range = partner, value, True
    elif partner is not None and partner[0] >= value:
        (phrase.high_value, phrase.end), phrase.is_range = partner, True
        if start and doc[start - 1].lower_ in ("between", "from"):
            phrase.phrase_start -= 1


def _settle_qualifier(doc: Doc, phrase: _Phrase) -> None:
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


def _reading(doc: Doc, phrase: _Phrase) -> FigureReading:
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
        text=doc_text(doc)[start_char:end_char],
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        change=change_of(doc, phrase.phrase_start) or change_after(doc, phrase.end),
        unit=unit,
        counted=phrase.counted,
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
    j = number_end(doc, i, i + 1)
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
